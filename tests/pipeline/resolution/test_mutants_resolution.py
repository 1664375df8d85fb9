"""Resolution's model, resolver and places, held exactly: facts per document, the names that find
an entity, warnings with their file:line, handler order, and the keys of districts.

Written against the mutants that survived ``benchmarks/mutation.py resolution.model resolution.resolver
resolution.places``.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import Municipality, Reference
from vitalegraph.pipeline.resolution import resolver as resolver_module
from vitalegraph.pipeline.resolution.model import Entity, Evidence, Lit, Model, Ref, date_literal
from vitalegraph.pipeline.resolution.places import district, load_municipalities, municipality, place_or_municipality
from vitalegraph.pipeline.resolution.resolver import Resolver, handles, resolve_statements
from vitalegraph.pipeline.sources import SourceDocument

DOC = SourceDocument.from_bytes("004_x.txt", "Zaandam\nOostzaan-Zuid (Poelenburg)\nUtrecht\n".encode())


def test_entity_facts_mentions_and_evidence():
    a, b = Entity("person/a", "person", "A"), Entity("team/b", "team", "B")
    a.add("org:memberOf", b, "d1")
    a.add("org:memberOf", Ref("team/b"), None)
    a.add("foaf:name", Lit("A"), "d2")
    a.add("foaf:name", Lit("Aa"), "d2")
    assert a.facts == {("org:memberOf", Ref("team/b")): {"d1", None}, ("foaf:name", Lit("A")): {"d2"},
                       ("foaf:name", Lit("Aa")): {"d2"}}
    assert a.objects("foaf:name") == [Lit("A"), Lit("Aa")] and a.objects("org:memberOf") == [Ref("team/b")]
    assert a.objects("nothing") == []
    a.mention(Text("A.", 3, 5, 1), "d3")
    a.mention(Text("A.", 9, 11, 2), "d3")
    a.mention(Text("A.", 3, 5, 1), "d3")
    a.cite(Text("A. zei", 3, 9, 1), "d4")
    assert a.spellings == {"A.": {Evidence("d3", 3, 5): None, Evidence("d3", 9, 11): None}}
    assert list(a.spellings["A."]) == [Evidence("d3", 3, 5), Evidence("d3", 9, 11)]
    assert a.evidence == {Evidence("d4", 3, 9)}
    assert a.docs == {"d1", None, "d2", "d3", "d4"}
    model = Model({"person/a": a, "team/b": b}, [])
    assert model.of_kind("team") == [b] and model.of_kind("post") == []
    assert (model.warnings, model.skipped) == ([], [])


@pytest.mark.parametrize("value, datatype", [("2006", "xsd:gYear"), (" 2007-03 ", "xsd:gYearMonth"),
                                             ("2007-12", "xsd:gYearMonth"), ("2007-10-31", "xsd:date"),
                                             ("2007-01-09", "xsd:date"), ("2007-02-20", "xsd:date"), (2006, "xsd:gYear")])
def test_date_literal(value, datatype):
    assert date_literal(value) == Lit(str(value).strip(), datatype)


@pytest.mark.parametrize("value", ["06", "2007-13", "2007-00", "2007-3", "2007-01-32", "2007-01-00", "2007-1-01",
                                   "20071", "mei 2007", "2007-01-011"])
def test_not_a_date(value):
    with pytest.raises(ValueError) as err:
        date_literal(value)
    assert str(err.value) == f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"


def test_resolver_entities_names_and_aliases():
    r = Resolver(Reference())
    a = r.entity("person", "anna", "Anna Jansen")
    assert (a.key, a.kind, a.label) == ("person/anna", "person", "Anna Jansen")
    assert r.entity("person", "anna", "Other label") is a and a.label == "Anna Jansen"
    b = r.entity("person", "anna-2", "anna jansen")          # a second entity of the same name
    assert r.known("person", "ANNA JANSEN") is a and r.known("team", "Anna Jansen") is None
    r.alias(b, "A. Jansen")
    r.alias(a, "A. Jansen")                                  # the first alias stays
    assert r.known("person", "a jansen") is b
    assert r.known("person", "nobody") is None
    r.warn(DOC, 3, "let op")
    r.warn(None, 0, "zonder bron")
    assert r.warnings == ["004_x.txt:3: let op", "zonder bron"]
    assert r.date("2007-03", "here") == Lit("2007-03", "xsd:gYearMonth")
    with pytest.raises(StatementError) as err:
        r.date("maart", "bron.toml: [[x]] #1")
    assert str(err.value) == "bron.toml: [[x]] #1: 'maart' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"


REF = Reference(municipalities=[Municipality("zaanstad", "Zaanstad", "0479", "https://t/gm0479", "Q1",
                                             ("Zaandam",), "s.csv"),
                                Municipality("utrecht", "Utrecht", "", "", "", (), "u.csv")])


def test_municipalities_from_the_reference_and_by_place():
    r = Resolver(REF)
    load_municipalities(r)
    zaanstad, utrecht = r.entities["municipality/zaanstad"], r.entities["municipality/utrecht"]
    assert zaanstad.facts == {("skos:prefLabel", Lit("Zaanstad", lang="nl")): {None},
                              ("vg:cbsCode", Lit("0479")): {None},
                              ("skos:exactMatch", Lit("https://t/gm0479", "iri")): {None},
                              ("skos:exactMatch", Lit("http://www.wikidata.org/entity/Q1", "iri")): {None},
                              ("dct:source", Lit("s.csv")): {None}}
    assert utrecht.facts == {("skos:prefLabel", Lit("Utrecht", lang="nl")): {None}, ("dct:source", Lit("u.csv")): {None}}
    found, place = place_or_municipality(r, Text("Zaandam", 0, 7, 1), DOC)
    # a place in the municipality is a place of its own, not another spelling of the municipality
    assert found is zaanstad and zaanstad.spellings == {}
    assert place is not None and place.kind == "place" and place.label == "Zaandam"
    assert place.spellings == {"Zaandam": {Evidence("004_x.txt", 0, 7): None}}
    assert municipality(r, Text("Zaandam", 0, 7, 1), DOC) is zaanstad
    assert r.warnings == []


def test_an_unknown_municipality_is_kept_with_a_warning():
    r = Resolver(REF)
    load_municipalities(r)
    new = municipality(r, Text("Oostzaan", 8, 16, 2), DOC)
    assert (new.key, new.label) == ("municipality/oostzaan", "Oostzaan")
    assert new.facts == {("skos:prefLabel", Lit("Oostzaan")): {"004_x.txt"}}
    assert r.warnings == ["004_x.txt:2: unknown municipality 'Oostzaan' (not in data/reference/municipalities.csv): "
                          "kept as a new node"]
    assert municipality(r, Text("oostzaan", 8, 16, 2), DOC) is new and len(r.warnings) == 1


def test_districts_are_one_per_name_within_a_municipality():
    r = Resolver(REF)
    load_municipalities(r)
    zaanstad, utrecht = r.entities["municipality/zaanstad"], r.entities["municipality/utrecht"]
    poel = district(r, zaanstad, Text("Oostzaan-Zuid (Poelenburg)", 8, 34, 2), DOC)
    assert (poel.key, poel.label) == ("district/zaanstad-oostzaan-zuid", "Oostzaan-Zuid (Poelenburg)")
    assert poel.facts == {("skos:prefLabel", Lit("Oostzaan-Zuid (Poelenburg)")): {"004_x.txt"},
                          ("schema:containedInPlace", Ref("municipality/zaanstad")): {"004_x.txt"}}
    assert district(r, zaanstad, Text("oostzaan-zuid (poelenburg)", 8, 34, 2), DOC, create=False) is poel
    assert list(poel.spellings) == ["Oostzaan-Zuid (Poelenburg)", "oostzaan-zuid (poelenburg)"]
    assert list(poel.spellings["oostzaan-zuid (poelenburg)"]) == [Evidence("004_x.txt", 8, 34)]
    plain = district(r, utrecht, Text("Oostzaan-Zuid", 8, 21, 2), DOC)
    assert plain.key == "district/utrecht-oostzaan-zuid"
    # the same name with parentheses after a district of the plain name: its slug would collide
    detailed = district(r, utrecht, Text("Oostzaan-Zuid (Poelenburg)", 8, 34, 2), DOC)
    assert detailed.key == "district/utrecht-oostzaan-zuid-poelenburg" and detailed is not plain
    assert district(r, utrecht, Text("Oostzaan-Zuid (Poelenburg)", 8, 34, 2), DOC) is detailed
    assert r.warnings == []
    late = district(r, utrecht, Text("(Overvecht)", 35, 46, 3), DOC, create=False)
    assert late.key == "district/utrecht-overvecht"            # nothing but parentheses: the whole name
    assert r.warnings == ["004_x.txt:3: district '(Overvecht)' in Utrecht is not in any team listing: kept as a new node"]


def test_handlers_run_by_rank_then_in_file_order(monkeypatch):
    monkeypatch.setattr(resolver_module, "HANDLERS", {})
    seen = []
    handles("late", rank=2)(lambda r, st, doc: seen.append(("late", st.index, doc.name)))
    handles("early", rank=1)(lambda r, st, doc: seen.append(("early", st.index, doc.name)))
    with pytest.raises(ValueError) as err:
        handles("late", rank=3)(lambda r, st, doc: None)
    assert str(err.value) == "statement kind 'late' has a handler already: test_handlers_run_by_rank_then_in_file_order.<locals>.<lambda>"

    class St:
        def __init__(self, kind, index):
            self.kind, self.index = kind, index

    class Sf:
        source = DOC
        statements = [St("late", 1), St("early", 1), St("late", 2), St("early", 2), St("other", 1)]
    resolve_statements(Resolver(Reference()), Sf())
    assert seen == [("early", 1, "004_x.txt"), ("early", 2, "004_x.txt"), ("late", 1, "004_x.txt"), ("late", 2, "004_x.txt")]
