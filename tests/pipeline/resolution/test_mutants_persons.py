"""Persons, posts, function words and memberships, held exactly: entity keys, every fact with the
documents that state it, spellings at their offsets, warnings with file:line, and the words that
say a function.

Written against the mutants that survived ``benchmarks/mutation.py resolution.persons``.
"""

from __future__ import annotations

from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.reference import Department, FunctionWord, Party, Reference
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.organisations import load_departments, load_parties
from vitalegraph.pipeline.resolution.persons import (SURNAME_IN_DEPARTMENT, _in_quotes, _split_top, add_membership,
                                                     curated_person, person, post, read_function)
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import Statement, TextIndex

TEXT = ("Team Noord\n"
        "- Anna Jansen (wethouder, PvdA)\n"
        "- Piet de Vries (minister voor Wonen, Wijken en Integratie)\n"
        "- Karel Smit (oud-wethouder)\n"
        "- Els Bos (Woonstichting Noord (Oost, West), SP)\n"
        "- Jan Kok (dg Zorg)\n"
        "- Ria Mol (dg)\n"
        "Minister Vries bezocht de wijk met Bjørn Dahl, Bjærn Dahl en Bjœrn Dahl.\n"
        "Wim Vos is projectleider en staatssecretaris van Wonen, Wijken en Integratie.\n"
        "Volgens PIET DE VRIES is het goed.\n"
        "- Otto Berg (wethouder, Partij van de Arbeid, SP)\n"
        "- Lies Mes (eWijk-adviseur)\n")
DOC = SourceDocument.from_bytes("dir/007_wijk.txt", TEXT.encode())
INDEX = TextIndex(DOC)
NAME = "dir/007_wijk.txt"

WWI = Department("wwi", "portfolio", ("WWI",), "Wonen, Wijken en Integratie", "", "", "", "p.csv")
VROM = Department("vrom", "ministry", ("VROM",), "Volkshuisvesting", "", "", "", "m.csv")
REF = Reference(departments=[WWI, VROM],
                parties=[Party("pvda", "PvdA", "Partij van de Arbeid", "", "pp.csv"),
                         Party("sp", "SP", "Socialistische Partij", "", "sp.csv")],
                functions=[FunctionWord("minister", "minister", "cabinet-member", True),
                           FunctionWord("minister voor", "minister-voor", "cabinet-member", True),
                           FunctionWord("staatssecretaris van", "staatssecretaris", "cabinet-member", True),
                           FunctionWord("dg", "directeur-generaal", "director-general", True),
                           FunctionWord("directeur generaal van", "directeur-generaal", "director-general", True),
                           FunctionWord("directeur generaal voor", "directeur-generaal", "director-general", True),
                           FunctionWord("overig", "other", "independent-expert", False),
                           FunctionWord("wethouder", "wethouder", "municipal-representative", False)])


def at(value: str, line: int) -> Text:
    """*value* where it stands on *line* of DOC."""
    start, end = DOC.line_span(line)
    found = INDEX.find_within(value, Text(DOC.text[start:end], start, end, line))
    assert found is not None, value
    return found


def ev(text: Text) -> Evidence:
    return Evidence(NAME, text.start, text.end)


def resolver() -> Resolver:
    r = Resolver(REF)
    load_departments(r)
    load_parties(r)
    return r


def no_fn(**given) -> dict:
    return {"function": None, "role": None, "department": None, "affiliations": [], "other": None, "text": None,
            **given}


def test_a_new_person_is_named_and_mentioned():
    r = resolver()
    anna = person(r, at("Anna Jansen", 2), DOC)
    assert (anna.key, anna.kind, anna.label) == ("person/anna-jansen", "person", "Anna Jansen")
    assert anna.facts == {("foaf:name", Lit("Anna Jansen")): {NAME}}
    assert anna.spellings == {"Anna Jansen": {ev(at("Anna Jansen", 2)): None}}
    again = person(r, Text("ANNA  jansen", 0, 4, 1), DOC)
    assert again is anna and anna.facts == {("foaf:name", Lit("Anna Jansen")): {NAME}}
    assert list(anna.spellings) == ["Anna Jansen", "ANNA  jansen"]
    assert list(anna.spellings["ANNA  jansen"]) == [Evidence(NAME, 0, 4)]


