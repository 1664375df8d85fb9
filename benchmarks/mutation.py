"""Mutation testing of the pipeline modules: do the tests notice when the code is wrong?

    python benchmarks/mutation.py                       # every pipeline module, one after the other
    python benchmarks/mutation.py extraction sources    # some modules (names under vitalegraph/pipeline/)
    python benchmarks/mutation.py --survivors extraction  # re-run only the mutants that survived last time
    python benchmarks/mutation.py --report              # the scores of the last run, without running
    python benchmarks/mutation.py --fresh               # throw mutants/ away first (new tests, new stats)

It runs mutmut (config: ``[tool.mutmut]`` in pyproject.toml) once per module, with one worker and at
nice 15, and prints per module: killed / total and the score, then each surviving mutant as
``file:line  function  before -> after``. mutmut copies the tree to ``mutants/`` (git-ignored) and
runs, for each mutant, only those of the selected tests that call the mutated function.

A surviving mutant that cannot be told apart from the code by any input (an equivalent mutant) is
listed with its reason in ``benchmarks/mutation-equivalent.toml``, keyed by module, function and the
changed line before and after (not by line number or mutant number, so it outlives unrelated edits;
an entry without ``after`` covers every mutation of an unreachable line);
those count neither as killed nor in the total. An entry that matches no mutant any more is reported
as stale. Exit status 1 when a module scores under --min (default 90 %).

mutmut mutates the bodies of functions only: module-level code and decorated functions get no
mutants. The one exception made here: a function whose only decorator is the project's registration
decorator (``@handles(kind, rank)``, the statement handlers of resolution.curated) is mutated like an
undecorated one; see :func:`allow_registration_decorators`, a small patch of mutmut applied in the
mutmut process this script starts. It runs a test for a mutant only if that test itself called the
function (a module- or session-scoped fixture counts for the first test that used it), so the
tests/pipeline/**/test_mutants_*.py tests build their own input.

Not in CI: the seven pipeline modules take about twelve minutes (one worker, nice 15, on the shared
2-core machine), resolution's persons, listing, organisations and documents about six, the eight
modules of resolution.curated about fifteen: all modules about forty minutes.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = ROOT / "vitalegraph" / "pipeline"
MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "benchmarks" / "mutation-equivalent.toml"
#: the order the issue asks for: the first stages of the pipeline first
ORDER = ("extraction", "sources", "statements", "serialize", "reference", "graph", "validation")

#: mutmut's exit codes of a mutant's test run (mutmut.stats.status_by_exit_code)
KILLED = {1, 3, 24, -24, 36, 152, 255}          # a test failed, pytest broke, or a timeout
SURVIVED = {0}
NO_TESTS = {5, 33}


def modules() -> list[str]:
    """Every pipeline module as a dotted name under vitalegraph.pipeline, in ORDER first."""
    found = sorted(p.relative_to(PIPELINE).with_suffix("").as_posix().replace("/", ".")
                   for p in PIPELINE.rglob("*.py"))
    found = [m.removesuffix(".__init__") if m.endswith(".__init__") else m for m in found if m != "__init__"]
    return [m for m in ORDER if m in found] + [m for m in found if m not in ORDER]


def source_of(module: str) -> Path:
    path = PIPELINE / (module.replace(".", "/") + ".py")
    return path if path.exists() else PIPELINE / module.replace(".", "/") / "__init__.py"


@dataclass
class Mutant:
    name: str           # mutmut's key, e.g. vitalegraph.pipeline.extraction.x__text__mutmut_3
    function: str       # the function as the source names it, e.g. _text or SourceDocument.from_bytes
    line: int           # line of the change in the source file
    before: str         # the changed line, stripped
    after: str
    status: str


def _function_of(key: str) -> tuple[str, str]:
    """(mangled function, plain name) of a mutant key: x__text__mutmut_3 -> (x__text, _text)."""
    mangled = key.rsplit(".", 1)[1].rsplit("__mutmut_", 1)[0]
    plain = mangled[2:] if mangled.startswith("x_") else mangled.lstrip("x")
    return mangled, plain.replace("ǁ", ".").strip(".")


def _def_lines(path: Path) -> dict[str, int]:
    """Line of each function's first body line, by name (Class.method for methods)."""
    lines: dict[str, int] = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines[prefix + child.name] = child.lineno
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
    visit(ast.parse(path.read_text("utf-8")), "")
    return lines


def _body(lines: list[str], name: str) -> list[str]:
    """The lines of a function after its ``def NAME(`` line (the first line of the signature)."""
    at = next(i for i, line in enumerate(lines) if f"def {name}(" in line)
    return lines[at + 1:]


