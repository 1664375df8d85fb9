"""``vitalegraph picture``: an interactive network picture as one offline HTML file, over
:mod:`vitalegraph.picture`."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from ..errors import DataFileError, QueryError
from . import command_group

__all__ = ["register", "cmd_picture", "PERIODS"]

#: = vitalegraph.network.PERIODS, written out so that `vitalegraph --help` imports no NetworkX
PERIODS = ("all", "start", "latest")
#: = vitalegraph.picture.text.LANGS
LANGS = ("en", "nl")


def cmd_picture(args) -> int:
    """Write the picture of one view; one line on standard output says what was written."""
    from .. import picture as vp
    from ..query.engine import load_dataset
    from ..pipeline.serialize import atomic_write_many

    view = args.view or vp.DEFAULT_VIEW
    if view not in vp.VIEWS:
        raise QueryError(f"unknown view '{view}'; choose one of {', '.join(vp.VIEWS)}")
    out = args.out or Path("data") / "pictures" / f"{view}.html"
    if out.is_dir():
        raise DataFileError(f"{out}: is a folder; give a file name such as {out / (view + '.html')}")
    page, G = vp.render_view(load_dataset(args.data), view, args.period, lang=args.lang, tour=args.tour)
    data = page.encode("utf-8")
    try:
        atomic_write_many({out: data})
    except OSError as exc:
        raise DataFileError(f"{out}: cannot write ({exc.strerror or exc})") from None
    sys.stdout.write(f"wrote {out} ({view}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
                     f"{len(data) / 1024:.0f} KiB; open it in a browser, it works offline)\n")
    return 0


@command_group(rank=50)
def register(sub, formatter_class) -> None:
    """Add the ``picture`` command to the subparsers *sub*; its help lists the registered views."""
    from ..picture.views import DEFAULT_VIEW, REGISTRY

    width = max(len(name) for name in REGISTRY) + 2
    others = [name for name in REGISTRY if name != DEFAULT_VIEW]
    p = sub.add_parser(
        "picture", formatter_class=formatter_class,
        help="an interactive network picture: one HTML file that works offline",
        description="Draw a network of the graph as ONE self-contained HTML file (vis-network inline, no "
                    "request to any host): colour and shape by kind, size by betweenness, hover for facts, "
                    "click to zoom to a neighbourhood, search names, municipalities and who links two "
                    "districts, filters by ministry, municipality and kind (or only the linkers), and for a person "
                    "the source behind each membership (title, kind, date). --tour adds a guided tour of a few "
                    "steps computed from the graph; --lang nl writes the page in Dutch.\n\nViews:\n"
                    + "\n".join(f"  {name:<{width}}{REGISTRY[name].help}"
                                 for name in REGISTRY),
        epilog="Example:\n  vitalegraph picture\n  vitalegraph picture districts --period start\n"
               "  vitalegraph picture departments --out /tmp/departments.html\n"
               "  vitalegraph picture coalitions --tour --lang nl")
    p.add_argument("view", nargs="?", metavar="VIEW", help=", ".join([f"{DEFAULT_VIEW} (default)", *others[:-1]])
                   + (f" or {others[-1]}" if others else ""))
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA, help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--out", type=Path, default=None, help="the HTML file; default: data/pictures/VIEW.html")
    p.add_argument("--period", choices=PERIODS, default="all",
                   help="all memberships (default); start: the team listing only; latest: later changes applied")
    p.add_argument("--lang", choices=LANGS, default="en",
                   help="the page's language: en (default) or nl; the sources' words stay as written")
    p.add_argument("--tour", action="store_true",
                   help="add a guided tour (teams and districts, the ministries that reach most, the "
                        "linkers, later changes, the outcomes): Next/Back (or the arrow keys), a link to each step")
    p.set_defaults(func=cmd_picture)
