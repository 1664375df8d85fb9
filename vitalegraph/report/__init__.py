"""The report: one offline HTML page telling the case comparison for policy analysts.

:func:`report_html` writes, from the graph alone: a short text whose numbers and names are computed
(nothing is typed into code or template), the districts coloured by outcome (unknown in grey), a
chart of the departments each team reaches, a department × district matrix, the case table with each
sourced cell linking to the quote it rests on, the truth table and the quotes with their files and
offsets. The page is ``templates/report.html`` (its head the pictures', filled by
:func:`vitalegraph.picture.render.fill_page`) with ``static/report.css`` and ``static/report.js``
inlined; a Content-Security-Policy lets it load nothing from anywhere, and every text from the sources
is HTML-escaped on the server side (the script only reports that the page is ready).

Examples
--------
::

    from vitalegraph.query import load_dataset
    page = report_html(load_dataset("data/vitalegraph.ttl"))
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from html import escape
from pathlib import Path

from ..analysis.coalitions import CASE_COLUMNS, SEP, SOURCED, CaseTable, case_table
from ..analysis.compare import TruthTable, case_names, truth_table
from ..picture.render import fill_page

__all__ = ["report_html", "OUTCOME_COLOURS"]

_ROOT = Path(__file__).resolve().parent
#: the colour of each outcome (colour-blind safe; unknown in grey)
# (Okabe-Ito hues, darkened so that white text on them passes WCAG AA contrast: axe-core checks it)
OUTCOME_COLOURS = {"positive": "#007A5A", "less satisfied": "#B04A00", "mixed": "#8A5A00", "unknown": "#6E6E6E"}


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (_ROOT / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _e(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(str(value), quote=True)


def _names(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> _names(["x", "y", "z"]), _names(["x"]), _names([])
    ('x, y and z', 'x', 'none')
    """
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_NAMES: dict[str, str] = {}


def _place(c) -> str:
    return _NAMES.get(c.team) or f"{c.values['district']} ({c.values['municipality']})"


def _story(table: CaseTable, tt: TruthTable, title: str) -> str:
    cases = table.cases
    by_outcome: dict[str, list[str]] = defaultdict(list)
    for c in cases:
        by_outcome[c.values["outcome"]].append(_place(c))
    municipalities = sorted({c.values["municipality"] for c in cases})
    deps = [c.values["departments"] for c in cases]
    different = [c for c in cases if c.values["different_departments"]]
    shared = sorted({p.split(" (", 1)[0] for c in cases for p in (c.values["members_in_other_teams"] or "").split("); ")
                     if p})
    with_projects = [_place(c) for c in cases if c.values["projects"]]
    parts = [f"<p>{_e(title)}: {len(cases)} adoption team{'s' if len(cases) != 1 else ''} in "
             f"{len(municipalities)} municipalit{'ies' if len(municipalities) != 1 else 'y'}. "
             f"Each team reaches between {min(deps, default=0)} and {max(deps, default=0)} departments through its "
             f"director-general and its member of the cabinet; in {len(different)} of the {len(cases)} teams the "
             f"member of the cabinet comes from another department than the director-general. "
             f"{len(shared)} person{'s' if len(shared) != 1 else ''} sit in more than one team "
             f"({_e(_names(shared))}). Follow-up projects are reported in {len(with_projects)} "
             f"team{'s' if len(with_projects) != 1 else ''}' districts ({_e(_names(sorted(set(with_projects))))}).</p>"]
    told = [f"{len(by_outcome[o])} {o} ({_e(_names(by_outcome[o]))})" for o in ("positive", "less satisfied", "mixed")
            if by_outcome[o]]
    parts.append(f"<p>The sources evaluate {tt.evaluated} of the {len(cases)} cases: {_e(_names(told)) if told else 'none'}. "
                 f"No source evaluates {len(by_outcome['unknown'])}: {_e(_names(by_outcome['unknown']))}; they are "
                 "shown as unknown, not as failures.</p>")
    if table.pilot:
        parts.append("<p>Evaluations of the pilot as a whole, no case's outcome: " + _e("; ".join(
            f"{p['according_to']} ({p['stance']}): {p['summary']}" for p in table.pilot)) + "</p>")
    parts.append(f'<p class="caveat">{_e(tt.statement())}</p>')
    return "\n".join(parts)