def test_persons_of_the_same_slug_are_numbered():
    r = resolver()
    keys = [person(r, at(name, 8), DOC).key for name in ("Bjørn Dahl", "Bjærn Dahl", "Bjœrn Dahl")]
    assert keys == ["person/bj-rn-dahl", "person/bj-rn-dahl-2", "person/bj-rn-dahl-3"]
    assert r.entities["person/bj-rn-dahl-3"].facts == {("foaf:name", Lit("Bjœrn Dahl")): {NAME}}
    assert person(r, at("Bjærn Dahl", 8), DOC).key == "person/bj-rn-dahl-2"


def _minister(r):
    piet = person(r, at("Piet de Vries", 3), DOC)
    wwi = r.entities["department/wwi"]
    for held in (post(r, "wethouder", None, NAME, "wethouder"), post(r, "minister", wwi, NAME, "minister")):
        piet.add("org:holds", held, NAME)
    return piet


def test_a_surname_is_the_one_person_of_that_surname_with_a_post_in_the_department():
    r = resolver()
    piet = _minister(r)
    wwi, vrom = r.entities["department/wwi"], r.entities["department/vrom"]
    vries = at("Vries", 8)
    assert person(r, vries, DOC, wwi) is piet
    assert piet.spellings["Vries"] == {ev(vries): None}
    assert person(r, vries, DOC, vrom).key == "person/vries"            # no post in that department
    assert person(r, at("Vries", 8), DOC).key == "person/vries"         # no department: the name alone
    assert person(r, vries, DOC, wwi).key == "person/vries"             # a person of that name: that one


def test_a_surname_of_two_persons_or_of_two_words_is_a_person_of_its_own():
    r = resolver()
    _minister(r)
    wwi = r.entities["department/wwi"]
    kees = r.entity("person", "kees", "Kees Devries")
    kees.add("org:holds", post(r, "minister", wwi, NAME, "minister"), NAME)
    assert person(r, at("de Vries", 3), DOC, wwi).key == "person/de-vries"   # two words: not a surname
    del r.entities["person/kees"]
    other = person(r, Text("Kees Vries", 0, 4, 1), DOC)
    other.add("org:holds", post(r, "minister", wwi, NAME, "minister"), NAME)
    assert person(r, at("Vries", 8), DOC, wwi).key == "person/vries"   # two persons: none of them


def test_posts_with_and_without_department():
    r = resolver()
    wwi = r.entities["department/wwi"]
    p = post(r, "minister-voor", wwi, "d.txt", "minister voor")
    assert (p.key, p.label) == ("post/minister-voor-wwi", "minister voor (Wonen, Wijken en Integratie)")
    assert p.facts == {("skos:prefLabel", Lit("minister voor (Wonen, Wijken en Integratie)")): {"d.txt"},
                       ("org:role", Ref("function/minister-voor")): {"d.txt"},
                       ("org:postIn", Ref("department/wwi")): {"d.txt"}}
    w = post(r, "wethouder", None, "d.txt", "Wethouder")
    assert (w.key, w.label) == ("post/wethouder", "Wethouder")
    assert w.facts == {("skos:prefLabel", Lit("Wethouder")): {"d.txt"},
                       ("org:role", Ref("function/wethouder")): {"d.txt"}}


def test_a_function_word_with_parties():
    r = resolver()
    text = at("wethouder, PvdA", 2)
    fn = read_function(r, text, DOC, INDEX)
    assert fn == no_fn(function="wethouder", role="municipal-representative", text="wethouder",
                       affiliations=[r.entities["party/pvda"]])
    assert r.entities["party/pvda"].spellings == {"PvdA": {ev(at("PvdA", 2)): None}}
    # without an index the rest stands where the whole function stands
    r = resolver()
    fn = read_function(r, text, DOC, None)
    assert fn["affiliations"] == [r.entities["party/pvda"]]
    assert r.entities["party/pvda"].spellings == {"PvdA": {ev(text): None}}


def test_a_function_word_that_names_its_department():
    r = resolver()
    text = at("minister voor Wonen, Wijken en Integratie", 3)
    fn = read_function(r, text, DOC, INDEX)
    wwi = r.entities["department/wwi"]
    assert fn == no_fn(function="minister-voor", role="cabinet-member", department=wwi,
                       text="minister voor Wonen, Wijken en Integratie")
    assert wwi.spellings == {"Wonen, Wijken en Integratie": {ev(at("Wonen, Wijken en Integratie", 3)): None}}
    assert r.warnings == []


