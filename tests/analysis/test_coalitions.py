"""The case table (`vitalegraph coalitions`), its named query and the truth table (`coalitions compare`):
on the seed, on a hand-made corpus with other evaluations (tests/analysis/coalitions/) and on the synthetic one."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES
from vitalegraph.analysis import SOURCED, case_table, truth_table
from vitalegraph.analysis.coalitions import CASE_COLUMNS
from vitalegraph.build import build
from vitalegraph.query import load_dataset, run_query

HAND = ROOT / "tests" / "analysis" / "coalitions"


@pytest.fixture(scope="module")
def seed(dataset):
    return case_table(dataset)


@pytest.fixture(scope="module")
def hand(tmp_path_factory):
    out = tmp_path_factory.mktemp("hand")
    build(HAND / "sources", out, HAND / "statements")
    return load_dataset(out / "vitalegraph.ttl")


def by_place(table) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for r in table.records():
        out.setdefault((r["municipality"], r["district"]), []).append(r)
    return out


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


# ---------------------------------------------------------------- outcomes match their sources
def test_every_seed_outcome_matches_its_source(seed):
    """Cobouw's five cities (Rotterdam's two teams both), Haarlem's alderman in 2009, and unknown where no
    source evaluates the case. Deventer's is an evaluation of the team itself ("Voor de wijk was het
    adoptieteam een zegen"), according to the project page, which cites nobody for it: positive."""
    outcomes = {place: [r["outcome"] for r in rows] for place, rows in by_place(seed).items()}
    assert outcomes == {
        ("Amsterdam", "Nieuw West"): ["unknown"], ("Amsterdam", "Overtoomse Veld"): ["unknown"],
        ("Den Haag", "Zuidwest"): ["less satisfied"], ("Den Helder", "Nieuw Den Helder"): ["unknown"],
        ("Deventer", "Rivierenwijk"): ["positive"], ("Emmen", "Revisited"): ["positive"],
        ("Haarlem", "Slachthuisbuurt"): ["positive"], ("Heerlen", "MSP (Stad Oost)"): ["unknown"],
        ("Hengelo", "Berflo Es"): ["unknown"],
        ("Rotterdam", "Zuid (Pendrecht, Bloemhof, Hillesluis)"): ["positive", "positive"],
        ("Utrecht", "Overvecht"): ["unknown"], ("Zaanstad", "Poelenburg"): ["less satisfied"]}
    assert "negative" not in {r["outcome"] for r in seed.records()}
    haarlem = by_place(seed)[("Haarlem", "Slachthuisbuurt")][0]["evaluations"]
    assert haarlem == ("positive (Cobouw, 2007-05-03; about the municipality Haarlem); "
                       "positive (Hilde van der Molen, 2009-03; about the municipality Haarlem)")
    assert all(not r["evaluations"] for r in seed.records() if r["outcome"] == "unknown")
    deventer = by_place(seed)[("Deventer", "Rivierenwijk")][0]["evaluations"]
    assert deventer == ("positive (Pilotwijken Nieuwe coalities voor de wijk, undated; "
                        "about the team Rivierenwijk (Deventer): Infrastructuur)")
    [case] = [c for c in seed.cases if c.values["district"] == "Rivierenwijk"]
    assert any(e.quote == "Voor de wijk was het adoptieteam een zegen." for e in case.evidence["outcome"])


def test_pilot_wide_evaluations_are_no_case_outcome(seed):
    assert [(p["stance"], p["according_to"]) for p in seed.pilot] == [
        ("conclusion", "KEI-nieuws, 2007-05"), ("mixed", "Cobouw, 2007-05-03")]
    pilot_quotes = {e for p in seed.pilot for e in p["evidence"] if "(Cobouw" not in e.quote}
    for case in seed.cases:
        assert not pilot_quotes & (set(case.evidence.get("outcome", [])) | set(case.evidence.get("evaluations", [])))
        assert "mixed" not in (case.values["evaluations"] or "") and "conclusion" not in (case.values["evaluations"] or "")


