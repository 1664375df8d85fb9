"""The case table as data: its columns, its cases with the evidence of each cell, and its output.

:func:`vitalegraph.analysis.coalitions.case_table` computes the table from the graph; this module
holds what it computes (:class:`Evidence`, :class:`Case`, :class:`CaseTable`) and how the table is
written: ``table`` (aligned, footnote numbers in brackets, the footnotes under it), ``csv`` (a
parallel ``<column>_evidence`` column after each sourced one) or ``json``. Nothing here reads the
graph.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

__all__ = ["CASE_COLUMNS", "SOURCED", "SEP", "Evidence", "Case", "CaseTable"]

#: how the values of one cell are joined
SEP = "; "

#: the columns of the case table, with what each holds
CASE_COLUMNS: dict[str, str] = {
    "case": "the number of the case (teams ordered by municipality, district and theme)",
    "municipality": "the municipality the team's district lies in",
    "district": "the team's district",
    "team": "the adoption team",
    "theme": "the team's theme",
    "municipal_side": "the municipal representative(s), with their function as written",
    "party": "the party of the municipal side, where the source gives one",
    "director_general": "the director(s)-general, with their function as written",
    "dg_department": "the department of the director-general",
    "cabinet_member": "the member(s) of the cabinet, with their function as written",
    "cabinet_department": "the department of the member of the cabinet",
    "departments": "how many distinct departments the team reaches (the DG's and the cabinet member's)",
    "department_names": "the departments the team reaches",
    "different_departments": "true when a member of the cabinet comes from another department than the DG",
    "independent_expert": "the independent expert(s), with their function or organisation as written",
    "expert_organisation": "the organisation of the independent expert, where the graph has it",
    "members_in_other_teams": "members who also sit in other teams, and which",
    "shared_members": "how many members also sit in another team",
    "brokerage": "the Gould-Fernandez brokerage roles of the team's members on the actor network, persons "
                 "grouped by level of government (network brokerage --by level)",
    "later_changes": "who joined or left after the team listing, when, and on what basis where the graph says",
    "projects": "how many follow-up projects are located in the team's district",
    "project_names": "the follow-up projects",
    "project_amounts": "the amounts of the projects, where stated",
    "ministerial_acts": "what members of the cabinet are reported to have done there (an adoption; being named "
                        "with a project)",
    "outcome": "positive, less satisfied, mixed, or unknown where no source evaluates the case",
    "evaluations": "every evaluative statement about the team, its district or municipality: stance, who, when",
}
#: the columns whose cells rest on a source (each has a parallel ``<column>_evidence``); the
#: team's evidence (the listing lines that name it) stands behind municipality, district and theme too
SOURCED = ("team", "municipal_side", "party", "director_general", "dg_department", "cabinet_member",
           "cabinet_department", "department_names", "different_departments", "independent_expert",
           "expert_organisation", "members_in_other_teams", "later_changes", "project_names", "project_amounts",
           "ministerial_acts", "outcome", "evaluations")

@dataclass(frozen=True, order=True)
class Evidence:
    """The words a cell rests on: *quote*, in source *file*, characters *start* to *end*."""

    file: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict:
        return {"quote": self.quote, "file": self.file, "start": self.start, "end": self.end}

    def __str__(self) -> str:
        return f"{self.file}:{self.start}-{self.end} \u201c{self.quote}\u201d"


@dataclass
class Case:
    """One case: the team's IRI, its cells (:data:`CASE_COLUMNS`) and the evidence of each sourced cell."""

    team: str
    values: dict
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    district: str = ""
    municipality: str = ""


