"""The case table: one row per adoption team (a case), its coalition structure beside its outcome.

Built from the graph through SPARQL (``queries/coalitions/*.rq`` and the network's
``queries/network/memberships.rq``), never from the parser's output, and on the graph's general
vocabulary only: teams (``vg:AdoptionTeam``), memberships (``org:Membership`` with ``org:role``,
``vg:affiliation``, ``vg:isLaterChange``, ``vg:replaces``), follow-up projects
(``vg:FollowUpProject`` with ``schema:location``), adoptions (``vg:Adoption``) and evaluations
(``vg:Evaluation`` with ``vg:about``, ``vg:stance``, ``vg:accordingTo``). Nothing here names a team,
person, place or ministry: another corpus in the same formats gives its own table.

How facts are attributed to a case:

* a membership belongs to its team; ``period`` chooses the memberships (``all``, ``start``: the team
  listing, ``latest``: later changes applied), as for the networks;
* a project or an adoption belongs to every team of a district it is located in;
* an evaluation belongs to a case when it is about the team, the team's district or the team's
  municipality (then to every team there); an evaluation about anything else (the pilot as a whole)
  is pilot-wide and no case's outcome (:attr:`CaseTable.pilot`);
* ``outcome`` is ``positive`` or ``less satisfied`` when every evaluation of the case says so,
  ``mixed`` when they differ or one says mixed, and ``unknown`` when no source evaluates the case:
  never negative by default.

Every cell that rests on a source carries the evidence behind it (:class:`Evidence`: the quote, the
source file and the character offsets into it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .cases import CASE_COLUMNS, SEP, SOURCED, Case, CaseTable, Evidence, _text, _who

__all__ = ["CASE_COLUMNS", "SOURCED", "Case", "CaseTable", "Evidence", "case_table", "SEP",
           "STANCES", "OUTCOMES"]

_VG = "https://w3id.org/vitalegraph/def#"
#: the stances that place a case: vg:Positive and vg:LessSatisfied, and vg:Mixed; others (such as
#: vg:Conclusion) are shown but place no case
STANCES = {_VG + "Positive": "positive", _VG + "LessSatisfied": "less satisfied", _VG + "Mixed": "mixed"}
#: the values of ``outcome``
OUTCOMES = ("positive", "less satisfied", "mixed", "unknown")

_ROLE_COLUMNS = {"municipal representative": "municipal_side", "director-general": "director_general",
                 "member of the cabinet": "cabinet_member", "independent expert": "independent_expert"}


def _amount(value, currency) -> str:
    if value in (None, ""):
        return ""
    number = float(value)
    shown = f"{int(number):,}" if number == int(number) else f"{number:,.2f}"
    return f"{currency + ' ' if currency else ''}{shown}"


def _run(name: str, dataset) -> list[dict]:
    from .. import paths
    from ..query.engine import run_query

    return run_query(str(paths.QUERIES / "coalitions" / f"{name}.rq"), dataset).records()


def _evidence(dataset) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = defaultdict(list)
    for r in _run("evidence", dataset):
        out[r["subject"]].append(Evidence(r["file"], int(r["start"]), int(r["end"]), r["quote"]))
    return {k: sorted(set(v)) for k, v in out.items()}


def case_table(dataset, period: str = "all", rows: list[dict] | None = None) -> CaseTable:
    """The case table: one :class:`Case` per adoption team.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).
    period : str
        ``all``, ``start`` or ``latest`` (:data:`vitalegraph.network.PERIODS`): which memberships
        make up the composition. Later changes are listed in every period.
    rows : list of dict, optional
        The membership rows of the whole dataset (all periods), if already queried.

    Returns
    -------
    CaseTable
        Cases ordered by municipality, district and theme; deterministic.

    Raises
    ------
    ValueError
        For an unknown period.
    """
    from ..network.networks import membership_rows, select_period

    all_rows = rows if rows is not None else membership_rows(dataset)
    facts = _Facts.read(dataset, all_rows, select_period(all_rows, period))
    cases = [_case(number, t, facts) for number, t in enumerate(facts.teams, 1)]
    return CaseTable(cases, facts.pilot, period)


@dataclass
class _Facts:
    """What every case is made from, queried once: the period's memberships by team and person, the
    brokerage roles, the later changes, projects, acts and evaluations, and the evidence of each."""

    teams: list[dict]
    evidence: dict[str, list[Evidence]]
    by_team: dict[str, list[dict]]
    teams_of_person: dict[str, set[str]]
    membership_of: dict[tuple[str, str], list[dict]]
    team_label: dict[str, str]
    groups: dict
    roles: dict
    changes: dict[str, list[dict]]
    projects: dict[str, list[dict]]
    acts: dict[str, list[dict]]
    case_evals: dict[str, list[dict]]
    pilot: list[dict]

    @classmethod
    def read(cls, dataset, all_rows: list[dict], members: list[dict]) -> "_Facts":
        import networkx as nx

        from ..network.measures import brokerage, level_groups
        from ..network.networks import actor_network

        evidence = _evidence(dataset)
        teams = _teams(_run("teams", dataset))
        by_team: dict[str, list[dict]] = defaultdict(list)
        teams_of_person: dict[str, set[str]] = defaultdict(set)
        membership_of: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for r in members:
            by_team[r["team"]].append(r)
            teams_of_person[r["person"]].add(r["team"])
            membership_of[(r["person"], r["team"])].append(r)
        # brokerage by level of government on the actor network of the period
        A = actor_network(members)
        groups = level_groups(A)
        nx.set_node_attributes(A, groups, "group")
        case_evals, pilot = _evaluations(dataset, evidence)
        return cls(teams, evidence, by_team, teams_of_person, membership_of,
                   {t["team"]: t["teamLabel"] for t in teams}, groups, brokerage(A, "group"),
                   _changes(dataset, all_rows), _by_district(_run("projects", dataset), "project"),
                   _by_district(_run("acts", dataset), "act"), case_evals, pilot)

    def cite(self, ev: set, *subjects: str) -> None:
        """Add the evidence of each of *subjects* to *ev*."""
        for s in subjects:
            ev.update(self.evidence.get(s, ()))


def _case(number: int, t: dict, facts: _Facts) -> Case:
    """The case of team record *t*: every column's value and the evidence behind each."""
    team = t["team"]
    rs = sorted(facts.by_team.get(team, []), key=lambda r: (r["personLabel"], r["membership"]))
    v: dict = {c: None for c in CASE_COLUMNS}
    ev: dict[str, set[Evidence]] = defaultdict(set)
    v.update(case=number, municipality=t["municipalityLabel"], district=t["districtLabel"],
             team=t["teamLabel"], theme=t["theme"] or "")
    facts.cite(ev["team"], team)
    _composition(v, ev, rs, facts)
    _other_teams(v, ev, team, rs, facts)
    v["later_changes"] = SEP.join(ch["text"] for ch in facts.changes.get(team, []))
    facts.cite(ev["later_changes"], *(ch["membership"] for ch in facts.changes.get(team, [])))
    _district_work(v, ev, t["district"], facts)
    _outcome_columns(v, ev, (team, t["district"], t["municipality"]), facts)
    v = {k: (None if x == "" else x) for k, x in v.items()}
    return Case(team, v, {k: sorted(s) for k, s in ev.items() if s and v.get(k) is not None},
                t["district"], t["municipality"])


