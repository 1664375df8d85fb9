"""How a label is drawn: its font size by kind, its width in pixels, and its lines.

The layout (:mod:`vitalegraph.picture.layout`) makes room for every drawn label with these
estimates, and the page data (:mod:`vitalegraph.picture.payload`) wraps the labels it draws.
"""

from __future__ import annotations

__all__ = ["FONT_SIZE", "EDGE_FONT_SIZE", "text_width", "wrap"]

#: label font size (canvas pixels) by kind: the hubs' labels are drawn at the default view, the
#: others' (persons, organisations) when zooming in or selecting
FONT_SIZE = {"district": 16, "municipality": 13, "ministry": 16, "team": 16, "organisation": 11, "person": 12}
#: font size (canvas pixels) of an edge label
EDGE_FONT_SIZE = 12

_NARROW, _SPACE, _SEMI, _WIDE = set("ijlI.,:;'!|"), set(" "), set("frt()-/[]"), set("mwMW")


def text_width(text: str, font: float) -> float:
    """An estimate of the width in pixels of *text* drawn at *font* pixels in a sans-serif face.

    >>> round(text_width("Overtoomse Veld", 13))
    115
    """
    w = 0.0
    for ch in text:
        if ch in _NARROW:
            w += 0.3
        elif ch in _SPACE:
            w += 0.33
        elif ch in _SEMI:
            w += 0.42
        elif ch in _WIDE:
            w += 0.95
        elif ch.isupper():
            w += 0.72
        else:
            w += 0.6
    return w * font * 1.02


def wrap(text: str, width: int = 22, lines: int = 3) -> str:
    """*text* broken at spaces into at most *lines* lines of about *width* characters (``\\n``
    between them), the last one ending in ``…`` when the text is longer.

    >>> wrap("Zuid (Pendrecht, Bloemhof, Hillesluis) (Rotterdam)", 22)
    'Zuid (Pendrecht,\\nBloemhof, Hillesluis)\\n(Rotterdam)'
    >>> wrap("a " * 40, 10, 2)
    'a a a a a\\na a a a a…'
    """
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(",;:") + "…"
    return "\n".join(out)
