"""Every row of data/reference/*.csv names a source, and every cited source states what it is cited for.

A citation is one of three kinds:

- a GitHub file, written ``owner/repo/path``: a verbatim copy (or excerpt) of the file as the code
  index stored it is kept under ``tests/pipeline/fixtures/reference-sources/<owner>/<repo>/<path>``, and the
  tests check the row's values against that copy (offline);
- a file of this repository (``data/sources/...``): the tests read it;
- a URL: nothing is stored, but data/reference/README.md ("Sources") must say what the page states.

The identifier rule (data/reference/README.md): a TOOI IRI, CBS code or Wikidata id stays in a table
only if a cited source states it, for that organisation and not for a successor.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "data" / "reference"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reference-sources"
FIXTURE_README = FIXTURES / "README.md"

TABLES = ("functions.csv", "ministries.csv", "municipalities.csv", "parties.csv")
IDENTIFIERS = ("tooi", "wikidata", "cbs_code")

# The official names in the 2004 CBS-coded table where they differ from the common name
# (data/reference/README.md, municipalities.csv).
OFFICIAL_NAMES = {"den-haag": "’s-Gravenhage", "hengelo": "Hengelo (O.)"}
CBS_TABLE = ("statengeneraal/laws-markdown/beleidsregel/bekendmaking/rijksbijdrage/educatie/2004/"
             "BWBR0015614/README.md")
POLDER_MINISTRIES = FIXTURES / "anneschuth" / "polder" / "data" / "organisaties" / "ministeries"


def _rows(table: str) -> list[dict[str, str]]:
    with (REFERENCE / table).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _row_id(table: str, row: dict[str, str]) -> str:
    return f"{table}:{row.get('key') or row.get('pattern')}"


def _citations(row: dict[str, str]) -> list[str]:
    return [c.strip() for c in row.get("source", "").split(" ; ") if c.strip()]


def _kind(citation: str) -> str | None:
    """'url', 'local' (a file of this repository), 'github' (owner/repo/path) or None."""
    if re.match(r"https?://\S+$", citation):
        return "url"
    if re.match(r"(data|ontology)/\S+$", citation):
        return "local"
    if re.match(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/\S+$", citation):
        return "github"
    return None


def _all_rows():
    return [(table, row) for table in TABLES for row in _rows(table)]


def _cited(kind: str):
    return [(table, row, c) for table, row in _all_rows() for c in _citations(row) if _kind(c) == kind]


def _fixture(citation: str) -> str:
    path = FIXTURES / citation
    assert path.is_file(), f"no stored copy of the cited GitHub file {citation} under {FIXTURES}"
    return path.read_text(encoding="utf-8")


def _code(tooi: str) -> str:
    return tooi.rstrip("/").rsplit("/", 1)[-1]


def _states(text: str, column: str, value: str) -> bool:
    """Whether *text* states the identifier *value* of *column*.

    A TOOI IRI counts as stated by the IRI or by its code as a whole token (the DiWoo enum writes
    ``case mnre0180``); a CBS code by the number with or without its leading zeros (the 2004 table
    writes 363 for 0363); a Wikidata id as a whole token (Q95 is not in Q954289).
    """
    if column == "tooi":
        return value in text or re.search(rf"(?<![\w]){re.escape(_code(value))}(?![\w])", text) is not None
    if column == "cbs_code":
        return re.search(rf"(?<!\d)0*{int(value)}(?!\d)", text) is not None
    return re.search(rf"(?<![\w]){re.escape(value)}(?![\w])", text) is not None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _identifying(row: dict[str, str]) -> list[tuple[str, str]]:
    """The values that name the row's organisation: its name and its identifiers."""
    values = [(col, row[col]) for col in IDENTIFIERS if row.get(col)]
    for col in ("name_nl", "name"):
        if row.get(col):
            values.append(("name", row[col]))
    return values


# ------------------------------------------------------------------------------ (a) a source per row

@pytest.mark.parametrize("table", TABLES)
def test_every_row_names_a_source(table):
    for row in _rows(table):
        cites = _citations(row)
        assert cites, f"{_row_id(table, row)} has no source"
        for c in cites:
            assert _kind(c), (f"{_row_id(table, row)} cites {c!r}, which is neither a URL, a GitHub file "
                              "(owner/repo/path) nor a file of this repository")


def test_local_citations_contain_the_word():
    """A row citing a file of this repository (the function words) is written in that file."""
    cited = _cited("local")
    assert cited
    for table, row, c in cited:
        path = ROOT / c
        assert path.is_file(), f"{_row_id(table, row)} cites {c}, which does not exist"
        word = row.get("pattern") or row.get("name") or row.get("name_nl")
        assert re.search(rf"(?<![\w]){re.escape(_fold(word))}(?![\w])", _fold(path.read_text(encoding="utf-8"))), \
            f"{_row_id(table, row)}: {c} does not contain {word!r}"


# ------------------------------------------------------------------- (b) GitHub files state the values

