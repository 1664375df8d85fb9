"""Mentions, held exactly: the names of each entity, the surnames read from a name, and each
mention's offsets, entity, candidates and rule on a small corpus built here.

Written against the mutants that survived ``benchmarks/mutation.py mentions``.
"""

from __future__ import annotations

import pytest

from vitalegraph.pipeline.mentions import Mention, link_mentions, names, surnames, tokens
from vitalegraph.pipeline.reference import Department, FunctionWord, Reference
from vitalegraph.pipeline.resolution.model import Entity, Evidence, Lit, Model, Ref
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.text import segment

REFERENCE = Reference(
    departments=[Department("fin", "ministry", ("FIN",), "Financiën", "Finance", "", "", "s"),
                 Department("szw", "ministry", ("SZW",), "Sociale Zaken en Werkgelegenheid", "", "", "", "s"),
                 Department("ez", "ministry", ("EZ",), "Economische Zaken", "", "", "", "s")],
    functions=[FunctionWord("minister", "minister", "cabinet-member", True),
               FunctionWord("directeur-generaal", "directeur-generaal", "director-general", True),
               FunctionWord("wethouder", "wethouder", "municipal-representative", False)])


def person(key: str, label: str, *posts: tuple[str, str, str]) -> list[Entity]:
    """A person with posts ``(post key, role key, department key)``, and the posts."""
    p = Entity(key, "person", label)
    out = [p]
    for post_key, role, dept in posts:
        p.add("org:holds", Ref(post_key), None)
        post = Entity(post_key, "post", post_key)
        post.add("org:role", Ref(role), None)
        if dept:
            post.add("org:postIn", Ref(dept), None)
        out.append(post)
    return out


def model(text: str, *entities: Entity, name: str = "005_x.txt") -> tuple[Model, SourceDocument]:
    doc = SourceDocument.from_bytes(name, text.encode())
    return Model({e.key: e for e in entities}, [doc]), doc


def found(text: str, *entities: Entity, reference: Reference = REFERENCE) -> list[tuple[str, str | None, tuple, str | None]]:
    m, doc = model(text, *entities)
    t = segment(doc)
    out = link_mentions(m, reference, [t])
    assert out == t.mentions and all(x.doc == doc.name for x in out)
    return [(text[x.start:x.end], x.entity, x.candidates, x.rule) for x in out]


def bosses() -> list[Entity]:
    return [*person("person/wouter-bos", "Wouter Bos", ("post/fin", "function/minister", "department/fin")),
            *person("person/jan-van-der-bos", "Jan van der Bos", ("post/dg", "function/directeur-generaal", "department/szw")),
            Entity("department/fin", "department", "Financiën"),
            Entity("department/szw", "department", "Sociale Zaken en Werkgelegenheid")]


BOTH = ("person/jan-van-der-bos", "person/wouter-bos")


def test_tokens_and_their_offsets():
    assert tokens("Jan_Kok a-b 3e") == [("Jan_Kok", 0, 7), ("a", 8, 9), ("-", 9, 10), ("b", 10, 11), ("3e", 12, 14)]
    assert tokens("ab  c", 10) == [("ab", 10, 12), ("c", 14, 15)]
    assert tokens(" \n") == []


@pytest.mark.parametrize("label, found", [
    ("Bos", []),
    ("Wouter Bos", ["Bos"]),
    ("A B C", ["C"]),
    ("Jan van der Bos", ["Bos", "Van der Bos"]),
    ("Jan de", ["de", "De"]),
    ("Clémence Ross-van Dorp", ["Ross-van Dorp"]),
    ("A B-c D", ["B-c D"]),
    ("Jan Ross-Dorp Kok", ["Kok"]),                      # a hyphen before a capital is no particle
    ("Jan Kok-de Vries Bos", ["Kok-de Vries Bos"]),
    ("Anna  Maria\tKok", ["Kok"]),
    ("van Bos", ["Bos"]),                               # the first word is never the particle
    ("Arie 't Hart", ["Hart", "'t Hart"]),              # an apostrophe before a particle
    ("Arie ’t Hart", ["Hart", "’t Hart"]),
    ("Jan van 't Hek", ["Hek", "Van 't Hek"]),
    ("Jan 'Bos", ["'Bos"]),
    ("Jan Xander Kok", ["Kok"]),
    ("Anna eVa Kok", ["Kok", "EVa Kok"]),                # a word in lower case first: the particle
])
def test_surnames(label, found):
    assert surnames(label) == found


