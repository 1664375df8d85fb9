"""The command line as a new user meets it: one-line errors, exit statuses, the build summary."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, SOURCES, run
from vitalegraph import cli
from vitalegraph.errors import INTERNAL_ERROR_STATUS


def test_an_unforeseen_error_is_one_line_with_its_own_status(monkeypatch, capsys, tmp_path):
    import importlib

    network = importlib.import_module("vitalegraph.network.networks")   # the package exports a function of that name

    def bug(*_a, **_k):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(network, "membership_rows", bug)
    status = cli.main(["build", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == INTERNAL_ERROR_STATUS == 4
    assert err == ("vitalegraph: internal error: ZeroDivisionError: division by zero; "
                   "rerun with --debug for the traceback\n")
    assert not (tmp_path / "out").exists()
    with pytest.raises(ZeroDivisionError):                 # --debug: the traceback, for a bug report
        cli.main(["--debug", "build", "--out", str(tmp_path / "out")])
    monkeypatch.setenv("VITALEGRAPH_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["build", "--out", str(tmp_path / "out")])


def test_help_documents_every_exit_status():
    text = " ".join(run("--help").stdout.split())
    for status in ("0 success", "1 a bad source", "2 a bad query", "3 a remote endpoint", "4 an internal error",
                   "130 interrupted"):
        assert status in text
    assert "--debug" in text


def test_a_missing_sources_folder_names_it_without_a_line_number(tmp_path):
    r = run("build", "--sources", "data/nowhere", "--out", tmp_path / "out")
    assert r.returncode == 1
    assert r.stderr == ("vitalegraph: error: data/nowhere: no such folder; pass --sources DIR with the source "
                        ".txt files\n")


def test_a_document_that_gives_nothing_builds_with_a_warning_naming_it(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "notes.txt").write_text("Aantekeningen bij de pilot.\n\nNog uit te werken.\n", encoding="utf-8")
    r = run("build", "--sources", sources, "--out", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert "  sources               3" in r.stdout
    assert "  warnings              1" in r.stdout
    assert ("  warning: notes.txt: no team listing and no statement file (data/statements/notes.toml); "
            "only the document itself is in the graph") in r.stdout


def test_the_skipped_line_does_not_split_the_written_lines(tmp_path):
    statements = tmp_path / "statements"
    shutil.copytree(ROOT / "data" / "statements", statements)
    (statements / "elsewhere.toml").write_text("[document]\n", encoding="utf-8")
    r = run("build", "--statements", statements, "--out", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    written = next(i for i, line in enumerate(lines) if line.startswith("  written"))
    assert lines[written - 1] == "  skipped          statement files without their source: elsewhere.toml"
    assert lines[written + 1].strip().startswith("20 network files in")
    assert lines[written + 2].startswith("  time")


def test_validate_takes_data_like_every_other_command(built, tmp_path):
    ttl = built.files[0]
    for args in (["--data", ttl], [ttl]):
        r = run("validate", *args)
        assert r.returncode == 0 and r.stdout == f"{ttl}: conforms to the SHACL shapes (pySHACL)\n"
    r = run("validate", "--data", tmp_path / "missing.ttl")
    assert r.returncode == 2 and "--data" in r.stderr and "no such data file" in r.stderr


def test_describe_writes_where_out_says_relative_to_the_current_folder(built, tmp_path):
    r = run("describe", "--data", built.files[0], "--out", "rel", "--no-docs", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "rel" / "void.ttl").is_file()
    assert r.stdout.startswith("wrote rel/void.ttl")
    help_text = " ".join(run("describe", "--help").stdout.split())
    assert "default: ontology/docs in the project folder" in help_text
    assert ROOT.name + "/ontology" not in help_text
