"""Hostile text goes through build, query (all formats) and export as inert text."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from conftest import ROOT

HOSTILE = {
    "script": "<script>alert`1`</script>",
    "img": '"><img src=x onerror=alert`1`>',
    "link": "javascript:alert`1`",
    "sparql": "} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    "rtl": "\u202eAnna\u202c Jansen",
    "formula": "=cmd|' /C calc'!A0",       # (a listed name cannot hold parentheses)
    "long": "Lang" * 2000,
}


def cli(*args):
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    sources = tmp / "sources"
    sources.mkdir()
    bullets = "".join(f" • {text} (wethouder, PvdA)\n" for text in HOSTILE.values())
    (sources / "hostile.txt").write_text(
        f"Project\n\nVijandige tekst\n\nStart: 2008\nVoltooing: 2009\n\nUtrecht,\n{HOSTILE['img']}\n\n"
        f"Toelichting (pdf-bestand)\n\n{HOSTILE['script']}\n{bullets}", encoding="utf-8")
    r = cli("build", "--sources", sources, "--out", tmp / "out")
    assert r.returncode == 0, r.stderr
    return tmp / "out"


def names(rows):
    return {r["person"] for r in rows}


def test_json_output_keeps_every_string(hostile_build):
    r = cli("query", "members", "--data", hostile_build / "vitalegraph.ttl", "--format", "json")
    data = json.loads(r.stdout)
    persons = {b["person"]["value"] for b in data["results"]["bindings"]}
    assert persons == set(HOSTILE.values())
    assert {b["district"]["value"] for b in data["results"]["bindings"]} == {HOSTILE["img"]}


def test_csv_output_neutralises_formulas(hostile_build):
    r = cli("query", "members", "--data", hostile_build / "vitalegraph.ttl", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    persons = {row["person"] for row in rows}
    assert "'" + HOSTILE["formula"] in persons and HOSTILE["formula"] not in persons
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())
    assert HOSTILE["script"] in persons


def test_table_output_shows_no_bidi_controls(hostile_build):
    r = cli("query", "members", "--data", hostile_build / "vitalegraph.ttl")
    assert r.returncode == 0 and "\u202e" not in r.stdout and "<script>alert`1`</script>" in r.stdout


def test_hostile_sparql_text_is_data_not_a_query(hostile_build):
    r = cli("query", "teams", "--data", hostile_build / "vitalegraph.ttl", "--format", "json")
    assert json.loads(r.stdout)["results"]["bindings"][0]["theme"]["value"] == HOSTILE["script"]


@pytest.mark.parametrize("fmt, parse", [("turtle", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD),
                                        ("rdfxml", ox.RdfFormat.RDF_XML), ("ntriples", ox.RdfFormat.N_TRIPLES)])
def test_exports_parse_back_to_the_same_strings(hostile_build, tmp_path, fmt, parse):
    out = tmp_path / f"export.{fmt}"
    r = cli("export", "--format", fmt, "--data", hostile_build / "vitalegraph.ttl", "--out", out)
    assert r.returncode == 0, r.stderr
    literals = {t.object.value for t in ox.parse(path=str(out), format=parse) if isinstance(t.object, ox.Literal)}
    assert set(HOSTILE.values()) <= literals


from browser import chromium  # noqa: E402,F401  (the headless Chromium fixture)


@pytest.mark.parametrize("view", ["coalitions", "districts", "departments"])
def test_pictures_of_hostile_sources_run_nothing(hostile_build, chromium, view):  # noqa: F811
    from selenium.common.exceptions import NoAlertPresentException

    page = hostile_build / "pictures" / f"{view}.html"
    assert page.is_file()
    chromium.open(page)
    with pytest.raises(NoAlertPresentException):
        chromium.driver.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert chromium.js("return document.images.length") == 0
    assert chromium.errors() == [] and chromium.outside_requests() == []
    if view == "coalitions":
        # a person's name is drawn when zooming in or selecting: the names the page holds, as text
        labels = chromium.js("return vgPicture.data.nodes.map(n => n.l)")
        assert any("<script>alert`1`</script>" in (label or "") for label in labels)
