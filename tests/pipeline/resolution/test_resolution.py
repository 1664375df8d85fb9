"""Resolution (``vitalegraph.pipeline.resolution``): its statement handlers, found by the kind the TOML uses."""

from __future__ import annotations

import pytest

from conftest import SOURCES
from vitalegraph.paths import REFERENCE, STATEMENTS
from vitalegraph.pipeline.reference import load_reference
from vitalegraph.pipeline.resolution import resolve
from vitalegraph.pipeline.resolution.resolver import HANDLERS, handles
from vitalegraph.pipeline.sources import read_sources
from vitalegraph.pipeline.statements import KINDS, load_statements


def _inputs():
    documents = read_sources(SOURCES)
    files, _ = load_statements(STATEMENTS, documents)
    return documents, files, load_reference(REFERENCE)


def test_every_statement_kind_has_one_handler():
    assert sorted(HANDLERS) == sorted(KINDS)


def test_handlers_run_in_the_order_their_references_need():
    order = [kind for kind, _ in sorted(HANDLERS.items(), key=lambda item: item[1][0])]
    assert order == ["mention", "pilot_city", "publication", "cited_document", "pilot", "agreement", "programme",
                     "approach_step", "district_role", "person_function", "membership", "adoption", "entity",
                     "project", "evaluation", "commitment", "participation", "result"]
    assert len({rank for rank, _ in HANDLERS.values()}) == len(HANDLERS)


def test_a_kind_has_one_handler():
    with pytest.raises(ValueError, match="has a handler already"):
        handles("membership", rank=1)(lambda r, st, doc: None)


def test_a_registered_handler_gets_the_statements_of_its_kind(monkeypatch):
    documents, files, reference = _inputs()
    rank, real = HANDLERS["pilot_city"]
    seen = []

    def recording(r, st, doc):
        seen.append((doc.name, st.kind, st.get("name")))
        real(r, st, doc)

    monkeypatch.setitem(HANDLERS, "pilot_city", (rank, recording))
    model = resolve(documents, files, reference)
    expected = [(sf.source.name, st.kind, st.get("name")) for sf in files for st in sf.statements if st.kind == "pilot_city"]
    assert seen == expected and seen
    assert len(model.of_kind("municipality")) >= len({name for _, _, name in seen})


# ------------------------------------------------------------------ districts: "X (Y)" beside "X"

_TEAM = """{place},
{district}

Toelichting (pdf-bestand)

Thema {n}
 • Wethouder{n} Een (wethouder, PvdA)
 • Ambtenaar{n} Twee (directeur-generaal VROM)
 • Deskundige{n} Drie (KPN)
 • Minister{n} Vier (minister van Financiën)
"""


def _districts(names):
    """The district entities (key -> label) resolved from one synthetic listing of *names* (place, district)."""
    from vitalegraph.pipeline.sources import SourceDocument

    body = "Project\n\nPilot\n\nStart: 2006\n\n" + "\n".join(
        _TEAM.format(place=p, district=d, n=i) for i, (p, d) in enumerate(names))
    doc = SourceDocument.from_bytes("900_listing.txt", body.encode())
    model = resolve([doc], [], load_reference(REFERENCE))
    return {e.key: sorted(o.value for o in e.objects("skos:prefLabel")) for e in model.of_kind("district")}


@pytest.mark.parametrize("order", [0, 1])
def test_a_district_and_its_parenthesised_spelling_resolve_the_same_in_either_order(order):
    names = [("Rotterdam", "Zuid (Pendrecht, Bloemhof)"), ("Rotterdam", "Zuid"), ("Rotterdam", "Noord")]
    if order:
        names = [names[1], names[0], names[2]]
    assert _districts(names) == {
        "district/rotterdam-zuid": ["Zuid"],
        "district/rotterdam-zuid-pendrecht-bloemhof": ["Zuid (Pendrecht, Bloemhof)"],
        "district/rotterdam-noord": ["Noord"]}


def test_every_order_of_a_listing_gives_the_same_districts():
    import itertools

    names = [("Rotterdam", "Zuid (Pendrecht)"), ("Rotterdam", "Zuid (Charlois)"), ("Rotterdam", "Zuid"),
             ("Utrecht", "Oost (Stad)"), ("Rotterdam", "Oost"), ("Utrecht", "Zuid (Pendrecht)")]
    results = {tuple(sorted((k, tuple(v)) for k, v in _districts(list(p)).items()))
               for p in itertools.permutations(names)}
    assert len(results) == 1
    assert {k: list(v) for k, v in results.pop()} == {
        "district/rotterdam-zuid": ["Zuid"], "district/rotterdam-zuid-pendrecht": ["Zuid (Pendrecht)"],
        "district/rotterdam-zuid-charlois": ["Zuid (Charlois)"], "district/rotterdam-oost": ["Oost"],
        # alone with its name before the parenthesis in its municipality: the short key, as the seeds'
        "district/utrecht-oost": ["Oost (Stad)"], "district/utrecht-zuid": ["Zuid (Pendrecht)"]}


def test_a_district_named_outside_the_listings_never_becomes_another_of_another_name():
    from vitalegraph.pipeline.extraction import Text
    from vitalegraph.pipeline.resolution.places import district, load_municipalities
    from vitalegraph.pipeline.resolution.resolver import Resolver
    from vitalegraph.pipeline.sources import SourceDocument

    r = Resolver(load_reference(REFERENCE))
    load_municipalities(r)
    doc = SourceDocument.from_bytes("901_prose.txt", b"Zuid (Pendrecht) en Zuid\n")
    muni = r.entities["municipality/rotterdam"]
    listed = district(r, muni, Text("Zuid (Pendrecht)", 0, 16, 1), doc)
    named = district(r, muni, Text("Zuid", 20, 24, 1), doc, create=False)
    assert (listed.key, named.key) == ("district/rotterdam-zuid", "district/rotterdam-zuid-2")
    assert r.warnings == ["901_prose.txt:1: district 'Zuid' in Rotterdam is not in any team listing: kept as a new node"]
    assert district(r, muni, Text("zuid", 0, 4, 1), doc, create=False) is named
