"""The ontology documents every term it defines, and it agrees with the shapes under RDFS inference."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, URIRef

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "vitalegraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
VG = "https://w3id.org/vitalegraph/def#"
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def data(built):
    return rdflib.Graph().parse(built.files[0])


def _terms(g: rdflib.Graph) -> list[URIRef]:
    return sorted({t for kind in TERM_TYPES for t in g.subjects(RDF.type, kind) if str(t).startswith(VG)})


def test_every_term_has_one_label_and_a_comment_in_dutch_and_english(ontology):
    terms = _terms(ontology)
    assert len(terms) >= 48
    missing = []
    for t in terms:
        for lang in ("nl", "en"):
            labels = [o for o in ontology.objects(t, RDFS.label) if getattr(o, "language", None) == lang]
            comments = [o for o in ontology.objects(t, RDFS.comment) if getattr(o, "language", None) == lang]
            if len(labels) != 1 or not comments or not all(str(c).strip() for c in comments):
                missing.append(f"{t.removeprefix(VG)} @{lang}: {len(labels)} labels, {len(comments)} comments")
    assert missing == []


def test_every_vg_term_in_the_dataset_is_defined_in_the_ontology(ontology, data):
    defined = {s for s in ontology.subjects() if isinstance(s, URIRef)}
    used = {n for triple in data for n in triple if isinstance(n, URIRef) and str(n).startswith(VG)}
    assert used and sorted(used - defined) == []


def _violations(data: rdflib.Graph, ontology: rdflib.Graph, inference: str) -> list[str]:
    import pyshacl
    from rdflib.namespace import SH

    conforms, report, _text = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SHAPES),
                                               ont_graph=ontology, inference=inference)
    results = sorted(f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: {report.value(r, SH.resultMessage)}"
                     for r in report.subjects(RDF.type, SH.ValidationResult))
    assert conforms == (not results)
    return results


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_built_dataset_conforms_with_and_without_rdfs_inference(data, ontology, inference):
    assert _violations(data, ontology, inference) == []


def test_evidence_as_a_derivation_would_break_the_shapes_under_rdfs(data, ontology):
    """Why vg:evidence is not a sub-property of prov:wasDerivedFrom (see its comment in the ontology)."""
    axiom = (URIRef(VG + "evidence"), RDFS.subPropertyOf, PROV.wasDerivedFrom)
    assert axiom not in ontology
    wrong_ontology, wrong_data = rdflib.Graph(), rdflib.Graph()
    for graph, source in ((wrong_ontology, ontology), (wrong_data, data)):
        for triple in source:
            graph.add(triple)
        graph.add(axiom)
    found = _violations(wrong_data, wrong_ontology, "rdfs")
    assert found and all(str(PROV.wasDerivedFrom) in v for v in found)


def test_every_concept_and_scheme_has_a_label_and_a_comment_in_dutch_and_english(ontology):
    """The SKOS concepts and schemes the ontology defines (roles, functions, stances, document kinds,
    bases) are terms too: an RDFS tool finds their rdfs:label and rdfs:comment in both languages."""
    from rdflib.namespace import SKOS

    concepts = sorted({s for kind in (SKOS.Concept, SKOS.ConceptScheme) for s in ontology.subjects(RDF.type, kind)}
                      | {s for s in ontology.subjects(SKOS.inScheme, None)})
    assert len(concepts) >= 25
    missing = [f"{c} @{lang}" for c in concepts for lang in ("nl", "en")
               if not any(getattr(o, "language", None) == lang for o in ontology.objects(c, RDFS.label))
               or not any(getattr(o, "language", None) == lang and str(o).strip() for o in ontology.objects(c, RDFS.comment))]
    assert missing == []
