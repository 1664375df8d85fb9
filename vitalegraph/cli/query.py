"""``vitalegraph query``: a named query, a .rq file or SPARQL on the dataset, over :mod:`vitalegraph.query`.

Its ``--endpoint URL`` and ``--timeout SECONDS`` options come from :mod:`vitalegraph.cli.endpoint`,
which registers after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from . import _out, command_group

__all__ = ["register", "cmd_query"]


def cmd_query(args) -> int:
    from ..query.output import render
    from ..query.engine import load_dataset, named_queries, run_query

    if args.prefixes:
        from ..query.sparql import prefix_declarations

        _out(prefix_declarations())
        return 0
    if args.query == "-":
        args.query = _stdin_query()
    if args.list or not args.query:
        rows = named_queries()
        width = max(len(n) for n in rows)
        _out("Named queries (vitalegraph query NAME):\n" +
             "".join(f"  {n.ljust(width)}  {q.question}\n" for n, q in rows.items()))
        return 0 if args.list else 2
    if getattr(args, "endpoint", None):
        from ..endpoint.remote import run_remote_query

        table = run_remote_query(args.query, args.endpoint, timeout=args.timeout)
    else:
        dataset = load_dataset(args.data, args.engine)
        watchdog = _watchdog(getattr(args, "timeout", None))
        table = run_query(args.query, dataset)
        if watchdog is not None:
            watchdog.cancel()
    _out(render(table, args.format))
    return 0


def _stdin_query() -> str:
    """The query text (or name, or .rq file) on standard input, for `vitalegraph query -`."""
    from ..errors import QueryError

    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"standard input is not UTF-8 (byte {exc.start}): give the query as UTF-8 text") from None
    if not text.strip():
        raise QueryError("no query on standard input: pipe SPARQL into `vitalegraph query -`")
    return text if "\n" in text.strip() else text.strip()


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


@command_group(rank=20)
def register(sub, formatter_class) -> None:
    """Add the ``query`` command to the subparsers *sub*."""
    from ..query.output import FORMATS

    p = sub.add_parser("query", formatter_class=formatter_class,
                       help="run a named query, a .rq file or SPARQL on the dataset",
                       description="Run a named competency query, a .rq file or SPARQL text on the built dataset "
                                   "(or on a remote SPARQL endpoint with --endpoint). Only SELECT, ASK, CONSTRUCT "
                                   "and DESCRIBE: updates and SERVICE are refused (exit status 2). The prefixes "
                                   "the output prints (person:, team:, vg:, org:, foaf:, skos:, ...; see "
                                   "--prefixes) need no PREFIX line; a query's own PREFIX wins. Invalid SPARQL is "
                                   "reported with its line, column and what was expected (exit status 2). The "
                                   "classes and properties, with example queries: docs/schema.md.",
                       epilog="Example:\n  vitalegraph query --list\n  vitalegraph query teams\n"
                              "  vitalegraph query ministry-districts --format csv\n"
                              "  vitalegraph query mentions --format csv | grep person/jan-van-der-bos\n"
                              "  vitalegraph query my-question.rq\n"
                              "  vitalegraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n"
                              "  vitalegraph query 'SELECT ?name WHERE { person:annet-bertram foaf:name ?name }'\n"
                              "  vitalegraph query - < my-question.rq\n"
                              "  vitalegraph query --prefixes")
    p.add_argument("query", nargs="?", help="a named query (see --list), a .rq file, SPARQL text, or - to read "
                                            "the query from standard input")
    p.add_argument("--list", action="store_true", help="list the named queries and the question each answers")
    p.add_argument("--prefixes", action="store_true",
                   help="print the predeclared prefixes as PREFIX lines (the ones the table output uses)")
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA,
                   help="dataset file (.ttl, .trig, .nt, .nq, .jsonld, .rdf); default: data/vitalegraph.ttl")
    p.add_argument("--engine", choices=("auto", "oxigraph", "rdflib"), default="auto",
                   help="query engine; auto (default) uses Oxigraph, the fastest at every size")
    p.add_argument("--format", "-f", choices=FORMATS, default="table",
                   help="table (aligned, for the terminal), csv (header of column names) or json "
                        "(SPARQL 1.1 Query Results JSON); default: table")
    p.set_defaults(func=cmd_query)
