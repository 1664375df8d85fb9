"""The document being read, held exactly: the patterns made of the reference data and vocabulary,
quotes lengthened until they stand once, sentences, lines of prose, headings and news items.

Written against the mutants of ``benchmarks/mutation.py propose.document``; a small reference and
vocabulary of its own, so that every pattern is seen with words it must and must not match.
"""

from __future__ import annotations

import pytest

from conftest import SOURCES
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.propose.document import (Doc, Line, is_heading, news_items, prose_lines, sentence_of,
                                                   split_sentences, trim)
from vitalegraph.pipeline.propose.vocabulary import Vocabulary
from vitalegraph.pipeline.reference import Department, FunctionWord, Municipality, Reference
from vitalegraph.pipeline.sources import read_source, SourceDocument

BZK = Department("bzk", "ministry", ("BZK", "Binnenlandse Zaken"), "Binnenlandse Zaken en Koninkrijksrelaties",
                 "Interior", "", "", "")
FIN = Department("fin", "ministry", ("Fin",), "Financiën", "Finance", "", "", "")
REF = Reference(
    departments=[BZK, FIN],
    municipalities=[Municipality("zuidstad", "Zuidstad", "", "", "", ("Zuiddorp",), "")],
    functions=[FunctionWord("minister", "minister", "cabinet-member", True),
               FunctionWord("minister van", "minister", "cabinet-member", True),
               FunctionWord("wethouder", "wethouder", "alderman", False),
               FunctionWord("directeur-generaal", "directeur-generaal", "official", True),
               FunctionWord("eerste minister", "minister-president", "cabinet-member", False)])
VOCAB = Vocabulary({"months": {"mei": 5, "Juni": 6}, "persons": {"titles": ["projectleider"], "particles": ["De", "van"],
                    "not_names": ["Het"]}, "organisations": {"kinds": ["Stichting", "woningcorporatie"]},
                    "dates": {"qualifiers": ["eind"], "prepositions": ["in"]},
                    "sentences": {"abbreviations": ["prof.", "t/m"]}, "pilot": {"patterns": [r"pilot\w*"]},
                    "agreements": {"kinds": ["convenant"]}})


def D(text: str, ref: Reference = REF, vocab: Vocabulary = VOCAB) -> Doc:
    return Doc(SourceDocument.from_bytes("x.txt", text.encode()), ref, vocab)


# ---------------------------------------------------------------------------------------------- the patterns

def test_a_new_doc_knows_no_listing_yet():
    d = D("Tekst.")
    assert (d.has_listing, d.listed_persons, d.listed_districts) == (False, [], [])
    assert d.text == "Tekst." and d.index.norm == "Tekst." and d.ref is REF and d.vocab is VOCAB


def test_titles_are_the_one_word_function_words_and_the_job_titles():
    d = D("x")
    assert d.titles.findall("Wethouder, projectleider, directeur-generaal, eerste minister") == [
        "Wethouder", "projectleider", "directeur-generaal", "minister"]
    assert sorted(d.function_words) == ["directeur-generaal", "eerste minister", "minister", "minister van", "wethouder"]
    assert d.function_words["wethouder"].function == "wethouder"


def test_offices_are_the_function_words_that_name_no_department():
    assert D("x").offices.findall("wethouder en eerste minister en minister en directeur-generaal") == [
        "wethouder", "eerste minister"]


def test_the_word_lists_of_the_vocabulary():
    d = D("x")
    assert d.particles == {"de", "van"} and d.not_names == {"Het"} and d.abbreviations == {"prof", "t/m"}
    assert d.kind_words == ["woningcorporatie", "stichting"]
    assert d.kinds.findall("de stichting en STICHTING en stichtingen") == ["stichting", "STICHTING"]
    assert d.pilot.findall("de pilotwijken en pilot") == ["pilotwijken", "pilot"]      # a regular expression
    assert d.agreement_kinds.findall("Convenant") == ["Convenant"]
    assert d.signing.search("ondertekend") is None                                  # no words: nothing