def test_every_evidence_is_its_source_span(seed, hand):
    for table, folder in ((seed, SOURCES), (case_table(hand), HAND / "sources")):
        texts = {p.name: p.read_bytes().decode("utf-8") for p in folder.glob("*.txt")}
        seen = 0
        for case in table.cases:
            for col, evs in case.evidence.items():
                assert col in SOURCED and case.values[col] not in (None, "")
                for e in evs:
                    assert texts[e.file][e.start:e.end] == e.quote
                    seen += 1
        assert seen > 0
        for col in ("team", "municipal_side", "director_general", "cabinet_member", "independent_expert"):
            assert all(c.evidence.get(col) for c in table.cases), col


# ---------------------------------------------------------------- composition, ties, activity
def test_seed_composition_ties_and_activity(seed):
    rows = by_place(seed)
    nieuw_west = rows[("Amsterdam", "Nieuw West")][0]
    assert nieuw_west["departments"] == 3 and nieuw_west["different_departments"] is True
    assert nieuw_west["later_changes"] == ("later in the team (as of 2007-03): André Rouvoet (member of the cabinet), "
                                           "replacing Atzo Nicolaï, who left (inferred by the rule "
                                           "later-description-replaces) [basis: stated]")
    assert nieuw_west["projects"] == 3
    assert nieuw_west["project_amounts"] == "Community Centers in Amsterdam Nieuw West: EUR 700,000"
    overtoom = rows[("Amsterdam", "Overtoomse Veld")][0]
    assert overtoom["shared_members"] == 2 and overtoom["members_in_other_teams"].startswith("Annet Bertram (Overvecht")
    assert "adopted Ru Paré School, to be taken over by Bos" in overtoom["ministerial_acts"]
    assert "Annet Bertram (national): coordinator 2" in overtoom["brokerage"]
    second = rows[("Rotterdam", "Zuid (Pendrecht, Bloemhof, Hillesluis)")][1]
    assert second["departments"] == 1 and second["different_departments"] is False
    zaanstad = rows[("Zaanstad", "Poelenburg")][0]
    assert zaanstad["party"] == "Christen-Democratisch Appèl; Partij van de Arbeid"
    assert rows[("Den Haag", "Zuidwest")][0]["party"] is None
    assert sum(r["projects"] for r in seed.records()) == 5


def test_periods_change_the_composition_not_the_changes(dataset):
    start = {r["district"]: r for r in case_table(dataset, "start").records()}
    latest = {r["district"]: r for r in case_table(dataset, "latest").records()}
    assert start["Nieuw West"]["cabinet_member"].startswith("Atzo Nicolaï")
    assert latest["Nieuw West"]["cabinet_member"].startswith("André Rouvoet")
    assert start["Nieuw West"]["departments"] == latest["Nieuw West"]["departments"] == 2
    assert start["Nieuw West"]["later_changes"] == latest["Nieuw West"]["later_changes"] != ""
    with pytest.raises(ValueError):
        case_table(dataset, "someday")


def test_the_hand_made_corpus_gives_its_own_table(hand):
    table = case_table(hand)
    rows = {r["district"]: r for r in table.records()}
    assert list(rows) == ["Havenkwartier", "Vogelwijk", "De Hoogte", "Centrum"]
    assert {d: r["outcome"] for d, r in rows.items()} == {"Havenkwartier": "positive", "Vogelwijk": "positive",
                                                        "De Hoogte": "less satisfied", "Centrum": "unknown"}
    assert {d: (r["departments"], r["different_departments"], r["shared_members"]) for d, r in rows.items()} == {
        "Havenkwartier": (1, False, 1), "Vogelwijk": (2, True, 3), "De Hoogte": (2, True, 0), "Centrum": (1, False, 2)}
    assert rows["Vogelwijk"]["project_amounts"] == "Buurtbedrijf Vogelwijk: EUR 250,000"
    assert rows["Vogelwijk"]["party"] == "GroenLinks" and rows["De Hoogte"]["party"] is None
    assert [p["stance"] for p in table.pilot] == ["mixed"]
    tt = truth_table(table)
    assert [(r["values"], r["code"]) for r in tt.rows if r["n"]] == [
        ([1, 1, 1], "1"), ([1, 0, 0], "0"), ([0, 1, 0], "1")]
    assert tt.unevaluated == ["Centrum (Oosterbroek)"] and "4 cases, 3 of them" in tt.statement()


