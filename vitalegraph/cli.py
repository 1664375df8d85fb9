"""The ``vitalegraph`` command: a thin wrapper over the Python API of each stage.

Every command prints a clear one-line error and exits non-zero on bad input (1: a bad source, a
failed validation or an unwritable output; 2: a bad query, option or data file; 3: a remote endpoint
failed). An error nobody foresaw prints ``vitalegraph: internal error: ...`` on one line and exits
with 4; ``--debug`` (or ``VITALEGRAPH_DEBUG=1``) shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__, paths
from .errors import INTERNAL_ERROR_STATUS, VitaleGraphError

__all__ = ["main", "build_parser"]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _add_format(p: argparse.ArgumentParser) -> None:
    from .query.output import FORMATS

    p.add_argument("--format", "-f", choices=FORMATS, default="table",
                   help="table (aligned, for the terminal), csv (header of column names) or json "
                        "(SPARQL 1.1 Query Results JSON); default: table")


# ---------------------------------------------------------------- build
def cmd_build(args) -> int:
    from .build import NETWORK_FILES_LIMIT, build

    started = time.perf_counter()
    result = build(args.sources, args.out, args.statements, args.reference)
    c = result.counts
    written = [f"  written          {', '.join(str(f) for f in result.files)}"]
    if result.derived:
        written.append(f"                   {sum(1 for p in result.derived if p.parent.name == 'network')} network files in "
                       f"{args.out / 'network'}/, {sum(1 for p in result.derived if p.parent.name == 'pictures')} "
                       f"pictures in {args.out / 'pictures'}/")
    else:
        written.append(f"                   no network files or pictures above {NETWORK_FILES_LIMIT:,} memberships: "
                       "run `vitalegraph network export` and `vitalegraph picture`")
    lines = [
        "VitaleGraph build",
        f"  sources          {c['sources']:>6}  ({args.sources})",
        f"  adoption teams   {c['adoption teams']:>6}",
        f"  memberships      {c['memberships']:>6}",
        f"  persons          {c['persons']:>6}",
        f"  organisations    {c['organisations']:>6}  (departments, parties and other organisations the sources name)",
        f"  districts        {c['districts']:>6}  in {c['municipalities']} municipalities",
        f"  triples          {c['triples']:>6}  ({c['quads']} quads in {c['sources'] + 2} named graphs)",
        f"  warnings         {len(result.warnings):>6}",
        f"  validation       {result.validation}",
        *([f"  skipped          statement files without their source: {', '.join(result.skipped)}"]
          if result.skipped else []),
        *written,
        f"  time             {time.perf_counter() - started:6.2f} s",
    ]
    for w in result.warnings[:10]:
        lines.append(f"  warning: {w}")
    if len(result.warnings) > 10:
        lines.append(f"  ... and {len(result.warnings) - 10} more warnings")
    _out("\n".join(lines) + "\n")
    return 0


# ---------------------------------------------------------------- query
def cmd_query(args) -> int:
    from .query.output import render
    from .query.engine import load_dataset, named_queries, run_query

    if args.list or not args.query:
        rows = named_queries()
        width = max(len(n) for n in rows)
        _out("Named queries (vitalegraph query NAME):\n" +
             "".join(f"  {n.ljust(width)}  {q.question}\n" for n, q in rows.items()))
        return 0 if args.list else 2
    if getattr(args, "endpoint", None):
        from .endpoint.remote import run_remote_query

        table = run_remote_query(args.query, args.endpoint, timeout=args.timeout)
    else:
        dataset = load_dataset(args.data, args.engine)
        watchdog = _watchdog(getattr(args, "timeout", None))
        table = run_query(args.query, dataset)
        if watchdog is not None:
            watchdog.cancel()
    _out(render(table, args.format))
    return 0


def _watchdog(timeout: float | None):
    """Stop the whole command after *timeout* seconds (a runaway local query).

    Neither engine can interrupt a query, but both release the interpreter while they work, so a
    timer thread can end the process with a one-line error. (The API's ``run_query(timeout=)``
    runs the query in a forked child instead, which costs more for large results.)
    """
    if not timeout:
        return None
    import os
    import threading

    def fire():
        sys.stderr.write(f"vitalegraph: error: query stopped after {timeout:g} s (--timeout); "
                         "simplify it or raise --timeout\n")
        sys.stderr.flush()
        os._exit(2)

    timer = threading.Timer(timeout, fire)
    timer.daemon = True
    timer.start()
    return timer


def cmd_validate(args) -> int:
    from .errors import QueryError
    from .pipeline.validation import FAST_ROUTE_FROM, to_rdflib, validate, validate_store
    from .query.engine import load_dataset

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vitalegraph", formatter_class=_Formatter,
        description="A knowledge graph of the adoption teams of the Dutch pilot "
                    "'Nieuwe coalities voor de wijk' (2006-2007).",
        epilog="Example:\n  vitalegraph build && vitalegraph query teams\n\n"
               "Exit status: 0 success; 1 a bad source, a failed validation or an output that cannot be "
               "written; 2 a bad query, option or data file; 3 a remote endpoint failed; "
               f"{INTERNAL_ERROR_STATUS} an internal error (a bug or a broken installation: "
               "rerun with --debug and report the traceback); 130 interrupted.\n\n"
               "Run `vitalegraph COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"vitalegraph {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an error instead of one line (or set VITALEGRAPH_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", formatter_class=_Formatter,
                       help="read the sources, build and validate the graph, write the dataset",
                       description="Read the source documents, extract the team listings, check the curated "
                                   "statements against their sources, resolve entities, build the RDF graph, "
                                   "validate it with the SHACL shapes and write OUT/vitalegraph.ttl (one graph), "
                                   "OUT/vitalegraph.trig (one named graph per source), OUT/void.ttl, the network "
                                   "files in OUT/network/ and the pictures in OUT/pictures/, all in one step: if "
                                   "any stage fails or the build is interrupted, OUT is left as it was.",
                       epilog="Example:\n  vitalegraph build\n  vitalegraph build --sources my-pages/ --out /tmp/vg")
    p.add_argument("--sources", type=Path, default=paths.DEFAULT_SOURCES,
                   help="folder with the source documents (*.txt); default: data/sources")
    p.add_argument("--out", type=Path, default=paths.DEFAULT_OUT, help="output folder; default: data")
    p.add_argument("--statements", type=Path, default=paths.STATEMENTS,
                   help="folder with curated statement files (*.toml); default: the project's data/statements")
    p.add_argument("--reference", type=Path, default=paths.REFERENCE,
                   help="folder with reference data (*.csv); default: the project's data/reference")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("query", formatter_class=_Formatter,
                       help="run a named query, a .rq file or SPARQL on the dataset",
                       description="Run a named competency query, a .rq file or SPARQL text on the built dataset "
                                   "(or on a remote SPARQL endpoint with --endpoint). Only SELECT, ASK, CONSTRUCT "
                                   "and DESCRIBE: updates and SERVICE are refused (exit status 2).",
                       epilog="Example:\n  vitalegraph query --list\n  vitalegraph query teams\n"
                              "  vitalegraph query ministry-districts --format csv\n"
                              "  vitalegraph query my-question.rq\n"
                              "  vitalegraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'")
    p.add_argument("query", nargs="?", help="a named query (see --list), a .rq file, or SPARQL text")
    p.add_argument("--list", action="store_true", help="list the named queries and the question each answers")
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA,
                   help="dataset file (.ttl, .trig, .nt, .nq, .jsonld, .rdf); default: data/vitalegraph.ttl")
    p.add_argument("--engine", choices=("auto", "oxigraph", "rdflib"), default="auto",
                   help="query engine; auto (default) uses Oxigraph, the fastest at every size")
    _add_format(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("validate", formatter_class=_Formatter,
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

    # commands of the later stages live beside their API: each module has register(sub, formatter)
    import importlib

    for name in _EXTENSIONS:
        importlib.import_module(f"vitalegraph.{name}").register(sub, _Formatter)
    return parser


#: modules that add commands (network, picture, endpoint and export); imported lazily, they import
#: their heavy libraries only when their command runs
_EXTENSIONS = tuple(n for n in ("cli_network", "cli_picture", "cli_endpoint", "cli_explain")
                    if (Path(__file__).parent / f"{n}.py").is_file())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see ``vitalegraph --help``)."""
    import os
    import signal

    def _terminate(signum, _frame):
        raise KeyboardInterrupt   # so that a terminated build removes its temporary files

    signal.signal(signal.SIGTERM, _terminate)
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or os.environ.get("VITALEGRAPH_DEBUG", "") not in ("", "0")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except VitaleGraphError as exc:
        if debug:
            raise
        print(f"vitalegraph: error: {' '.join(str(exc).splitlines()) if len(str(exc)) < 2000 else str(exc)[:2000]}",
              file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("vitalegraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:   # noqa: BLE001 - what the project did not foresee: one line, not a traceback
        if debug:
            raise
        what = " ".join(f"{type(exc).__name__}: {exc}".splitlines())[:500]
        print(f"vitalegraph: internal error: {what}; rerun with --debug for the traceback", file=sys.stderr)
        return INTERNAL_ERROR_STATUS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