@dataclass
class CaseTable:
    """The cases, the pilot-wide evaluations (no case's outcome) and the period of the memberships."""

    cases: list[Case]
    pilot: list[dict]
    period: str = "all"
    shown: tuple[str, ...] = tuple(CASE_COLUMNS)

    @property
    def columns(self) -> list[str]:
        return list(self.shown)

    def select(self, columns) -> "CaseTable":
        """The same table showing only *columns* (in the given order; ``case`` always first).

        Raises
        ------
        ValueError
            For a column the table does not have.
        """
        columns = [c for c in columns if c]
        unknown = [c for c in columns if c not in CASE_COLUMNS]
        if unknown:
            raise ValueError(f"unknown column '{unknown[0]}'; choose from {', '.join(CASE_COLUMNS)}")
        shown = ("case", *[c for c in dict.fromkeys(columns) if c != "case"])
        return CaseTable(self.cases, self.pilot, self.period, shown)

    def footnotes(self) -> dict[Evidence, int]:
        """Each evidence's footnote number, in the order the table first cites it (row by row)."""
        numbers: dict[Evidence, int] = {}
        for case in self.cases:
            for col in self.columns:
                for ev in case.evidence.get(col, ()):
                    numbers.setdefault(ev, len(numbers) + 1)
        for ev in (ev for p in self.pilot for ev in p["evidence"]):
            numbers.setdefault(ev, len(numbers) + 1)
        return numbers

    def records(self) -> list[dict]:
        """The cases as dicts of the columns' values (no evidence)."""
        return [{col: c.values.get(col) for col in self.columns} for c in self.cases]

    def render(self, fmt: str = "table") -> str:
        """The table as ``table`` (aligned, footnote numbers in brackets, the footnotes under it),
        ``csv`` (a parallel ``<column>_evidence`` column after each sourced one) or ``json``."""
        if fmt == "json":
            return self._json()
        if fmt == "csv":
            return self._csv()
        if fmt == "table":
            return self._table()
        raise ValueError(f"unknown format '{fmt}'; choose one of table, csv, json")

    def _json(self) -> str:
        out = {"period": self.period, "columns": self.columns,
               "cases": [{**{col: c.values.get(col) for col in self.columns},
                          "evidence": {col: [e.to_json() for e in c.evidence[col]]
                                       for col in self.columns if col in SOURCED and c.evidence.get(col)}}
                         for c in self.cases],
               "pilot_evaluations": [{k: v for k, v in p.items() if k != "evidence"}
                                     | {"evidence": [e.to_json() for e in p["evidence"]]} for p in self.pilot]}
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"

    def _csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        header = []
        for col in self.columns:
            header.append(col)
            if col in SOURCED:
                header.append(col + "_evidence")
        w.writerow(header)
        for c in self.cases:
            row = []
            for col in self.columns:
                row.append(_neutralise(_text(c.values.get(col))))
                if col in SOURCED:
                    row.append(_neutralise(" | ".join(str(e) for e in c.evidence.get(col, ()))))
            w.writerow(row)
        return buf.getvalue()

    def _table(self) -> str:
        from ..query.output import Cell, Table, render

        notes = self.footnotes()
        rows = []
        for c in self.cases:
            row = []
            for col in self.columns:
                text = _text(c.values.get(col))
                refs = sorted({notes[e] for e in c.evidence.get(col, ())})
                if refs:
                    text += f" [{_ranges(refs)}]"
                row.append(Cell("literal", text) if text else None)
            rows.append(row)
        body = render(Table(self.columns, rows), "table")
        lines = [body.rstrip("\n")]
        if self.pilot:
            lines.append("")
            lines.append("Pilot-wide evaluations (about the pilot as a whole, not a case's outcome):")
            for p in self.pilot:
                refs = _ranges(sorted({notes[e] for e in p["evidence"]}))
                lines.append(f"  {p['stance']} ({_who(p['according_to'], p['date'])}): {p['summary']} [{refs}]")
        lines.append("")
        lines.append(f"Sources (file:start-end, character offsets into the file decoded as UTF-8), {self.period} "
                     "memberships:")
        width = len(str(len(notes)))
        for ev, n in notes.items():
            lines.append(f"  [{n:>{width}}] {_safe(str(ev))}")
        return "\n".join(lines) + "\n"


def _safe(text: str) -> str:
    import unicodedata

    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\t" else "\ufffd"
                   for ch in text.replace("\n", " ").replace("\r", " "))


def _neutralise(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``'1-3,5'``.

    >>> _ranges([1, 2, 3, 5, 7, 8])
    '1-3,5,7-8'
    """
    out, i = [], 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ",".join(out)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _who(according_to: str, date: str) -> str:
    """Who says so and when, the date once (a publication's label often carries it already).

    >>> _who("Paper, 2007-05-03", "2007-05-03"), _who("A. Person", "2009-03"), _who("A. Person", "")
    ('Paper, 2007-05-03', 'A. Person, 2009-03', 'A. Person, undated')
    """
    date = date or "undated"
    return according_to if date in according_to else f"{according_to}, {date}"