def test_names_of_every_linked_entity_with_the_short_forms():
    jan = Entity("person/jan-van-der-bos", "person", "Jan van der Bos")
    jan.add("foaf:name", Lit("J. van der Bos"), "d")
    jan.add("schema:description", Lit("Hoofd"), "d")            # no name
    jan.spellings["Jan van de Bos"] = {}
    jan.spellings["Van der Bos"] = {}                           # a spelling as well as a surname: a name
    wouter = Entity("person/wouter-bos", "person", "Wouter Bos")
    wouter.spellings["Bos"] = {}
    wouter.inferred_spellings["Bos"] = "statement-reading"      # read by a rule: still short
    dept = Entity("department/szw", "department", "Sociale Zaken")
    dept.add("skos:notation", Lit("SZW"), None)
    dept.add("skos:altLabel", Lit("Soc. Zaken"), None)
    dept.add("skos:prefLabel", Lit("Sociale Zaken en Werkgelegenheid", lang="nl"), None)
    dept.add("skos:altLabel", Ref("department/other"), None)   # a reference is no name
    muni = Entity("municipality/amsterdam", "municipality", "Amsterdam")
    muni.add("skos:prefLabel", Lit("Amsterdam", lang="nl"), None)
    org = Entity("organisation/x", "organisation", "Woonstichting X")
    district = Entity("district/a-noord", "district", "Noord")
    odd = Entity("organisation/y", "organisation", "(1)")          # no letter in it: no name
    odd.spellings["123"] = {}
    team = Entity("team/t", "team", "Team Noord")                 # not a linked kind
    project = Entity("project/p", "project", "Project Zuid")
    m = Model({e.key: e for e in (jan, wouter, dept, muni, org, district, odd, team, project)}, [])
    assert names(m) == {
        ("Jan", "van", "der", "Bos"): {"person/jan-van-der-bos": False},
        ("J", ".", "van", "der", "Bos"): {"person/jan-van-der-bos": False},
        ("Jan", "van", "de", "Bos"): {"person/jan-van-der-bos": False},
        ("Van", "der", "Bos"): {"person/jan-van-der-bos": False},
        ("Bos",): {"person/jan-van-der-bos": True, "person/wouter-bos": True},
        ("Wouter", "Bos"): {"person/wouter-bos": False},
        ("Sociale", "Zaken"): {"department/szw": False},
        ("SZW",): {"department/szw": False},
        ("Soc", ".", "Zaken"): {"department/szw": False},
        ("Sociale", "Zaken", "en", "Werkgelegenheid"): {"department/szw": False},
        ("Amsterdam",): {"municipality/amsterdam": False},
        ("Woonstichting", "X"): {"organisation/x": False},
        ("Noord",): {"district/a-noord": False},
    }


def test_a_name_that_is_a_surname_of_one_and_the_label_of_another_is_short_only_for_the_first():
    bos = Entity("person/bos", "person", "Bos")
    wouter = Entity("person/wouter-bos", "person", "Wouter Bos")
    assert names(Model({e.key: e for e in (wouter, bos)}, []))[("Bos",)] == {"person/wouter-bos": True,
                                                                             "person/bos": False}


def test_a_known_name_of_one_entity_is_linked_by_that_rule():
    ents = [*bosses(), Entity("municipality/amsterdam", "municipality", "Amsterdam"),
            Entity("team/t", "team", "Amsterdam Noord")]
    assert found("In Amsterdam sprak Wouter Bos over Financiën.\nWouter  Bos kwam.", *ents) == [
        ("Amsterdam", "municipality/amsterdam", ("municipality/amsterdam",), "known-name"),
        ("Wouter Bos", "person/wouter-bos", ("person/wouter-bos",), "known-name"),
        ("Financiën", "department/fin", ("department/fin",), "known-name"),
        ("Wouter  Bos", "person/wouter-bos", ("person/wouter-bos",), "known-name"),
    ]


def test_names_are_whole_words_matched_by_case_within_a_sentence():
    ents = [Entity("department/j", "department", "Justitie"), Entity("organisation/ab", "organisation", "A B C")]
    assert found("Politie en justitie. Justitiebeleid en Justitie.\nA B. C en A X C en A B C en A B", *ents) == [
        ("Justitie", "department/j", ("department/j",), "known-name"),
        ("A B C", "organisation/ab", ("organisation/ab",), "known-name"),
    ]


