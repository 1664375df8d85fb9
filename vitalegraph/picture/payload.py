"""The data a picture page draws: a graph as the JSON that :mod:`vitalegraph.picture.render` puts in the page.

Each node becomes a short record (label, legend group, position, size, facts, tags), each edge one
(its ends as node numbers, label, weight, line style, tags); the legend, the filter tags, the evidence
and the guided tour's steps refer to them by number. The positions and sizes come from
:mod:`vitalegraph.picture.layout`; the words from :mod:`vitalegraph.picture.text`. No HTML here.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph(); G.add_edge("p", "t", weight=2, style="solid")
>>> G.nodes["p"].update(label="A. Minister", kind="person", role="member of the cabinet")
>>> data = picture_data(G)
>>> [(n["l"], data["legend"][[e[-1] for e in data["legend"]].index(n["g"])][1]) for n in data["nodes"]]
[('A. Minister', 'person: member of the cabinet'), ('t', 'other')]
>>> data["edges"]
[{'a': 0, 'b': 1, 'w': 2, 'f': [['ties', '2']], 'n': '2 ties'}]
"""

from __future__ import annotations

from typing import Iterable, Mapping

from ..network.networks import SEP as _SEP
from .labels import EDGE_FONT_SIZE, FONT_SIZE, text_width, wrap
from .layout import layout, node_sizes, ordered
from .text import DEFAULT_LANG, words as _words

__all__ = ["LEGEND", "THROUGH", "picture_data"]

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
#: kinds the neighbourhood highlight passes through (a person reaches the districts of her teams)
THROUGH = ("team",)
#: node attributes shown in the hover and the side panel, in this order (others follow, sorted)
_FACTS = ("role", "function", "party", "ministry", "organisation", "municipality", "district", "theme", "teams",
          "districts", "officials", "members", "persons", "ministries", "same_person", "weight")
_HIDDEN_ATTRS = {"label", "kind", "short", "bipartite", "iri", "x", "y", "person_count", "ministry_count", "reach",
                 "keep", "style", "short_persons", "short_ministries"}
#: kinds whose labels are drawn only when zooming in or selecting (unless they link districts)
_MINOR = ("person", "organisation")
#: above this many nodes every label follows vis-network's own threshold (no per-node label work)
_LARGE = 2000
_STYLE = {"dashed": 1, "dotted": 2}
_LINE = 1.2


def _legend_key(d: dict) -> str:
    kind = d.get("kind", "")
    if kind == "person":
        role = (d.get("role") or "").split(_SEP)[0]
        key = f"person/{role}"
        return key if any(k == key for k, *_ in LEGEND) else "person"
    return kind or "other"


