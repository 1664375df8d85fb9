"""Candidates: one proposed statement each, and what every kind of candidate gets done to it.

A :class:`Candidate` is a statement of ``data/statements/`` in the making: its kind, its fields as
the TOML writes them, its quotes (each a :class:`~vitalegraph.pipeline.extraction.Text` of the
document), the rule that proposed it, what a reviewer must check and the other candidates it needs.
The helpers here are shared by the modules that make candidates of one kind: a word of announcement
makes the weaker reading (:func:`mark_announced`), quotes that do not name the thing are its context
(:func:`mark_context`), repeats go (:func:`dedupe`) and ids are unique in a file (:func:`unique_ids`).

Examples
--------
>>> from vitalegraph.pipeline.extraction import Text
>>> c = Candidate("pilot_city", {"name": "Zwolle"}, [Text("Zwolle zal meedoen", 0, 18, 1)], "a rule")
>>> mark_announced(c); c.statement()
{'name': 'Zwolle', 'basis': 'announced', 'quote': 'Zwolle zal meedoen'}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..extraction import Text
from ..reference import name_key
from ..sources import SourceDocument
from ..statements import MODAL

__all__ = ["Candidate", "PROPOSED_KINDS", "mark_announced", "mark_context", "dedupe", "unique_ids"]

#: the statement kinds :func:`~vitalegraph.pipeline.propose.propose` proposes, in the order they are printed
PROPOSED_KINDS = ("pilot_city", "mention", "agreement", "publication", "project", "adoption", "evaluation",
                  "person_function", "commitment", "participation")


@dataclass
class Candidate:
    """One proposed statement: its kind, its fields (as the TOML writes them), its quotes.

    ``rule`` says what proposed it; ``review`` what the reviewer must check or edit; ``needs`` the
    ids of other candidates it refers to (an evaluation's publication), which must be copied too.

    Parameters
    ----------
    kind : str
        A statement kind of :data:`PROPOSED_KINDS`.
    fields : dict
        The statement's keys and values, ``quote`` apart.
    quotes : list of Text
        The words it rests on, each standing exactly once in the document.
    rule : str
        What proposed it (printed in the TOML comment above it).
    review, needs : list of str
        What to check or edit; the ids of the candidates it refers to.
    """

    kind: str
    fields: dict[str, Any]
    quotes: list[Text]
    rule: str
    review: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Where its first quote starts in the document (the order of the text)."""
        return min(q.start for q in self.quotes)

    def statement(self) -> dict[str, Any]:
        """The TOML table: the fields and ``quote`` (a string, or a list of strings)."""
        quote = [q.value for q in self.quotes]
        return {**self.fields, "quote": quote[0] if len(quote) == 1 else quote}

    def to_dict(self, doc: SourceDocument) -> dict[str, Any]:
        """The candidate as JSON: each quote's ``evidence`` also as the exact characters ``text`` of
        *doc* at ``start:end`` (the quote is those characters with white space collapsed)."""
        return {"kind": self.kind, "proposed": True, "rule": self.rule, "review": self.review, "needs": self.needs,
                "statement": self.statement(),
                "evidence": [{"quote": q.value, "text": doc.text[q.start:q.end], "start": q.start, "end": q.end,
                              "line": q.line} for q in self.quotes]}


def mark_announced(c: Candidate) -> None:
    """A candidate whose quotes use a word of announcement gets ``basis = "announced"`` (the weaker
    reading), so that the build accepts it and the reviewer decides.

    Notes
    -----
    Changes *c* in place; a candidate that says its basis already (``basis`` or ``*_basis``) is left.
    """
    word = next((m.group(0) for q in c.quotes for m in [MODAL.search(q.value)] if m), None)
    if word and not any(k == "basis" or k.endswith("_basis") for k in c.fields):
        c.fields["basis"] = "announced"
        c.review.append(f"a quote says '{word}': basis \"announced\" unless that word is not about this "
                        "statement (then basis = \"stated\")")


def mark_context(c: Candidate) -> None:
    """The quotes of a candidate that do not write the name of the thing it describes are listed
    under ``context`` (the build refuses evidence for a named thing that does not name it, unless
    it is marked so: :func:`vitalegraph.pipeline.fidelity.check_evidence`).

    Notes
    -----
    Changes *c* in place; a candidate without ``name``, ``label`` or ``names`` is left.
    """
    names = [name_key(n) for n in (c.fields.get("name"), c.fields.get("label"), *c.fields.get("names", ())) if n]
    context = [q.value for q in c.quotes if names and not any(n in name_key(q.value) for n in names)]
    if context:
        c.fields["context"] = context
        c.review.append("context: the quotes that do not name it (the setting of its facts); name it in a quote "
                        "instead where the text does")


def dedupe(cands: list[Candidate], quotes: bool = True) -> list[Candidate]:
    """The candidates without repeats: the same kind and statement (with *quotes* False, the same
    fields at another place: the first place the text says it).

    Parameters
    ----------
    cands : list of Candidate
        In the order of the text.
    quotes : bool
        Whether candidates with the same fields but other quotes are different.

    Returns
    -------
    list of Candidate
        The first of each, in the order given.
    """
    seen, out = set(), []
    for c in cands:
        key = (c.kind, json.dumps(c.statement() if quotes else c.fields, sort_keys=True, ensure_ascii=False))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def unique_ids(cands: list[Candidate]) -> None:
    """Ids are unique in a file: a second candidate with the same id gets ``-2``, ``-3`` ...

    Notes
    -----
    Changes *cands* in place. A publication keeps its id (the same citation twice is one candidate
    with two quotes already, and evaluations refer to it by that id).
    """
    taken: dict[tuple[str, str], int] = {}
    for c in cands:
        if "id" in c.fields and c.kind != "publication":
            base = c.fields["id"]
            n = taken.get((c.kind, base), 0) + 1
            taken[(c.kind, base)] = n
            if n > 1:
                c.fields["id"] = f"{base}-{n}"
