"""Agreements, adoptions and participation, held exactly: who signs and on whose behalf, who adopts
what and who succeeds, which departments take part and which do not.

Written against the mutants of ``benchmarks/mutation.py propose.agreements``.
"""

from __future__ import annotations

from conftest import ROOT
from vitalegraph.pipeline.propose import propose
from vitalegraph.pipeline.sources import SourceDocument

#: a project page with a team listing (participation is proposed only where there is one)
LISTING = (ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt").read_text(encoding="utf-8")


def _proposed(text: str, kind: str):
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=[kind])
    return [(c.fields, [q.value for q in c.quotes], c.rule, c.review) for c in cands]


SIGNATORIES = ["write the agreement's name as label and an id unique in the corpus; check signatories and on_behalf_of"]


def test_an_agreement_its_signatories_and_on_whose_behalf():
    text = ("Wethouder Els de Wit en Jan Bos, directeur van Woonstad, tekenden namens de burgemeester en Financiën en "
            "BZK en wethouder het convenant.\n"
            "Het akkoord werd getekend.\n"
            "Minister Jan Kok tekende het pact niet. Het pact werd gesloten door minister Jan Kok en minister Jan Kok.\n"
            "Het akkoord werd getekend door Minister Kok.\n"
            "Minister Piet Bos en minister Kees Smit tekenden het convenant namens niemand.\n"
            "Namens BZK tekende minister Piet Bos een convenant.\n")
    assert _proposed(text, "agreement") == [
        ({"id": "convenant-wit-bos", "label": "Convenant", "signatories": [
            {"name": "Els de Wit", "function": "wethouder"}, {"name": "Jan Bos", "function": "directeur van Woonstad"}],
          "on_behalf_of": ["burgemeester", "Financiën", "BZK", "wethouder"]},
         ["Wethouder Els de Wit en Jan Bos, directeur van Woonstad, tekenden namens de burgemeester en Financiën en BZK "
          "en wethouder het convenant."], "'convenant' and 'tekenden' with the persons who sign", SIGNATORIES),
        ({"id": "pact-kok-kok", "label": "Pact", "signatories": [
            {"name": "Jan Kok", "function": "minister"}, {"name": "Jan Kok", "function": "minister"}]},
         ["Het pact werd gesloten door minister Jan Kok en minister Jan Kok."],
         "'pact' and 'gesloten' with the persons who sign", SIGNATORIES),
        ({"id": "convenant-bos-smit", "label": "Convenant", "signatories": [
            {"name": "Piet Bos", "function": "minister"}, {"name": "Kees Smit", "function": "minister"}]},
         ["Minister Piet Bos en minister Kees Smit tekenden het convenant namens niemand."],
         "'convenant' and 'tekenden' with the persons who sign", SIGNATORIES)]


def test_an_agreement_that_stands_twice_is_one():
    line = "Minister Piet Bos tekent het convenant."
    assert [f["id"] for f, *_ in _proposed(f"{line}\n{line} Ja.\n", "agreement")] == ["convenant-bos"]
    assert _proposed(f"{line}\n{line}\n", "agreement") == []


ADOPTED = "'{}' with a person with a function and the organisation after them"
WHERE = "add district and municipality where the text says where the organisation is"


