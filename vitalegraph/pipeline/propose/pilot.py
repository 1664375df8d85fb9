"""The pilot and what is promised for it: ``pilot_city`` and ``commitment`` candidates.

* ``pilot_city``: the municipalities a sentence about pilot districts names (the vocabulary's
  ``[pilot]`` patterns);
* ``commitment``: a sentence with a word of promise (``[commitments]``: "belooft", "zetten in op"),
  or each item of the list under such a sentence when it ends in a colon.

Examples
--------
>>> from vitalegraph.pipeline.propose import propose
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "De pilotwijken liggen in Emmen. Het rijk belooft:\\n • meer groen\\n".encode())
>>> [(c.kind, c.fields.get("name") or c.fields["label"]) for c in propose(doc)]
[('pilot_city', 'Emmen'), ('commitment', 'meer groen')]
"""

from __future__ import annotations

import re
from typing import Any

from ..extraction import Text, normalize_space
from ..reference import slug
from ..statements import MODAL
from .candidate import Candidate, dedupe
from .document import Doc, Line
from .finders import find_dates

__all__ = ["pilot_candidates", "commitment_candidates"]

def pilot_candidates(d: Doc, lines: list[Line]) -> list[Candidate]:
    """A ``pilot_city`` candidate for each municipality (municipalities.csv) named after the pilot
    words of a sentence, quoted from the sentence's start to the last name where that stands once."""
    out = []
    for line in lines:
        for sentence in line.sentences:
            pilot = d.pilot.search(d.text, *sentence)
            if not pilot:
                continue
            names = list(d.municipality_names.finditer(d.text, pilot.end(), sentence[1]))
            if not names:
                continue
            q = d.quote(pilot.start(), names[-1].end(), [sentence, line.span])
            if q is None:
                continue
            # the words from the sentence's start to the last name: "In acht pilotwijken in A, B en C"
            q = d.quote(sentence[0], names[-1].end(), [sentence, line.span]) or q
            for m in dict((m.group(0), m) for m in names).values():
                out.append(Candidate("pilot_city", {"name": m.group(0)}, [q],
                                     "municipality (municipalities.csv) in a sentence about pilot districts",
                                     ["check that the sentence names it as a pilot city"]))
    return out


def commitment_candidates(d: Doc, all_lines: list[Line | None]) -> list[Candidate]:
    """What someone commits to, offers or promises: a sentence with a word of promise (the
    vocabulary's ``[commitments]``), or, where it ends in a colon above a list, each item of the list.

    Parameters
    ----------
    d : Doc
    all_lines : list of Line or None
        All lines of prose, ``None`` for a blank line (a list is the bullets below its sentence).

    Returns
    -------
    list of Candidate
        With ``content_basis = "announced"``, the group as written (``by_text``) where the sentence
        starts with one, and the sentence's first date as ``target``.
    """
    out = []
    for n, line in enumerate(all_lines):
        if line is None:
            continue
        for sentence in line.sentences:
            m = d.promises.search(d.text, *sentence)
            if not m:
                continue
            intro = d.quote(*sentence, [sentence, line.span])
            if intro is None:
                continue
            items = []
            if d.text[sentence[1] - 1] == ":" and sentence == line.sentences[-1]:
                items = _list_below(all_lines, n)
            before = normalize_space(d.text[sentence[0]:m.start()])
            by_text = before if re.match(r"(?:De|Het|Een)\s", before) and len(before.split()) <= 8 else ""
            dates = find_dates(d, sentence, line)
            rule = f"a word of promise ('{normalize_space(m.group(0))}')" + \
                (" above a list: one commitment an item" if items else "")
            parts = [(i, (i.start, i.end)) for i in items] or [(line, (m.start(), sentence[1]))]
            for where, (a, b) in parts:
                quotes = [intro]
                if where is not line:
                    q = d.quote(where.start, where.end, [where.span])
                    if q is None:
                        continue
                    quotes.append(q)
                out.append(_commitment(d, (a, b), quotes, by_text, [f.value for f in dates], rule))
    return dedupe(out)


def _list_below(all_lines: list[Line | None], n: int) -> list[Line]:
    """The bullets below line *n* (blank lines before them allowed), up to a line that is none."""
    items: list[Line] = []
    for nxt in all_lines[n + 1:]:
        if nxt is None:
            if items:
                break
            continue
        if not nxt.bullet:
            break
        items.append(nxt)
    return items


def _commitment(d: Doc, span: tuple[int, int], quotes: list[Text], by_text: str, dates: list[str],
                rule: str) -> Candidate:
    """The commitment to what ``text[span]`` says (a list item, or the sentence from its word of promise)."""
    label = normalize_space(d.text[span[0]:span[1]])
    label = re.sub(r"(?:[;,.:]|\s+(?:en|of))+$", "", label).strip()
    fields: dict[str, Any] = {"id": slug(label), "label": label}
    if by_text:
        fields["by_text"] = by_text
    if dates:
        fields["target"] = dates[0]
    fields["content_basis"] = "announced"
    review = ["say who commits: by = \"NAME\" (with by_function) for a person, by_type = \"organisation\" "
              "for an organisation, or by_text for a group as written" if not by_text else
              "by_text is the group as written; use by = \"NAME\" where it is a person or organisation",
              "content_basis \"announced\": what is committed to is still to be done"]
    if dates:
        review.append(f"target: the date the sentence gives ({dates[0]}); check it is the target")
    word = next((mm.group(0) for q in quotes for mm in [MODAL.search(q.value)] if mm), None)
    if word:
        fields["basis"] = "stated"
        review.append(f"basis \"stated\": the promise is made ('{word}' is what it promises); check")
    return Candidate("commitment", fields, quotes, rule, review)