def test_department_names_longest_first_and_en_also_written_with_an_ampersand():
    d = D("x")
    assert d.department_names.findall(
        "BZK en Binnenlandse Zaken & Koninkrijksrelaties, Binnenlandse  Zaken, Financiën; xBZK BZK-x &BZK") == [
        "BZK", "Binnenlandse Zaken & Koninkrijksrelaties", "Binnenlandse  Zaken", "Financiën"]
    assert d.department_names.findall("Binnenlandse Zaken en Koninkrijksrelaties") == [
        "Binnenlandse Zaken en Koninkrijksrelaties"]
    assert d.department_names.search("bzk") is None                                # case as written


def test_dates_as_prose_writes_them():
    d = D("x")
    text = "eind mei 2008, 3 Juni 2009, in 2010, MEI. 1899, mei 2100, 12 mei 20081, in eind mei 2011, 2012, in 20133"
    assert [m.group(0) for m in d.date.finditer(text)] == [
        "eind mei 2008", "3 Juni 2009", "in 2010", "MEI. 1899", "in eind mei 2011"]
    assert [(m["day"], m["month"], m["year"], m["only"]) for m in d.date.finditer(text)] == [
        (None, "mei", "2008", None), ("3", "Juni", "2009", None), (None, None, None, "2010"),
        (None, "MEI", "1899", None), (None, "mei", "2011", None)]
    assert d.date.search("xmei 2008") is None and d.date.search("in 2008x") is None
    assert d.date.search("31 mei 2008")["day"] == "31" and d.date.search("331 mei 2008")["day"] is None


def test_municipalities_by_name_and_by_place():
    assert D("x").municipality_names.findall("Zuidstad, Zuiddorp en Zuidstadium, zuidstad-west") == ["Zuidstad", "Zuiddorp"]


def test_an_empty_reference_and_vocabulary_match_nothing():
    d = D("x", Reference(), Vocabulary({}))
    for text in ("", " ", "in 2008", "mei 2008", "a - b"):
        for pattern in (d.department_names, d.date, d.municipality_names, d.titles, d.offices, d.kinds, d.pilot):
            assert pattern.search(text) is None, (pattern.pattern, text)
    assert (d.kind_words, d.particles, d.abbreviations) == ([], set(), set())


# ---------------------------------------------------------------------------------------------- quotes

PLAN = "Het plan. Het plan kwam. Zij zei: het plan kwam ook."


def test_a_quote_that_stands_once_is_itself():
    d = D(PLAN)
    at = PLAN.index("het plan")
    assert d.quote(at, at + 8, [(at, len(PLAN))]) == Text("het plan", at, at + 8, 1)


def test_a_quote_is_lengthened_to_the_right_first_then_to_the_left():
    d = D(PLAN)
    assert d.quote(10, 18, [(10, 24)]) == Text("Het plan kwam.", 10, 24, 1)
    assert d.quote(4, 8, [(0, 24)]) == Text("plan. Het", 4, 13, 1)
    assert d.quote(14, 18, [(10, 18)]) == Text("Het plan", 10, 18, 1) or d.quote(14, 18, [(10, 18)]) is None


def test_a_quote_within_bounds_too_narrow_tries_the_next():
    d = D(PLAN)
    assert d.quote(0, 8, [(0, 9)]) is None                    # "Het plan." stands once nowhere within
    assert d.quote(0, 8, [(0, 9), (0, len(PLAN))]) == Text("Het plan. Het", 0, 13, 1)
    assert d.quote(0, 8, []) is None


def test_an_empty_quote_is_none():
    assert D("a  b")._once(1, 2) is None


def test_a_quote_keeps_the_line_it_starts_on():
    d = D("Eerst.\nHet plan kwam.\n")
    assert d.quote(7, 15, [(7, 21)]) == Text("Het plan", 7, 15, 2)


