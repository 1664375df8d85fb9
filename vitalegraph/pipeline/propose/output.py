"""Output: candidates as a statement file (TOML with review comments) or as JSON.

:func:`to_toml` prints a file in the format of ``data/statements/`` that the build accepts as it
stands, each candidate under comments that mark it proposed; :func:`to_json` gives each candidate
with its rule, review notes and the offsets of its quotes.
"""

from __future__ import annotations

import json
from typing import Any

from ..sources import SourceDocument
from .candidate import Candidate

__all__ = ["to_toml", "to_json", "toml_value"]

def toml_value(value: Any) -> str:
    """*value* as a TOML value on one line: a string as JSON writes it, a table inline.

    Raises
    ------
    TypeError
        For a value TOML has no literal for (None, a date).

    Examples
    --------
    >>> toml_value({"name": "Één", "involved": True, "departments": ["BZK", 2]})
    '{ name = "Één", involved = true, departments = ["BZK", 2] }'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def to_toml(doc: SourceDocument | None, candidates: list[Candidate]) -> str:
    """The candidates as a statement file of *doc*: ``source = ...``, then each candidate's
    ``[[kind]]`` table under comments that mark it proposed and say what to review. Nothing at all
    for no candidates.

    Examples
    --------
    >>> from vitalegraph.pipeline.propose import propose
    >>> from vitalegraph.pipeline.sources import SourceDocument
    >>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit (Onderwijs) is er.".encode())
    >>> print(to_toml(doc, propose(doc)))   # doctest: +NORMALIZE_WHITESPACE
    # Candidate statements proposed by `vitalegraph propose` from x.txt: 1, not reviewed.
    # Review each against the text; copy what holds into data/statements/x.toml (without this header).
    source = "x.txt"
    <BLANKLINE>
    # PROPOSED (person with function word 'wethouder' (functions.csv)), x.txt line 1, characters 0-32
    [[person_function]]
    name = "Els de Wit"
    function = "wethouder"
    portfolio = "Onderwijs"
    quote = "Wethouder Els de Wit (Onderwijs)"
    <BLANKLINE>
    >>> to_toml(doc, [])
    ''
    """
    if not candidates or doc is None:
        return ""
    out = [f"# Candidate statements proposed by `vitalegraph propose` from {doc.name}: {len(candidates)}, not reviewed.",
           f"# Review each against the text; copy what holds into data/statements/{doc.stem}.toml (without this header).",
           f"source = {toml_value(doc.name)}", ""]
    for c in candidates:
        first = c.quotes[0]
        out.append(f"# PROPOSED ({c.rule}), {doc.name} line {first.line}, characters {first.start}-{first.end}")
        for note in c.review:
            out.append(f"# review: {note}")
        for need in c.needs:
            out.append(f"# needs: the [[publication]] with id = \"{need}\" (proposed here: copy it too)")
        out.append(f"[[{c.kind}]]")
        for k, v in c.statement().items():
            if k == "quote" and isinstance(v, list):
                out.append("quote = [")
                out += [f"    {toml_value(x)}," for x in v]
                out.append("]")
            else:
                out.append(f"{k} = {toml_value(v)}")
        out.append("")
    return "\n".join(out)


def to_json(doc: SourceDocument | None, candidates: list[Candidate]) -> str:
    """The candidates as JSON: ``{"source": ..., "candidates": [...]}``, each with ``kind``,
    ``proposed: true``, ``rule``, ``review``, ``needs``, ``statement`` (the TOML table) and
    ``evidence`` (each quote, the exact characters it stands for, their offsets and line); ``""``
    for no candidates."""
    if not candidates or doc is None:
        return ""
    return json.dumps({"source": doc.name, "candidates": [c.to_dict(doc) for c in candidates]},
                      ensure_ascii=False, indent=1) + "\n"

