"""Curated ``adoption`` and ``project`` statements, held exactly: who adopted which organisation
where and who took it over, and a follow-up project's places, partners and their roles, persons,
other names, subsidy, amount, dates (each on the quote that gives it), report and description, each
refusal with its own message.

Written against the mutants that survived ``benchmarks/mutation.py resolution.curated.projects``
(mutmut mutates these ``@handles`` functions through the patch in ``benchmarks/mutation.py``).
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import FunctionWord, Municipality, Party, Reference
from vitalegraph.pipeline.resolution.curated.projects import adoption, project
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.places import district, load_municipalities
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import load_statement_file

TEXT = ("Wethouder Els Bakker adopteert basisschool De Regenboog in Overvecht, Utrecht.\n"
        "Later zou Jan Smit de adoptie overnemen, en Kees Mol die van De Linde.\n"
        "Het Buurtfonds (het fonds) in Overvecht en Oost werkt met de gemeente Utrecht, de PvdA, "
        "Stichting Wijkkracht en Woonstad, zonder subsidie, met 25000 euro.\n"
        "Het fonds startte in maart 2009, werd in mei 2009 gepresenteerd door projectleider Piet de Vries.\n")
DOC = SourceDocument.from_bytes("dir/055_fonds.txt", TEXT.encode())
NAME = DOC.name
REF = Reference(municipalities=[Municipality("utrecht", "Utrecht", "", "", "", (), "g.csv")],
                parties=[Party("pvda", "PvdA", "Partij van de Arbeid", "", "p.csv")],
                functions=[FunctionWord("wethouder", "wethouder", "municipal-representative", False)])


def ev(value: str) -> Evidence:
    at = TEXT.index(value)
    return Evidence(NAME, at, at + len(value))


def resolver() -> Resolver:
    """Utrecht with its district Overvecht (not Oost), the party PvdA, and a publication."""
    r = Resolver(REF)
    load_municipalities(r)
    r.entity("party", "pvda", "PvdA")
    district(r, r.entities["municipality/utrecht"], Text("Overvecht", 0, 1, 1), DOC)
    r.entity("publication", "krant-2009", "De Krant, 2009")
    r.entity("source", DOC.stem, NAME)
    return r


def statement(tmp_path, toml: str):
    path = tmp_path / "055_fonds.toml"
    path.write_text(toml, encoding="utf-8")
    [st] = load_statement_file(path, DOC).statements
    return st


ADOPTION = ('[[adoption]]\nadopter = "Els Bakker"\nadopter_function = "Wethouder"\n'
            'organisation = "De Regenboog"\norganisation_type = "basisschool"\n'
            'district = "Overvecht"\nmunicipality = "Utrecht"\n'
            'successor = "Jan Smit"\nsuccessor_basis = "announced"\n'
            'quote = ["Wethouder Els Bakker adopteert basisschool De Regenboog in Overvecht, Utrecht", '
            '"Later zou Jan Smit de adoptie overnemen"]\n')


def test_an_adoption_where_and_who_is_to_take_it_over(tmp_path):
    r = resolver()
    adoption(r, statement(tmp_path, ADOPTION), DOC)
    ad = r.entities["adoption/els-bakker-de-regenboog"]
    first, second = (ev("Wethouder Els Bakker adopteert basisschool De Regenboog in Overvecht, Utrecht"),
                     ev("Later zou Jan Smit de adoptie overnemen"))
    assert (ad.kind, ad.label, ad.basis) == ("adoption", "Els Bakker: De Regenboog", "stated")
    assert ad.facts == {("skos:prefLabel", Lit("Els Bakker: De Regenboog")): {NAME},
                        ("vg:adopter", Ref("person/els-bakker")): {NAME},
                        ("vg:adoptedOrganisation", Ref("organisation/de-regenboog")): {NAME},
                        ("schema:location", Ref("district/utrecht-overvecht")): {NAME},
                        ("vg:takenOverBy", Ref("person/jan-smit")): {NAME},
                        ("prov:wasDerivedFrom", Ref("source/055_fonds")): {NAME}}
    assert ad.claims == {("vg:takenOverBy", Ref("person/jan-smit")): Claim("announced", None, second, NAME)}
    assert ad.evidence == {first, second}
    assert ad.cited_by == {first: "055_fonds.toml: [[adoption]] #1", second: "055_fonds.toml: [[adoption]] #1"}
    school = r.entities["organisation/de-regenboog"]
    assert school.facts == {("skos:prefLabel", Lit("De Regenboog")): {NAME}, ("dct:type", Lit("basisschool")): {NAME}}
    assert school.spellings == {"De Regenboog": {ev("De Regenboog"): None}}
    jan = r.entities["person/jan-smit"]
    assert jan.objects("org:holds") == [Ref("post/wethouder")] and jan.evidence == {second}
    assert r.entities["person/els-bakker"].evidence == {first}
    assert r.entities["person/els-bakker"].objects("org:holds") == [Ref("post/wethouder")]
    assert r.entities["municipality/utrecht"].spellings == {"Utrecht": {ev("Utrecht"): None}}
    assert ev("Overvecht") in r.entities["district/utrecht-overvecht"].spellings["Overvecht"]
    assert r.warnings == []


def test_an_announced_adoption_with_a_successor_of_its_own_function_in_an_unknown_district(tmp_path):
    r = resolver()
    st = statement(tmp_path, '[[adoption]]\nadopter = "Kees Mol"\norganisation = "De Linde"\nbasis = "announced"\n'
                             'district = "Oost"\nmunicipality = "Utrecht"\n'
                             'successor = "Piet de Vries"\nsuccessor_function = "projectleider"\n'
                             'quote = ["Kees Mol die van De Linde", "door projectleider Piet de Vries", '
                             '"Overvecht en Oost werkt met de gemeente Utrecht"]\n')
    adoption(r, st, DOC)
    ad = r.entities["adoption/kees-mol-de-linde"]
    assert ad.basis == "announced" and ad.claims == {}
    assert ad.objects("schema:location") == [Ref("district/utrecht-oost")]
    assert ad.objects("vg:takenOverBy") == [Ref("person/piet-de-vries")]
    assert r.entities["person/piet-de-vries"].objects("schema:jobTitle") == [Lit("projectleider", lang="nl")]
    assert r.entities["person/kees-mol"].facts == {("foaf:name", Lit("Kees Mol")): {NAME}}
    assert r.entities["organisation/de-linde"].facts == {("skos:prefLabel", Lit("De Linde")): {NAME}}
    assert r.warnings == ["dir/055_fonds.txt:3: district 'Oost' in Utrecht is not in any team listing: "
                          "kept as a new node"]


def test_an_adoption_in_a_district_of_no_named_municipality_is_refused(tmp_path):
    with pytest.raises(StatementError, match=r"^055_fonds.toml: \[\[adoption\]\] #1: a district needs a municipality$"):
        adoption(resolver(), statement(tmp_path, '[[adoption]]\nadopter = "Els Bakker"\nadopter_function = "Wethouder"\n'
                                                 'organisation = "De Regenboog"\ndistrict = "Overvecht"\nquote = '
                                                 '"Wethouder Els Bakker adopteert basisschool De Regenboog in Overvecht"\n'), DOC)


def test_an_adoption_without_a_place_its_successor_by_a_rule(tmp_path):
    r = resolver()
    adoption(r, statement(tmp_path, '[[adoption]]\nadopter = "Els Bakker"\nadopter_function = "Wethouder"\n'
                                    'organisation = "De Regenboog"\nsuccessor = "Jan Smit"\n'
                                    'successor_basis = "inferred"\nsuccessor_rule = "r"\nquote = ["Wethouder Els Bakker adopteert basisschool '
                                    'De Regenboog in Overvecht", "Later zou Jan Smit de adoptie overnemen"]\n'), DOC)
    ad = r.entities["adoption/els-bakker-de-regenboog"]
    assert [p for p, _ in ad.facts] == ["skos:prefLabel", "vg:adopter", "vg:adoptedOrganisation", "vg:takenOverBy",
                                        "prov:wasDerivedFrom"]
    assert ad.claims == {("vg:takenOverBy", Ref("person/jan-smit")):
                         Claim("inferred", "r", ev("Later zou Jan Smit de adoptie overnemen"), NAME)}
    assert r.warnings == []
    assert r.entities["person/jan-smit"].objects("org:holds") == [Ref("post/wethouder")]   # the adopter's function
    assert r.entities["organisation/de-regenboog"].objects("dct:type") == []


PROJECT = ('[[project]]\nid = "Buurtfonds Overvecht"\nlabel = "Het Buurtfonds"\nmunicipality = "Utrecht"\n'
           'districts = ["Overvecht", "Oost"]\n'
           'partners = [{name = "Utrecht", type = "Gemeente"}, {name = "PvdA", role = "initiator"}, '
           '{name = "Stichting Wijkkracht", type = "stichting", role = "supplier"}, '
           '{name = "Woonstad", role = "funder"}]\n'
           'persons = [{name = "Piet de Vries", function = "projectleider"}]\nnames = ["het fonds"]\n'
           'subsidised = false\nsubsidised_words = "zonder subsidie"\namount = 25000\ncurrency = "EUR"\n'
           'start = "2009-03"\nstart_words = "startte in maart 2009"\npresented = "2009-05"\n'
           'presented_basis = "announced"\npresented_words = "in mei 2009 gepresenteerd"\n'
           'publication = "Krant 2009"\ndescription = "A fund for the district"\n'
           'quote = ["Het Buurtfonds (het fonds) in Overvecht en Oost werkt met de gemeente Utrecht, de PvdA, '
           'Stichting Wijkkracht en Woonstad, zonder subsidie, met 25000 euro", '
           '"Het fonds startte in maart 2009, werd in mei 2009 gepresenteerd door projectleider Piet de Vries"]\n')


def test_a_project_its_places_partners_persons_money_dates_and_report(tmp_path):
    r = resolver()
    project(r, statement(tmp_path, PROJECT), DOC)
    pr = r.entities["project/buurtfonds-overvecht"]
    first = ev("Het Buurtfonds (het fonds) in Overvecht en Oost werkt met de gemeente Utrecht, de PvdA, "
               "Stichting Wijkkracht en Woonstad, zonder subsidie, met 25000 euro")
    second = ev("Het fonds startte in maart 2009, werd in mei 2009 gepresenteerd door projectleider Piet de Vries")
    assert (pr.kind, pr.label, pr.basis) == ("project", "Het Buurtfonds", "stated")
    assert pr.facts == {("rdf:type", Lit("vg:FollowUpProject", "curie")): {NAME},
                        ("skos:prefLabel", Lit("Het Buurtfonds", lang="nl")): {NAME},
                        ("schema:location", Ref("district/utrecht-overvecht")): {NAME},
                        ("schema:location", Ref("district/utrecht-oost")): {NAME},
                        ("vg:partner", Ref("municipality/utrecht")): {NAME},
                        ("vg:partner", Ref("party/pvda")): {NAME},
                        ("vg:initiator", Ref("party/pvda")): {NAME},
                        ("vg:partner", Ref("organisation/stichting-wijkkracht")): {NAME},
                        ("vg:supplier", Ref("organisation/stichting-wijkkracht")): {NAME},
                        ("vg:partner", Ref("organisation/woonstad")): {NAME},
                        ("vg:funder", Ref("organisation/woonstad")): {NAME},
                        ("vg:involvedPerson", Ref("person/piet-de-vries")): {NAME},
                        ("vg:subsidised", Lit("false", "xsd:boolean")): {NAME},
                        ("vg:amount", Lit("25000", "xsd:decimal")): {NAME},
                        ("vg:currency", Lit("EUR")): {NAME},
                        ("schema:startDate", Lit("2009-03", "xsd:gYearMonth")): {NAME},
                        ("vg:presentedOn", Lit("2009-05", "xsd:gYearMonth")): {NAME},
                        ("vg:reportedIn", Ref("publication/krant-2009")): {NAME},
                        ("rdfs:comment", Lit("A fund for the district", lang="en")): {NAME},
                        ("prov:wasDerivedFrom", Ref("source/055_fonds")): {NAME}}
    assert pr.claims == {("vg:presentedOn", Lit("2009-05", "xsd:gYearMonth")): Claim("announced", None, second, NAME)}
    assert pr.evidence == {first, second}
    assert pr.cited_by == {first: "055_fonds.toml: [[project]] #1 (Buurtfonds Overvecht)",
                           second: "055_fonds.toml: [[project]] #1 (Buurtfonds Overvecht)"}
    assert pr.spellings == {"het fonds": {ev("het fonds"): None}}
    assert r.known("project", "Het Fonds") is pr and r.known("project", "het buurtfonds") is pr
    assert r.entities["organisation/stichting-wijkkracht"].objects("dct:type") == [Lit("stichting")]
    assert r.entities["organisation/woonstad"].facts == {("skos:prefLabel", Lit("Woonstad")): {NAME}}
    assert r.entities["party/pvda"].spellings == {"PvdA": {ev("PvdA"): None}}
    at = TEXT.index("Utrecht, de PvdA")
    assert r.entities["municipality/utrecht"].spellings == {"Utrecht": {Evidence(NAME, at, at + 7): None}}
    assert r.entities["person/piet-de-vries"].objects("schema:jobTitle") == [Lit("projectleider", lang="nl")]
    assert r.warnings == ["dir/055_fonds.txt:3: district 'Oost' in Utrecht is not in any team listing: "
                          "kept as a new node"]


def test_a_project_in_a_municipality_subsidised_dated_by_its_first_quote(tmp_path):
    r = resolver()
    project(r, statement(tmp_path, '[[project]]\nid = "fonds"\nlabel = "Het fonds"\nmunicipality = "Utrecht"\n'
                                   'partners = [{name = "Utrecht", type = "municipality"}]\nbasis = "announced"\n'
                                   'subsidised = true\nsubsidised_words = "subsidie"\namount = 2.5\n'
                                   'date = 2009\ndate_basis = "announced"\nstart = 2009\nstart_basis = "announced"\n'
                                   'quote = ["Het fonds startte in maart 2009", "met de gemeente Utrecht, de PvdA, '
                                   'Stichting Wijkkracht en Woonstad, zonder subsidie"]\n'), DOC)
    pr = r.entities["project/fonds"]
    first = ev("Het fonds startte in maart 2009")
    assert pr.basis == "announced"
    assert pr.facts[("schema:location", Ref("municipality/utrecht"))] == {NAME}
    assert pr.objects("schema:location") == [Ref("municipality/utrecht")]
    assert pr.objects("vg:partner") == [Ref("municipality/utrecht")]
    assert pr.objects("vg:subsidised") == [Lit("true", "xsd:boolean")]
    assert pr.objects("vg:amount") == [Lit("2.5", "xsd:decimal")] and pr.objects("vg:currency") == []
    assert pr.claims == {("dct:date", Lit("2009", "xsd:gYear")): Claim("announced", None, first, NAME),
                         ("schema:startDate", Lit("2009", "xsd:gYear")): Claim("announced", None, first, NAME)}
    assert pr.objects("vg:presentedOn") == pr.objects("vg:reportedIn") == pr.objects("rdfs:comment") == []
    assert r.warnings == []


def test_a_bare_project(tmp_path):
    r = resolver()
    project(r, statement(tmp_path, '[[project]]\nid = "fonds"\nlabel = "Het fonds"\namount = 0\n'
                                   'quote = "Het fonds startte"\n'), DOC)
    pr = r.entities["project/fonds"]
    assert pr.facts == {("rdf:type", Lit("vg:FollowUpProject", "curie")): {NAME},
                        ("skos:prefLabel", Lit("Het fonds", lang="nl")): {NAME},
                        ("vg:amount", Lit("0", "xsd:decimal")): {NAME},
                        ("prov:wasDerivedFrom", Ref("source/055_fonds")): {NAME}}
    assert pr.evidence == {ev("Het fonds startte")} and pr.spellings == {}


LABEL = "055_fonds.toml: [[project]] #1 (fonds)"


@pytest.mark.parametrize("toml, message", [
    ('districts = ["Overvecht"]\n', "districts need a municipality"),
    ('partners = [{name = "PvdA", role = "betaler"}]\n', "partner role must be one of initiator, funder, supplier"),
    ('subsidised = "nee"\nsubsidised_words = "zonder subsidie"\n',
     "subsidised must be true or false, with subsidised_words as written"),
    ('subsidised = false\n', "subsidised must be true or false, with subsidised_words as written"),
    ('subsidised = false\nsubsidised_words = "met subsidie"\n',
     "the name 'met subsidie' does not stand in any of its quotes"),
    ('start = "voorjaar"\n', "'voorjaar' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ('presented = 2009\npresented_words = "in juni"\n', "the name 'in juni' does not stand in any of its quotes"),
    ('date = 2009\ndate_basis = "inferred"\n', 'date_basis = "inferred" needs date_rule, the rule that infers it'),
    ('publication = "Blad 2010"\n', "unknown publication 'Blad 2010'"),
    ('names = ["de pot"]\n', "the name 'de pot' does not stand in any of its quotes"),
])
def test_a_project_with_wrong_fields_is_refused(tmp_path, toml, message):
    st = statement(tmp_path, '[[project]]\nid = "fonds"\nlabel = "Het fonds"\n' + toml
                   + 'quote = "Het Buurtfonds (het fonds) in Overvecht en Oost werkt met de gemeente Utrecht, de PvdA, '
                     'Stichting Wijkkracht en Woonstad, zonder subsidie"\n')
    with pytest.raises(StatementError) as err:
        project(resolver(), st, DOC)
    assert str(err.value) == f"{LABEL}: {message}"