def _composition(v: dict, ev: dict, rs: list[dict], facts: _Facts) -> None:
    """Who fills each role, their parties, departments and organisations, and the departments reached."""
    by_role: dict[str, list[dict]] = defaultdict(list)
    for r in rs:
        by_role[_ROLE_COLUMNS.get(r["roleLabel"], "")].append(r)
    for role_col, found in by_role.items():
        if role_col:
            v[role_col] = SEP.join(_person(r) for r in found)
            facts.cite(ev[role_col], *(r["membership"] for r in found))
    municipal, dgs, cabinet, experts = (by_role.get(k, []) for k in
                                        ("municipal_side", "director_general", "cabinet_member",
                                         "independent_expert"))
    for col, found, kind in (("party", municipal, "party"), ("dg_department", dgs, "ministry"),
                             ("cabinet_department", cabinet, "ministry"),
                             ("expert_organisation", experts, "organisation")):
        v[col] = _labels(found, kind)
        if v[col]:
            facts.cite(ev[col], *(r["membership"] for r in found))
    dg_deps = {a[0] for r in dgs for a in r["affiliations"] if a[2] == "ministry"}
    cab_deps = {a[0] for r in cabinet for a in r["affiliations"] if a[2] == "ministry"}
    reached = sorted({a[1] for r in dgs + cabinet for a in r["affiliations"] if a[2] == "ministry"})
    v["departments"] = len(reached)
    v["department_names"] = SEP.join(reached)
    v["different_departments"] = bool(cab_deps - dg_deps) if dg_deps and cab_deps else None
    for col in ("department_names", "different_departments"):
        if v[col] not in (None, ""):
            facts.cite(ev[col], *(r["membership"] for r in dgs + cabinet))