def status_of(code) -> str:
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    return "not checked" if code is None else f"exit {code}"


def read_results(module: str) -> list[Mutant]:
    """The mutants of *module* and their outcome, from mutmut's files under mutants/."""
    src = source_of(module)
    rel = src.relative_to(ROOT)
    mutated = MUTANTS / rel
    meta = json.loads(Path(str(mutated) + ".meta").read_text("utf-8"))["exit_code_by_key"]
    spans = json.loads(Path(str(mutated) + ".spans").read_text("utf-8"))["spans"]
    text = mutated.read_text("utf-8").split("\n")
    defs = _def_lines(src)
    out = []
    for key, code in sorted(meta.items(), key=lambda kv: (kv[0].rsplit("_", 1)[0], int(kv[0].rsplit("_", 1)[1]))):
        mangled, function = _function_of(key)
        local = key.rsplit(".", 1)[1]
        a, b = spans[mangled + "__mutmut_orig"], spans[local]
        orig, mut = _body(text[a[0] - 1:a[1]], mangled + "__mutmut_orig"), _body(text[b[0] - 1:b[1]], local)
        before = after = ""
        offset = 0
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, orig, mut, autojunk=False).get_opcodes():
            if tag != "equal":
                offset = i1 + 1
                before = " ".join(x.strip() for x in orig[i1:i2])
                after = " ".join(x.strip() for x in mut[j1:j2])
                break
        out.append(Mutant(key, function, defs.get(function, 0) + offset, before, after, status_of(code)))
    return out


def load_equivalent() -> dict[str, list[dict]]:
    if not EQUIVALENT.exists():
        return {}
    return tomllib.loads(EQUIVALENT.read_text("utf-8"))


def _matches(entry: dict, m: Mutant) -> bool:
    """An entry without ``after`` holds for every mutation of its line (an unreachable line)."""
    return (entry["function"] == m.function and entry["before"] == m.before
            and entry.get("after", m.after) == m.after)


#: decorators that only register the function they decorate, by name: mutmut may mutate such a function
REGISTRATION_DECORATORS = frozenset({"handles"})


def allow_registration_decorators() -> None:
    """Let mutmut mutate a function whose only decorator is a call of a registration decorator.

    mutmut 3.8 leaves every decorated function but a ``@staticmethod`` or ``@classmethod`` alone
    (``MutationVisitor._skip_node_and_children`` in mutmut/mutation/file_mutation.py), because a
    decorator may do anything when the copies of the function are defined; upstream issue
    boxed/mutmut#387 discusses letting some decorators through. ``@handles(kind, rank)`` only puts
    the function into a registry, which is safe under mutmut's trampoline if only the trampoline is
    registered. So this patch, for a function whose only decorator is ``@NAME(...)`` with NAME in
    :data:`REGISTRATION_DECORATORS`:

    * decides whether to mutate it as mutmut decides for the same function without the decorator
      (a ``# pragma: no mutate`` still holds; the decorator's arguments are never mutated);
    * keeps the decorator on the trampoline (which mutmut defines with the function's decorators
      above its own) and drops it from the copies, the original and each mutant, so that the
      registry holds the trampoline once and the trampoline calls the active mutant.

    Called in the mutmut process before mutmut's command line runs (see :func:`as_mutmut`); it
    changes nothing else, and nothing of mutmut on disk.
    """
    from mutmut.mutation import file_mutation
    cst = file_mutation.cst          # libcst, as mutmut imports it (mutmut's own dependency)
    if not all(hasattr(file_mutation, n) for n in ("MutationVisitor", "function_trampoline_arrangement",
                                                     "PositionProvider")):
        sys.exit(f"mutmut {version('mutmut')}: not the internals this patch knows (mutmut 3.8); "
                 "see allow_registration_decorators in benchmarks/mutation.py")

    def registered_only(node) -> bool:
        if not isinstance(node, cst.FunctionDef) or len(node.decorators) != 1:
            return False
        call = node.decorators[0].decorator
        return (isinstance(call, cst.Call) and isinstance(call.func, cst.Name)
                and call.func.value in REGISTRATION_DECORATORS)

    skip = file_mutation.MutationVisitor._skip_node_and_children

    def skip_unless_registered(self, node) -> bool:
        if registered_only(node):
            position = self.get_metadata(file_mutation.PositionProvider, node, None)
            if not (position and position.start.line in self._ignored_node_lines):
                return skip(self, node.with_changes(decorators=[]))
        return skip(self, node)

    arrange = file_mutation.function_trampoline_arrangement

    def arrange_registered(function, mutants, class_name):
        declarations, nodes, assignments, names = arrange(function, mutants, class_name=class_name)
        if registered_only(function):     # nodes: the trampoline, then the copies
            nodes = [nodes[0], *(node.with_changes(decorators=[]) for node in nodes[1:])]
        return declarations, nodes, assignments, names

    file_mutation.MutationVisitor._skip_node_and_children = skip_unless_registered
    file_mutation.function_trampoline_arrangement = arrange_registered