COUNTS = [
    ("ab ab", "ab", [0, 3]), ("xab ab", "ab", [4]), ("abx ab", "ab", [4]), ("a.b a.b", ".", [1, 5]), ("a.", "a.", [0]),
    ("a a a", "a a", [0]), ("aaa a", "aa", []), ("b ab", "b", [0]), ("ba b", "b", [3]), ("ab ab ab", "ab", [0, 3]),
    ("é ée é", "é", [0, 5])]


# ASCII test ids (mutmut passes them back to pytest on its command line)
@pytest.mark.parametrize("text, needle, found", COUNTS, ids=[f"count{i}" for i in range(len(COUNTS))])
def test_the_fast_count_agrees_with_the_text_index(text, needle, found):
    d = D(text)
    assert d._occurrences(needle, 2) == found == d.index.occurrences(needle)[:2]
    assert d._occurrences(needle, 1) == found[:1]


def test_the_fast_count_stops_at_the_limit():
    d = D("ab ab ab ab")
    assert d._occurrences("ab", 3) == [0, 3, 6]


# ---------------------------------------------------------------------------------------------- what text names

def test_the_department_of_the_longest_leading_part():
    d = D("x")
    assert d.department("Financiën, en meer") == (FIN, "Financiën")
    assert d.department("Financiën. Daarna") == (FIN, "Financiën")
    assert d.department("Binnenlandse Zaken en Koninkrijksrelaties") == (BZK, "Binnenlandse Zaken en Koninkrijksrelaties")
    assert d.department("BZK;") == (BZK, "BZK")
    assert d.department("Sociale Zaken") == (None, "") and d.department("") == (None, "")


def test_a_function_is_written_as_the_build_reads_it_back():
    d = D("x")
    assert d.function_text("minister", FIN, "Financiën") == "minister van Financiën"
    assert d.function_text("directeur-generaal", FIN, "Financiën") == "directeur-generaal Financiën"
    assert d.function_text("wethouder", FIN, "Financiën") == "wethouder Financiën"        # names no department
    assert d.function_text("minister", BZK, "Financiën") == "minister Financiën"          # not that department
    assert d.function_text("projectleider", FIN, "Financiën") == "projectleider Financiën"


# ---------------------------------------------------------------------------------------------- sentences, lines

SENTENCES = [
    ('Hij zei: "Ja." Toen ging hij. Prof. Jansen kwam t/m mei. J. Bos (de man.) Kwam? Ja! 3 mensen. • Punt',
     ['Hij zei: "Ja."', "Toen ging hij.", "Prof. Jansen kwam t/m mei.", "J. Bos (de man.)", "Kwam?", "Ja!", "3 mensen.",
      "Punt"]),
    ("Een  zin.   Nog een", ["Een  zin.", "Nog een"]),
    ("Geen punt aan het eind", ["Geen punt aan het eind"]),
    ("a. b. Cc.", ["a. b. Cc."]),
    ("Het eind. ", ["Het eind."]),
    ("Eén. (Twee.) [Drie] “Vier.” ‘Vijf’", ["Eén.", "(Twee.)", "[Drie] “Vier.”", "‘Vijf’"]),
    ("Zie prof. Bos. En (dr. Jansen.) Ja", ["Zie prof. Bos.", "En (dr.", "Jansen.)", "Ja"]),
    ("Zo. en zo.", ["Zo. en zo."]),
]


@pytest.mark.parametrize("text, sentences", SENTENCES, ids=[f"line{i}" for i in range(len(SENTENCES))])
def test_sentences_of_a_line(text, sentences):
    d = D(text)
    assert [text[a:b] for a, b in split_sentences(d, 0, len(text))] == sentences


def test_sentences_of_a_part_of_the_text():
    text = "Voor. Een zin. Nog een. Na."
    d = D(text)
    assert [text[a:b] for a, b in split_sentences(d, 6, 23)] == ["Een zin.", "Nog een."]
    assert split_sentences(d, 6, 23) == [(6, 14), (15, 23)]
    assert split_sentences(D("x   y"), 1, 4) == []