def _other_teams(v: dict, ev: dict, team: str, rs: list[dict], facts: _Facts) -> None:
    """The members who sit in other teams too, and the brokerage roles of the team's members."""
    def name(p: str) -> str:
        return facts.membership_of[(p, team)][0]["personLabel"]

    persons = sorted({r["person"] for r in rs}, key=lambda p: (name(p), p))
    shared = []
    for person in persons:
        others = sorted(facts.teams_of_person[person] - {team}, key=lambda x: (facts.team_label.get(x, x), x))
        if others:
            shared.append(f"{name(person)} ({SEP.join(facts.team_label.get(o, o) for o in others)})")
            for o in [team, *others]:
                facts.cite(ev["members_in_other_teams"], *(r["membership"] for r in facts.membership_of[(person, o)]))
    v["members_in_other_teams"] = SEP.join(shared)
    v["shared_members"] = len(shared)
    brokers = []
    for person in persons:
        c = facts.roles.get(person)
        if c and c["total"]:
            parts = ", ".join(f"{k} {c[k]}" for k in ("coordinator", "itinerant", "representative",
                                                      "gatekeeper", "liaison") if c[k])
            brokers.append(f"{name(person)} ({facts.groups[person]}): {parts}")
    v["brokerage"] = SEP.join(brokers)


def _district_work(v: dict, ev: dict, district: str, facts: _Facts) -> None:
    """The follow-up projects and the ministerial acts in the team's district."""
    ps = facts.projects.get(district, [])
    v["projects"] = len(ps)
    v["project_names"] = SEP.join(p["label"] for p in ps)
    v["project_amounts"] = SEP.join(f"{p['label']}: {_amount(p['amount'], p['currency'])}"
                                    for p in ps if p.get("amount") not in (None, ""))
    facts.cite(ev["project_names"], *(p["project"] for p in ps))
    facts.cite(ev["project_amounts"], *(p["project"] for p in ps if p.get("amount") not in (None, "")))
    acts = facts.acts.get(district, [])
    v["ministerial_acts"] = SEP.join(_act(a) for a in acts)
    facts.cite(ev["ministerial_acts"], *(a["act"] for a in acts))


def _outcome_columns(v: dict, ev: dict, keys: tuple[str, ...], facts: _Facts) -> None:
    """The evaluations of the team, its district or its municipality, and the outcome they give."""
    es = sorted({e["evaluation"]: e for k in keys for e in facts.case_evals.get(k, [])}.values(),
                key=lambda e: (str(e["date"] or ""), e["evaluation"]))
    v["evaluations"] = SEP.join(_evaluation_text(e) for e in es)
    v["outcome"] = _outcome(es)
    for e in es:
        ev["evaluations"].update(e["evidence"])
        if e["stance"] in STANCES:
            ev["outcome"].update(e["evidence"])


def _teams(records: list[dict]) -> list[dict]:
    """One record per team, the first of several labels of a node (a district written with and without
    a parenthesis can be one node), ordered by municipality, district and theme."""
    first: dict[str, dict] = {}
    for r in records:
        key = r["team"]
        have = first.get(key)
        if have is None:
            first[key] = dict(r)
            continue
        if r["district"] < have["district"]:
            first[key] = dict(r)
            continue
        if r["district"] == have["district"]:
            for k in ("teamLabel", "districtLabel", "municipalityLabel", "theme"):
                if r[k] is not None and (have[k] is None or r[k] < have[k]):
                    have[k] = r[k]
    return sorted(first.values(), key=lambda t: (t["municipalityLabel"], t["districtLabel"], t["theme"] or "",
                                                 t["team"]))


def _person(r: dict) -> str:
    return f"{r['personLabel']} ({r['functionText']})" if r.get("functionText") else r["personLabel"]


def _labels(found: list[dict], kind: str) -> str:
    return SEP.join(sorted({a[1] for r in found for a in r["affiliations"] if a[2] == kind}))


