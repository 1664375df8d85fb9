"""Coverage: which candidates a curator has written down already.

:func:`covers` tells whether a candidate proposes a curated statement (the same kind, an overlapping
quote, the same thing named); :func:`not_curated` keeps the candidates that cover no statement of
the document's statement file (``vitalegraph propose --new``); ``benchmarks/propose.py`` measures
recall and precision with the same test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..reference import name_key
from ..sources import SourceDocument
from ..statements import Statement, load_statement_file
from .candidate import Candidate

__all__ = ["covers", "shared_quotes", "not_curated", "IDENTIFYING"]

#: per statement kind, the field that says which thing a statement is about; a candidate covers a
#: curated statement of its kind only when that field agrees (see :func:`covers`)
IDENTIFYING = {"person_function": "name", "pilot_city": "name", "evaluation": "subject", "mention": "name",
               "membership": "name", "adoption": "organisation"}


def shared_quotes(statements: Iterable[Statement]) -> frozenset[tuple[str, int, int]]:
    """``(kind, start, end)`` of every quote that several curated statements of one kind rest on (a
    list's introduction, a citation, a sentence naming several cities): for :func:`covers`."""
    seen: dict[tuple[str, int, int], int] = {}
    for st in statements:
        for q in {(st.kind, q.start, q.end) for q in st.quotes}:
            seen[q] = seen.get(q, 0) + 1
    return frozenset(k for k, n in seen.items() if n > 1)


def covers(candidate: Candidate, statement: Statement, shared: frozenset = frozenset()) -> bool:
    """Whether *candidate* proposes the curated *statement*: the same kind, a quote that overlaps one
    of the statement's own quotes (character offsets), and, for a kind of :data:`IDENTIFYING`, the
    same thing named (its field equal ignoring case, accents and spaces, or one a surname of the other).

    A statement's own quotes are those not in *shared* (:func:`shared_quotes` of its file), unless all
    of its quotes are shared: the introduction of a list covers no item of it by itself, and a
    citation or a sentence shared by several statements covers only those about the candidate's own
    subject.
    """
    if candidate.kind != statement.kind:
        return False
    own = [s for s in statement.quotes if (statement.kind, s.start, s.end) not in shared] or statement.quotes
    if not any(q.start < s.end and s.start < q.end for q in candidate.quotes for s in own):
        return False
    key = IDENTIFYING.get(statement.kind)
    if key is None or key not in candidate.fields or not isinstance(statement.get(key), str):
        return True
    a, b = name_key(str(candidate.fields[key])), name_key(statement.get(key))
    last = lambda s: name_key(s.split()[-1]) if s.split() else ""   # noqa: E731
    return a == b or last(str(candidate.fields[key])) == b or a == last(statement.get(key))


def not_curated(doc: SourceDocument, candidates: list[Candidate], statements: str | Path) -> list[Candidate]:
    """The *candidates* that cover no statement of *doc*'s statement file in the folder *statements*
    (``<stem>.toml``; all of them when there is none): what a curator has not written down yet. A
    kept candidate that refers to a proposed publication the file has already refers to the file's id.

    Raises
    ------
    StatementError
        If the statement file is malformed or a quote of it is not in *doc* (as the build says).
    """
    path = Path(statements) / f"{doc.stem}.toml"
    if not path.is_file():
        return list(candidates)
    curated = load_statement_file(path, doc).statements
    shared = shared_quotes(curated)
    kept, same = [], {}
    for c in candidates:
        covered = [st for st in curated if covers(c, st, shared)]
        if not covered:
            kept.append(c)
        elif c.kind == "publication":
            same[c.fields["id"]] = covered[0].get("id")
    for c in kept:     # a publication the curator has already: refer to it by the curator's id
        for key in ("according_to", "publication"):
            if c.fields.get(key) in same:
                c.fields[key] = same[c.fields[key]]
        c.needs = [n for n in c.needs if n not in same]
    return kept

