"""A real SPARQL endpoint: the Oxigraph server on the built dataset, read-only, behind a guard.

:func:`start_server` loads a dataset file into a temporary Oxigraph store with ``oxigraph load``
and starts ``oxigraph serve-read-only`` on it, so the server itself refuses every update. That
server listens on 127.0.0.1 on a private port only; on the public host and port stands the guard
(:mod:`vitalegraph.endpoint.guard`), which refuses ``SERVICE`` (the Oxigraph server would send those
requests anywhere) and updates, adds the predeclared prefixes, enforces the query time limit
(``timeout``, default 30 s) and forwards everything else. The
named graphs of a TriG or N-Quads file stay named graphs (``GRAPH <.../graph/004_...>``); the
default graph holds the merged triples of all graphs (each triple once), so that a query without
``GRAPH`` answers exactly as ``vitalegraph query`` does on ``vitalegraph.ttl``.

The server also answers the SPARQL 1.1 protocol at ``/query`` (and ``/sparql``), and serves its
own query page (YASGUI, bundled in the binary: no CDN) at ``/``. With ``read_only=False`` it is a
writable ``oxigraph serve`` whose Graph Store Protocol is at ``/store`` (what ``vitalegraph push``
needs, and what the tests use), listening directly, without the guard: a target for tests on this
machine, not an endpoint to publish.

The binary comes from the ``oxigraph`` PyPI package (``pip install oxigraph``, or the project's
``server`` extra).

One module of about 400 lines on purpose: preparing the store, starting the server, waiting until
it answers and stopping it (removing the store on every path out) are one lifetime, read together.

Examples
--------
::

    from vitalegraph.serve import start_server
    with start_server("data/vitalegraph.trig", port=7878) as server:
    # -> ...     print(server.query_url)
    # -> http://127.0.0.1:7878/query
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataFileError, EndpointError

if TYPE_CHECKING:  # pragma: no cover
    import subprocess

__all__ = ["Server", "start_server", "find_oxigraph", "default_data", "free_port", "DEFAULT_PORT", "DEFAULT_HOST",
           "DEFAULT_QUERY_TIMEOUT"]

DEFAULT_PORT = 7878
DEFAULT_HOST = "127.0.0.1"
#: seconds a query may run on ``vitalegraph serve`` before it is stopped (HTTP 503)
DEFAULT_QUERY_TIMEOUT = 30.0

_DATASET_SUFFIXES = (".trig", ".nq")
_KNOWN_SUFFIXES = (".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf", ".xml", ".owl")


def default_data() -> Path:
    """``data/vitalegraph.trig`` if it exists (named graphs), else ``data/vitalegraph.ttl``.

    Returns
    -------
    Path
        Relative to the current folder, like the other commands' defaults.

    Examples
    --------
    >>> default_data().name in ("vitalegraph.trig", "vitalegraph.ttl")
    True
    """
    from .. import paths

    trig = paths.DEFAULT_DATA.with_suffix(".trig")
    return trig if trig.is_file() else paths.DEFAULT_DATA


def find_oxigraph() -> str:
    """The path of the ``oxigraph`` server binary.

    The one installed next to the running Python is preferred (the ``oxigraph`` PyPI package puts
    it there), then the first on ``PATH``.

    Returns
    -------
    str

    Raises
    ------
    EndpointError
        If no ``oxigraph`` binary is installed.
    """
    import shutil

    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise EndpointError("the Oxigraph server is not installed: pip install oxigraph "
                        "(a dependency of vitalegraph: pip install -e . installs it)")


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port on *host* that nothing listens on now (for tests and benchmarks).

    Examples
    --------
    >>> 0 < free_port() < 65536
    True
    """
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _check_port(host: str, port: int) -> None:
    import socket

    if not 0 < port < 65536:
        raise EndpointError(f"--port must be between 1 and 65535, got {port}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise EndpointError(f"cannot serve on {host}:{port}: unknown host ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind(address)
        except OSError as exc:
            raise EndpointError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; "
                                "choose another with --port") from None


def _url_host(host: str) -> str:
    """The host to put in URLs: a wildcard address is reached through the loopback one."""
    host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1", "[::]": "::1"}.get(host, host)
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