# ---------------------------------------------------------------- the named query
@pytest.mark.parametrize("which", ["seed", "hand"])
def test_named_query_gives_the_same_cells_on_both_engines(which, built, hand, tmp_path):
    if which == "seed":
        path = built.files[0]
    else:
        path = hand.path
    ox, rd = (load_dataset(path, engine) for engine in ("oxigraph", "rdflib"))
    from vitalegraph.query.output import render

    t_ox, t_rd = run_query("coalitions", ox), run_query("coalitions", rd)
    for fmt in ("csv", "json"):
        assert render(t_ox, fmt) == render(t_rd, fmt)
    python = case_table(ox).records()
    records = t_ox.records()
    assert len(records) == len(python)
    for q, p in zip(records, python):
        for col, value in q.items():
            assert (value if value is not None else "") == (p[col] if p[col] is not None else ""), (q["team"], col)
    assert set(t_ox.columns) <= set(CASE_COLUMNS)


# ---------------------------------------------------------------- the truth table
def test_seed_truth_table(seed):
    tt = truth_table(seed)
    assert [c.name for c in tt.conditions] == ["different_departments", "shared_member", "follow_up_project"]
    assert sum(r["n"] for r in tt.rows) == 13 and len(tt.rows) == 8
    codes = {tuple(r["values"]): (r["code"], r["positive"], r["negative"], r["unknown"]) for r in tt.rows}
    assert codes[(1, 0, 0)] == ("C", 2, 2, 3)           # contradictory: Emmen, Haarlem against Den Haag, Zaanstad
    assert codes[(1, 1, 1)] == ("?", 0, 0, 1)           # a case, none evaluated
    assert codes[(1, 0, 1)] == ("1", 1, 0, 1)           # Deventer's team, a blessing; Nieuw West unknown
    assert [v for v, c in codes.items() if c[0] == "R"] == [(0, 1, 1), (0, 0, 1), (0, 0, 0)]
    text = tt.render()
    assert "Contradictory rows: row 4" in text and "Logical remainders (configurations no case has): row 5" in text
    assert "13 cases, 7 of them with an evaluated outcome (about half)" in text and "no causal claim" in text
    assert "associated with" in text and "cause" not in text.replace("causal", "")
    assert len(tt.robustness) == 13 and "without Overtoomse Veld (Amsterdam) (unknown): row 1 ? -> R" in tt.robustness
    assert "without Rivierenwijk (Deventer) (positive): row 3 1 -> ?" in tt.robustness
    assert "Cases no source evaluates: Nieuw West (Amsterdam); Overtoomse Veld (Amsterdam)" in text
    assert "Pilot-wide evaluations, no case's outcome: conclusion (KEI-nieuws, 2007-05); mixed (Cobouw, 2007-05-03)." in text
    single = {(s["condition"], s["value"]): (s["evaluated"], s["positive"]) for s in tt.single}
    assert single[("shared_member", 1)] == (2, 2) and single[("follow_up_project", 1)] == (1, 1)


def test_conditions_chosen_by_the_user(seed):
    tt = truth_table(seed, ["departments>=3", "party=Partij van de Arbeid", "ministerial_act", "later_change"])
    assert len(tt.rows) == 16 and sum(r["n"] for r in tt.rows) == 13
    for bad in (["a", "b", "c", "d", "e"], ["nope"], ["departments>=x"], ["shared_member", "shared_member"]):
        with pytest.raises(ValueError):
            truth_table(seed, bad)
    json.loads(tt.render("json"))
    assert tt.render("csv").splitlines()[0].startswith("row,departments>=3,party=Partij van de Arbeid,")


# ---------------------------------------------------------------- nothing in code names the corpus
def test_no_team_person_place_or_ministry_is_named_in_code(dataset):
    names = set()
    for cls in ("foaf:Person", "vg:Municipality", "vg:District", "vg:Department", "vg:AdoptionTeam",
                "vg:PoliticalParty"):
        table = run_query(f"""PREFIX vg: <https://w3id.org/vitalegraph/def#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?l WHERE {{ ?x a {cls} . {{ ?x skos:prefLabel ?l }} UNION {{ ?x skos:notation ?l }} }}""",
                          dataset)
        names |= {r["l"] for r in table.records() if len(r["l"]) >= 3}
    for part in names.copy():                       # surnames and single words of longer names too
        names |= {w for w in re.split(r"[\s,()]+", part) if len(w) >= 6}
    code = [ROOT / "vitalegraph" / "cli" / "coalitions.py", ROOT / "vitalegraph" / "query" / "queries" / "coalitions.rq",
            *sorted((ROOT / "vitalegraph" / "analysis").glob("*.py")),
            *sorted((ROOT / "vitalegraph" / "report").rglob("*.*")),
            *sorted((ROOT / "vitalegraph" / "query" / "queries" / "coalitions").glob("*.rq"))]
    generic = {"Project", "Centrum", "Justitie"} & names   # words that are vocabulary as well as names: none used
    for path in code:
        text = path.read_text(encoding="utf-8")
        for name in sorted(names - generic):
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text), f"{path.name} names {name!r}"


