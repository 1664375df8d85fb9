"""Serialisation, held exactly: the canonical order of triples and quads, the graph sizes, and the
atomic writes (stale temporary files, name collisions, failures, permissions).

Written against the mutants that survived ``benchmarks/mutation.py serialize``.
"""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

from vitalegraph.namespaces import DCTERMS, FOAF, RDF
from vitalegraph.pipeline import serialize
from vitalegraph.pipeline.serialize import (atomic_write, atomic_write_many, dataset_bytes, sorted_quads,
                                            sorted_triples, trig_bytes, turtle_bytes)

EX = "https://w3id.org/vitalegraph/id/"
A, B = ox.NamedNode(EX + "a"), ox.NamedNode(EX + "b")
TYPE, NAME, KNOWS = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(FOAF.name)), ox.NamedNode(str(FOAF.knows))
PERSON = ox.NamedNode(str(FOAF.Person))
SOURCE = ox.NamedNode(str(DCTERMS.source))      # sorts before rdf:type
BLANK = ox.BlankNode("b0")
G1, G2 = ox.NamedNode("https://w3id.org/vitalegraph/graph/one"), ox.NamedNode("https://w3id.org/vitalegraph/graph/two")
DEFAULT = ox.DefaultGraph()

QUADS = [
    ox.Quad(B, NAME, ox.Literal("Bea"), G2),
    ox.Quad(A, NAME, ox.Literal("Anna"), G2),
    ox.Quad(A, KNOWS, B, G1),
    ox.Quad(A, TYPE, PERSON, G2),
    ox.Quad(A, NAME, ox.Literal("Anna"), G1),       # the same triple in a second graph
    ox.Quad(A, NAME, ox.Literal("Anna"), G1),       # and twice in that graph
    ox.Quad(A, NAME, ox.Literal("Ann"), DEFAULT),
    ox.Quad(B, KNOWS, A, G1),
    ox.Quad(A, SOURCE, B, G1),
    ox.Quad(BLANK, NAME, ox.Literal("Blank"), G1),   # '_:b0' sorts after every '<iri>'
]


def test_triples_are_distinct_and_in_canonical_order():
    assert [(t.subject, t.predicate, t.object) for t in sorted_triples(QUADS)] == [
        (A, TYPE, PERSON),                                # rdf:type first, though dct:source sorts before it
        (A, SOURCE, B),
        (A, KNOWS, B),
        (A, NAME, ox.Literal("Ann")),
        (A, NAME, ox.Literal("Anna")),
        (B, KNOWS, A),
        (B, NAME, ox.Literal("Bea")),
        (BLANK, NAME, ox.Literal("Blank")),
    ]


def test_quads_are_in_graph_order_then_canonical_order():
    assert list(sorted_quads(QUADS)) == [
        ox.Quad(A, SOURCE, B, G1),
        ox.Quad(A, KNOWS, B, G1),
        ox.Quad(A, NAME, ox.Literal("Anna"), G1),
        ox.Quad(B, KNOWS, A, G1),
        ox.Quad(BLANK, NAME, ox.Literal("Blank"), G1),
        ox.Quad(A, TYPE, PERSON, G2),
        ox.Quad(A, NAME, ox.Literal("Anna"), G2),
        ox.Quad(B, NAME, ox.Literal("Bea"), G2),
        ox.Quad(A, NAME, ox.Literal("Ann"), DEFAULT),     # compared as N-Triples terms: 'DEFAULT' > '<...>'
    ]


def test_serialisations_are_the_sorted_statements_with_the_prefixes():
    ttl = turtle_bytes(QUADS).decode()
    assert "@prefix foaf: <http://xmlns.com/foaf/0.1/> ." in ttl and "vgid:a" in ttl
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)} \
        == set(sorted_triples(QUADS))
    assert ttl.index("vgid:a") < ttl.index("vgid:b") and ttl.index("foaf:Person") < ttl.index("foaf:knows")
    trig = trig_bytes(QUADS).decode()
    assert "@prefix vgraph: <https://w3id.org/vitalegraph/graph/> ." in trig and "vgraph:one {" in trig
    assert set(ox.parse(trig.encode(), format=ox.RdfFormat.TRIG)) == set(sorted_quads(QUADS))
    assert trig.index("vgraph:one") < trig.index("vgraph:two")


