"""``vitalegraph build``: the sources to the dataset and what it derives, over :func:`vitalegraph.build.build`."""

from __future__ import annotations

import time
from pathlib import Path

from .. import paths
from . import _out, command_group

__all__ = ["register", "cmd_build"]


def cmd_build(args) -> int:
    from ..build import NETWORK_FILES_LIMIT, build

    started = time.perf_counter()
    result = build(args.sources, args.out, args.statements, args.reference)
    c = result.counts
    written = [f"  written          {', '.join(str(f) for f in result.files)}"]
    if result.derived:
        written.append(f"                   {sum(1 for p in result.derived if p.parent.name == 'network')} network files in "
                       f"{args.out / 'network'}/, {sum(1 for p in result.derived if p.parent.name == 'pictures' and p.name != 'report.html')} "
                       f"pictures and the report in {args.out / 'pictures'}/")
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
        f"  sentences        {c['sentences']:>6}  with {c['mentions']} mentions of known entities ({c['ambiguous mentions']} "
        f"ambiguous), as NIF: {c['text triples']} triples in the sources' graphs",
        f"  triples          {c['triples']:>6}  ({c['quads']} quads in {c['named graphs']} named graphs)",
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


@command_group(rank=10)
def register(sub, formatter_class) -> None:
    """Add the ``build`` command to the subparsers *sub*."""
    p = sub.add_parser("build", formatter_class=formatter_class,
                       help="read the sources, build and validate the graph, write the dataset",
                       description="Read the source documents, extract the team listings, check the curated "
                                   "statements against their sources, resolve entities, check that the graph is "
                                   "true to its sources (every quote of a named thing names it or is marked as "
                                   "context, no spelling is another person's or place's name, every oa:exact is "
                                   "the text at its offsets), build the RDF graph, "
                                   "validate it with the SHACL shapes and write OUT/vitalegraph.ttl (one graph), "
                                   "OUT/vitalegraph.trig (one named graph per source), OUT/void.ttl, the network "
                                   "files in OUT/network/ and the pictures and the report (report.html) in "
                                   "OUT/pictures/, all in one step: if "
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