def test_an_unknown_department_is_warned_at_its_line_with_or_without_index():
    for index, where in ((INDEX, at("Zorg", 6)), (None, at("dg Zorg", 6))):
        r = resolver()
        fn = read_function(r, at("dg Zorg", 6), DOC, index)
        zorg = r.entities["department/zorg"]
        assert fn == no_fn(function="directeur-generaal", role="director-general", department=zorg, text="dg Zorg")
        assert r.warnings == [f"{NAME}:6: unknown department 'Zorg' (not in data/reference/ministries.csv): "
                              "kept as a new node"]
        assert zorg.spellings == {"Zorg": {ev(where): None}}


def test_a_department_function_word_alone():
    r = resolver()
    fn = read_function(r, at("dg", 7), DOC, INDEX)
    assert fn == no_fn(function="directeur-generaal", role="director-general", text="dg")
    assert r.entities.keys() == resolver().entities.keys()


def test_no_function_word_parties_organisations_and_other():
    r = resolver()
    assert read_function(r, at("oud-wethouder", 4), DOC, INDEX) == no_fn(other="oud-wethouder", text="oud-wethouder")
    text = at("Woonstichting Noord (Oost, West), SP", 5)
    fn = read_function(r, text, DOC, INDEX)
    org = r.entities["organisation/woonstichting-noord-oost-west"]
    assert fn == no_fn(affiliations=[org, r.entities["party/sp"]])
    assert org.spellings == {"Woonstichting Noord (Oost, West)": {ev(at("Woonstichting Noord (Oost, West)", 5)): None}}
    assert r.entities["party/sp"].spellings == {"SP": {ev(at("SP", 5)): None}}
    r = resolver()
    read_function(r, text, DOC, None)
    assert r.entities["party/sp"].spellings == {"SP": {ev(text): None}}
    assert r.entities["organisation/woonstichting-noord-oost-west"].spellings == {
        "Woonstichting Noord (Oost, West)": {ev(text): None}}


def test_split_top_splits_at_commas_outside_parentheses():
    assert _split_top("a (b, c (d, e)), f,g") == ["a (b, c (d, e))", " f", "g"]
    assert _split_top("a), b") == ["a), b"]
    assert _split_top("") == [""]
    assert _split_top(",") == ["", ""]


def test_a_membership_with_its_function_party_and_post():
    r = resolver()
    team = r.entity("team", "noord-wonen", "Noord: wonen")
    anna = person(r, at("Anna Jansen", 2), DOC)
    quote = Text("- Anna Jansen (wethouder, PvdA)", 11, 42, 2)
    fn = read_function(r, at("wethouder, PvdA", 2), DOC, INDEX)
    m = add_membership(r, DOC, team, anna, "municipal-representative", fn, quote, False)
    assert (m.key, m.label, m.basis) == ("membership/noord-wonen-anna-jansen", "Anna Jansen in Noord: wonen", "stated")
    assert m.facts == {("org:member", Ref("person/anna-jansen")): {NAME},
                       ("org:organization", Ref("team/noord-wonen")): {NAME},
                       ("org:role", Ref("role/municipal-representative")): {NAME},
                       ("vg:functionText", Lit("wethouder")): {NAME},
                       ("vg:function", Ref("function/wethouder")): {NAME},
                       ("vg:isLaterChange", Lit("false", "xsd:boolean")): {NAME},
                       ("prov:wasDerivedFrom", Ref("source/007_wijk")): {NAME},
                       ("vg:affiliation", Ref("party/pvda")): {NAME}}
    assert m.claims == {} and m.evidence == {Evidence(NAME, 11, 42)}
    assert anna.facts == {("foaf:name", Lit("Anna Jansen")): {NAME},
                          ("org:hasMembership", Ref(m.key)): {NAME},
                          ("org:memberOf", Ref("party/pvda")): {NAME},
                          ("org:holds", Ref("post/wethouder")): {NAME}}
    held = r.entities["post/wethouder"]
    assert held.label == "wethouder"
    assert held.facts[("org:heldBy", Ref("person/anna-jansen"))] == {NAME}


