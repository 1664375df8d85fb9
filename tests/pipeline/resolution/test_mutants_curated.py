"""Curated ``mention``, ``pilot_city``, ``participation``, ``commitment``, ``agreement``,
``approach_step`` and ``district_role`` statements, held exactly: which entity a spelling joins, the
names it is found by afterwards, the facts and claims of a pilot city, the departments a text says
took part, who commits to what by when, and who signed an agreement on whose behalf, each refusal
with its own message.

Written against the mutants that survived ``benchmarks/mutation.py resolution.curated.mentions
resolution.curated.participation resolution.curated.commitments resolution.curated.agreements`` (mutmut mutates these ``@handles`` functions through the patch in
``benchmarks/mutation.py``).
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import Department, FunctionWord, Municipality, Reference, name_key
from vitalegraph.pipeline.resolution.curated.agreements import agreement, approach_step, district_role
from vitalegraph.pipeline.resolution.curated.commitments import commitment
from vitalegraph.pipeline.resolution.curated.mentions import mention, pilot_city
from vitalegraph.pipeline.resolution.curated.participation import participation
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.organisations import load_departments, organisation
from vitalegraph.pipeline.resolution.persons import person
from vitalegraph.pipeline.resolution.places import PLACE_IN_MUNICIPALITY, district, load_municipalities
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import load_statement_file

TEXT = ("Pilots in Utrecht en Zaandam. Mw. A. Jansen sprak namens Buurt-Stichting en BZK.\n"
        "Ook de wijken Kanaleneiland en Kanaaleiland deden mee, met Binnenlandse Zaken en Defensie.\n"
        "Met uitzondering van Defensie en Justitie waren alle departementen betrokken.\n"
        "Wethouder A. Jansen biedt geld voor de wijk aan, de leden van de teams ook, tot 2008.\n"
        "Het akkoord tekenden minister van BZK B. Smit en C. Kok namens BZK en de wethouder. Stap 2: de wijk "
        "kiest. De wijk als regisseur.\n")
DOC = SourceDocument.from_bytes("dir/021_pers.txt", TEXT.encode())
NAME = DOC.name
REF = Reference(departments=[Department("bzk", "ministry", ("BZK",), "Binnenlandse Zaken", "", "", "", "m.csv"),
                             Department("def", "ministry", (), "Defensie", "", "", "", "m.csv")],
                municipalities=[Municipality("utrecht", "Utrecht", "", "", "", (), "g.csv"),
                                Municipality("zaanstad", "Zaanstad", "", "", "", ("Zaandam",), "g.csv")])


def ev(value: str, nth: int = 0) -> Evidence:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(value, at + 1)
    return Evidence(NAME, at, at + len(value))


def resolver(ref: Reference = REF) -> Resolver:
    r = Resolver(ref)
    load_departments(r)
    load_municipalities(r)
    r.entity("source", DOC.stem, NAME)
    return r


def statements(tmp_path, toml: str):
    path = tmp_path / "021_pers.toml"
    path.write_text(toml, encoding="utf-8")
    return load_statement_file(path, DOC).statements


def one(tmp_path, toml: str):
    [st] = statements(tmp_path, toml)
    return st


def test_a_mention_of_a_person_joins_the_known_person(tmp_path):
    r = resolver()
    anna = person(r, Text("Anna Jansen", 0, 11, 1), DOC)
    st = one(tmp_path, '[[mention]]\ntype = "person"\nname = "A. Jansen"\nrefers_to = "Anna Jansen"\n'
                       'quote = "Mw. A. Jansen sprak"\n')
    mention(r, st, DOC)
    assert anna.spellings["A. Jansen"] == {ev("A. Jansen"): None}
    assert r.known("person", "a jansen") is anna
    assert not any(k.startswith("person/a-") for k in r.entities)


@pytest.mark.parametrize("kind, key", [("organisation", "organisation/buurt-stichting"),
                                       ("ministry", "department/bzk"), ("department", "department/bzk"),
                                       ("municipality", "municipality/utrecht")])
def test_a_mention_by_its_own_name_of_each_kind(tmp_path, kind, key):
    r = resolver()
    organisation(r, Text("Buurt-Stichting", 0, 3, 1), DOC)
    name = {"organisation": "Buurt-Stichting", "ministry": "BZK", "department": "BZK", "municipality": "Utrecht"}[kind]
    st = one(tmp_path, f'[[mention]]\ntype = "{kind}"\nname = "{name}"\nquote = "Pilots in Utrecht en Zaandam. '
                       'Mw. A. Jansen sprak namens Buurt-Stichting en BZK"\n')
    mention(r, st, DOC)
    assert ev(name) in r.entities[key].spellings[name] and r.known(key.split("/")[0], name) is r.entities[key]


def test_a_mention_of_a_district_names_it_within_its_municipality(tmp_path):
    r = resolver()
    utrecht = r.entities["municipality/utrecht"]
    kanaal = district(r, utrecht, Text("Kanaleneiland", 0, 3, 1), DOC)
    st = one(tmp_path, '[[mention]]\ntype = "district"\nname = "Kanaaleiland"\nrefers_to = "kanaleneiland"\n'
                       'quote = "Kanaleneiland en Kanaaleiland"\n')
    mention(r, st, DOC)
    assert kanaal.spellings["Kanaaleiland"] == {ev("Kanaaleiland"): None}
    assert r.names[("district", "municipality/utrecht", name_key("Kanaaleiland"))] == kanaal.key
    assert r.known("district", "Kanaaleiland") is kanaal
    assert district(r, utrecht, Text("Kanaaleiland", 0, 3, 1), DOC, create=False) is kanaal and r.warnings == []


@pytest.mark.parametrize("toml, message", [
    ('[[mention]]\ntype = "wijk"\nname = "Utrecht"\nquote = "Pilots in Utrecht"\n',
     "021_pers.toml: [[mention]] #1 (Utrecht): unknown type 'wijk'"),
    ('[[mention]]\ntype = "person"\nname = "A. Jansen"\nquote = "Mw. A. Jansen sprak"\n',
     "021_pers.toml: [[mention]] #1 (A. Jansen): refers to unknown person 'A. Jansen'"),
    ('[[mention]]\ntype = "district"\nname = "Kanaaleiland"\nrefers_to = "Overvecht"\nquote = "Kanaaleiland"\n',
     "021_pers.toml: [[mention]] #1 (Kanaaleiland): refers to unknown district 'Overvecht'"),
    ('[[mention]]\ntype = "district"\nname = "Kanaaleiland"\nrefers_to = "Wijk"\nquote = "Kanaaleiland"\n',
     "021_pers.toml: [[mention]] #1 (Kanaaleiland): refers to unknown district 'Wijk'"),
])
def test_a_mention_of_what_is_not_known_is_refused(tmp_path, toml, message):
    r = resolver()
    for muni in ("municipality/utrecht", "municipality/zaanstad"):    # two districts of one name: neither
        district(r, r.entities[muni], Text("Wijk", 0, 3, 1), DOC)
    with pytest.raises(StatementError) as err:
        mention(r, one(tmp_path, toml), DOC)
    assert str(err.value) == message


def test_a_pilot_city_by_its_municipality_or_by_a_place_in_it(tmp_path):
    r = resolver()
    sts = statements(tmp_path, '[[pilot_city]]\nname = "Utrecht"\nquote = "Pilots in Utrecht"\n\n'
                               '[[pilot_city]]\nname = "Zaandam"\nquote = "Utrecht en Zaandam"\n')
    for st in sts:
        pilot_city(r, st, DOC)
    source, utrecht, zaanstad = (r.entities[k] for k in ("source/021_pers", "municipality/utrecht",
                                                         "municipality/zaanstad"))
    place = r.entities["place/zaandam"]
    assert source.facts == {("vg:namesPilotMunicipality", Ref("municipality/utrecht")): {NAME},
                            ("vg:namesPilotPlace", Ref("place/zaandam")): {NAME},
                            ("vg:namesPilotMunicipality", Ref("municipality/zaanstad")): {NAME}}
    assert source.claims == {("vg:namesPilotMunicipality", Ref("municipality/zaanstad")):
                             Claim("inferred", PLACE_IN_MUNICIPALITY, ev("Utrecht en Zaandam"), NAME)}
    assert utrecht.evidence == {ev("Pilots in Utrecht")}
    assert place.evidence == {ev("Utrecht en Zaandam")} and zaanstad.evidence == set()


PARTICIPATION = ('[[participation]]\ndepartments = ["Defensie", "Justitie"]\ninvolved = false\n'
                 'quote = ["Met uitzondering van Defensie en Justitie", "met Binnenlandse Zaken en Defensie"]\n\n'
                 '[[participation]]\ndepartments = ["Binnenlandse Zaken"]\ninvolved = true\n'
                 'quote = "met Binnenlandse Zaken en Defensie"\n')


def _projects(r):
    for key, doc, typed in (("project/b", NAME, True), ("project/a", NAME, True), ("project/0", "other.txt", True),
                            ("project/1", NAME, False)):
        p = r.entity("project", key.split("/")[1], key)
        p.add("skos:prefLabel", Lit(key), doc)
        if typed:
            p.add("rdf:type", Lit("vg:Project", "curie"), doc)
    r.entity("team", "0", "T").add("rdf:type", Lit("vg:Project", "curie"), NAME)


def test_departments_involved_or_not_in_the_pilot_of_the_document(tmp_path):
    r = resolver()
    _projects(r)
    for st in statements(tmp_path, PARTICIPATION):
        participation(r, st, DOC)
    defensie, bzk, justitie = (r.entities[f"department/{k}"] for k in ("def", "bzk", "justitie"))
    assert defensie.facts[("vg:notInvolvedIn", Ref("project/a"))] == {NAME}
    assert justitie.facts[("vg:notInvolvedIn", Ref("project/a"))] == {NAME}
    assert bzk.facts[("vg:involvedIn", Ref("project/a"))] == {NAME}
    assert [p for p, _ in defensie.facts if p.startswith("vg:")] == ["vg:notInvolvedIn"]
    assert defensie.evidence == {ev("Met uitzondering van Defensie en Justitie")}
    assert bzk.evidence == {ev("met Binnenlandse Zaken en Defensie")}
    assert defensie.spellings == {"Defensie": {ev("Defensie", 1): None}}
    assert r.warnings == ["dir/021_pers.txt:3: unknown department 'Justitie' (not in data/reference/ministries.csv): "
                          "kept as a new node"]


@pytest.mark.parametrize("projects, involved, message", [
    (False, "false", "021_pers.toml: [[participation]] #1: dir/021_pers.txt has no team listing, so no pilot to "
                     "take part in"),
    (True, '"false"', "021_pers.toml: [[participation]] #1: involved must be true or false"),
])
def test_participation_without_a_pilot_or_with_a_word_for_involved_is_refused(tmp_path, projects, involved, message):
    r = resolver()
    if projects:
        _projects(r)
    else:
        r.entity("project", "x", "X").add("rdf:type", Lit("vg:Project", "curie"), "other.txt")
    st = one(tmp_path, f'[[participation]]\ndepartments = ["Defensie"]\ninvolved = {involved}\n'
                       'quote = "Met uitzondering van Defensie"\n')
    with pytest.raises(StatementError) as err:
        participation(r, st, DOC)
    assert str(err.value) == message


COMMITMENT = ('[[commitment]]\nid = "Geld voor de wijk"\nlabel = "geld voor de wijk"\nby = "A. Jansen"\n'
              'by_text = "de leden van de teams"\ntarget = 2008\n'
              'quote = ["Wethouder A. Jansen biedt geld voor de wijk", "de leden van de teams ook, tot 2008"]\n')


def test_a_commitment_by_a_person_with_its_words_date_and_pilot(tmp_path):
    r = resolver()
    _projects(r)
    commitment(r, one(tmp_path, COMMITMENT), DOC)
    c = r.entities["commitment/geld-voor-de-wijk"]
    assert (c.kind, c.label, c.basis) == ("commitment", "geld voor de wijk", "stated")
    assert c.facts == {("skos:prefLabel", Lit("geld voor de wijk", lang="nl")): {NAME},
                       ("vg:committedBy", Ref("person/a-jansen")): {NAME},
                       ("vg:committedByText", Lit("de leden van de teams", lang="nl")): {NAME},
                       ("vg:targetDate", Lit("2008", "xsd:gYear")): {NAME},
                       ("dct:isPartOf", Ref("project/a")): {NAME},
                       ("prov:wasDerivedFrom", Ref("source/021_pers")): {NAME}}
    assert c.evidence == {ev("Wethouder A. Jansen biedt geld voor de wijk"), ev("de leden van de teams ook, tot 2008")}
    assert r.entities["person/a-jansen"].spellings == {"A. Jansen": {ev("A. Jansen", 1): None}}


@pytest.mark.parametrize("bases, basis", [("", "stated"), ('basis = "announced"\n', "announced"),
                                          ('content_basis = "announced"\n', "announced"),
                                          ('basis = "announced"\ncontent_basis = "stated"\n', "stated")])
def test_the_basis_of_a_commitment_is_its_content_basis_else_its_own(tmp_path, bases, basis):
    r = resolver()
    commitment(r, one(tmp_path, '[[commitment]]\nid = "g"\nlabel = "geld voor de wijk"\n' + bases
                      + 'quote = "biedt geld voor de wijk"\n'), DOC)
    c = r.entities["commitment/g"]
    assert c.basis == basis
    assert c.facts == {("skos:prefLabel", Lit("geld voor de wijk", lang="nl")): {NAME},
                       ("prov:wasDerivedFrom", Ref("source/021_pers")): {NAME}}


def test_a_commitment_by_an_organisation_or_a_person_with_a_function(tmp_path):
    r = resolver()
    base = '[[commitment]]\nid = "{id}"\nlabel = "geld voor de wijk"\nby = "{by}"\n{more}quote = {quote}\n'
    commitment(r, one(tmp_path, base.format(id="a", by="Binnenlandse Zaken", more='by_type = "department"\n',
                                            quote='["biedt geld voor de wijk", "met Binnenlandse Zaken en Defensie"]')), DOC)
    commitment(r, one(tmp_path, base.format(id="b", by="A. Jansen", more='by_type = "person"\nby_function = "Wethouder"\n',
                                            quote='"Wethouder A. Jansen biedt geld voor de wijk"')), DOC)
    assert r.entities["commitment/a"].objects("vg:committedBy") == [Ref("department/bzk")]
    assert r.entities["department/bzk"].spellings == {"Binnenlandse Zaken": {ev("Binnenlandse Zaken"): None}}
    assert r.entities["commitment/b"].objects("vg:committedBy") == [Ref("person/a-jansen")]
    assert r.entities["person/a-jansen"].objects("schema:jobTitle") == [Lit("Wethouder", lang="nl")]
    assert r.entities["person/a-jansen"].spellings == {"A. Jansen": {ev("A. Jansen", 1): None}}


@pytest.mark.parametrize("toml, message", [
    ('label = "geld voor het plein"\nquote = "biedt geld voor de wijk"\n',
     "021_pers.toml: [[commitment]] #1 (g): the name 'geld voor het plein' does not stand in any of its quotes"),
    ('label = "geld voor de wijk"\nby_text = "de leden"\nquote = "biedt geld voor de wijk"\n',
     "021_pers.toml: [[commitment]] #1 (g): the name 'de leden' does not stand in any of its quotes"),
    ('label = "geld voor de wijk"\ntarget = "eind 2008"\nquote = "biedt geld voor de wijk"\n',
     "021_pers.toml: [[commitment]] #1 (g): 'eind 2008' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_a_commitment_whose_words_are_not_in_its_quotes_or_whose_date_is_none_is_refused(tmp_path, toml, message):
    with pytest.raises(StatementError) as err:
        commitment(resolver(), one(tmp_path, '[[commitment]]\nid = "g"\n' + toml), DOC)
    assert str(err.value) == message


SIGNING = Reference(departments=REF.departments, functions=[
    FunctionWord("minister van", "minister", "cabinet-member", True),
    FunctionWord("minister", "minister", "cabinet-member", True),
    FunctionWord("wethouder", "wethouder", "municipal-representative", False)])
AGREEMENT = ('[[agreement]]\nid = "Akkoord Wijk"\nlabel = "akkoord van de wijk"\n'
             'signatories = [{name = "B. Smit", function = "minister van BZK"}, {name = "C. Kok"}]\n'
             'on_behalf_of = ["BZK", "wethouder"]\n'
             'quote = ["tekenden minister van BZK B. Smit en C. Kok", "namens BZK en de wethouder"]\n')


def test_an_agreement_its_signatories_and_on_whose_behalf(tmp_path):
    r = resolver(SIGNING)
    agreement(r, one(tmp_path, AGREEMENT), DOC)
    ag = r.entities["agreement/akkoord-wijk"]
    assert (ag.kind, ag.label) == ("agreement", "akkoord van de wijk")
    assert ag.facts == {("skos:prefLabel", Lit("akkoord van de wijk", lang="nl")): {NAME},
                        ("prov:wasDerivedFrom", Ref("source/021_pers")): {NAME},
                        ("vg:signatory", Ref("person/b-smit")): {NAME},
                        ("vg:signatory", Ref("person/c-kok")): {NAME},
                        ("vg:onBehalfOf", Ref("department/bzk")): {NAME},
                        ("vg:onBehalfOf", Ref("post/wethouder")): {NAME}}
    assert ag.evidence == {ev("tekenden minister van BZK B. Smit en C. Kok"), ev("namens BZK en de wethouder")}
    assert r.entities["person/b-smit"].objects("org:holds") == [Ref("post/minister-bzk")]
    assert r.entities["person/c-kok"].objects("org:holds") == []
    assert r.entities["post/wethouder"].facts == {("skos:prefLabel", Lit("wethouder")): {NAME},
                                                  ("org:role", Ref("function/wethouder")): {NAME}}
    assert r.entities["department/bzk"].spellings["BZK"] == {ev("BZK", 1): None}   # where() looks in the first quote first
    assert r.warnings == []


def test_on_behalf_of_a_function_that_names_a_department_is_read_as_a_department(tmp_path):
    r = resolver(SIGNING)
    agreement(r, one(tmp_path, '[[agreement]]\nid = "a"\nlabel = "akkoord"\non_behalf_of = ["minister"]\n'
                               'quote = "Het akkoord tekenden minister"\n'), DOC)
    assert r.entities["agreement/a"].objects("vg:onBehalfOf") == [Ref("department/minister")]
    assert r.warnings == ["dir/021_pers.txt:5: unknown department 'minister' (not in data/reference/ministries.csv): "
                          "kept as a new node"]
    assert not any(k.startswith("post/") for k in r.entities)
    agreement(r, one(tmp_path, '[[agreement]]\nid = "b"\nlabel = "akkoord"\nquote = "Het akkoord tekenden"\n'), DOC)
    assert r.entities["agreement/b"].facts == {("skos:prefLabel", Lit("akkoord", lang="nl")): {NAME},
                                               ("prov:wasDerivedFrom", Ref("source/021_pers")): {NAME}}


def test_the_steps_and_district_roles_of_an_agreement(tmp_path):
    r = resolver(SIGNING)
    sts = statements(tmp_path, AGREEMENT + '\n[[approach_step]]\nagreement = "akkoord wijk"\norder = "02"\n'
                                         'quote = "Stap 2: de wijk kiest"\n\n'
                                         '[[district_role]]\nagreement = "Akkoord Wijk"\nname = "Regisseur"\n'
                                         'quote = ["de wijk kiest", "De wijk als regisseur"]\n')
    agreement(r, sts[0], DOC)
    approach_step(r, sts[1], DOC)
    ag, step = r.entities["agreement/akkoord-wijk"], r.entities["step/akkoord-wijk-2"]
    assert (step.kind, step.label) == ("step", "Stap 2: de wijk kiest")
    assert step.facts == {("vg:order", Lit("2", "xsd:integer")): {NAME},
                          ("rdfs:comment", Lit("Stap 2: de wijk kiest", lang="nl")): {NAME}}
    assert step.evidence == {ev("Stap 2: de wijk kiest")}
    assert ag.facts[("vg:approachStep", Ref("step/akkoord-wijk-2"))] == {NAME}
    st = one(tmp_path, '[[district_role]]\nagreement = "Akkoord Wijk"\nname = "regisseur"\n'
                       'quote = ["de wijk kiest", "De wijk als regisseur"]\n')
    district_role(r, st, DOC)
    role = r.entities["role/regisseur"]
    assert (role.kind, role.label) == ("role", "regisseur")
    assert role.facts == {("skos:prefLabel", Lit("regisseur", lang="nl")): {NAME}}
    assert role.spellings == {"regisseur": {ev("regisseur"): None}} and role.evidence == {ev("de wijk kiest")}
    assert ag.facts[("vg:districtRole", Ref("role/regisseur"))] == {NAME}
    with pytest.raises(StatementError) as err:
        district_role(r, sts[2], DOC)                  # "Regisseur" does not stand as written
    assert str(err.value) == ("021_pers.toml: [[district_role]] #1 (Regisseur): the name 'Regisseur' does not "
                              "stand in any of its quotes")


@pytest.mark.parametrize("kind", ["approach_step", "district_role"])
def test_a_step_or_role_of_an_unknown_agreement_is_refused(tmp_path, kind):
    extra = 'order = 1\n' if kind == "approach_step" else 'name = "regisseur"\n'
    st = one(tmp_path, f'[[{kind}]]\nagreement = "Ander Akkoord"\n{extra}quote = "De wijk als regisseur"\n')
    with pytest.raises(StatementError) as err:
        (approach_step if kind == "approach_step" else district_role)(resolver(SIGNING), st, DOC)
    assert str(err.value) == f"{st.label}: unknown agreement 'Ander Akkoord'"
    assert st.label.startswith(f"021_pers.toml: [[{kind}]] #1")
