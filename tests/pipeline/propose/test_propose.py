"""`vitalegraph propose`: candidate statements from prose, on the seeds and on a document never seen."""

from __future__ import annotations

import json
import re
import shutil
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SOURCES, run
from vitalegraph.errors import SourceError
from vitalegraph.pipeline.extraction import extract_teams
from vitalegraph.pipeline.propose import PROPOSED_KINDS, covers, propose, propose_file, to_json, to_toml
from vitalegraph.pipeline.sources import SourceDocument, read_source
from vitalegraph.pipeline.statements import KINDS, TextIndex, load_statement_file

PRESS = SOURCES / "000_23f3bdf0ae401321.txt"
PAGE = SOURCES / "004_157f315819f9f14b.txt"
UNSEEN = ROOT / "tests" / "pipeline" / "fixtures" / "propose" / "wijkverbond.txt"


@pytest.fixture(scope="module")
def page():
    return propose_file(PAGE)


def _by(cands, kind, **fields):
    return [c for c in cands if c.kind == kind and all(c.fields.get(k) == v for k, v in fields.items())]


def _every_quote_stands_once(doc, cands):
    index = TextIndex(doc)
    for c in cands:
        for q in c.quotes:
            assert len(index.occurrences(q.value)) == 1, (c.kind, q.value)
            assert " ".join(doc.text[q.start:q.end].split()) == q.value


def test_the_project_page_gives_its_persons_projects_evaluations_and_publications(page):
    doc, cands = page
    herrema = _by(cands, "person_function", name="Tjeerd Herrema")
    assert [(c.fields["function"], c.fields["portfolio"], c.quotes[0].value) for c in herrema] == \
        [("wethouder", "Volkshuisvesting", "wethouder Tjeerd Herrema (Volkshuisvesting)")]
    assert _by(cands, "person_function", name="Zalm")[0].fields["function"] == "minister van Financiën"
    assert _by(cands, "person_function", name="Ad Scheepbouwer")[0].fields["organisation"] == "KPN"
    # the DG's department read with ministries.csv, in words the build reads back as SZW
    assert _by(cands, "person_function", name="Jan van de Bos")[0].fields["function"] == "directeur-generaal Sociale Zaken"
    assert _by(cands, "mention", name="Jan van de Bos", refers_to="Jan van der Bos")
    assert _by(cands, "mention", type="district", name="Overtoomseveld", refers_to="Overtoomse Veld")
    centers = _by(cands, "project", amount=700000, currency="EUR")
    assert len(centers) == 1 and centers[0].fields["start"] == "2007-04"
    assert centers[0].fields["start_words"] == "eind april 2007"
    assert "Overheden en corporaties betalen € 700.000." in [q.value for q in centers[0].quotes]
    assert centers[0].fields["publication"] == "de-pers-2008-01-18"
    assert _by(cands, "project", presented="2007-03", presented_words="In maart 2007")
    meeting = _by(cands, "project", presented_rule="heading-at-dated-meeting")
    assert len(meeting) == 1 and meeting[0].fields["presented_basis"] == "inferred"
    assert {"name": "Ymere", "type": "woningcorporatie"} in \
        [p for c in _by(cands, "project") for p in c.fields.get("partners", [])]
    assert sorted(c.fields["subject"] for c in _by(cands, "evaluation", stance="less-satisfied")) == ["Den Haag", "Zaanstad"]
    assert [c.fields["according_to"] for c in _by(cands, "evaluation", stance="conclusion")] == ["kei-nieuws-2007-05"]
    assert _by(cands, "publication", id="de-pers-2008-01-18", publisher="De Pers", date="2008-01-18")
    # a sentence that ends in a colon above a list: one commitment an item, each with the sentence
    listed = _by(cands, "commitment", by_text="De leden van de adoptieteams", target="2007-05-01")
    assert [c.fields["label"].split()[:3] for c in listed] == [["het", "inzetten", "van"], ["het", "inbrengen", "van"],
                                                             ["inspiratie", "en", "energie"], ["meedenken", "om", "obstakels"]]
    assert all(len(c.quotes) == 2 and c.quotes[0].value.endswith("door:") for c in listed)
    assert all(c.fields["content_basis"] == "announced" for c in _by(cands, "commitment"))
    [adoption] = _by(cands, "adoption")
    assert (adoption.fields["adopter"], adoption.fields["organisation"], adoption.fields["organisation_type"],
            adoption.fields["successor"], adoption.fields["successor_basis"]) == \
        ("Zalm", "Ru Paré School", "school", "Bos", "announced")                   # "zijn opvolger Bos zou ..."
    assert [(c.fields["departments"], c.fields["involved"], c.quotes[0].value) for c in _by(cands, "participation")] == \
        [(["Defensie", "Buitenlandse Zaken"], False,
          "met uitzondering van Defensie en Buitenlandse Zaken zijn alle departementen betrokken")]
    _every_quote_stands_once(doc, cands)