def _cls(outcome: str) -> str:
    return "o-" + re.sub(r"[^a-z]+", "-", outcome.lower()).strip("-")


def _outcome_css() -> str:
    return "".join(f".{_cls(o)}{{background:{c}}}\n" for o, c in OUTCOME_COLOURS.items())


def _tiles(table: CaseTable) -> str:
    out = ['<ul class="tiles">']
    for c in table.cases:
        o = c.values["outcome"]
        out.append(f'<li class="tile {_cls(o)}" data-outcome="{_e(o)}">'
                   f'<a href="#case-{c.values["case"]}"><b>{_e(c.values["district"])}</b>'
                   f'<span>{_e(c.values["municipality"])}</span><span>{_e(o)}</span></a></li>')
    out.append("</ul>")
    legend = "".join(f'<li><span class="swatch {_cls(o)}"></span>{_e(o)}</li>' for o in OUTCOME_COLOURS)
    return "\n".join(out) + f'\n<ul class="legend">{legend}</ul>'


def _chart(table: CaseTable) -> str:
    cases = table.cases
    most = max([c.values["departments"] for c in cases] + [1])
    bar_h, gap, left, width = 18, 6, 330, 300
    height = len(cases) * (bar_h + gap) + 30
    out = [f'<svg class="chart" role="img" aria-label="departments reached per team" width="{left + width + 60}" '
           f'height="{height}" viewBox="0 0 {left + width + 60} {height}">']
    for i, c in enumerate(cases):
        y = i * (bar_h + gap) + 4
        n = c.values["departments"]
        w = round(width * n / most, 1)
        out.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{_e(_place(c))}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w}" height="{bar_h}" '
                   f'fill="{OUTCOME_COLOURS[c.values["outcome"]]}"><title>{_e(c.values["department_names"])}</title></rect>')
        out.append(f'<text x="{left + w + 6}" y="{y + 13}">{n}</text>')
    ticks = "".join(f'<text x="{left + round(width * k / most, 1)}" y="{height - 6}" text-anchor="middle">{k}</text>'
                    for k in range(most + 1))
    out.append(ticks + "</svg>")
    return "\n".join(out)


def _matrix(table: CaseTable, rows: list[dict]) -> str:
    """Departments (rows) × cases (columns): DG where a director-general of the department sits in the
    team, C where a member of the cabinet does."""
    team_case = {c.team: c for c in table.cases}
    marks: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    role_mark = {"director-general": "DG", "member of the cabinet": "C"}
    for r in rows:
        if r["team"] not in team_case or r["roleLabel"] not in role_mark:
            continue
        for _iri, label, kind in r["affiliations"]:
            if kind == "ministry":
                marks[label][r["team"]].add(role_mark[r["roleLabel"]])
    head = "".join(f'<th scope="col" title="{_e(c.values["team"])}"><span>{_e(_place(c))}</span></th>'
                   for c in table.cases)
    body = []
    for dep in sorted(marks):
        cells = "".join(f'<td>{_e("/".join(sorted(marks[dep][c.team])))}</td>' for c in table.cases)
        body.append(f'<tr><th scope="row">{_e(dep)}</th>{cells}<td class="n">{len(marks[dep])}</td></tr>')
    return (f'<table class="matrix"><thead><tr><th>department</th>{head}<th>teams</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>'
            '<p class="note">DG: a director-general of the department sits in the team; C: a member of the cabinet.</p>')


