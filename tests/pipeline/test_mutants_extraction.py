"""Extraction, held exactly: each span against ``doc.text[start:end]``, each error with its file:line.

These tests were written against the mutants that survived ``benchmarks/mutation.py extraction``:
each one fixes a rule of the listing format that no other test held (a wrapped function, a name
carried to the next bullet, the boundaries of the title and the start and completion years, the
exact message and line of every malformed listing). No shared fixtures: mutmut runs a test for a
mutant only when the test itself calls the mutated function.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import SourceError
from vitalegraph.pipeline.extraction import extract_project_info, extract_teams, normalize_space
from vitalegraph.pipeline.sources import SourceDocument, read_source

from test_broken import BROKEN, EXPECTED

HEADER = "Utrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nImpulsen\n"


def doc_of(text: str) -> SourceDocument:
    return SourceDocument.from_bytes("x.txt", text.encode("utf-8"))


def span(doc: SourceDocument, piece) -> tuple[str, str, int]:
    """(value, the exact text of the file at the span, line) of a piece of text."""
    return piece.value, doc.text[piece.start:piece.end], piece.line


def error_of(text: str) -> str:
    with pytest.raises(SourceError) as err:
        extract_teams(doc_of(text))
    return str(err.value)


# --- normalize_space --------------------------------------------------------------------------

def test_normalize_space_turns_bom_and_zero_width_space_into_space_and_drops_control_characters():
    assert normalize_space("\ufeffAnna\u200bJansen") == "Anna Jansen"
    assert normalize_space("An\x07na\x1b Jansen") == "Anna Jansen"
    assert normalize_space("a\u00a0\tb\r\nc") == "a b c"


# --- the header: place and district -------------------------------------------------------------

def test_two_line_header_spans():
    doc = doc_of("Wijken\n\nUtrecht,\nOvervecht,\n\nToelichting (pdf-bestand)\n\nImpulsen\n • A B (wethouder)\n")
    [team] = extract_teams(doc)
    assert span(doc, team.place) == ("Utrecht", "Utrecht", 3)
    assert span(doc, team.district) == ("Overvecht", "Overvecht", 4)      # its trailing comma is not part of it
    assert span(doc, team.theme) == ("Impulsen", "Impulsen", 8)
    assert span(doc, team.quote) == ("Utrecht, Overvecht, Toelichting (pdf-bestand) Impulsen",
                                     "Utrecht,\nOvervecht,\n\nToelichting (pdf-bestand)\n\nImpulsen", 3)


def test_one_line_header_right_above_toelichting_and_theme_right_below():
    doc = doc_of("Amersfoort,Vathorst,\nToelichting(pdf-bestand)\nWonen\n • A B (wethouder)\n")
    [team] = extract_teams(doc)
    assert span(doc, team.place) == ("Amersfoort", "Amersfoort", 1)
    assert span(doc, team.district) == ("Vathorst", "Vathorst", 1)
    assert span(doc, team.theme) == ("Wonen", "Wonen", 3)


def test_header_names_are_not_trimmed_of_their_own_letters():
    doc = doc_of("Xanten,\nWijk X\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder)\n\n"
                 "Xanten, Wijk X\n\nToelichting (pdf-bestand)\n\nAnder thema\n • A B (wethouder)\n")
    assert [(t.place.value, t.district.value) for t in extract_teams(doc)] == [("Xanten", "Wijk X")] * 2


def test_bom_before_the_place_is_not_part_of_its_span():
    doc = doc_of("\ufeffUtrecht, Overvecht\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder)\n")
    [team] = extract_teams(doc)
    assert span(doc, team.place) == ("Utrecht", "Utrecht", 1)
    assert team.place.start == 1


def test_comma_inside_parentheses_does_not_split_a_one_line_header():
    doc = doc_of("Stad ((a), b), Wijk (c, d)\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder)\n"
                 "\nDorp (x, y), Kern\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder)\n")
    assert [(t.place.value, t.district.value) for t in extract_teams(doc)] == [
        ("Stad ((a), b)", "Wijk (c, d)"), ("Dorp (x, y)", "Kern")]


def test_a_bullet_ending_in_a_comma_is_no_place_line():
    """The line above a one-line header is a bullet of the team before, with a trailing comma."""
    doc = doc_of("Utrecht, Overvecht\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder),\n"
                 "Amersfoort, Vathorst\n\nToelichting (pdf-bestand)\n\nWonen\n • C D (wethouder)\n")
    assert [(t.place.value, t.district.value) for t in extract_teams(doc)] == [
        ("Utrecht", "Overvecht"), ("Amersfoort", "Vathorst")]


def test_a_header_on_the_first_line_does_not_look_at_the_last_line():
    """The file's last line ends with a comma (a wrapped function); the header is on line 1."""
    doc = doc_of("Utrecht, Overvecht\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder,\nPvdA),")
    [team] = extract_teams(doc)
    assert (team.place.value, team.district.value) == ("Utrecht", "Overvecht")