def test_the_press_release_gives_its_pilot_cities_and_signatories():
    doc, cands = propose_file(PRESS)
    cities = [c.fields["name"] for c in _by(cands, "pilot_city")]
    assert cities == ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Zaandam", "Den Helder", "Heerlen", "Hengelo"]
    assert [(c.fields["name"], c.fields["function"]) for c in _by(cands, "person_function")] == \
        [("Dekker", "minister van VROM"), ("Pechtold", "minister van BVK")]
    [agreement] = _by(cands, "agreement")
    assert agreement.fields["signatories"] == [{"name": "Dekker", "function": "minister van VROM"},
                                               {"name": "Pechtold", "function": "minister van BVK"}]
    assert agreement.fields["on_behalf_of"] == ["premier", "BZK", "VWS", "SZW", "LNV", "EZ", "OC&W", "Justitie",
                                                "Vreemdelingenzaken & Integratie"]
    assert not _by(cands, "participation")          # no team listing, so no pilot to take part in
    # "de 56-wijkenaanpak van minister Dekker": a surname without a department is not proposed
    assert all(q.value != "minister Dekker" for c in cands for q in c.quotes)
    _every_quote_stands_once(doc, cands)


def _build_with_candidates(tmp_path, sources):
    from vitalegraph.build import build

    statements = tmp_path / "statements"
    statements.mkdir()
    for src in sorted(sources.glob("*.txt")):
        doc, cands = propose_file(src)
        text = to_toml(doc, cands)
        assert tomllib.loads(text)["source"] == src.name
        (statements / f"{src.stem}.toml").write_text(text, encoding="utf-8")
    return build(sources, tmp_path / "out", statements)


def test_the_build_accepts_every_candidate_as_printed(tmp_path):
    result = _build_with_candidates(tmp_path, SOURCES)
    assert "conforms" in result.validation
    assert not [w for w in result.warnings if "unknown" in w], result.warnings   # every department found in ministries.csv


def test_a_document_never_seen_gets_candidates_and_the_build_takes_them(tmp_path):
    doc, cands = propose_file(UNSEEN)
    assert [(c.fields["name"], c.fields["function"]) for c in _by(cands, "person_function")] == [
        ("Lotte Bakker", "staatssecretaris van Onderwijs, Cultuur en Wetenschap"),
        ("Karel de Groot", "directeur-generaal Volksgezondheid, Welzijn en Sport"),
        ("Anton Veld", "burgemeester"), ("Petra Vos", "wethouder")]     # once each, where the text first says it
    [agreement] = _by(cands, "agreement")
    assert (agreement.fields["signatories"], agreement.fields["on_behalf_of"]) == \
        ([{"name": "Anton Veld", "function": "burgemeester"}, {"name": "Petra Vos", "function": "wethouder"}], ["VWS"])
    [adoption] = _by(cands, "adoption")
    assert {k: adoption.fields[k] for k in ("adopter", "organisation", "organisation_type", "successor")} == \
        {"adopter": "Anton Veld", "organisation": "Basisschool Het Palet", "organisation_type": "basisschool",
         "successor": "Ria Dam"}                    # not "Anton Veld de Basisschool": particles end a surname
    assert [(c.fields["departments"], c.fields["involved"]) for c in _by(cands, "participation")] == \
        [(["VWS", "OCW"], True)]
    [centre] = _by(cands, "project")
    assert (centre.fields["label"], centre.fields["municipality"], centre.fields["amount"], centre.fields["start"]) == \
        ("Buurtcentrum Meezenbroek geopend", "Heerlen", 1250000, "2008-09-12")
    assert centre.fields["partners"] == [{"name": "Buurtkracht", "type": "stichting"},
                                         {"name": "Weller", "type": "woningcorporatie"}]
    assert centre.fields["publication"] == "limburgs-dagblad-2008-09-13"
    assert [c.fields["id"] for c in _by(cands, "publication")] == \
        ["limburgs-dagblad-2008-09-13", "binnenlands-bestuur-2008-10", "binnenlands-bestuur-2008-10-02"]
    assert [(c.fields["subject"], c.fields["stance"], c.fields["according_to"]) for c in _by(cands, "evaluation")] == [
        ("pilot", "mixed", "binnenlands-bestuur-2008-10"),
        ("Emmen", "positive", "binnenlands-bestuur-2008-10-02"),
        ("Heerlen", "positive", "binnenlands-bestuur-2008-10-02"),
        ("Emmen", "positive", "Karel de Groot"), ("Heerlen", "positive", "Karel de Groot")]
    assert [c.fields["name"] for c in _by(cands, "mention", refers_to="Meezen Broek")] == ["Meezenbroek"]
    assert [c.fields["name"] for c in _by(cands, "pilot_city")] == ["Emmen", "Heerlen"]
    assert [(c.fields["label"], c.fields["by_text"], c.fields["target"]) for c in _by(cands, "commitment")] == \
        [("zegt toe het centrum tot 2012 open te houden", "De gemeente Heerlen", "2012")]
    _every_quote_stands_once(doc, cands)
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(UNSEEN, sources)
    result = _build_with_candidates(tmp_path, sources)
    assert "conforms" in result.validation
    assert not [w for w in result.warnings if "unknown department" in w], result.warnings


