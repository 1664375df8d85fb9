"""Shared fixtures: the seed dataset, built once per test session into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"

# Stored copies of other projects' files (data for test_reference_sources.py), not tests to collect.
collect_ignore_glob = ["pipeline/fixtures/*"]


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build the seed sources once; returns the BuildResult (``.files`` are the TTL and TriG)."""
    from vitalegraph.build import build

    out = tmp_path_factory.mktemp("built")
    return build(SOURCES, out)


@pytest.fixture(scope="session")
def dataset(built):
    """The built Turtle file loaded into Oxigraph (a vitalegraph.query.Dataset)."""
    from vitalegraph.query import load_dataset

    return load_dataset(built.files[0])


@pytest.fixture
def sources_copy(tmp_path):
    """A writable copy of the seed sources folder."""
    dest = tmp_path / "sources"
    shutil.copytree(SOURCES, dest)
    return dest


def run(*args, cwd=ROOT, env=None):
    """``python -m vitalegraph ARGS`` in a new process, as a user runs it; the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})
