"""Measures of a network graph: centrality, brokerage (Gould and Fernandez 1989), communities, summary.

Each works on a NetworkX graph of :mod:`vitalegraph.network.networks`, free of I/O; the output is
deterministic (seeded, rounded, sorted).
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os

import networkx as nx

from .networks import SEP

__all__ = ["centrality", "betweenness", "brokerage", "actor_groups", "level_groups", "group_persons", "GROUPINGS", "LEVELS",
           "communities", "summary"]


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


def betweenness(G: nx.Graph, weight: str = "weight", exact_limit: float = 2e7, budget: float = 5e6,
                seed: int = 0) -> tuple[dict, str]:
    """The normalised betweenness of every node, a stronger tie being a *shorter* distance, and how.

    What :func:`centrality` reports as ``betweenness`` (before rounding) and ``betweenness_method``,
    without the other measures (PageRank needs SciPy, which a picture need not import).

    Returns
    -------
    tuple
        node -> betweenness, and ``"exact"`` or ``"approximate (k=K of N pivots, seed=S)"``.

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> betweenness(G)
    ({0: 0.0, 1: 1.0, 2: 0.0}, 'exact')
    """
    H = G.copy()
    for _a, _b, d in H.edges(data=True):
        d["_distance"] = 1.0 / d[weight] if d.get(weight) else 1.0
    n, m = H.number_of_nodes(), H.number_of_edges()
    if n * m > exact_limit:
        k = min(n, max(32, int(budget / max(m, 1))))
        return (nx.betweenness_centrality(H, k=k, weight="_distance", seed=seed),
                f"approximate (k={k} of {n} pivots, seed={seed})")
    if n * m > _PARALLEL_FROM and not H.is_directed() and (os.cpu_count() or 1) > 1 and "fork" in mp.get_all_start_methods():
        return _parallel_betweenness(H, "_distance"), "exact"
    return nx.betweenness_centrality(H, weight="_distance"), "exact"


def centrality(G: nx.Graph, weight: str = "weight", exact_limit: float = 2e7, budget: float = 5e6,
               seed: int = 0) -> list[dict]:
    """Degree, weighted degree, betweenness and PageRank of every node.

    Betweenness treats a stronger tie as a *shorter* distance (distance = 1 / weight). It is exact
    while nodes × edges stays under *exact_limit*; above that it is NetworkX's sampled approximation
    with ``k = budget / edges`` pivots (at least 32) and a fixed *seed*, and every row says which in
    ``betweenness_method`` (:func:`betweenness`).

    Returns
    -------
    list of dict, sorted by betweenness then degree (descending), then label.

    Notes
    -----
    Exact betweenness is O(nodes × edges × log nodes); PageRank is iterative, O(edges) a step.
    """
    if G.number_of_nodes() == 0:
        return []
    btw, method = betweenness(G, weight, exact_limit, budget, seed)
    pr = nx.pagerank(G, weight=weight) if G.number_of_edges() else {n: 1.0 / G.number_of_nodes() for n in G}
    deg = nx.degree_centrality(G) if G.number_of_nodes() > 1 else {n: 0.0 for n in G}
    rows = [{"iri": n, "label": G.nodes[n].get("label", n), "kind": G.nodes[n].get("kind", ""),
             "degree": G.degree(n), "weighted_degree": G.degree(n, weight=weight),
             "degree_centrality": round(deg[n], 6), "betweenness": round(btw[n], 6),
             "pagerank": round(pr[n], 6), "betweenness_method": method} for n in G]
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
    # an undirected graph's neighbours are both its predecessors and successors: no directed copy
    # (which took most of the time on a thousand teams)
    D = G
    predecessors = G.predecessors if G.is_directed() else G.neighbors
    successors = G.successors if G.is_directed() else G.neighbors
    adjacent = G.has_edge
    group = {}
    for n in D:
        if attribute not in D.nodes[n]:
            raise KeyError(f"node {n!r} has no attribute {attribute!r}")
        group[n] = D.nodes[n][attribute]
    out = {}
    for b in D:
        counts = dict.fromkeys(_ROLES, 0)
        gb = group[b]
        for a in predecessors(b):
            ga = group[a]
            for c in successors(b):
                if c == a or c == b or a == b or adjacent(a, c):
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
                     or d.get("function") or d.get("label", n)).split(SEP)[0]
    return groups


#: the level of government of each coalition role (the English label of the role in the ontology):
#: the cabinet and the ministries are national, the municipality's side local, the expert independent
LEVELS = {"member of the cabinet": "national", "director-general": "national",
          "municipal representative": "local", "independent expert": "independent"}
_LEVEL_ORDER = ("national", "local", "independent")


def level_groups(G: nx.Graph) -> dict[str, str]:
    """The level of government of each person: ``national`` (cabinet and ministries), ``local`` (the
    municipality) or ``independent`` (the independent expert), from the coalition role(s).

    A person with roles at two levels is put at the first of national, local, independent; a role
    the project does not know falls back on the affiliation (a ministry is national), else ``other``.

    >>> G = nx.Graph(); G.add_node("a", role="director-general"); G.add_node("b", role="independent expert")
    >>> G.add_node("c", role="chair", ministry="X"); G.add_node("d", role="chair")
    >>> level_groups(G)
    {'a': 'national', 'b': 'independent', 'c': 'national', 'd': 'other'}
    """
    groups = {}
    for n, d in G.nodes(data=True):
        found = {LEVELS[r] for r in str(d.get("role") or "").split(SEP) if r in LEVELS}
        level = next((lv for lv in _LEVEL_ORDER if lv in found), None)
        groups[n] = level or ("national" if d.get("ministry") else "other")
    return groups


#: the partitions ``vitalegraph network brokerage --by`` chooses from, with what each puts together
GROUPINGS = {
    "affiliation": ("the department of an official, the municipality of a local member, the organisation of an "
                    "expert", actor_groups),
    "level": ("the level of government: national (cabinet and ministries), local (municipality), independent",
              level_groups),
}


def group_persons(G: nx.Graph, by: str = "affiliation") -> dict[str, str]:
    """The brokerage group of each person of the actor network *G*, by one of :data:`GROUPINGS`.

    Raises
    ------
    ValueError
        For an unknown grouping.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping '{by}'; choose one of {', '.join(GROUPINGS)}")
    return GROUPINGS[by][1](G)


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
