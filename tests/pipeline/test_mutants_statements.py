"""Statements, held exactly: the normalised text index, quotes and names found at their offsets,
and each malformed statement file refused with its own message.

Written against the mutants that survived ``benchmarks/mutation.py statements``.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.statements import TextIndex, _quotes, load_statement_file, load_statements
from vitalegraph.pipeline.sources import SourceDocument

TEXT = "  Een\u00a0 wijk\ufeffin\r\nDeventer: de wijken van Deventer (VROM).\n"


def doc_of(text: str = TEXT, name: str = "bron.txt") -> SourceDocument:
    return SourceDocument.from_bytes(name, text.encode("utf-8"))


def test_index_collapses_white_space_and_keeps_offsets():
    doc = doc_of("  Een\u00a0 wijk\ufeffin\r\nX ")
    index = TextIndex(doc)
    assert index.norm == "Een wijk in X "
    assert index.pos == [2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17]


def test_occurrences_stand_at_word_boundaries():
    index = TextIndex(doc_of("wijk wijken rwijk wijk. x(VROM) (VROM)y"))
    assert index.occurrences("wijk") == [0, 18]
    assert index.occurrences(" wijk\n") == [0, 18]
    assert index.occurrences("wijk", 1) == [18]
    assert index.occurrences("wijk", 0, 17) == [0]
    assert index.occurrences("(VROM)") == [25, 32]         # no boundary asked of a non-word end
    assert index.occurrences(" \u00a0") == []


def test_find_gives_exact_offsets():
    doc = doc_of()
    index = TextIndex(doc)
    found = index.find("wijk in Deventer")
    assert (found.value, doc.text[found.start:found.end], found.line) == ("wijk in Deventer", "wijk\ufeffin\r\nDeventer", 1)
    found = index.find("(VROM).")
    assert (found.value, doc.text[found.start:found.end], found.line) == ("(VROM).", "(VROM).", 2)
    assert index.find("Utrecht") is None
    with pytest.raises(ValueError, match="^stands 2 times$"):
        index.find("Deventer")


def test_find_within_a_region():
    doc = doc_of()
    index = TextIndex(doc)
    region = index.find("de wijken van Deventer")
    found = index.find_within("Deventer", region)
    assert (doc.text[found.start:found.end], found.start) == ("Deventer", doc.text.rindex("Deventer"))
    assert index.find_within("Een", region) is None
    assert index.find_within("wijken", region).start == doc.text.index("wijken")
    assert index.find_within("de", index.find("Deventer: de")).start == doc.text.index(" de ") + 1
    small = TextIndex(doc_of("a b c, d"))
    assert small.find_within("c", small.find("a b")) is None           # the word right after the region
    assert small.find_within(",", small.find("b c")) is None           # the character right after it
    assert small.find_within("b", small.find("a b")).start == 2


def test_quotes_is_a_string_or_a_list_of_strings():
    assert _quotes("a") == ["a"]
    assert _quotes(["a", "b"]) == ["a", "b"]
    assert _quotes([]) == [] and _quotes(["a", 1]) == [] and _quotes(3) == []


def write(tmp_path, body: str, name: str = "bron.toml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_statement_file_loads_with_its_quotes_and_labels(tmp_path):
    doc = doc_of()
    path = write(tmp_path, '[document]\ntitle = "T"\n\n'
                 '[[mention]]\ntype = "organisation"\nname = "VROM"\nquote = ["wijk in Deventer", "(VROM)"]\n\n'
                 '[[mention]]\ntype = "place"\nname = "Deventer"\nquote = "de wijken van Deventer"\n\n'
                 '[[project]]\nid = "p1"\nlabel = "L"\nquote = "Een"\n\n'
                 '[[agreement]]\nid = ""\nlabel = "Akkoord"\nquote = "Een wijk"\n\n'
                 '[[approach_step]]\nagreement = "a"\norder = 1\nquote = "Een wijk in"\n')
    f = load_statement_file(path, doc)
    assert (f.path, f.source, f.document) == (path, doc, {"title": "T"})
    labels = [s.label for s in f.statements]
    assert labels == ["bron.toml: [[mention]] #1 (VROM)", "bron.toml: [[mention]] #2 (Deventer)",
                      "bron.toml: [[agreement]] #1 (Akkoord)", "bron.toml: [[approach_step]] #1",
                      "bron.toml: [[project]] #1 (p1)"]
    vrom = f.statements[0]
    assert (vrom.kind, vrom.index, vrom.file, vrom.source) == ("mention", 1, "bron.toml", doc)
    assert [doc.text[q.start:q.end] for q in vrom.quotes] == ["wijk\ufeffin\r\nDeventer", "(VROM)"]
    assert vrom.get("type") == "organisation" and vrom.get("nothing", 7) == 7 and vrom.get("nothing") is None
    where = vrom.where("VROM")
    assert (doc.text[where.start:where.end], where.start) == ("VROM", doc.text.index("VROM"))
    deventer = f.statements[1]
    assert deventer.where("Deventer").start == doc.text.rindex("Deventer")
    with pytest.raises(StatementError) as err:
        deventer.where("Een")
    assert str(err.value) == "bron.toml: [[mention]] #2 (Deventer): the name 'Een' does not stand in any of its quotes"


@pytest.mark.parametrize("body, message", [
    ("[[mention]\n", "bron.toml: not a readable TOML file: "),
    ('[[zeta]]\nx = 1\n[[alpha]]\nx = 1\n', "bron.toml: unknown statement kind [[alpha]]; known: pilot_city, mention, "
     "agreement, approach_step, district_role, membership, publication, project, adoption, evaluation, "
     "person_function, commitment, participation, pilot, programme, entity, result, cited_document"),
    ('mention = 3\n', "bron.toml: 'mention' must be an array of tables ([[mention]])"),
    ('[[mention]]\nquote = "Een"\n', "bron.toml: [[mention]] #1: missing key 'type'"),
    ('[[mention]]\ntype = "x"\nname = "n"\nquote = "Een"\n[[mention]]\ntype = "x"\nquote = "Een"\n',
     "bron.toml: [[mention]] #2: missing key 'name'"),
    ('[[pilot_city]]\nname = "n"\nquote = []\n', "bron.toml: [[pilot_city]] #1 (n): 'quote' must be a string or a list "
     "of strings"),
    ('[[pilot_city]]\nname = "n"\nquote = "Deventer"\n', "bron.toml: [[pilot_city]] #1 (n): quote 'Deventer' stands 2 "
     "times in bron.txt; lengthen it so that it stands once"),
    ('[[pilot_city]]\nname = "n"\nquote = "' + "Deventer " * 10 + '"\n', "bron.toml: [[pilot_city]] #1 (n): quote not "
     "found in bron.txt: '" + ("Deventer " * 10)[:80] + "'"),
    ('[[pilot_city]]\nname = "n"\nquote = "wijk ' + "x" * 70 + '"\n', None),
])
def test_malformed_statement_files(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(StatementError) as err:
        load_statement_file(path, doc_of())
    if message is None:                                   # the quote shows its first 80 characters
        assert str(err.value).endswith(f": '{('wijk ' + 'x' * 70)[:80]}'") and "x" * 66 in str(err.value)
    elif message.endswith(": "):
        assert str(err.value).startswith(message) and len(str(err.value)) > len(message)
    else:
        assert str(err.value) == message


def test_an_ambiguous_long_quote_shows_its_first_sixty_characters(tmp_path):
    doc = doc_of("A " + "lang " * 20 + "\nB " + "lang " * 20 + "\n")
    path = write(tmp_path, '[[pilot_city]]\nname = "n"\nquote = "' + "lang " * 15 + '"\n')
    with pytest.raises(StatementError) as err:
        load_statement_file(path, doc)
    assert str(err.value) == f"bron.toml: [[pilot_city]] #1 (n): quote '{('lang ' * 15)[:60]}' stands 2 times in " \
                             "bron.txt; lengthen it so that it stands once"


def test_load_statements_pairs_files_with_their_sources(tmp_path):
    a, b = doc_of(name="a.txt"), doc_of(name="b.txt")
    for stem in ("b", "a", "c"):
        write(tmp_path, '[[pilot_city]]\nname = "n"\nquote = "Een"\n', f"{stem}.toml")
    write(tmp_path, "not toml", "d.txt")
    files, skipped = load_statements(tmp_path, [a, b])
    assert [(f.path.name, f.source.name) for f in files] == [("a.toml", "a.txt"), ("b.toml", "b.txt")]
    assert skipped == ["c.toml"]
    assert [f.document for f in files] == [{}, {}]
    assert load_statements(tmp_path / "none", [a]) == ([], [])
    assert load_statements(str(tmp_path), [])[1] == ["a.toml", "b.toml", "c.toml"]
