"""Rendering a picture: one graph as an HTML page (what `vitalegraph picture` writes).

A picture is ONE self-contained HTML file: vis-network (the copy bundled inside the installed
``pyvis`` package), the page's own script and style are all inline, the data sits in a
``<script type="application/json">`` block, and a Content-Security-Policy lets the page load
nothing from anywhere (no CDN, no font, no request). Every text from the sources is set with
``textContent`` in the page: a label such as ``<img src=x onerror=alert(1)>`` shows as that text.

The page is ``templates/picture.html`` with ``static/picture.js`` and ``static/picture.css``
inlined; the positions and sizes come from :mod:`vitalegraph.picture.layout`. Its head (character
set, Content-Security-Policy, title, inline style) is ``templates/head.html``, which the report's
page shares through :func:`fill_page`.

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
from .layout import EDGE_FONT_SIZE, FONT_SIZE, layout, node_sizes, ordered, text_width, wrap
from .text import DEFAULT_LANG, words as _words

__all__ = ["LEGEND", "THROUGH", "VIS_NETWORK_VERSION", "picture_data", "picture_html", "picture_iframe", "fill_page"]

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
_ROOT = Path(__file__).resolve().parent


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
    evidence = evidence or {}
    sources = sources or {}
    order = sorted(G.nodes, key=str)
    index = {v: i for i, v in enumerate(order)}
    large = len(order) > _LARGE
    sizes, measure, values = node_sizes(G, *((10.0, 38.0) if large else (7.0, 22.0)))
    minor_kinds = G.graph.get("minor", _MINOR)
    canvas_labels = {}
    for v in order:
        d = G.nodes[v]
        text = str(d.get("short") or d.get("label") or v)
        width, lines = (14, 3) if d.get("kind") in minor_kinds else ((26, 2) if d.get("kind") == "team" else (22, 3))
        canvas_labels[v] = text if large else wrap(text, width, lines)
    minor = {v for v in order if G.nodes[v].get("kind") in minor_kinds and G.nodes[v].get("reach", 0) < 2}
    edge_text = {}
    drawn_edge_labels = G.graph.get("edge_labels", True)
    if not large:
        for a, b, d in G.edges(data=True):
            if d.get("short"):
                edge_text[(a, b)] = wrap(str(d["short"]), 24, 2)
    if large:
        pos = layout(ordered(G, order), seed, sizes)
    else:
        boxes = _boxes(G, order, sizes, canvas_labels, minor)
        edge_boxes = {}
        for (a, b), text in (edge_text.items() if drawn_edge_labels else ()):
            lines = text.split("\n")
            edge_boxes[(a, b)] = (max(text_width(x, EDGE_FONT_SIZE) for x in lines) / 2 + 3,
                                  len(lines) * EDGE_FONT_SIZE * _LINE / 2 + 1)
        pos = layout(ordered(G, order), seed, sizes, boxes=boxes, edge_boxes=edge_boxes)
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
        if canvas_labels[v] != label:
            node["d"] = canvas_labels[v]
        facts = _facts(d, words, labels)
        facts.append([words.get(f"f_{measure}", measure), _fact(values.get(v, 0.0))])
        node["f"] = facts
        if str(v) != label:
            node["i"] = str(v)
        reach = d.get("reach")
        if isinstance(reach, int) and reach > 0:
            node["t"] = words["linked_districts"].format(n=reach) if reach > 1 else words["in_one_district"]
            if reach > 1:
                node["k"] = reach
        if d.get("keep"):
            node["o"] = 1
        if v in minor and not large:
            node["h"] = 1
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
        text = edge_text.get((order[a], order[b])) or edge_text.get((order[b], order[a]))
        if text:
            edge["l"] = text
            if not drawn_edge_labels:
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
        edges.append(edge)
    ev = {str(index[v]): [[str(x["team"]), str(x["quote"]), str(x["file"]), x["start"], x["end"],
                           sources.get(str(x["file"]), "")] for x in items]
          for v, items in sorted(evidence.items(), key=lambda kv: str(kv[0])) if v in index}
    used = sorted({n["g"] for n in nodes})
    legend = [[entry[0], _legend_label(entry[0], entry[1], words, labels), *entry[2:]] for entry in legend]
    steps = []
    for step in tour or ():
        lit = sorted(index[v] for v in step.get("nodes", ()) if v in index)
        pairs = {(index[a], index[b]) for a, b in step.get("edges", ()) if a in index and b in index}
        lit_edges = [k for k, e in enumerate(edges) if (e["a"], e["b"]) in pairs or (e["b"], e["a"]) in pairs]
        steps.append({"caption": step["caption"], "nodes": lit, "edges": lit_edges})
    return {"title": title, "size_by": words.get(f"f_{measure}", measure), "through": sorted(set(through)),
            "font": FONT_SIZE, "edge_font": EDGE_FONT_SIZE, "large": large,
            "text": {k: v for k, v in words.items() if not k.startswith(("f_", "help_", "solid_", "dashed_", "dotted_",
                                                                             "desc_", "title_", "enc_"))},
            "help": help or words["help_generic"],
            "notes": [list(n) for n in (notes if notes is not None else
                                        (("colour", words["enc_colour"]), ("size", words["enc_size"]),
                                         ("faded", words["enc_faded"])))],
            "legend": [legend[i] + [i] for i in used] if nodes else [],
            "tags": {field: [list(item) for item in items] for field, items in tag_list.items()},
            "nodes": nodes, "edges": edges, "evidence": ev, "tour": steps}


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
                 seed: int = 0, subtitle: str = "", lang: str = DEFAULT_LANG, labels: Mapping[str, str] | None = None,
                 sources: Mapping[str, str] | None = None, notes: Iterable[Iterable[str]] | None = None,
                 help: str = "", tour: list[dict] | None = None) -> str:
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
    lang, labels, sources, notes, help, tour
        As for :func:`picture_data`.

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
    >>> '<html lang="nl">' in picture_html(G, lang="nl")
    True
    """
    data = picture_data(G, title=title, evidence=evidence, seed=seed, lang=lang, labels=labels, sources=sources,
                        notes=notes, help=help, tour=tour)
    data["subtitle"] = subtitle
    words = _words(lang)
    vis, app, css = _vis_js(), _asset("static/picture.js"), _asset("static/picture.css")
    if "</script" in app.lower() or "</style" in css.lower():
        raise DataFileError("the picture's script or style contains a closing tag and cannot be inlined")
    csp = ("default-src 'none'; script-src " + _sha256(vis) + " " + _sha256(app)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    values = {"title": html.escape(title), "csp": html.escape(csp, quote=False).replace('"', "&quot;"), "css": css,
              "data": _script_json(data), "vis": vis, "app": app}
    values.update({k: html.escape(words[k]) for k in ("lang", "search", "search_hint", "noscript", "graph_label",
                                                       "controls_label", "panel_label")})
    return fill_page(_asset("templates/picture.html"), values)


def fill_page(template: str, values: Mapping[str, str]) -> str:
    """An HTML page from *template*: ``{{head}}`` is the shared head, each ``{{name}}`` ``values[name]``.

    The head (``templates/head.html``) is the doctype, ``<html lang>``, the character set, the
    Content-Security-Policy, the title and the inline style: *values* gives ``lang``, ``csp``,
    ``title`` and ``css``, already escaped for where they stand. The pictures and the report
    (:func:`vitalegraph.report.report_html`) are made with it.

    Raises
    ------
    KeyError
        If the template names a value *values* does not give.

    Examples
    --------
    >>> page = fill_page("{{head}}\\n<body>{{x}}</body>", {"lang": "en", "csp": "default-src 'none'",
    ...                                                  "title": "T", "css": "", "x": "&lt;b&gt;"})
    >>> page.startswith('<!DOCTYPE html>\\n<html lang="en">') and page.endswith("</head>\\n<body>&lt;b&gt;</body>")
    True
    """
    text = template.replace("{{head}}\n", _asset("templates/head.html"), 1)
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], text)


def picture_iframe(page: str, height: int = 640) -> str:
    """*page* in a sandboxed ``<iframe srcdoc>``, for a notebook (``IPython.display.HTML``).

    >>> picture_iframe('<p title="a">&</p>', 300)
    '<div><iframe srcdoc="&lt;p title=&quot;a&quot;&gt;&amp;&lt;/p&gt;" sandbox="allow-scripts" style="width:100%;height:300px;border:1px solid #ddd"></iframe></div>'
    """
    return (f'<div><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe></div>')
