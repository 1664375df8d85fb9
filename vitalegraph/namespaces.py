"""The vocabularies VitaleGraph uses, one :class:`rdflib.Namespace` each.

Every IRI the code writes is built from these objects, so that no IRI is spelled out twice.
The prefixes are those of ``ontology/vitalegraph.ttl``; :func:`shorten` writes an IRI with them.
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE", "VG", "ID", "GRAPH", "ORG", "OA", "SCHEMA", "SKOSXL", "SPDX", "DCAT", "VOID",
    "TOOI", "WD", "NIF", "ITSRDF", "ID_KINDS", "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "PREFIXES",
    "shorten",
]

BASE = "https://w3id.org/vitalegraph/"
VG = Namespace(BASE + "def#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
TOOI = Namespace("https://identifier.overheid.nl/tooi/id/")
WD = Namespace("http://www.wikidata.org/entity/")
#: the NLP Interchange Format 2.1 core (the source texts, their paragraphs, sentences and mentions)
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
#: the Internationalization Tag Set's RDF terms (``itsrdf:taIdentRef``: the entity a mention names)
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

#: the kinds of identifier under ``ID``; each is also a prefix (``person:annet-bertram``)
ID_KINDS = (
    "adoption", "agreement", "claim", "commitment", "department", "district", "document", "evaluation", "evidence",
    "function", "membership", "municipality", "organisation", "paragraph", "party", "person", "phrase", "place",
    "post", "programme", "project", "publication", "result", "role", "rule", "sentence", "source", "spelling",
    "step", "team", "text", "theme", "thing",
)

#: prefix -> namespace, in the order they are written at the top of every file.
PREFIXES = {
    "vg": str(VG),
    "vgid": str(ID),
    **{kind: f"{ID}{kind}/" for kind in ID_KINDS},
    "vgraph": str(GRAPH),
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "itsrdf": str(ITSRDF),
    "nif": str(NIF),
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "skosxl": str(SKOSXL),
    "spdx": str(SPDX),
    "void": str(VOID),
    "wd": str(WD),
    "xsd": str(XSD),
}

_SORTED_PREFIXES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def shorten(iri: str) -> str:
    """A prefixed name for *iri* where a known prefix fits, else ``<iri>``.

    >>> shorten("https://w3id.org/vitalegraph/id/person/annet-bertram")
    'person:annet-bertram'
    """
    for prefix, ns in _SORTED_PREFIXES:
        if iri.startswith(ns) and "/" not in iri[len(ns):] and "#" not in iri[len(ns):]:
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"