def test_a_quote_that_stands_twice_is_lengthened_until_it_stands_once():
    text = "Toen sprak wethouder Els de Wit (Onderwijs) in Emmen. Later sprak wethouder Els de Wit (Onderwijs) opnieuw."
    doc = SourceDocument.from_bytes("x.txt", text.encode())
    assert len(TextIndex(doc).occurrences("wethouder Els de Wit (Onderwijs)")) == 2
    quotes = [c.quotes[0].value for c in propose(doc, kinds=["person_function"])]
    assert quotes == ["wethouder Els de Wit (Onderwijs) in"]          # once: the same person, the same function
    text = "Het kan (Dagblad, 3 mei 2008). Het kan (Dagblad, 3 mei 2008) nog eens."
    doc = SourceDocument.from_bytes("x.txt", text.encode())
    assert [q.value for c in propose(doc, kinds=["publication"]) for q in c.quotes] == \
        ["(Dagblad, 3 mei 2008). Het", "(Dagblad, 3 mei 2008) nog"]       # one publication, cited twice
    _every_quote_stands_once(doc, propose(doc))


def test_a_candidate_covers_a_curated_statement_only_about_the_same_thing(page):
    doc, cands = page
    curated = load_statement_file(ROOT / "data" / "statements" / f"{doc.stem}.toml", doc).statements
    haarlem = _by(cands, "evaluation", subject="Haarlem", according_to="cobouw-2007-05-03")[0]
    zaanstad = next(s for s in curated if s.kind == "evaluation" and s.get("subject") == "Zaanstad")
    assert any(q.start < s.end and s.start < q.end for q in haarlem.quotes for s in zaanstad.quotes)  # the citation
    assert not covers(haarlem, zaanstad)
    assert covers(haarlem, next(s for s in curated if s.kind == "evaluation" and s.get("id") == "cobouw-2007-05-03-haarlem"))


