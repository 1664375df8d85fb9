"""``vitalegraph network``: the network analyses and their files, over :mod:`vitalegraph.network`."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from ..errors import QueryError
from . import command_group

__all__ = ["register", "analyses", "EXPORT", "GROUPINGS"]

#: = vitalegraph.network.GROUPINGS (the partitions of brokerage --by), written out so that
#: `vitalegraph --help` imports no NetworkX
GROUPINGS = ("affiliation", "level")

#: what ``export`` does; the other names are the registered analyses (:mod:`vitalegraph.network.analyses`)
EXPORT = ("export", "write every network as GraphML, GEXF, node/edge CSV and node-link JSON (--out DIR)")


def analyses() -> dict[str, str]:
    """Every name ``vitalegraph network`` takes, with what it does: the analyses, then ``export``."""
    from ..network.analyses import ANALYSES

    return {**ANALYSES, EXPORT[0]: EXPORT[1]}


def cmd_network(args) -> int:
    from .. import network as vn
    from ..network.analyses import analysis_table
    from ..query.output import render
    from ..query.engine import load_dataset

    if args.analysis not in analyses():
        raise QueryError(f"unknown network analysis '{args.analysis}'; choose one of {', '.join(analyses())}")
    rows = vn.select_period(vn.membership_rows(load_dataset(args.data)), args.period)
    if args.analysis == "export":
        from ..network.files import write_networks

        written = write_networks(vn.networks(rows), args.out)
        sys.stdout.write(f"wrote {len(written)} files to {args.out}/ "
                         f"({', '.join(sorted({p.name.split('.', 1)[0] for p in written}))})\n")
        return 0
    sys.stdout.write(render(analysis_table(args.analysis, rows, (EXPORT[0],), by=getattr(args, "by", None)),
                            args.format))
    return 0


@command_group(rank=40)
def register(sub, formatter_class) -> None:
    """Add the ``network`` command to the subparsers *sub*."""
    from ..query.output import FORMATS
    from ..network.networks import PERIODS

    p = sub.add_parser(
        "network", formatter_class=formatter_class,
        help="network analyses: who links which districts across departments",
        description="Build the networks from the graph (through SPARQL) and print an analysis, or write "
                    "the networks as files for Gephi, R and spreadsheets.\n\nAnalyses:\n"
                    + "".join(f"  {k:<15}{v}\n" for k, v in analyses().items()),
        epilog="Example:\n  vitalegraph network linkers\n  vitalegraph network district-links --format csv\n"
               "  vitalegraph network brokerage --period start\n  vitalegraph network brokerage --by level\n"
               "  vitalegraph network export --out data/network")
    p.add_argument("analysis", metavar="NAME", help="one of: " + ", ".join(analyses()))
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA, help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--period", choices=PERIODS, default="all",
                   help="all memberships (default); start: the team listing only; latest: later changes applied")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="table, csv or json; default: table")
    p.add_argument("--by", choices=GROUPINGS, default=None,
                   help="with brokerage: group persons by affiliation (department, municipality or organisation; "
                        "the default) or by level of government (national: cabinet and ministries; local: "
                        "municipality; independent)")
    p.add_argument("--out", type=Path, default=Path("data") / "network", help="with export: the folder; default: data/network")
    p.set_defaults(func=cmd_network)