def test_the_longest_name_at_a_place_wins_and_the_words_after_it_are_read_on():
    ents = [Entity("organisation/a", "organisation", "Woonstichting"),
            Entity("organisation/b", "organisation", "Woonstichting De Key"),
            Entity("organisation/c", "organisation", "Key"),
            Entity("organisation/d", "organisation", "De")]
    assert found("Woonstichting De Key Key De Woonstichting De", *ents) == [
        ("Woonstichting De Key", "organisation/b", ("organisation/b",), "known-name"),
        ("Key", "organisation/c", ("organisation/c",), "known-name"),
        ("De", "organisation/d", ("organisation/d",), "known-name"),
        ("Woonstichting", "organisation/a", ("organisation/a",), "known-name"),
        ("De", "organisation/d", ("organisation/d",), "known-name"),
    ]


@pytest.mark.parametrize("text, entity", [
    ("Minister Bos (Financiën) kwam.", "person/wouter-bos"),
    ("Toen kwam minister Bos (Financiën).", "person/wouter-bos"),
    ("MINISTER Bos (Financiën) kwam.", "person/wouter-bos"),
    ("De minister   Bos van Financiën kwam.", "person/wouter-bos"),
    ("De minister Bos van het ministerie van Financiën kwam.", "person/wouter-bos"),
    ("De minister Bos, van het departement voor Financiën kwam.", "person/wouter-bos"),
    ("De minister Bos voor Financiën kwam.", "person/wouter-bos"),
    ("De minister Bos (Financiën en Economische Zaken) kwam.", "person/wouter-bos"),
    ("De minister Bos (FIN) kwam.", "person/wouter-bos"),
    ("Bos, directeur-generaal van het ministerie van Sociale Zaken, kwam.", "person/jan-van-der-bos"),
    ("Bos (directeur-generaal SZW) kwam.", "person/jan-van-der-bos"),
    ("Toen kwam Bos , directeur-generaal van Sociale Zaken.", "person/jan-van-der-bos"),
    ("Directeur-generaal Bos (Sociale Zaken en Werkgelegenheid).", "person/jan-van-der-bos"),
])
def test_a_surname_is_the_one_person_whose_post_fits_the_function_and_department(text, entity):
    out = found(text, *bosses())
    [bos] = [x for x in out if x[0] == "Bos"]
    assert bos == ("Bos", entity, BOTH, "surname-in-department")


@pytest.mark.parametrize("text", [
    "Toen sprak Bos.",
    "Oudminister Bos (Financiën) kwam.",                 # no function word: "minister" is inside a word
    "Minister Bos kwam.",                                # a function without a department
    "Minister Bos ()",                                   # nothing after the glue
    "Minister Bos (Economische Zaken) kwam.",            # a department neither holds a post in
    "Minister Bos (Landbouw) kwam.",                     # no department
    "Bos (Financiën) kwam.",                             # a department without a function
    "Bos; directeur-generaal van SZW.",                  # no comma or parenthesis after the name
    "Bos, wethouder van SZW.",                           # a function neither holds
    "Bos, directeur-generaal.",                          # a function without its department
    "Minister Bos. Financiën.",                          # the department is not in the sentence
    "Bos\n(Financiën), minister",
])
def test_a_surname_no_post_fits_is_ambiguous(text):
    out = found(text, *bosses())
    assert [x for x in out if x[0] == "Bos"][0] == ("Bos", None, BOTH, None)


def test_two_persons_whose_posts_both_fit_stay_ambiguous():
    ents = [*bosses(), *person("person/anna-bos", "Anna Bos", ("post/fin2", "function/minister", "department/fin"))]
    assert found("Minister Bos (Financiën).", *ents)[0] == (
        "Bos", None, ("person/anna-bos", "person/jan-van-der-bos", "person/wouter-bos"), None)


def test_a_post_without_a_department_or_of_an_unknown_entity_fits_nothing():
    ents = [*person("person/piet-kok", "Piet Kok", ("post/x", "function/minister", "")),
            *person("person/kees-kok", "Kees Kok", ("post/y", "function/minister", "department/fin"))]
    ents[2].add("org:holds", Ref("post/missing"), None)          # read before post/y: skipped, not the end
    assert found("Minister Kok (Financiën) en minister Kok.", *ents) == [
        ("Kok", "person/kees-kok", ("person/kees-kok", "person/piet-kok"), "surname-in-department"),
        ("Kok", None, ("person/kees-kok", "person/piet-kok"), None),
    ]


def test_a_surname_with_one_bearer_is_still_ambiguous_but_fits_its_post():
    ents = bosses()[:2] + bosses()[4:]
    assert found("Bos kwam. Minister Bos van Financiën kwam.", *ents) == [
        ("Bos", None, ("person/wouter-bos",), None),
        ("Bos", "person/wouter-bos", ("person/wouter-bos",), "surname-in-department"),
        ("Financiën", "department/fin", ("department/fin",), "known-name"),
    ]