def test_no_name_or_phrase_of_the_seeds_in_the_code_or_vocabulary():
    modules = sorted((ROOT / "vitalegraph" / "pipeline" / "propose").glob("*.py"))
    assert len(modules) > 10                                   # the package, not a stale path
    code = "".join(m.read_text(encoding="utf-8") for m in modules) \
        + (ROOT / "data" / "reference" / "propose.toml").read_text(encoding="utf-8")
    names = {m.name.value for t in extract_teams(read_source(PAGE)) for m in t.members}
    names |= {"Ymere", "Rentree", "Cobouw", "KEI", "De Pers", "Belhaj", "Zalm", "Pechtold", "Rouvoet", "Overtoomseveld",
              "Nieuw West", "Ru Paré", "Community Center", "700.000"}
    assert not [n for n in sorted(names) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", code)]


def test_the_cli_knows_the_kinds_without_importing_the_pipeline():
    from vitalegraph.cli.propose import KINDS

    assert KINDS == PROPOSED_KINDS


# ---------------------------------------------------------------------------------------------- the command

def test_propose_prints_a_statement_file_and_json(tmp_path):
    r = run("propose", PAGE, "--kind", "publication,mention")
    assert r.returncode == 0, r.stderr
    data = tomllib.loads(r.stdout)
    assert set(data) == {"source", "publication", "mention"} and len(data["publication"]) == 5
    assert "# PROPOSED (citation of a publisher with a date)" in r.stdout
    j = run("propose", PAGE, "-k", "evaluation", "--format", "json")
    out = json.loads(j.stdout)
    assert {c["kind"] for c in out["candidates"]} == {"evaluation"} and all(c["proposed"] for c in out["candidates"])
    text = read_source(PAGE).text
    evidence = [e for c in out["candidates"] for e in c["evidence"]]
    assert all(text[e["start"]:e["end"]] == e["text"] and " ".join(e["text"].split()) == e["quote"] for e in evidence)
    assert any(e["text"] != e["quote"] for e in evidence)      # a non-breaking space, collapsed in the quote
    r = run("propose", PRESS, "-o", tmp_path / "press.toml")
    assert r.returncode == 0 and r.stdout == ""
    assert (tmp_path / "press.toml").read_text(encoding="utf-8") == run("propose", PRESS).stdout


def test_propose_never_writes_into_the_statements_folder():
    before = sorted(p.name for p in (ROOT / "data" / "statements").iterdir())
    r = run("propose", PRESS, "-o", ROOT / "data" / "statements" / "new.toml")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith("vitalegraph: error: ") and r.stderr.count("\n") == 1
    assert sorted(p.name for p in (ROOT / "data" / "statements").iterdir()) == before


def test_a_document_without_prose_prints_nothing(tmp_path):
    listing = "\n".join(read_source(PAGE).text.splitlines()[48:57]) + "\n"   # one team of the listing
    assert len(extract_teams(SourceDocument.from_bytes("t.txt", listing.encode()))) == 1
    (tmp_path / "listing.txt").write_text(listing, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    for name in ("listing.txt", "empty.txt"):
        for fmt in ("toml", "json"):
            r = run("propose", tmp_path / name, "--format", fmt)
            assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    assert to_json(None, []) == to_toml(None, []) == ""


def test_bad_files_give_the_builds_one_line_error(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "latin.txt").write_bytes("Wethouder José (Wonen) in Emmen.\n".encode("latin-1"))
    build = run("build", "--sources", sources, "--out", tmp_path / "out")
    r = run("propose", sources / "latin.txt")
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == build.stderr and r.stderr.count("\n") == 1 and "not valid UTF-8" in r.stderr
    r = run("propose", tmp_path / "nowhere.txt")
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == "vitalegraph: error: nowhere.txt: cannot read: No such file or directory\n"
    r = run("propose", PRESS, "--kind", "agreements")
    assert r.returncode == 2 and "unknown kind 'agreements'" in r.stderr


def test_a_crlf_copy_gives_the_same_statements_at_its_own_offsets(tmp_path):
    crlf = tmp_path / PAGE.name
    crlf.write_bytes(PAGE.read_bytes().replace(b"\n", b"\r\n"))
    doc, cands = propose_file(crlf)
    _, plain = propose_file(PAGE)
    assert [c.statement() for c in cands] == [c.statement() for c in plain] and len(cands) > 20
    _every_quote_stands_once(doc, cands)
    assert [c.quotes[0].start for c in cands] != [c.quotes[0].start for c in plain]


def test_propose_is_listed_in_the_help_with_an_example():
    assert "propose" in run("--help").stdout
    r = run("propose", "--help")
    assert r.returncode == 0 and "Example:" in r.stdout and "--kind" in r.stdout and "--format" in r.stdout


_WORDS = ["minister", "Minister", "wethouder", "directeur-generaal", "staatssecretaris", "projectleider", "van", "de",
          "het", "ministerie", "Financiën", "VROM", "Sociale", "Zaken", "Jeugd", "en", "Gezin", "Anna", "Pieter",
          "Vos", "de Boer", "Emmen", "Heerlen", "Zaandam", "pilotwijken", "in", "maart", "eind", "april", "2008",
          "12", "mei", "€", "1.500.000", "euro", "woningcorporatie", "Stichting", "Buurtkracht", "vol", "lof", "minder",
          "tevreden", "loopt", "uiteen", "geconcludeerd", "zou", "moeten", "volgens", "Volgens", "Dagblad", "(", ")",
          ",", ".", ":", "gepresenteerd", "van start", "bijeenkomst", "zegt", "t/m", "prof.", "\u00a0", "\n", "\n\n",
          "•", "\"", "(Dagblad, 3 mei 2008)", "belooft", "zetten in op", ":", "\n • het doen;", "overeenkomst",
          "getekend", "namens", "premier", "BZK", "Defensie", "adopteerde", "de School", "opvolger", "betrokken",
          "met uitzondering van"]


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=80))
def test_whatever_the_prose_every_candidate_is_a_statement_the_build_loads(tmp_path_factory, words):
    text = " ".join(words).replace(" \n", "\n") + ".\n"
    doc = SourceDocument.from_bytes("prose.txt", text.encode())
    try:
        cands = propose(doc)
    except SourceError:
        return                  # a malformed team listing: the build's error, as for the build
    _every_quote_stands_once(doc, cands)
    if cands:
        path = tmp_path_factory.mktemp("st") / "prose.toml"
        path.write_text(to_toml(doc, cands), encoding="utf-8")
        loaded = load_statement_file(path, doc)      # every quote found once, every basis where a word asks for one
        assert [s.kind for s in loaded.statements] == sorted((c.kind for c in cands), key=list(KINDS).index)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet="ab _.é\u00a0\n", min_size=1, max_size=30), st.text(alphabet="ab _.é", min_size=1, max_size=4))
