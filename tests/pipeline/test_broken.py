"""Hand-made broken sources each give their exact error; an interrupted build loses nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BROKEN = Path(__file__).parent / "broken"

EXPECTED = {
    "binary.txt": "binary.txt:3: binary file (NUL byte at byte 8): not a text document",
    "duplicate-member.txt": "duplicate-member.txt:15: 'Anna Jansen' is listed twice in team 'Groningen, De Hoogte' "
                            "(first at line 14)",
    "duplicate-team.txt": "duplicate-team.txt:16: team 'Groningen, De Hoogte' with theme 'Werk' is listed twice "
                          "(first at line 8)",
    "empty.txt": "empty.txt:1: empty file: a source document needs text",
    "latin1.txt": "latin1.txt:14: not valid UTF-8 (byte 0xa0 at byte 642); convert the file to UTF-8 "
                  "(e.g. iconv -f latin1 -t utf-8)",
    "open-parenthesis.txt": "open-parenthesis.txt:14: bullet in team 'Groningen, De Hoogte' without a closing "
                            "parenthesis",
    "team-without-district.txt": "team-without-district.txt:8: team without a district: 'Groningen' should read "
                                 "'Place, District' (or stand as 'Place,' above a 'District' line)",
    "team-without-members.txt": "team-without-members.txt:13: team 'Groningen, De Hoogte' without members: no "
                                "'• Name (function)' lines after its theme",
    "truncated.txt": "truncated.txt:70: bullet in team 'Rotterdam, Zuid (Pendrecht, Bloemhof, Hillesluis)' "
                     "without a closing parenthesis",
}


#: hand-made statement files for ``broken/statements/wijk.txt`` that the build must refuse, each with its one line
STATEMENTS = BROKEN / "statements"
EXPECTED_STATEMENTS = {
    "context-not-a-quote.toml": "wijk.toml: [[project]] #1 (buurtwerk-de-hoogte): context 'De gemeente betaalt "
                                "€ 20.000.' is not one of its quotes",
    "modal-without-basis.toml": "wijk.toml: [[project]] #1 (buurtwerk-de-hoogte): a quote says 'zal' (announced, "
                                "expected or hedged?): give basis = \"stated\" or \"announced\" (or <field>_basis) "
                                "after reading it",
    "quote-does-not-name.toml": "wijk.toml: [[project]] #1 (buurtwerk-de-hoogte): the quote 'De gemeente betaalt "
                                "€ 10.000.' is evidence for the project 'Buurtwerk De Hoogte' but names it nowhere; "
                                "name it, or list the quote under 'context'",
    "quote-not-in-source.toml": "wijk.toml: [[project]] #1 (buurtwerk-de-hoogte): quote not found in wijk.txt: "
                                "'In Groningen is het Buurtwerk De Hoogte geëindigd.'",
    "town-as-municipality-spelling.toml": "wijk.toml: [[mention]] #1 (Zaandam): the spelling 'Zaandam' of "
                                          "municipality/zaanstad is a place inside a municipality, not a way of "
                                          "writing its name",
    "variant-is-another-person.toml": "wijk.toml: [[mention]] #1 (Piet de Vries): the spelling 'Piet de Vries' of "
                                      "person/anna-jansen is the name of person/piet-de-vries",
}


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, **kw)


def test_every_broken_file_has_an_expected_error():
    assert sorted(p.name for p in BROKEN.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_source_gives_its_exact_error(name, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(BROKEN / name, sources / name)
    r = cli("build", "--sources", sources, "--out", tmp_path / "out")
    assert r.returncode == 1
    assert r.stderr == f"vitalegraph: error: {EXPECTED[name]}\n"
    assert not (tmp_path / "out").exists()


def _statement_build(tmp_path, toml: str):
    sources, statements = tmp_path / "sources", tmp_path / "statements"
    sources.mkdir()
    statements.mkdir()
    shutil.copy(STATEMENTS / "wijk.txt", sources / "wijk.txt")
    shutil.copy(STATEMENTS / toml, statements / "wijk.toml")
    return cli("build", "--sources", sources, "--statements", statements, "--out", tmp_path / "out")


def test_every_broken_statement_file_has_an_expected_error():
    assert sorted(p.name for p in STATEMENTS.glob("*.toml")) == sorted([*EXPECTED_STATEMENTS, "valid.toml"])


def test_the_valid_statement_file_builds(tmp_path):
    """The base of the broken ones: it builds, and its project's amount rests on a quote marked as context."""
    r = _statement_build(tmp_path, "valid.toml")
    assert r.returncode == 0, r.stderr
    ttl = (tmp_path / "out" / "vitalegraph.ttl").read_text(encoding="utf-8")
    assert "vg:contextEvidence" in ttl


@pytest.mark.parametrize("name", sorted(EXPECTED_STATEMENTS))
def test_broken_statement_file_gives_its_exact_error(name, tmp_path):
    """A statement that would make the graph say more, or other, than its source: one line naming it, nothing written."""
    r = _statement_build(tmp_path, name)
    assert r.returncode == 1
    assert r.stderr == f"vitalegraph: error: {EXPECTED_STATEMENTS[name]}\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("when", ["creating", "writing", "renaming"])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch, when):
    """Ctrl-C or SIGTERM at the worst moment of an atomic write: old files whole, nothing left over."""
    import os

    from vitalegraph.pipeline import serialize

    old = {tmp_path / "a.ttl": b"old a", tmp_path / "sub" / "b.ttl": b"old b"}
    for path, data in old.items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    real_open, real_fdopen, real_replace = os.open, os.fdopen, os.replace
    calls = []

    def interrupt_after(real, name):
        def wrapped(*args, **kwargs):
            result = real(*args, **kwargs)     # the file is there ...
            calls.append(name)
            if name == when and calls.count(name) == (1 if name == "renaming" else 2):
                raise KeyboardInterrupt        # ... and the interrupt lands before the caller sees it
            return result
        return wrapped

    monkeypatch.setattr(serialize.os, "open", interrupt_after(real_open, "creating"))
    monkeypatch.setattr(serialize.os, "fdopen", interrupt_after(real_fdopen, "writing"))
    monkeypatch.setattr(serialize.os, "replace", interrupt_after(real_replace, "renaming"))
    with pytest.raises(KeyboardInterrupt):
        serialize.atomic_write_many({path: b"new" for path in old})
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    now = {path: path.read_bytes() for path in old}
    assert now == old if when != "renaming" else set(now.values()) == {b"new", b"old b"}
    monkeypatch.undo()
    os.umask(umask := os.umask(0o022))
    try:
        serialize.atomic_write_many({tmp_path / "c.ttl": b"new"})
        assert (tmp_path / "c.ttl").stat().st_mode & 0o777 == 0o644   # readable by all, as any new file
    finally:
        os.umask(umask)
