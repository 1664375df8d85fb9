"""All-or-nothing replacement of a build's outputs in an output folder.

A build writes several files (the dataset, its description) and whole folders (``network/``,
``pictures/``) that must agree with each other. :func:`commit` replaces them as one step:

1. everything new is written beside its target first (``.NAME.<token>.tmp`` files and
   ``.NAME.<token>.new/`` folders) and flushed to disk; a failure here (a full disk, an unwritable
   folder, Ctrl-C) removes what was written and leaves the folder as it was;
2. a journal, ``.vitalegraph-commit.json``, is written atomically: from here on the new outputs are
   whole on disk and the commit can always be finished;
3. the renames, with SIGINT and SIGTERM held back, in a tight loop (microseconds); then the journal
   and the replaced folders are removed.

A process killed with SIGKILL during step 3 leaves the journal; :func:`recover` (which every build
runs first) finishes those renames, so the folder becomes exactly what the interrupted build wrote.
Killed before step 2, it leaves only temporary names, which :func:`recover` removes.

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> commit(out, {"a.ttl": b"A"}, {"network": {"x.csv": b"1"}})
>>> sorted(str(p.relative_to(out)) for p in out.rglob("*"))
['a.ttl', 'network', 'network/x.csv']
>>> commit(out, {"a.ttl": b"B"}, {"network": {"y.csv": b"2"}})   # the folder is replaced whole
>>> sorted(str(p.relative_to(out)) for p in out.rglob("*")), (out / "a.ttl").read_bytes()
(['a.ttl', 'network', 'network/y.csv'], b'B')
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import signal
import threading
from pathlib import Path

__all__ = ["commit", "recover", "JOURNAL"]

JOURNAL = ".vitalegraph-commit.json"
#: the names this module gives its temporary files and folders (and nothing else is removed)
_TEMP = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{12}\.(tmp|new|old)$")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes, made: list[Path]) -> None:
    made.append(path)   # listed before it exists: an interrupt between creating and listing leaves nothing
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _temp_name(out: Path, name: str, kind: str) -> Path:
    return out / f".{name}.{secrets.token_hex(6)}.{kind}"


def commit(out: str | Path, files: dict[str, bytes], folders: dict[str, dict[str, bytes]] | None = None,
           remove: tuple[str, ...] = ()) -> None:
    """Replace *files* and *folders* in *out*, and remove the entries named in *remove*, in one step.

    Parameters
    ----------
    out : folder, created if missing
    files : ``{file name: bytes}`` directly in *out*
    folders : ``{folder name: {file name: bytes}}``; each folder is replaced whole (a file of the old
        folder that the new one lacks is gone afterwards)
    remove : names of folders in *out* that the new outputs do not include and that must go with the
        old ones (they would describe another dataset)

    Raises
    ------
    OSError
        If writing fails (full disk, unwritable folder) or a target is a file where a folder goes (or
        the other way round); nothing in *out* has changed then.
    KeyboardInterrupt
        If interrupted before the journal was written; nothing in *out* has changed then.

    Notes
    -----
    Every byte is written once and flushed; the commit itself is a handful of renames.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    folders = folders or {}
    for name in (*folders, *remove):
        if (out / name).exists() and not (out / name).is_dir():   # not ours to replace: say so, change nothing
            raise NotADirectoryError(errno.ENOTDIR, "not a folder, where the build puts a folder", str(out / name))
    for name in files:
        if (out / name).is_dir():
            raise IsADirectoryError(errno.EISDIR, "a folder, where the build puts a file", str(out / name))
    made: list[Path] = []            # written by this call and removed again unless committed
    steps: list[list[str]] = []      # [kind, new name, target, name of the replaced folder]
    try:
        for name, data in files.items():
            tmp = _temp_name(out, name, "tmp")
            _write_new(tmp, data, made)
            steps.append(["file", tmp.name, name, ""])
        for name, contents in folders.items():
            new = _temp_name(out, name, "new")
            made.append(new)
            new.mkdir()
            for fname, data in contents.items():
                (new / fname).parent.mkdir(parents=True, exist_ok=True)
                with open(new / fname, "xb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            _fsync(new)
            steps.append(["folder", new.name, name, _temp_name(out, name, "old").name])
        for name in remove:
            if (out / name).exists():
                steps.append(["remove", "", name, _temp_name(out, name, "old").name])
        journal = _temp_name(out, JOURNAL.lstrip("."), "tmp")
        _write_new(journal, json.dumps({"steps": steps}, indent=1).encode("utf-8"), made)
        with _signals_held():
            os.replace(journal, out / JOURNAL)   # the commit point: from here on, it is finished
            made = []
            _apply(out, steps)
    finally:
        for path in made:
            with contextlib.suppress(OSError):
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def _apply(out: Path, steps: list[list[str]]) -> None:
    """Carry out the journal's renames (each one only if it is not done yet), then tidy up."""
    for kind, new, target, old in steps:
        if kind == "file":
            if (out / new).exists():
                os.replace(out / new, out / target)
        elif kind == "folder":
            if (out / new).exists():
                if (out / target).exists():
                    os.rename(out / target, out / old)
                os.rename(out / new, out / target)
        elif (out / target).exists():      # remove
            os.rename(out / target, out / old)
    _fsync(out)
    (out / JOURNAL).unlink()
    for _kind, _new, _target, old in steps:
        if old:
            shutil.rmtree(out / old, ignore_errors=True)


def recover(out: str | Path) -> bool:
    """Finish a commit that a killed process left in *out*, and remove its temporary files.

    Returns ``True`` if a commit was finished. A folder without a journal keeps its outputs; only
    names of the form ``.NAME.<12 hex digits>.tmp|new|old`` are removed.
    """
    out = Path(out)
    finished = False
    journal = out / JOURNAL
    if journal.is_file():
        try:
            steps = json.loads(journal.read_text(encoding="utf-8"))["steps"]
        except (ValueError, KeyError, OSError):   # a journal is written whole, then renamed: not expected
            steps = None
        if steps is not None:
            with _signals_held():
                _apply(out, steps)
            finished = True
        else:
            journal.unlink()
    if out.is_dir():
        for entry in out.iterdir():
            if _TEMP.match(entry.name):
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
    return finished


@contextlib.contextmanager
def _signals_held():
    """Hold back SIGINT and SIGTERM (delivered after the block) in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