def test_a_later_membership_as_of_a_date_with_an_inferred_role_and_a_department_post():
    r = resolver()
    team = r.entity("team", "t", "T")
    piet = person(r, at("Piet de Vries", 3), DOC)
    quote = Text("x", 3, 9, 3)
    wwi = r.entities["department/wwi"]
    fn = no_fn(function="minister-voor", department=wwi, text="minister voor Wonen, Wijken en Integratie")
    m = add_membership(r, DOC, team, piet, "cabinet-member", fn, quote, True, role_rule="column-order",
                       as_of=Lit("2007-03", "xsd:gYearMonth"))
    assert m.key == "membership/t-piet-de-vries-2007-03"
    assert m.claims == {("org:role", Ref("role/cabinet-member")):
                        Claim("inferred", "column-order", Evidence(NAME, 3, 9), NAME)}
    assert m.facts[("vg:isLaterChange", Lit("true", "xsd:boolean"))] == {NAME}
    assert m.facts[("vg:asOf", Lit("2007-03", "xsd:gYearMonth"))] == {NAME}
    assert m.facts[("vg:affiliation", Ref("department/wwi"))] == {NAME}
    assert ("vg:isLaterChange", Lit("false", "xsd:boolean")) not in m.facts
    held = r.entities["post/minister-voor-wwi"]
    assert held.label == "minister (Wonen, Wijken en Integratie)"
    assert piet.objects("org:holds") == [Ref("post/minister-voor-wwi")]
    assert piet.objects("org:memberOf") == []
    # a date without a later change keeps the plain key, and vg:asOf
    m2 = add_membership(r, DOC, team, person(r, at("Karel Smit", 4), DOC), "x", no_fn(), quote, False,
                        as_of=Lit("2007", "xsd:gYear"))
    assert m2.key == "membership/t-karel-smit"
    assert m2.facts[("vg:asOf", Lit("2007", "xsd:gYear"))] == {NAME}
    assert not any(p in ("vg:functionText", "vg:function") for p, _ in m2.facts)


def test_the_post_label_is_the_function_text_before_its_department():
    r = resolver()
    team = r.entity("team", "t", "T")
    wwi = r.entities["department/wwi"]
    labels = []
    for n, text in enumerate(["dg , WWI", "dg van WWI", "dg voor WWI", "dg WWI"]):
        who = r.entity("person", f"p{n}", f"P{n}")
        add_membership(r, DOC, team, who, "director-general",
                       no_fn(function=f"f{n}", department=wwi, text=text), Text("x", 0, 1, 1), False)
        labels.append(r.entities[f"post/f{n}-wwi"].label)
    assert labels == ["dg (Wonen, Wijken en Integratie)"] * 3 + ["dg WWI (Wonen, Wijken en Integratie)"]


def test_a_membership_in_another_function_holds_no_post():
    r = resolver()
    team = r.entity("team", "t", "T")
    karel = r.entity("person", "karel", "Karel")
    m = add_membership(r, DOC, team, karel, "x", no_fn(other="oud-wethouder", text="oud-wethouder"),
                       Text("x", 0, 1, 1), False)
    assert m.facts[("vg:function", Ref("function/other"))] == {NAME}
    assert m.facts[("vg:functionText", Lit("oud-wethouder"))] == {NAME}
    other = add_membership(r, DOC, r.entity("team", "u", "U"), karel, "x",
                           no_fn(function="other", text="overig"), Text("x", 0, 1, 1), False)
    assert other.facts[("vg:function", Ref("function/other"))] == {NAME}
    assert [k for k in r.entities if k.startswith("post/")] == []
    assert karel.objects("org:holds") == []


def statement(*quotes: tuple[str, int]) -> Statement:
    return Statement("person_function", 1, {}, DOC, [at(q, line) for q, line in quotes], "b.toml", INDEX)


def test_a_curated_person_with_a_function_in_the_quotes():
    r = resolver()
    st = statement(("Minister Vries bezocht", 8),
                   ("Wim Vos is projectleider en staatssecretaris van Wonen, Wijken en Integratie", 9))
    assert _in_quotes(st, "Wim Vos") and not _in_quotes(st, "Anna Jansen")
    who, fn = curated_person(r, st, "Wim Vos", "staatssecretaris van Wonen, Wijken en Integratie", DOC)
    wwi = r.entities["department/wwi"]
    assert who.key == "person/wim-vos"
    assert fn == no_fn(function="staatssecretaris", role="cabinet-member", department=wwi,
                       text="staatssecretaris van Wonen, Wijken en Integratie")
    assert wwi.spellings == {"Wonen, Wijken en Integratie": {ev(at("Wonen, Wijken en Integratie", 9)): None}}
    assert who.evidence == {ev(st.quotes[1])}                  # the quote that names them
    assert who.spellings == {"Wim Vos": {ev(at("Wim Vos", 9)): None}}
    held = r.entities["post/staatssecretaris-wwi"]
    assert held.label == "staatssecretaris (Wonen, Wijken en Integratie)"
    assert held.facts[("org:heldBy", Ref("person/wim-vos"))] == {NAME}
    assert who.facts == {("foaf:name", Lit("Wim Vos")): {NAME}, ("org:holds", Ref(held.key)): {NAME}}
    assert who.inferred_spellings == {}