def test_the_synthetic_corpus_gives_a_table(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import generate
    finally:
        sys.path.pop(0)
    src = tmp_path / "src"
    src.mkdir()
    for name, text in generate(40, 3).items():
        (src / name).write_bytes(text.encode("utf-8"))
    build(src, tmp_path / "out", tmp_path / "no-statements")
    table = case_table(load_dataset(tmp_path / "out" / "vitalegraph.ttl"))
    assert len(table.cases) == 40 and {r["outcome"] for r in table.records()} == {"unknown"}
    assert all(r["departments"] >= 1 and r["director_general"] for r in table.records())
    tt = truth_table(table)
    assert tt.evaluated == 0 and "40 cases, 0 of them" in tt.statement()


# ---------------------------------------------------------------- the command
def test_cli_formats_carry_the_evidence(built):
    data = built.files[0]
    r = run_cli("coalitions", "--data", data, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 13 and "outcome_evidence" in rows[0] and "team_evidence" in rows[0]
    haarlem = next(x for x in rows if x["municipality"] == "Haarlem")
    assert "004_157f315819f9f14b.txt:11322-11363 \u201cHaarlem, Emmen en Rotterdam zijn vol lof.\u201d" in haarlem["outcome_evidence"]
    j = json.loads(run_cli("coalitions", "--data", data, "--format", "json").stdout)
    assert len(j["cases"]) == 13 and j["cases"][6]["evidence"]["outcome"][0]["file"] == "004_157f315819f9f14b.txt"
    table = run_cli("coalitions", "--data", data, "--columns", "district,outcome").stdout
    assert "positive [" in table and re.search(r"^  \[ ?1\] 004_157f315819f9f14b\.txt:\d+-\d+ \u201c", table, re.M)
    assert "Pilot-wide evaluations (about the pilot as a whole, not a case's outcome):" in table
    compare = run_cli("coalitions", "compare", "--data", data)
    assert compare.returncode == 0 and "support no causal claim" in compare.stdout


@pytest.mark.parametrize("args, message", [
    (["coalitions", "--columns", "nope"], "unknown column 'nope'"),
    (["coalitions", "compare", "-c", "a", "-c", "b", "-c", "c", "-c", "d", "-c", "e"], "at most 4"),
    (["coalitions", "--condition", "shared_member"], "goes with `vitalegraph coalitions compare`"),
])
def test_cli_bad_input_is_one_line_and_exit_2(built, args, message):
    r = run_cli(*args, "--data", built.files[0])
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr


def test_same_bytes_every_run(built):
    for args in (["coalitions"], ["coalitions", "--format", "csv"], ["coalitions", "--format", "json"],
                 ["coalitions", "compare"], ["query", "coalitions"]):
        first, second = (run_cli(*args, "--data", built.files[0]).stdout for _ in range(2))
        assert first == second and first


def test_help_lists_the_commands():
    top = run_cli("--help").stdout
    assert "coalitions" in top and "report" in top
    assert "--condition" in run_cli("coalitions", "--help").stdout
    assert Path(ROOT / "vitalegraph" / "query" / "queries" / "coalitions.rq").is_file()


def test_readme_shows_the_seed_output(built):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Comparing the cases", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```text\n")[1:]]
    table = run_cli("coalitions", "--data", built.files[0], "--columns",
                    "district,party,departments,different_departments,shared_members,projects,outcome").stdout
    assert blocks[0].split("\n  ...\n")[0] in table
    assert blocks[1] == run_cli("coalitions", "compare", "--data", built.files[0]).stdout
