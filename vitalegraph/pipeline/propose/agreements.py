"""Agreements, adoptions and participation: what persons with a function and departments do together.

* ``agreement``: a sentence that says an agreement was signed, its signatories (the persons with a
  function it names before ``namens``) and those on whose behalf (the offices and departments after);
* ``adoption``: a person with a function who adopts an organisation, and the successor named;
* ``participation``: the departments a sentence says take part ("betrokken"), or not ("met
  uitzondering van"), in the pilot of a document with a team listing.

The words are the vocabulary's ``[agreements]``, ``[adoptions]`` and ``[participation]``.

Examples
--------
>>> from vitalegraph.pipeline.propose import propose
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit en Jan Bos, directeur van Woonstad, "
...                                 "tekenden het convenant.".encode())
>>> [(c.fields["id"], c.fields["signatories"]) for c in propose(doc, kinds=["agreement"])]
[('convenant-wit-bos', [{'name': 'Els de Wit', 'function': 'wethouder'}, {'name': 'Jan Bos', 'function': 'directeur van Woonstad'}])]
"""

from __future__ import annotations

import re
from typing import Any

from ..extraction import normalize_space
from ..reference import slug
from ..statements import MODAL
from .candidate import Candidate, dedupe
from .document import Doc, Line
from .finders import PHRASE_WORD, Found, name_at
from .persons import person_fields

__all__ = ["agreement_candidates", "adoption_candidates", "participation_candidates"]

def agreement_candidates(d: Doc, lines: list[Line], persons: list[Found]) -> list[Candidate]:
    """A sentence that says an agreement was signed: its signatories (the persons with a function it
    names before ``namens``) and those on whose behalf (the offices and departments after it)."""
    out = []
    for line in lines:
        for a, b in line.sentences:
            kind, signed = d.agreement_kinds.search(d.text, a, b), d.signing.search(d.text, a, b)
            if not (kind and signed):
                continue
            behalf = d.behalf.search(d.text, a, b)
            cut = behalf.start() if behalf else b
            signers = [(p, person_fields(d, p)) for p in persons if p.sentence == (a, b) and p.end <= cut]
            signers = [{"name": f["name"], "function": f["function"]} for p, f in signers if f is not None]
            if not signers:
                continue
            on_behalf = []
            if behalf:
                found = sorted([*d.offices.finditer(d.text, behalf.end(), b), *d.department_names.finditer(d.text, behalf.end(), b)],
                               key=lambda m: m.start())
                on_behalf = list(dict.fromkeys(normalize_space(m.group(0)) for m in found))
            q = d.quote(a, b, [(a, b), line.span])
            if q is None:
                continue
            word = normalize_space(kind.group(0))
            fields: dict[str, Any] = {"id": slug(" ".join([word, *(s["name"].split()[-1] for s in signers)])),
                                      "label": word[:1].upper() + word[1:], "signatories": signers}
            if on_behalf:
                fields["on_behalf_of"] = on_behalf
            out.append(Candidate("agreement", fields, [q], f"'{word}' and '{normalize_space(signed.group(0))}' with "
                                 "the persons who sign", ["write the agreement's name as label and an id unique in the "
                                                          "corpus; check signatories and on_behalf_of"]))
    return dedupe(out)


