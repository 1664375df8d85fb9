"""Rendering a picture: one graph as an HTML page (what `vitalegraph picture` writes).

A picture is ONE self-contained HTML file: vis-network (the copy bundled inside the installed
``pyvis`` package), the page's own script and style are all inline, the data sits in a
``<script type="application/json">`` block, and a Content-Security-Policy lets the page load
nothing from anywhere (no CDN, no font, no request). Every text from the sources is set with
``textContent`` in the page: a label such as ``<img src=x onerror=alert(1)>`` shows as that text.

The page is ``templates/picture.html`` with ``static/picture.js`` and ``static/picture.css``
inlined; the positions and sizes come from :mod:`vitalegraph.picture.layout`.

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
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import DataFileError
from ..network.networks import SEP as _SEP
from .layout import FONT_SIZE, layout, node_sizes, ordered

__all__ = ["LEGEND", "THROUGH", "VIS_NETWORK_VERSION", "picture_data", "picture_html", "picture_iframe"]

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
#: kinds the neighbourhood highlight passes through (a person reaches the districts of her teams)
THROUGH = ("team",)
#: node attributes shown in the hover and the side panel, in this order (others follow, sorted)
_FACTS = ("role", "function", "party", "ministry", "organisation", "municipality", "district", "teams", "districts",
          "officials", "members", "persons", "ministries", "weight")
_HIDDEN_ATTRS = {"label", "kind", "short", "bipartite", "iri", "x", "y", "person_count", "ministry_count"}
_ROOT = Path(__file__).resolve().parent


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
    pos = layout(ordered(G, order), seed, sizes)
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
