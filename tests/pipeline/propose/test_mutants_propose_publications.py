"""Publications and evaluations, held exactly: one publication a publisher and date however often
cited, and each evaluation's subject, stance, who says so and when.

Written against the mutants of ``benchmarks/mutation.py propose.publications``.
"""

from __future__ import annotations

from conftest import ROOT
from vitalegraph.pipeline.propose import propose
from vitalegraph.pipeline.sources import SourceDocument

#: a project page with a team listing (an evaluation names "pilot" only in one)
LISTING = (ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt").read_text(encoding="utf-8")
REVIEW = ['write summary = "one English sentence"; check subject and stance']
PUBLISHED = ['the id must be unique in the whole corpus; add title = "..." where the text gives one']


def _proposed(text: str, kinds: list[str]):
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=kinds)
    return [(c.kind, c.fields, [q.value for q in c.quotes], c.rule, c.review, c.needs) for c in cands]


def _named(stance_words: str, stance: str) -> str:
    return f"stance words '{stance_words}' ({stance}) about a municipality named"


def test_publications_and_the_evaluations_that_cite_them():
    text = ("Emmen was vol lof over de aanpak (Trouw, 3 mei 2008). Ook Deventer en Emmen waren tevreden (Trouw, 3 mei "
            "2008).\n"
            "De bewoners waren minder tevreden. Dat zei wethouder Anna de Vries in juni 2009.\n"
            "Volgens Het Parool (juni 2009) was het een zegen voor Haarlem.\n"
            "Haarlem deed mee. De buurt was enthousiast, zegt Jan Bos, directeur van Alfa.\n"
            "Het is geconcludeerd.\n")
    trouw = "trouw-2008-05-03"
    assert _proposed(text, ["publication", "evaluation"]) == [
        ("publication", {"id": trouw, "publisher": "Trouw", "date": "2008-05-03"},
         ["aanpak (Trouw, 3 mei 2008)", "tevreden (Trouw, 3 mei 2008)"], "citation of a publisher with a date",
         PUBLISHED, []),
        ("publication", {"id": "het-parool-2009-06", "publisher": "Het Parool", "date": "2009-06"},
         ["Volgens Het Parool (juni 2009)"], "citation of a publisher with a date", PUBLISHED, []),
        ("evaluation", {"id": f"{trouw}-emmen", "subject": "Emmen", "stance": "positive", "according_to": trouw,
                        "date": "2008-05-03"}, ["Emmen was vol lof over de aanpak (Trouw, 3 mei 2008)."],
         _named("vol lof", "positive"), REVIEW, [trouw]),
        ("evaluation", {"id": f"{trouw}-deventer", "subject": "Deventer", "stance": "positive", "according_to": trouw,
                        "date": "2008-05-03"}, ["Ook Deventer en Emmen waren tevreden (Trouw, 3 mei 2008)."],
         _named("tevreden", "positive"), REVIEW, [trouw]),
        ("evaluation", {"id": f"{trouw}-emmen-2", "subject": "Emmen", "stance": "positive", "according_to": trouw,
                        "date": "2008-05-03"}, ["Ook Deventer en Emmen waren tevreden (Trouw, 3 mei 2008)."],
         _named("tevreden", "positive"), REVIEW, [trouw]),
        ("evaluation", {"id": "het-parool-2009-06-haarlem", "subject": "Haarlem", "stance": "positive",
                        "according_to": "het-parool-2009-06", "date": "2009-06"},
         ["Volgens Het Parool (juni 2009) was het een zegen voor Haarlem."], _named("een zegen", "positive"), REVIEW,
         ["het-parool-2009-06"]),
        ("evaluation", {"id": "jan-bos-haarlem", "subject": "Haarlem", "stance": "positive", "according_to": "Jan Bos"},
         ["De buurt was enthousiast, zegt Jan Bos, directeur van Alfa.", "Haarlem deed mee."],
         _named("enthousiast", "positive"), REVIEW, [])]