@dataclass
class Server:
    """A running Oxigraph server; stop it with :meth:`stop` or use it as a context manager.

    Attributes
    ----------
    base_url : str
        ``http://HOST:PORT`` (the query page is at ``/``).
    query_url : str
        The SPARQL query endpoint, ``base_url + "/query"``.
    store_url : str
        The Graph Store Protocol endpoint, ``base_url + "/store"`` (writable servers only).
    update_url : str
        The SPARQL update endpoint, ``base_url + "/update"`` (refused by a read-only server).
    read_only : bool
    data : Path or None
        The dataset file served, if any.
    load_seconds : float
        Time to load the data into the store (0 for an empty server).
    counts : dict
        ``quads``, ``triples`` (distinct, the default graph) and ``graphs`` (named graphs).
    bind : str
        The ``HOST:PORT`` the server listens on.
    front : vitalegraph.endpoint.guard.Front or None
        The guard on ``bind`` (read-only servers); the Oxigraph server is then at ``upstream_url``.
    upstream_url : str
        ``http://127.0.0.1:PRIVATE_PORT``, where the Oxigraph server itself listens (for tests).
    query_timeout : float
        Seconds a query may run (read-only servers).
    """

    process: subprocess.Popen
    base_url: str
    read_only: bool
    data: Path | None
    workdir: Path
    load_seconds: float = 0.0
    counts: dict = field(default_factory=dict)
    bind: str = ""
    front: object = None
    upstream_url: str = ""
    query_timeout: float = 0.0

    @property
    def query_url(self) -> str:
        return self.base_url + "/query"

    @property
    def store_url(self) -> str:
        return self.base_url + "/store"

    @property
    def update_url(self) -> str:
        return self.base_url + "/update"

    def running(self) -> bool:
        """True while the server process (and its guard) is alive."""
        return self.process.poll() is None and (self.front is None or self.front.alive())

    def stop(self, grace: float = 5.0) -> None:
        """Terminate the server (then kill it if it does not stop within *grace* seconds) and
        remove its temporary store. Safe to call more than once."""
        import shutil
        import subprocess

        try:
            if self.front is not None:
                self.front.stop()
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(grace)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(grace)
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def wait(self) -> int:
        """Block until the server process ends; its exit status."""
        return self.process.wait()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: have the kernel stop the server if the Python process that started it dies."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort only
        pass


def _run(cmd: list[str], what: str, log: Path) -> None:
    import subprocess

    with open(log, "ab") as fh:
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=fh, check=False)
    if done.returncode != 0:
        lines = [ln.strip() for ln in log.read_text("utf-8", "replace").splitlines() if ln.strip()]
        detail = next((ln for ln in lines if "rror" in ln), lines[0] if lines else f"exit status {done.returncode}")
        raise DataFileError(f"{what}: {' '.join(detail.split())[:300]}")


def _prepare(data: Path, workdir: Path) -> tuple[list[Path], dict]:
    """The files to load (the data, plus its merged triples for a dataset file) and the counts."""
    import pyoxigraph as ox

    from ..query.engine import _rdf_format

    fmt = _rdf_format(data)
    counts = {"quads": 0, "triples": 0, "graphs": 0}
    # distinct quads and triples are counted by their hashes: exact in practice, and a tenth of the memory
    quad_hashes: set[int] = set()
    triple_hashes: set[int] = set()
    graphs: set = set()

    def triples(quads):
        for q in quads:
            quad_hashes.add(hash(q))
            triple = q.triple
            triple_hashes.add(hash(triple))
            if not isinstance(q.graph_name, ox.DefaultGraph):
                graphs.add(q.graph_name)
            yield triple

    try:
        if data.suffix.lower() in _DATASET_SUFFIXES or fmt == ox.RdfFormat.JSON_LD:
            # the default graph gets every triple of every graph (the store keeps each once)
            merged = workdir / "merged.nt"
            ox.serialize(triples(ox.parse(path=str(data), format=fmt)), output=str(merged),
                         format=ox.RdfFormat.N_TRIPLES)
            counts.update(quads=len(quad_hashes), triples=len(triple_hashes), graphs=len(graphs))
            return ([data, merged] if graphs else [data]), counts
        n = len({hash(q) for q in ox.parse(path=str(data), format=fmt)})
    except (SyntaxError, ValueError, OSError) as exc:
        raise DataFileError(f"{data}: not a readable RDF file ({str(exc).splitlines()[0]}); "
                            "rebuild it with `vitalegraph build`") from None
    counts["quads"] = counts["triples"] = n
    return [data], counts


