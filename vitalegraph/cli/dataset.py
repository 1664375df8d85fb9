"""``vitalegraph export`` and ``describe``: the dataset as files for others, over :mod:`vitalegraph.dataset`.

Examples
--------
>>> import argparse
>>> sub = argparse.ArgumentParser().add_subparsers()
>>> register(sub, argparse.HelpFormatter)
>>> sorted(sub.choices)
['describe', 'export']
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import DATA_HELP, _data_default, _out, command_group

__all__ = ["register", "cmd_export", "cmd_describe"]


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
    from ..dataset.describe import write_description
    from ..dataset.ontology_docs import write_ontology_docs

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
@command_group(rank=70)
def register(sub, formatter_class) -> None:
    """Add ``export`` and ``describe`` to the subparsers *sub*."""
    from ..dataset.export import FORMATS

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
    p.add_argument("--data", type=Path, default=None, help=DATA_HELP)
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
    p.add_argument("--data", type=Path, default=None, help=DATA_HELP)
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
