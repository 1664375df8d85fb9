"""The listing parser reads structure, not names: real counts, wraps, variants and errors."""

from __future__ import annotations

import pytest

from vitalegraph.errors import SourceError
from vitalegraph.pipeline.extraction import extract_project_info, extract_teams
from vitalegraph.pipeline.sources import SourceDocument, read_source

from conftest import SOURCES

PAGE = SOURCES / "004_157f315819f9f14b.txt"


def doc_of(text: str, name: str = "x.txt") -> SourceDocument:
    return SourceDocument.from_bytes(name, text.encode("utf-8"))


@pytest.fixture(scope="module")
def teams():
    return extract_teams(read_source(PAGE))


def test_thirteen_teams_and_their_members(teams):
    assert len(teams) == 13
    assert sum(len(t.members) for t in teams) == 55
    assert [t.place.value for t in teams].count("Rotterdam") == 2
    deventer = next(t for t in teams if t.place.value == "Deventer")
    assert deventer.district.value == "Rivierenwijk"          # one line 'Place, District'
    assert deventer.theme.value == "Infrastructuur"           # after a line holding only a NBSP
    assert [m.name.value for m in deventer.members] == [
        "Gerrit Berkelder", "Ida Adema", "Siebe Riedstra", "Pim Vermeulen", "Cees Veerman"]


def test_district_with_commas_in_parentheses(teams):
    zuid = [t for t in teams if t.place.value == "Rotterdam"]
    assert {t.district.value for t in zuid} == {"Zuid (Pendrecht, Bloemhof, Hillesluis)"}


def test_wrapped_bullet_is_joined(teams):
    doc = read_source(PAGE)
    den_haag = next(t for t in teams if t.place.value == "Den Haag")
    names = [m.name.value for m in den_haag.members]
    assert names == ["Rabin Baldewsingh", "Dineke Mulock Houwer", "Hans de Boer", "Sybilla Dekker", "Rita Verdonk"]
    dekker = den_haag.members[3]
    assert dekker.function.value == "minister van VROM"
    assert doc.text[dekker.quote.start:dekker.quote.end] == "Sybilla\n • Dekker (minister van VROM)"


def test_every_span_gives_back_its_text(teams):
    doc = read_source(PAGE)
    for t in teams:
        for piece in (t.place, t.district, t.theme, *[m.name for m in t.members], *[m.quote for m in t.members]):
            raw = doc.text[piece.start:piece.end]
            assert " ".join(raw.split()) == piece.value or piece.value in " ".join(raw.replace("•", " ").split())


def test_project_info():
    info = extract_project_info(read_source(PAGE))
    assert (info.title.value, info.start.value, info.end.value) == (
        "Pilotwijken Nieuwe coalities voor de wijk", "2006", "2007")


def test_press_release_has_no_listing():
    assert extract_teams(read_source(SOURCES / "000_23f3bdf0ae401321.txt")) == []


def test_crlf_bom_and_nbsp_make_no_difference(teams):
    text = read_source(PAGE).text
    variant = "\ufeff" + text.replace(" (", "\u00a0(").replace("\n", "\r\n")
    other = extract_teams(doc_of(variant))
    assert [(t.place.value, t.district.value, t.theme.value, [(m.name.value, m.function.value) for m in t.members])
            for t in other] == \
           [(t.place.value, t.district.value, t.theme.value, [(m.name.value, m.function.value) for m in t.members])
            for t in teams]


def test_appended_team_is_read_with_no_code_change(teams):
    text = read_source(PAGE).text + (
        "\n\nGroningen,\nDe Hoogte\n\nToelichting(pdf-bestand)\n\nWerk en wonen\n"
        " • Anna Jansen (wethouder, GroenLinks)\n • Piet Klaassen (directeur-generaal VWS)\n"
        " • Els de Wit (Nyenrode)\n • Kees Mol (staatssecretaris van Economische Zaken)\n")
    new = extract_teams(doc_of(text))
    assert len(new) == 14
    assert (new[-1].place.value, new[-1].district.value) == ("Groningen", "De Hoogte")
    assert [m.name.value for m in new[-1].members] == ["Anna Jansen", "Piet Klaassen", "Els de Wit", "Kees Mol"]


LISTING = "Wijken\n\nUtrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nImpulsen\n{bullets}\n\nNa de lijst\n"


@pytest.mark.parametrize("bullets, line, message", [
    (" • Rinda den Besten (wethouder, PvdA\n", 9, "without a closing parenthesis"),
    (" • Rinda den Besten wethouder\n", 9, "without '(function, party or organisation)'"),
    (" • (wethouder)\n", 9, "without a name"),
    (" • A B (wethouder) C D\n", 9, "does not start a next bullet"),
    ("", 8, "without members"),
])
def test_malformed_bullets_name_file_and_line(bullets, line, message):
    with pytest.raises(SourceError) as err:
        extract_teams(doc_of(LISTING.format(bullets=bullets), "bad.txt"))
    assert str(err.value).startswith(f"bad.txt:{line}: ")
    assert message in str(err.value)


def test_team_without_district_and_duplicate_team():
    with pytest.raises(SourceError, match=r"^x.txt:1: team without a district"):
        extract_teams(doc_of("Utrecht\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n"))
    team = "Utrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nThema\n • A (wethouder)\n\n"
    with pytest.raises(SourceError, match=r"^x.txt:9: team 'Utrecht, Overvecht' with theme 'Thema' is listed twice \(first at line 1\)"):
        extract_teams(doc_of(team + team))


@pytest.mark.parametrize("data, message", [
    (b"", "x.txt:1: empty file"),
    (b"abc\n\x00\x01", "x.txt:2: binary file"),
    ("Caf\u00e9\nn\u00e9e".encode("latin-1"), "x.txt:1: not valid UTF-8 (byte 0xe9"),
])
def test_unreadable_documents(data, message):
    with pytest.raises(SourceError) as err:
        SourceDocument.from_bytes("x.txt", data)
    assert str(err.value).startswith(message)
