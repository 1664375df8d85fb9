"""``vitalegraph propose SOURCE.txt``: candidate statements from a document's prose, for a curator
to review and copy into ``data/statements/`` (:mod:`vitalegraph.pipeline.propose`; not part of the build)."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from . import _out, command_group

__all__ = ["register", "cmd_propose"]

#: the statement kinds propose can propose (:data:`vitalegraph.pipeline.propose.PROPOSED_KINDS`, kept
#: here too so that ``vitalegraph --help`` imports no pipeline module; tests/pipeline/propose/test_propose.py compares them)
KINDS = ("pilot_city", "mention", "agreement", "publication", "project", "adoption", "evaluation", "person_function",
         "commitment", "participation")


def cmd_propose(args) -> int:
    from ..errors import OutputError
    from ..pipeline.propose import load_vocabulary, not_curated, propose_file, to_json, to_toml
    from ..pipeline.reference import load_reference

    kinds = [k for group in (args.kind or []) for k in group.split(",") if k] or None
    bad = [k for k in kinds or [] if k not in KINDS]
    if bad:
        from ..errors import QueryError

        raise QueryError(f"unknown kind '{bad[0]}'; propose proposes {', '.join(KINDS)}")
    if args.output is not None:
        target = args.output.resolve()
        if target.parent == paths.STATEMENTS.resolve() or paths.STATEMENTS.resolve() in target.parents:
            raise OutputError(f"{args.output}: propose does not write into data/statements/: review the "
                              "candidates and copy what holds into the statement file yourself")
    doc, candidates = propose_file(args.source, load_reference(args.reference), load_vocabulary(args.vocabulary), kinds)
    if args.new and doc is not None:
        candidates = not_curated(doc, candidates, args.statements)
    text = (to_json if args.format == "json" else to_toml)(doc, candidates)
    if args.output is None:
        _out(text)
        return 0
    from ..transaction import commit

    try:
        commit(args.output.parent if str(args.output.parent) else Path("."), {args.output.name: text.encode("utf-8")})
    except OSError as exc:
        raise OutputError(f"{args.output}: cannot write ({exc.strerror or exc})") from None
    return 0


@command_group(rank=15)
def register(sub, formatter_class) -> None:
    """Add the ``propose`` command to the subparsers *sub*."""
    p = sub.add_parser(
        "propose", formatter_class=formatter_class,
        help="candidate statements from a document's prose, to review and copy into data/statements/",
        description="Read the prose of one source document (everything but its team listing) and print candidate "
                    "statements in the TOML format of data/statements/ (see its README): persons with a function "
                    "and department (person_function), other spellings of listed persons and districts (mention), "
                    "cited publications with their dates (publication), news items with a dated event, an amount "
                    "or organisations with their kind (project), sentences with a stance word (evaluation), promises "
                    "and offers (commitment), signed agreements (agreement), adoptions (adoption), departments that "
                    "take part or not (participation) and the municipalities of a sentence about pilot districts "
                    "(pilot_city). Each candidate has its "
                    "quote, found exactly once in the source as the build requires, and comments that mark it "
                    "PROPOSED and say what to review; the output as printed is a statement file the build "
                    "accepts. Nothing is written into data/statements/. A document without prose prints nothing; "
                    "a file that is not UTF-8 or cannot be read gives the build's one-line error (exit 1).",
        epilog="Example:\n  vitalegraph propose data/sources/004_157f315819f9f14b.txt\n"
               "  vitalegraph propose new.txt --kind person_function,evaluation --format json\n"
               "  vitalegraph propose new.txt -o /tmp/new.toml\n"
               "  vitalegraph propose data/sources/004_157f315819f9f14b.txt --new   # what the curator has not written down")
    p.add_argument("source", type=Path, metavar="SOURCE", help="a source document (.txt, UTF-8)")
    p.add_argument("--kind", "-k", action="append", metavar="KIND",
                   help=f"only these statement kinds (repeat or separate by commas): {', '.join(KINDS)}; default: all")
    p.add_argument("--format", "-f", choices=("toml", "json"), default="toml",
                   help="toml (a statement file with comments) or json (each candidate with its rule, review notes "
                        "and the offsets of its quotes); default: toml")
    p.add_argument("--output", "-o", type=Path, default=None,
                   help="write to this file (in one step) instead of standard output; never inside data/statements/")
    p.add_argument("--new", action="store_true",
                   help="leave out the candidates that a statement of the document's statement file (--statements) "
                        "already covers (same kind, an overlapping quote, the same thing named)")
    p.add_argument("--statements", type=Path, default=paths.STATEMENTS,
                   help="the curated statements that --new compares with (read only); default: data/statements")
    p.add_argument("--reference", type=Path, default=paths.REFERENCE,
                   help="reference data folder (function words, departments, municipalities); default: data/reference")
    p.add_argument("--vocabulary", type=Path, default=paths.REFERENCE / "propose.toml",
                   help="the general Dutch words propose reads with; default: data/reference/propose.toml")
    p.set_defaults(func=cmd_propose)
