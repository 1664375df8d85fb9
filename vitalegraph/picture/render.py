"""Stage 10 — pictures: interactive network pictures that work offline, one HTML file each.

A picture is ONE self-contained HTML file: vis-network (the copy bundled inside the installed
``pyvis`` package), the page's own script and style are all inline, the data sits in a
``<script type="application/json">`` block, and a Content-Security-Policy lets the page load
nothing from anywhere (no CDN, no font, no request). Every text from the sources is set with
``textContent`` in the page: a label such as ``<img src=x onerror=alert(1)>`` shows as that text.

Views (:data:`VIEWS`), built from the network rows of :func:`vitalegraph.network.membership_rows`:

* ``coalitions`` — persons, adoption teams, districts, municipalities, ministries and
  organisations together (edges person–team, team–district, district–municipality,
  person–ministry, person–organisation);
* ``districts`` — the district network, each edge labelled by who and which ministries link them;
* ``departments`` — the ministries and the districts they reach.

Positions are computed in Python (:func:`layout`: a seeded NetworkX spring layout, or for large
graphs a seeded force layout on a grid), physics is off, and the node size follows a centrality of
:func:`vitalegraph.network.centrality`: the same graph always gives the same bytes.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("p", label="Atzo Nicolaï", kind="person", role="member of the cabinet")
>>> G.add_node("t", label="Nieuw West (Amsterdam): Jongeren", kind="team")
>>> G.add_edge("p", "t")
>>> page = picture_html(G, title="Example")
>>> page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
True
>>> "Atzo Nicolaï" in page and page == picture_html(G, title="Example")
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from .. import paths
from ..errors import DataFileError, QueryError

__all__ = [
    "VIEWS", "DEFAULT_VIEW", "LEGEND", "FONT_SIZE", "THROUGH", "SPRING_LIMIT", "BETWEENNESS_LIMIT",
    "VIS_NETWORK_VERSION", "view_graph", "short_names", "evidence_by_person",
    "layout", "node_sizes", "picture_data", "picture_html", "picture_iframe", "render_view", "write_pictures",
    "synthetic_graph",
]

#: the views and what each shows
VIEWS = {
    "coalitions": "districts, adoption teams, persons, ministries and municipalities together",
    "districts": "the district network: districts linked by the persons and ministries they share",
    "departments": "the ministries and the districts they reach, through their officials",
}
DEFAULT_VIEW = "coalitions"
#: the vis-network bundled with pyvis 0.3.2 that the pictures inline
VIS_NETWORK_VERSION = "9.1.2"

#: legend entries: (key, label, colour, shape); a person's key is ``person/<coalition role>``
LEGEND = (
    ("person/municipal representative", "person: municipal representative", "#E69F00", "dot"),
    ("person/director-general", "person: director-general", "#0072B2", "dot"),
    ("person/member of the cabinet", "person: member of the cabinet", "#CC79A7", "dot"),
    ("person/independent expert", "person: independent expert", "#009E73", "dot"),
    ("person", "person: other role", "#8A8A8A", "dot"),
    ("team", "adoption team", "#F0C419", "triangle"),
    ("district", "district", "#D55E00", "square"),
    ("municipality", "municipality", "#8C6D31", "hexagon"),
    ("ministry", "ministry", "#3B2C85", "diamond"),
    ("organisation", "organisation", "#6B8E23", "star"),
)
_OTHER = ("#A0A0A0", "dot")
#: label font size (pixels) by kind: hubs keep their labels when zoomed out, names appear zooming in
FONT_SIZE = {"district": 20, "municipality": 18, "ministry": 18, "team": 12, "organisation": 12, "person": 13}
_LABEL_WIDTH = 170
#: kinds the neighbourhood highlight passes through (a person reaches the districts of her teams)
THROUGH = ("team",)
#: node attributes shown in the hover and the side panel, in this order (others follow, sorted)
_FACTS = ("role", "function", "party", "ministry", "organisation", "municipality", "district", "teams", "districts",
          "officials", "members", "persons", "ministries", "weight")
_HIDDEN_ATTRS = {"label", "kind", "short", "bipartite", "iri", "x", "y", "person_count", "ministry_count"}
_SEP = "; "
#: above this many nodes the layout is a grid-based force layout instead of NetworkX's spring layout
SPRING_LIMIT = 500
#: above nodes × edges = this, node size follows degree centrality instead of betweenness
BETWEENNESS_LIMIT = 250_000
_ROOT = Path(__file__).resolve().parent


# ------------------------------------------------------------------ graphs of the views
def short_names(dataset) -> dict[str, str]:
    """The short name (``skos:notation``, e.g. ``VROM``) of each department, by IRI.

    Runs ``queries/picture/short-names.rq``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).

    Returns
    -------
    dict
        Department IRI -> short name (the first in sorted order where there are several).

    Examples
    --------
    ::

        short_names(load_dataset("data/vitalegraph.ttl"))["https://w3id.org/vitalegraph/id/department/vrom"]
        # 'VROM'
    """
    from ..query.engine import run_query

    out: dict[str, str] = {}
    for rec in run_query(str(paths.QUERIES / "picture" / "short-names.rq"), dataset).records():
        out.setdefault(rec["node"], rec["short"])
    return out


def _join(values: Iterable[str]) -> str:
    return _SEP.join(sorted({v for v in values if v}))


def view_graph(view: str, rows: Iterable[dict], short: Mapping[str, str] | None = None):
    """The NetworkX graph that view *view* draws, built from membership rows.

    Parameters
    ----------
    view : str
        One of :data:`VIEWS`.
    rows : iterable of dict
        From :func:`vitalegraph.network.membership_rows` (optionally through ``select_period``).
    short : mapping, optional
        Department IRI -> short name (:func:`short_names`), used as the canvas label.

    Returns
    -------
    networkx.Graph
        Node ids are IRIs; nodes have ``label``, ``kind`` and plain-string facts.

    Raises
    ------
    QueryError
        For an unknown view.

    Examples
    --------
    >>> rows = [{"membership": "m", "person": "p", "personLabel": "Annet Bertram", "team": "t",
    ...          "teamLabel": "Overvecht (Utrecht): Impuls", "district": "d", "districtLabel": "Overvecht",
    ...          "municipality": "g", "municipalityLabel": "Utrecht", "roleLabel": "director-general",
    ...          "functionText": "directeur-generaal", "affiliations": [("v", "VROM", "ministry")]}]
    >>> G = view_graph("coalitions", rows)
    >>> sorted(G.nodes[n]["kind"] for n in G)
    ['district', 'ministry', 'municipality', 'person', 'team']
    >>> sorted(tuple(sorted(e)) for e in G.edges())
    [('d', 'g'), ('d', 't'), ('p', 't'), ('p', 'v')]
    """
    import networkx as nx

    from .. import network as vn

    rows = list(rows)
    short = dict(short or {})
    if view == "districts":
        D = vn.district_network(rows)
        teams: dict[str, set] = {}
        labels: dict[str, str] = {}
        for r in rows:
            teams.setdefault(r["district"], set()).add(r["teamLabel"])
            for iri, label, kind in r.get("affiliations", ()):
                if kind == "ministry" and iri in short:
                    labels[label] = short[iri]
        G = nx.Graph(name="districts")
        for n, d in sorted(D.nodes(data=True)):
            G.add_node(n, **d, teams=_join(teams.get(n, ())))
        for a, b, d in sorted(D.edges(data=True)):
            who = [p for p in d["persons"].split(_SEP) if p]
            mins = [labels.get(m, m) for m in d["ministries"].split(_SEP) if m]
            G.add_edge(a, b, **d, short=", ".join(who + mins))
        return G
    if view == "departments":
        M = vn.ministry_district_network(rows)
        G = nx.Graph(name="departments")
        for n, d in sorted(M.nodes(data=True)):
            d = {k: v for k, v in d.items() if k != "bipartite"}
            if d["kind"] == "ministry":
                d["officials"] = _join(x for _a, _b, x in M.edges(n, data="officials"))
                d["districts"] = _join(M.nodes[m]["label"] for m in M[n])
                if n in short:
                    d["short"] = short[n]
            else:
                d["ministries"] = _join(M.nodes[m]["label"] for m in M[n])
            G.add_node(n, **d)
        G.add_edges_from(sorted(M.edges(data=True)))
        return G
    if view != "coalitions":
        raise QueryError(f"unknown view '{view}'; choose one of {', '.join(VIEWS)}")
    A = vn.actor_team_network(rows)
    G = nx.Graph(name="coalitions")
    for n, d in sorted(A.nodes(data=True)):
        d = {k: v for k, v in d.items() if k != "bipartite" and v != ""}
        if d["kind"] == "team" and ": " in d["label"]:
            d["short"] = d["label"].split(": ", 1)[1]
        G.add_node(n, **d)
    districts: dict[str, dict] = {}
    municipalities: dict[str, dict] = {}
    affiliated: dict[str, dict] = {}
    edges = set()
    for r in rows:
        districts.setdefault(r["district"], {"label": r["districtLabel"], "kind": "district",
                                             "municipality": r["municipalityLabel"], "teams": set()})
        districts[r["district"]]["teams"].add(r["teamLabel"])
        municipalities.setdefault(r["municipality"], {"label": r["municipalityLabel"], "kind": "municipality",
                                                      "districts": set()})
        municipalities[r["municipality"]]["districts"].add(r["districtLabel"])
        edges.add((r["team"], r["district"]))
        edges.add((r["district"], r["municipality"]))
        for iri, label, kind in r.get("affiliations", ()):
            if kind in ("ministry", "organisation"):
                a = affiliated.setdefault(iri, {"label": label, "kind": kind, "members": set()})
                a["members"].add(r["personLabel"])
                edges.add((r["person"], iri))
    for group, key in ((districts, "teams"), (municipalities, "districts"), (affiliated, "members")):
        for n, d in sorted(group.items()):
            attrs = {**d, key: _join(d[key])}
            if n in short:
                attrs["short"] = short[n]
            G.add_node(n, **attrs)
    G.add_edges_from(sorted(A.edges(data=True)))
    G.add_edges_from(sorted(edges))
    return G


def evidence_by_person(dataset, rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The source quote behind each membership of *rows*, by person IRI.

    Runs the named query ``evidence``; a membership that is not in *rows* (another period) is left out.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    rows : iterable of dict
        Membership rows (:func:`vitalegraph.network.membership_rows`).

    Returns
    -------
    dict
        person IRI -> list of ``{"team", "quote", "file", "start", "end"}``, in source order.

    Examples
    --------
    ::

        ev = evidence_by_person(dataset, membership_rows(dataset))
        ev["https://w3id.org/vitalegraph/id/person/annet-bertram"][0]["quote"]
        # 'Annet Bertram (directeur-generaal VROM)'
    """
    from ..query.engine import run_query

    person_of = {r["membership"]: r["person"] for r in rows}
    out: dict[str, list[dict]] = {}
    for rec in run_query("evidence", dataset).records():
        person = person_of.get(rec["membership"])
        if person is None:
            continue
        item = {"team": rec["team"], "quote": rec["quote"], "file": rec["file"], "start": rec["start"],
                "end": rec["end"]}
        if item not in out.setdefault(person, []):
            out[person].append(item)
    return out


