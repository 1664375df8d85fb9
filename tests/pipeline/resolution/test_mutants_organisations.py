"""Departments, parties and other organisations, held exactly: the facts read from the reference
data, the names that find them, and what a name neither a party nor a department becomes.

Written against the mutants that survived ``benchmarks/mutation.py resolution.organisations``.
"""

from __future__ import annotations

from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import Department, Party, Reference
from vitalegraph.pipeline.resolution.model import Evidence, Lit
from vitalegraph.pipeline.resolution.organisations import (department, load_departments, load_parties, organisation,
                                                           party_or_organisation, publisher)
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import Statement, TextIndex

TEXT = "Het ministerie van Wonen en Zorg en de SP, Stichting Buurt en de ministerie van Sociale Zaken.\n"
DOC = SourceDocument.from_bytes("011_org.txt", TEXT.encode())
INDEX = TextIndex(DOC)

REF = Reference(
    departments=[Department("wz", "ministry", ("WZ", "Wonen en Zorg"), "Wonen en Zorg", "Ministry of Housing",
                            "https://t/wz", "Q7", "m.csv"),
                 Department("szw", "portfolio", (), "Sociale Zaken en Werkgelegenheid", "", "", "", "p.csv"),
                 Department("szk", "portfolio", ("SZK",), "Sociale Zekerheid", "", "", "", "q.csv")],
    parties=[Party("sp", "SP", "Socialistische Partij", "Q9", "sp.csv"),
             Party("gl", "GL", "GroenLinks", "", "gl.csv")])


def at(value: str) -> Text:
    found = INDEX.find(value)
    assert found is not None, value
    return found


def ev(text: Text) -> Evidence:
    return Evidence(DOC.name, text.start, text.end)


def resolver() -> Resolver:
    r = Resolver(REF)
    load_departments(r)
    load_parties(r)
    return r


def test_departments_from_the_reference_data():
    r = resolver()
    wz, szw = r.entities["department/wz"], r.entities["department/szw"]
    assert (wz.kind, wz.label) == ("department", "Wonen en Zorg")
    assert wz.facts == {("rdf:type", Lit("vg:Ministry", "curie")): {None},
                        ("skos:prefLabel", Lit("Wonen en Zorg", lang="nl")): {None},
                        ("skos:prefLabel", Lit("Ministry of Housing", lang="en")): {None},
                        ("skos:notation", Lit("WZ")): {None},
                        ("skos:exactMatch", Lit("https://t/wz", "iri")): {None},
                        ("skos:exactMatch", Lit("http://www.wikidata.org/entity/Q7", "iri")): {None},
                        ("dct:source", Lit("m.csv")): {None}}
    assert wz.notations == {"WZ", "Wonen en Zorg"}
    assert szw.facts == {("rdf:type", Lit("vg:CabinetPortfolio", "curie")): {None},
                         ("skos:prefLabel", Lit("Sociale Zaken en Werkgelegenheid", lang="nl")): {None},
                         ("dct:source", Lit("p.csv")): {None}}
    assert szw.notations == set()
    assert r.known("department", "wz") is wz and r.known("department", "szk") is r.entities["department/szk"]


def test_parties_from_the_reference_data():
    r = resolver()
    sp, gl = r.entities["party/sp"], r.entities["party/gl"]
    assert (sp.kind, sp.label) == ("party", "Socialistische Partij")
    assert sp.facts == {("skos:prefLabel", Lit("Socialistische Partij", lang="nl")): {None},
                        ("skos:notation", Lit("SP")): {None},
                        ("skos:exactMatch", Lit("http://www.wikidata.org/entity/Q9", "iri")): {None},
                        ("dct:source", Lit("sp.csv")): {None}}
    assert gl.facts == {("skos:prefLabel", Lit("GroenLinks", lang="nl")): {None},
                        ("skos:notation", Lit("GL")): {None}, ("dct:source", Lit("gl.csv")): {None}}
    assert sp.notations == {"SP"} and r.known("party", "sp") is sp


def test_a_department_by_name_or_new_with_a_warning():
    r = resolver()
    named = at("ministerie van Wonen en Zorg")
    wz = department(r, named, DOC)
    assert wz is r.entities["department/wz"]
    assert wz.spellings == {"ministerie van Wonen en Zorg": {ev(named): None}}
    new = department(r, at("Stichting Buurt"), DOC)
    assert (new.key, new.label) == ("department/stichting-buurt", "Stichting Buurt")
    assert new.facts == {("skos:prefLabel", Lit("Stichting Buurt")): {DOC.name}}
    assert new.spellings == {"Stichting Buurt": {ev(at("Stichting Buurt")): None}}
    assert r.warnings == ["011_org.txt:1: unknown department 'Stichting Buurt' (not in data/reference/ministries.csv): "
                          "kept as a new node"]


