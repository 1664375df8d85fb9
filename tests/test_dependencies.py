"""Every third-party module the package and its tests import is declared in ``pyproject.toml``.

A fresh virtual environment has only what ``pyproject.toml`` declares, while this machine's own
Python has much more: an undeclared import passes here and fails for a new user. The scan reads
every ``import`` of ``vitalegraph/`` (runtime dependencies) and of ``tests/``, ``benchmarks/`` and
the notebooks (the ``test`` extra may add to them), maps each module to the distribution that
provides it (:func:`importlib.metadata.packages_distributions`) and fails on one that is not declared.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires

import pytest

from conftest import ROOT

#: modules a library needs at run time for a call the package makes, although the package does not
#: import them itself: ``networkx.pagerank`` imports numpy and scipy inside the call
NEEDED_THROUGH = {"networkx.pagerank": ("numpy", "scipy")}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = lambda req: _norm(re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0])   # noqa: E731
    runtime = {name(r) for r in project["dependencies"]}
    test = {name(r) for r in project["optional-dependencies"]["test"]}
    return runtime, test


def _imports(paths) -> dict[str, set[str]]:
    """Top-level module names imported anywhere in *paths*, each with the files importing it."""
    found: dict[str, set[str]] = {}
    for path in paths:
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
            source = "\n".join(line for s in sources for line in s.splitlines() if not line.lstrip().startswith(("%", "!")))
        else:
            source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for n in names:
                found.setdefault(n.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return found


def _third_party(imports: dict[str, set[str]], local: set[str]) -> dict[str, set[str]]:
    return {m: f for m, f in imports.items() if m not in sys.stdlib_module_names and m not in local}


def _distribution(module: str) -> str:
    dists = packages_distributions().get(module)
    if not dists:
        pytest.fail(f"module {module!r} is imported but installed by no distribution here")
    return _norm(dists[0])


def _test_files():
    """Every Python file of tests/ (in its sub-folders too), not the stored copies of other projects' files."""
    return sorted(p for p in (ROOT / "tests").rglob("*.py") if "fixtures" not in p.relative_to(ROOT / "tests").parts)


LOCAL = {"vitalegraph", "conftest", "browser", "corpus"} | {p.stem for p in (ROOT / "benchmarks").glob("*.py")} \
    | {p.stem for p in _test_files()}


def test_package_imports_are_runtime_dependencies():
    runtime, _test = _declared()
    imports = _third_party(_imports(sorted((ROOT / "vitalegraph").rglob("*.py"))), LOCAL)
    assert {"rdflib", "pyoxigraph", "networkx", "pyshacl"} <= set(imports)   # the scan sees real imports
    missing = {m: sorted(f) for m, f in imports.items() if _distribution(m) not in runtime}
    assert not missing, f"imported by the package but not in [project] dependencies: {missing}"


def test_modules_needed_through_library_calls_are_declared():
    runtime, _test = _declared()
    package = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "vitalegraph").rglob("*.py"))
    for call, modules in NEEDED_THROUGH.items():
        if call.split(".")[-1] + "(" not in package:
            continue
        for module in modules:
            assert _distribution(module) in runtime, f"{call} needs {module}: declare it in [project] dependencies"


def test_declared_dependencies_are_installed_and_used():
    """No stale entry: every declared runtime distribution is installed and used (imported, run as a
    program, or needed through a library call)."""
    runtime, test = _declared()
    imported = {_distribution(m) for m in _third_party(_imports(sorted((ROOT / "vitalegraph").rglob("*.py"))), LOCAL)}
    through = {_distribution(m) for ms in NEEDED_THROUGH.values() for m in ms}
    package = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "vitalegraph").rglob("*.py"))
    files_of = {_distribution(m) for m in re.findall(r'find_spec\("(\w+)"\)', package)}   # files read from a package
    programs = {"oxigraph"}   # the server binary, run by vitalegraph.serve
    assert runtime - imported - through - files_of - programs == set()
    assert requires("vitalegraph") is not None


def test_test_imports_are_declared():
    runtime, test = _declared()
    files = _test_files() + sorted((ROOT / "benchmarks").glob("*.py")) \
        + sorted((ROOT / "notebooks").glob("*.ipynb"))
    imports = _third_party(_imports(files), LOCAL)
    assert {"pytest", "selenium"} <= set(imports)
    missing = {m: sorted(f) for m, f in imports.items() if _distribution(m) not in runtime | test}
    assert not missing, f"imported by tests, benchmarks or notebooks but not declared: {missing}"
