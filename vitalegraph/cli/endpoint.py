"""Commands for the SPARQL endpoint and the take-away dataset: ``serve``, ``push``, ``export``, ``describe``.

:func:`register` adds them to the ``vitalegraph`` command line (``vitalegraph.cli`` calls it) and gives the
``query`` command its ``--endpoint URL`` and ``--timeout SECONDS`` options. Every heavy import
happens inside the command that needs it, so ``vitalegraph --help`` stays fast.

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> sub = parser.add_subparsers()
>>> q = sub.add_parser("query")
>>> register(sub, argparse.HelpFormatter)
>>> sorted(n for n in sub.choices if n != "query")
['describe', 'export', 'push', 'serve']
>>> parser.parse_args(["query", "--endpoint", "http://x/query"]).timeout
30.0
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

__all__ = ["register", "cmd_serve", "cmd_push", "cmd_export", "cmd_describe"]

_QUERY_URL_HELP = "http://HOST:PORT/query for `vitalegraph serve`"


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _positive(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: '{text}'") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got '{text}'")
    return value


def _port(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: '{text}'") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"must be between 1 and 65535, got {value}")
    return value


def _data_default():
    from ..endpoint.serve import default_data

    return default_data()


# ---------------------------------------------------------------- serve
def cmd_serve(args) -> int:
    """Run the read-only Oxigraph server until Ctrl-C (or SIGTERM); always remove its store."""
    import signal

    from ..endpoint.serve import start_server

    data = args.data or _data_default()

    def _terminate(signum, frame):  # SIGTERM: stop as on Ctrl-C, so the store is removed
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _terminate)
    # Ctrl-C stops the server even when started from a shell that ignores SIGINT for background jobs
    # (Python then inherits SIG_IGN and would never raise KeyboardInterrupt)
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    server = None
    try:
        server = start_server(data, host=args.host, port=args.port, read_only=True, cors=args.cors,
                              timeout=args.timeout)
        _out(_serve_banner(server))
        status = server.wait()
        from ..errors import EndpointError

        raise EndpointError(f"the Oxigraph server stopped unexpectedly (exit status {status})")
    except KeyboardInterrupt:
        _out("\nstopping the server ... ")
        if server is not None:
            server.stop()
        _out("stopped, temporary store removed\n")
        return 0
    finally:
        if server is not None:
            server.stop()
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def _serve_banner(server) -> str:
    import json
    import shlex

    c = server.counts
    url = server.query_url
    if c.get("graphs"):
        shape = (f"{c['quads']} quads in {c['graphs']} named graphs; the default graph holds "
                 f"their {c['triples']} distinct triples")
    else:
        shape = f"{c['triples']} triples in the default graph"
    team_query = "SELECT ?team WHERE { ?team a <https://w3id.org/vitalegraph/def#AdoptionTeam> } ORDER BY ?team"
    py = ("from SPARQLWrapper import SPARQLWrapper, JSON; "
          f"s = SPARQLWrapper({json.dumps(url)}); s.setQuery({json.dumps(team_query)}); s.setReturnFormat(JSON); "
          'print(len(s.queryAndConvert()["results"]["bindings"]), "teams")')
    return "\n".join([
        "VitaleGraph SPARQL endpoint (Oxigraph, read-only: the server refuses every update)",
        f"  guard       SERVICE and updates refused; a query stops after {server.query_timeout:g} s (--timeout)",
        f"  data        {server.data}  ({shape})",
        f"  loaded in   {server.load_seconds:.2f} s",
        f"  endpoint    {url}",
        *([f"  listening   {server.bind}  (every network interface: others can query it too)"]
          if server.bind.split(":")[0] in ("0.0.0.0", "[::]") else []),
        f"  query page  {server.base_url}/  (Oxigraph's built-in YASGUI editor, served locally)",
        "",
        "Try it:",
        f"  vitalegraph query teams --endpoint {url}",
        f"  curl -H 'Accept: text/csv' --data-urlencode {shlex.quote('query=' + team_query)} {url}",
        f"  python3 -c {shlex.quote(py)}",
        "",
        "Press Ctrl-C to stop.",
        "",
    ])


# ---------------------------------------------------------------- push
def cmd_push(args) -> int:
    from ..endpoint.remote import push_dataset

    data = args.data or _data_default()
    started = time.perf_counter()
    result = push_dataset(data, args.endpoint, graph=args.graph, timeout=args.timeout, replace=not args.append,
                          default_graph=not args.no_default_graph)
    took = time.perf_counter() - started
    lines = [f"pushed {data} to {args.endpoint} ({'POST: added to' if args.append else 'PUT: replaced'} "
             f"{result['graphs']} graph{'s' if result['graphs'] != 1 else ''}, {result['triples']} triples, {took:.2f} s)"]
    lines += [f"  {url}  HTTP {status}" for url, status in result["requests"]]
    _out("\n".join(lines) + "\n")
    return 0


# ---------------------------------------------------------------- export
def cmd_export(args) -> int:
    from ..dataset.export import EXTENSIONS, export

    data = args.data or _data_default()
    if args.out is None:
        body = export(data, args.format)
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return 0
    out = export(data, args.format, args.out)
    _out(f"wrote {out} ({args.format}, {out.stat().st_size} bytes)"
         + ("" if out.suffix == EXTENSIONS[args.format] else f"; the usual extension is {EXTENSIONS[args.format]}")
         + "\n")
    return 0


# ---------------------------------------------------------------- describe
def cmd_describe(args) -> int:
    from ..dataset.describe import write_description, write_ontology_docs

    data = args.data or _data_default()
    out_dir = args.out if args.out is not None else Path(data).parent
    if args.endpoint:
        from ..endpoint.remote import check_endpoint_url

        check_endpoint_url(args.endpoint)
    void = write_description(data, out_dir, endpoint=args.endpoint, modified=args.modified,
                             base_url=args.base_url)
    lines = [f"wrote {void} (VoID + DCAT description of {data})"]
    if not args.no_docs:
        lines.append(f"wrote {write_ontology_docs(out_dir=args.docs) if args.docs else write_ontology_docs()} "
                     "(ontology documentation)")
    _out("\n".join(lines) + "\n")
    return 0


def _date(text: str) -> str:
    import argparse
    import datetime

    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: '{text}'") from None


# ---------------------------------------------------------------- register
def register(sub, formatter_class) -> None:
    """Add ``serve``, ``push``, ``export`` and ``describe`` to *sub*, and ``--endpoint``/``--timeout``
    to its ``query`` command.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The sub-parsers of the ``vitalegraph`` parser.
    formatter_class : type
        The help formatter the other commands use.

    Returns
    -------
    None
    """
    from ..dataset.export import FORMATS
    from ..endpoint.serve import DEFAULT_HOST, DEFAULT_PORT

    data_help = "dataset file; default: data/vitalegraph.trig if it exists, else data/vitalegraph.ttl"

    query = sub.choices.get("query")
    if query is not None:
        query.add_argument("--endpoint", metavar="URL",
                           help=f"run the query on this SPARQL endpoint instead of --data ({_QUERY_URL_HELP}); "
                                "an unreachable or failing endpoint gives exit status 3")
        query.add_argument("--timeout", metavar="SECONDS", type=_positive, default=30.0,
                           help="seconds to wait for the answer, from --endpoint or from the local engine; "
                                "default: 30")
        if query.epilog:
            query.epilog += f"\n  vitalegraph query teams --endpoint http://127.0.0.1:{DEFAULT_PORT}/query"

    p = sub.add_parser("serve", formatter_class=formatter_class,
                       help="run a read-only SPARQL endpoint (the Oxigraph server) on the dataset",
                       description="Load the dataset into a temporary store and run the Oxigraph server on it, "
                                   "read-only: the server itself refuses every update. Named graphs (one per "
                                   "source document, plus reference and ontology) are queryable with GRAPH <...>; "
                                   "the default graph holds all their triples merged, so queries answer as "
                                   "`vitalegraph query` does. The Oxigraph server listens on 127.0.0.1 only; on "
                                   "HOST:PORT a guard parses every query and refuses SERVICE (HTTP 400: the "
                                   "endpoint never sends a request elsewhere) and updates (HTTP 403), adds the "
                                   "prefixes of `vitalegraph query --prefixes` and stops a query after --timeout "
                                   "(HTTP 503). The SPARQL endpoint is http://HOST:PORT/query and "
                                   "Oxigraph's query page (YASGUI, served by the server itself) is at "
                                   "http://HOST:PORT/. Ctrl-C stops the server and removes the store.",
                       epilog="Example:\n  vitalegraph serve\n  vitalegraph serve --port 8000\n"
                              "  vitalegraph serve --data data/vitalegraph.ttl --host 0.0.0.0")
    p.add_argument("--data", type=Path, default=None, help=data_help)
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port to listen on; default: {DEFAULT_PORT}")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on; default: {DEFAULT_HOST} (this machine only)")
    p.add_argument("--cors", action="store_true", help="allow cross-origin requests (browser pages from elsewhere)")
    p.add_argument("--timeout", metavar="SECONDS", type=_positive, default=30.0,
                   help="stop a query after this many seconds (HTTP 503); default: 30")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", formatter_class=formatter_class,
                       help="load the dataset into a store through the SPARQL Graph Store Protocol",
                       description="Send the dataset to any store that speaks the SPARQL 1.1 Graph Store HTTP "
                                   "Protocol (Oxigraph, Fuseki, GraphDB, Virtuoso, ...), as N-Triples by HTTP PUT "
                                   "(replacing each graph) or POST (--append). What lands where: each named graph "
                                   "of a TriG file (one per source document, reference, ontology) goes to the "
                                   "graph of the same name, and then the default graph gets all their triples "
                                   "merged, each once (a .ttl has only the default graph), as `vitalegraph serve` "
                                   "lays them out; `vitalegraph query NAME --endpoint QUERY-URL` then gives the "
                                   "same rows as a local run on a store whose default graph is a graph of its own "
                                   "(oxigraph serve: query URL http://HOST:PORT/query). A store whose default graph "
                                   "is the union of all its graphs needs no copy: push with --no-default-graph "
                                   "(Virtuoso, whose Graph Store at /sparql-graph-crud has no default graph to "
                                   "write: query URL http://HOST:PORT/sparql; a .ttl goes there with --graph IRI). "
                                   "With --graph, all triples go into that one graph and nothing else is touched; "
                                   "the named queries see it only where the default graph is the union of the "
                                   "graphs (Virtuoso; oxigraph serve --union-default-graph). An unreachable or "
                                   "failing store gives exit status 3.",
                       epilog="Example:\n  vitalegraph push --endpoint http://127.0.0.1:7879/store\n"
                              "  vitalegraph push --endpoint http://127.0.0.1:8890/sparql-graph-crud --no-default-graph\n"
                              "  vitalegraph push --endpoint http://localhost:3030/ds/data "
                              "--graph https://w3id.org/vitalegraph/graph/all")
    p.add_argument("--endpoint", metavar="URL", required=True,
                   help="the store's Graph Store Protocol URL (oxigraph serve: http://HOST:PORT/store); "
                        "?graph=IRI or ?default is added")
    p.add_argument("--graph", metavar="IRI", help="put every triple into this one named graph")
    p.add_argument("--no-default-graph", action="store_true",
                   help="send the named graphs only, not their merged triples to the default graph: for a store "
                        "whose default graph is the union of its graphs (Virtuoso)")
    p.add_argument("--data", type=Path, default=None, help=data_help)
    p.add_argument("--timeout", metavar="SECONDS", type=_positive, default=30.0,
                   help="seconds to wait for each request; default: 30")
    p.add_argument("--append", action="store_true", help="add to the graphs (POST) instead of replacing them (PUT)")
    p.set_defaults(func=cmd_push)

    p = sub.add_parser("export", formatter_class=formatter_class,
                       help="write the dataset as Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML",
                       description="Write the dataset in another RDF format, deterministically (the same data "
                                   "always gives the same bytes). trig and nquads keep the named graphs; the "
                                   "others hold the merged graph. JSON-LD is compacted with the shipped context "
                                   "ontology/context.jsonld, embedded so the file reads back offline. Without "
                                   "--out the export goes to standard output.",
                       epilog="Example:\n  vitalegraph export --format jsonld --out data/vitalegraph.jsonld\n"
                              "  vitalegraph export --format nquads | gzip > vitalegraph.nq.gz")
    p.add_argument("--format", "-f", choices=FORMATS, required=True, help="the RDF format to write")
    p.add_argument("--data", type=Path, default=None, help=data_help)
    p.add_argument("--out", "-o", type=Path, default=None, help="file to write (atomically); default: standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("describe", formatter_class=formatter_class,
                       help="write the VoID/DCAT description (void.ttl) and the ontology documentation",
                       description="Write OUT/void.ttl, a VoID and DCAT description of the dataset (statistics, "
                                   "vocabularies, example resources, the sources and their publishers, licence, "
                                   "and each vitalegraph.* file in OUT as a distribution with its SHA-256), and "
                                   "ontology/docs/index.html, the ontology as one offline HTML page. The output "
                                   "is the same for the same data: no clock time goes in unless --modified (or "
                                   "SOURCE_DATE_EPOCH) is given.",
                       epilog="Example:\n  vitalegraph describe\n"
                              "  vitalegraph describe --endpoint http://127.0.0.1:7878/query --modified 2025-01-31")
    p.add_argument("--data", type=Path, default=None, help=data_help)
    p.add_argument("--out", type=Path, default=None,
                   help="folder of the dataset files, where void.ttl is written (relative to the current folder); "
                        "default: the folder of --data")
    p.add_argument("--endpoint", metavar="URL", help="the SPARQL endpoint's query URL, if the dataset is served")
    p.add_argument("--modified", metavar="YYYY-MM-DD", type=_date, help="date for dct:modified")
    p.add_argument("--base-url", metavar="URL", help="where the files are published (adds dcat:downloadURL)")
    p.add_argument("--docs", type=Path, default=None,
                   help="folder for the ontology documentation (relative to the current folder); default: "
                        "ontology/docs in the project folder (beside ontology/vitalegraph.ttl)")
    p.add_argument("--no-docs", action="store_true", help="do not write the ontology documentation")
    p.set_defaults(func=cmd_describe)
