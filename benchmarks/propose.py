"""How many of the curated statements `vitalegraph propose` proposes, and how many of its proposals are curated.

    python benchmarks/propose.py [--sources DIR] [--statements DIR] [--json]

For every source document that has a statement file, the candidates of
:func:`vitalegraph.pipeline.propose.propose` are set against the curated statements
(:func:`vitalegraph.pipeline.statements.load_statement_file`, any kind the build knows). A curated
statement counts as **proposed** when a candidate of the same kind has a quote whose character span
overlaps one of the statement's own quotes (a quote that several curated statements of the kind share,
such as a list's introduction or a citation, counts only for a statement that has no other), and, for
a kind with an identifying field (a
person_function's or mention's ``name``, an evaluation's ``subject``, ...:
:data:`vitalegraph.pipeline.propose.IDENTIFYING`), names the same thing
(:func:`vitalegraph.pipeline.propose.covers`). Then

* recall = curated statements proposed / curated statements (all kinds, and the kinds propose proposes);
* precision = candidates that propose a curated statement / candidates.

Prints one row per kind and document, then the totals.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vitalegraph.pipeline.propose import PROPOSED_KINDS, covers, load_vocabulary, propose, shared_quotes  # noqa: E402
from vitalegraph.pipeline.reference import load_reference  # noqa: E402
from vitalegraph.pipeline.sources import read_sources  # noqa: E402
from vitalegraph.pipeline.statements import load_statement_file  # noqa: E402


def measure(sources: Path, statements: Path) -> dict:
    """Counts per (document, kind): curated, curated proposed, candidates, candidates curated."""
    ref, vocab = load_reference(ROOT / "data" / "reference"), load_vocabulary()
    rows = defaultdict(lambda: {"curated": 0, "proposed": 0, "candidates": 0, "correct": 0})
    for doc in read_sources(sources):
        path = statements / f"{doc.stem}.toml"
        if not path.is_file():
            continue
        curated = load_statement_file(path, doc).statements
        candidates = propose(doc, ref, vocab)
        shared = shared_quotes(curated)
        for st in curated:
            r = rows[(doc.name, st.kind)]
            r["curated"] += 1
            r["proposed"] += any(covers(c, st, shared) for c in candidates)
        for c in candidates:
            r = rows[(doc.name, c.kind)]
            r["candidates"] += 1
            r["correct"] += any(covers(c, st, shared) for st in curated)
    return rows


def _pct(a: int, b: int) -> str:
    return f"{a:>3} / {b:<3} {100 * a / b:5.1f} %" if b else f"{a:>3} / {b:<3}     -  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, default=ROOT / "data" / "sources")
    parser.add_argument("--statements", type=Path, default=ROOT / "data" / "statements")
    parser.add_argument("--json", action="store_true", help="the counts as JSON")
    args = parser.parse_args()
    rows = measure(args.sources, args.statements)
    total = {k: sum(r[k] for r in rows.values()) for k in ("curated", "proposed", "candidates", "correct")}
    mine = {k: sum(r[k] for (_doc, kind), r in rows.items() if kind in PROPOSED_KINDS) for k in ("curated", "proposed")}
    if args.json:
        print(json.dumps({"rows": [{"document": d, "kind": k, **r} for (d, k), r in sorted(rows.items())],
                          "total": total, "proposed_kinds": mine}, indent=1))
        return
    print(f"{'document':<28} {'kind':<16} {'recall (curated proposed)':<26} {'precision (candidates curated)'}")
    for (doc, kind), r in sorted(rows.items()):
        print(f"{doc:<28} {kind:<16} {_pct(r['proposed'], r['curated']):<26} {_pct(r['correct'], r['candidates'])}")
    print(f"recall     {_pct(total['proposed'], total['curated'])}  of all curated statements")
    print(f"recall     {_pct(mine['proposed'], mine['curated'])}  of the curated statements of the kinds propose proposes "
          f"({', '.join(PROPOSED_KINDS)})")
    print(f"precision  {_pct(total['correct'], total['candidates'])}  of the candidates")


if __name__ == "__main__":
    main()
