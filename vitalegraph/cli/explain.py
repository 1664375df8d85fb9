"""``vitalegraph explain THING``: every fact about a person, team, district, ministry or membership,
with its basis, quote, document and offsets, then its mentions in the texts (:mod:`vitalegraph.query.explain`)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from . import command_group

__all__ = ["register"]


def cmd_explain(args) -> int:
    from ..query.explain import explain, load
    from ..query.output import render

    sys.stdout.write(render(explain(load(args.data), " ".join(args.thing)), args.format))
    return 0


@command_group(rank=25)
def register(sub, formatter_class) -> None:
    from ..query.output import FORMATS

    p = sub.add_parser(
        "explain", formatter_class=formatter_class,
        help="every fact about a person, team, district, ministry or membership, with its basis and words",
        description="Print every fact the graph holds about one thing (a person, team, district, municipality, "
                    "place, ministry, membership ...), named by its key, IRI or a name as the sources write it. "
                    "Each fact comes with its basis (stated; announced; inferred, with the rule; or reference "
                    "data, with its source), the quote it rests on, the document's file, title and date, and the "
                    "character offsets of the quote (text[start:end] == quote). Then every mention of the thing in the "
                    "source texts, one row each: linked (itsrdf:taIdentRef, basis inferred, with the rule) or "
                    "ambiguous (vg:candidate: a surname no rule decides), with its words and offsets. A thing "
                    "that is not in the dataset exits with status 2 and the closest names.",
        epilog="Example:\n  vitalegraph explain 'Carla Noom'\n  vitalegraph explain person/annet-bertram --format csv\n"
               "  vitalegraph explain Zaandam\n  vitalegraph explain department/vrom --format json")
    p.add_argument("thing", nargs="+", metavar="THING", help="a key (person/annet-bertram), IRI or name")
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA.with_suffix(".trig"),
                   help="dataset file; default: data/vitalegraph.trig (its named graphs say which document "
                        "states which fact)")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="table, csv or json; default: table")
    p.set_defaults(func=cmd_explain)
