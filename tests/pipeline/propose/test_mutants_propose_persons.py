"""Persons and mentions, held exactly: the function as the build reads it back, the review of a
surname alone, and the other spellings of the team listing's persons and districts.

Written against the mutants of ``benchmarks/mutation.py propose.persons``.
"""

from __future__ import annotations

from conftest import ROOT
from vitalegraph.pipeline.propose import propose
from vitalegraph.pipeline.propose.document import Doc, prose_lines
from vitalegraph.pipeline.propose.finders import find_all
from vitalegraph.pipeline.propose.persons import mention_candidates, person_fields
from vitalegraph.pipeline.propose.vocabulary import load_vocabulary
from vitalegraph.pipeline.reference import FunctionWord, Reference, load_reference
from vitalegraph import paths
from vitalegraph.pipeline.sources import SourceDocument

#: a project page with a team listing: persons Marloes Wolters, Anna Brinkman, Joris van den Aalders
#: (written "Joris Aalders" there) and Kees Brinkman, in the district written "Kanalen Eiland" here
LISTING = (ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt").read_text(encoding="utf-8")
LISTING = LISTING.replace("Utrecht,\nKanaleneiland", "Utrecht,\nKanalen Eiland", 1).replace(
    " • Joris Aalders (TNO)", " • Joris van den Aalders (TNO)", 1)


def _doc(text: str) -> SourceDocument:
    return SourceDocument.from_bytes("x.txt", text.encode())


def _shown(cands):
    return [(c.kind, c.fields, [q.value for q in c.quotes], c.rule, c.review) for c in cands]


def test_persons_with_a_function():
    text = ("Minister Bos kwam. Minister Jan Bos kwam. Wethouder Piet Kok (Onderwijs) en Kees Smit, bestuursvoorzitter "
            "van Woonstad, kwamen. Minister Bos van Financiën kwam. Minister Bos van Financiën kwam weer.\n"
            "Minister Bos van Financiën kwam. Piet Bos, directeur voor Justitie, kwam.")
    fw = "person with function word '{}' (functions.csv)"
    assert _shown(propose(_doc(text), kinds=["person_function"])) == [
        ("person_function", {"name": "Jan Bos", "function": "minister"}, ["Minister Jan Bos"], fw.format("minister"), []),
        ("person_function", {"name": "Piet Kok", "function": "wethouder", "portfolio": "Onderwijs"},
         ["Wethouder Piet Kok (Onderwijs)"], fw.format("wethouder"), []),
        ("person_function", {"name": "Kees Smit", "function": "bestuursvoorzitter van Woonstad", "organisation": "Woonstad"},
         ["Kees Smit, bestuursvoorzitter van Woonstad"], "person with title 'bestuursvoorzitter'", []),
        ("person_function", {"name": "Bos", "function": "minister van Financiën"},
         ["kwamen. Minister Bos van Financiën kwam."],
         fw.format("minister") + ", department 'Financiën' (financien, ministries.csv)",
         ["'Bos' is a surname alone: the build reads it as the one known person of that surname in that department, "
          "or makes a new person"]),
        ("person_function", {"name": "Piet Bos", "function": "directeur van Justitie"},
         ["Piet Bos, directeur voor Justitie"], "person with title 'directeur', department 'Justitie' (justitie, "
                                                "ministries.csv)", [])]


def test_a_person_whose_words_never_stand_once_is_left_out():
    assert propose(_doc("Minister Jan Bos.\nMinister Jan Bos."), kinds=["person_function"]) == []
    assert [c.fields["name"] for c in propose(_doc("Minister Jan Bos.\nMinister Jan Bos.\nWethouder Piet Kok kwam."),
                                              kinds=["person_function"])] == ["Piet Kok"]


def test_a_function_word_is_written_as_its_function():
    assert [c.fields["function"] for c in propose(_doc("DG Piet Bos van Financiën kwam. Stas Anna Vos (Financiën) kwam."),
                                                  kinds=["person_function"])] == [
        "directeur-generaal Financiën", "staatssecretaris van Financiën"]


def _fields(text: str, ref: Reference | None = None):
    doc = _doc(text)
    d = Doc(doc, ref or load_reference(paths.REFERENCE), load_vocabulary())
    found = find_all(d, [line for line in prose_lines(d) if line])
    return [person_fields(d, f) for f in found["person"]]


def test_the_fields_of_a_person():
    assert _fields("Minister Bos kwam. Minister Bos (Financiën) kwam. Anna Smit, wethouder in Zwolle, kwam.") == [
        None, {"name": "Bos", "function": "minister van Financiën"}, {"name": "Anna Smit", "function": "wethouder"}]
    assert _fields("Piet Bos, directeur-generaal van het ministerie van Financiën, kwam.") == [
        {"name": "Piet Bos", "function": "directeur-generaal Financiën"}]


def test_a_function_word_for_a_minister_for_keeps_its_own_words():
    ref = load_reference(paths.REFERENCE)
    ref = Reference(ref.departments, ref.municipalities, ref.parties,
                    [*ref.functions, FunctionWord("programmaminister", "minister-voor", "cabinet-member", True)])
    assert _fields("Programmaminister Ella Vos (Financiën) kwam.", ref) == [
        {"name": "Ella Vos", "function": "programmaminister Financiën"}]
    assert _fields("Minister Ella Vos (Financiën) kwam.", ref) == [
        {"name": "Ella Vos", "function": "minister van Financiën"}]


def test_other_spellings_of_the_listed_persons_and_districts():
    text = LISTING + ("\nWethouder Marloes van Wolters sprak. Wethouder Marloes Brinkman sprak. Minister Kees  Brinkman "
                      "sprak. Wethouder Joris Aalders kwam. Wethouder Marloes van Wolters kwam weer.\n\n"
                      "Kanaleneiland en KANALEN  EILAND, en kanaleneiland. Kanalen Eiland. Kanaleneilanders.\n"
                      "Kanalen Eiland of KanalenEiland.\n")
    person = "a spelling of '{}' of the team listing (same first name and surname)"
    district = ("mention", "a spelling of the district 'Kanalen Eiland' of the team listing",
                ["check that it is the same district"])
    assert [(c.fields, [q.value for q in c.quotes]) + ((c.kind, c.rule, c.review),)
            for c in propose(_doc(text), kinds=["mention"])] == [
        ({"type": "district", "name": "Kanaleneiland", "refers_to": "Kanalen Eiland"}, ["Kanaleneiland van"], district),
        ({"type": "person", "name": "Marloes van Wolters", "refers_to": "Marloes Wolters"},
         ["Wethouder Marloes van Wolters sprak."], ("mention", person.format("Marloes Wolters"),
                                                     ["check that it is the same person"])),
        ({"type": "person", "name": "Joris Aalders", "refers_to": "Joris van den Aalders"},       # two words: a spelling
         ["Wethouder Joris Aalders"], ("mention", person.format("Joris van den Aalders"),
                                       ["check that it is the same person"])),
        ({"type": "person", "name": "Marloes van Wolters", "refers_to": "Marloes Wolters"},      # another place: kept
         ["Wethouder Marloes van Wolters kwam"], ("mention", person.format("Marloes Wolters"),
                                                   ["check that it is the same person"])),
        # one a spelling, at its first place; "Kanalen Eiland" is the listing's own, "Kanaleneilanders" another word
        ({"type": "district", "name": "KANALEN EILAND", "refers_to": "Kanalen Eiland"}, ["KANALEN EILAND"], district),
        ({"type": "district", "name": "kanaleneiland", "refers_to": "Kanalen Eiland"}, ["kanaleneiland"], district),
        ({"type": "district", "name": "KanalenEiland", "refers_to": "Kanalen Eiland"}, ["KanalenEiland"], district)]


def test_a_district_of_the_listing_without_a_word_is_passed_over():
    doc = _doc(LISTING + "\nIn Kanaleneiland.\n")
    d = Doc(doc, load_reference(paths.REFERENCE), load_vocabulary())
    lines = [line for line in prose_lines(d) if line]
    d.listed_districts = ["?", *d.listed_districts]
    assert [c.fields["name"] for c in mention_candidates(d, lines, [])][-1:] == ["Kanaleneiland"]


def test_no_listing_no_mentions():
    assert propose(_doc("Wethouder Marloes van Wolters sprak in Kanaleneiland."), kinds=["mention"]) == []
