"""Text, held exactly: paragraph and sentence offsets, the lookup of the sentences a span lies in,
the joins after an abbreviation, and the fallbacks when sentencex fails or gives wrong offsets.

Written against the mutants that survived ``benchmarks/mutation.py text``.
"""

from __future__ import annotations

import pytest
import sentencex

from vitalegraph.pipeline import text as text_module
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.text import DocumentText, Sentence, paragraphs, segment, sentences


def doc(text: str, name: str = "007_x.txt") -> SourceDocument:
    return SourceDocument.from_bytes(name, text.encode())


def spans(text: str, language: str = "nl") -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text), language)]


def test_segment_gives_paragraphs_sentences_and_the_paragraph_of_each():
    source = "\ufeffKop\n\n  Een zin. Nog een.  \nTwee\n\n\n\u00a0\nLaatste"
    t = segment(doc(source))
    assert (t.name, t.stem, t.text, t.mentions) == ("007_x.txt", "007_x", source, [])
    assert t.paragraphs == [(1, 4), (8, 32), (37, 44)]
    assert t.sentences == [Sentence(1, 4, 0), Sentence(8, 16, 1), Sentence(17, 25, 1), Sentence(28, 32, 1),
                           Sentence(37, 44, 2)]
    assert [source[s.start:s.end] for s in t.sentences] == ["Kop", "Een zin.", "Nog een.", "Twee", "Laatste"]


def test_segment_reads_the_language_it_is_given():
    source = "Toen kwam Dhr. Kok binnen."
    assert [(s.start, s.end) for s in segment(doc(source)).sentences] == [(0, 26)]
    assert [(s.start, s.end) for s in segment(doc(source), "nl").sentences] == [(0, 26)]
    assert [(s.start, s.end) for s in segment(doc(source), "en").sentences] == [(0, 14), (15, 26)]
    assert spans(source, "en") == ["Toen kwam Dhr.", "Kok binnen."]


def test_sentences_are_ordered_by_their_offsets():
    assert Sentence(1, 9, 0) < Sentence(2, 3, 0) < Sentence(2, 4, 0) < Sentence(2, 4, 1)


@pytest.mark.parametrize("start, end, found", [
    (0, 0, [(0, 8)]),                   # an empty span at 0: the sentence that starts there
    (0, 1, [(0, 8)]),
    (7, 8, [(0, 8)]),                   # the last character of the first sentence
    (8, 9, []),                         # the space between two sentences
    (8, 8, []),
    (9, 9, [(9, 21)]),                  # an empty span is taken as one character long
    (4, 12, [(0, 8), (9, 21)]),
    (7, 10, [(0, 8), (9, 21)]),
    (20, 21, [(9, 21)]),
    (21, 22, []),                       # the line break
    (22, 28, [(22, 28)]),
    (0, 28, [(0, 8), (9, 21), (22, 28)]),
    (27, 40, [(22, 28)]),
    (30, 40, []),                       # after the text
])
def test_sentences_in_finds_every_sentence_the_span_touches(start, end, found):
    t = segment(doc("Een zin. Nog een zin.\nDerde."))
    assert [(s.start, s.end) for s in t.sentences_in(start, end)] == found


def test_sentences_in_builds_its_index_once_and_works_on_a_text_made_by_hand():
    t = DocumentText("a.txt", "a", "ab cd", [(0, 5)], [Sentence(0, 2, 0), Sentence(3, 5, 0)])
    assert t._starts == []
    assert t.sentences_in(3, 4) == [Sentence(3, 5, 0)]
    assert t._starts == [0, 3]
    t._starts = [0, 0]                          # the index is kept: a wrong one would be read
    assert t.sentences_in(3, 4) == [Sentence(3, 5, 0)]
    assert t.sentences_in(0, 5) == [Sentence(3, 5, 0)]
    empty = DocumentText("b.txt", "b", "", [], [])
    assert empty.sentences_in(0, 3) == [] and empty._starts == []


@pytest.mark.parametrize("text, found", [
    ("", []),
    ("a", [(0, 1)]),
    ("\n", []),
    ("a\nb", [(0, 3)]),                                        # lines without a blank line: one
    ("a\n\nb\n", [(0, 1), (3, 4)]),
    ("  a  \n b ", [(2, 8)]),                                  # trimmed
    ("\ufeffa\ufeff", [(1, 2)]),                                # a byte-order mark is trimmed
    ("a\n \t\u00a0\nb", [(0, 1), (6, 7)]),                      # a line of white space is blank
    ("a\n\ufeff\nb", [(0, 1), (4, 5)]),                         # so is a line of a byte-order mark
    ("a\nb\n\nc\nd", [(0, 3), (5, 8)]),
    ("\n\na\n\n", [(2, 3)]),
    ("\na\n\nb", [(1, 2), (4, 5)]),                           # a line break first: still two
])
def test_paragraphs(text, found):
    assert paragraphs(text) == found