def test_an_adoption_who_adopts_what_and_who_succeeds():
    text = ("In 2008 adopteerde minister Jan Kok de Groene Schoolstichting, zijn opvolger Piet Bos zou het overnemen.\n"
            "Minister Jan Kok adopteerde het Buurthuis De Kern. Zijn opvolger Jaap Smit nam het over.\n"
            "Wethouder Anna Vos adopteert de school.\n"
            "Minister Kok adopteert Basisschool Alfa.\n"
            "Minister Jan Kok adopteerde. Ook adopteerde Jan Kok de Zon.\n"
            "Minister Jan Kok adopteerde de Stichting Alfa Beta Gamma.\n"
            "Minister Jan Kok adopteerde de Alfa Beta school en zijn opvolger de Wit.\n"
            "Wethouder Anna Vos adopteerde Basisschool De Linde; haar opvolgster Els Dekker nam het over.\n"
            "Wethouder Anna Vos adopteerde de Zon Beta, opvolger\n"
            "Wethouder Anna Vos adopteerde een Zon School. Opvolger.\n")
    assert _proposed(text, "adoption") == [
        ({"adopter": "Jan Kok de Groene", "adopter_function": "minister", "organisation": "Schoolstichting",
          "organisation_type": "stichting", "successor": "Piet Bos", "successor_basis": "announced"},
         ["In 2008 adopteerde minister Jan Kok de Groene Schoolstichting, zijn opvolger Piet Bos zou het overnemen."],
         ADOPTED.format("adopteerde"),
         [WHERE, "successor_basis \"announced\": the sentence says the successor was to take it over, not that he did; "
                 "check"]),
        ({"adopter": "Jan Kok", "adopter_function": "minister", "organisation": "Buurthuis De Kern"},
         ["Minister Jan Kok adopteerde het Buurthuis De Kern."], ADOPTED.format("adopteerde"), [WHERE]),
        ({"adopter": "Jan Kok", "adopter_function": "minister", "organisation": "Stichting Alfa Beta Gamma",
          "organisation_type": "stichting"}, ["Minister Jan Kok adopteerde de Stichting Alfa Beta Gamma."],
         ADOPTED.format("adopteerde"), [WHERE]),
        ({"adopter": "Jan Kok", "adopter_function": "minister", "organisation": "Alfa Beta"},
         ["Minister Jan Kok adopteerde de Alfa Beta school en zijn opvolger de Wit."], ADOPTED.format("adopteerde"),
         [WHERE]),
        ({"adopter": "Anna Vos", "adopter_function": "wethouder", "organisation": "Basisschool De Linde",
          "organisation_type": "basisschool", "successor": "Els Dekker"},
         ["Wethouder Anna Vos adopteerde Basisschool De Linde; haar opvolgster Els Dekker nam het over."],
         ADOPTED.format("adopteerde"), [WHERE]),
        ({"adopter": "Anna Vos", "adopter_function": "wethouder", "organisation": "Zon Beta"},
         ["Wethouder Anna Vos adopteerde de Zon Beta, opvolger"], ADOPTED.format("adopteerde"), [WHERE]),
        ({"adopter": "Anna Vos", "adopter_function": "wethouder", "organisation": "Zon School",
          "organisation_type": "school"}, ["Wethouder Anna Vos adopteerde een Zon School."],
         ADOPTED.format("adopteerde"), [WHERE])]


def test_an_adoption_whose_sentence_stands_twice_is_left_out():
    line = "Minister Jan Kok adopteerde de Zon."
    assert _proposed(f"{line}\n{line}\n", "adoption") == []


PARTICIPATION = ["check that the sentence says the departments took part in the document's pilot (true) or not (false)"]


