"""A project page's listing, held exactly: the project with its dates, each team's key, label and
facts, the coalition role of every bullet (stated by its function word or inferred by column order),
and what a page without a title or without teams gives.

Written against the mutants that survived ``benchmarks/mutation.py resolution.listing``.
"""

from __future__ import annotations

import pytest

from vitalegraph.pipeline.reference import Department, FunctionWord, Municipality, Reference
from vitalegraph.pipeline.resolution.listing import COLUMN_ORDER, add_team, extract, listing
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.organisations import load_departments
from vitalegraph.pipeline.resolution.places import load_municipalities
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import TextIndex

THEME = "Wonen en werken in de wijk met een heel lang thema"   # themes that share 40 characters of slug


HEAD = "Amsterdam,\nNoord (Buiksloot)\nToelichting (pdf-bestand)\n"


def team_text(theme: str, *bullets: str) -> str:
    return HEAD + theme + "\n" + "".join(
        f" • {b}\n" for b in bullets) + "\n"


PAGE = ("Nieuwe wijken\n\nStart: 2006\nVoltooiing: 2008\n\n"
        + team_text(f"{THEME} A", "Anna Jansen (wethouder)", "Bert Kaan (adviseur)", "Carl Dijk (dg WZ)",
                    "Dirk Wit (hoogleraar)")
        + team_text(f"{THEME} B", "Eva Roos (minister WZ)", "Frits Hals (architect)")
        + team_text(f"{THEME} C", "Gijs Berg (wethouder)"))
DOC = SourceDocument.from_bytes("dir/012_lijst.txt", PAGE.encode())
NAME = DOC.name
#: the first team again, in another document: the same team
AGAIN = SourceDocument.from_bytes("012_weer.txt", team_text(f"{THEME} A", "Hans Mos (wethouder)").encode())

REF = Reference(departments=[Department("wz", "ministry", ("WZ",), "Wonen en Zorg", "", "", "", "m.csv")],
                municipalities=[Municipality("amsterdam", "Amsterdam", "0363", "", "", (), "g.csv")],
                functions=[FunctionWord("minister", "minister", "cabinet-member", True),
                           FunctionWord("dg", "directeur-generaal", "director-general", True),
                           FunctionWord("wethouder", "wethouder", "municipal-representative", False)])
BASE = "team/amsterdam-noord-wonen-en-werken-in-de-wijk-met-een-heel"


def resolver() -> Resolver:
    r = Resolver(REF)
    load_departments(r)
    load_municipalities(r)
    return r


def resolved(*docs: SourceDocument) -> Resolver:
    r = resolver()
    found = extract(list(docs or (DOC, AGAIN)))
    assert [d for d, _, _ in found] == list(docs or (DOC, AGAIN))
    for doc, info, teams in found:
        listing(r, doc, info, teams, TextIndex(doc))
    return r


def ev(start: int, end: int) -> Evidence:
    return Evidence(NAME, start, end)


