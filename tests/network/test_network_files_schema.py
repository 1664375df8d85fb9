"""The GEXF and GraphML network files validate against their XML schemas, offline.

The schemas are in tests/network/schemas/ (tests/network/schemas/README.md says where each file comes from); none
of them is fetched: every include, import and redefine points at a file beside it.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

etree = pytest.importorskip("lxml.etree")

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NETWORK_NAMES = ("actor", "actor-team", "district", "ministry-district")


@pytest.fixture(scope="module")
def schemas():
    """The GEXF 1.2draft and GraphML schemas, compiled once (lxml loads no network resource)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return {suffix: etree.XMLSchema(etree.parse(str(SCHEMAS / path), parser))
            for suffix, path in ((".gexf", "gexf/gexf.xsd"), (".graphml", "graphml/graphml.xsd"))}


def _errors(schema, data: bytes) -> list[str]:
    ok = schema.validate(etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False)))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]


def test_schemas_are_offline():
    for xsd in SCHEMAS.rglob("*.xsd"):
        tree = etree.parse(str(xsd))
        for el in tree.iter("{http://www.w3.org/2001/XMLSchema}include", "{http://www.w3.org/2001/XMLSchema}import",
                            "{http://www.w3.org/2001/XMLSchema}redefine"):
            location = el.get("schemaLocation")
            assert location and "://" not in location and (xsd.parent / location).is_file(), (xsd, location)


def test_every_written_network_file_validates(built, schemas):
    folder = Path(built.files[0]).parent / "network"
    files = sorted(p for p in folder.iterdir() if p.suffix in schemas)
    assert {p.name for p in files} == {f"{n}{s}" for n in NETWORK_NAMES for s in schemas}
    for path in files:
        assert _errors(schemas[path.suffix], path.read_bytes()) == [], path.name


def test_networkx_output_as_such_does_not_validate(schemas):
    """What the files were before: NetworkX's own GEXF and GraphML of an IRI-named, named graph."""
    G = nx.Graph(name="district")
    G.add_edge("https://w3id.org/vitalegraph/id/district/a", "https://w3id.org/vitalegraph/id/district/b", weight=1)
    gexf = "\n".join(nx.generate_gexf(G)).encode()
    graphml = "\n".join(nx.generate_graphml(G)).encode()
    assert any("attribute 'name': The attribute 'name' is not allowed" in e for e in _errors(schemas[".gexf"], gexf))
    assert any("is not a valid value of the atomic type 'xs:NMTOKEN'" in e for e in _errors(schemas[".graphml"], graphml))


def test_files_keep_the_iris_and_the_name():
    from vitalegraph.network.files import network_bytes

    G = nx.Graph(name="district")
    G.add_edge("https://w3id.org/vitalegraph/id/person/b", "https://w3id.org/vitalegraph/id/person/a", weight=2)
    out = network_bytes(G)
    assert out == network_bytes(G.copy())
    H = nx.read_graphml(io.BytesIO(out["graphml"]))
    assert sorted(H) == ["n0", "n1"] and sorted(d["iri"] for _n, d in H.nodes(data=True)) == sorted(G)
    assert H.graph["name"] == "district"
    assert sorted(nx.read_gexf(io.BytesIO(out["gexf"]))) == sorted(G)
    assert b"<description>district</description>" in out["gexf"]