def test_dataset_bytes_is_both_with_one_sort_and_counts_the_named_graphs():
    sizes = {}
    tuples = [(q.subject, q.predicate, q.object, q.graph_name) for q in QUADS]
    assert dataset_bytes(tuples, sizes) == (turtle_bytes(QUADS), trig_bytes(QUADS))
    assert sizes == {G1.value: 5, G2.value: 3}            # distinct triples; the default graph is not counted
    assert dataset_bytes(QUADS) == (turtle_bytes(QUADS), trig_bytes(QUADS))


def test_atomic_write_makes_folders_and_replaces_whole_files(tmp_path):
    target = tmp_path / "a" / "b" / "data.ttl"
    atomic_write(str(target), b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["data.ttl"]


def test_stale_temporary_files_of_that_name_only_are_removed(tmp_path):
    name = "void[1].ttl"                                   # glob characters in the name
    stale = [tmp_path / f".{name}.abc.tmp", tmp_path / f".{name}.0123456789ab.tmp"]
    other = [tmp_path / ".void1.ttl.abc.tmp", tmp_path / ".other.ttl.abc.tmp", tmp_path / f".{name}.abc.tmp.keep"]
    for p in stale + other:
        p.write_bytes(b"left")
    atomic_write_many({tmp_path / name: b"new"})
    assert (tmp_path / name).read_bytes() == b"new"
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"left" for p in other)


def test_a_temporary_name_taken_by_someone_else_is_left_alone(tmp_path, monkeypatch):
    names, sizes = iter(["aaaaaaaaaaaa", "bbbbbbbbbbbb"]), []
    monkeypatch.setattr(serialize.secrets, "token_hex", lambda n: sizes.append(n) or next(names))
    theirs = tmp_path / ".y.ttl.aaaaaaaaaaaa.tmp"
    real_open = os.open

    def open_after_someone_else(path, *args):               # another process takes the first name first
        if path == str(theirs):
            theirs.write_bytes(b"theirs")
        return real_open(path, *args)
    monkeypatch.setattr(serialize.os, "open", open_after_someone_else)
    atomic_write_many({tmp_path / "y.ttl": b"two"})
    assert (tmp_path / "y.ttl").read_bytes() == b"two" and theirs.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".y.ttl.aaaaaaaaaaaa.tmp", "y.ttl"]
    assert sizes == [6, 6]                                   # twelve hex digits a name


def test_a_failed_write_touches_no_target_and_leaves_no_temporary_file(tmp_path):
    old = tmp_path / "old.ttl"
    old.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write_many({old: b"new", tmp_path / "second.ttl": "not bytes"})
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.ttl"]


def test_a_temporary_file_already_gone_is_no_error(tmp_path, monkeypatch):
    real_fdopen = os.fdopen

    def fail_after_removing(fd, *args):
        for p in tmp_path.glob(".*.tmp"):
            p.unlink()
        os.close(fd)
        raise OSError("disk full")
    monkeypatch.setattr(serialize.os, "fdopen", fail_after_removing)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_many({tmp_path / "a.ttl": b"a"})
    monkeypatch.setattr(serialize.os, "fdopen", real_fdopen)
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_is_readable_by_all_the_umask_allows(tmp_path):
    umask = os.umask(0)
    try:
        atomic_write(tmp_path / "open.ttl", b"x")
        assert (tmp_path / "open.ttl").stat().st_mode & 0o777 == 0o666
    finally:
        os.umask(umask)


def test_a_stale_file_removed_by_someone_else_first_is_no_error(tmp_path, monkeypatch):
    gone = tmp_path / ".a.ttl.0123456789ab.tmp"               # listed, then removed by another build
    monkeypatch.setattr(type(tmp_path), "glob", lambda self, pattern: iter([gone]))
    atomic_write_many({tmp_path / "a.ttl": b"a"})
    assert (tmp_path / "a.ttl").read_bytes() == b"a"