def test_the_departments_that_take_part_and_those_that_do_not():
    text = LISTING + ("\nBZK en Financiën zijn betrokken bij de pilot. Met uitzondering van Justitie en Defensie zijn "
                      "alle departementen betrokken. Alle departementen doen mee, behalve Justitie. Financiën werkt. "
                      "Betrokken zijn Financiën en BZK.\n"
                      "Jan zegt dat BZK en Financiën betrokken zijn, met uitzondering van Defensie.\n"
                      "Ook BZK en BZK doen mee.\nBehalve BZK doet mee. Zij zijn betrokken behalve Defensie en VWS.\n")
    assert _proposed(text, "participation") == [
        ({"departments": ["BZK", "Financiën"], "involved": True}, ["BZK en Financiën zijn betrokken"],
         "departments (ministries.csv) with 'betrokken'", PARTICIPATION),
        ({"departments": ["Justitie", "Defensie"], "involved": False},
         ["Met uitzondering van Justitie en Defensie zijn alle departementen betrokken"],
         "departments (ministries.csv) with 'betrokken' after 'Met uitzondering van'", PARTICIPATION),
        ({"departments": ["Justitie"], "involved": False}, ["behalve Justitie"],
         "departments (ministries.csv) with 'doen mee' after 'behalve'", PARTICIPATION),
        ({"departments": ["Defensie"], "involved": False}, ["met uitzondering van Defensie"],
         "departments (ministries.csv) with 'betrokken' after 'met uitzondering van'", PARTICIPATION),
        ({"departments": ["BZK"], "involved": True}, ["BZK en BZK doen mee"],
         "departments (ministries.csv) with 'doen mee'", PARTICIPATION),
        ({"departments": ["BZK"], "involved": False}, ["Behalve BZK doet mee"],
         "departments (ministries.csv) with 'doet mee' after 'Behalve'", PARTICIPATION),
        ({"departments": ["Defensie", "VWS"], "involved": False}, ["behalve Defensie en VWS"],
         "departments (ministries.csv) with 'betrokken' after 'behalve'", PARTICIPATION)]


def test_no_listing_no_participation():
    assert _proposed("BZK en Financiën zijn betrokken.", "participation") == []


def _kinds_and(text: str, kind: str, key: str):
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=[kind])
    assert {c.kind for c in cands} <= {kind}
    return [(c.kind, c.fields.get(key)) for c in cands]


def test_each_sentence_of_a_line_is_read_for_an_agreement():
    text = ("Het convenant werd getekend. Minister Piet Bos tekent het convenant.\n"        # no signatory, then one
            "Minister Kees Kok tekent. Het convenant is klaar.\n"                           # the kind in another sentence
            "Minister Anna Vos tekent het convenant namens wethouder Kees Smit.\n"          # after namens: on whose behalf
            "Minister Jan Kok (Financiën)namens BZK tekent het convenant.\n"
            "Minister Els Dekker tekent het convenant namens BZK. De burgemeester kwam.\n")
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=["agreement"])
    assert [(c.kind, c.fields["signatories"], c.fields.get("on_behalf_of")) for c in cands] == [
        ("agreement", [{"name": "Piet Bos", "function": "minister"}], None),
        ("agreement", [{"name": "Anna Vos", "function": "minister"}], ["wethouder"]),
        ("agreement", [{"name": "Jan Kok", "function": "minister van Financiën"}], ["BZK"]),
        ("agreement", [{"name": "Els Dekker", "function": "minister"}], ["BZK"])]


def test_each_sentence_of_a_line_is_read_for_an_adoption():
    text = ("Jan kwam. Minister Jan Kok adopteerde de Zon.\n"
            "Jan Kok, wethouder, adopteerde de Maan.\n"
            "Hij adopteerde de Ster. Minister Piet Bos adopteerde de Komeet.\n"
            "Minister Anna Vos adopteerde. Minister Els Dekker adopteerde de Planeet.\n"
            "Minister Kees Smit adopteerde de Stichting AlfaX.\n")
    assert _kinds_and(text, "adoption", "organisation") == [
        ("adoption", "Zon"), ("adoption", "Maan"), ("adoption", "Komeet"), ("adoption", "Planeet"),
        ("adoption", "Stichting AlfaX")]
    assert _kinds_and("Jan Kok, wethouder, adopteerde de Maan.", "adoption", "adopter_function") == [
        ("adoption", "wethouder")]


def test_each_sentence_of_a_line_is_read_for_participation():
    text = LISTING + "\nFinanciën werkt. BZK is betrokken.\nBetrokken zijn Defensie. Justitie is betrokken.\n"
    assert _kinds_and(text, "participation", "departments") == [("participation", ["BZK"]),
                                                                ("participation", ["Justitie"])]
