"""A crisp-set truth table (in the manner of QCA) of the case table: conditions against the outcome.

A condition is true or false for each case, computed from the case table's columns: a named one
(:data:`CONDITIONS`), a column that is true when it is filled (``shared_members``: not 0; a text: not
empty), ``COLUMN=VALUE`` (the value is one of the cell's ``"; "``-separated values) or
``COLUMN>=N``. At most four at a time. The outcome is the case's ``outcome``: ``positive`` (1),
``less satisfied`` or ``mixed`` (0), ``unknown`` (no source evaluates the case: in its row, but in
no consistency or coverage).

For each configuration of the conditions: the cases, how many are positive, less satisfied or
mixed, and unknown; consistency (positive / evaluated) and coverage (positive / all positive
cases); the row's code: ``1`` or ``0`` when its evaluated cases agree, ``C`` (contradictory) when
they do not, ``?`` when it has cases but none evaluated, ``R`` (logical remainder) when no case has
that configuration. The robustness lines say what changes when each case is left out in turn.

This describes associations among a handful of cases; it supports no causal claim, and the output
says so.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from itertools import product
from typing import Callable

from .coalitions import SEP, CaseTable

__all__ = ["case_names", "CONDITIONS", "DEFAULT_CONDITIONS", "MAX_CONDITIONS", "Condition", "TruthTable", "truth_table",
           "condition"]

MAX_CONDITIONS = 4


@dataclass(frozen=True)
class Condition:
    """A condition: its *name* (as given to ``--condition``), what it means, and its test on a case's values
    (``None``: the case has no value for it)."""

    name: str
    description: str
    test: Callable[[dict], bool | None] = field(compare=False)


def _filled(value) -> bool:
    if value is None:      # an empty cell: the case has none of it
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value > 0
    return str(value) != ""


#: the named conditions; the first three are the defaults. The municipal side's party matching a
#: governing party is not among them: no source in the graph states which parties governed.
CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("different_departments", "a member of the cabinet comes from another department than the DG",
              lambda v: v.get("different_departments")),
    Condition("shared_member", "a member of the team sits in another team too",
              lambda v: _filled(v.get("shared_members"))),
    Condition("follow_up_project", "a follow-up project is located in the team's district",
              lambda v: _filled(v.get("projects"))),
    Condition("ministerial_act", "a member of the cabinet is reported doing something there (an adoption; named "
              "with a project)", lambda v: _filled(v.get("ministerial_acts"))),
    Condition("later_change", "the team changed after the listing", lambda v: _filled(v.get("later_changes"))),
)}
DEFAULT_CONDITIONS = ("different_departments", "shared_member", "follow_up_project")


def condition(spec: str) -> Condition:
    """The condition *spec* names: a named condition, ``COLUMN``, ``COLUMN=VALUE`` or ``COLUMN>=N``.

    >>> condition("party=Y").test({"party": "X; Y"}), condition("departments>=3").test({"departments": 2})
    (True, False)

    Raises
    ------
    ValueError
        For a column the case table does not have, or a bad number.
    """
    from .coalitions import CASE_COLUMNS

    if spec in CONDITIONS:
        return CONDITIONS[spec]
    for op in (">=", "="):
        if op in spec:
            column, value = (p.strip() for p in spec.split(op, 1))
            break
    else:
        column, op, value = spec.strip(), "", ""
    if column not in CASE_COLUMNS or column == "case":
        raise ValueError(f"unknown condition '{spec}'; give one of {', '.join(CONDITIONS)}, or COLUMN, "
                         f"COLUMN=VALUE or COLUMN>=N with a column of the case table ({', '.join(CASE_COLUMNS)})")
    if op == ">=":
        try:
            limit = float(value)
        except ValueError:
            raise ValueError(f"condition '{spec}': '{value}' is not a number") from None
        return Condition(spec, f"{column} is at least {value}",
                         lambda v: None if v.get(column) is None else float(v[column]) >= limit)
    if op == "=":
        def test(v, column=column, value=value):
            cell = v.get(column)
            if cell is None:
                return None if column == "different_departments" else False
            text = "true" if cell is True else "false" if cell is False else str(cell)
            return value in text.split(SEP) or text == value
        return Condition(spec, f"{column} is {value}", test)
    if column == "different_departments":   # empty: no DG or no cabinet department, so no value
        return Condition(spec, CONDITIONS[column].description, CONDITIONS[column].test)
    return Condition(spec, f"{column} is filled (not empty, not 0, not false)", lambda v: _filled(v.get(column)))


def _code(pos: int, neg: int, n: int) -> str:
    if n == 0:
        return "R"
    if pos + neg == 0:
        return "?"
    return "1" if neg == 0 else "0" if pos == 0 else "C"


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 2) if b else None


@dataclass
class TruthTable:
    """The truth table: ``conditions``, one row per configuration, the single-condition lines, the
    robustness lines, the cases left out (no value for a condition) and the cases without evaluation."""

    conditions: list[Condition]
    rows: list[dict]
    single: list[dict]
    robustness: list[str]
    cases: int
    evaluated: int
    counts: dict[str, int]
    unevaluated: list[str]
    left_out: list[str]
    pilot: list[dict]

    def statement(self) -> str:
        """The plain statement of what the table can and cannot say, with the numbers."""
        share = "about half" if 0.35 <= (self.evaluated / self.cases if self.cases else 0) <= 0.65 else \
            f"{self.evaluated} of {self.cases}"
        return (f"{self.cases} cases, {self.evaluated} of them with an evaluated outcome ({share}): this table "
                "describes which configurations are associated with which outcomes among these cases. So few "
                "cases, with outcomes for so few, support no causal claim: a configuration 'associated with' "
                "praise is not shown to bring it about.")

    def render(self, fmt: str = "table") -> str:
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            names = [c.name for c in self.conditions]
            w.writerow(["row", *names, "cases", "positive", "less_satisfied_or_mixed", "unknown", "consistency",
                        "coverage", "code", "which"])
            for r in self.rows:
                w.writerow([r["row"], *r["values"], r["n"], r["positive"], r["negative"], r["unknown"],
                            "" if r["consistency"] is None else r["consistency"],
                            "" if r["coverage"] is None else r["coverage"], r["code"], SEP.join(r["which"])])
            return buf.getvalue()
        if fmt == "table":
            return self._table()
        raise ValueError(f"unknown format '{fmt}'; choose one of table, csv, json")

    def to_json(self) -> dict:
        return {"conditions": [{"name": c.name, "description": c.description} for c in self.conditions],
                "cases": self.cases, "evaluated": self.evaluated, "outcomes": self.counts,
                "rows": self.rows, "single_conditions": self.single, "robustness": self.robustness,
                "unevaluated": self.unevaluated, "left_out": self.left_out,
                "pilot_evaluations": [{k: v for k, v in p.items() if k != "evidence"} for p in self.pilot],
                "statement": self.statement()}

    def _table(self) -> str:
        from ..query.output import Cell, Table, render

        letters = [chr(ord("A") + i) for i in range(len(self.conditions))]
        c = self.counts
        out = [f"Truth table (crisp sets) over {len(self.conditions)} condition"
               f"{'s' if len(self.conditions) != 1 else ''}; outcome: a positive evaluation of the case.",
               f"{self.cases} cases: {c['positive']} positive, {c['less satisfied']} less satisfied, {c['mixed']} mixed, "
               f"{c['unknown']} unknown (no source evaluates them).", ""]
        for letter, cond in zip(letters, self.conditions):
            out.append(f"  {letter}  {cond.name}: {cond.description}")
        out.append("")
        cols = ["row", *letters, "cases", "positive", "less/mixed", "unknown", "consistency", "coverage", "code",
                "which cases"]
        rows = []
        for r in self.rows:
            vals = [str(r["row"]), *map(str, r["values"]), str(r["n"]), str(r["positive"]), str(r["negative"]),
                    str(r["unknown"]), "-" if r["consistency"] is None else f"{r['consistency']:.2f}",
                    "-" if r["coverage"] is None else f"{r['coverage']:.2f}", r["code"], SEP.join(r["which"])]
            rows.append([Cell("literal", v) if v else None for v in vals])
        out.append(render(Table(cols, rows), "table").rstrip("\n").rsplit("\n", 1)[0])
        out.append("codes: 1 / 0 the evaluated cases agree (positive / not); C contradictory; ? cases, none "
                   "evaluated; R logical remainder (no case)")
        contradictory = [r for r in self.rows if r["code"] == "C"]
        remainders = [r for r in self.rows if r["code"] == "R"]
        out.append("")
        out.append("Contradictory rows: " + ("; ".join(f"row {r['row']} ({_config(self.conditions, r)}): "
                                                       f"{r['positive']} positive, {r['negative']} not"
                                                       for r in contradictory) or "none") + ".")
        out.append("Logical remainders (configurations no case has): " + ("; ".join(
            f"row {r['row']} ({_config(self.conditions, r)})" for r in remainders) or "none") + ".")
        out.append("")
        out.append("Each condition alone, among the evaluated cases:")
        for s in self.single:
            out.append(f"  {s['condition']} = {s['value']}: {s['evaluated']} evaluated case"
                       f"{'s' if s['evaluated'] != 1 else ''}, {s['positive']} positive; consistency "
                       f"{_fmt(s['consistency'])}, coverage {_fmt(s['coverage'])}")
        out.append("")
        out.append("Robustness (each case left out in turn):")
        out += [f"  {line}" for line in self.robustness]
        out.append("")
        if self.left_out:
            out.append("Left out (no value for a condition): " + SEP.join(self.left_out) + ".")
        out.append("Cases no source evaluates: " + (SEP.join(self.unevaluated) or "none") + ".")
        if self.pilot:
            out.append("Pilot-wide evaluations, no case's outcome: " + SEP.join(
                f"{p['stance']} ({p['according_to']})" for p in self.pilot) + ".")
        out.append("")
        out.append(self.statement())
        return "\n".join(out) + "\n"


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _config(conditions, r) -> str:
    return ", ".join(f"{c.name}={v}" for c, v in zip(conditions, r["values"]))


def case_names(table: CaseTable) -> dict[str, str]:
    """A short name per case: district (municipality), with the case number where that is not unique."""
    names = {c.team: f"{c.values['district']} ({c.values['municipality']})" for c in table.cases}
    seen: dict[str, int] = {}
    for n in names.values():
        seen[n] = seen.get(n, 0) + 1
    return {c.team: names[c.team] + (f" #{c.values['case']}" if seen[names[c.team]] > 1 else "")
            for c in table.cases}


def _rows(conditions, placed: list[tuple[str, tuple[int, ...], str]]) -> list[dict]:
    total_pos = sum(1 for _n, _v, o in placed if o == "positive")
    rows = []
    for i, values in enumerate(product((1, 0), repeat=len(conditions)), 1):
        here = [(n, o) for n, v, o in placed if v == values]
        pos = sum(1 for _n, o in here if o == "positive")
        neg = sum(1 for _n, o in here if o in ("less satisfied", "mixed"))
        unk = len(here) - pos - neg
        rows.append({"row": i, "values": list(values), "n": len(here), "positive": pos, "negative": neg,
                     "unknown": unk, "consistency": _ratio(pos, pos + neg),
                     "coverage": _ratio(pos, total_pos) if pos else (0.0 if total_pos and pos + neg else None),
                     "code": _code(pos, neg, len(here)), "which": [n for n, _o in here]})
    return rows


def truth_table(table: CaseTable, conditions: list[str] | tuple[str, ...] | None = None) -> TruthTable:
    """The truth table of the case *table* over *conditions* (names or specs; default
    :data:`DEFAULT_CONDITIONS`).

    Raises
    ------
    ValueError
        For more than :data:`MAX_CONDITIONS` conditions, none, a repeated one or an unknown one.
    """
    specs = list(conditions) if conditions else list(DEFAULT_CONDITIONS)
    if len(specs) > MAX_CONDITIONS:
        raise ValueError(f"{len(specs)} conditions given; at most {MAX_CONDITIONS} (a truth table of "
                         f"{2 ** len(specs)} rows for {len(table.cases)} cases would be nearly all remainders)")
    if len(set(specs)) != len(specs):
        raise ValueError("a condition is given twice")
    conds = [condition(s) for s in specs]
    names = case_names(table)
    placed, left_out = [], []
    for c in table.cases:
        values = [cond.test(c.values) for cond in conds]
        if any(v is None for v in values):
            left_out.append(names[c.team])
            continue
        placed.append((names[c.team], tuple(int(bool(v)) for v in values), c.values["outcome"]))
    rows = _rows(conds, placed)
    counts = {o: sum(1 for c in table.cases if c.values["outcome"] == o)
              for o in ("positive", "less satisfied", "mixed", "unknown")}
    single = []
    total_pos = sum(1 for _n, _v, o in placed if o == "positive")
    for i, cond in enumerate(conds):
        for value in (1, 0):
            ev = [o for _n, v, o in placed if v[i] == value and o != "unknown"]
            pos = sum(1 for o in ev if o == "positive")
            single.append({"condition": cond.name, "value": value, "evaluated": len(ev), "positive": pos,
                           "consistency": _ratio(pos, len(ev)), "coverage": _ratio(pos, total_pos)})
    robustness = []
    base = {r["row"]: r["code"] for r in rows}
    for k, (name, _v, outcome) in enumerate(placed):
        without = _rows(conds, placed[:k] + placed[k + 1:])
        changed = [f"row {r['row']} {base[r['row']]} -> {r['code']}" for r in without if r["code"] != base[r["row"]]]
        robustness.append(f"without {name} ({outcome}): " + (", ".join(changed) if changed else "no row changes its code"))
    unevaluated = [names[c.team] for c in table.cases if not c.values.get("evaluations")]
    return TruthTable(conds, rows, single, robustness, len(table.cases),
                      sum(1 for c in table.cases if c.values["outcome"] != "unknown"), counts, unevaluated, left_out,
                      table.pilot)
