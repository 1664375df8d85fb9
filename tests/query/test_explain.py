"""``vitalegraph explain THING``: every fact about a thing with its basis, quote, document and offsets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from vitalegraph.cli import main

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {p.name: p.read_bytes().decode("utf-8") for p in (ROOT / "data" / "sources").glob("*.txt")}


@pytest.fixture(scope="module")
def trig(built):
    return str(next(f for f in built.files if f.suffix == ".trig"))


def _rows(capsys, trig, *thing):
    assert main(["explain", *thing, "--data", trig, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_every_quote_is_its_span_and_every_fact_has_a_basis(capsys, trig):
    for thing in ("Annet Bertram", "team/utrecht-overvecht-sociale-economische-impulsen", "Overtoomseveld",
                  "department/vrom", "Zaanstad", "Zaandam"):
        rows = _rows(capsys, trig, thing)
        assert rows, thing
        for r in rows:
            assert r["basis"] in ("stated", "announced", "inferred", "reference"), r
            if r["start"]:
                assert TEXTS[r["file"]][int(r["start"]):int(r["end"])] == r["quote"], r


def test_a_role_by_column_order_is_explained_as_inferred(capsys, trig):
    rows = _rows(capsys, trig, "membership:zaanstad-poelenburg-eerstelijns-gezondheidszorg-en-integrale-carla-noom")
    [role] = [r for r in rows if r["predicate"].endswith("org#role")]
    assert (role["basis"], role["rule"], role["quote"]) == ("inferred", "column order", "Carla Noom (PvdA)")
    assert role["title"] == "Pilotwijken Nieuwe coalities voor de wijk" and role["date"] == "2009-03 or later"


def test_announced_and_inferred_facts_say_so(capsys, trig):
    rows = _rows(capsys, trig, "adoption/gerrit-zalm-ru-pare-school")
    [taken] = [r for r in rows if r["predicate"].endswith("takenOverBy")]
    assert taken["basis"] == "announced" and " zou " in taken["quote"]
    rows = _rows(capsys, trig, "source/000_23f3bdf0ae401321")
    [pilot] = [r for r in rows if r["predicate"].endswith("namesPilotMunicipality") and r["valueLabel"] == "Zaanstad"]
    assert (pilot["basis"], pilot["rule"]) == ("inferred", "place in municipality")
    assert "Zaandam" in pilot["quote"]


def test_a_person_is_found_by_another_spelling_and_the_json_is_sparql_results(capsys, trig):
    assert main(["explain", "Jan", "van", "de", "Bos", "--data", trig, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {b["subject"]["value"] for b in data["results"]["bindings"]} >= \
        {"https://w3id.org/vitalegraph/id/person/jan-van-der-bos"}
    assert "basis" in data["head"]["vars"]


def test_an_unknown_thing_is_one_line_with_close_matches_and_exit_2(capsys, trig):
    assert main(["explain", "Annet Bertam", "--data", trig]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "close matches: Annet Bertram" in err


def test_explain_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "explain" in capsys.readouterr().out
