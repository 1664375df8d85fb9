"""The synthetic corpus: deterministic, read unchanged by the build, and the same rows on both engines."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/corpus.py)

from vitalegraph.build import build  # noqa: E402
from vitalegraph.query import load_dataset, named_queries, run_query  # noqa: E402


def test_corpus_is_deterministic_and_in_the_listing_format():
    a, b = corpus.generate(120, seed=3, per_document=50), corpus.generate(120, seed=3, per_document=50)
    assert a == b and len(a) == 3
    assert corpus.generate(120, seed=4, per_document=50) != a
    text = "".join(a.values())
    assert text.count("Toelichting") == 120 and "Toelichting(pdf-bestand)" in text and "\u00a0" in text


@pytest.fixture(scope="module")
def mid(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mid")
    (tmp / "sources").mkdir()
    for name, text in corpus.generate(150, seed=2, per_document=60).items():
        (tmp / "sources" / name).write_text(text, encoding="utf-8")
    result = build(tmp / "sources", tmp / "out")
    return tmp, result


def test_build_reads_the_corpus_unchanged(mid):
    _tmp, result = mid
    assert result.counts["adoption teams"] == 150
    assert result.counts["memberships"] > 600 and result.counts["triples"] > 30000


def test_both_engines_give_the_same_rows_on_a_mid_size_corpus(mid):
    tmp, _result = mid
    fast, slow = load_dataset(tmp / "out" / "vitalegraph.ttl"), load_dataset(tmp / "out" / "vitalegraph.ttl", "rdflib")
    assert fast.engine == "oxigraph"     # what `vitalegraph query` picks by itself
    for name in named_queries():
        a, b = run_query(name, fast), run_query(name, slow)
        norm = lambda t: sorted(tuple(tuple(sorted(str(v).split("; "))) if v is not None else () for v in r.values())
                                for r in t.records())  # noqa: E731
        assert a.columns == b.columns and norm(a) == norm(b), name


def test_benchmark_reports_the_growth_between_synthetic_sizes():
    import run  # benchmarks/run.py

    results = [{"teams": t, "build": {"total": {"seconds": s}}} for t, s in ((13, 0.6), (1000, 4.0), (10000, 46.0))]
    assert run.growth(results) == ["growth 1000 -> 10000 teams: 10.0x the teams, 11.5x the build time (target <= 12x)"]
    assert run.growth(results[:2]) == []