def _case_table(table: CaseTable, notes) -> str:
    head = "".join(f'<th scope="col" title="{_e(d)}">{_e(c.replace("_", " "))}</th>' for c, d in CASE_COLUMNS.items())
    body = []
    for c in table.cases:
        cells = []
        for col in CASE_COLUMNS:
            text = _e(c.values.get(col))
            refs = sorted({notes[e] for e in c.evidence.get(col, ())}) if col in SOURCED else []
            links = "".join(f'<a class="ref" href="#q-{n}">{n}</a>' for n in refs)
            cls = f' class="outcome" data-outcome="{_e(c.values["outcome"])}"' if col == "outcome" else ""
            cells.append(f"<td{cls}>{text}{f'<sup>{links}</sup>' if links else ''}</td>")
        body.append(f'<tr id="case-{c.values["case"]}">{"".join(cells)}</tr>')
    return f'<div class="scroll"><table class="cases"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _truth(tt: TruthTable) -> str:
    conds = "".join(f"<li><b>{chr(65 + i)}</b> {_e(c.name)}: {_e(c.description)}</li>" for i, c in enumerate(tt.conditions))
    head = "".join(f"<th>{chr(65 + i)}</th>" for i in range(len(tt.conditions)))
    body = []
    for r in tt.rows:
        vals = "".join(f"<td>{v}</td>" for v in r["values"])
        cons = "-" if r["consistency"] is None else f"{r['consistency']:.2f}"
        cov = "-" if r["coverage"] is None else f"{r['coverage']:.2f}"
        body.append(f'<tr data-code="{_e(r["code"])}"><td>{r["row"]}</td>{vals}<td>{r["n"]}</td><td>{r["positive"]}</td>'
                    f'<td>{r["negative"]}</td><td>{r["unknown"]}</td><td>{cons}</td><td>{cov}</td><td>{_e(r["code"])}</td>'
                    f'<td>{_e(SEP.join(r["which"]))}</td></tr>')
    text = tt.render("table")
    after = text.split("codes: ", 1)[1].split("\n", 1)[1] if "codes: " in text else ""
    return (f"<ul class=\"conditions\">{conds}</ul><div class=\"scroll\"><table class=\"truth\"><thead><tr><th>row</th>{head}"
            "<th>cases</th><th>positive</th><th>less satisfied / mixed</th><th>unknown</th><th>consistency</th>"
            f"<th>coverage</th><th>code</th><th>which cases</th></tr></thead><tbody>{''.join(body)}</tbody></table></div>"
            "<p class=\"note\">Codes: 1 / 0 the evaluated cases agree (positive / not); C contradictory; ? cases, none "
            "evaluated; R logical remainder (no case has the configuration).</p>"
            f"<pre class=\"details\">{_e(after.strip())}</pre>")


def _quotes(notes) -> str:
    items = "".join(f'<li id="q-{n}" value="{n}"><q>{_e(ev.quote)}</q> <span class="where">{_e(ev.file)}, characters '
                    f'{ev.start}\u2013{ev.end}</span></li>' for ev, n in notes.items())
    return f'<ol class="quotes">{items}</ol>'


def _title(dataset) -> str:
    from ..query.engine import run_query

    t = run_query("""PREFIX vg: <https://w3id.org/vitalegraph/def#> PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?l WHERE { ?team a vg:AdoptionTeam ; dct:isPartOf/skos:prefLabel ?l } ORDER BY ?l""", dataset)
    labels = [r["l"] for r in t.records()]
    return "; ".join(labels) if labels else "Adoption teams"


def report_html(dataset, period: str = "all", conditions: list[str] | None = None) -> str:
    """The report of *dataset* as one self-contained HTML page (UTF-8, no outside request).

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    period : str
        ``all``, ``start`` or ``latest``: the memberships of the composition.
    conditions : list of str, optional
        The truth table's conditions (default :data:`vitalegraph.analysis.DEFAULT_CONDITIONS`).

    Returns
    -------
    str
        The page; the same graph gives the same text.
    """
    from ..network.networks import membership_rows, select_period

    rows = membership_rows(dataset)
    table = case_table(dataset, period, rows)
    tt = truth_table(table, conditions)
    notes = table.footnotes()
    _NAMES.clear()
    _NAMES.update(case_names(table))
    title = _title(dataset)
    css, app = _asset("static/report.css") + _outcome_css(), _asset("static/report.js")
    if "</script" in app.lower() or "</style" in css.lower():
        raise ValueError("the report's script or style contains a closing tag and cannot be inlined")
    csp = (f"default-src 'none'; script-src {_sha256(app)}; style-src {_sha256(css)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {
        "title": _e(f"Which coalitions made the difference? {title}"), "csp": _e(csp), "css": css, "app": app,
        "story": _story(table, tt, title), "tiles": _tiles(table), "chart": _chart(table),
        "matrix": _matrix(table, select_period(rows, period)), "cases": _case_table(table, notes),
        "truth": _truth(tt), "quotes": _quotes(notes), "period": _e(period), "lang": "en",
    }
    return fill_page(_asset("templates/report.html"), values)
