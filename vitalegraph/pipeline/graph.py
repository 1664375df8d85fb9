"""Graph, the pipeline after resolution: the resolved entities as RDF quads, one named graph per source document.

Each entity becomes a node under ``https://w3id.org/vitalegraph/id/``; each of its facts a triple
in the named graph of every source that states it (reference data in ``graph/reference``, the
ontology in ``graph/ontology``). Evidence becomes Web Annotation nodes: an ``oa:SpecificResource``
on the source with an ``oa:TextQuoteSelector`` (the exact words) and an ``oa:TextPositionSelector``
(character offsets into the file as decoded UTF-8). No blank nodes: every node has a stable IRI, so
the same sources always give the same quads.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import KeysView
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from ..namespaces import GRAPH, ID, PREFIXES
from .reference import slug
from .resolution import Entity, Evidence, Lit, Model, Ref
from .resolution.model import Claim
from .extraction import normalize_space

__all__ = ["build_quads", "build_quad_tuples", "iri", "graph_iri", "ontology_quads", "KIND_TYPES"]

#: the rdf:type of each kind of entity
KIND_TYPES = {
    "person": ("foaf:Person",), "department": ("vg:Department",), "municipality": ("vg:Municipality",),
    "district": ("vg:District",), "team": ("vg:AdoptionTeam",), "party": ("vg:PoliticalParty",),
    "organisation": ("org:Organization",), "post": ("org:Post",), "membership": ("org:Membership",),
    "theme": ("vg:Theme",), "project": (), "publication": ("vg:Publication",),
    "agreement": ("vg:Agreement",), "step": ("vg:ApproachStep",), "role": ("vg:CoalitionRole", "skos:Concept"),
    "adoption": ("vg:Adoption",), "evaluation": ("vg:Evaluation",), "source": ("vg:SourceDocument",),
    "checksum": ("spdx:Checksum",), "place": ("schema:Place",), "commitment": ("vg:Commitment",),
    "programme": ("vg:Programme",), "document": ("vg:CitedDocument",), "thing": ("schema:Thing",), "result": (),
}
#: the concept of each basis (vitalegraph.pipeline.resolution.model.BASES)
BASIS = {"stated": "vg:Stated", "announced": "vg:Announced", "inferred": "vg:Inferred"}
_LABELLED = {"person", "membership", "evaluation", "step", "checksum", "adoption", "agreement"}

_nodes: dict[str, ox.NamedNode] = {}


def curie(value: str) -> ox.NamedNode:
    """The IRI of a CURIE such as ``org:member``."""
    node = _nodes.get(value)
    if node is None:
        prefix, local = value.split(":", 1)
        node = _nodes[value] = ox.NamedNode(PREFIXES[prefix] + local)
    return node


_iris: dict[str, ox.NamedNode] = {}


def iri(key: str) -> ox.NamedNode:
    """The IRI of an entity key such as ``person/annet-bertram``.

    The same key gives the same Python object, so a million quads share their terms.
    """
    node = _iris.get(key)
    if node is None:
        node = _iris[key] = ox.NamedNode(str(ID) + quote(key, safe="/-_.~"))
    return node


def graph_iri(name: str) -> ox.NamedNode:
    """The IRI of a named graph: a source document's stem, ``reference`` or ``ontology``."""
    return ox.NamedNode(str(GRAPH) + quote(name, safe="-_.~"))


def _literal(lit: Lit) -> ox.NamedNode | ox.Literal:
    if lit.datatype == "curie":
        return curie(lit.value)
    if lit.datatype == "iri":
        return ox.NamedNode(lit.value)
    if lit.lang:
        return ox.Literal(lit.value, language=lit.lang)
    if lit.datatype:
        return ox.Literal(lit.value, datatype=curie(lit.datatype))
    return ox.Literal(lit.value)


@functools.lru_cache(maxsize=None)
def _stem(doc_name: str) -> str:
    return Path(doc_name).stem


