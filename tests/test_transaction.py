"""A build's outputs change all together or not at all (vitalegraph.transaction, vitalegraph.build)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES
from vitalegraph import transaction
from vitalegraph.build import build
from vitalegraph.errors import OutputError


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry below *folder*: file bytes, or None for a folder."""
    return {str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def changed_sources(tmp_path: Path) -> Path:
    """The seed sources plus one team: a build of them differs from the seed build in every output."""
    sources = tmp_path / "b"
    shutil.copytree(SOURCES, sources)
    page = sources / "004_157f315819f9f14b.txt"
    page.write_bytes(page.read_bytes() + "\n\nUtrecht, Kanaleneiland\n\nToelichting (pdf-bestand)\n\nJeugd\n"
                     " • Anna Jansen (wethouder, PvdA)\n".encode())
    return sources


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """Two whole output folders: the seed build (old) and the build of the changed sources (new)."""
    tmp = tmp_path_factory.mktemp("builds")
    build(SOURCES, tmp / "old")
    build(changed_sources(tmp), tmp / "new")
    return tmp, snapshot(tmp / "old"), snapshot(tmp / "new")


# ------------------------------------------------------------------ the module
def test_commit_replaces_files_and_whole_folders(tmp_path):
    transaction.commit(tmp_path, {"a.ttl": b"A1", "b.ttl": b"B1"}, {"network": {"x.csv": b"x", "y.csv": b"y"}})
    (tmp_path / "keep.txt").write_bytes(b"not ours")
    transaction.commit(tmp_path, {"a.ttl": b"A2"}, {"network": {"y.csv": b"y2"}})
    assert snapshot(tmp_path) == {"a.ttl": b"A2", "b.ttl": b"B1", "keep.txt": b"not ours",
                                  "network": None, "network/y.csv": b"y2"}


def test_commit_removes_folders_it_is_told_to(tmp_path):
    transaction.commit(tmp_path, {"a": b"1"}, {"pictures": {"p.html": b"<p>"}})
    transaction.commit(tmp_path, {"a": b"2"}, {}, remove=("pictures", "network"))
    assert snapshot(tmp_path) == {"a": b"2"}


def test_a_failed_write_changes_nothing_and_leaves_nothing(tmp_path, monkeypatch):
    transaction.commit(tmp_path, {"a.ttl": b"old"}, {"network": {"x.csv": b"old"}})
    before = snapshot(tmp_path)
    real_open = open
    calls = []

    def full_disk(path, mode="r", *args, **kwargs):
        if "x" in mode:
            calls.append(path)
            if len(calls) == 3:                    # the third new file: the disk is full
                raise OSError(28, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk)
    with pytest.raises(OSError, match="No space left"):
        transaction.commit(tmp_path, {"a.ttl": b"new", "b.ttl": b"new"}, {"network": {"x.csv": b"new"}})
    monkeypatch.undo()
    assert len(calls) == 3
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_target_of_the_wrong_kind_is_refused_before_anything_is_written(tmp_path, where):
    (tmp_path / "network").write_bytes(b"a file where a folder goes") if where == "file" else \
        (tmp_path / "a.ttl").mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(OSError, match="not a folder" if where == "file" else "a folder, where"):
        transaction.commit(tmp_path, {"a.ttl": b"new"}, {"network": {"x.csv": b"new"}})
    assert snapshot(tmp_path) == before


def test_recover_finishes_a_commit_killed_between_its_renames(tmp_path, monkeypatch):
    transaction.commit(tmp_path, {"a.ttl": b"old", "b.ttl": b"old"}, {"network": {"x.csv": b"old"}})
    real_replace, real_rename = os.replace, os.rename
    renames = []

    def die_on_second(src, dst):
        renames.append(dst)
        if len(renames) == 3:        # the journal, a.ttl, then SIGKILL: no Python code runs after it
            raise SystemExit("killed")
        return (real_replace if Path(src).is_file() else real_rename)(src, dst)

    monkeypatch.setattr(transaction.os, "replace", die_on_second)
    monkeypatch.setattr(transaction.os, "rename", die_on_second)
    monkeypatch.setattr(transaction.shutil, "rmtree", lambda *a, **k: None)   # a killed process tidies nothing
    with pytest.raises(SystemExit):
        transaction.commit(tmp_path, {"a.ttl": b"new", "b.ttl": b"new"}, {"network": {"x.csv": b"new"}})
    monkeypatch.undo()
    assert (tmp_path / transaction.JOURNAL).is_file()
    assert (tmp_path / "a.ttl").read_bytes() == b"new" and (tmp_path / "b.ttl").read_bytes() == b"old"   # half way
    assert transaction.recover(tmp_path) is True
    assert snapshot(tmp_path) == {"a.ttl": b"new", "b.ttl": b"new", "network": None, "network/x.csv": b"new"}
    assert transaction.recover(tmp_path) is False


def test_recover_removes_what_a_commit_killed_before_its_journal_left(tmp_path):
    (tmp_path / "a.ttl").write_bytes(b"old")
    (tmp_path / ".a.ttl.0123456789ab.tmp").write_bytes(b"half")
    (tmp_path / ".network.0123456789ab.new").mkdir()
    (tmp_path / ".hidden.but.mine").write_bytes(b"not a temporary name")
    assert transaction.recover(tmp_path) is False
    assert snapshot(tmp_path) == {".hidden.but.mine": b"not a temporary name", "a.ttl": b"old"}


# ------------------------------------------------------------------ the build
def test_a_failing_last_stage_leaves_the_output_folder_byte_identical(old_and_new, tmp_path, monkeypatch):
    tmp, old, _new = old_and_new
    out = tmp_path / "out"
    shutil.copytree(tmp / "old", out)
    from vitalegraph.picture import pictures as picture

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the picture stage")

    monkeypatch.setattr(picture, "render_view", broken)
    with pytest.raises(RuntimeError, match="a bug in the picture stage"):
        build(changed_sources(tmp_path), out)
    assert snapshot(out) == old


def test_a_pictures_path_that_is_a_file_stops_the_build_before_it_writes(old_and_new, tmp_path):
    tmp, old, _new = old_and_new
    out = tmp_path / "out"
    shutil.copytree(tmp / "old", out)
    shutil.rmtree(out / "pictures")
    (out / "pictures").write_bytes(b"someone's file")
    before = snapshot(out)
    r = subprocess.run([sys.executable, "-m", "vitalegraph", "build", "--sources", str(changed_sources(tmp_path)),
                        "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith(f"vitalegraph: error: {out / 'pictures'}: cannot write the build (not a folder")
    assert len(r.stderr.splitlines()) == 1
    assert snapshot(out) == before


def test_an_unwritable_output_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:     # root writes anywhere: use a path under a file instead
        (tmp_path / "file").write_bytes(b"")
        out = tmp_path / "file" / "out"
    else:
        out = tmp_path / "ro"
        out.mkdir(mode=0o500)
    with pytest.raises(OutputError, match="not a folder|no permission"):
        build(SOURCES, out)


def test_killed_builds_leave_the_whole_folder_old_or_new(old_and_new, tmp_path):
    """Kill (SIGKILL or SIGTERM) a build of the changed corpus at random moments into a folder that
    holds the old build: every file of the folder (dataset, void.ttl, network files, pictures) is
    the old build's or the new build's, all of one; a kill inside the final renames leaves a journal
    that the next command finishes to the new build."""
    tmp, old, new = old_and_new
    sources = changed_sources(tmp_path)
    out = tmp_path / "out"
    rng = random.Random(11)
    seen = []
    for attempt in range(10):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp / "old", out)
        proc = subprocess.Popen([sys.executable, "-m", "vitalegraph", "build", "--sources", str(sources),
                                 "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(signal.SIGKILL if attempt % 2 else signal.SIGTERM)
        proc.wait(timeout=60)
        if (out / transaction.JOURNAL).exists():
            seen.append("journal")
            transaction.recover(out)
            assert snapshot(out) == new
            continue
        now = {k: v for k, v in snapshot(out).items() if not transaction._TEMP.match(k.split("/")[0])}
        assert now in (old, new), "the folder is neither the old build nor the new one"
        seen.append("new" if now == new else "old")
        if attempt % 2 == 0:     # SIGTERM: the build tidies up after itself
            assert snapshot(out) == now, "a terminated build left temporary files"
    assert cli_build(sources, out).returncode == 0
    assert snapshot(out) == new, "the next build did not tidy up and write the new folder"
    assert "old" in seen        # the kills did land before the end (and after it, in most runs)


def cli_build(sources: Path, out: Path):
    return subprocess.run([sys.executable, "-m", "vitalegraph", "build", "--sources", str(sources), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