def _legend_label(key: str, default: str, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
    if key == "person":
        return words["person_other"]
    if key.startswith("person/"):
        role = key.split("/", 1)[1]
        return f"{words['person']}: {labels.get(role, role)}"
    return labels.get(key) or words.get(key) or default


def _fact(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _facts(d: dict, words: Mapping[str, str], labels: Mapping[str, str]) -> list[list[str]]:
    keys = [k for k in _FACTS if k in d] + sorted(k for k in d if k not in _FACTS and k not in _HIDDEN_ATTRS)
    out = []
    for k in keys:
        v = d[k]
        if v in ("", None) or not isinstance(v, (str, int, float)) or isinstance(v, bool):
            continue
        if k == "role":
            v = _SEP.join(labels.get(r, r) for r in str(v).split(_SEP))
        out.append([words.get(f"f_{k}", k), _fact(v)])
    return out


def _tags(d: dict, field: str) -> list[str]:
    if d.get("kind") == field:
        return [d.get("label", "")]
    return [t for t in str(d.get(field) or "").split(_SEP) if t]


def _boxes(G, order, sizes, canvas_labels, minor) -> dict:
    """The box (half width, above, below) that each node's shape and drawn label take."""
    out = {}
    for v in order:
        r = float(sizes[v])
        kind = G.nodes[v].get("kind", "")
        if v in minor:
            out[v] = (r + 2.0, r + 2.0, r + 2.0)
            continue
        font = FONT_SIZE.get(kind, 13)
        lines = canvas_labels[v].split("\n")
        width = max(text_width(line, font) for line in lines)
        out[v] = (max(r, width / 2) + 3.0, r + 2.0, r + 4.0 + len(lines) * font * _LINE)
    return out


def picture_data(G, *, title: str = "", evidence: Mapping[str, list[dict]] | None = None, seed: int = 0,
                 through: Iterable[str] = THROUGH, lang: str = DEFAULT_LANG, labels: Mapping[str, str] | None = None,
                 sources: Mapping[str, str] | None = None, notes: Iterable[Iterable[str]] | None = None,
                 help: str = "", tour: list[dict] | None = None) -> dict:
    """The data a picture page draws (what :func:`picture_html` puts into the page as JSON).

    Parameters
    ----------
    G : networkx.Graph
        Nodes with ``label``, ``kind`` and plain facts; an optional ``short`` is the canvas label,
        ``reach`` the number of districts a node reaches (two or more: a linker), ``keep`` marks
        what "only the linkers" shows; an edge's ``style`` is ``solid``, ``dashed`` or ``dotted``.
    title : str
    evidence : mapping, optional
        node -> list of ``{"team", "quote", "file", "start", "end"}`` (:func:`evidence_by_person`).
    seed : int
        Seed of the layout.
    through : iterable of str
        Kinds the neighbourhood highlight passes through.
    lang : str
        The page's language (:data:`vitalegraph.picture.text.LANGS`).
    labels : mapping, optional
        The ontology's names of roles and kinds in *lang* (:func:`ontology_labels`).
    sources : mapping, optional
        Source file -> its name (title, kind, date; :func:`source_names`).
    notes : iterable of (encoding, text), optional
        What the legend says about each encoding (default: colour, size, faded).
    help : str
        The help line under the filters.
    tour : list of dict, optional
        The guided tour's steps: ``caption``, ``nodes`` and ``edges`` (pairs of nodes) to light up.

    Returns
    -------
    dict
        ``title``, ``text``, ``legend``, ``notes``, ``tags``, ``nodes``, ``edges``, ``evidence``,
        ``size_by``, ``through``, ``tour``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_edge("a", "b"); G.nodes["a"].update(label="A", kind="district")
    >>> data = picture_data(G)
    >>> [n["l"] for n in data["nodes"]], data["edges"]
    (['A', 'b'], [{'a': 0, 'b': 1}])
    """
    words = _words(lang)
    labels = dict(labels or {})
    order = sorted(G.nodes, key=str)
    index = {v: i for i, v in enumerate(order)}
    large = len(order) > _LARGE
    sizes, measure, values = node_sizes(G, *((10.0, 38.0) if large else (7.0, 22.0)))
    canvas_labels, minor, edge_text = _drawn_text(G, order, large)
    pos = _positions(G, order, seed, sizes, canvas_labels, minor, edge_text, large)
    legend = [list(entry) for entry in LEGEND]
    tag_list = _tag_lists(G, order)
    tag_index = {field: {name: i for i, (name, _s) in enumerate(items)} for field, items in tag_list.items()}
    measured = words.get(f"f_{measure}", measure)
    nodes = []
    for v in order:
        node = _node(G, v, legend, words, labels, tag_index)
        node.update(x=pos[v][0], y=pos[v][1], s=sizes[v])
        node["f"].append([measured, _fact(values.get(v, 0.0))])
        if canvas_labels[v] != node["l"]:
            node["d"] = canvas_labels[v]
        if v in minor and not large:
            node["h"] = 1
        nodes.append(_node_order(node))
    edges = _edges(G, order, index, edge_text, large, words, labels, tag_index)
    used = sorted({n["g"] for n in nodes})
    legend = [[entry[0], _legend_label(entry[0], entry[1], words, labels), *entry[2:]] for entry in legend]
    return {"title": title, "size_by": measured, "through": sorted(set(through)),
            "font": FONT_SIZE, "edge_font": EDGE_FONT_SIZE, "large": large,
            "text": {k: v for k, v in words.items() if not k.startswith(_NOT_IN_PAGE)},
            "help": help or words["help_generic"],
            "notes": [list(n) for n in (notes if notes is not None else
                                        (("colour", words["enc_colour"]), ("size", words["enc_size"]),
                                         ("faded", words["enc_faded"])))],
            "legend": [legend[i] + [i] for i in used] if nodes else [],
            "tags": {field: [list(item) for item in items] for field, items in tag_list.items()},
            "nodes": nodes, "edges": edges, "evidence": _evidence(evidence or {}, index, sources or {}),
            "tour": _tour(tour or (), index, edges)}


#: word keys that the page does not show (facts' names, help lines, descriptions: used here only)
_NOT_IN_PAGE = ("f_", "help_", "solid_", "dashed_", "dotted_", "desc_", "title_", "enc_")
#: the order of a node record's keys (the bytes of the page depend on it)
_NODE_KEYS = ("l", "g", "x", "y", "s", "d", "f", "i", "t", "k", "o", "h", "m", "u")


def _node_order(node: dict) -> dict:
    return {k: node[k] for k in _NODE_KEYS if k in node}


def _drawn_text(G, order, large: bool):
    """The label drawn on the canvas per node (wrapped), the minor nodes, and the edges' drawn labels."""
    minor_kinds = G.graph.get("minor", _MINOR)
    canvas_labels = {}
    for v in order:
        d = G.nodes[v]
        text = str(d.get("short") or d.get("label") or v)
        width, lines = (14, 3) if d.get("kind") in minor_kinds else ((26, 2) if d.get("kind") == "team" else (22, 3))
        canvas_labels[v] = text if large else wrap(text, width, lines)
    minor = {v for v in order if G.nodes[v].get("kind") in minor_kinds and G.nodes[v].get("reach", 0) < 2}
    edge_text = {}
    if not large:
        for a, b, d in G.edges(data=True):
            if d.get("short"):
                edge_text[(a, b)] = wrap(str(d["short"]), 24, 2)
    return canvas_labels, minor, edge_text


def _positions(G, order, seed, sizes, canvas_labels, minor, edge_text, large: bool) -> dict:
    """Each node's position: room for every drawn label, or (large) vis-network's own spacing."""
    if large:
        return layout(ordered(G, order), seed, sizes)
    boxes = _boxes(G, order, sizes, canvas_labels, minor)
    edge_boxes = {}
    for (a, b), text in (edge_text.items() if G.graph.get("edge_labels", True) else ()):
        lines = text.split("\n")
        edge_boxes[(a, b)] = (max(text_width(x, EDGE_FONT_SIZE) for x in lines) / 2 + 3,
                              len(lines) * EDGE_FONT_SIZE * _LINE / 2 + 1)
    return layout(ordered(G, order), seed, sizes, boxes=boxes, edge_boxes=edge_boxes)


def _tag_lists(G, order) -> dict[str, list[tuple[str, str]]]:
    """The filter tags: every ministry and municipality named, with its short name, sorted."""
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
    return {field: sorted(names.items(), key=lambda kv: (kv[1] or kv[0]).casefold()) for field, names in tag_names.items()}


def _node(G, v, legend: list, words, labels, tag_index) -> dict:
    """Node *v*'s record without position, size and drawn label; adds its legend entry if new."""
    d = G.nodes[v]
    key = _legend_key(d)
    keys = [entry[0] for entry in legend]
    if key not in keys:
        legend.append([key, key, *_OTHER])
        keys.append(key)
    label = str(d.get("label", v))
    node = {"l": label, "g": keys.index(key), "f": _facts(d, words, labels)}
    if str(v) != label:
        node["i"] = str(v)
    reach = d.get("reach")
    if isinstance(reach, int) and reach > 0:
        node["t"] = words["linked_districts"].format(n=reach) if reach > 1 else words["in_one_district"]
        if reach > 1:
            node["k"] = reach
    if d.get("keep"):
        node["o"] = 1
    m = [tag_index["ministry"][t] for t in _tags(d, "ministry")]
    u = [tag_index["municipality"][t] for t in _tags(d, "municipality")]
    if m:
        node["m"] = m
    if u:
        node["u"] = u
    return node


def _edges(G, order, index, edge_text, large: bool, words, labels, tag_index) -> list[dict]:
    """Every edge's record, sorted by its two node numbers."""
    drawn = G.graph.get("edge_labels", True)
    return [_edge(G, order, a, b, d, edge_text, drawn, large, words, labels, tag_index)
            for a, b, d in sorted(((index[a], index[b], d) if index[a] <= index[b] else (index[b], index[a], d)
                                   for a, b, d in G.edges(data=True)), key=lambda e: (e[0], e[1]))]


def _edge(G, order, a: int, b: int, d: dict, edge_text, drawn: bool, large: bool, words, labels, tag_index) -> dict:
    edge: dict = {"a": a, "b": b}
    text = edge_text.get((order[a], order[b])) or edge_text.get((order[b], order[a]))
    if text:
        edge["l"] = text
        if not drawn:
            edge["h"] = 1
    elif large and d.get("short"):
        edge["l"] = str(d["short"])
    if isinstance(d.get("weight"), (int, float)) and d["weight"] != 1:
        edge["w"] = d["weight"]
    facts = _facts(d, words, labels)
    if facts:
        edge["f"] = facts
    if isinstance(d.get("weight"), int) and d.get("style") is not None:
        edge["n"] = words["ties"].format(n=d["weight"]) if d["weight"] != 1 else words["tie"]
    style = _STYLE.get(d.get("style", ""))
    if style is None and "style" not in d:
        kinds = {G.nodes[order[a]].get("kind"), G.nodes[order[b]].get("kind")}
        style = 1 if "person" in kinds and kinds & {"ministry", "organisation"} else None
    if style:
        edge["t"] = style
    if d.get("keep"):
        edge["o"] = 1
    if d.get("short_persons"):
        edge["wp"] = str(d["short_persons"])
    if d.get("short_ministries"):
        edge["wd"] = str(d["short_ministries"])
    m = [tag_index["ministry"][t] for t in _tags(d, "ministries")]
    if m:
        edge["m"] = m
        if d.get("persons"):
            edge["p"] = 1
    return edge


def _evidence(evidence, index, sources) -> dict[str, list[list]]:
    """node number -> its quotes as [team, quote, file, start, end, source name]."""
    return {str(index[v]): [[str(x["team"]), str(x["quote"]), str(x["file"]), x["start"], x["end"],
                             sources.get(str(x["file"]), "")] for x in items]
            for v, items in sorted(evidence.items(), key=lambda kv: str(kv[0])) if v in index}


def _tour(tour, index, edges) -> list[dict]:
    """The tour's steps with the node and edge numbers each lights up."""
    steps = []
    for step in tour:
        lit = sorted(index[v] for v in step.get("nodes", ()) if v in index)
        pairs = {(index[a], index[b]) for a, b in step.get("edges", ()) if a in index and b in index}
        lit_edges = [k for k, e in enumerate(edges) if (e["a"], e["b"]) in pairs or (e["b"], e["a"]) in pairs]
        steps.append({"caption": step["caption"], "nodes": lit, "edges": lit_edges})
    return steps