def start_server(data: str | Path | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 read_only: bool = True, cors: bool = False, wait: float = 30.0,
                 timeout: float = DEFAULT_QUERY_TIMEOUT) -> Server:
    """Load *data* into a temporary Oxigraph store and start the Oxigraph server on it.

    Parameters
    ----------
    data : path, optional
        The dataset file (``.trig``, ``.ttl``, ``.nt``, ``.nq``, ``.jsonld``, ``.rdf``). ``None``
        starts an empty server (only with ``read_only=False``, e.g. as a target of ``push``).
    host, port : str, int
        Where to listen; default ``127.0.0.1:7878``.
    read_only : bool
        ``True`` (default) runs ``oxigraph serve-read-only`` on 127.0.0.1 behind the guard
        (:mod:`vitalegraph.endpoint.guard`): updates and ``SERVICE`` are refused. ``False`` runs a
        writable ``oxigraph serve`` directly on *host*:*port*, without the guard.
    cors : bool
        Allow cross-origin requests (for browser pages served from elsewhere).
    wait : float
        Seconds to wait for the server to answer before giving up.
    timeout : float
        Seconds a query may run on a read-only server; past it the answer is HTTP 503 (default 30).

    Returns
    -------
    Server
        Running and answering; call :meth:`Server.stop` (or use ``with``) to stop it.

    Raises
    ------
    DataFileError
        If *data* is missing or not valid RDF.
    EndpointError
        If the Oxigraph binary is missing, the port is taken, or the server does not come up.

    Examples
    --------
    ::

        with start_server(None, port=free_port(), read_only=False) as s:
        # -> ...     s.running()
        # -> True
    """
    import shutil
    import subprocess
    import tempfile

    if data is None and read_only:
        raise EndpointError("a read-only server needs data: pass a dataset file")
    if not timeout > 0:
        raise EndpointError(f"the query time limit must be more than 0 seconds, got {timeout:g}")
    if data is not None:
        data = Path(data)
        if not data.is_file():
            raise DataFileError(f"{data}: no such data file; run `vitalegraph build` first, or pass --data FILE")
        if data.suffix.lower() not in _KNOWN_SUFFIXES:
            raise DataFileError(f"{data}: unknown RDF file type '{data.suffix}'; use .ttl, .trig, .nt, .nq, .jsonld or .rdf")
    host = host.strip("[]")
    binary = find_oxigraph()
    _check_port(host, port)
    workdir = Path(tempfile.mkdtemp(prefix="vitalegraph-serve-"))
    log = workdir / "server.log"
    process = None
    server = None
    try:
        store = workdir / "store"
        counts: dict = {"quads": 0, "triples": 0, "graphs": 0}
        load_seconds = 0.0
        if data is not None:
            started = time.perf_counter()
            files, counts = _prepare(data, workdir)
            _run([binary, "load", "--location", str(store), "--file", *map(str, files)],
                 f"{data}: the Oxigraph server cannot load it", log)
            load_seconds = time.perf_counter() - started
        bind = f"[{host}]" if ":" in host else host
        # read-only: the Oxigraph server on a private loopback port, the guard on the public one
        private = free_port(DEFAULT_HOST) if read_only else port
        cmd = [binary, "serve-read-only" if read_only else "serve",
               "--bind", f"{DEFAULT_HOST}:{private}" if read_only else f"{bind}:{port}"]
        if data is not None:
            cmd += ["--location", str(store)]
        if cors:
            cmd.append("--cors")
        if read_only:
            cmd += ["--timeout-s", str(max(1, math.ceil(timeout)))]
        with open(log, "ab") as fh:
            process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=fh,
                                       preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        upstream = f"http://{DEFAULT_HOST}:{private}" if read_only else f"http://{_url_host(host)}:{port}"
        server = Server(process, upstream, read_only, data, workdir, load_seconds, counts, f"{bind}:{port}",
                        upstream_url=upstream, query_timeout=timeout if read_only else 0.0)
        _wait_until_up(server, log, wait)
        if read_only:
            from .guard import start_front

            try:
                server.front = start_front(host, port, (DEFAULT_HOST, private), timeout, cors)
            except OSError as exc:
                raise EndpointError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; "
                                    "choose another with --port") from None
            server.base_url = f"http://{_url_host(host)}:{port}"
        return server
    except BaseException:
        if server is not None and server.front is not None:
            server.front.stop()
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _wait_until_up(server: Server, log: Path, wait: float) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + wait
    while True:
        if server.process.poll() is not None:
            lines = [ln.strip() for ln in log.read_text("utf-8", "replace").splitlines() if ln.strip()]
            raise EndpointError(f"the Oxigraph server stopped at start ({' '.join((lines or ['no message'])[-1].split())[:300]})")
        try:
            with urllib.request.urlopen(server.base_url + "/", timeout=1) as r:
                r.read()
            return
        except urllib.error.HTTPError:
            return  # it answers: that is all we wait for
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise EndpointError(f"the Oxigraph server did not answer at {server.base_url} within {wait:g} s")
        time.sleep(0.05)