def test_every_github_citation_has_a_stored_copy_listed_in_the_fixture_readme():
    listed = FIXTURE_README.read_text(encoding="utf-8")
    for table, row, c in _cited("github"):
        _fixture(c)
        owner, repo, path = c.split("/", 2)
        line = next((ln for ln in listed.splitlines() if f"`{path}`" in ln and f"{owner}/{repo}" in ln), None)
        assert line, f"{c} (cited by {_row_id(table, row)}) is not listed in {FIXTURE_README}"
        assert re.search(r"\b[0-9a-f]{40}\b", line), f"{FIXTURE_README}: no commit id for {c}"


def test_every_stored_copy_is_listed_in_the_fixture_readme():
    listed = FIXTURE_README.read_text(encoding="utf-8")
    for path in FIXTURES.rglob("*"):
        if path.is_file() and path != FIXTURE_README:
            owner, repo, rest = path.relative_to(FIXTURES).as_posix().split("/", 2)
            assert f"`{rest}`" in listed and f"{owner}/{repo}" in listed, f"{path} is not described in {FIXTURE_README}"


@pytest.mark.parametrize("table", ("ministries.csv", "municipalities.csv", "parties.csv"))
def test_every_identifier_is_stated_by_a_cited_github_file(table):
    for row in _rows(table):
        texts = {c: _fixture(c) for c in _citations(row) if _kind(c) == "github"}
        for col in IDENTIFIERS:
            value = row.get(col, "")
            if value:
                assert any(_states(t, col, value) for t in texts.values()), (
                    f"{_row_id(table, row)}: {col} {value} is stated by none of its cited files "
                    f"{sorted(texts) or '(none cited)'}; an identifier without a source is left empty")


@pytest.mark.parametrize("table", ("ministries.csv", "municipalities.csv", "parties.csv"))
def test_every_cited_github_file_names_the_row(table):
    """A cited file that states none of the row's names or identifiers is about something else
    (e.g. Amsterdam's record cited for Den Haag)."""
    for row in _rows(table):
        for c in _citations(row):
            if _kind(c) != "github":
                continue
            text = _fixture(c)
            hits = [v for col, v in _identifying(row)
                    if (col == "name" and _fold(v) in _fold(text)) or (col != "name" and _states(text, col, v))]
            assert hits, f"{_row_id(table, row)} cites {c}, which states none of {_identifying(row)}"


def test_cbs_codes_are_on_the_municipalitys_own_line_of_the_2004_table():
    table = {}
    for line in _fixture(CBS_TABLE).splitlines():
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].isdigit():
            table[int(cells[1])] = cells[0]
    for row in _rows("municipalities.csv"):
        if row["cbs_code"]:
            assert CBS_TABLE in _citations(row), f"{row['key']}: the CBS code's table is not cited"
            expected = OFFICIAL_NAMES.get(row["key"], row["name"])
            assert table.get(int(row["cbs_code"])) == expected, (
                f"{row['key']}: code {row['cbs_code']} is {table.get(int(row['cbs_code']))!r} in the 2004 table, "
                f"not {expected!r}")


def test_tooi_iri_of_a_municipality_is_built_from_its_cbs_code():
    for row in _rows("municipalities.csv"):
        if row["tooi"]:
            assert row["tooi"] == f"https://identifier.overheid.nl/tooi/id/gemeente/gm{row['cbs_code']}", row["key"]


def test_no_wikidata_id_that_a_source_gives_to_another_organisation():
    """The EZ/Justitie rule: a Q-id that the polder data also gives to an organisation with another
    TOOI code (a successor, such as EZK mnre1045 for EZ mnre1040) is not confirmed for the 2006 one."""
    records = []
    for path in sorted(POLDER_MINISTRIES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        q = re.search(r"^\s*wikidata:\s*(Q\d+)\s*$", text, re.M)
        t = re.search(r"^\s*tooi:\s*(\S+)\s*$", text, re.M)
        if q and t:
            records.append((path.name, q.group(1), t.group(1)))
    assert records
    for row in _rows("ministries.csv"):
        if row["wikidata"]:
            others = [(name, tooi) for name, q, tooi in records if q == row["wikidata"] and tooi != row["tooi"]]
            assert not others, (f"ministries.csv:{row['key']}: {row['wikidata']} is also given to {others}, "
                                "so it is not confirmed for this organisation")


# ----------------------------------------------------------- (c) URL citations are explained in README

def _sources_section() -> str:
    text = (REFERENCE / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Sources\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, "data/reference/README.md has no '## Sources' section"
    return m.group(1)


def test_every_url_citation_is_explained_in_the_readme():
    explained = {}
    for line in _sources_section().splitlines():
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if line.lstrip().startswith("|") and len(cells) >= 3:
            for url in re.findall(r"`(https?://[^`]+)`", cells[0]):
                explained[url] = cells[-1]
    for table, row, c in _cited("url"):
        assert c in explained, f"{_row_id(table, row)} cites {c}, which README.md 'Sources' does not explain"
        assert explained[c], f"README.md 'Sources' says nothing about what {c} states"


def test_every_url_the_readme_explains_is_cited():
    cited = {c for _, _, c in _cited("url")}
    for line in _sources_section().splitlines():
        if line.lstrip().startswith("|"):
            for url in re.findall(r"`(https?://[^`]+)`", line.split("|")[1]):
                assert url in cited, f"README.md 'Sources' explains {url}, which no row cites"