def test_trim_takes_white_space_a_bullet_and_a_byte_order_mark():
    assert trim(" \ufeff• x  ", 0, 7) == (4, 5)
    assert trim("   ", 0, 3) == (3, 3)
    assert trim("ab", 0, 2) == (0, 2)
    assert trim("x •y• ", 1, 6) == (3, 5)


def test_the_lines_of_prose_leave_out_the_listing_and_the_dates_of_a_project():
    doc = read_source(SOURCES / "004_157f315819f9f14b.txt")
    from vitalegraph.pipeline.propose.vocabulary import load_vocabulary
    from vitalegraph.pipeline.reference import load_reference
    from vitalegraph import paths
    d = Doc(doc, load_reference(paths.REFERENCE), load_vocabulary())
    lines = prose_lines(d)
    assert len(lines) == len(doc.line_starts)
    assert d.has_listing and len(d.listed_persons) == len(set(d.listed_persons)) > 10
    assert len(d.listed_districts) == len(set(d.listed_districts)) > 3
    values = {" ".join(doc.text[line.start:line.end].split()) for line in lines if line}
    assert not any(v.split(":")[0].strip() in ("Start", "Voltooiing") for v in values)
    assert not any(p in v for v in values for p in d.listed_persons[:3] if v.startswith(p))


def test_lines_blank_and_bullets_and_their_sentences():
    text = "\ufeffKop\n\n  • Een punt. Twee  \nStart: 2008\nvoltooiing : 2010\nStart: 2008 of later\n"
    d = D(text)
    lines = prose_lines(d)
    assert lines[1] is None and lines[3] is None and lines[4] is None
    assert lines[0] == Line(1, 4, [(1, 4)], False)
    assert lines[2].bullet and text[lines[2].start:lines[2].end] == "Een punt. Twee"
    assert [text[a:b] for a, b in lines[2].sentences] == ["Een punt.", "Twee"]
    assert lines[5] is not None and lines[5].span == (lines[5].start, lines[5].end)
    assert d.has_listing is False and lines[6:] == [None] * (len(lines) - 6)


# ---------------------------------------------------------------------------------------------- items

def _lines(text):
    d = D(text)
    return d, prose_lines(d)


def test_a_heading_is_short_without_closing_punctuation_and_no_bullet():
    d, lines = _lines("Een kop van wel twaalf woorden lang en dan nog meer hier\n"
                      "Een kop van wel dertien woorden lang en dan nog veel meer hier\n"
                      "Geen kop.\nGeen kop;\nGeen kop,\nGeen kop:\nGeen kop!\nGeen kop?\n• Geen kop\nKop\n")
    assert [is_heading(d, line) for line in lines if line] == [True, False, False, False, False, False, False, False,
                                                               False, True]


def test_news_items_under_their_headings():
    text = ("Los begin van een tekst zonder kop.\n\n"
            "Eerste kop\nDe tekst eronder.\n\nEn een alinea erbij.\n\n"
            "Sectie\n\n"
            "Een alinea na de sectie.\n\n"
            "Tweede kop\nTekst twee.\nMeer tekst.\n\n"
            "Kop\nOok kop\n\n"
            "Nog een alinea.\n")
    d, lines = _lines(text)
    items = news_items(d, lines)
    shown = [(text[h.start:h.end] if h else None, [text[p.start:p.end] for p in ps]) for h, ps in items]
    assert shown == [
        (None, ["Los begin van een tekst zonder kop."]),
        ("Eerste kop", ["De tekst eronder.", "En een alinea erbij."]),
        (None, ["Een alinea na de sectie."]),
        ("Tweede kop", ["Tekst twee.", "Meer tekst."]),
        (None, ["Nog een alinea."])]


