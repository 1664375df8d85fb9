"""Curated ``publication``, ``evaluation`` and ``cited_document`` statements, held exactly: a
publication's label, publisher, title and date; what an evaluation is about (the pilot, a
municipality, a district or a team), its stance and according to whom; the documents a text cites,
counted or named, and how they hang together; each refusal with its own message.

Written against the mutants that survived ``benchmarks/mutation.py resolution.curated.publications``
(mutmut mutates these functions through the patch in ``benchmarks/mutation.py``).
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import Department, Municipality, Reference, name_key
from vitalegraph.pipeline.resolution.curated.publications import cited_document, evaluation, publication
from vitalegraph.pipeline.resolution.model import Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.organisations import load_departments
from vitalegraph.pipeline.resolution.places import district, load_municipalities
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import load_statement_file

TEXT = ("Het rapport Wijken in beweging van BZK (2008) is positief over Utrecht; Buurtwerk Noord schreef ook.\n"
        "Volgens Els Bakker is het team van Overvecht (wonen) minder tevreden; over Oost en de pilot gemengd.\n"
        "Bijlage A, een pdf van 12 blz, hoort bij het rapport; een drietal evaluatierapporten ligt eraan ten grondslag.\n")
DOC = SourceDocument.from_bytes("dir/066_rapport.txt", TEXT.encode())
NAME = DOC.name
REF = Reference(departments=[Department("bzk", "ministry", ("BZK",), "Binnenlandse Zaken", "", "", "", "m.csv")],
                municipalities=[Municipality("utrecht", "Utrecht", "", "", "", (), "g.csv")])


def ev(value: str) -> Evidence:
    at = TEXT.index(value)
    return Evidence(NAME, at, at + len(value))


def resolver(pilot: bool = True) -> Resolver:
    """BZK, Utrecht with its districts Overvecht (teams wonen and zorg) and Oost (no team), a pilot."""
    r = Resolver(REF)
    load_departments(r)
    load_municipalities(r)
    utrecht = r.entities["municipality/utrecht"]
    for name in ("Overvecht", "Oost"):
        district(r, utrecht, Text(name, 0, 1, 1), DOC)
    for theme in ("Wonen", "Zorg"):
        team = r.entity("team", f"overvecht-{theme.lower()}", f"Team {theme}")
        team.add("schema:areaServed", Ref("district/utrecht-overvecht"), NAME)
        r.teams.append((team, "municipality/utrecht", "Overvecht", theme))
    other = r.entity("team", "oost-zorg", "Team Oost")     # serves another district
    r.teams.append((other, "municipality/utrecht", "Overvecht", "Wonen"))
    if pilot:
        r.entity("project", "pilot", "De pilot").add("rdf:type", Lit("vg:Project", "curie"), NAME)
    r.entity("source", DOC.stem, NAME)
    return r


def statements(tmp_path, toml: str):
    path = tmp_path / "066_rapport.toml"
    path.write_text(toml, encoding="utf-8")
    return load_statement_file(path, DOC).statements


def one(tmp_path, toml: str):
    [st] = statements(tmp_path, toml)
    return st


def test_a_publication_with_its_title_publisher_and_date(tmp_path):
    r = resolver()
    publication(r, one(tmp_path, '[[publication]]\nid = "BZK 2008"\ntitle = "Wijken in beweging"\npublisher = "BZK"\n'
                                 'date = 2008\nquote = "Het rapport Wijken in beweging van BZK (2008)"\n'), DOC)
    pub = r.entities["publication/bzk-2008"]
    assert (pub.kind, pub.label) == ("publication", "Wijken in beweging")
    assert pub.facts == {("skos:prefLabel", Lit("Wijken in beweging")): {NAME},
                         ("dct:publisher", Ref("department/bzk")): {NAME},
                         ("dct:title", Lit("Wijken in beweging", lang="nl")): {NAME},
                         ("dct:date", Lit("2008", "xsd:gYear")): {NAME},
                         ("prov:wasDerivedFrom", Ref("source/066_rapport")): {NAME}}
    assert pub.spellings == {"Wijken in beweging": {ev("Wijken in beweging"): None}}
    quote = ev("Het rapport Wijken in beweging van BZK (2008)")
    assert pub.evidence == {quote} and pub.cited_by == {quote: "066_rapport.toml: [[publication]] #1 (BZK 2008)"}
    assert r.known("publication", "wijken in beweging") is pub
    assert r.entities["department/bzk"].spellings == {"BZK": {ev("BZK"): None}}


def test_a_publication_without_title_is_named_by_its_publisher_and_date(tmp_path):
    r = resolver()
    sts = statements(tmp_path, '[[publication]]\nid = "noord-2008"\npublisher = "Buurtwerk Noord"\ndate = "2008-05"\n'
                               'quote = "Buurtwerk Noord schreef"\n\n'
                               '[[publication]]\nid = "noord"\npublisher = "Buurtwerk Noord"\nquote = "Buurtwerk Noord"\n')
    for st in sts:
        publication(r, st, DOC)
    dated, undated = r.entities["publication/noord-2008"], r.entities["publication/noord"]
    assert dated.label == "Buurtwerk Noord, 2008-05"
    assert dated.facts == {("skos:prefLabel", Lit("Buurtwerk Noord, 2008-05")): {NAME},
                           ("dct:publisher", Ref("organisation/buurtwerk-noord")): {NAME},
                           ("dct:date", Lit("2008-05", "xsd:gYearMonth")): {NAME},
                           ("prov:wasDerivedFrom", Ref("source/066_rapport")): {NAME}}
    assert undated.label == "Buurtwerk Noord" and dated.spellings == {}
    assert undated.objects("skos:prefLabel") == [Lit("Buurtwerk Noord")] and undated.objects("dct:date") == []
    assert r.known("publication", "buurtwerk noord") is dated     # named first by its publisher


def test_a_publication_with_a_wrong_date_is_refused(tmp_path):
    st = one(tmp_path, '[[publication]]\nid = "n"\npublisher = "Buurtwerk Noord"\ndate = "mei"\n'
                       'quote = "Buurtwerk Noord schreef"\n')
    with pytest.raises(StatementError) as err:
        publication(resolver(), st, DOC)
    assert str(err.value) == ("066_rapport.toml: [[publication]] #1 (n): 'mei' is not a date of the form YYYY, "
                              "YYYY-MM or YYYY-MM-DD")


EVALUATIONS = ('[[publication]]\nid = "BZK 2008"\npublisher = "BZK"\nquote = "van BZK (2008)"\n\n'
               '[[evaluation]]\nid = "Positief"\nsubject = "Utrecht"\nstance = "positive"\naccording_to = "bzk 2008"\n'
               'date = 2008\nsummary = "Positive about Utrecht"\nquote = "is positief over Utrecht"\n\n'
               '[[evaluation]]\nid = "Team"\nsubject = "Overvecht"\nsubject_type = "team"\nmunicipality = "Utrecht"\n'
               'theme = "wonen"\nstance = "less-satisfied"\naccording_to = "Els Bakker"\n'
               'quote = ["Volgens Els Bakker is het team van Overvecht (wonen) minder tevreden", "over Utrecht"]\n\n'
               '[[evaluation]]\nid = "Oost"\nsubject = "Oost"\nsubject_type = "district"\nmunicipality = "Utrecht"\n'
               'stance = "mixed"\naccording_to = "source"\nquote = ["over Oost en de pilot gemengd", "over Utrecht"]\n\n'
               '[[evaluation]]\nid = "Pilot"\nsubject = "Pilot"\nstance = "conclusion"\naccording_to = "source"\n'
               'quote = "de pilot gemengd"\n')


def test_evaluations_of_a_municipality_a_team_a_district_and_the_pilot(tmp_path):
    r = resolver()
    pub, *evs = statements(tmp_path, EVALUATIONS)
    publication(r, pub, DOC)
    for st in evs:
        evaluation(r, st, DOC)
    positive, team, oost, pilot = (r.entities[f"evaluation/{k}"] for k in ("positief", "team", "oost", "pilot"))
    source = ("prov:wasDerivedFrom", Ref("source/066_rapport"))
    assert (positive.kind, positive.label) == ("evaluation", "Positive about Utrecht")
    assert positive.facts == {("vg:stance", Lit("vg:Positive", "curie")): {NAME},
                              ("vg:about", Ref("municipality/utrecht")): {NAME},
                              ("vg:accordingTo", Ref("publication/bzk-2008")): {NAME},
                              ("dct:date", Lit("2008", "xsd:gYear")): {NAME},
                              ("rdfs:comment", Lit("Positive about Utrecht", lang="en")): {NAME}, source: {NAME}}
    quote = ev("is positief over Utrecht")
    assert positive.evidence == {quote}
    assert positive.cited_by == {quote: "066_rapport.toml: [[evaluation]] #1 (Positief)"}
    assert r.entities["municipality/utrecht"].spellings == {"Utrecht": {ev("Utrecht"): None}}
    assert team.label == "Team"
    assert team.facts == {("vg:stance", Lit("vg:LessSatisfied", "curie")): {NAME},
                          ("vg:about", Ref("team/overvecht-wonen")): {NAME},
                          ("vg:accordingTo", Ref("person/els-bakker")): {NAME}, source: {NAME}}
    assert r.entities["person/els-bakker"].facts == {("foaf:name", Lit("Els Bakker")): {NAME}}
    assert r.entities["person/els-bakker"].evidence == {ev("Volgens Els Bakker is het team van Overvecht (wonen) "
                                                           "minder tevreden")}
    assert oost.facts == {("vg:stance", Lit("vg:Mixed", "curie")): {NAME},
                          ("vg:about", Ref("district/utrecht-oost")): {NAME},
                          ("vg:accordingTo", Ref("source/066_rapport")): {NAME}, source: {NAME}}
    assert ev("Oost") in r.entities["district/utrecht-oost"].spellings["Oost"]
    assert pilot.facts == {("vg:stance", Lit("vg:Conclusion", "curie")): {NAME},
                           ("vg:about", Ref("project/pilot")): {NAME},
                           ("vg:accordingTo", Ref("source/066_rapport")): {NAME}, source: {NAME}}
    assert r.warnings == []


def test_a_team_of_a_district_with_one_team_needs_no_theme(tmp_path):
    r = resolver()
    r.teams[1] = (r.entity("team", "x", "X"), "municipality/utrecht", "Overvecht", "Zorg")   # no area served
    st = one(tmp_path, '[[evaluation]]\nid = "t"\nsubject = "Overvecht"\nsubject_type = "team"\n'
                       'municipality = "Utrecht"\nstance = "positive"\naccording_to = "source"\n'
                       'quote = ["het team van Overvecht (wonen) minder tevreden", "over Utrecht"]\n')
    evaluation(r, st, DOC)
    assert r.entities["evaluation/t"].objects("vg:about") == [Ref("team/overvecht-wonen")]
    assert r.entities["evaluation/t"].label == "t"


LABEL = "066_rapport.toml: [[evaluation]] #1 (e)"


@pytest.mark.parametrize("toml, message", [
    ('subject = "Utrecht"\nstance = "negative"\n', "stance must be one of positive, less-satisfied, mixed, conclusion"),
    ('subject = "Utrecht"\nsubject_type = "wijk"\nstance = "mixed"\n',
     "subject_type must be one of municipality, district, team, pilot"),
    ('subject = "Overvecht"\nsubject_type = "district"\nstance = "mixed"\n',
     "a district as subject needs its municipality"),
    ('subject = "Overvecht"\nsubject_type = "team"\nstance = "mixed"\n', "a team as subject needs its municipality"),
    ('subject = "Overvecht"\nsubject_type = "team"\nmunicipality = "Utrecht"\nstance = "mixed"\n',
     "2 teams (add its theme) in the listing for Overvecht, Utrecht"),
    ('subject = "Overvecht"\nsubject_type = "team"\nmunicipality = "Utrecht"\ntheme = "sport"\nstance = "mixed"\n',
     "no team in the listing for Overvecht, Utrecht"),
    ('subject = "Oost"\nsubject_type = "team"\nmunicipality = "Utrecht"\nstance = "mixed"\n',
     "no team in the listing for Oost, Utrecht"),
    ('subject = "Utrecht"\nstance = "mixed"\ndate = "ooit"\n',
     "'ooit' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_an_evaluation_of_what_cannot_be_told_is_refused(tmp_path, toml, message):
    st = one(tmp_path, f'[[evaluation]]\nid = "e"\n{toml}according_to = "source"\n'
                       'quote = ["Overvecht (wonen) minder tevreden; over Oost", "positief over Utrecht"]\n')
    with pytest.raises(StatementError) as err:
        evaluation(resolver(), st, DOC)
    assert str(err.value) == f"{LABEL}: {message}"


def test_an_evaluation_of_the_pilot_of_a_document_without_one_is_refused(tmp_path):
    st = one(tmp_path, '[[evaluation]]\nid = "e"\nsubject = "pilot"\nstance = "mixed"\naccording_to = "source"\n'
                       'quote = "de pilot gemengd"\n')
    with pytest.raises(StatementError) as err:
        evaluation(resolver(pilot=False), st, DOC)
    assert str(err.value) == f"{LABEL}: subject 'pilot' but dir/066_rapport.txt has no team listing"


DOCUMENTS = ('[[cited_document]]\nid = "Rapport"\nname = "het rapport"\nlabel = "Wijken in beweging"\n'
             'document_type = "rapport"\nquote = "hoort bij het rapport"\n\n'
             '[[cited_document]]\nid = "Bijlage A"\nname = "Bijlage A"\ndocument_type = "bijlage"\nformat = "pdf"\n'
             'size = "12 blz"\npart_of = "rapport"\ndescription = "An annex"\n'
             'quote = "Bijlage A, een pdf van 12 blz, hoort bij het rapport"\n\n'
             '[[cited_document]]\nid = "Evaluatie"\nname = "evaluatierapporten"\ncount = 3\ncount_words = "drietal"\n'
             'underlies = "Rapport"\nquote = "een drietal evaluatierapporten ligt eraan ten grondslag"\n')


def test_cited_documents_named_counted_part_of_and_underlying_another(tmp_path):
    r = resolver()
    for st in statements(tmp_path, DOCUMENTS):
        cited_document(r, st, DOC)
    rapport, bijlage = r.entities["document/rapport"], r.entities["document/bijlage-a"]
    evals = [r.entities[f"document/evaluatie-{i}"] for i in (1, 2, 3)]
    source = ("prov:wasDerivedFrom", Ref("source/066_rapport"))
    assert (rapport.kind, rapport.label) == ("document", "Wijken in beweging")
    assert rapport.facts == {("skos:prefLabel", Lit("Wijken in beweging", lang="nl")): {NAME},
                             ("dct:type", Lit("rapport", lang="nl")): {NAME}, source: {NAME},
                             ("dct:hasPart", Ref("document/bijlage-a")): {NAME},
                             **{("dct:source", Ref(f"document/evaluatie-{i}")): {NAME} for i in (1, 2, 3)}}
    assert rapport.spellings == {"het rapport": {ev("het rapport"): None}}
    assert rapport.evidence == {ev("hoort bij het rapport")}
    assert bijlage.label == "Bijlage A"
    assert bijlage.facts == {("skos:prefLabel", Lit("Bijlage A", lang="nl")): {NAME},
                             ("dct:type", Lit("bijlage", lang="nl")): {NAME},
                             ("dct:format", Lit("pdf")): {NAME}, ("dct:extent", Lit("12 blz")): {NAME},
                             ("dct:isPartOf", Ref("document/rapport")): {NAME},
                             ("rdfs:comment", Lit("An annex", lang="en")): {NAME}, source: {NAME}}
    quote = ev("een drietal evaluatierapporten ligt eraan ten grondslag")
    for i, d in enumerate(evals, 1):
        assert d.label == f"evaluatierapporten ({i} van 3)"
        assert d.facts == {("skos:prefLabel", Lit(f"evaluatierapporten ({i} van 3)", lang="nl")): {NAME}, source: {NAME}}
        assert d.spellings == {"evaluatierapporten": {ev("evaluatierapporten"): None}} and d.evidence == {quote}
        assert d.cited_by == {quote: "066_rapport.toml: [[cited_document]] #3 (Evaluatie)"}
    assert r.entities["source/066_rapport"].objects("dct:references") == [
        Ref("document/bijlage-a"), *(Ref(f"document/evaluatie-{i}") for i in (1, 2, 3)), Ref("document/rapport")]
    assert not any(k.startswith("document/") and k not in ("document/rapport", "document/bijlage-a")
                   and not k.startswith("document/evaluatie-") for k in r.entities)
    assert len([k for k in r.entities if k.startswith("document/")]) == 5


@pytest.mark.parametrize("toml, message", [
    ('count = 0\n', "count must be a positive whole number"),
    ('count = "drie"\n', "count must be a positive whole number"),
    ('count = true\n', "count must be a positive whole number"),
    ('count = 2\ncount_words = "twee"\n', "the name 'twee' does not stand in any of its quotes"),
    ('format = "doc"\n', "the name 'doc' does not stand in any of its quotes"),
    ('size = "13 blz"\n', "the name '13 blz' does not stand in any of its quotes"),
    ('part_of = "Bijlage B"\n', "part_of 'Bijlage B' is no cited document above it"),
    ('underlies = "Rapport"\n', "underlies 'Rapport' is no cited document above it"),
])
def test_a_cited_document_with_wrong_fields_is_refused(tmp_path, toml, message):
    st = one(tmp_path, f'[[cited_document]]\nid = "d"\nname = "Bijlage A"\n{toml}'
                       'quote = "Bijlage A, een pdf van 12 blz, hoort bij het rapport"\n')
    with pytest.raises(StatementError) as err:
        cited_document(resolver(), st, DOC)
    assert str(err.value) == f"066_rapport.toml: [[cited_document]] #1 (d): {message}"


def test_two_counted_documents_and_where_the_source_references_them(tmp_path):
    r = resolver()
    cited_document(r, one(tmp_path, '[[cited_document]]\nid = "d"\nname = "evaluatierapporten"\ncount = 2\n'
                                    'quote = "evaluatierapporten"\n'), DOC)
    assert [r.entities[f"document/d-{i}"].label for i in (1, 2)] == ["evaluatierapporten (1 van 2)",
                                                                     "evaluatierapporten (2 van 2)"]
    assert "document/d" not in r.entities
    assert {k: v for k, v in r.entities["source/066_rapport"].facts.items() if k[0] == "dct:references"} == {
        ("dct:references", Ref("document/d-1")): {NAME}, ("dct:references", Ref("document/d-2")): {NAME}}


def test_an_evaluation_of_a_district_of_no_listing_keeps_it_with_a_warning(tmp_path):
    r = resolver()
    evaluation(r, one(tmp_path, '[[evaluation]]\nid = "n"\nsubject = "Noord"\nsubject_type = "district"\n'
                                'municipality = "Utrecht"\nstance = "mixed"\naccording_to = "source"\n'
                                'quote = ["Buurtwerk Noord schreef", "positief over Utrecht"]\n'), DOC)
    assert r.entities["evaluation/n"].objects("vg:about") == [Ref("district/utrecht-noord")]
    assert r.warnings == ["dir/066_rapport.txt:1: district 'Noord' in Utrecht is not in any team listing: "
                          "kept as a new node"]


def test_a_document_type_need_not_stand_in_the_quotes(tmp_path):
    r = resolver()
    cited_document(r, one(tmp_path, '[[cited_document]]\nid = "d"\nname = "Bijlage A"\ndocument_type = "annex"\n'
                                    'count = 1\nquote = "Bijlage A"\n'), DOC)
    assert r.entities["document/d"].objects("dct:type") == [Lit("annex", lang="nl")]
    assert name_key("Bijlage A") in {key[-1] for key in r.names}
