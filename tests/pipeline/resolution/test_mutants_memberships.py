"""Curated ``membership`` statements, held exactly: which team of the listing a later change is
about, the new member's membership with its role, function, dates, note and basis, whom they
replace and on which words, and each refusal with its own message.

Written against the mutants that survived ``benchmarks/mutation.py resolution.curated.memberships``
(mutmut mutates these functions through the patch in ``benchmarks/mutation.py``).
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import FunctionWord, Municipality, Party, Reference
from vitalegraph.pipeline.resolution.curated.memberships import LATER_DESCRIPTION_REPLACES, find_team, membership
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.persons import person
from vitalegraph.pipeline.resolution.places import load_municipalities
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import load_statement_file

TEXT = ("De teams van Overvecht en Oost in Utrecht en van Centrum in Zeist.\n"
        "In 2008 zit wethouder Els Bakker in het team, Jan Smit is weg.\n"
        "Projectleider Piet de Vries komt erbij; hij vervangt Kees Mol.\n"
        "In Zaandam zit Anna de Wit (wethouder, PvdA) in het team.\n")
DOC = SourceDocument.from_bytes("dir/044_team.txt", TEXT.encode())
NAME = DOC.name
REF = Reference(municipalities=[Municipality("utrecht", "Utrecht", "", "", "", (), "g.csv"),
                                Municipality("zaanstad", "Zaanstad", "", "", "", ("Zaandam",), "g.csv")],
                parties=[Party("pvda", "PvdA", "Partij van de Arbeid", "", "p.csv")],
                functions=[FunctionWord("wethouder", "wethouder", "municipal-representative", False)])
LABEL = "044_team.toml: [[membership]] #1"


def ev(value: str) -> Evidence:
    at = TEXT.index(value)
    return Evidence(NAME, at, at + len(value))


def resolver() -> Resolver:
    """Utrecht's teams Overvecht (wonen, zorg) and Oost, Zeist's (no reference data) Centrum, Zaanstad's
    West; Jan Smit
    a member of Overvecht (wonen) and of Oost, Kees Mol of Overvecht (wonen) and (zorg)."""
    r = Resolver(REF)
    load_municipalities(r)
    r.entity("party", "pvda", "PvdA")
    r.entity("municipality", "zeist", "Zeist")
    for local, muni, district, theme in (("ov-wonen", "municipality/utrecht", "Overvecht", "Wonen"),
                                         ("ov-zorg", "municipality/utrecht", "Overvecht", "Zorg"),
                                         ("oost", "municipality/utrecht", "Oost", ""),
                                         ("centrum", "municipality/zeist", "Centrum", ""),
                                         ("west", "municipality/zaanstad", "West", "")):
        r.teams.append((r.entity("team", local, f"Team {local}"), muni, district, theme))
    for who, teams in (("Jan SMIT", ("ov-wonen", "oost")), ("Kees MOL", ("ov-wonen", "ov-zorg"))):
        p = person(r, Text(who, 0, 1, 1), DOC)
        for team in teams:
            m = r.entity("membership", f"{team}-{p.key}", f"{who} in {team}")
            m.add("org:member", p, NAME)
            m.add("org:organization", Ref(f"team/{team}"), NAME)
    r.entity("source", DOC.stem, NAME)
    return r


def statement(tmp_path, toml: str):
    path = tmp_path / "044_team.toml"
    path.write_text("[[membership]]\n" + toml, encoding="utf-8")
    [st] = load_statement_file(path, DOC).statements
    return st


BAKKER = ('district = "overvecht"\nmunicipality = "Utrecht"\ntheme = "wonen"\nname = "Els Bakker"\n'
          'function = "wethouder"\nrole = "municipal-representative"\nas_of = 2008\nreplaces = "Jan Smit"\n'
          'quote = ["De teams van Overvecht", "In 2008 zit wethouder Els Bakker in het team", "Jan Smit is weg"]\n')


def test_a_new_member_replacing_a_listed_one_by_the_rule(tmp_path):
    r = resolver()
    membership(r, statement(tmp_path, BAKKER), DOC)
    m = r.entities["membership/ov-wonen-els-bakker-2008"]
    quote = ev("In 2008 zit wethouder Els Bakker in het team")
    assert (m.kind, m.label, m.basis) == ("membership", "Els Bakker in Team ov-wonen", "stated")
    assert m.facts == {("org:member", Ref("person/els-bakker")): {NAME},
                       ("org:organization", Ref("team/ov-wonen")): {NAME},
                       ("org:role", Ref("role/municipal-representative")): {NAME},
                       ("vg:functionText", Lit("wethouder")): {NAME},
                       ("vg:function", Ref("function/wethouder")): {NAME},
                       ("vg:isLaterChange", Lit("true", "xsd:boolean")): {NAME},
                       ("vg:asOf", Lit("2008", "xsd:gYear")): {NAME},
                       ("prov:wasDerivedFrom", Ref("source/044_team")): {NAME},
                       ("vg:replaces", Ref("membership/ov-wonen-person/jan-smit")): {NAME}}
    assert m.claims == {("vg:replaces", Ref("membership/ov-wonen-person/jan-smit")):
                        Claim("inferred", LATER_DESCRIPTION_REPLACES, quote, NAME)}
    assert m.evidence == {quote}
    els = r.entities["person/els-bakker"]
    assert els.objects("org:holds") == [Ref("post/wethouder")] and els.evidence == {quote}
    assert els.objects("org:hasMembership") == [Ref("membership/ov-wonen-els-bakker-2008")]
    assert r.warnings == []


def test_a_member_from_a_stated_date_with_a_note_replacing_by_the_sources_words(tmp_path):
    r = resolver()
    st = statement(tmp_path, 'district = "Overvecht"\nmunicipality = "Utrecht"\ntheme = "Zorg"\n'
                             'name = "Piet de Vries"\nfunction = "Projectleider"\nrole = "independent-expert"\n'
                             'from = "2008-03"\nnote = "joins the team"\nreplaces = "Kees Mol"\n'
                             'replaces_basis = "announced"\nbasis = "announced"\n'
                             'quote = ["Projectleider Piet de Vries komt erbij", "hij vervangt Kees Mol"]\n')
    membership(r, st, DOC)
    m = r.entities["membership/ov-zorg-piet-de-vries"]
    assert m.basis == "announced"
    assert m.facts == {("org:member", Ref("person/piet-de-vries")): {NAME},
                       ("org:organization", Ref("team/ov-zorg")): {NAME},
                       ("org:role", Ref("role/independent-expert")): {NAME},
                       ("vg:functionText", Lit("Projectleider")): {NAME},
                       ("vg:function", Ref("function/other")): {NAME},
                       ("vg:isLaterChange", Lit("true", "xsd:boolean")): {NAME},
                       ("vg:validFrom", Lit("2008-03", "xsd:gYearMonth")): {NAME},
                       ("rdfs:comment", Lit("joins the team", lang="en")): {NAME},
                       ("prov:wasDerivedFrom", Ref("source/044_team")): {NAME},
                       ("vg:replaces", Ref("membership/ov-zorg-person/kees-mol")): {NAME}}
    assert m.claims == {("vg:replaces", Ref("membership/ov-zorg-person/kees-mol")):
                        Claim("announced", None, ev("hij vervangt Kees Mol"), NAME)}
    assert m.evidence == {ev("Projectleider Piet de Vries komt erbij")}
    assert r.entities["person/piet-de-vries"].objects("schema:jobTitle") == [Lit("Projectleider", lang="nl")]


def test_a_member_both_described_as_of_and_from_a_date(tmp_path):
    r = resolver()
    st = statement(tmp_path, 'district = "Oost"\nmunicipality = "Utrecht"\nname = "Els Bakker"\n'
                             'function = ""\nrole = "cabinet-member"\nas_of = 2008\nfrom = "2008-01-01"\n'
                             'quote = "In 2008 zit wethouder Els Bakker"\n')
    membership(r, st, DOC)
    m = r.entities["membership/oost-els-bakker-2008"]
    assert m.objects("vg:asOf") == [Lit("2008", "xsd:gYear")]
    assert m.objects("vg:validFrom") == [Lit("2008-01-01", "xsd:date")]
    assert m.objects("org:role") == [Ref("role/cabinet-member")]
    assert m.objects("vg:functionText") == m.objects("vg:function") == m.objects("vg:replaces") == []
    assert m.claims == {}


def test_a_team_by_a_place_of_its_municipality_and_a_function_with_a_party(tmp_path):
    r = resolver()
    st = statement(tmp_path, 'district = "West"\nmunicipality = "Zaandam"\nname = "Anna de Wit"\n'
                             'function = "wethouder, PvdA"\nrole = "municipal-representative"\nfrom = 2009\n'
                             'quote = "In Zaandam zit Anna de Wit (wethouder, PvdA) in het team"\n')
    membership(r, st, DOC)
    m = r.entities["membership/west-anna-de-wit"]
    assert m.objects("org:organization") == [Ref("team/west")]
    assert m.objects("vg:functionText") == [Lit("wethouder, PvdA")]
    assert m.objects("vg:affiliation") == [Ref("party/pvda")] and m.objects("vg:asOf") == []
    assert m.objects("vg:validFrom") == [Lit("2009", "xsd:gYear")]


def test_the_team_of_a_municipality_outside_the_reference_data(tmp_path):
    r = resolver()
    st = statement(tmp_path, 'district = "centrum"\nmunicipality = "zeist"\nname = "Els Bakker"\n'
                             'function = ""\nrole = "director-general"\nas_of = 2008\nquote = "Els Bakker"\n')
    assert find_team(r, st) is r.entities["team/centrum"]
    membership(r, st, DOC)
    assert r.entities["membership/centrum-els-bakker-2008"].objects("org:role") == [Ref("role/director-general")]


@pytest.mark.parametrize("toml, message", [
    ('district = "Overvecht"\nmunicipality = "Utrecht"\nrole = "wethouder"\n',
     "2 teams (add its theme) in the listing for Overvecht, Utrecht"),
    ('district = "Overvecht"\nmunicipality = "Utrecht"\ntheme = "sport"\nrole = "wethouder"\n',
     "no team in the listing for Overvecht, Utrecht"),
    ('district = "Oost"\nmunicipality = "Zeist"\nrole = "wethouder"\n', "no team in the listing for Oost, Zeist"),
    ('district = "Centrum"\nmunicipality = "Utrecht"\nrole = "wethouder"\n', "no team in the listing for Centrum, Utrecht"),
    ('district = "Centrum"\nmunicipality = "Amersfoort"\nrole = "wethouder"\n', "no team in the listing for Centrum, Amersfoort"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "wethouder"\nas_of = 2008\n',
     "role must be one of municipal-representative, director-general, independent-expert, cabinet-member"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\n',
     "missing key 'as_of' (the date the source describes the team) or 'from'"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\nas_of = "begin 2008"\n',
     "'begin 2008' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\nas_of = 2008\nfrom = "maart"\n',
     "'maart' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\nas_of = 2008\nreplaces = "Kees Mol"\n',
     "replaces 'Kees Mol', who is not a member of that team"),
    # the new member herself: her own new membership is not the one she replaces
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\nas_of = 2008\nreplaces = "Els Bakker"\n',
     "replaces 'Els Bakker', who is not a member of that team"),
    ('district = "Overvecht"\nmunicipality = "Utrecht"\ntheme = "Wonen"\nrole = "cabinet-member"\nas_of = 2008\n'
     'replaces = "Piet de Vries"\n', "replaces 'Piet de Vries', who is not a member of that team"),
    ('district = "Oost"\nmunicipality = "Utrecht"\nrole = "cabinet-member"\nas_of = 2008\nreplaces = "Jan Smit"\n'
     'replaces_basis = "inferred"\nreplaces_rule = ""\n',
     'replaces_basis = "inferred" needs replaces_rule, the rule that infers it'),
])
def test_a_membership_of_no_one_team_or_with_wrong_fields_is_refused(tmp_path, toml, message):
    r = resolver()
    st = statement(tmp_path, toml + 'name = "Els Bakker"\nfunction = "wethouder"\nquote = "In 2008 zit wethouder Els Bakker in het team, '
                                    'Jan Smit is weg"\n')
    with pytest.raises(StatementError) as err:
        membership(r, st, DOC)
    assert str(err.value) == f"{LABEL} (Els Bakker): {message}"


def test_a_replaced_member_named_twice_in_the_team_is_refused(tmp_path):
    r = resolver()
    m = r.entity("membership", "ov-wonen-jan-2", "Jan Smit again")
    m.add("org:member", Ref("person/jan-smit"), NAME)
    m.add("org:organization", Ref("team/ov-wonen"), NAME)
    with pytest.raises(StatementError) as err:
        membership(r, statement(tmp_path, BAKKER), DOC)
    assert str(err.value) == f"{LABEL} (Els Bakker): replaces 'Jan Smit', who is not a member of that team"
