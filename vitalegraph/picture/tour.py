"""The guided tour of a picture (``vitalegraph picture --tour``): a few steps computed from the graph.

Each step is one function registered with :func:`step`: from the view's graph, the membership rows,
the page's words and the dataset's other facts (``facts``: the evaluations, from
:func:`vitalegraph.picture.data.evaluations`) it returns a caption and the nodes and edges it lights
up (the rest is faded), or ``None`` when it has nothing to show. Captions are templates of
:mod:`vitalegraph.picture.text` filled in with the data: no name is typed here. A new step is one
more function with a rank.

Examples
--------
>>> list(STEPS)
['overview', 'departments', 'linkers', 'changes', 'outcomes']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from ..registry import Registry
from .data import district_reach
from .text import plural

__all__ = ["STEPS", "step", "tour_steps"]


@dataclass(frozen=True)
class Step:
    name: str
    rank: int
    make: Callable


#: the tour's steps, in their rank
STEPS = Registry("tour step")


def step(name: str, *, rank: int):
    """Register the decorated function ``(G, rows, words, lang, facts) -> dict | None`` as a tour step."""
    def register(make):
        STEPS.add(name, Step(name, rank, make))
        return make
    return register


def tour_steps(G, rows: list[dict], words: Mapping[str, str], lang: str,
               facts: Mapping[str, list] | None = None) -> list[dict]:
    """The tour of the picture of *G*: a list of ``{"caption", "nodes", "edges"}``, 4 to 7 steps.

    Parameters
    ----------
    G : networkx.Graph
        The view's graph.
    rows : list of dict
        The membership rows it was built from.
    words : mapping
        The page's words (:func:`vitalegraph.picture.text.words`).
    lang : str
    facts : mapping, optional
        The dataset's facts beyond the memberships: ``{"evaluations": ...}`` as
        :func:`vitalegraph.picture.data.evaluations` gives them; without it the ``outcomes`` step
        is left out.
    """
    out = []
    for name in STEPS:
        made = STEPS[name].make(G, rows, words, lang, facts or {})
        if made:
            out.append(made)
    return out[:7]


def _name(G, iri: str, label: str) -> str:
    return str(G.nodes[iri].get("short") or label) if iri in G and G.nodes[iri].get("kind") == "ministry" else label


def _light(G, nodes: set, text: set | None = None) -> dict:
    """The nodes of *nodes* in *G* and the edges between them; where an edge names persons or
    ministries (the district view), only an edge naming one of *text*."""
    lit = {v for v in nodes if v in G}
    edges = []
    for a, b, d in G.edges(data=True):
        if a in lit and b in lit:
            named = {x for k in ("persons", "ministries", "same_person") for x in str(d.get(k) or "").split("; ") if x}
            if text is None or not named or named & text or any(t in x for t in text for x in named):
                edges.append((a, b))
    return {"nodes": sorted(lit), "edges": sorted(edges)}


def _teams_and_districts(rows, persons: set | None = None, teams: set | None = None) -> set:
    out = set()
    for r in rows:
        if (persons is None or r["person"] in persons) and (teams is None or r["team"] in teams):
            out |= {r["team"], r["district"]}
            if persons is not None:
                out.add(r["person"])
    return out


@step("overview", rank=10)
def overview(G, rows, words, lang, facts):
    teams = {r["team"] for r in rows}
    districts = {r["district"] for r in rows}
    caption = words["tour_overview"].format(teams=len(teams), districts=len(districts),
                                            municipalities=len({r["municipality"] for r in rows}),
                                            persons=len({r["person"] for r in rows}))
    return {"caption": caption, **_light(G, teams | districts)}


@step("departments", rank=20)
def departments(G, rows, words, lang, facts):
    reach = district_reach(rows)
    label = {iri: lab for r in rows for iri, lab, kind in r.get("affiliations", ()) if kind == "ministry"}
    if not label:
        return None
    top = max(len(reach[m]) for m in label)
    best = sorted((m for m in label if len(reach[m]) == top), key=lambda m: _name(G, m, label[m]).casefold())
    officials = {r["person"] for r in rows for iri, _l, _k in r.get("affiliations", ()) if iri in best}
    teams = {r["team"] for r in rows if r["person"] in officials and r["district"] in set().union(*(reach[m] for m in best))}
    nodes = set(best) | _teams_and_districts(rows, officials, teams)
    caption = words["tour_departments"].format(count=len(best), n=top, names=plural([_name(G, m, label[m]) for m in best], lang))
    return {"caption": caption, **_light(G, nodes, {label[m] for m in best} | {_name(G, m, label[m]) for m in best})}


@step("linkers", rank=30)
def linkers(G, rows, words, lang, facts):
    reach = district_reach(rows)
    names = {r["person"]: r["personLabel"] for r in rows}
    district = {r["district"]: r["districtLabel"] for r in rows}
    found = sorted((p for p in names if len(reach.get(p, ())) > 1), key=lambda p: names[p].casefold())
    if not found:
        return {"caption": words["tour_no_linkers"], "nodes": [], "edges": []}
    listed = [f"{names[p]} ({plural(sorted(district[d] for d in reach[p]), lang)})" for p in found]
    caption = words["tour_linkers"].format(count=len(found), names="; ".join(listed))
    return {"caption": caption, **_light(G, _teams_and_districts(rows, set(found)), {names[p] for p in found})}


@step("changes", rank=40)
def changes(G, rows, words, lang, facts):
    joined = [r for r in rows if r.get("laterChange")]
    left = [r for r in rows if r.get("replaced")]
    if not joined and not left:
        return {"caption": words["tour_unchanged"], "nodes": [], "edges": []}
    teams = sorted({r["teamLabel"] for r in joined + left})
    who = lambda rs: plural(sorted({r["personLabel"] for r in rs}), lang) or words["tour_nobody"]  # noqa: E731
    caption = words["tour_changed"].format(teams=plural(teams, lang), joined=who(joined), left=who(left))
    persons = {r["person"] for r in joined + left}
    team_ids = {r["team"] for r in joined + left}
    return {"caption": caption, **_light(G, _teams_and_districts(rows, persons, team_ids))}


@step("outcomes", rank=50)
def outcomes(G, rows, words, lang, facts):
    """Which teams the sources evaluate and with which stance; what they say of the pilot as a whole.

    An evaluation of a team counts for it, of a district or a municipality for every team there (as
    in the case table of ``vitalegraph coalitions``); the stances are listed as the sources give
    them, a team with two stances under both.
    """
    if "evaluations" not in facts:
        return None
    team_of = {"team": {}, "district": {}, "municipality": {}}
    place = {}
    for r in rows:
        for kind in team_of:
            team_of[kind].setdefault(r[kind], set()).add(r["team"])
        place[r["team"]] = (r["district"], r["districtLabel"], r["municipality"], r["municipalityLabel"])
    stances: dict[str, set] = {}
    said: dict[str, set] = {}
    pilot = []
    for e in facts["evaluations"]:
        teams = set().union(*(team_of.get(kind, {}).get(about, set()) for about, kind in e["about"].items()))
        for t in teams:
            stances.setdefault(t, set()).add(e["stance"][lang])
            said.setdefault(e["stance"][lang], set()).update(e["according_to"])
        if not teams and all(kind == "other" for kind in e["about"].values()):
            pilot.append(e)
    if not stances:
        return {"caption": words["tour_no_outcomes"], "nodes": [], "edges": []}
    groups: dict[tuple, list] = {}
    for t, found in stances.items():
        groups.setdefault(tuple(sorted(found)), []).append(t)
    parts = []
    for found, teams in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        districts = {}
        for t in teams:
            districts.setdefault(f"{place[t][1]} ({place[t][3]})", set()).add(t)
        names = [d if len(ts) == 1 else words["tour_teams_of"].format(n=len(ts), name=d)
                 for d, ts in sorted(districts.items(), key=lambda d: d[0].casefold())]
        who = sorted(set().union(*(said[s] for s in found)), key=str.casefold)
        parts.append(words["tour_stance"].format(stance=f" {words['and']} ".join(found), who="; ".join(who),
                                                 names=plural(names, lang)))
    caption = words["tour_outcomes"].format(count=len(stances), teams=len({r["team"] for r in rows}),
                                            stances="; ".join(parts))
    if pilot:
        caption += " " + words["tour_pilot"].format(stances=plural(sorted({e["stance"][lang] for e in pilot}), lang))
    lit = set(stances) | {place[t][0] for t in stances} | {place[t][2] for t in stances}
    return {"caption": caption, **_light(G, lit, set())}
