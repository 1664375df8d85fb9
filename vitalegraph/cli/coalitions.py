"""``vitalegraph coalitions`` (the case table and ``coalitions compare``, the truth table) and
``vitalegraph report`` (the offline HTML page), over :mod:`vitalegraph.analysis` and
:mod:`vitalegraph.report`."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from . import command_group
from ..errors import DataFileError, QueryError

__all__ = ["register", "PERIODS"]

#: = vitalegraph.network.PERIODS, written out so that `vitalegraph --help` imports no NetworkX
PERIODS = ("all", "start", "latest")


def _table(args):
    from ..analysis import case_table
    from ..query.engine import load_dataset

    return case_table(load_dataset(args.data), args.period)


def cmd_coalitions(args) -> int:
    if args.action == "compare":
        return cmd_compare(args)
    if args.action is not None:
        raise QueryError(f"unknown action '{args.action}'; the only one is compare (or none for the case table)")
    if args.condition:
        raise QueryError("--condition goes with `vitalegraph coalitions compare`")
    table = _table(args)
    if args.columns:
        try:
            table = table.select(c.strip() for c in args.columns.split(","))
        except ValueError as exc:
            raise QueryError(str(exc)) from None
    sys.stdout.write(table.render(args.format))
    return 0


def cmd_compare(args) -> int:
    from ..analysis import truth_table

    if args.columns:
        raise QueryError("--columns goes with the case table (`vitalegraph coalitions`), not with compare")
    try:
        result = truth_table(_table(args), args.condition or None)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    sys.stdout.write(result.render(args.format))
    return 0


def cmd_report(args) -> int:
    from ..pipeline.serialize import atomic_write_many
    from ..query.engine import load_dataset
    from ..report import report_html

    out = args.out or Path("data") / "pictures" / "report.html"
    if out.is_dir():
        raise DataFileError(f"{out}: is a folder; give a file name such as {out / 'report.html'}")
    data = report_html(load_dataset(args.data), args.period).encode("utf-8")
    try:
        atomic_write_many({out: data})
    except OSError as exc:
        raise DataFileError(f"{out}: cannot write ({exc.strerror or exc})") from None
    sys.stdout.write(f"wrote {out} ({len(data) / 1024:.0f} KiB; open it in a browser, it works offline)\n")
    return 0


@command_group(rank=75)
def register(sub, formatter_class) -> None:
    """Add the ``coalitions`` and ``report`` commands to the subparsers *sub*."""
    from ..query.output import FORMATS

    p = sub.add_parser(
        "coalitions", formatter_class=formatter_class,
        help="the case table: each team's coalition beside its outcome; `compare`: a truth table",
        description="Print one row per adoption team (a case): municipality, district, team, theme; who fills "
                    "each role, the municipal side's party, the departments reached and whether the member of the "
                    "cabinet comes from another department than the DG, the expert's organisation; members who "
                    "sit in other teams and the brokerage roles (by level of government); later changes; "
                    "follow-up projects and what members of the cabinet are reported doing; and the outcome: "
                    "every evaluation of the team, its district or municipality (stance, who, when), `unknown` "
                    "where no source evaluates it. Every cell that rests on a source carries its quote: a "
                    "footnote number in the table (the footnotes follow it), a parallel COLUMN_evidence column "
                    "in csv, an `evidence` object in json. Evaluations of the pilot as a whole are listed apart: "
                    "no case's outcome.\n\n"
                    "`vitalegraph coalitions compare` sets up to four conditions (--condition, repeatable) "
                    "against the outcome in a crisp-set truth table in the manner of QCA: per configuration the "
                    "cases, positive / less satisfied / unknown, consistency and coverage, contradictory rows "
                    "and logical remainders named, a robustness line for each case left out. It describes "
                    "associations among few cases and supports no causal claim; it says so.\n\n"
                    "Conditions: different_departments, shared_member, follow_up_project (the defaults), "
                    "ministerial_act, later_change; or COLUMN (filled), COLUMN=VALUE, COLUMN>=N on any column.",
        epilog="Example:\n  vitalegraph coalitions\n  vitalegraph coalitions --format csv\n"
               "  vitalegraph coalitions --columns municipality,district,departments,outcome\n"
               "  vitalegraph coalitions compare\n"
               "  vitalegraph coalitions compare --condition different_departments --condition 'departments>=3'")
    p.add_argument("action", nargs="?", metavar="compare", choices=(None, "compare"),
                   help="compare: the truth table instead of the case table")
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA, help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--period", choices=PERIODS, default="all",
                   help="the memberships of the composition: all (default); start: the team listing only; "
                        "latest: later changes applied")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="table, csv or json; default: table")
    p.add_argument("--columns", default="", help="the case table: only these columns (comma-separated)")
    p.add_argument("--condition", "-c", action="append", default=[], metavar="CONDITION",
                   help="compare: a condition (at most four; default: different_departments, shared_member, "
                        "follow_up_project)")
    p.set_defaults(func=cmd_coalitions)

    p = sub.add_parser(
        "report", formatter_class=formatter_class,
        help="one offline HTML page: the case table with its quotes, the truth table, the story",
        description="Write ONE self-contained HTML page for policy analysts: a short text whose numbers and "
                    "names come from the graph, the case table with each cell linking to the quote it rests "
                    "on, a ministry x district matrix, a chart of the departments each team reaches, the "
                    "districts coloured by outcome (unknown in grey) and the truth table. It loads nothing from "
                    "anywhere (no CDN, no font, no request). `vitalegraph build` writes it as "
                    "data/pictures/report.html.",
        epilog="Example:\n  vitalegraph report\n  vitalegraph report --out /tmp/report.html")
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA, help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--out", type=Path, default=None, help="the HTML file; default: data/pictures/report.html")
    p.add_argument("--period", choices=PERIODS, default="all",
                   help="the memberships of the composition: all (default), start or latest")
    p.set_defaults(func=cmd_report)