def as_mutmut(args: list[str]) -> int:
    """Run mutmut's command line with *args*, patched by :func:`allow_registration_decorators`."""
    allow_registration_decorators()
    from mutmut.__main__ import cli
    sys.argv = ["mutmut", *args]
    return cli()


def run_mutmut(module: str, names: list[str]) -> float:
    """Run mutmut on *module*'s mutants (or only *names*), one worker, nice 15; seconds taken."""
    MUTANTS.mkdir(exist_ok=True)
    log = MUTANTS / f"run-{module}.log"
    pattern = names or [f"vitalegraph.pipeline.{module}.x*"]
    t = time.monotonic()
    with log.open("w") as f:
        r = subprocess.run(["nice", "-n", "15", sys.executable, __file__, "--as-mutmut", "run",
                            "--max-children", "1", *pattern], cwd=ROOT, stdout=f, stderr=subprocess.STDOUT)
    took = time.monotonic() - t
    if r.returncode != 0:
        sys.exit(f"mutmut failed on {module} (exit {r.returncode}); see {log.relative_to(ROOT)}")
    return took


def report(module: str, equivalent: dict, took: float | None) -> tuple[float, list[str]]:
    mutants = read_results(module)
    entries = equivalent.get(module, [])
    used = set()
    killed, survivors, equiv = 0, [], 0
    for m in mutants:
        if m.status == "killed":
            killed += 1
            continue
        hit = next((i for i, e in enumerate(entries) if _matches(e, m)), None)
        if hit is not None and m.status == "survived":
            used.add(hit)
            equiv += 1
            continue
        survivors.append(m)
    total = len(mutants) - equiv
    score = 100.0 * killed / total if total else 100.0       # nothing mutmut mutates: nothing to miss
    rel = source_of(module).relative_to(ROOT)
    timing = f", {took:.0f} s" if took is not None else ""
    unchecked = sum(m.status == "not checked" for m in survivors)
    note = f", {unchecked} not checked: run the module again" if unchecked else ""
    if not mutants:   # mutmut leaves decorated functions and module-level code alone
        print(f"{module:<36}    no mutants (only module-level code or decorated functions){timing}")
        return score, []
    print(f"{module:<36} {killed:>4} / {total:<4} killed  {score:5.1f} %   ({equiv} equivalent{timing}{note})")
    for m in survivors:
        if m.status == "not checked":
            continue
        print(f"    {rel}:{m.line}  {m.function}  [{m.status}]  {m.before}  ->  {m.after}")
    stale = [e for i, e in enumerate(entries) if i not in used]
    for e in stale:
        print(f"    stale equivalent entry: {e['function']}: {e['before']} -> {e.get('after', '(any)')}")
    return score, [m.name for m in survivors]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", help="pipeline modules (default: all), e.g. extraction resolution.persons")
    ap.add_argument("--report", action="store_true", help="only print the scores of the last run")
    ap.add_argument("--survivors", action="store_true", help="re-run only the mutants that survived last time")
    ap.add_argument("--fresh", action="store_true", help="remove mutants/ first")
    ap.add_argument("--min", type=float, default=90.0, help="score under which the exit status is 1")
    args = ap.parse_args(argv)
    chosen = args.modules or modules()
    unknown = [m for m in chosen if m not in modules()]
    if unknown:
        ap.error(f"not a pipeline module: {', '.join(unknown)} (one of {', '.join(modules())})")
    if args.fresh and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    equivalent = load_equivalent()
    low = []
    start = time.monotonic()
    for module in chosen:
        took = None
        if not args.report:
            names = []
            if args.survivors:
                names = [m.name for m in read_results(module) if m.status != "killed"]
                if not names:
                    report(module, equivalent, None)
                    continue
            took = run_mutmut(module, names)
        score, _ = report(module, equivalent, took)
        if score < args.min:
            low.append(module)
    if not args.report:
        print(f"took {time.monotonic() - start:.0f} s")
    if low:
        print(f"under {args.min:g} %: {', '.join(low)}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(as_mutmut(sys.argv[2:]) if sys.argv[1:2] == ["--as-mutmut"] else main())