def adoption_candidates(d: Doc, lines: list[Line], persons: list[Found]) -> list[Candidate]:
    """A person with a function who adopts an organisation ("adopteerde minister X de Y-school"), and
    who takes the adoption over ("zijn opvolger Z").

    Returns
    -------
    list of Candidate
        One a sentence with a verb of adopting, a person with a function and a name after both.
    """
    out = []
    for line in lines:
        for a, b in line.sentences:
            verb = d.adopting.search(d.text, a, b)
            if not verb:
                continue
            adopters = [(p, person_fields(d, p)) for p in persons if p.sentence == (a, b)]
            adopters = [(p, f) for p, f in adopters if f is not None]
            if not adopters:
                continue
            p, pf = adopters[0]
            org = _organisation_after(d, max(verb.end(), p.end), b)
            if org is None:
                continue
            fields: dict[str, Any] = {"adopter": pf["name"], "adopter_function": pf["function"], "organisation": org}
            kind = next((k for k in d.kind_words if org.split()[-1].casefold().endswith(k)), "") or \
                next((k for k in d.kind_words if org.split()[0].casefold() == k), "")
            if kind:
                fields["organisation_type"] = kind
            review = ["add district and municipality where the text says where the organisation is"]
            _successor(d, a, b, fields, review)
            q = d.quote(a, b, [(a, b), line.span])
            if q is not None:
                out.append(Candidate("adoption", fields, [q], f"'{normalize_space(verb.group(0))}' with a person with a "
                                     "function and the organisation after them", review))
    return dedupe(out)


def _organisation_after(d: Doc, pos: int, end: int) -> str | None:
    """The capitalised words after *pos* (and an article), up to *end*: the organisation adopted."""
    art = re.match(r"\s+(?:(?:de|het|een)\s+)?", d.text[pos:end])
    if not art:
        return None
    words, at = [], pos + art.end()
    while True:
        w = PHRASE_WORD.match(d.text, at, end)
        if not w:
            break
        words.append(w)
        gap = re.match(r" +", d.text[w.end():end])
        if not gap or not PHRASE_WORD.match(d.text, w.end() + gap.end(), end):
            break
        at = w.end() + gap.end()
    if not words:
        return None
    return normalize_space(d.text[words[0].start():words[-1].end()]).rstrip(".,;:")


def _successor(d: Doc, a: int, b: int, fields: dict[str, Any], review: list[str]) -> None:
    """The successor the sentence ``a:b`` names after a word of succession, into *fields*; announced
    where a word of announcement follows."""
    succ = d.successor.search(d.text, a, b)
    if succ:
        gap = re.match(r"\s+", d.text[succ.end():b])
        span = name_at(d, succ.end() + gap.end(), b) if gap else None
        if span is not None:
            fields["successor"] = normalize_space(d.text[span[0]:span[1]])
            if MODAL.search(d.text[succ.end():b]):
                fields["successor_basis"] = "announced"
                review.append("successor_basis \"announced\": the sentence says the successor was to take "
                              "it over, not that he did; check")


def participation_candidates(d: Doc, lines: list[Line]) -> list[Candidate]:
    """Departments (ministries.csv) a sentence says take part ("X en Y zijn betrokken"), or not
    ("met uitzondering van X en Y zijn alle departementen betrokken"); only in a document with a
    team listing, whose pilot they take part in."""
    out = []
    if not d.has_listing:
        return out
    for line in lines:
        for a, b in line.sentences:
            word = d.participating.search(d.text, a, b)
            deps = list(d.department_names.finditer(d.text, a, b))
            if not (word and deps):
                continue
            ex = d.excepting.search(d.text, a, b)
            if ex is not None:
                named = [m for m in deps if m.start() >= ex.end() and (m.end() <= word.start() or word.start() < ex.end())]
                involved = False
            else:
                named = [m for m in deps if m.end() <= word.start()]
                involved = True
            if not named:
                continue
            start = ex.start() if ex is not None else named[0].start()
            end = max(word.end(), named[-1].end())
            q = d.quote(start, end, [(a, b), line.span])
            if q is None:
                continue
            out.append(Candidate("participation", {"departments": list(dict.fromkeys(normalize_space(m.group(0))
                                                                                    for m in named)),
                                                   "involved": involved}, [q],
                                 f"departments (ministries.csv) with '{normalize_space(word.group(0))}'"
                                 + (f" after '{normalize_space(ex.group(0))}'" if ex is not None else ""),
                                 ["check that the sentence says the departments took part in the document's pilot"
                                  + (" (true) or not (false)")]))
    return dedupe(out)