def test_sentences_of_part_of_a_text_are_offsets_into_the_whole():
    text = "XX Een. Twee.\n Drie \nVier. vijf.YY"
    assert sentences(text, 3, 32) == [(3, 7), (8, 13), (15, 19), (21, 32)]
    assert [text[s:e] for s, e in sentences(text, 3, 32)] == ["Een.", "Twee.", "Drie", "Vier. vijf."]
    assert sentences(text, 3, 3) == []
    assert sentences("  \n \n", 0, 5) == []             # lines of white space give no sentence


def test_white_space_alone_is_no_sentence():
    # sentencex gives "   " its own span; trimmed away it is no sentence
    assert sentences("   ", 0, 3) == []
    assert spans("Een.   twee.") == ["Een.   twee."]


@pytest.mark.parametrize("text, found", [
    ("Zie o.a. de nota.", ["Zie o.a. de nota."]),
    ("Zie o.a. De nota.", ["Zie o.a.", "De nota."]),
    ("Het kabinet (o.a. VROM) kwam.", ["Het kabinet (o.a. VROM) kwam."]),
    ("Zie nota. 3e kamer.", ["Zie nota. 3e kamer."]),
    ("Zie nota. 2de kamer.", ["Zie nota. 2de kamer."]),
    ("Zie nota. 21ste kamer.", ["Zie nota. 21ste kamer."]),
    ("Zie nota. 3ex kamer.", ["Zie nota.", "3ex kamer."]),
    ("Zie nota. 13 mei kwam hij.", ["Zie nota.", "13 mei kwam hij."]),
    ("Zie nota. e3 kamer.", ["Zie nota. e3 kamer."]),
])
def test_a_sentence_after_an_abbreviation_is_joined_when_it_cannot_start_one(text, found):
    assert spans(text) == found


@pytest.mark.parametrize("c, joined", [("/", True), (",", True), (";", True), (":", True), (")", True),
                                       ("(", False), ("-", False), ("D", False), ("X", False), ("d", True), ("1", False)])
def test_continues_after_a_full_stop(c, joined):
    text = "nfh. " + c + "x"
    assert text_module._continues(text, 4, 5) is joined
    assert text_module._continues("nfh! " + c + "x", 4, 5) is False     # no full stop: never joined
    assert text_module._continues("nf.h " + c + "x", 4, 5) is False      # the stop must end it


def test_the_ordinal_is_read_where_the_sentence_starts():
    assert text_module._continues("Zie. Ik 3e", 4, 5) is False
    assert text_module._continues("Zie. 3e Ik", 4, 5) is True
    assert text_module._continues("3e. Zie", 3, 4) is False


def test_a_line_on_which_the_library_fails_is_one_sentence(monkeypatch):
    def fail(language, line):
        raise RuntimeError("broken")
    monkeypatch.setattr(sentencex, "get_sentence_boundaries", fail)
    assert text_module._library_spans("Een. Twee.", "nl") == [(0, 10)]
    assert sentences("x\n Een. Twee. \ny", 2, 14) == [(3, 13)]


def test_a_line_whose_offsets_do_not_give_back_their_text_is_one_sentence(monkeypatch):
    real = sentencex.get_sentence_boundaries

    def shifted(language, line):
        found = real(language, line)
        if len(found) > 1:
            found[1] = dict(found[1], start_index=found[1]["start_index"] + 1)
        return found
    monkeypatch.setattr(sentencex, "get_sentence_boundaries", shifted)
    assert text_module._library_spans("Een. Twee. Drie.", "nl") == [(0, 16)]
    assert text_module._library_spans("Een zin", "nl") == [(0, 7)]


def test_the_library_spans_are_passed_on_with_the_language(monkeypatch):
    seen = []

    def record(language, line):
        seen.append((language, line))
        return [{"start_index": 0, "end_index": 2, "text": line[:2]},
                {"start_index": 2, "end_index": len(line), "text": line[2:]}]
    monkeypatch.setattr(sentencex, "get_sentence_boundaries", record)
    assert text_module._library_spans("abcd", "fy") == [(0, 2), (2, 4)]
    assert seen == [("fy", "abcd")]
    assert sentences("ABCD", 0, 4, "de") == [(0, 2), (2, 4)]
    assert seen[-1] == ("de", "ABCD")


def test_a_span_of_white_space_is_skipped_and_the_rest_of_the_line_read(monkeypatch):
    def blank_first(language, line):
        return [{"start_index": 0, "end_index": 2, "text": line[:2]},
                {"start_index": 2, "end_index": len(line), "text": line[2:]}]
    monkeypatch.setattr(sentencex, "get_sentence_boundaries", blank_first)
    assert sentences("  ab\n\ufeff cd", 0, 9) == [(2, 4), (7, 9)]
