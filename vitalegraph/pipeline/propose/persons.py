"""Persons: ``person_function`` candidates, and ``mention`` candidates for other spellings.

A person found with a function word or job title (:func:`~vitalegraph.pipeline.propose.finders.find_persons`)
becomes a ``person_function`` candidate with the function as the build reads it back
(:func:`person_fields`, shared with the agreements and adoptions that name persons). A person or
district written otherwise than in the document's own team listing becomes a ``mention``.

Examples
--------
>>> from vitalegraph.pipeline.propose import propose
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Jan de Vries, directeur-generaal van Financiën, sprak.".encode())
>>> [(c.fields, c.quotes[0].value) for c in propose(doc, kinds=["person_function"])]
[({'name': 'Jan de Vries', 'function': 'directeur-generaal Financiën'}, 'Jan de Vries, directeur-generaal van Financiën')]
"""

from __future__ import annotations

import re
from typing import Any

from ..extraction import normalize_space
from ..reference import name_key
from .candidate import Candidate, dedupe
from .document import Doc, Line, sentence_of
from .finders import Found

__all__ = ["person_fields", "person_candidates", "mention_candidates"]

def person_fields(d: Doc, f: Found) -> dict[str, Any] | None:
    """The ``name`` and ``function`` (with ``organisation``, ``portfolio``) of a person found, as a
    statement writes them; ``None`` for a surname alone without a department, which the build
    could only read as a new person.

    Parameters
    ----------
    d : Doc
    f : Found
        A person of :func:`~vitalegraph.pipeline.propose.finders.find_persons`.

    Returns
    -------
    dict or None
    """
    v = f.value
    fw = v["function_word"]
    if len(v["name"].split()) == 1 and "department" not in v:
        return None
    fields: dict[str, Any] = {"name": v["name"]}
    if "department" in v:
        fields["function"] = d.function_text(fw.function if fw and fw.function != "minister-voor" else
                                             v["word"], v["department"], v["department_text"])
        if fw is None:
            fields["function"] = f"{v['word']} van {v['department_text']}"
    elif "function_start" in v:
        fields["function"] = normalize_space(d.text[v["function_start"]:v["function_end"]])
    else:
        fields["function"] = v["word"]
    if v.get("organisation"):
        fields["organisation"] = v["organisation"]
    if v.get("portfolio"):
        fields["portfolio"] = v["portfolio"]
    return fields


def person_candidates(d: Doc, found: list[Found]) -> list[Candidate]:
    """A ``person_function`` candidate for each person *found* with a function (the first place of
    each: the same fields again are left out), quoted by the words that name person and function."""
    out = []
    for f in found:
        v = f.value
        fw = v["function_word"]
        fields = person_fields(d, f)
        if fields is None:
            continue        # a surname alone is read as a known person only with a department
        review = []
        if len(v["name"].split()) == 1:
            review.append(f"'{v['name']}' is a surname alone: the build reads it as the one known person of "
                          "that surname in that department, or makes a new person")
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is None:
            continue
        what = (f"function word '{fw.pattern}' (functions.csv)" if fw else f"title '{v['word']}'")
        if "department" in v:
            what += f", department '{v['department_text']}' ({v['department'].key}, ministries.csv)"
        out.append(Candidate("person_function", fields, [q], f"person with {what}", review))
    return dedupe(out, quotes=False)


def mention_candidates(d: Doc, lines: list[Line], persons: list[Found]) -> list[Candidate]:
    """Another spelling of a person or district of the document's team listing: a person with the
    same first name and surname written otherwise ("Jan van de Berg" for "Jan van den Berg"), a
    district written with other spaces or case ("Oosterpark" for "Ooster Park")."""
    out = []
    listed = {name_key(n): n for n in d.listed_persons}
    for f in persons:
        name = f.value["name"]
        if name_key(name) in listed or len(name.split()) < 2:
            continue
        same = [n for n in d.listed_persons if name_key(n.split()[0]) == name_key(name.split()[0])
                and name_key(n.split()[-1]) == name_key(name.split()[-1])]
        if len(same) != 1:
            continue
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is not None:
            out.append(Candidate("mention", {"type": "person", "name": name, "refers_to": same[0]}, [q],
                                 f"a spelling of '{same[0]}' of the team listing (same first name and surname)",
                                 ["check that it is the same person"]))
    spelled: set[tuple[str, str]] = set()      # one candidate per spelling: the first place it stands
    for district in d.listed_districts:
        words = re.findall(r"[\w'’-]+", district)
        if not words:
            continue
        pattern = re.compile(r"(?<![\w-])" + r"\s*".join(map(re.escape, words)) + r"(?![\w-])", re.IGNORECASE)
        for line in lines:
            for m in pattern.finditer(d.text, *line.span):
                if normalize_space(m.group(0)) == district:
                    continue
                (a, b), span = sentence_of(m.start(), [line])
                q = d.quote(m.start(), m.end(), [(a, b), span])
                if q is not None and (normalize_space(m.group(0)), district) not in spelled:
                    spelled.add((normalize_space(m.group(0)), district))
                    out.append(Candidate("mention", {"type": "district", "name": normalize_space(m.group(0)),
                                                     "refers_to": district}, [q],
                                         f"a spelling of the district '{district}' of the team listing",
                                         ["check that it is the same district"]))
    return dedupe(out)

