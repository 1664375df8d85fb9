"""Stage 9 — networks: who links which districts across departments.

The networks are built from the RDF graph through SPARQL (``queries/network/memberships.rq``),
never from the parser's output: :func:`membership_rows` runs the query, and every other function
works on those rows or on NetworkX graphs, free of I/O.

Networks (one function each; node ids are IRIs, every node has plain-string attributes ``label``,
``kind`` and, where they apply, ``role``, ``ministry``, ``party``, ``municipality``):

* :func:`actor_team_network` — two-mode: persons and adoption teams;
* :func:`actor_network` — one-mode co-membership, ``weight`` = teams shared;
* :func:`district_network` — districts linked by a shared team member or a shared department;
* :func:`ministry_district_network` — which department reaches which district, through whom.

Analyses: :func:`linkers`, :func:`centrality`, :func:`brokerage` (Gould and Fernandez 1989),
:func:`communities` (seeded), :func:`summary`.

Examples
--------
>>> rows = [
...   {"membership": "m1", "person": "p:a", "personLabel": "A", "team": "t:1", "teamLabel": "T1",
...    "district": "d:1", "districtLabel": "D1", "municipality": "g:x", "municipalityLabel": "X",
...    "roleLabel": "director-general", "affiliation": "min:v", "affiliationLabel": "V",
...    "affiliationKind": "ministry", "laterChange": False, "replaced": False},
...   {"membership": "m2", "person": "p:a", "personLabel": "A", "team": "t:2", "teamLabel": "T2",
...    "district": "d:2", "districtLabel": "D2", "municipality": "g:y", "municipalityLabel": "Y",
...    "roleLabel": "director-general", "affiliation": "min:v", "affiliationLabel": "V",
...    "affiliationKind": "ministry", "laterChange": False, "replaced": False}]
>>> D = district_network(rows)
>>> sorted(D.edges(data="persons"))
[('d:1', 'd:2', 'A')]
>>> D.edges["d:1", "d:2"]["weight"]
2
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
from collections import defaultdict
from itertools import combinations
from typing import Iterable

import networkx as nx

__all__ = [
    "PERIODS", "membership_rows", "select_period", "actor_team_network", "actor_network",
    "district_network", "ministry_district_network", "networks", "linkers", "centrality", "brokerage",
    "communities", "summary", "actor_groups",
]

#: ``all``: every membership; ``start``: the team listing (the start of the pilot);
#: ``latest``: later changes applied (a replaced membership left out)
PERIODS = ("all", "start", "latest")
_SEP = "; "


def membership_rows(dataset) -> list[dict]:
    """One dict per membership (with all its affiliations), from the graph through SPARQL.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).

    Returns
    -------
    list of dict
        Keys as the variables of ``queries/network/memberships.rq``; ``affiliations`` is a list of
        ``(iri, label, kind)`` with kind ``ministry``, ``party`` or ``organisation``.
    """
    from .. import paths
    from ..query.engine import run_query

    table = run_query(str(paths.QUERIES / "network" / "memberships.rq"), dataset)
    by_id: dict[str, dict] = {}
    for rec in table.records():
        row = by_id.get(rec["membership"])
        if row is None:
            row = by_id[rec["membership"]] = {k: v for k, v in rec.items()
                                              if not k.startswith("affiliation")}
            row["affiliations"] = []
        if rec.get("affiliation"):
            aff = (rec["affiliation"], rec["affiliationLabel"], rec["affiliationKind"])
            if aff not in row["affiliations"]:
                row["affiliations"].append(aff)
    return [by_id[k] for k in sorted(by_id)]


def _affiliations(row: dict) -> list[tuple[str, str, str]]:
    if "affiliations" in row:
        return row["affiliations"]
    if row.get("affiliation"):
        return [(row["affiliation"], row.get("affiliationLabel", ""), row.get("affiliationKind", "organisation"))]
    return []


def select_period(rows: Iterable[dict], period: str = "all") -> list[dict]:
    """The memberships of one *period* (see :data:`PERIODS`).

    Raises
    ------
    ValueError
        For an unknown period.
    """
    if period not in PERIODS:
        raise ValueError(f"unknown period '{period}'; choose one of {', '.join(PERIODS)}")
    rows = list(rows)
    if period == "start":
        return [r for r in rows if not r.get("laterChange")]
    if period == "latest":
        return [r for r in rows if not r.get("replaced")]
    return rows


def _ministries(row: dict) -> list[tuple[str, str]]:
    return [(iri, label) for iri, label, kind in _affiliations(row) if kind == "ministry"]


def _person_attrs(rows: list[dict]) -> dict[str, dict]:
    """Plain-string attributes of each person: label, kind, role(s), ministry, party, municipality."""
    out: dict[str, dict] = {}
    for r in rows:
        a = out.setdefault(r["person"], {"label": r["personLabel"], "kind": "person", "roles": set(),
                                         "ministry": set(), "party": set(), "organisation": set(),
                                         "municipality": set(), "teams": set(), "districts": set(),
                                         "function": set()})
        a["roles"].add(r["roleLabel"])
        if r.get("functionText"):
            a["function"].add(r["functionText"])
        a["teams"].add(r["teamLabel"])
        a["districts"].add(r["districtLabel"])
        if r["roleLabel"] == "municipal representative":
            a["municipality"].add(r["municipalityLabel"])
        for _iri, label, kind in _affiliations(r):
            a["ministry" if kind == "ministry" else kind].add(label)
    return {p: {"label": a["label"], "kind": "person", "role": _SEP.join(sorted(a["roles"])),
                "ministry": _SEP.join(sorted(a["ministry"])), "party": _SEP.join(sorted(a["party"])),
                "organisation": _SEP.join(sorted(a["organisation"])),
                "municipality": _SEP.join(sorted(a["municipality"])), "function": _SEP.join(sorted(a["function"])),
                "teams": _SEP.join(sorted(a["teams"])), "districts": _SEP.join(sorted(a["districts"]))}
            for p, a in out.items()}


def actor_team_network(rows: Iterable[dict]) -> nx.Graph:
    """The two-mode network of persons (``bipartite=0``) and adoption teams (``bipartite=1``).

    An edge per membership, with ``role`` (the coalition role) and ``function`` (as written).

    Notes
    -----
    O(memberships).
    """
    rows = list(rows)
    G = nx.Graph(name="actor-team")
    for p, attrs in sorted(_person_attrs(rows).items()):
        G.add_node(p, bipartite=0, **attrs)
    teams = {}
    for r in rows:
        teams[r["team"]] = {"label": r["teamLabel"], "kind": "team", "district": r["districtLabel"],
                            "municipality": r["municipalityLabel"], "bipartite": 1}
    for t, attrs in sorted(teams.items()):
        G.add_node(t, **attrs)
    for r in sorted(rows, key=lambda r: (r["person"], r["team"])):
        G.add_edge(r["person"], r["team"], role=r["roleLabel"], function=r.get("functionText") or "")
    return G


def actor_network(rows: Iterable[dict]) -> nx.Graph:
    """The one-mode co-membership network of persons; ``weight`` = teams they share.

    Edges also carry ``teams`` (the shared teams' labels). An isolated person stays as a node.

    Notes
    -----
    O(sum over teams of members²).
    """
    rows = list(rows)
    G = nx.Graph(name="actor")
    for p, attrs in sorted(_person_attrs(rows).items()):
        G.add_node(p, **attrs)
    members: dict[str, set[str]] = defaultdict(set)
    labels = {}
    for r in rows:
        members[r["team"]].add(r["person"])
        labels[r["team"]] = r["teamLabel"]
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for team, persons in members.items():
        for a, b in combinations(sorted(persons), 2):
            shared[(a, b)].add(labels[team])
    for (a, b), teams in sorted(shared.items()):
        G.add_edge(a, b, weight=len(teams), teams=_SEP.join(sorted(teams)))
    return G


def district_network(rows: Iterable[dict]) -> nx.Graph:
    """Districts linked when they share a team member or a department.

    Two different districts are linked through a person who sits in a team of each, and through a
    department that has an official in a team of each. Each edge carries ``persons`` and
    ``ministries`` (labels joined by ``"; "``), their counts, and ``weight``: the number of distinct
    links (persons plus departments). Two teams in one district make no self-link.

    Notes
    -----
    O(sum over persons and departments of districts²).
    """
    rows = list(rows)
    G = nx.Graph(name="district")
    via_person: dict[str, set[str]] = defaultdict(set)
    via_ministry: dict[str, set[str]] = defaultdict(set)
    names = {}
    for r in rows:
        G.add_node(r["district"], label=r["districtLabel"], kind="district", municipality=r["municipalityLabel"])
        via_person[r["person"]].add(r["district"])
        names[r["person"]] = r["personLabel"]
        for iri, label in _ministries(r):
            via_ministry[iri].add(r["district"])
            names[iri] = label
    links: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: {"persons": set(), "ministries": set()})
    for kind, reach in (("persons", via_person), ("ministries", via_ministry)):
        for who, districts in reach.items():
            for a, b in combinations(sorted(districts), 2):
                links[(a, b)][kind].add(names[who])
    H = nx.Graph(name="district")
    H.add_nodes_from(sorted(G.nodes(data=True)))
    for (a, b), link in sorted(links.items()):
        H.add_edge(a, b, persons=_SEP.join(sorted(link["persons"])), ministries=_SEP.join(sorted(link["ministries"])),
                   person_count=len(link["persons"]), ministry_count=len(link["ministries"]),
                   weight=len(link["persons"]) + len(link["ministries"]))
    return H


def ministry_district_network(rows: Iterable[dict]) -> nx.Graph:
    """Two-mode network: departments (``bipartite=0``) and the districts they reach (``bipartite=1``).

    An edge means the department has an official in a team of that district; it carries
    ``officials`` (labels) and ``weight`` (their number).
    """
    rows = list(rows)
    G = nx.Graph(name="ministry-district")
    officials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        for iri, label in _ministries(r):
            G.add_node(iri, label=label, kind="ministry", bipartite=0)
            officials[(iri, r["district"])].add(r["personLabel"])
        G.add_node(r["district"], label=r["districtLabel"], kind="district", municipality=r["municipalityLabel"],
                   bipartite=1)
    H = nx.Graph(name="ministry-district")
    H.add_nodes_from(sorted(G.nodes(data=True)))
    for (m, d), who in sorted(officials.items()):
        H.add_edge(m, d, officials=_SEP.join(sorted(who)), weight=len(who))
    return H


def networks(rows: Iterable[dict]) -> dict[str, nx.Graph]:
    """All four networks of *rows*, by name."""
    rows = list(rows)
    return {"actor-team": actor_team_network(rows), "actor": actor_network(rows),
            "district": district_network(rows), "ministry-district": ministry_district_network(rows)}


def linkers(rows: Iterable[dict]) -> list[dict]:
    """The persons and departments that connect more than one district, most districts first.

    Returns
    -------
    list of dict
        ``kind`` (person or ministry), ``name``, ``iri``, ``districts`` (count), ``district_names``
        and ``via`` (for a department: its officials).

    >>> rows = [{"person": "p", "personLabel": "P", "district": d, "districtLabel": d.upper(),
    ...          "affiliations": []} for d in ("a", "b")]
    >>> [(x["name"], x["districts"], x["district_names"]) for x in linkers(rows)]
    [('P', 2, 'A; B')]
    """
    rows = list(rows)
    reach: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    via: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        reach[("person", r["person"], r["personLabel"])].add(r["districtLabel"])
        for iri, label in _ministries(r):
            reach[("ministry", iri, label)].add(r["districtLabel"])
            via[iri].add(r["personLabel"])
    out = [{"kind": kind, "name": label, "iri": iri, "districts": len(ds), "district_names": _SEP.join(sorted(ds)),
            "via": _SEP.join(sorted(via.get(iri, ())))}
           for (kind, iri, label), ds in reach.items() if len(ds) > 1]
    return sorted(out, key=lambda x: (-x["districts"], x["kind"], x["name"]))


#: from this nodes × edges on, exact betweenness is computed on all cores (see _parallel_betweenness)
_PARALLEL_FROM = 1e6
_CHUNKS = 8  # fixed, so that the sums (and the rounded output) do not depend on the number of cores
_shared: nx.Graph | None = None


def _betweenness_from(sources: list, weight: str) -> dict:
    return nx.betweenness_centrality_subset(_shared, sources, list(_shared), normalized=False, weight=weight)


def _parallel_betweenness(G: nx.Graph, weight: str) -> dict:
    """Exact normalised betweenness of an undirected graph, the shortest-path sources split over
    forked worker processes.

    Brandes' algorithm sums one term per source node; NetworkX's
    ``betweenness_centrality_subset`` with all nodes as targets gives each chunk's terms. The sum,
    rescaled as ``betweenness_centrality(normalized=True)`` rescales, equals it (to 1e-16 on the
    300-team actor network; a test compares them).
    """
    global _shared
    nodes = list(G)
    chunks = [nodes[i::_CHUNKS] for i in range(_CHUNKS)]
    _shared = G  # inherited by the forked workers, never pickled
    try:
        with mp.get_context("fork").Pool(min(_CHUNKS, os.cpu_count() or 1)) as pool:
            parts = pool.map(functools.partial(_betweenness_from, weight=weight), chunks)
    finally:
        _shared = None
    total = dict.fromkeys(nodes, 0.0)
    for part in parts:
        for v, b in part.items():
            total[v] += b
    n = len(nodes)
    # the subset sums are halved for an undirected graph; normalised betweenness divides the full sum
    # by (n - 1)(n - 2)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {v: b * scale for v, b in total.items()}


def centrality(G: nx.Graph, weight: str = "weight", exact_limit: float = 2e7, budget: float = 5e6,
               seed: int = 0) -> list[dict]:
    """Degree, weighted degree, betweenness and PageRank of every node.

    Betweenness treats a stronger tie as a *shorter* distance (distance = 1 / weight). It is exact
    while nodes × edges stays under *exact_limit*; above that it is NetworkX's sampled approximation
    with ``k = budget / edges`` pivots (at least 32) and a fixed *seed*, and every row says which in
    ``betweenness_method``.

    Returns
    -------
    list of dict, sorted by betweenness then degree (descending), then label.

    Notes
    -----
    Exact betweenness is O(nodes × edges × log nodes); PageRank is iterative, O(edges) a step.
    """
    if G.number_of_nodes() == 0:
        return []
    H = G.copy()
    for _a, _b, d in H.edges(data=True):
        d["_distance"] = 1.0 / d[weight] if d.get(weight) else 1.0
    n, m = H.number_of_nodes(), H.number_of_edges()
    if n * m > exact_limit:
        k = min(n, max(32, int(budget / max(m, 1))))
        btw = nx.betweenness_centrality(H, k=k, weight="_distance", seed=seed)
        method = f"approximate (k={k} of {n} pivots, seed={seed})"
    elif n * m > _PARALLEL_FROM and not H.is_directed() and (os.cpu_count() or 1) > 1 and "fork" in mp.get_all_start_methods():
        btw = _parallel_betweenness(H, "_distance")
        method = "exact"
    else:
        btw = nx.betweenness_centrality(H, weight="_distance")
        method = "exact"
    pr = nx.pagerank(H, weight=weight) if H.number_of_edges() else {n: 1.0 / H.number_of_nodes() for n in H}
    deg = nx.degree_centrality(H) if H.number_of_nodes() > 1 else {n: 0.0 for n in H}
    rows = [{"iri": n, "label": H.nodes[n].get("label", n), "kind": H.nodes[n].get("kind", ""),
             "degree": H.degree(n), "weighted_degree": H.degree(n, weight=weight),
             "degree_centrality": round(deg[n], 6), "betweenness": round(btw[n], 6),
             "pagerank": round(pr[n], 6), "betweenness_method": method} for n in H]
    return sorted(rows, key=lambda x: (-x["betweenness"], -x["degree"], x["label"], x["iri"]))


_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def brokerage(G: nx.Graph | nx.DiGraph, attribute: str) -> dict:
    """Gould and Fernandez (1989) brokerage roles of every node.

    For every two-path ``a → b → c`` with ``a ≠ c`` and no tie ``a → c``, the middle node ``b``
    brokers, in a role given by the groups (node attribute *attribute*) of ``a``, ``b`` and ``c``:

    * coordinator: all three in one group;
    * itinerant (consultant): ``a`` and ``c`` in one group, ``b`` in another;
    * representative: ``b`` in ``a``'s group, ``c`` in another;
    * gatekeeper: ``b`` in ``c``'s group, ``a`` in another;
    * liaison: all three in different groups.

    An undirected graph counts both directions of each edge, as ``sna::brokerage`` in R does.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    attribute : str
        The node attribute that puts every node in a group.

    Returns
    -------
    dict
        node -> ``{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}``.

    Raises
    ------
    KeyError
        If a node has no *attribute*.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": 1, "b": 2, "c": 2}, "g")
    >>> brokerage(G, "g")["b"]
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 1, 'liaison': 0, 'total': 1}

    Notes
    -----
    O(sum over nodes of in-degree × out-degree).
    """
    D = G if G.is_directed() else G.to_directed()
    group = {}
    for n in D:
        if attribute not in D.nodes[n]:
            raise KeyError(f"node {n!r} has no attribute {attribute!r}")
        group[n] = D.nodes[n][attribute]
    out = {}
    for b in D:
        counts = dict.fromkeys(_ROLES, 0)
        gb = group[b]
        for a in D.predecessors(b):
            ga = group[a]
            for c in D.successors(b):
                if c == a or c == b or a == b or D.has_edge(a, c):
                    continue
                gc = group[c]
                if ga == gb == gc:
                    counts["coordinator"] += 1
                elif ga == gc:
                    counts["itinerant"] += 1
                elif ga == gb:
                    counts["representative"] += 1
                elif gb == gc:
                    counts["gatekeeper"] += 1
                else:
                    counts["liaison"] += 1
        counts["total"] = sum(counts[r] for r in _ROLES)
        out[b] = counts
    return out


def actor_groups(G: nx.Graph) -> dict[str, str]:
    """The brokerage group of each person: the department for officials, the municipality for local
    members, the organisation (or function) for independent experts."""
    groups = {}
    for n, d in G.nodes(data=True):
        groups[n] = (d.get("ministry") or d.get("municipality") or d.get("organisation")
                     or d.get("function") or d.get("label", n)).split(_SEP)[0]
    return groups


def communities(G: nx.Graph, weight: str = "weight", seed: int = 0) -> list[dict]:
    """Louvain communities with a fixed *seed*: the same graph always gives the same communities.

    Returns one dict per node: ``community`` (0 = the largest), ``iri``, ``label``, ``kind``.
    """
    if G.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(G, weight=weight, seed=seed)
    found = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return [{"community": i, "iri": n, "label": G.nodes[n].get("label", n), "kind": G.nodes[n].get("kind", "")}
            for i, c in enumerate(found) for n in sorted(c, key=lambda n: (G.nodes[n].get("label", n), n))]


def summary(G: nx.Graph) -> dict:
    """Nodes, edges, density, connected components and the size of the largest one."""
    comps = list(nx.connected_components(G)) if G.number_of_nodes() else []
    return {"network": G.graph.get("name", ""), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "density": round(nx.density(G), 6) if G.number_of_nodes() > 1 else 0.0,
            "components": len(comps), "largest_component": max((len(c) for c in comps), default=0)}