def test_candidates_without_a_post_are_not_read_by_function():
    ents = [Entity("district/a-noord", "district", "Noord"), Entity("district/b-noord", "district", "Noord")]
    ents[0].inferred_spellings["Noord"] = "x"
    assert found("Minister Noord (Financiën).", *ents, *bosses()[4:])[0] == (
        "Noord", None, ("district/a-noord", "district/b-noord"), None)


def test_a_place_the_listing_or_a_statement_reads_is_linked_by_that_reading():
    text = "Zijn opvolger Bos kwam. Toen Bos. Minister Bos (Financiën) en Jan\n • van der Bos.\nBos's"
    ents = bosses()
    wouter, jan = ents[0], ents[2]
    at = text.index("Bos")
    wouter.spellings["Bos"] = {Evidence("005_x.txt", at, at + 3): None}
    wouter.inferred_spellings["Bos"] = "statement-reading"
    at = text.index("Jan\n")
    jan.spellings["Jan van der Bos"] = {Evidence("005_x.txt", at, at + 18): None}     # a wrapped bullet
    at = text.index("Bos's")
    jan.spellings["Bos"] = {Evidence("005_x.txt", at, at + 5): None}          # not its words: not read
    jan.inferred_spellings["Bos"] = "x"
    m, doc = model(text, *ents)
    t = segment(doc)
    assert [text[s.start:s.end] for s in t.sentences] == [
        "Zijn opvolger Bos kwam.", "Toen Bos.", "Minister Bos (Financiën) en Jan", "• van der Bos.", "Bos's"]
    out = link_mentions(m, REFERENCE, [t])
    assert [(text[x.start:x.end], x.start, x.entity, x.candidates, x.rule) for x in out] == [
        ("Bos", 14, "person/wouter-bos", BOTH, "statement-reading"),
        ("Bos", 29, None, BOTH, None),
        ("Bos", 43, "person/wouter-bos", BOTH, "surname-in-department"),
        ("Financiën", 48, "department/fin", ("department/fin",), "known-name"),
        ("Jan\n • van der Bos", 62, "person/jan-van-der-bos", ("person/jan-van-der-bos",), "known-name"),
        ("Bos", 82, None, BOTH, None),
    ]
    assert out == sorted(out) and all(isinstance(x, Mention) for x in out)


def test_a_recorded_place_of_a_name_no_other_entity_has_is_read_by_the_statement():
    text = "Hij zag de Key daar en Key."
    key = Entity("organisation/key", "organisation", "De Key Wonen")
    at = text.index("Key")
    key.spellings["Key"] = {Evidence("005_x.txt", at, at + 3): None}
    key.inferred_spellings["Key"] = "r"
    assert found(text, key) == [("Key", "organisation/key", ("organisation/key",), "statement-reading"),
                                ("Key", None, ("organisation/key",), None)]


def test_a_place_two_entities_record_is_the_first_by_key():
    text = "Daar kwam Noord."
    a, b = Entity("district/b-noord", "district", "Noord"), Entity("district/a-noord", "district", "Noord")
    for e in (a, b):
        e.spellings["Noord"] = {Evidence("005_x.txt", 10, 15): None}
        e.inferred_spellings["Noord"] = "r"
    assert found(text, a, b) == [("Noord", "district/a-noord", ("district/a-noord", "district/b-noord"),
                                  "statement-reading")]


def test_a_recorded_spelling_of_a_kind_not_linked_is_no_mention():
    text = "Team Noord kwam."
    team = Entity("team/noord", "team", "Team Noord")
    team.spellings["Team Noord"] = {Evidence("005_x.txt", 0, 10): None}
    assert found(text, team) == []


def test_each_text_gets_its_own_mentions_and_the_result_is_all_of_them_in_order():
    a = SourceDocument.from_bytes("a.txt", "Amsterdam en Bos.".encode())
    b = SourceDocument.from_bytes("b.txt", "Bos in Amsterdam.".encode())
    ams = Entity("municipality/amsterdam", "municipality", "Amsterdam")
    m = Model({e.key: e for e in (ams, *bosses())}, [a, b])
    ta, tb = segment(a), segment(b)
    out = link_mentions(m, REFERENCE, [tb, ta])
    assert out == tb.mentions + ta.mentions
    assert ta.mentions == [Mention("a.txt", 0, 9, "municipality/amsterdam", ("municipality/amsterdam",), "known-name"),
                           Mention("a.txt", 13, 16, None, BOTH, None)]
    assert tb.mentions == [Mention("b.txt", 0, 3, None, BOTH, None),
                           Mention("b.txt", 7, 16, "municipality/amsterdam", ("municipality/amsterdam",), "known-name")]