def test_the_fast_count_of_a_quote_agrees_with_the_builds(text, needle):
    from vitalegraph.pipeline.propose import _Doc, load_vocabulary
    from vitalegraph.pipeline.reference import Reference

    if not text.strip() or not needle.strip():
        return
    doc = SourceDocument.from_bytes("x.txt", text.encode())
    d = _Doc(doc, Reference(), load_vocabulary())
    value = " ".join(needle.split())
    assert d._occurrences(value, 2) == TextIndex(doc).occurrences(value)[:2]


def test_new_leaves_out_what_the_curator_has_written_down(tmp_path):
    r = run("propose", PAGE, "--new", "--format", "json")
    left = json.loads(r.stdout)["candidates"]
    # the persons the curator recorded under another kind (a mention, a membership, an adoption, a project's
    # person, an evaluation's author), or not at all
    assert [(c["kind"], c["statement"]["name"]) for c in left] == [
        ("person_function", "Jan van de Bos"), ("person_function", "André Rouvoet"), ("person_function", "Zalm"),
        ("person_function", "Karima Belhaj"), ("person_function", "Hilde van der Molen")]
    r = run("propose", PAGE, "--new", "--statements", tmp_path)       # no statement file there: everything
    assert r.stdout == run("propose", PAGE).stdout


def test_candidates_copied_into_a_curated_file_are_accepted_by_the_build(tmp_path):
    """The reviewer's way: the curator's file lacks its evaluations and projects; what --new proposes is
    copied under it (without the header) and the build takes the whole."""
    from vitalegraph.build import build
    from vitalegraph.pipeline.propose import _toml_value, not_curated

    statements = tmp_path / "statements"
    shutil.copytree(ROOT / "data" / "statements", statements)
    path = statements / f"{PAGE.stem}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lines = [f"source = {_toml_value(data.pop('source'))}", "[document]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in data.pop("document").items()]
    for kind, entries in data.items():
        if kind in ("evaluation", "project"):
            continue
        for entry in entries:
            if "project" in entry:                                  # a result of a project left out
                continue
            lines += [f"[[{kind}]]"] + [f"{k} = {_toml_value(v)}" for k, v in entry.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc, cands = propose_file(PAGE)
    new = not_curated(doc, cands, statements)
    assert {c.kind for c in new} == {"evaluation", "project", "person_function"}
    assert {c.fields["according_to"] for c in new if c.kind == "evaluation"} == \
        {"cobouw-2007-05-03", "kei-nieuws-2007-05", "Hilde van der Molen"}      # the curator's publication ids
    copied = to_toml(doc, new).split("\n", 3)[3]                                 # without the header and source
    path.write_text(path.read_text(encoding="utf-8") + "\n" + copied, encoding="utf-8")
    result = build(SOURCES, tmp_path / "out", statements)
    assert "conforms" in result.validation


@pytest.mark.parametrize("words, amount", [("€ 700.000,-", 700000), ("€ 1,5 miljoen", 1500000), ("2.500 euro", 2500),
                                           ("EUR 12,50", 12.5), ("€ 3 mln", 3000000)])
def test_an_amount_is_read_as_the_number_it_writes(words, amount):
    text = f"Nieuw buurthuis open\nDe stichting Buurtkracht betaalt {words} voor het huis.\n"
    [project] = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=["project"])
    assert (project.fields["amount"], project.fields["currency"]) == (amount, "EUR")
    assert project.fields["partners"] == [{"name": "Buurtkracht", "type": "stichting"}]
