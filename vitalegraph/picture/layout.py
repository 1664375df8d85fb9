"""Where each node of a picture stands, and how large it is drawn.

Positions are computed in Python (:func:`layout`: a seeded NetworkX spring layout, or for large
graphs a seeded force layout on a grid), so physics is off in the page; the node size follows a
centrality of :func:`vitalegraph.network.centrality` (:func:`node_sizes`). The same graph always
gives the same positions and sizes.
"""

from __future__ import annotations

import math
from typing import Mapping

__all__ = ["layout", "node_sizes", "ordered", "FONT_SIZE", "SPRING_LIMIT", "BETWEENNESS_LIMIT"]

#: label font size (pixels) by kind: hubs keep their labels when zoomed out, names appear zooming in
FONT_SIZE = {"district": 20, "municipality": 18, "ministry": 18, "team": 12, "organisation": 12, "person": 13}
_LABEL_WIDTH = 170
#: above this many nodes the layout is a grid-based force layout instead of NetworkX's spring layout
SPRING_LIMIT = 500
#: above nodes × edges = this, node size follows degree centrality instead of betweenness
BETWEENNESS_LIMIT = 250_000


def ordered(G, nodes: list):
    """A copy of *G* restricted to *nodes*, holding them (and the edges) in that order.

    NetworkX's subgraph views iterate a small subgraph in the order of a Python set, which changes
    with the hash seed of each process: the layouts need one fixed order.
    """
    import networkx as nx

    index = {v: i for i, v in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from((v, G.nodes[v]) for v in nodes)
    H.add_edges_from(sorted(((a, b, d) if index[a] <= index[b] else (b, a, d) for a, b, d in G.edges(nodes, data=True)
                             if a in index and b in index), key=lambda e: (index[e[0]], index[e[1]])))
    return H


def _footprints(G, sizes: Mapping | None) -> dict:
    """A radius per node that holds its shape and its label below it (an estimate, in pixels)."""
    out = {}
    for v, d in G.nodes(data=True):
        r = float((sizes or {}).get(v, 12.0))
        font = FONT_SIZE.get(d.get("kind", ""), 13)
        text = str(d.get("short") or d.get("label") or v)
        width = 0.55 * font * len(text)
        lines = max(1, math.ceil(width / _LABEL_WIDTH))
        out[v] = max(r + 0.5 * font * lines, min(width, _LABEL_WIDTH) / 2)
    return out


def layout(G, seed: int = 0, sizes: Mapping | None = None) -> dict:
    """Deterministic positions in pixels for every node of *G*.

    Up to :data:`SPRING_LIMIT` nodes, each connected component is laid out by NetworkX's spring
    layout (Fruchterman-Reingold) with *seed*, nodes that would overlap (given their *sizes*, the
    radii in pixels) are pushed apart, and the components are packed in rows, largest first. Above, the same forces on a grid (repulsion through an FFT convolution, O(nodes + edges)
    a step) started from NetworkX's seeded random layout.

    Returns
    -------
    dict
        node -> ``(x, y)``, rounded to 0.1 pixel.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> layout(G) == layout(G) and len(layout(G)) == 4
    True
    """
    import networkx as nx
    import numpy as np

    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    if n > SPRING_LIMIT:
        init = nx.random_layout(G, seed=seed)
        xy = _grid_force_layout(np.array([init[v] for v in nodes], dtype=float) * math.sqrt(n), nodes, G, seed)
        xy -= xy.mean(axis=0)
        extent = float(np.abs(xy).max()) or 1.0
        xy *= 70.0 * math.sqrt(n) / (2 * extent)
        return {v: (round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for v, (x, y) in zip(nodes, xy)}
    spacing, gap = 115.0, 100.0
    foot = _footprints(G, sizes)
    parts = []
    for comp in sorted(nx.connected_components(G), key=lambda c: (-len(c), min(map(str, c)))):
        members = sorted(comp, key=str)
        if len(members) == 1:
            xy = np.zeros((1, 2))
        else:
            pos = nx.spring_layout(ordered(G, members), seed=seed, iterations=200, weight=None)
            xy = np.array([pos[v] for v in members], dtype=float)
            xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
            extent = float(np.abs(xy).max()) or 1.0
            xy *= spacing * math.sqrt(len(members)) / (2 * extent)
            xy = _push_apart(xy, np.array([foot[v] for v in members]))
        parts.append((members, xy, xy.max(axis=0) - xy.min(axis=0)))
    area = sum((w + gap) * (h + gap) for _m, _xy, (w, h) in parts)
    width = max(max(p[2][0] for p in parts), math.sqrt(area * 1.6) * 1.3)
    out: dict = {}
    x = y = row = 0.0
    for members, xy, (w, h) in parts:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + gap, 0.0
        xy = xy - xy.min(axis=0) + (x, y)
        for v, (px, py) in zip(members, xy):
            out[v] = (px, py)
        x += w + gap
        row = max(row, h)
    cx = (max(p[0] for p in out.values()) + min(p[0] for p in out.values())) / 2
    cy = (max(p[1] for p in out.values()) + min(p[1] for p in out.values())) / 2
    return {v: (round(px - cx, 1) + 0.0, round(py - cy, 1) + 0.0) for v, (px, py) in out.items()}


def _push_apart(xy, radii, pad: float = 12.0, rounds: int = 60):
    """Move nodes apart until no two overlap (radii plus *pad*), at most *rounds* steps."""
    import numpy as np

    need = radii[:, None] + radii[None, :] + pad
    np.fill_diagonal(need, 0.0)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((d ** 2).sum(axis=2))
        over = np.clip(need - dist, 0.0, None)
        np.fill_diagonal(over, 0.0)
        if over.max() < 0.5:
            break
        dist[dist == 0] = 1.0
        xy = xy + (d / dist[:, :, None] * (over / 2)[:, :, None]).sum(axis=1)
    return xy


def _grid_force_layout(pos, nodes, G, seed: int, iterations: int = 90):
    """Fruchterman-Reingold forces with the repulsion computed on a grid (particle-mesh)."""
    import numpy as np

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in G.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    u, v = ends[:, 0], ends[:, 1]
    side = math.sqrt(n)
    grid = int(min(256, max(32, 2 ** math.ceil(math.log2(1.5 * side)))))
    off = np.fft.fftfreq(2 * grid, 1.0 / (2 * grid))
    ox, oy = np.meshgrid(off, off, indexing="ij")
    r2 = ox ** 2 + oy ** 2
    r2[0, 0] = 1.0
    kx, ky = ox / r2, oy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    KX, KY = np.fft.rfft2(kx), np.fft.rfft2(ky)
    shape = (2 * grid, 2 * grid)
    t0 = side / 8
    for step in range(iterations):
        lo = np.percentile(pos, 1, axis=0)
        hi = np.percentile(pos, 99, axis=0)
        h = max(float((hi - lo).max()), 1e-6) * 1.02 / grid
        ij = np.clip(((pos - lo) / h).astype(np.int64), 0, grid - 1)
        dens = np.bincount(ij[:, 0] * (2 * grid) + ij[:, 1], minlength=4 * grid * grid).reshape(shape)
        D = np.fft.rfft2(dens)
        fx = np.fft.irfft2(D * KX, s=shape)[ij[:, 0], ij[:, 1]]
        fy = np.fft.irfft2(D * KY, s=shape)[ij[:, 0], ij[:, 1]]
        disp = np.stack([fx, fy], axis=1) / h
        d = pos[v] - pos[u]
        dist = np.sqrt((d ** 2).sum(axis=1))
        f = d * dist[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(u, weights=f[:, axis], minlength=n)
            disp[:, axis] -= np.bincount(v, weights=f[:, axis], minlength=n)
        disp -= (pos - pos.mean(axis=0)) * 1.0
        length = np.sqrt((disp ** 2).sum(axis=1))
        length[length == 0] = 1.0
        t = t0 * (1 - step / iterations) + 0.01
        pos = pos + disp / length[:, None] * np.minimum(length, t)[:, None]
    lo, hi = np.percentile(pos, 0.5, axis=0), np.percentile(pos, 99.5, axis=0)
    margin = (hi - lo) * 0.04
    return np.clip(pos, lo - margin, hi + margin)   # a stray isolated node stays near the picture


def _centralities(G) -> tuple[dict, str]:
    import networkx as nx

    from ..network.measures import centrality

    if G.number_of_nodes() * G.number_of_edges() <= BETWEENNESS_LIMIT:
        return {r["iri"]: r["betweenness"] for r in centrality(G)}, "betweenness"
    return {v: round(x, 6) for v, x in nx.degree_centrality(G).items()}, "degree centrality"


def node_sizes(G, low: float = 10.0, high: float = 38.0) -> tuple[dict, str, dict]:
    """Node sizes (pixels) by centrality, the name of the centrality used, and its values.

    Betweenness from :func:`vitalegraph.network.centrality` (a stronger tie is a shorter distance);
    above :data:`BETWEENNESS_LIMIT` (nodes × edges) the degree centrality, which that function
    also reports, because betweenness would take longer than the whole picture.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(3); nx.set_node_attributes(G, "x", "label")
    >>> sizes, measure, values = node_sizes(G)
    >>> measure, sizes[0], sizes[1], values[0]
    ('betweenness', 38.0, 10.0, 1.0)
    """
    values, measure = _centralities(G)
    top = max(values.values(), default=0.0)
    if top <= 0:
        return {v: round((low + high) / 3, 1) for v in G}, measure, values
    sizes = {v: round(low + (high - low) * math.sqrt(values.get(v, 0.0) / top), 1) for v in G}
    return sizes, measure, values
