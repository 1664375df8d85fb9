"""Result tables for the terminal, CSV and JSON, shared by every command that prints rows.

A :class:`Table` holds column names and rows of :class:`Cell` values. ``table`` is an aligned
terminal table with IRIs shortened to prefixed names; ``csv`` has a header of the column names,
full IRIs, and values that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) prefixed with ``'``; ``json`` is the SPARQL 1.1 Query Results JSON
format.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from ..namespaces import shorten   # re-exported: it lives with the prefixes, which the pipeline uses too

__all__ = ["Cell", "Table", "render", "FORMATS", "shorten"]

FORMATS = ("table", "csv", "json")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "nonNegativeInteger", "int", "long")}


class Cell(NamedTuple):
    """One value: ``kind`` is ``uri``, ``literal`` or ``bnode``; literals may carry datatype or lang.

    A named tuple: a result of a hundred thousand rows is made quickly.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def to_json(self) -> dict:
        out = {"type": self.kind, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Cell":
        kind = data["type"]
        if kind == "typed-literal":
            kind = "literal"
        return cls(kind, data["value"], data.get("datatype"), data.get("xml:lang"))

    def python(self):
        """The value as Python: int/float for numeric literals, bool for booleans, else str."""
        if self.kind == "literal" and self.datatype in _NUMERIC:
            try:
                return int(self.value)
            except ValueError:
                try:
                    return float(self.value)
                except ValueError:
                    return self.value
        if self.kind == "literal" and self.datatype == _XSD + "boolean":
            return self.value in ("true", "1")
        return self.value


@dataclass
class Table:
    """Rows of cells under named columns; ``boolean`` is set for an ASK result."""

    columns: list[str]
    rows: list[list[Cell | None]]
    boolean: bool | None = None

    def records(self) -> list[dict]:
        """The rows as dicts of Python values (``None`` for unbound)."""
        return [{c: (v.python() if v is not None else None) for c, v in zip(self.columns, row)} for row in self.rows]


def _safe_terminal(text: str) -> str:
    # control and bidi-override characters would rearrange or garble the terminal
    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\t" else "\ufffd"
                   for ch in text.replace("\n", " ").replace("\r", " "))


def _display(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.kind == "uri":
        return shorten(cell.value)
    if cell.kind == "bnode":
        return f"_:{cell.value}"
    return cell.value


def _neutralise(value: str) -> str:
    """Prefix a value a spreadsheet would evaluate as a formula with ``'``.

    >>> _neutralise("=HYPERLINK(1)"), _neutralise("Amsterdam")
    ("'=HYPERLINK(1)", 'Amsterdam')
    """
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render(table: Table, fmt: str) -> str:
    """The table as text in format *fmt* (``table``, ``csv`` or ``json``)."""
    if fmt == "json":
        if table.boolean is not None:
            return json.dumps({"head": {}, "boolean": table.boolean}, ensure_ascii=False, indent=2) + "\n"
        bindings = [{c: v.to_json() for c, v in zip(table.columns, row) if v is not None} for row in table.rows]
        return json.dumps({"head": {"vars": table.columns}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        if table.boolean is not None:
            writer.writerow(["boolean"])
            writer.writerow(["true" if table.boolean else "false"])
            return buf.getvalue()
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow(["" if v is None else _neutralise(v.value) for v in row])
        return buf.getvalue()
    if fmt == "table":
        if table.boolean is not None:
            return ("true" if table.boolean else "false") + "\n"
        cells = [[_safe_terminal(_display(v)) for v in row] for row in table.rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
        line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
        out = [line(table.columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
        out.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