@pytest.mark.parametrize("text, message", [
    ("\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n",
     "x.txt:3: team without a place and district: expected 'Place, District' (or a 'Place,' line and a "
     "'District' line) above this line"),
    ("Utrecht, Overvecht\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\nToelichting (pdf-bestand)\n"
     "\nThema\n • B (wethouder)\n",
     "x.txt:7: team without a place and district: expected 'Place, District' (or a 'Place,' line and a "
     "'District' line) above this line"),
    ("Wijken\n\nUtrecht\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n",
     "x.txt:3: team without a district: 'Utrecht' should read 'Place, District' (or stand as 'Place,' above a "
     "'District' line)"),
    ("Wijken\n\n, Overvecht\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n",
     "x.txt:3: team without a place name before the comma"),
    ("Wijken\n\nUtrecht,\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n",
     "x.txt:3: team in 'Utrecht' without a district"),
    ("Wijken\n\nUtrecht,\n,\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n",
     "x.txt:4: team in 'Utrecht' without a district"),
])
def test_header_errors_name_their_line(text, message):
    assert error_of(text) == message


# --- the theme ------------------------------------------------------------------------------------

@pytest.mark.parametrize("after, line", [
    ("\n\n", 2),                                         # the file ends
    ("\n • A (wethouder)\n", 2),                         # a bullet where the theme should be
    ("\nToelichting (pdf-bestand)\nThema\n • A (wethouder)\n", 2),
])
def test_team_without_a_theme(after, line):
    assert error_of("Utrecht, Overvecht\nToelichting (pdf-bestand)\n" + after) == \
        f"x.txt:{line}: team 'Utrecht, Overvecht' without a theme line after its Toelichting line"


# --- bullets --------------------------------------------------------------------------------------

def test_wrapped_function_is_one_bullet():
    """The documented rule: a bullet whose parenthesis is still open continues on the next line."""
    doc = doc_of(HEADER + " • Anna Jansen (wethouder,\n   GroenLinks)\n • Piet Klaassen (directeur-generaal\n"
                 "Wonen en\nRuimte)\n\n • Els de Wit (Nyenrode)\n")
    team, = extract_teams(doc)
    anna, piet, els = team.members
    assert span(doc, anna.name) == ("Anna Jansen", "Anna Jansen", 7)
    assert span(doc, anna.function) == ("wethouder, GroenLinks", "wethouder,\n   GroenLinks", 7)
    assert span(doc, anna.quote) == ("Anna Jansen (wethouder, GroenLinks)", "Anna Jansen (wethouder,\n   GroenLinks)", 7)
    assert span(doc, piet.function) == ("directeur-generaal Wonen en Ruimte", "directeur-generaal\nWonen en\nRuimte", 9)
    assert span(doc, els.name) == ("Els de Wit", "Els de Wit", 13)            # after a blank line
    assert [m.position for m in team.members] == [1, 2, 3]


def test_a_line_after_a_closed_bullet_ends_the_listing():
    doc = doc_of(HEADER + " • Anna Jansen (wethouder)\nNa de lijst\n • Piet Klaassen (directeur)\n")
    team, = extract_teams(doc)
    assert [m.name.value for m in team.members] == ["Anna Jansen"]


def test_a_toelichting_line_is_no_continuation_of_an_open_bullet():
    assert error_of(HEADER + " • Anna Jansen (wethouder\nToelichting (pdf-bestand)\n\nThema\n • B (w)\n") == \
        "x.txt:7: bullet in team 'Utrecht, Overvecht' without a closing parenthesis"


def test_name_carried_to_the_next_bullet():
    doc = doc_of(HEADER + " • Hans de Boer (Taskforce), Sybilla\n • Dekker (minister van VROM),\n"
                 " • Rita Verdonk (minister)Xandra\n • (staatssecretaris); .\n")
    team, = extract_teams(doc)
    boer, dekker, verdonk, xandra = team.members
    assert span(doc, boer.quote) == ("Hans de Boer (Taskforce)", "Hans de Boer (Taskforce)", 7)
    assert span(doc, dekker.name) == ("Sybilla Dekker", "Sybilla\n • Dekker", 7)
    assert span(doc, dekker.function) == ("minister van VROM", "minister van VROM", 8)
    assert span(doc, dekker.quote) == ("Sybilla • Dekker (minister van VROM)", "Sybilla\n • Dekker (minister van VROM)", 7)
    # a name right after the closing parenthesis, and a bullet that only holds the function
    assert span(doc, xandra.name) == ("Xandra", "Xandra", 9)
    assert span(doc, xandra.quote) == ("Xandra • (staatssecretaris)", "Xandra\n • (staatssecretaris)", 9)
    assert [m.position for m in team.members] == [1, 2, 3, 4]


