"""Publications and evaluations: who said what of the pilot, and where it was written.

* ``publication``: a citation "(Publisher, 3 mei 2007)" or "Volgens Publisher (mei 2007)", one
  candidate a publisher and date however often it is cited;
* ``evaluation``: a sentence with a stance word of the vocabulary's ``[stances]`` ("vol lof",
  "minder tevreden"), about each municipality it names (else the pilot), according to the
  publication cited after it or the person whose words the line reports.

Examples
--------
>>> from vitalegraph.pipeline.propose import propose
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Emmen was vol lof (Trouw, 3 mei 2008).".encode())
>>> [(c.kind, c.fields["id"]) for c in propose(doc)]
[('publication', 'trouw-2008-05-03'), ('evaluation', 'trouw-2008-05-03-emmen')]
"""

from __future__ import annotations

import re

from ..extraction import Text, normalize_space
from ..reference import slug
from .candidate import Candidate, dedupe
from .document import Doc, Line, sentence_of
from .finders import Found, find_dates

__all__ = ["publication_candidates", "evaluation_candidates"]

def publication_candidates(d: Doc, cites: list[Found]) -> tuple[list[Candidate], dict[int, str]]:
    """One ``publication`` candidate a publisher and date cited (with a quote for each place it is cited).

    Returns
    -------
    (list of Candidate, dict)
        The candidates, and the id of the publication that each citation (by its start) cites.
    """
    by_id: dict[str, Candidate] = {}
    ids: dict[int, str] = {}
    for f in cites:
        pid = f"{slug(f.value['publisher'])}-{f.value['date']}"
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is None:
            continue
        ids[f.start] = pid
        if pid in by_id:
            if q not in by_id[pid].quotes:
                by_id[pid].quotes.append(q)
            continue
        by_id[pid] = Candidate("publication", {"id": pid, "publisher": f.value["publisher"], "date": f.value["date"]},
                               [q], "citation of a publisher with a date",
                               ["the id must be unique in the whole corpus; add title = \"...\" where the text gives one"])
    return list(by_id.values()), ids


def evaluation_candidates(d: Doc, lines: list[Line], cites: list[Found], cite_ids: dict[int, str],
                          persons: list[Found]) -> list[Candidate]:
    """An ``evaluation`` candidate for each sentence with a stance word and each municipality it is
    about (the pilot when it names none and the document has a team listing).

    Parameters
    ----------
    d : Doc
    lines : list of Line
    cites : list of Found
        The citations, and *cite_ids* the publication each cites (:func:`publication_candidates`).
    persons : list of Found
        The persons with a function, whose words a line may report.

    Returns
    -------
    list of Candidate
        Each quoting the sentence, the citation or the reported person's sentence, and a sentence
        that names the municipality where the first does not.
    """
    out = []
    for line in lines:
        for sentence in line.sentences:
            s_text = d.text[sentence[0]:sentence[1]]
            stance, said_so = next(((st, m.group(0)) for st, pat in d.vocab.stances for m in [pat.search(s_text)] if m),
                                   (None, ""))
            if stance is None:
                continue
            subjects = _subjects(d, sentence, line)
            quotes = [d.quote(*sentence, [sentence, line.span])]
            if None in quotes:
                continue
            according = _according_to(d, sentence, line, quotes, cites, cite_ids, persons)
            if according is None:
                continue
            if not subjects:
                if not d.has_listing:
                    continue      # "pilot" is the document's own project, which only a team listing makes
                subjects_named = ["pilot"]
            else:
                subjects_named = list(dict.fromkeys(m.group(0) for m in subjects))
            for subject in subjects_named:
                c = _evaluation(d, line, subject, subjects, quotes, stance, said_so, *according)
                if c is not None:
                    out.append(c)
    return dedupe(out)


def _subjects(d: Doc, sentence: tuple[int, int], line: Line) -> list[re.Match]:
    """The municipalities the sentence names, else the one municipality its line names (if only one)."""
    subjects = [m for m in d.municipality_names.finditer(d.text, *sentence)]
    if not subjects:
        in_line = {m.group(0): m for m in d.municipality_names.finditer(d.text, *line.span)}
        subjects = list(in_line.values()) if len(in_line) == 1 else []
    return subjects


def _according_to(d: Doc, sentence: tuple[int, int], line: Line, quotes: list[Text], cites: list[Found],
                  cite_ids: dict[int, str], persons: list[Found]) -> tuple[str, str | None, list[str]] | None:
    """Whose evaluation it is: the first citation from this sentence on in the line, else a person
    whose words the line reports; ``None`` when neither.

    Returns
    -------
    (str, str or None, list of str) or None
        The publication's id or the person's name, the date, the candidates it needs.

    Notes
    -----
    Adds the citation's or the person's quote to *quotes* where the sentence's does not hold it.
    """
    cite = next((c for c in cites if c.line is line and c.end > sentence[0] and c.start in cite_ids), None)
    date = None
    needs = []
    if cite is not None:
        according = cite_ids[cite.start]
        date = cite.value["date"]
        cq = d.quote(cite.start, cite.end, [cite.sentence, line.span])
        if cq is not None and not (quotes[0].start <= cq.start and cq.end <= quotes[0].end):
            quotes.append(cq)
        needs.append(according)
    else:
        said = [p for p in persons if p.line is line and len(p.value["name"].split()) > 1
                and d.reporting.search(d.text[max(line.start, p.start - 40):p.start])]
        if not said:
            return None
        according = said[0].value["name"]
        pq = d.quote(*said[0].sentence, [said[0].sentence, line.span])
        if pq is None:
            return None
        if not any(q.start <= pq.start and pq.end <= q.end for q in quotes):
            quotes.append(pq)
        dates = [f for s in line.sentences for f in find_dates(d, s, line)]
        if dates:
            date = dates[0].value
    return according, date, needs


def _evaluation(d: Doc, line: Line, subject: str, subjects: list[re.Match], quotes: list[Text], stance: str,
                said_so: str, according: str, date: str | None, needs: list[str]) -> Candidate | None:
    """The evaluation of *subject*, with a quote that names it (``None`` if none stands once)."""
    sq = list(quotes)
    if subject != "pilot" and not any(d.index.find_within(subject, q) for q in sq):
        m = next(m for m in subjects if m.group(0) == subject)
        (a, b), span = sentence_of(m.start(), [line])
        extra = d.quote(a, b, [(a, b), span])
        if extra is None:
            return None
        sq.append(extra)
    fields = {"id": f"{slug(according)}-{slug(subject)}", "subject": subject, "stance": stance,
              "according_to": according}
    if date:
        fields["date"] = date
    return Candidate("evaluation", fields, sq,
                     f"stance words '{normalize_space(said_so)}' ({stance}) about "
                     + ("the pilot" if subject == "pilot" else "a municipality named"),
                     ["write summary = \"one English sentence\"; check subject and stance"], needs)