def test_a_curated_function_outside_the_quotes_stands_where_the_statement_does():
    r = resolver()
    st = statement(("Minister Vries bezocht de wijk", 8), ("Wim Vos is projectleider", 9))
    who, fn = curated_person(r, st, "Wim Vos", "minister voor WWI", DOC)
    wwi = r.entities["department/wwi"]
    assert fn["department"] is wwi and fn["text"] == "minister voor WWI"
    assert wwi.spellings == {"WWI": {ev(st.quotes[0]): None}}
    assert r.entities["post/minister-voor-wwi"].label == "minister (Wonen, Wijken en Integratie)"
    # unknown department: the warning stands at the line of the statement's first quote
    who, fn = curated_person(r, st, "Wim Vos", "dg Ruimte", DOC)
    assert r.warnings == [f"{NAME}:8: unknown department 'Ruimte' (not in data/reference/ministries.csv): "
                          "kept as a new node"]


def test_a_curated_function_without_a_department_and_a_job_title():
    r = resolver()
    st = statement(("Wim Vos is projectleider", 9))
    who, fn = curated_person(r, st, "Wim Vos", "wethouder", DOC)
    assert fn == no_fn(function="wethouder", role="municipal-representative", text="wethouder")
    assert r.entities["post/wethouder"].label == "wethouder"
    assert who.objects("org:holds") == [Ref("post/wethouder")]
    who, fn = curated_person(r, st, "Wim Vos", "projectleider", DOC)
    assert fn == no_fn(other="projectleider", text="projectleider")
    assert who.facts[("schema:jobTitle", Lit("projectleider", lang="nl"))] == {NAME}
    who, fn = curated_person(r, st, "Wim Vos", "oud-wethouder", DOC)
    assert fn == no_fn(other="oud-wethouder", text="oud-wethouder")
    assert who.objects("schema:jobTitle") == [Lit("oud-wethouder", lang="nl"), Lit("projectleider", lang="nl")]
    assert who.objects("org:holds") == [Ref("post/wethouder")]
    who, fn = curated_person(r, st, "Wim Vos", None, DOC)
    assert fn == no_fn() and who.key == "person/wim-vos"
    assert who.objects("schema:jobTitle") == [Lit("oud-wethouder", lang="nl"), Lit("projectleider", lang="nl")]


def test_a_curated_job_title_in_capitals_is_no_organisation():
    r = resolver()
    st = statement(("Wim Vos is projectleider", 9))
    who, fn = curated_person(r, st, "Wim Vos", "Projectleider", DOC)
    assert fn == no_fn(other="Projectleider", text="Projectleider")
    assert who.objects("schema:jobTitle") == [Lit("Projectleider", lang="nl")]
    assert not [k for k in r.entities if k.startswith("organisation/")]


def test_a_curated_surname_read_as_a_known_person():
    r = resolver()
    piet = _minister(r)
    st = statement(("Minister Vries bezocht de wijk", 8))
    who, fn = curated_person(r, st, "Vries", "minister WWI", DOC)
    assert who is piet and fn["department"] is r.entities["department/wwi"]
    assert piet.inferred_spellings == {"Vries": SURNAME_IN_DEPARTMENT} and SURNAME_IN_DEPARTMENT == "surname-in-department"
    # named as written: no inferred spelling
    st2 = statement(("Piet de Vries (minister", 3))
    assert curated_person(r, st2, "Piet de Vries", None, DOC)[0] is piet
    assert piet.inferred_spellings == {"Vries": SURNAME_IN_DEPARTMENT}


