"""The vocabulary, held exactly: which word lists it reads, how a list becomes one pattern, and the
one-line error of a file that cannot be read.

Written against the mutants of ``benchmarks/mutation.py propose.vocabulary``.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import DataFileError
from vitalegraph.pipeline.propose.vocabulary import Vocabulary, alternation, load_vocabulary


def test_a_missing_table_or_list_is_an_empty_list():
    vocab = Vocabulary({"persons": {"titles": ["wethouder"]}})
    assert vocab.words("persons", "titles") == ["wethouder"]
    assert vocab.words("persons", "particles") == []          # the table, but not the list
    assert vocab.words("dates", "qualifiers") == []           # not the table


def test_the_words_are_a_copy():
    data = {"persons": {"titles": ["wethouder"]}}
    Vocabulary(data).words("persons", "titles").append("minister")
    assert data == {"persons": {"titles": ["wethouder"]}}


def test_months_are_case_folded_and_numbers():
    assert Vocabulary({"months": {"Mei": "5", "juni": 6}}).months == {"mei": 5, "juni": 6}
    assert Vocabulary({}).months == {}


def test_stances_are_regular_expressions_per_stance():
    vocab = Vocabulary({"stances": {"positive": [r"vol\s+lof"], "negative": ["minder tevreden"]}})
    [(pos, p), (neg, n)] = vocab.stances
    assert (pos, neg) == ("positive", "negative")
    assert p.search("Zij waren VOL   lof over").group(0) == "VOL   lof"        # a regular expression, not words
    assert n.search("minder tevreden") and not n.search("minder tevredenheid")
    assert Vocabulary({}).stances == []


def test_the_default_file_is_the_reference_vocabulary():
    vocab = load_vocabulary()
    assert vocab.months["mei"] == 5 and len(vocab.months) >= 12
    assert "bestuursvoorzitter" in vocab.words("persons", "titles")


def test_a_file_of_ones_own(tmp_path):
    path = tmp_path / "woorden.toml"
    path.write_text('[months]\n"maart" = 3\n[persons]\ntitles = ["schepen"]\n', encoding="utf-8")
    vocab = load_vocabulary(path)
    assert (vocab.months, vocab.words("persons", "titles")) == ({"maart": 3}, ["schepen"])
    assert load_vocabulary(str(path)).months == {"maart": 3}


def test_a_non_ascii_file_is_read_as_utf8(tmp_path):
    path = tmp_path / "woorden.toml"
    path.write_bytes('[persons]\ntitles = ["één"]\n'.encode("utf-8"))
    assert load_vocabulary(path).words("persons", "titles") == ["één"]


@pytest.mark.parametrize("content", [None, b"[months\n", b"[persons]\ntitles = [\"\xff\"]\n"],
                         ids=["missing", "not TOML", "not UTF-8"])
def test_an_unreadable_file_is_one_error_that_names_it(tmp_path, content):
    path = tmp_path / "woorden.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataFileError) as info:
        load_vocabulary(path)
    assert str(info.value).startswith(f"{path}: not a readable vocabulary file: ")
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_the_longest_phrase_wins_and_white_space_is_any():
    pattern = alternation(["de", "de wethouder"])
    assert [m.group(0) for m in pattern.finditer("De \n wethouder en de man")] == ["De \n wethouder", "de"]


def test_longest_first_is_by_length_not_by_the_letters():
    # reversed alphabetical order would put "de" before "De wijk" ('d' after 'D'), and match "De" alone
    assert alternation(["de", "De wijk"]).search("De wijk").group(0) == "De wijk"
    assert alternation(["zo", "alzo"]).findall("alzo zo") == ["alzo", "zo"]


def test_whole_words_only_and_any_case():
    pattern = alternation(["wijk"])
    assert [m.group(0) for m in pattern.finditer("WIJK wijken buurt-wijk wijk-aanpak (wijk)")] == ["WIJK", "wijk"]


def test_words_are_escaped_unless_they_are_regular_expressions():
    assert alternation(["t/m", "a.b"]).search("van 1 t/m 3 axb").group(0) == "t/m"
    assert not alternation(["a.b"]).search("axb")
    assert alternation(["a.b"], regex=True).search("axb").group(0) == "axb"


def test_no_words_match_nothing():
    for text in ("", " ", "x", "a b"):
        assert alternation([]).search(text) is None
        assert alternation([], regex=True).search(text) is None