def test_evaluations_of_the_pilot_of_a_document_with_a_listing():
    text = LISTING + ("\nHet werk was een zegen (Trouw, mei 2008).\n"
                      "De pilot loopt goed maar de meningen lopen sterk uiteen, schreef minister Jan Kok.\n"
                      "De bewoners waren minder tevreden. Dat zei wethouder Anna de Vries in juni 2009.\n"
                      "De buren waren kritisch. Volgens Bos was het wisselend.\n"
                      "Het werd geconcludeerd, zegt Els Kok.\n")
    pilot = "about the pilot"
    assert _proposed(text, ["evaluation"]) == [
        ("evaluation", {"id": "trouw-2008-05-pilot", "subject": "pilot", "stance": "positive",
                        "according_to": "trouw-2008-05", "date": "2008-05"}, ["Het werk was een zegen (Trouw, mei 2008)."],
         f"stance words 'een zegen' (positive) {pilot}", REVIEW, ["trouw-2008-05"]),
        ("evaluation", {"id": "jan-kok-pilot", "subject": "pilot", "stance": "mixed", "according_to": "Jan Kok"},
         ["De pilot loopt goed maar de meningen lopen sterk uiteen, schreef minister Jan Kok."],
         f"stance words 'loopt goed maar de meningen lopen sterk uiteen' (mixed) {pilot}", REVIEW, []),
        ("evaluation", {"id": "anna-de-vries-pilot", "subject": "pilot", "stance": "less-satisfied",
                        "according_to": "Anna de Vries", "date": "2009-06"},
         ["De bewoners waren minder tevreden.", "Dat zei wethouder Anna de Vries in juni 2009."],
         f"stance words 'minder tevreden' (less-satisfied) {pilot}", REVIEW, [])]


def test_the_citation_is_the_first_from_the_sentence_on():
    text = ("Emmen deed mee (Trouw, mei 2008). Emmen was tevreden (Het Parool, juni 2009) en (Trouw, juli 2009).\n"
            "Emmen was kritisch. Later schreef Trouw (mei 2010) erover, en (Krant, juni 2010).\n")
    assert [(f["according_to"], f.get("date"), quotes) for _k, f, quotes, *_ in _proposed(text, ["evaluation"])] == [
        ("het-parool-2009-06", "2009-06", ["Emmen was tevreden (Het Parool, juni 2009) en (Trouw, juli 2009)."]),
        ("krant-2010-06", "2010-06", ["Emmen was kritisch.", "(Krant, juni 2010)"])]


def test_a_reported_person_stands_shortly_before_with_a_reporting_word():
    text = ("Emmen was tevreden, zegt wethouder Anna de Vries.\n"
            "Emmen was kritisch, en dat is ook wat de meeste mensen in de buurt al lang zeggen tegen wethouder Piet Bos.\n"
            "Emmen was kritisch, zegt wethouder Kok.\n"
            "Emmen was wisselend. Dat meldt wethouder Anna de Vries. Dat meldt wethouder Anna de Vries.\n")
    assert [(f["according_to"], quotes) for _k, f, quotes, *_ in _proposed(text, ["evaluation"])] == [
        ("Anna de Vries", ["Emmen was tevreden, zegt wethouder Anna de Vries."]),
        ("Anna de Vries", ["Emmen was wisselend.", "Dat meldt wethouder Anna de Vries. Dat"])]   # lengthened: once


def test_a_sentence_that_stands_twice_or_names_no_place_without_a_listing_gives_nothing():
    line = "Emmen was tevreden (Trouw, mei 2008)."
    assert _proposed(f"{line}\n{line}\n", ["evaluation"]) == []
    assert _proposed("Het was een zegen (Trouw, mei 2008).", ["evaluation"]) == []


def test_the_subject_is_named_in_the_line_when_the_sentence_names_none():
    text = ("Emmen deed mee. Het was een zegen (Trouw, mei 2008).\n"
            "Emmen en Deventer deden mee. Het was een zegen (Trouw, juni 2008).\n")
    assert [(f["subject"], quotes) for _k, f, quotes, *_ in _proposed(text, ["evaluation"])] == [
        ("Emmen", ["Het was een zegen (Trouw, mei 2008).", "Emmen deed mee."])]


def test_edges_of_evaluations_and_publications():
    # the reporting word within the 40 characters before the person, and just beyond them
    near, far = (f"Emmen was kritisch zegt {'a' * n} wethouder Anna de Vries." for n in (34, 35))
    assert [f["according_to"] for _k, f, *_ in _proposed(near, ["evaluation"])] == ["Anna de Vries"]
    assert _proposed(far, ["evaluation"]) == []
    # a citation at the very end of the sentence's quote is not quoted twice
    assert [q for _k, _f, q, *_ in _proposed("Emmen was tevreden (Trouw, mei 2008)", ["evaluation"])] == [
        ["Emmen was tevreden (Trouw, mei 2008)"]]
    # a sentence about nothing named, then one that names two municipalities
    text = "Het was een zegen (Trouw, mei 2008). Emmen en Deventer waren tevreden (Trouw, juni 2008)."
    assert [f["subject"] for _k, f, *_ in _proposed(text, ["evaluation"])] == ["Emmen", "Deventer"]
    # a citation whose line stands twice, then another
    text = "Zie (Trouw, mei 2008).\nZie (Trouw, mei 2008).\nEn (Krant, juni 2009)."
    assert [f["id"] for _k, f, *_ in _proposed(text, ["publication"])] == ["krant-2009-06"]
