"""docs/schema.md: its six example queries run on the built dataset and give the answers it states.

The ```sparql blocks are taken from the document as it is, without PREFIX lines (the prefixes are
predeclared), and run on both local engines.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from vitalegraph.query.engine import load_dataset, run_query

GUIDE = ROOT / "docs" / "schema.md"


def blocks() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def answers(request, built):
    ds = load_dataset(built.files[0], request.param)
    return [run_query(q, ds).records() for q in blocks()]


def test_the_guide_has_six_queries_without_prefix_lines():
    qs = blocks()
    assert len(qs) == 6
    assert not any("PREFIX" in q for q in qs)


def test_the_guide_is_linked_from_the_readme_and_the_help():
    import subprocess
    import sys

    assert "docs/schema.md" in (ROOT / "README.md").read_text(encoding="utf-8").split("## Querying", 1)[1]
    out = subprocess.run([sys.executable, "-m", "vitalegraph", "query", "--help"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60).stdout
    assert "docs/schema.md" in " ".join(out.split())


def test_1_teams_and_memberships(answers):
    assert answers[0] == [{"teams": 13, "memberships": 56}]


def test_2_district_municipality_theme(answers):
    rows = answers[1]
    assert len(rows) == 13
    assert rows[0]["municipality"] == "Amsterdam" and rows[-1]["municipality"] == "Zaanstad"
    assert {"municipality": "Utrecht", "district": "Overvecht", "theme": "Sociale / economische impulsen"} in rows


def test_3_annet_bertram(answers):
    rows = answers[2]
    assert [r["team"].split(" (")[0] for r in rows] == ["Overtoomse Veld", "Overvecht"]
    assert {r["role"] for r in rows} == {"director-general"}
    assert {r["ministry"] for r in rows} == {"Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"}


def test_4_parties(answers):
    assert answers[3] == [{"party": "Partij van de Arbeid", "members": 9},
                          {"party": "Christen-Democratisch Appèl", "members": 2},
                          {"party": "Socialistische Partij", "members": 1}]


def test_5_evidence_gives_the_words_back(answers):
    [row] = answers[4]
    assert row["quote"] == "Annet Bertram (directeur-generaal VROM)" and row["file"] == "004_157f315819f9f14b.txt"
    text = (ROOT / "data" / "sources" / row["file"]).read_bytes().decode("utf-8")
    assert text[row["start"]:row["end"]] == row["quote"]


def test_6_sentences_with_a_district_and_its_municipality(answers):
    rows = answers[5]
    assert len(rows) == 9 and (rows[0]["start"], rows[0]["end"]) == (6076, 6098)
    assert sorted({(r["district"], r["municipality"]) for r in rows}) == [("Nieuw West", "Amsterdam"),
                                                                          ("Rivierenwijk", "Deventer")]
    assert sum(r["district"] == "Nieuw West" for r in rows) == 5
    text = (ROOT / "data" / "sources" / rows[0]["file"]).read_bytes().decode("utf-8")
    assert text[rows[0]["start"]:rows[0]["end"]] == "Deventer, Rivierenwijk"
