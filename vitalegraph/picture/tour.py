"""The guided tour of a picture (``vitalegraph picture --tour``): a few steps computed from the graph.

Each step is one function registered with :func:`step`: from the view's graph, the membership rows
and the page's words it returns a caption and the nodes and edges it lights up (the rest is faded),
or ``None`` when it has nothing to show. Captions are templates of :mod:`vitalegraph.picture.text`
filled in with the data: no name is typed here. A new step (e.g. the districts' outcomes once the
dataset holds them) is one more function with a rank.

Examples
--------
>>> list(STEPS)
['overview', 'departments', 'linkers', 'changes']
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
    """Register the decorated function ``(G, rows, words, lang) -> dict | None`` as a tour step."""
    def register(make):
        STEPS.add(name, Step(name, rank, make))
        return make
    return register


def tour_steps(G, rows: list[dict], words: Mapping[str, str], lang: str) -> list[dict]:
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
    """
    out = []
    for name in STEPS:
        made = STEPS[name].make(G, rows, words, lang)
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
def overview(G, rows, words, lang):
    teams = {r["team"] for r in rows}
    districts = {r["district"] for r in rows}
    caption = words["tour_overview"].format(teams=len(teams), districts=len(districts),
                                            municipalities=len({r["municipality"] for r in rows}),
                                            persons=len({r["person"] for r in rows}))
    return {"caption": caption, **_light(G, teams | districts)}


@step("departments", rank=20)
def departments(G, rows, words, lang):
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
def linkers(G, rows, words, lang):
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
def changes(G, rows, words, lang):
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