def test_keys_whose_local_part_holds_a_slash():
    """Reference keys are not slugs: everything after the kind's slash is the local part."""
    r = Resolver(Reference(departments=[Department("bz/ez", "ministry", (), "Buiten en Binnen", "", "", "", "m.csv")]))
    load_departments(r)
    dep = r.entities["department/bz/ez"]
    assert post(r, "minister", dep, NAME, "minister").key == "post/minister-bz/ez"
    team, who = r.entity("team", "noord/oost", "N"), r.entity("person", "a/b", "A B")
    assert add_membership(r, DOC, team, who, "x", no_fn(), Text("x", 0, 1, 1), False).key == "membership/noord/oost-a/b"


def test_the_post_of_a_function_word_without_department_is_named_by_its_function():
    r = resolver()
    team = r.entity("team", "t", "T")
    ria = person(r, at("Ria Mol", 7), DOC)
    add_membership(r, DOC, team, ria, "director-general", read_function(r, at("dg", 7), DOC, INDEX),
                   Text("x", 0, 1, 1), False)
    held = r.entities["post/directeur-generaal"]
    assert held.facts == {("skos:prefLabel", Lit("directeur-generaal")): {NAME},
                          ("org:role", Ref("function/directeur-generaal")): {NAME},
                          ("org:heldBy", Ref("person/ria-mol")): {NAME}}
    assert ria.objects("org:holds") == [Ref("post/directeur-generaal")]
    st = statement(("Wim Vos is projectleider", 9))
    who, _ = curated_person(r, st, "Wim Vos", "dg", DOC)
    assert r.entities["post/directeur-generaal"].facts[("org:heldBy", Ref("person/wim-vos"))] == {NAME}
    assert r.entities["post/directeur-generaal"].objects("skos:prefLabel") == [Lit("directeur-generaal")]


def test_several_parties_and_organisations_after_a_function_word():
    r = resolver()
    fn = read_function(r, at("wethouder, Partij van de Arbeid, SP", 11), DOC, INDEX)
    assert fn["affiliations"] == [r.entities["party/pvda"], r.entities["party/sp"]]
    assert r.entities["party/pvda"].spellings == {"Partij van de Arbeid": {ev(at("Partij van de Arbeid", 11)): None}}


def test_a_field_is_a_part_that_begins_in_lower_case():
    r = resolver()
    assert read_function(r, at("eWijk-adviseur", 12), DOC, INDEX) == no_fn(other="eWijk-adviseur", text="eWijk-adviseur")
    assert not any(k.startswith("organisation/") for k in r.entities)


def test_a_curated_name_of_a_known_person_in_other_letters_is_no_inferred_spelling():
    r = resolver()
    piet = _minister(r)
    who, _ = curated_person(r, statement(("Volgens PIET DE VRIES is het goed", 10)), "PIET DE VRIES", None, DOC)
    assert who is piet and piet.inferred_spellings == {}
    assert list(piet.spellings) == ["Piet de Vries", "PIET DE VRIES"]


def test_a_curated_function_of_the_function_other_holds_no_post():
    r = resolver()
    who, fn = curated_person(r, statement(("Wim Vos is projectleider", 9)), "Wim Vos", "overig", DOC)
    assert fn == no_fn(function="other", role="independent-expert", text="overig")
    assert who.objects("schema:jobTitle") == [Lit("overig", lang="nl")] and who.objects("org:holds") == []
    assert not any(k.startswith("post/") for k in r.entities)


def test_the_curated_post_label_is_the_function_before_van_or_voor():
    r = resolver()
    st = statement(("Wim Vos is projectleider", 9))
    curated_person(r, st, "Wim Vos", "directeur generaal van WWI", DOC)
    curated_person(r, st, "Wim Vos", "directeur generaal voor Wonen, Wijken en Integratie", DOC)
    held = r.entities["post/directeur-generaal-wwi"]
    assert held.facts == {("skos:prefLabel", Lit("directeur generaal (Wonen, Wijken en Integratie)")): {NAME},
                          ("org:role", Ref("function/directeur-generaal")): {NAME},
                          ("org:postIn", Ref("department/wwi")): {NAME},
                          ("org:heldBy", Ref("person/wim-vos")): {NAME}}


def test_a_curated_function_outside_the_quotes_is_not_looked_up_inside_them():
    r = resolver()
    st = statement(("Wim Vos is projectleider en staatssecretaris van Wonen, Wijken en Integratie", 9))
    curated_person(r, st, "Wim Vos", "minister voor Wonen, Wijken en Integratie", DOC)
    assert r.entities["department/wwi"].spellings == {"Wonen, Wijken en Integratie": {ev(st.quotes[0]): None}}