def test_bullet_spans():
    doc = doc_of(HEADER + " •Anna Jansen  (wethouder, PvdA) \n • Kees Mol (directeur-generaal (VROM))\n"
                 " • Els) de Wit (wethouder)\n")
    team, = extract_teams(doc)
    anna, kees, stray = team.members
    assert span(doc, anna.name) == ("Anna Jansen", "Anna Jansen", 7)
    assert span(doc, anna.function) == ("wethouder, PvdA", "wethouder, PvdA", 7)
    assert span(doc, anna.quote) == ("Anna Jansen (wethouder, PvdA)", "Anna Jansen  (wethouder, PvdA)", 7)
    assert span(doc, kees.function) == ("directeur-generaal (VROM)", "directeur-generaal (VROM)", 8)
    assert span(doc, kees.quote) == ("Kees Mol (directeur-generaal (VROM))", "Kees Mol (directeur-generaal (VROM))", 8)
    # a stray ')' before the function stays in the name: the function is the first '(' up to its match
    assert span(doc, stray.name) == ("Els) de Wit", "Els) de Wit", 9)
    assert span(doc, stray.function) == ("wethouder", "wethouder", 9)


@pytest.mark.parametrize("bullets, message", [
    (" •(wethouder)\n", "x.txt:7: bullet in team 'Utrecht, Overvecht' without a name before '('"),
    (" • A (w) ;\n • (wethouder)\n", "x.txt:8: bullet in team 'Utrecht, Overvecht' without a name before '('"),
    (" • Anna Jansen ( )\n", "x.txt:7: bullet for 'Anna Jansen' has empty parentheses"),
    (" • Anna Jansen wethouder\n",
     "x.txt:7: bullet in team 'Utrecht, Overvecht' without '(function, party or organisation)' after the name"),
    (" • A (w)\n • Anna Jansen (wethouder\n", "x.txt:8: bullet in team 'Utrecht, Overvecht' without a closing parenthesis"),
    (" • A (w) Piet\n\nNa de lijst\n",
     "x.txt:7: text 'Piet' after the last bullet's closing parenthesis does not start a next bullet"),
    (" • A (w)\n • B (w)\n • a (x)\n",
     "x.txt:9: 'a' is listed twice in team 'Utrecht, Overvecht' (first at line 7)"),
    ("\nNa de lijst\n", "x.txt:6: team 'Utrecht, Overvecht' without members: no '• Name (function)' lines after "
                       "its theme"),
])
def test_bullet_errors_name_their_line(bullets, message):
    assert error_of(HEADER + bullets) == message


def test_punctuation_after_a_bullet_is_no_name():
    team, = extract_teams(doc_of(HEADER + " • A (w) -\n • B (w) 2\n • C (w), ;.\n"))
    assert [m.name.value for m in team.members] == ["A", "B", "C"]


def test_broken_sources_give_their_exact_error_in_process():
    """tests/pipeline/test_broken.py runs these through the command line; here extraction itself is checked."""
    for name, message in EXPECTED.items():
        with pytest.raises(SourceError) as err:
            extract_teams(read_source(BROKEN / name))
        assert str(err.value) == message, name


# --- the project header ---------------------------------------------------------------------------

def test_project_info_spans():
    doc = doc_of("Pilot 2006-2007\nStart: 2006\nVoltooiing: 2007 (2006 begonnen)\nIn 2006 en 2007.\n")
    info = extract_project_info(doc)
    assert span(doc, info.title) == ("Pilot 2006-2007", "Pilot 2006-2007", 1)
    assert (info.start.value, doc.text[info.start.start:info.start.end], info.start.line, info.start.start) == \
        ("2006", "2006", 2, 23)
    assert (info.end.value, doc.text[info.end.start:info.end.end], info.end.line, info.end.start) == \
        ("2007", "2007", 3, 40)


def test_project_title_is_the_nearest_line_above_start_even_on_line_one():
    doc = doc_of("Titel\n\n\nStart: 2006\n")
    info = extract_project_info(doc)
    assert span(doc, info.title) == ("Titel", "Titel", 1)
    assert info.end is None


@pytest.mark.parametrize("text, end", [
    ("Titel\nEinde: 2005\nStart: 2006\n", None),            # an end year above Start is not its end
    ("Titel\nStart: 2006\n\nOplevering: 2008\n", "2008"),     # two lines below: still the end year
    ("Titel\nStart: 2006\n\n\nOplevering: 2008\n", None),     # three lines below: too far
])
def test_completion_year_is_within_two_lines_below_start(text, end):
    info = extract_project_info(doc_of(text))
    assert info.start.value == "2006"
    assert (info.end.value if info.end else None) == end


def test_no_start_line_no_project_info():
    info = extract_project_info(doc_of("Titel\n\nVoltooiing: 2007\n"))
    assert (info.title, info.start, info.end) == (None, None, None)
