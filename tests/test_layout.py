"""The folders follow the data, which flows one way: no module imports from a part further down the line.

Every import of every module in ``vitalegraph/`` is read with :mod:`ast` (those inside functions too),
so that a lazy import cannot turn the flow round unseen.

The tests follow the same folders: ``tests/<part>/`` holds the tests of ``vitalegraph/<part>/``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "vitalegraph"

#: the parts in the order the data flows through them; a part may import from its own folder, from
#: the parts before it and from the shared modules, never from a part after it or beside it
FLOW = (
    ("pipeline",),
    ("query",),
    ("network", "picture", "dataset", "endpoint"),
    ("analysis",),
    ("report",),
    ("build",),
    ("cli",),
)
#: imports between parts of one step that are allowed: a picture draws the networks
BESIDE = {("picture", "network")}
#: used by every part; they import no part
SHARED = ("paths", "errors", "namespaces", "collector", "registry", "transaction")
#: ``python -m vitalegraph`` is the command line
ALIASES = {"__main__": "cli"}

STEP = {part: i for i, step in enumerate(FLOW) for part in step}


def flow_text() -> str:
    """FLOW as the README and CONTRIBUTING.md write it."""
    return " → ".join(step[0] if len(step) == 1 else "(" + " | ".join(step) + ")" for step in FLOW)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(source: str, name: str, is_package: bool = False) -> set[str]:
    """The ``vitalegraph`` modules that module *name* of *source* imports (``from X import m`` gives
    ``X.m`` when ``m`` is a module)."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if _is_module(sub) else target)
    return {t for t in found if t == "vitalegraph" or t.startswith("vitalegraph.")}


def part_of(module: str) -> str | None:
    """The part (a key of STEP, or ``shared``) a ``vitalegraph`` module belongs to; None for the package root."""
    top = module.split(".")[1] if "." in module else None
    if top is None:
        return None
    top = ALIASES.get(top, top)
    if top in SHARED:
        return "shared"
    return top


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_place_in_the_flow():
    unplaced = sorted(module_name(p) for p in MODULES if part_of(module_name(p)) not in (*STEP, "shared", None))
    assert not unplaced, f"put these in FLOW or SHARED (tests/test_layout.py) and the README's Layout: {unplaced}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_go_down_the_flow_only(path):
    me = part_of(module_name(path))
    wrong = []
    for target in sorted(imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")):
        other = part_of(target)
        if other is None or other == me:
            continue
        if me == "shared" and other != "shared":
            wrong.append(f"{target} (a shared module imports no part)")
        elif me in STEP and other in STEP and STEP[other] > STEP[me]:
            wrong.append(f"{target} ({other} comes after {me})")
        elif me in STEP and other in STEP and STEP[other] == STEP[me] and (me, other) not in BESIDE:
            wrong.append(f"{target} ({other} is beside {me}, not before it)")
    assert not wrong, f"{module_name(path)} imports against the flow {flow_text()}: {wrong}"


def test_the_check_sees_lazy_and_relative_imports():
    # inside a function, relative, two levels up: the kind that slips through review
    source = ("import json\nfrom .. import paths, __version__\n"
              "def f():\n    from ..query.output import render\n    from .. import build\n    import vitalegraph.cli\n")
    found = imports(source, "vitalegraph.pipeline.probe")
    assert found == {"vitalegraph", "vitalegraph.paths", "vitalegraph.query.output", "vitalegraph.build", "vitalegraph.cli"}
    assert [part_of(m) for m in sorted(found)] == [None, "build", "cli", "shared", "query"]
    assert imports("from . import view", "vitalegraph.picture.views.teams") == {"vitalegraph.picture.views"}
    assert imports("from .views import view", "vitalegraph.picture", is_package=True) == {"vitalegraph.picture.views"}


def test_the_readme_and_contributing_show_the_same_flow():
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
        assert flow_text() in text, f"{doc} should say: {flow_text()}"


#: folders of registered items (one module a view, an analysis or a statement kind): tested with
#: the part they belong to, by tests/picture/, tests/network/ and tests/pipeline/resolution/
REGISTRIES = {"picture/views", "network/analyses", "pipeline/resolution/curated"}


def _packages() -> set[str]:
    return {p.parent.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("__init__.py")} - {"."}


def _test_folders() -> set[str]:
    tests = ROOT / "tests"
    return {p.parent.relative_to(tests).as_posix() for p in tests.rglob("test_*.py")
            if "fixtures" not in p.parts} - {"."}


def test_tests_mirror_the_package():
    """Every sub-package has its tests in the folder of the same name under tests/, and every
    folder of tests there names a sub-package."""
    packages = _packages() - REGISTRIES
    assert {"pipeline", "pipeline/resolution", "query", "cli"} <= packages   # the scan sees the package
    assert packages - _test_folders() == set(), "sub-packages without tests/<same path>/test_*.py"
    assert _test_folders() - packages == set(), "folders of tests/ that name no sub-package"
    assert REGISTRIES <= _packages(), "a registry folder named here is gone: update REGISTRIES"
