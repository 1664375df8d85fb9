"""Projects: a news item (a heading and the paragraphs under it) with an amount, organisations or a dated event.

The heading is the project's label; the item's first municipality, its organisations with their
kind (partners), its first amount, the dates of what was presented or started (the vocabulary's
``[projects]``) and its first citation become the candidate's fields, each with the sentence it
stands in as a quote.

Examples
--------
>>> from vitalegraph.pipeline.propose import propose
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Nieuw buurthuis\\nDe stichting Alfa betaalt € 5.000.\\n".encode())
>>> [(c.fields["label"], c.fields["amount"], c.fields["partners"]) for c in propose(doc, kinds=["project"])]
[('Nieuw buurthuis', 5000, [{'name': 'Alfa', 'type': 'stichting'}])]
"""

from __future__ import annotations

from typing import Any

from ..extraction import Text, normalize_space
from ..reference import slug
from .candidate import Candidate, mark_announced, mark_context
from .document import Doc, Line, sentence_of
from .finders import Found

__all__ = ["project_candidates"]

def project_candidates(d: Doc, items: list[tuple[Line | None, list[Line]]], dates: list[Found],
                       amounts: list[Found], orgs: list[Found], cites: list[Found],
                       cite_ids: dict[int, str]) -> list[Candidate]:
    """A ``project`` candidate for each news item with a heading that has a dated event, an amount
    or organisations with their kind.

    Parameters
    ----------
    d : Doc
    items : list of (Line or None, list of Line)
        The news items (:func:`~vitalegraph.pipeline.propose.document.news_items`).
    dates, amounts, orgs, cites : list of Found
        What the finders found in the whole document.
    cite_ids : dict
        The publication id of each citation, by its start.

    Returns
    -------
    list of Candidate
        In the order of the items; an item of which some quote stands more than once even
        lengthened is left out.
    """
    out = []
    for heading, paragraphs in items:
        if heading is None:
            continue
        spans = [heading.span, *(p.span for p in paragraphs)]
        inside = lambda f: any(lo <= f.start and f.end <= hi for lo, hi in spans)   # noqa: E731
        cite_spans = [(c.start, c.end) for c in cites if inside(c)]
        mine = {"date": [f for f in dates if inside(f) and not any(a <= f.start < b for a, b in cite_spans)],
                "amount": [f for f in amounts if inside(f)],
                "organisation": [f for f in orgs if inside(f) and f.line is not heading],   # a kind word in the heading is the project's own
                "citation": [c for c in cites if inside(c) and c.start in cite_ids]}
        c = _project(d, heading, paragraphs, mine, cite_ids)
        if c is not None:
            out.append(c)
    return out


def _events(d: Doc, heading: Line, dates: list[Found]) -> list[tuple[str, Found, str | None]]:
    """The dated events of an item: ``presented`` or ``start`` by the words of the date's sentence,
    or, for the date of a meeting, by the words of the heading (rule ``heading-at-dated-meeting``)."""
    events = []
    for f in dates:
        sentence = d.text[f.sentence[0]:f.sentence[1]]
        key = "presented" if d.presented.search(sentence) else "start" if d.started.search(sentence) else None
        if key is not None:
            events.append((key, f, None))
        elif d.meetings.search(sentence) and f.line is not heading:
            hkey = "presented" if d.presented.search(d.text[heading.start:heading.end]) else \
                "start" if d.started.search(d.text[heading.start:heading.end]) else None
            if hkey is not None:
                events.append((hkey, f, "heading-at-dated-meeting"))
    return events


def _project(d: Doc, heading: Line, paragraphs: list[Line], mine: dict[str, list[Found]],
             cite_ids: dict[int, str]) -> Candidate | None:
    """The candidate of one news item, from what was found in it (*mine*, by kind of finding)."""
    hq = d.quote(heading.start, heading.end, [heading.span])
    if hq is None:
        return None
    events = _events(d, heading, mine["date"])
    if not (events or mine["amount"] or mine["organisation"]):
        return None
    fields: dict[str, Any] = {"id": slug(hq.value), "label": hq.value}
    review: list[str] = []
    quotes_at = _fill(d, fields, review, heading, paragraphs, events, mine, cite_ids)
    quotes = _quotes(d, hq, quotes_at)
    if quotes is None:
        return None
    review.append("districts = [...] as written, description = \"one English sentence\"; "
                  "the id must be unique in the whole corpus")
    c = Candidate("project", fields, quotes,
                  "news item with " + ", ".join(w for w, ok in (("a dated event", events), ("an amount", mine["amount"]),
                                                               ("organisations with their kind", mine["organisation"]))
                                                if ok),
                  review, [fields["publication"]] if "publication" in fields else [])
    mark_announced(c)
    mark_context(c)
    return c


def _fill(d: Doc, fields: dict[str, Any], review: list[str], heading: Line, paragraphs: list[Line],
          events: list[tuple[str, Found, str | None]], mine: dict[str, list[Found]],
          cite_ids: dict[int, str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Add to *fields* (and *review*) the item's municipality, partners, amount, events and
    publication, in that order.

    Returns
    -------
    list of ((int, int), (int, int))
        The sentence (or citation) each of them stands in, and its line's span: the quotes to make.
    """
    quotes_at: list[tuple[tuple[int, int], tuple[int, int]]] = []     # a sentence (or citation), its line
    munis = [m for lo, hi in [heading.span, *(p.span for p in paragraphs)]
             for m in d.municipality_names.finditer(d.text, lo, hi)]
    if munis:
        m = munis[0]
        fields["municipality"] = m.group(0)
        quotes_at.append(sentence_of(m.start(), [heading, *paragraphs]))
    partners = []
    for f in mine["organisation"]:
        if f.value["name"] not in [p["name"] for p in partners]:
            partners.append({"name": f.value["name"], "type": f.value["type"]})
            quotes_at.append((f.sentence, f.line.span))
    if partners:
        fields["partners"] = partners
        review.append("partners: check that each organisation takes part in the project; "
                      "add role = \"initiator\" | \"funder\" | \"supplier\" where the text tells it")
    if mine["amount"]:
        f = mine["amount"][0]
        fields["amount"] = f.value
        fields["currency"] = "EUR"
        quotes_at.append((f.sentence, f.line.span))
        if len(mine["amount"]) > 1:
            review.append(f"the item names {len(mine['amount'])} amounts; the first is proposed")
    seen_keys = set()
    for key, f, rule in events:
        if key in seen_keys:
            continue
        seen_keys.add(key)
        fields[key] = f.value
        fields[f"{key}_words"] = normalize_space(d.text[f.start:f.end])
        if rule:
            fields[f"{key}_basis"] = "inferred"
            fields[f"{key}_rule"] = rule
            review.append(f"{key}: the date of the meeting the item describes, what the heading says happened "
                          f"(rule {rule}); check")
        quotes_at.append((f.sentence, f.line.span))
    if mine["citation"]:
        cite = mine["citation"][0]
        fields["publication"] = cite_ids[cite.start]
        quotes_at.append(((cite.start, cite.end), cite.line.span))
    return quotes_at


def _quotes(d: Doc, hq: Text, quotes_at: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[Text] | None:
    """The heading's quote and one for each place of *quotes_at* that no quote holds yet, in the
    order of the text; ``None`` if one of them stands more than once even lengthened."""
    quotes = [hq]
    for (s, e), line_span in sorted(set(quotes_at)):
        if any(q.start <= s and e <= q.end for q in quotes):
            continue
        q = d.quote(s, e, [(s, e), line_span])
        if q is None:
            return None
        quotes.append(q)
    return sorted(quotes, key=lambda q: q.start)
