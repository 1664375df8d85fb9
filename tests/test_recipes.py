"""The three recipes of CONTRIBUTING.md, each tried for real: a named query, a picture view and a
network analysis are added as a new file and found by registration, then run."""

from __future__ import annotations

import shutil
import sys
import textwrap

import pytest

from vitalegraph import paths
from vitalegraph.registry import import_modules


@pytest.fixture
def plugin_package(tmp_path, monkeypatch):
    """A fresh package folder on sys.path; returns a function that writes a module into it and imports the folder."""
    import importlib

    name = f"recipe_{tmp_path.name.replace('-', '_')}"
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))

    def add(module: str, text: str) -> None:
        (folder / f"{module}.py").write_text(textwrap.dedent(text), encoding="utf-8")
        importlib.invalidate_caches()
        import_modules(name, [str(folder)])

    yield add
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]


def test_recipe_named_query(tmp_path, monkeypatch, dataset):
    from vitalegraph.query import named_queries, run_query

    queries = tmp_path / "queries"
    shutil.copytree(paths.QUERIES, queries)
    (queries / "team-count.rq").write_text(
        "# Question: How many adoption teams are there?\n"
        "PREFIX vg: <https://w3id.org/vitalegraph/def#>\n"
        "SELECT (COUNT(?team) AS ?teams) WHERE { ?team a vg:AdoptionTeam }\n", encoding="utf-8")
    monkeypatch.setattr(paths, "QUERIES", queries)
    found = named_queries()["team-count"]
    assert found.question == "How many adoption teams are there?"
    assert run_query("team-count", dataset).records() == [{"teams": 13}]


def test_recipe_picture_view(plugin_package, dataset, capsys):
    from vitalegraph.cli import main
    from vitalegraph.picture import VIEWS, render_view
    from vitalegraph.picture.views import REGISTRY

    plugin_package("teams_only", '''
        import networkx as nx

        from vitalegraph.picture.views import view


        @view("teams", title="Teams", description="the adoption teams and their districts", rank=40)
        def teams(rows, short):
            G = nx.Graph(name="teams")
            for r in rows:
                G.add_node(r["team"], label=r["teamLabel"], kind="team")
                G.add_node(r["district"], label=r["districtLabel"], kind="district")
                G.add_edge(r["team"], r["district"])
            return G
    ''')
    try:
        assert list(VIEWS) == ["coalitions", "districts", "departments", "teams"]
        page, G = render_view(dataset, "teams")
        assert G.number_of_nodes() == 13 + 12 and page.startswith("<!DOCTYPE html>")
        assert "VitaleGraph — Teams" in page
        with pytest.raises(SystemExit):
            main(["picture", "--help"])
        assert "\n  teams        the adoption teams and their districts\n" in capsys.readouterr().out
    finally:
        del REGISTRY["teams"]
    assert "teams" not in VIEWS


def test_recipe_network_analysis(plugin_package, built, capsys):
    from vitalegraph.cli import main
    from vitalegraph.network import ANALYSES
    from vitalegraph.network.analyses import REGISTRY

    plugin_package("team_sizes", '''
        from collections import Counter

        from vitalegraph.network.analyses import analysis


        @analysis("team-sizes", description="the number of members of each team", columns=("team", "members"),
                  rank=70)
        def team_sizes(rows):
            counts = Counter(r["teamLabel"] for r in rows)
            return [{"team": t, "members": n} for t, n in sorted(counts.items())]
    ''')
    try:
        assert list(ANALYSES)[-1] == "team-sizes"
        assert main(["network", "team-sizes", "--format", "csv", "--data", str(built.files[0])]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "team,members" and len(lines) == 1 + 13
    finally:
        del REGISTRY["team-sizes"]