# ------------------------------------------------------------------ layout and sizes
def _ordered(G, nodes: list):
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
            pos = nx.spring_layout(_ordered(G, members), seed=seed, iterations=200, weight=None)
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

    from ..network.networks import centrality

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


# ------------------------------------------------------------------ the page
def _legend_key(d: dict) -> str:
    kind = d.get("kind", "")
    if kind == "person":
        role = (d.get("role") or "").split(_SEP)[0]
        key = f"person/{role}"
        return key if any(k == key for k, *_ in LEGEND) else "person"
    return kind or "other"


def _fact(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _facts(d: dict) -> list[list[str]]:
    keys = [k for k in _FACTS if k in d] + sorted(k for k in d if k not in _FACTS and k not in _HIDDEN_ATTRS)
    return [[k, _fact(d[k])] for k in keys
            if d[k] not in ("", None) and isinstance(d[k], (str, int, float)) and not isinstance(d[k], bool)]


def _tags(d: dict, field: str) -> list[str]:
    if d.get("kind") == field:
        return [d.get("label", "")]
    return [t for t in str(d.get(field) or "").split(_SEP) if t]


def picture_data(G, *, title: str = "", evidence: Mapping[str, list[dict]] | None = None, seed: int = 0,
                 through: Iterable[str] = THROUGH) -> dict:
    """The data a picture page draws (what :func:`picture_html` puts into the page as JSON).

    Parameters
    ----------
    G : networkx.Graph
        Nodes with ``label``, ``kind`` and plain facts; an optional ``short`` is the canvas label.
    title : str
    evidence : mapping, optional
        node -> list of ``{"team", "quote", "file", "start", "end"}`` (:func:`evidence_by_person`).
    seed : int
        Seed of the layout.
    through : iterable of str
        Kinds the neighbourhood highlight passes through.

    Returns
    -------
    dict
        ``title``, ``legend``, ``tags``, ``nodes``, ``edges``, ``evidence``, ``size_by``, ``through``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_edge("a", "b"); G.nodes["a"].update(label="A", kind="district")
    >>> data = picture_data(G)
    >>> [n["l"] for n in data["nodes"]], data["edges"]
    (['A', 'b'], [{'a': 0, 'b': 1}])
    """
    evidence = evidence or {}
    order = sorted(G.nodes, key=str)
    index = {v: i for i, v in enumerate(order)}
    sizes, measure, values = node_sizes(G)
    pos = layout(_ordered(G, order), seed, sizes)
    legend = [list(entry) for entry in LEGEND]
    keys = {entry[0]: i for i, entry in enumerate(legend)}
    tag_names: dict[str, dict[str, str]] = {"ministry": {}, "municipality": {}}
    for v in order:
        d = G.nodes[v]
        for field, names in tag_names.items():
            for t in _tags(d, field):
                names.setdefault(t, "")
            if d.get("kind") == field and d.get("short"):
                names[d.get("label", "")] = d["short"]
    for a, b, d in G.edges(data=True):
        for t in _tags(d, "ministries"):
            tag_names["ministry"].setdefault(t, "")
    tag_list = {field: sorted(names.items(), key=lambda kv: (kv[1] or kv[0]).casefold()) for field, names in tag_names.items()}
    tag_index = {field: {name: i for i, (name, _s) in enumerate(items)} for field, items in tag_list.items()}
    nodes = []
    for v in order:
        d = G.nodes[v]
        key = _legend_key(d)
        if key not in keys:
            keys[key] = len(legend)
            legend.append([key, key, *_OTHER])
        label = str(d.get("label", v))
        node = {"l": label, "g": keys[key], "x": pos[v][0], "y": pos[v][1], "s": sizes[v]}
        if d.get("short") and d["short"] != label:
            node["d"] = str(d["short"])
        facts = _facts(d)
        facts.append([measure, _fact(values.get(v, 0.0))])
        node["f"] = facts
        if str(v) != label:
            node["i"] = str(v)
        m = [tag_index["ministry"][t] for t in _tags(d, "ministry")]
        u = [tag_index["municipality"][t] for t in _tags(d, "municipality")]
        if m:
            node["m"] = m
        if u:
            node["u"] = u
        nodes.append(node)
    edges = []
    for a, b, d in sorted(((index[a], index[b], d) if index[a] <= index[b] else (index[b], index[a], d)
                           for a, b, d in G.edges(data=True)), key=lambda e: (e[0], e[1])):
        edge: dict = {"a": a, "b": b}
        if d.get("short"):
            edge["l"] = str(d["short"])
        if isinstance(d.get("weight"), (int, float)) and d["weight"] != 1:
            edge["w"] = d["weight"]
        facts = _facts(d)
        if facts:
            edge["f"] = facts
        kinds = {G.nodes[order[a]].get("kind"), G.nodes[order[b]].get("kind")}
        if "person" in kinds and kinds & {"ministry", "organisation"}:
            edge["t"] = 1
        m = [tag_index["ministry"][t] for t in _tags(d, "ministries")]
        if m:
            edge["m"] = m
            if d.get("persons"):
                edge["p"] = 1
        edges.append(edge)
    ev = {str(index[v]): [[str(x["team"]), str(x["quote"]), str(x["file"]), x["start"], x["end"]] for x in items]
          for v, items in sorted(evidence.items(), key=lambda kv: str(kv[0])) if v in index}
    used = sorted({n["g"] for n in nodes})
    return {"title": title, "size_by": measure, "through": sorted(set(through)), "font": FONT_SIZE,
            "legend": [legend[i] + [i] for i in used] if nodes else [],
            "tags": {field: [list(item) for item in items] for field, items in tag_list.items()},
            "nodes": nodes, "edges": edges, "evidence": ev}


def _script_json(obj) -> str:
    """*obj* as JSON that is safe inside ``<script type="application/json">``.

    >>> _script_json({"a": "</script><b>&\\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network from the installed pyvis package, without its source-map comment."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0] if locations else ".") / "lib" / f"vis-{VIS_NETWORK_VERSION}" / "vis-network.min.js"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise DataFileError(f"vis-network {VIS_NETWORK_VERSION} not found in the pyvis package ({path}); "
                            "install it with `pip install pyvis==0.3.2`") from None
    text = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", text)
    if "</script" in text.lower():
        raise DataFileError(f"{path}: contains '</script' and cannot be inlined")
    return text


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (_ROOT / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def picture_html(G, *, title: str = "VitaleGraph", evidence: Mapping[str, list[dict]] | None = None,
                 seed: int = 0, subtitle: str = "") -> str:
    """The picture of *G* as one self-contained HTML page (UTF-8, no outside request).

    Parameters
    ----------
    G : networkx.Graph
        Nodes with ``label``, ``kind`` and facts (plain strings and numbers).
    title : str
        The page title.
    evidence : mapping, optional
        node -> list of source quotes, shown in the side panel (:func:`evidence_by_person`).
    seed : int
        Seed of the layout.
    subtitle : str
        One line under the title (e.g. the period).

    Returns
    -------
    str
        The HTML page; the same graph gives the same text.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_node("x", label="<img src=x onerror=alert(1)>", kind="person")
    >>> page = picture_html(G)
    >>> "<img src=x" in page
    False
    >>> "http://" in page.split("<script>")[0] or "https://" in page.split("<script>")[0]
    False
    """
    data = picture_data(G, title=title, evidence=evidence, seed=seed)
    data["subtitle"] = subtitle
    vis, app, css = _vis_js(), _asset("static/picture.js"), _asset("static/picture.css")
    if "</script" in app.lower() or "</style" in css.lower():
        raise DataFileError("the picture's script or style contains a closing tag and cannot be inlined")
    csp = ("default-src 'none'; script-src " + _sha256(vis) + " " + _sha256(app)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    values = {"title": html.escape(title), "csp": html.escape(csp, quote=False).replace('"', "&quot;"), "css": css, "data": _script_json(data),
              "vis": vis, "app": app}
    template = _asset("templates/picture.html")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def picture_iframe(page: str, height: int = 640) -> str:
    """*page* in a sandboxed ``<iframe srcdoc>``, for a notebook (``IPython.display.HTML``).

    >>> picture_iframe('<p title="a">&</p>', 300)
    '<div><iframe srcdoc="&lt;p title=&quot;a&quot;&gt;&amp;&lt;/p&gt;" sandbox="allow-scripts" style="width:100%;height:300px;border:1px solid #ddd"></iframe></div>'
    """
    return (f'<div><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe></div>')


# ------------------------------------------------------------------ from the dataset
_TITLES = {"coalitions": "Coalitions", "districts": "Districts", "departments": "Departments"}
_PERIODS = {"all": "all memberships", "start": "the start of the pilot (team listing)",
            "latest": "the latest teams (later changes applied)"}


def render_view(dataset, view: str = DEFAULT_VIEW, period: str = "all", rows: list[dict] | None = None,
                seed: int = 0):
    """The picture of one view of *dataset*: ``(html, graph)``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    view : str
        One of :data:`VIEWS`.
    period : str
        One of :data:`vitalegraph.network.PERIODS`.
    rows : list of dict, optional
        Membership rows already read from *dataset* (all periods).
    seed : int
        Seed of the layout.

    Returns
    -------
    tuple
        The HTML page (str) and the graph it draws (networkx.Graph).

    Raises
    ------
    QueryError
        For an unknown view or period.

    Examples
    --------
    ::

        page, G = render_view(load_dataset("data/vitalegraph.ttl"), "districts")
        Path("districts.html").write_text(page, encoding="utf-8")
    """
    from .. import network as vn

    if view not in VIEWS:
        raise QueryError(f"unknown view '{view}'; choose one of {', '.join(VIEWS)}")
    try:
        selected = vn.select_period(vn.membership_rows(dataset) if rows is None else rows, period)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    G = view_graph(view, selected, short_names(dataset))
    evidence = evidence_by_person(dataset, selected) if view == "coalitions" else {}
    page = picture_html(G, title=f"VitaleGraph — {_TITLES[view]}", evidence=evidence, seed=seed,
                        subtitle=f"{VIEWS[view]}; period: {_PERIODS.get(period, period)}")
    return page, G


def write_pictures(dataset, out: str | Path, period: str = "all", rows: list[dict] | None = None,
                   views: Iterable[str] = tuple(VIEWS)) -> list[Path]:
    """Write ``OUT/<view>.html`` for every view, atomically.

    This is what ``vitalegraph build`` calls (from :func:`vitalegraph.build.write_derived`) to
    write ``data/pictures/``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    out : str or Path
        The folder.
    period : str
        One of :data:`vitalegraph.network.PERIODS`.
    rows : list of dict, optional
        Membership rows already read from *dataset*.
    views : iterable of str
        Which views; default all of :data:`VIEWS`.

    Returns
    -------
    list of Path
        The files written, sorted.

    Examples
    --------
    ::

        write_pictures(load_dataset("data/vitalegraph.ttl"), "data/pictures")
        # [PosixPath('data/pictures/coalitions.html'), ...departments, ...districts]
    """
    from .. import network as vn
    from ..pipeline.serialize import atomic_write_many

    rows = vn.membership_rows(dataset) if rows is None else rows
    out = Path(out)
    files = {out / f"{view}.html": render_view(dataset, view, period, rows)[0].encode("utf-8") for view in views}
    atomic_write_many(files)
    return sorted(files)


# ------------------------------------------------------------------ synthetic graphs
def synthetic_graph(nodes: int = 5000, seed: int = 0):
    """A synthetic coalition graph of about *nodes* nodes, with the kinds and facts of the real one.

    Teams of about six persons in districts of municipalities; officials of a few dozen ministries,
    some experts from organisations; one person in ten sits in two teams. For benchmarks and tests.

    Examples
    --------
    >>> G = synthetic_graph(400)
    >>> G.number_of_nodes()
    400
    >>> sorted({d["kind"] for _n, d in G.nodes(data=True)})
    ['district', 'ministry', 'municipality', 'organisation', 'person', 'team']
    """
    import random

    import networkx as nx

    rng = random.Random(seed)
    n_team = max(1, nodes // 8)
    n_district = max(1, nodes // 16)
    n_muni = max(1, nodes // 64)
    n_min = max(1, min(24, nodes // 200))
    n_org = max(1, nodes // 80)
    n_person = max(0, nodes - n_team - n_district - n_muni - n_min - n_org)
    first = ["Annet", "Atzo", "Clémence", "André", "Ahmed", "Sybilla", "Jan", "Ella", "Doekle", "Piet", "Karien",
             "Maria", "Siebe", "Zoë", "Noël", "Inés", "Björn", "Özlem"]
    last = ["Bertram", "Nicolaï", "Ross-van Dorp", "Rouvoet", "Marcouch", "Dekker", "van der Bos", "Vogelaar",
            "Terpstra", "Donner", "van Gennip", "Peijs", "Riedstra", "Çelik", "de Vries", "Paré", "Østergaard"]
    roles = ("municipal representative", "director-general", "member of the cabinet", "independent expert",
             "independent expert", "municipal representative")
    G = nx.Graph(name=f"synthetic-{nodes}")
    munis = [f"muni/{i}" for i in range(n_muni)]
    for i, m in enumerate(munis):
        G.add_node(m, label=f"Gemeente {i + 1}", kind="municipality")
    mins = [f"ministry/{i}" for i in range(n_min)]
    for i, m in enumerate(mins):
        G.add_node(m, label=f"Ministerie {i + 1}", kind="ministry", short=f"M{i + 1}")
    orgs = [f"org/{i}" for i in range(n_org)]
    for i, o in enumerate(orgs):
        G.add_node(o, label=f"Organisatie {i + 1}", kind="organisation")
    districts = [f"district/{i}" for i in range(n_district)]
    for i, d in enumerate(districts):
        m = munis[i % n_muni]
        G.add_node(d, label=f"Wijk {i + 1}", kind="district", municipality=G.nodes[m]["label"])
        G.add_edge(d, m)
    teams = [f"team/{i}" for i in range(n_team)]
    for i, t in enumerate(teams):
        d = districts[i % n_district]
        G.add_node(t, label=f"{G.nodes[d]['label']}: thema {i + 1}", kind="team", district=G.nodes[d]["label"],
                   municipality=G.nodes[d]["municipality"])
        G.add_edge(t, d)
    for i in range(n_person):
        p = f"person/{i}"
        role = roles[i % len(roles)]
        team = teams[i % n_team]
        attrs = {"label": f"{rng.choice(first)} {rng.choice(last)} {i + 1}", "kind": "person", "role": role}
        if role in ("director-general", "member of the cabinet"):
            m = rng.choice(mins)
            attrs["ministry"] = G.nodes[m]["label"]
            G.add_node(p, **attrs)
            G.add_edge(p, m)
        elif role == "municipal representative":
            attrs["municipality"] = G.nodes[team]["municipality"]
            G.add_node(p, **attrs)
        else:
            G.add_node(p, **attrs)
            if rng.random() < 0.3:
                G.add_edge(p, rng.choice(orgs))
        G.add_edge(p, team)
        if rng.random() < 0.1:
            G.add_edge(p, rng.choice(teams))
    return G