def test_a_party_or_else_an_organisation():
    r = resolver()
    sp = party_or_organisation(r, at("SP"), DOC)
    assert sp is r.entities["party/sp"] and sp.spellings == {"SP": {ev(at("SP")): None}}
    org = party_or_organisation(r, at("Stichting Buurt"), DOC)
    assert (org.key, org.kind, org.label) == ("organisation/stichting-buurt", "organisation", "Stichting Buurt")
    assert org.facts == {("skos:prefLabel", Lit("Stichting Buurt")): {DOC.name}}
    assert org.spellings == {"Stichting Buurt": {ev(at("Stichting Buurt")): None}}
    assert r.warnings == []


def test_an_organisation_that_is_known_or_an_exact_department():
    r = resolver()
    buurt = organisation(r, at("Stichting Buurt"), DOC, "stichting")
    assert buurt.facts == {("skos:prefLabel", Lit("Stichting Buurt")): {DOC.name},
                           ("dct:type", Lit("stichting")): {DOC.name}}
    assert organisation(r, Text("stichting  buurt", 0, 3, 1), DOC) is buurt
    assert organisation(r, Text("Stichting Bu-urt", 0, 3, 1), DOC) is buurt   # by name, not by slug
    assert list(buurt.spellings) == ["Stichting Buurt", "stichting  buurt", "Stichting Bu-urt"]
    # a department's name or abbreviation is the department, and gets no dct:type
    wz = organisation(r, Text("WZ", 0, 2, 1), DOC, "ministerie")
    assert wz is r.entities["department/wz"] and wz.spellings == {"WZ": {Evidence(DOC.name, 0, 2): None}}
    assert ("dct:type", Lit("ministerie")) not in wz.facts
    named = at("ministerie van Wonen en Zorg")
    assert organisation(r, named, DOC) is wz                  # exact after "ministerie van"
    assert wz.spellings["ministerie van Wonen en Zorg"] == {ev(named): None}
    # the first words of one department only: not exact, so an organisation of its own
    near = organisation(r, at("ministerie van Sociale Zaken"), DOC)
    assert near.key == "organisation/ministerie-van-sociale-zaken"
    assert r.warnings == []


def test_a_publisher_is_an_exact_department_or_an_organisation():
    st = Statement("publication", 1, {}, DOC, [Text(TEXT.strip(), 0, len(TEXT) - 1, 1)], "o.toml", INDEX)
    r = resolver()
    wz = publisher(r, st, "ministerie van Wonen en Zorg", DOC)
    assert wz is r.entities["department/wz"]
    assert wz.spellings == {"ministerie van Wonen en Zorg": {ev(at("ministerie van Wonen en Zorg")): None}}
    near = publisher(r, st, "ministerie van Sociale Zaken", DOC)
    assert near.key == "organisation/ministerie-van-sociale-zaken" and near.kind == "organisation"
    assert near.spellings == {"ministerie van Sociale Zaken": {ev(at("ministerie van Sociale Zaken")): None}}
    assert publisher(r, st, "Stichting Buurt", DOC).key == "organisation/stichting-buurt"


def test_an_organisation_named_as_a_department_kept_before():
    r = resolver()
    kept = department(r, at("Stichting Buurt"), DOC)          # an unknown department, kept with a warning
    assert organisation(r, Text("stichting buurt", 0, 3, 1), DOC) is kept
    assert not any(k.startswith("organisation/") for k in r.entities)


def test_a_publisher_that_names_a_department_exactly_is_the_department_even_if_an_organisation_has_that_name():
    st = Statement("publication", 1, {}, DOC, [Text(TEXT.strip(), 0, len(TEXT) - 1, 1)], "o.toml", INDEX)
    r = resolver()
    buurt = organisation(r, at("Stichting Buurt"), DOC)
    r.alias(buurt, "ministerie van Wonen en Zorg")              # as a curated mention may name it
    assert publisher(r, st, "ministerie van Wonen en Zorg", DOC) is r.entities["department/wz"]
    assert organisation(r, at("ministerie van Wonen en Zorg"), DOC) is buurt
