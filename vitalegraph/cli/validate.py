"""``vitalegraph validate``: any dataset file against the SHACL shapes, over :mod:`vitalegraph.pipeline.validation`.

A group of its own (not with ``build``) so that it keeps its place after ``query`` in ``vitalegraph --help``.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from . import _out, command_group

__all__ = ["register", "cmd_validate"]


def cmd_validate(args) -> int:
    from ..errors import QueryError
    from ..pipeline.validation import FAST_ROUTE_FROM, to_rdflib, validate, validate_store
    from ..query.engine import load_dataset

    if args.file is not None and args.data is not None and args.file != args.data:
        raise QueryError(f"two dataset files given ({args.file} and --data {args.data}); give one")
    args.file = args.data or args.file or paths.DEFAULT_DATA
    ds = load_dataset(args.file, "oxigraph")
    route = args.route if args.route != "auto" else ("sparql" if len(ds) >= FAST_ROUTE_FROM else "pyshacl")
    if route == "sparql":
        report = validate_store(ds.store, paths.SHAPES)
    else:
        report = validate(to_rdflib(ds.store.quads_for_pattern(None, None, None, None)), paths.SHAPES)
    _out(f"{args.file}: {report.summary(args.limit)}\n")
    return 0 if report.conforms else 1


@command_group(rank=30)
def register(sub, formatter_class) -> None:
    """Add the ``validate`` command to the subparsers *sub*."""
    p = sub.add_parser("validate", formatter_class=formatter_class,
                       help="check a dataset file against the SHACL shapes",
                       description="Run the SHACL shapes of ontology/shapes.ttl on any dataset file and print a "
                                   "readable report; exit status 1 on a violation.",
                       epilog="Example:\n  vitalegraph validate data/vitalegraph.ttl\n"
                              "  vitalegraph validate --data data/vitalegraph.trig")
    p.add_argument("file", nargs="?", type=Path, default=None,
                   help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--data", type=Path, default=None, dest="data",
                   help="dataset file, as for every other command (the same as FILE)")
    p.add_argument("--limit", type=int, default=20, help="show at most this many violations; default: 20")
    p.add_argument("--route", choices=("auto", "pyshacl", "sparql"), default="auto",
                   help="pyshacl (the reference), sparql (the same shapes as SPARQL checks on Oxigraph, for large "
                        "files) or auto: sparql from 50,000 triples on; default: auto")
    p.set_defaults(func=cmd_validate)