def test_a_function_whose_name_holds_a_slash_is_read_whole():
    ref = Reference(departments=REFERENCE.departments,
                    functions=[FunctionWord("voorzitter", "lid/voorzitter", "cabinet-member", True)])
    ents = [*person("person/wouter-bos", "Wouter Bos", ("post/fin", "function/lid/voorzitter", "department/fin")),
            *person("person/anna-bos", "Anna Bos", ("post/szw", "function/lid/voorzitter", "department/szw"))]
    assert found("Voorzitter Bos (Financiën).", *ents, reference=ref)[0] == (
        "Bos", "person/wouter-bos", ("person/anna-bos", "person/wouter-bos"), "surname-in-department")


def test_a_surname_after_an_apostrophe_particle_is_read_whole():
    ents = [*person("person/arie-t-hart", "Arie 't Hart", ("post/fin", "function/minister", "department/fin"))]
    assert found("Minister 't Hart (Financiën) en Hart.", *ents) == [
        ("'t Hart", "person/arie-t-hart", ("person/arie-t-hart",), "surname-in-department"),
        ("Hart", None, ("person/arie-t-hart",), None)]


def test_a_recorded_spelling_without_a_name_is_the_statements_reading():
    text = "Nummer 123 kwam."
    e = Entity("organisation/n", "organisation", "Stichting Nummer")
    e.spellings["123"] = {Evidence("005_x.txt", 7, 10): None}       # no letter: no name, still read there
    assert found(text, e) == [("123", "organisation/n", ("organisation/n",), "statement-reading")]


def test_a_recorded_spelling_at_the_start_of_a_sentence_and_the_words_right_after_it():
    text = "Key Noord kwam. Key(Noord) ook."
    key = Entity("organisation/key", "organisation", "De Key")
    key.spellings["Key"] = {Evidence("005_x.txt", 0, 3): None, Evidence("005_x.txt", 16, 19): None}
    key.inferred_spellings["Key"] = "r"
    noord = Entity("organisation/noord", "organisation", "Noord")
    paren = Entity("organisation/p", "organisation", "(Noord)")
    assert found(text, key, noord, paren) == [
        ("Key", "organisation/key", ("organisation/key",), "statement-reading"),
        ("Noord", "organisation/noord", ("organisation/noord",), "known-name"),
        ("Key", "organisation/key", ("organisation/key",), "statement-reading"),
        ("(Noord)", "organisation/p", ("organisation/p",), "known-name"),
    ]


def test_an_entity_of_a_kind_not_linked_does_not_end_the_reading_of_the_recorded_places():
    text = "Daar kwam Noord."
    claim = Entity("claim/a", "claim", "Noord")                        # sorted before the district
    claim.spellings["Noord"] = {Evidence("005_x.txt", 10, 15): None}
    noord = Entity("district/a-noord-oost", "district", "Noord-Oost")
    noord.spellings["Noord"] = {Evidence("005_x.txt", 10, 15): None}
    noord.inferred_spellings["Noord"] = "r"
    assert found(text, claim, noord) == [("Noord", "district/a-noord-oost", ("district/a-noord-oost",),
                                          "statement-reading")]


def test_the_department_is_read_up_to_the_end_of_the_sentence_and_no_further():
    ref = Reference(departments=[*REFERENCE.departments, Department("van", "ministry", ("VAN",), "Vanaf", "", "", "", "s")],
                    functions=REFERENCE.functions)
    ents = [*person("person/wouter-bos", "Wouter Bos", ("post/v", "function/minister", "department/van")),
            *person("person/jan-van-der-bos", "Jan van der Bos", ("post/dg", "function/directeur-generaal", "department/szw"))]
    # "van" at the end of the sentence is the department VAN, not the glue before one on the next line
    assert found("Minister Bos van\nFinanciën.", *ents, reference=ref)[0] == (
        "Bos", "person/wouter-bos", BOTH, "surname-in-department")
    # "Sociale" alone names no department; "Zaken" on the next line is another sentence
    assert found("Bos, directeur-generaal van Sociale\nZaken kwam.", *ents, reference=ref)[0] == (
        "Bos", None, BOTH, None)


def test_an_empty_recorded_place_is_no_mention():
    text = "Daar kwam Noord."
    e = Entity("organisation/n", "organisation", "Noord-Oost")
    e.spellings["-"] = {Evidence("005_x.txt", 5, 5): None, Evidence("005_x.txt", 0, 0): None}
    assert found(text, e) == []