def _by_district(records: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in records:
        out[r["district"]].setdefault(r[key], r)
    return {d: sorted(items.values(), key=lambda r: (str(r.get("date") or ""), r.get("label") or r.get("what") or "",
                                                     r[key]))
            for d, items in out.items()}


def _act(a: dict) -> str:
    who = a["personLabel"] + (f" ({a['post']})" if a.get("post") else "")
    if a["kind"] == "adoption":
        text = f"{who} adopted {a.get('what') or 'an organisation'}"
        return text + (f", to be taken over by {a['takenOverBy']}" if a.get("takenOverBy") else "")
    return f"{who} named with the project {a['what']}"


def _changes(dataset, rows: list[dict]) -> dict[str, list[dict]]:
    """The later changes of each team: who joined (and whom they replace), who left."""
    info: dict[str, dict] = {}
    for r in _run("changes", dataset):
        d = info.setdefault(r["membership"], {"replaces": set(), "note": r.get("note"), "basis": set(),
                                              "replacing": set()})
        if r.get("replaces"):
            d["replaces"].add(r["replaces"])
        if r.get("replacesBasis"):
            d["replacing"].add(r["replacesBasis"] + (f" by the rule {r['replacesRule']}" if r.get("replacesRule") else ""))
        if r.get("basis"):
            d["basis"].add(r["basis"])
    by_id = {r["membership"]: r for r in rows}
    out: dict[str, list[dict]] = defaultdict(list)
    for m in sorted(info, key=lambda m: (str(by_id.get(m, {}).get("from") or ""), m)):
        r = by_id.get(m)
        if r is None:
            continue
        basis = f" [basis: {', '.join(sorted(info[m]['basis']))}]" if info[m]["basis"] else ""
        left = sorted(by_id[x]["personLabel"] for x in info[m]["replaces"] if x in by_id)
        # "as of": the date the source describes the team so, or a start it states; not "joined on"
        when = f" (as of {r['from']})" if r.get("from") else ""
        text = f"later in the team{when}: {r['personLabel']} ({r['roleLabel']})"
        if left:
            text += f", replacing {', '.join(left)}, who left"
            if info[m]["replacing"]:
                text += f" ({'; '.join(sorted(info[m]['replacing']))})"
        out[r["team"]].append({"membership": m, "text": text + basis})
    return out


def _evaluations(dataset, evidence) -> tuple[dict[str, list[dict]], list[dict]]:
    per: dict[str, dict] = {}
    for r in _run("evaluations", dataset):
        e = per.setdefault(r["evaluation"], {"evaluation": r["evaluation"], "about": {}, "stance": r["stance"],
                                              "stance_label": r["stanceLabel"], "according_to": set(),
                                              "date": r.get("date"), "summary": r.get("summary") or "",
                                              "basis": set()})
        e["about"][r["about"]] = (r["aboutKind"], r["aboutLabel"])
        if r.get("accordingTo"):
            e["according_to"].add(r["accordingTo"])
        if r.get("basis"):
            e["basis"].add(r["basis"])
    case_evals: dict[str, list[dict]] = defaultdict(list)
    pilot = []
    for key in sorted(per):
        e = per[key]
        e["according_to"] = ", ".join(sorted(e["according_to"])) or "unattributed"
        e["basis"] = ", ".join(sorted(e["basis"]))
        e["evidence"] = evidence.get(key, [])
        placed = False
        for about, (kind, label) in sorted(e["about"].items()):
            if kind in ("team", "district", "municipality"):
                case_evals[about].append({**e, "about_label": label, "about_kind": kind})
                placed = True
        if not placed:
            pilot.append({"evaluation": key, "stance": e["stance_label"], "according_to": e["according_to"],
                          "date": _text(e["date"]), "summary": e["summary"],
                          "about": SEP.join(sorted(label for _k, label in e["about"].values())),
                          "evidence": e["evidence"]})
    pilot.sort(key=lambda p: (p["date"], p["evaluation"]))
    return case_evals, pilot


def _evaluation_text(e: dict) -> str:
    basis = f"; basis: {e['basis']}" if e.get("basis") else ""
    who = _who(e["according_to"], _text(e["date"]))
    return f"{e['stance_label']} ({who}; about the {e['about_kind']} {e['about_label']}{basis})"


def _outcome(evaluations: list[dict]) -> str:
    """The case's outcome from its evaluations (see the module's notes).

    >>> _outcome([])
    'unknown'
    >>> _outcome([{"stance": _VG + "Positive"}, {"stance": _VG + "Positive"}])
    'positive'
    >>> _outcome([{"stance": _VG + "Positive"}, {"stance": _VG + "LessSatisfied"}])
    'mixed'
    >>> _outcome([{"stance": _VG + "Conclusion"}])
    'unknown'
    """
    found = {STANCES[e["stance"]] for e in evaluations if e["stance"] in STANCES}
    if not found:
        return "unknown"
    return found.pop() if len(found) == 1 else "mixed"