def span(value: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = PAGE.index(value, at + 1)
    return at, at + len(value)


def test_the_project_with_its_title_and_dates():
    r = resolved()
    project = r.entities["project/nieuwe-wijken"]
    assert (project.kind, project.label) == ("project", "Nieuwe wijken")
    assert project.facts == {("skos:prefLabel", Lit("Nieuwe wijken")): {NAME},
                             ("rdf:type", Lit("vg:Project", "curie")): {NAME},
                             ("schema:startDate", Lit("2006", "xsd:gYear")): {NAME},
                             ("schema:endDate", Lit("2008", "xsd:gYear")): {NAME},
                             ("prov:wasDerivedFrom", Ref("source/012_lijst")): {NAME}}
    assert project.spellings == {"Nieuwe wijken": {ev(0, 13): None}}
    assert project.evidence == {ev(0, 13), ev(*span("2006")), ev(*span("2008"))}
    # the dates are context: they do not name the project (the build's fidelity check needs to know)
    assert project.context == {ev(*span("2006")), ev(*span("2008"))}


def test_teams_are_one_per_label_and_numbered_when_their_keys_collide():
    r = resolved()
    teams = [k for k in r.entities if k.startswith("team/")]
    assert teams == [BASE, f"{BASE}-2", f"{BASE}-3"]
    assert [(t.key, m, d, th) for t, m, d, th in r.teams] == [
        (BASE, "municipality/amsterdam", "Noord (Buiksloot)", f"{THEME} A"),
        (f"{BASE}-2", "municipality/amsterdam", "Noord (Buiksloot)", f"{THEME} B"),
        (f"{BASE}-3", "municipality/amsterdam", "Noord (Buiksloot)", f"{THEME} C"),
        (BASE, "municipality/amsterdam", "Noord (Buiksloot)", f"{THEME} A")]
    team = r.entities[BASE]
    label = f"Noord (Buiksloot) (Amsterdam): {THEME} A"
    assert team.label == label
    both = {NAME, AGAIN.name}
    assert team.facts == {("skos:prefLabel", Lit(label)): both,
                          ("schema:areaServed", Ref("district/amsterdam-noord")): both,
                          ("org:purpose", Ref("theme/wonen-en-werken-in-de-wijk-met-een-heel-lang-thema-a")): both,
                          ("dct:isPartOf", Ref("project/nieuwe-wijken")): {NAME},
                          ("dct:isPartOf", Ref("project/012-weer")): {AGAIN.name},
                          ("prov:wasDerivedFrom", Ref("source/012_lijst")): {NAME},
                          ("prov:wasDerivedFrom", Ref("source/012_weer")): {AGAIN.name}}
    first = span(f"{HEAD}{THEME} A")
    assert team.evidence == {ev(*first), Evidence(AGAIN.name, 0, len(f"{HEAD}{THEME} A"))}
    assert r.entities[f"{BASE}-3"].label == f"Noord (Buiksloot) (Amsterdam): {THEME} C"
    theme = r.entities["theme/wonen-en-werken-in-de-wijk-met-een-heel-lang-thema-a"]
    assert theme.label == f"{THEME} A"
    assert theme.facts == {("skos:prefLabel", Lit(f"{THEME} A", lang="nl")): both}
    assert theme.spellings == {f"{THEME} A": {ev(*span(f"{THEME} A")): None,
                                              Evidence(AGAIN.name, len(HEAD), len(f"{HEAD}{THEME} A")): None}}


def test_the_municipality_and_district_cite_the_header():
    r = resolved(DOC)
    muni, area = r.entities["municipality/amsterdam"], r.entities["district/amsterdam-noord"]
    assert muni.evidence == {ev(*span("Amsterdam", n)) for n in range(3)}
    assert area.evidence == {ev(*span(f"{HEAD}{THEME} {x}")) for x in "ABC"}
    assert area.label == "Noord (Buiksloot)"
    assert muni.spellings == {"Amsterdam": {ev(*span("Amsterdam", n)): None for n in range(3)}}
    assert area.spellings == {"Noord (Buiksloot)": {ev(*span("Noord (Buiksloot)", n)): None
                                                                            for n in range(3)}}


def _roles(r, team):
    out = []
    for m in r.entities.values():
        if m.kind == "membership" and m.objects("org:organization") == [Ref(team)]:
            [role] = m.objects("org:role")
            claim = m.claims.get(("org:role", role))
            out.append((m.objects("org:member")[0].key, role.key, claim.rule if claim else None))
    return out


def test_roles_by_function_word_or_by_column_order():
    r = resolved()
    assert _roles(r, BASE) == [
        ("person/anna-jansen", "role/municipal-representative", None),
        ("person/bert-kaan", "role/municipal-representative", COLUMN_ORDER),
        ("person/carl-dijk", "role/director-general", None),
        ("person/dirk-wit", "role/independent-expert", COLUMN_ORDER),
        ("person/hans-mos", "role/municipal-representative", None)]
    assert _roles(r, f"{BASE}-2") == [("person/eva-roos", "role/cabinet-member", None),
                                      ("person/frits-hals", "role/independent-expert", COLUMN_ORDER)]
    assert COLUMN_ORDER == "column-order"
    m = r.entities["membership/amsterdam-noord-wonen-en-werken-in-de-wijk-met-een-heel-bert-kaan"]
    quote = span("Bert Kaan (adviseur)")
    assert m.claims == {("org:role", Ref("role/municipal-representative")):
                        Claim("inferred", "column-order", ev(*quote), NAME)}
    assert m.evidence == {ev(*quote)}
    assert m.facts[("vg:isLaterChange", Lit("false", "xsd:boolean"))] == {NAME}
    assert not any(p == "vg:asOf" for p, _ in m.facts)
    carl = r.entities["person/carl-dijk"]
    assert carl.objects("org:holds") == [Ref("post/directeur-generaal-wz")]
    assert carl.spellings == {"Carl Dijk": {ev(*span("Carl Dijk")): None}}
    assert r.entities["department/wz"].spellings == {"WZ": {ev(*span("WZ")): None, ev(*span("WZ", 1)): None}}


def test_a_surname_bullet_is_the_known_person_of_its_department():
    page = team_text("Zorg", "Carl Dijk (dg WZ)", "Dijk (dg WZ)")
    doc = SourceDocument.from_bytes("013_b.txt", page.encode())
    r = resolver()
    [(_, info, teams)] = extract([doc])
    project = r.entity("project", "p", "P")
    add_team(r, doc, teams[0], project, None)
    assert [k for k in r.entities if k.startswith("person/")] == ["person/carl-dijk"]
    assert list(r.entities["person/carl-dijk"].spellings) == ["Carl Dijk", "Dijk"]
    assert r.entities["team/amsterdam-noord-zorg"].facts[("dct:isPartOf", Ref("project/p"))] == {"013_b.txt"}


def test_a_listing_without_title_is_named_by_its_file_and_a_page_without_teams_gives_nothing():
    doc = SourceDocument.from_bytes("014_zonder.txt", team_text("Zorg", "Anna Jansen (wethouder)").encode())
    r = resolved(doc)
    project = r.entities["project/014-zonder"]
    assert project.label == "014_zonder"
    assert project.facts == {("skos:prefLabel", Lit("014_zonder")): {"014_zonder.txt"},
                             ("rdf:type", Lit("vg:Project", "curie")): {"014_zonder.txt"},
                             ("prov:wasDerivedFrom", Ref("source/014_zonder")): {"014_zonder.txt"}}
    assert project.spellings == {} and project.evidence == set()
    plain = SourceDocument.from_bytes("015_tekst.txt", "Een titel\n\nStart: 2006\n".encode())
    r = resolved(plain)
    assert r.entities.keys() == resolver().entities.keys() and r.teams == []


@pytest.mark.parametrize("theme, key", [
    # the slug's fortieth character ends a word: the word is kept
    ("Wonen en werken in de wijk met een grote lange naam", "wonen-en-werken-in-de-wijk-met-een-grote"),
    # a word ends at the forty-first: cut after the word before it
    ("Wonen en werken in de wijk met een groter gebied", "wonen-en-werken-in-de-wijk-met-een"),
])
def test_a_municipality_key_with_a_slash_and_a_theme_cut_at_a_word_end(theme, key):
    """Reference keys are not slugs; a theme's slug is cut at 40 characters, after a whole word."""
    ref = Reference(municipalities=[Municipality("nh/alkmaar", "Alkmaar", "", "", "", (), "g.csv")])
    r = Resolver(ref)
    load_municipalities(r)
    page = "Alkmaar,\nNoord\nToelichting (pdf-bestand)\n" + theme + "\n • Anna Jansen (wethouder)\n"
    doc = SourceDocument.from_bytes("020_a.txt", page.encode())
    [(_, info, teams)] = extract([doc])
    add_team(r, doc, teams[0], r.entity("project", "p", "P"), None)
    assert [k for k in r.entities if k.startswith("team/")] == ["team/nh/alkmaar-noord-" + key]
