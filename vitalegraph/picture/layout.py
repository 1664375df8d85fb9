"""Where each node of a picture stands, and how large it is drawn.

Positions are computed in Python (:func:`layout`: a seeded NetworkX spring layout, or for large
graphs a seeded force layout on a grid), so physics is off in the page; the node size follows a
centrality of :func:`vitalegraph.network.centrality` (:func:`node_sizes`). The same graph always
gives the same positions and sizes. How wide a label is drawn (:func:`vitalegraph.picture.labels.text_width`)
is :mod:`vitalegraph.picture.labels`.
"""

from __future__ import annotations

import math
from typing import Mapping

from .labels import FONT_SIZE, text_width

__all__ = ["layout", "node_sizes", "ordered", "SPRING_LIMIT", "BETWEENNESS_LIMIT", "ASPECT"]

#: width / height the packed picture aims at (the graph area of a landscape window)
ASPECT = 1.65
#: the overlap (pixels) below which the last push of :func:`_separate` stops
_TOUCH = 1e-6
#: how far (pixels) a box moves before :func:`_separate` looks again for the pairs that may overlap
_MARGIN = 16.0
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


def layout(G, seed: int = 0, sizes: Mapping | None = None, boxes: Mapping | None = None,
           edge_boxes: Mapping | None = None) -> dict:
    """Deterministic positions in pixels for every node of *G*.

    Up to :data:`SPRING_LIMIT` nodes, each connected component is laid out by NetworkX's spring
    layout (Fruchterman-Reingold) with *seed*; then nodes whose boxes (shape and label, *boxes*)
    or edge labels (*edge_boxes*, at the middle of their edge) would overlap are pushed apart, the
    picture is drawn in as far as nothing overlaps, and the components are packed in rows, largest
    first, about :data:`ASPECT` times as wide as high. Above, the same forces on a grid (repulsion
    through an FFT convolution, O(nodes + edges) a step) started from NetworkX's seeded random layout.

    Parameters
    ----------
    G : networkx.Graph
    seed : int
    sizes : mapping, optional
        node -> radius in pixels (used when *boxes* is not given).
    boxes : mapping, optional
        node -> ``(half width, above, below)``: the box around the node's centre that its shape and
        label take, in pixels.
    edge_boxes : mapping, optional
        ``(u, v)`` -> ``(half width, half height)`` of the edge's label.

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
    if boxes is None:
        foot = _footprints(G, sizes)
        boxes = {v: (foot[v], foot[v], foot[v]) for v in nodes}
    edge_boxes = edge_boxes or {}
    gap = 40.0
    parts = []
    for comp in sorted(nx.connected_components(G), key=lambda c: (-len(c), min(map(str, c)))):
        members = sorted(comp, key=str)
        box = np.array([boxes[v] for v in members], dtype=float)
        if len(members) == 1:
            xy = np.zeros((1, 2))
        else:
            H = ordered(G, members)
            pos = nx.spring_layout(H, seed=seed, iterations=200, weight=None)
            xy = np.array([pos[v] for v in members], dtype=float)
            xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
            extent = float(np.abs(xy).max()) or 1.0
            area = float((2 * box[:, 0] * (box[:, 1] + box[:, 2])).sum())
            xy *= math.sqrt(area) * 1.1 / (2 * extent)
            index = {v: i for i, v in enumerate(members)}
            labels = [(index[a], index[b], edge_boxes.get((a, b)) or edge_boxes.get((b, a)))
                      for a, b in H.edges() if (a, b) in edge_boxes or (b, a) in edge_boxes]
            xy = _separate(xy, box, labels)
        lo = np.array([(xy[:, 0] - box[:, 0]).min(), (xy[:, 1] - box[:, 1]).min()])
        hi = np.array([(xy[:, 0] + box[:, 0]).max(), (xy[:, 1] + box[:, 2]).max()])
        parts.append((members, xy - lo, hi - lo))
    out = _pack(parts, gap)
    cx = (max(p[0] for p in out.values()) + min(p[0] for p in out.values())) / 2
    cy = (max(p[1] for p in out.values()) + min(p[1] for p in out.values())) / 2
    return {v: (round(px - cx, 1) + 0.0, round(py - cy, 1) + 0.0) for v, (px, py) in out.items()}


def _pack(parts, gap: float) -> dict:
    """Components in rows, largest first, the rows as wide as makes the whole about :data:`ASPECT`."""
    best = None
    widest = max(w for _m, _xy, (w, _h) in parts)
    total = sum(w + gap for _m, _xy, (w, _h) in parts)
    for k in range(41):
        width = widest + (total - widest) * k / 40
        placed, x, y, row, right = [], 0.0, 0.0, 0.0, 0.0
        for members, xy, (w, h) in parts:
            if x > 0 and x + w > width + 1e-6:
                x, y, row = 0.0, y + row + gap, 0.0
            placed.append((members, xy + (x, y)))
            right = max(right, x + w)
            x += w + gap
            row = max(row, h)
        height = y + row
        # the scale at which the packed picture fits a frame of that aspect: larger is better
        score = min(ASPECT / max(right, 1.0), 1.0 / max(height, 1.0))
        if best is None or score > best[0] + 1e-12:
            best = (score, placed)
    out: dict = {}
    for members, xy in best[1]:
        for v, (px, py) in zip(members, xy):
            out[v] = (float(px), float(py))
    return out


def _separate(xy, box, labels, pad: float = 4.0, rounds: int = 400, bias: float = 1.6, squeeze: int = 80):
    """Push nodes apart until no two boxes overlap, then draw the picture in while none do.

    *box* holds per node ``(half width, above, below)``; *labels* ``(i, j, (half width, half
    height))``: an edge label at the middle of nodes i and j, which moves both. An overlap is undone
    along the axis that needs the smaller move, sideways when that is up to *bias* times larger (the
    labels are wide and so is the frame). Drawing in shrinks whichever axis keeps the picture from
    filling a frame :data:`ASPECT` times as wide as high, as long as nothing then overlaps.

    Notes
    -----
    Each round looks only at the pairs that could overlap before some box moves by
    :data:`_MARGIN` (the same numbers as over all pairs, at a fraction of the work); the last push
    stops once what still overlaps is below :data:`_TOUCH` pixels rather than at its last round
    (pairs that pushes from both sides keep at 1e-13 px). On the seed, that took the coalitions
    picture's layout from 8,000 rounds on 84 × 84 pairs to about 5,600 rounds on some 370 pairs.
    """
    import numpy as np

    n = len(xy)
    m = len(labels)
    A = np.zeros((n + m, n))
    A[np.arange(n), np.arange(n)] = 1.0
    half = np.zeros(n + m)
    up = np.zeros(n + m)
    down = np.zeros(n + m)
    half[:n] = box[:, 0]
    up[:n], down[:n] = box[:, 1], box[:, 2]
    for k, (i, j, (hw, hh)) in enumerate(labels):
        A[n + k, i] = A[n + k, j] = 0.5
        half[n + k] = hw
        up[n + k] = down[n + k] = hh
    W = A.T.copy()
    norm = np.maximum(1.0, W.sum(axis=1))[:, None]
    tie_sign = np.sign(np.arange(n + m)[:, None] - np.arange(n + m)[None, :]).astype(float)
    reach_x = half[:, None] + half[None, :] + pad
    mid = (down - up) / 2
    span = (up + down) / 2
    reach_y = span[:, None] + span[None, :] + pad

    plain = m == 0

    def near(P, margin):
        """The ordered pairs (i != j) that may overlap before a box moves by *margin* on an axis."""
        dx = P[:, None, 0] - P[None, :, 0]
        cy = P[:, 1] + mid
        dy = cy[:, None] - cy[None, :]
        close = (reach_x - np.abs(dx) > -2 * margin - 1e-6) & (reach_y - np.abs(dy) > -2 * margin - 1e-6)
        np.fill_diagonal(close, False)
        return np.nonzero(close)

    def push(xy, rounds, touch=0.0, margin=_MARGIN):
        # Each round pushes apart every overlapping pair by half its overlap (times 1.05), the
        # force on a box the sum over its row of pairs. Only pairs that were within 2 * margin of
        # overlapping when last looked at are looked at again, until some box has moved by
        # margin; the others cannot overlap by then, and a row's sum runs over the same values
        # (zeros where no overlap) in the same order as over the whole matrix: the same numbers.
        P0 = None
        V = np.zeros((2, n + m, n + m))
        flat = V.reshape(2, -1)
        for _ in range(rounds):
            P = xy if plain else A @ xy
            if P0 is None or np.abs(P - P0).max() >= margin:
                P0 = P.copy()
                ii, jj = near(P, margin)
                at = ii * (n + m) + jj
                rx, ry, tie = reach_x[ii, jj], reach_y[ii, jj], tie_sign[ii, jj]
                V[:] = 0.0
            cy = P[:, 1] + mid
            dx = P[ii, 0] - P[jj, 0]
            dy = cy[ii] - cy[jj]
            ox = rx - np.abs(dx)
            oy = ry - np.abs(dy)
            hit = (ox > touch) & (oy > touch)
            if not hit.any():
                return xy, True
            along_x = ox <= oy * bias
            sx = np.where(dx != 0, np.sign(dx), tie)
            sy = np.where(dy != 0, np.sign(dy), tie)
            flat[0, at] = np.where(hit & along_x, sx * ox / 2, 0.0)
            flat[1, at] = np.where(hit & ~along_x, sy * oy / 2, 0.0)
            F = V.sum(axis=2).T
            xy = xy + (F if plain else (W @ F) / norm) * 1.05
        return xy, False

    def score(xy):
        P = xy if plain else A @ xy
        w = float((P[:, 0] + half).max() - (P[:, 0] - half).min())
        h = float((P[:, 1] + down).max() - (P[:, 1] - up).min())
        return min(ASPECT / w, 1.0 / h), (1 if h * ASPECT > w else 0)

    xy, ok = push(xy, rounds)
    best, axis = score(xy) if ok else (0.0, 0)
    kept = xy
    # gravity: draw in the axis that keeps the picture small, let the overlaps push back, keep the
    # best state that had none
    for _ in range(squeeze):
        centre = (xy.max(axis=0) + xy.min(axis=0)) / 2
        _s, axis = score(xy)
        factor = np.array([0.985, 0.985])
        factor[axis] = 0.95
        xy, ok = push(centre + (xy - centre) * factor, 25)
        got = score(xy)[0] if ok else 0.0
        if got > best:
            kept, best = xy, got
    if best == 0.0:
        # no state was free of overlaps: push the drawn-in picture apart, until what overlaps
        # is below _TOUCH (pushes that cancel out leave pairs overlapping by 1e-13 px or so;
        # pushing on would move nothing by as much as the 0.1 px the positions are rounded to)
        kept, _ok = push(xy, rounds * 4, _TOUCH)
    return kept


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

    from ..network.measures import betweenness

    if G.number_of_nodes() * G.number_of_edges() <= BETWEENNESS_LIMIT:
        return {v: round(b, 6) for v, b in betweenness(G)[0].items()}, "betweenness"
    return {v: round(x, 6) for v, x in nx.degree_centrality(G).items()}, "degree centrality"


def node_sizes(G, low: float = 10.0, high: float = 38.0) -> tuple[dict, str, dict]:
    """Node sizes (pixels) by centrality, the name of the centrality used, and its values.

    Betweenness from :func:`vitalegraph.network.measures.betweenness`, as
    :func:`vitalegraph.network.centrality` reports it (a stronger tie is a shorter distance; only
    betweenness, so that the picture does not import SciPy for PageRank); above
    :data:`BETWEENNESS_LIMIT` (nodes × edges) the degree centrality, which that function also
    reports, because betweenness would take longer than the whole picture.

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