def ontology_quads(path: str | Path) -> list[ox.Quad]:
    """The ontology file's triples, in the ``ontology`` named graph."""
    g = graph_iri("ontology")
    return [ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


class _Writer:
    def __init__(self, model: Model):
        self.model = model
        self.texts = {d.name: d.text for d in model.documents}
        # (subject, predicate, object, graph) tuples of shared terms, not pyoxigraph.Quad objects:
        # a Quad copies its four strings (about 0.5 KB each; 1.4 GB for three million quads, against
        # 0.3 GB of tuples), and the graph stage of 10,000 teams takes 6 s instead of 11.
        # The keys of a dict, not a set: distinct all the same, but kept in the order written, so
        # that whoever reads them meets an entity's quads together, close in memory, instead of in
        # hash order (the canonical sort of 10,000 teams' quads 7.9 s -> 3.6 s; 1,000 teams 0.6 -> 0.33 s)
        self.quads: dict[tuple, None] = {}
        self.written: set[Evidence] = set()
        self.graphs = {None: graph_iri("reference")}
        for d in model.documents:
            self.graphs[d.name] = graph_iri(d.stem)

    def add(self, s, p, o, doc: str | None) -> None:
        self.quads[(s, curie(p) if isinstance(p, str) else p, o, self.graphs[doc])] = None

    def evidence(self, ev: Evidence) -> ox.NamedNode:
        key = f"evidence/{_stem(ev.doc)}-{ev.start}-{ev.end}"
        node, doc = iri(key), ev.doc
        if ev in self.written:  # a quote that is evidence for several facts is described once
            return node
        self.written.add(ev)
        q, pos = iri(key + "-quote"), iri(key + "-position")
        self.add(node, "rdf:type", curie("oa:SpecificResource"), doc)
        self.add(node, "oa:hasSource", iri(f"source/{_stem(doc)}"), doc)
        self.add(node, "oa:hasSelector", q, doc)
        self.add(node, "oa:hasSelector", pos, doc)
        self.add(q, "rdf:type", curie("oa:TextQuoteSelector"), doc)
        self.add(q, "oa:exact", ox.Literal(self.texts[doc][ev.start:ev.end]), doc)
        self.add(pos, "rdf:type", curie("oa:TextPositionSelector"), doc)
        # xsd:integer, not the xsd:nonNegativeInteger of the Web Annotation context: Oxigraph's store
        # keeps integer-derived datatypes as xsd:integer, and a round trip through it must not change
        # the data (the shapes require the offsets to be >= 0)
        self.add(pos, "oa:start", ox.Literal(str(ev.start), datatype=curie("xsd:integer")), doc)
        self.add(pos, "oa:end", ox.Literal(str(ev.end), datatype=curie("xsd:integer")), doc)
        return node

    def entity(self, e: Entity) -> None:
        s = iri(e.key)
        docs = sorted(e.docs, key=lambda d: d or "")
        for doc in docs:
            for t in KIND_TYPES[e.kind]:
                self.add(s, "rdf:type", curie(t), doc)
            if e.kind in _LABELLED:
                self.add(s, "skos:prefLabel", ox.Literal(e.label), doc)
        for (p, o), where in e.facts.items():
            obj = iri(o.key) if isinstance(o, Ref) else _literal(o)
            for doc in where:
                self.add(s, p, obj, doc)
        for ev in sorted(e.evidence):
            self.add(s, "vg:evidence", self.evidence(ev), ev.doc)
            self.add(s, "prov:wasDerivedFrom", iri(f"source/{_stem(ev.doc)}"), ev.doc)
            if ev in e.context:   # words that give the setting of its facts, not its name
                self.add(s, "vg:contextEvidence", self.evidence(ev), ev.doc)
        if e.basis is not None:
            for doc in docs:
                if doc is not None:
                    self.add(s, "vg:basis", curie(BASIS[e.basis]), doc)
        for (p, o), claim in sorted(e.claims.items()):
            self.claim(e, s, p, o, claim)
        self.spellings(e, s)

    def claim(self, e: Entity, s: ox.NamedNode, p: str, o: Ref | Lit, claim: Claim) -> None:
        """A fact that is announced or inferred: an rdf:Statement node with its basis, rule and words."""
        digest = hashlib.sha1(f"{p} {o}".encode()).hexdigest()[:10]
        node, doc = iri(f"claim/{e.key.replace('/', '-', 1)}-{digest}"), claim.doc
        self.add(node, "rdf:type", curie("vg:Claim"), doc)
        self.add(node, "rdf:subject", s, doc)
        self.add(node, "rdf:predicate", curie(p), doc)
        self.add(node, "rdf:object", iri(o.key) if isinstance(o, Ref) else _literal(o), doc)
        self.add(node, "vg:basis", curie(BASIS[claim.basis]), doc)
        if claim.rule:
            self.add(node, "vg:rule", iri(f"rule/{claim.rule}"), doc)
        if claim.evidence is not None:
            self.add(node, "vg:evidence", self.evidence(claim.evidence), doc)

    def spellings(self, e: Entity, s: ox.NamedNode) -> None:
        preferred = normalize_space(e.label).casefold()
        short = {w.casefold() for w in e.label.split()[-1:]}
        used: set[str] = set()
        for spelling, evs in sorted(e.spellings.items()):
            local = f"{e.key.replace('/', '-', 1)}-{slug(spelling, 80)}"
            if local in used:  # spellings that differ only in case or punctuation
                local += "-" + hashlib.sha1(spelling.encode()).hexdigest()[:8]
            used.add(local)
            node = iri(f"spelling/{local}")
            docs = sorted({ev.doc for ev in evs})
            variant = (spelling.casefold() != preferred and spelling not in e.notations
                       and not (e.kind == "person" and spelling.casefold() in short))
            for doc in docs:
                self.add(s, "vg:spelling", node, doc)
                self.add(node, "rdf:type", curie("skosxl:Label"), doc)
                self.add(node, "skosxl:literalForm", ox.Literal(spelling), doc)
                self.add(node, "dct:source", iri(f"source/{_stem(doc)}"), doc)
                if variant:
                    self.add(s, "skos:altLabel", ox.Literal(spelling), doc)
            rule = e.inferred_spellings.get(spelling)
            if rule:   # the spelling is this entity's by a rule, not by the source's own words
                for doc in docs:
                    self.add(node, "vg:basis", curie(BASIS["inferred"]), doc)
                    self.add(node, "vg:rule", iri(f"rule/{rule}"), doc)
            for ev in sorted(evs):
                m = self.evidence(ev)
                self.add(s, "vg:mention", m, ev.doc)
                self.add(node, "vg:mention", m, ev.doc)


def build_quad_tuples(model: Model, ontology: str | Path | None = None) -> KeysView[tuple]:
    """All quads of *model* (and of the *ontology* file, if given), as ``(subject, predicate,
    object, graph)`` tuples of pyoxigraph terms: the light form the build works with.

    Parameters
    ----------
    model : Model
        The resolved corpus.
    ontology : path, optional
        ``ontology/vitalegraph.ttl``: its triples go into the ``ontology`` graph so that the
        dataset carries the labels of its roles, functions and classes.

    Returns
    -------
    KeysView of tuple
        Set-like (each quad once), in the order the quads were first written: entity by entity.

    Notes
    -----
    Linear in the number of facts and mentions, and in the length of the texts.
    """
    w = _Writer(model)
    for e in model.entities.values():
        w.entity(e)
    if model.texts:   # the texts as NIF, in a named graph per document (vitalegraph.pipeline.nif)
        from .nif import write_texts

        model.text_triples = write_texts(w, model.texts)
    _iris.clear()
    if ontology is not None:
        w.quads.update(dict.fromkeys((q.subject, q.predicate, q.object, q.graph_name) for q in ontology_quads(ontology)))
    return w.quads.keys()


def build_quads(model: Model, ontology: str | Path | None = None) -> set[ox.Quad]:
    """All quads of *model* (and of the *ontology* file, if given) as :class:`pyoxigraph.Quad`.

    Examples
    --------
    ::

        store = pyoxigraph.Store()
        store.extend(build_quads(model, "ontology/vitalegraph.ttl"))
    """
    return {ox.Quad(*t) for t in build_quad_tuples(model, ontology)}
