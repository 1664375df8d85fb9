"""A throw-away Virtuoso server for the tests (Debian's ``virtuoso-opensource`` 7.2).

:class:`Virtuoso` writes its own ``virtuoso.ini`` and database folder under a temporary directory,
listens on 127.0.0.1 on two free ports (SQL and HTTP), waits for the HTTP server with a bounded
loop, grants ``SPARQL_UPDATE`` to the ``SPARQL`` user through ``isql-vt`` (so that the Graph Store
Protocol at ``/sparql-graph-crud`` accepts writes) and, on :meth:`Virtuoso.stop`, ends the one
process it started and removes the folder. When ``virtuoso-t`` or ``isql-vt`` is missing, or the
server does not come up in time, the test FAILS with what to do (never skips). Nothing is
installed here: the README's test command installs the package.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

__all__ = ["Virtuoso", "VIRTUOSO", "ISQL"]

VIRTUOSO = "/usr/bin/virtuoso-t"
ISQL = "/usr/bin/isql-vt"
_INSTALL = "install it with `apt-get install -y virtuoso-opensource` (the README's test command does)"

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 4
CheckpointInterval       = 0
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
DirsAllowed              = .
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {root}/vsp
MaxClientConnections        = 4
ServerThreads               = 4
Charset                     = UTF-8

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
"""


class Virtuoso:
    """A running Virtuoso with a writable Graph Store; use it as a context manager or call stop()."""

    def __init__(self, wait: float = 60.0):
        for exe in (VIRTUOSO, ISQL):
            if not Path(exe).is_file():
                pytest.fail(f"{exe} is missing: {_INSTALL}", pytrace=False)
        self.root = Path(tempfile.mkdtemp(prefix="vg-virtuoso-"))
        (self.root / "db").mkdir()
        (self.root / "vsp").mkdir()
        from vitalegraph.endpoint.serve import free_port

        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.ini = self.root / "virtuoso.ini"
        self.ini.write_text(_INI.format(db=self.root / "db", root=self.root, sql_port=self.sql_port,
                                        http_port=self.http_port), encoding="utf-8")
        self.base_url = f"http://127.0.0.1:{self.http_port}"
        self.query_url = self.base_url + "/sparql"
        self.store_url = self.base_url + "/sparql-graph-crud"
        self.log = self.root / "server.out"
        self.started = time.monotonic()
        with open(self.log, "wb") as fh:
            # -f: stay in the foreground, so this is the one process to stop
            self.process = subprocess.Popen([VIRTUOSO, "-f", "-c", str(self.ini)], cwd=self.root,
                                            stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT)
        try:
            self._wait_until_up(wait)
            self._isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - self.started

    def _tail(self) -> str:
        lines = [ln.strip() for ln in self.log.read_text("utf-8", "replace").splitlines() if ln.strip()]
        return " | ".join(lines[-3:]) or "no message"

    def _wait_until_up(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"Virtuoso stopped at start (exit status {self.process.returncode}): {self._tail()}",
                            pytrace=False)
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as r:
                    r.read()
                return
            except urllib.error.HTTPError:
                return  # it answers
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"Virtuoso did not answer at {self.base_url} within {wait:g} s: {self._tail()}",
                            pytrace=False)
            time.sleep(0.2)

    def _isql(self, sql: str) -> None:
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            pytest.fail(f"isql-vt could not run {sql!r}: {(done.stdout + done.stderr).strip()[-300:]}", pytrace=False)

    def stop(self, grace: float = 10.0) -> None:
        """End the server process (kill it after *grace* seconds) and remove its folder."""
        from vitalegraph.endpoint.serve import Server

        Server(self.process, self.base_url, False, None, self.root).stop(grace)

    def __enter__(self) -> "Virtuoso":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
