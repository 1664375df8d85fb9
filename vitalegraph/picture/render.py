"""Rendering a picture: one graph as an HTML page (what `vitalegraph picture` writes).

A picture is ONE self-contained HTML file: vis-network (the copy bundled inside the installed
``pyvis`` package), the page's own script and style are all inline, the data sits in a
``<script type="application/json">`` block, and a Content-Security-Policy lets the page load
nothing from anywhere (no CDN, no font, no request). Every text from the sources is set with
``textContent`` in the page: a label such as ``<img src=x onerror=alert(1)>`` shows as that text.

The page is ``templates/picture.html`` with ``static/picture.js`` and ``static/picture.css``
inlined; the data it draws (nodes, edges, legend, positions) comes from
:mod:`vitalegraph.picture.payload`. Its head (character
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
from .payload import picture_data
from .text import DEFAULT_LANG, words as _words

__all__ = ["VIS_NETWORK_VERSION", "picture_html", "picture_iframe", "fill_page"]

#: the vis-network bundled with pyvis 0.3.2 that the pictures inline
VIS_NETWORK_VERSION = "9.1.2"

_ROOT = Path(__file__).resolve().parent


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
        As for :func:`vitalegraph.picture.payload.picture_data`.

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
