"""Stage 7 — serialisation: deterministic, atomic files.

The same quads always give the same bytes: triples are sorted (by subject, then ``rdf:type``
first, then predicate and object, compared as N-Triples terms) before Oxigraph writes them with
the fixed prefixes of :data:`vitalegraph.namespaces.PREFIXES`. A file is first written beside its
target under a temporary name and then renamed over it, so a reader sees the old file or the new
one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .namespaces import PREFIXES, RDF

__all__ = ["sorted_triples", "sorted_quads", "turtle_bytes", "trig_bytes", "atomic_write", "atomic_write_many"]

_TYPE = ox.NamedNode(str(RDF.type))


def _key(t) -> tuple:
    return (str(t.subject), t.predicate != _TYPE, str(t.predicate), str(t.object))


def sorted_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The distinct triples of *quads* (all graphs merged), in canonical order."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(triples, key=_key)


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """*quads* in canonical order: by graph, then as :func:`sorted_triples`."""
    return sorted(set(quads), key=lambda q: (str(q.graph_name), *_key(q)))


def turtle_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """Turtle of all triples in one graph, deterministic."""
    return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def trig_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """TriG with one named graph per source (and reference, ontology), deterministic."""
    return ox.serialize(sorted_quads(quads), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder and a rename."""
    atomic_write_many({Path(path): data})


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Write several files so that each is whole; nothing is renamed until all are written.

    If writing any file fails, no target is touched and the temporary files are removed.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((tmp, path))
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