def test_an_item_goes_on_after_a_paragraph_with_a_heading_of_its_own_shape():
    text = "Kop\nTekst.\n\nKop twee\nKop drie\nTekst.\n"
    d, lines = _lines(text)
    shown = [(text[h.start:h.end] if h else None, [text[p.start:p.end] for p in ps]) for h, ps in news_items(d, lines)]
    assert shown == [("Kop", ["Tekst.", "Kop twee", "Kop drie", "Tekst."])]


def test_no_lines_no_items():
    d = D("x")
    assert news_items(d, [None, None]) == [] and news_items(d, []) == []


def test_the_sentence_of_an_offset():
    text = "Een. Twee drie.\nVier.\n"
    d, lines = _lines(text)
    lines = [line for line in lines if line]
    assert sentence_of(0, lines) == ((0, 4), (0, 15))
    assert sentence_of(3, lines) == ((0, 4), (0, 15))
    assert sentence_of(5, lines) == ((5, 15), (0, 15))
    assert sentence_of(14, lines) == ((5, 15), (0, 15))
    assert sentence_of(16, lines) == ((16, 21), (16, 21))
    assert sentence_of(4, lines) == ((0, 15), (0, 15))                  # between sentences: the line
    assert sentence_of(15, lines) == ((0, 15), (0, 15))                 # not in any line: the first line
    assert sentence_of(99, lines[1:]) == ((16, 21), (16, 21))


# ---------------------------------------------------------------------------------------------- orders, edges

def test_the_longest_names_first_whatever_their_letters():
    amp = Department("ab", "ministry", (), "Alfa en Beta", "", "", "", "")
    abg = Department("abg", "ministry", (), "Alfa & Beta Gamma", "", "", "", "")
    ref = Reference(departments=[amp, abg], municipalities=[
        Municipality("zuid", "Zuid", "", "", "", ("Zuid Oost",), "")])
    vocab = Vocabulary({"organisations": {"kinds": ["school", "basisschool", "Stichting"]}})
    d = D("x", ref, vocab)
    # "Alfa en Beta" sorts after "Alfa & Beta Gamma" by its letters, and matches the start of "Alfa & Beta Gamma"
    assert d.department_names.findall("Alfa & Beta Gamma") == ["Alfa & Beta Gamma"]
    assert d.municipality_names.findall("Zuid Oost en Zuid") == ["Zuid Oost", "Zuid"]
    assert d.kind_words == ["basisschool", "stichting", "school"]


def test_edges_of_sentences_trims_counts_and_quotes():
    d = D("Ja . Nee. Zie (prof. Bos) nu.")
    assert [d.text[a:b] for a, b in split_sentences(d, 0, len(d.text))] == ["Ja .", "Nee.", "Zie (prof. Bos) nu."]
    assert trim("Xa", 0, 2) == (0, 2)
    assert D("x..")._occurrences(".", 2) == [1, 2]
    assert D("x").department("Financiën X") == (FIN, "Financiën")
    assert D("Het plan. Het plan kwam.").quote(0, 4, [(0, 24)]) == Text("Het plan.", 0, 9, 1)
    text = "Een. Twee drie.\nVier.\n"
    lines = [line for line in prose_lines(D(text)) if line]
    assert sentence_of(21, lines) == ((0, 15), (0, 15))              # the end of the last line is outside it


def test_the_team_lines_are_no_prose():
    from conftest import ROOT
    from vitalegraph import paths
    from vitalegraph.pipeline.propose.vocabulary import load_vocabulary
    from vitalegraph.pipeline.reference import load_reference
    doc = read_source(ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt")
    d = Doc(doc, load_reference(paths.REFERENCE), load_vocabulary())
    values = [doc.text[line.start:line.end] for line in prose_lines(d) if line]
    assert "Jongeren aan het werk" not in values and "Kanaleneiland van start" in values
    assert not any("Marloes Wolters (wethouder" in v for v in values)
