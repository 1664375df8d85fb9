"""Serialisation, the last step of the pipeline: deterministic, atomic files.

The same quads always give the same bytes: triples are sorted (by subject, then ``rdf:type``
first, then predicate and object, compared as N-Triples terms) before Oxigraph writes them with
the fixed prefixes of :data:`vitalegraph.namespaces.PREFIXES`. A file is first written beside its
target under a temporary name and then renamed over it, so a reader sees the old file or the new
one, never half of one.
"""

from __future__ import annotations

import glob
import os
import secrets
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import PREFIXES, RDF

__all__ = ["sorted_triples", "sorted_quads", "turtle_bytes", "trig_bytes", "dataset_bytes", "atomic_write",
           "atomic_write_many"]

_TYPE = ox.NamedNode(str(RDF.type))


def _key(t: tuple) -> tuple:
    return (t[1] != _TYPE, str(t[1]), str(t[2]))


def _canonical(quads, by_graph: dict | None = None) -> Iterator[tuple]:
    """The distinct triples of *quads* as ``(s, p, o, g)`` tuples in canonical order: by subject,
    then ``rdf:type`` first, then by predicate and object (compared as N-Triples terms).

    *quads* are :class:`pyoxigraph.Quad` or ``(s, p, o, g)`` tuples of terms. With *by_graph*, each
    distinct quad is also appended, in the same order, to ``by_graph[g]``: the canonical TriG order
    (by graph, then as here) is that sequence split by graph. Sorting subjects once and each
    subject's few triples apart keeps the memory of the sort keys small for millions of quads.
    """
    groups: dict = {}
    for q in quads:
        t = q if isinstance(q, tuple) else (q.subject, q.predicate, q.object, q.graph_name)
        groups.setdefault(t[0], []).append(t)
    for subject in sorted(groups, key=str):
        last, graphs = None, []
        for t in sorted(groups.pop(subject), key=_key):
            if (t[1], t[2]) != last:      # the same triple in several graphs: once
                last, graphs = (t[1], t[2]), []
                yield t
            if by_graph is not None and t[3] not in graphs:
                graphs.append(t[3])
                by_graph.setdefault(t[3], []).append(t)


def _in_graph_order(by_graph: dict) -> Iterator[ox.Quad]:
    return (ox.Quad(*t) for g in sorted(by_graph, key=str) for t in by_graph.pop(g))


def sorted_triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    """The distinct triples of *quads* (all graphs merged), in canonical order: by subject, then
    ``rdf:type`` first, then by predicate and object (compared as N-Triples terms)."""
    return (ox.Triple(t[0], t[1], t[2]) for t in _canonical(quads))


def sorted_quads(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """*quads* in canonical order: by graph, then as :func:`sorted_triples`."""
    by_graph: dict = {}
    for _t in _canonical(quads, by_graph):
        pass
    return _in_graph_order(by_graph)


def turtle_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """Turtle of all triples in one graph, deterministic."""
    return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def trig_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """TriG with one named graph per source (and reference, ontology), deterministic."""
    return ox.serialize(sorted_quads(quads), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def dataset_bytes(quads: Iterable[ox.Quad] | Iterable[tuple], graph_sizes: dict | None = None
                  ) -> tuple[bytes, bytes]:
    """``(turtle_bytes(quads), trig_bytes(quads))``, with one sort for both.

    *quads* are :class:`pyoxigraph.Quad` or ``(subject, predicate, object, graph)`` tuples of terms
    (what :func:`vitalegraph.graph.build_quad_tuples` makes; faster, no term is copied). The TriG
    order is the Turtle order split by graph (see :func:`_canonical`): less than half the work of
    sorting twice, on three million quads 14 s instead of 36 s.

    With *graph_sizes* (a dict), each named graph's IRI is set to its number of distinct triples:
    what ``queries/describe/graphs.rq`` counts, known here for free.

    Examples
    --------
    >>> s, p, g = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/g")
    >>> sizes = {}
    >>> ttl, trig = dataset_bytes([(s, p, ox.Literal("a"), g), (s, p, ox.Literal("a"), g), (s, p, ox.Literal("b"), g)], sizes)
    >>> sizes
    {'http://example.org/g': 2}
    """
    by_graph: dict = {}
    triples = (ox.Triple(t[0], t[1], t[2]) for t in _canonical(quads, by_graph))
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if graph_sizes is not None:
        graph_sizes.update((g.value, len(ts)) for g, ts in by_graph.items() if isinstance(g, ox.NamedNode))
    return turtle, ox.serialize(_in_graph_order(by_graph), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder and a rename."""
    atomic_write_many({Path(path): data})


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Write several files so that each is whole; nothing is renamed until all are written.

    If writing any file fails, no target is touched and the temporary files are removed; a
    temporary file that a killed process left behind (``.NAME.*.tmp``) is removed by the next write.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):   # left by a killed build
                stale.unlink(missing_ok=True)
            while True:
                # named and listed for removal *before* it exists: an interrupt (SIGTERM, Ctrl-C) that
                # lands between creating the file and listing it (as with tempfile.mkstemp) left it behind
                tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
                temps.append((tmp, path))
                try:
                    # 0666 less the umask, as for any new file (mkstemp's 0600 would hide the dataset)
                    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                    break
                except FileExistsError:   # someone else's file of that name: not ours to remove
                    temps.pop()
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, path in temps:
            os.replace(tmp, path)
        temps = []
    finally:
        for tmp, _path in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
