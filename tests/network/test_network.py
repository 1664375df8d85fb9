"""Networks built from the graph through SPARQL; brokerage checked on hand-worked examples."""

from __future__ import annotations

import networkx as nx
import pytest

from vitalegraph import network as vn
from vitalegraph.build import build
from vitalegraph.network.files import network_bytes, write_networks
from vitalegraph.query import load_dataset

ID = "https://w3id.org/vitalegraph/id/"


@pytest.fixture(scope="module")
def rows(dataset):
    return vn.membership_rows(dataset)


def labels(G, nodes):
    return {G.nodes[n]["label"] for n in nodes}


def test_rows_come_from_the_graph(rows):
    assert len(rows) == 56
    rouvoet = next(r for r in rows if r["personLabel"] == "André Rouvoet")
    assert rouvoet["laterChange"] and rouvoet["affiliations"][0][1:] == ("Jeugd en Gezin", "ministry")
    nicolai = next(r for r in rows if r["personLabel"] == "Atzo Nicolaï")
    assert nicolai["replaced"]


def test_person_in_two_teams_links_their_districts(rows):
    D = vn.district_network(rows)
    bertram = [(D.nodes[a]["label"], D.nodes[b]["label"]) for a, b, d in D.edges(data=True)
               if "Annet Bertram" in d["persons"].split("; ")]
    assert [set(e) for e in bertram] == [{"Overtoomse Veld", "Overvecht"}]
    # Annet Bertram is VROM's only official in both teams: one tie (as the districts picture counts
    # it), not two; VROM is listed as the same person's, and no department ties the pair
    edge = D.edges[ID + "district/amsterdam-overtoomse-veld", ID + "district/utrecht-overvecht"]
    assert edge["same_person"] == "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    assert (edge["ministries"], edge["person_count"], edge["ministry_count"], edge["weight"]) == ("", 1, 0, 1)


def test_district_links_count_ties_as_the_districts_picture_does(rows):
    from vitalegraph.picture.views.districts import districts

    table = {(r["district1"], r["district2"]): r for r in vn.analysis_table("district-links", rows).records()}
    picture = districts(rows, {})
    drawn = {tuple(sorted((picture.nodes[a]["label"], picture.nodes[b]["label"]))): d["weight"]
             for a, b, d in picture.edges(data=True)}
    assert {tuple(sorted(k)): r["weight"] for k, r in table.items()} == drawn
    assert len(table) == 18 and {r["weight"] for r in table.values()} == {1}
    pair = table[("Overtoomse Veld", "Overvecht")]
    assert (pair["persons"], pair["ministries"], pair["weight"]) == ("Annet Bertram", None, 1)
    assert pair["same_person"] == "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"


def test_two_teams_in_one_district_make_no_self_link(rows):
    D = vn.district_network(rows)
    assert nx.number_of_selfloops(D) == 0
    assert D.number_of_nodes() == 12
    assert not any("Rob Kerstens" in d["persons"] for _a, _b, d in D.edges(data=True))


def test_departments_that_reach_most_districts(rows):
    top = [x for x in vn.linkers(rows) if x["kind"] == "ministry" and x["districts"] == 3]
    assert {x["name"] for x in top} == {"Binnenlandse Zaken en Koninkrijksrelaties", "Justitie",
                                        "Sociale Zaken en Werkgelegenheid",
                                        "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"}
    persons = [x for x in vn.linkers(rows) if x["kind"] == "person"]
    assert {x["name"] for x in persons} == {"Annet Bertram", "Steven van Eijk"}


def test_networks_and_attributes(rows):
    nets = vn.networks(rows)
    assert {k: (G.number_of_nodes(), G.number_of_edges()) for k, G in nets.items()} == {
        "actor-team": (66, 56), "actor": (53, 94), "district": (12, 18), "ministry-district": (25, 26)}
    A = nets["actor"]
    kerstens = A.nodes[ID + "person/rob-kerstens"]
    assert (kerstens["kind"], kerstens["role"], kerstens["ministry"]) == (
        "person", "director-general", "Onderwijs, Cultuur en Wetenschap")
    assert A.nodes[ID + "person/tjeerd-herrema"]["party"] == "Partij van de Arbeid"
    for G in nets.values():
        for _n, d in G.nodes(data=True):
            assert all(isinstance(v, (str, int, float)) for v in d.values())


def test_periods(rows):
    start, latest = vn.select_period(rows, "start"), vn.select_period(rows, "latest")
    assert len(start) == 55 and len(latest) == 55
    assert "André Rouvoet" not in {r["personLabel"] for r in start}
    assert "Atzo Nicolaï" not in {r["personLabel"] for r in latest}
    M = vn.ministry_district_network(latest)
    assert labels(M, M.neighbors(ID + "department/jeugd-en-gezin")) == {"Nieuw West"}
    with pytest.raises(ValueError):
        vn.select_period(rows, "later")


def test_centrality_uses_weights_as_distances():
    G = nx.Graph()
    G.add_edge("a", "b", weight=10)   # strong tie: short
    G.add_edge("b", "c", weight=10)
    G.add_edge("a", "d", weight=1)    # weak ties: long
    G.add_edge("d", "c", weight=1)
    nx.set_node_attributes(G, {n: n for n in G}, "label")
    c = {r["iri"]: r for r in vn.centrality(G)}
    assert c["b"]["betweenness"] > 0 and c["d"]["betweenness"] == 0


def test_communities_are_reproducible(rows):
    A = vn.actor_network(rows)
    assert vn.communities(A) == vn.communities(A)
    assert len({r["community"] for r in vn.communities(vn.district_network(rows))}) >= 2


# ---------------------------------------------------------------- brokerage, worked by hand

def directed_example():
    """One instance of each Gould-Fernandez role, each in its own chain a -> b -> c."""
    G = nx.DiGraph()
    chains = {"coordinator": (1, 1, 1), "itinerant": (1, 2, 1), "representative": (1, 1, 2),
              "gatekeeper": (1, 2, 2), "liaison": (1, 2, 3)}
    for role, (ga, gb, gc) in chains.items():
        G.add_edge(f"{role}-a", f"{role}-b")
        G.add_edge(f"{role}-b", f"{role}-c")
        G.nodes[f"{role}-a"]["g"], G.nodes[f"{role}-b"]["g"], G.nodes[f"{role}-c"]["g"] = ga, gb, gc
    # a closed two-path brokers nothing: x -> y -> z with x -> z
    G.add_edges_from([("x", "y"), ("y", "z"), ("x", "z")])
    nx.set_node_attributes(G, {"x": 1, "y": 2, "z": 3}, "g")
    return G, chains


def test_brokerage_one_instance_of_each_role():
    G, chains = directed_example()
    result = vn.brokerage(G, "g")
    for role in chains:
        expected = {r: int(r == role) for r in ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")}
        assert result[f"{role}-b"] == {**expected, "total": 1}, role
        assert result[f"{role}-a"]["total"] == 0 and result[f"{role}-c"]["total"] == 0
    assert result["y"]["total"] == 0


def test_brokerage_undirected_counts_both_directions():
    # path a - b - c, a and c not adjacent
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "x", "b": "y", "c": "x"}, "g")
    assert vn.brokerage(G, "g")["b"] == {"coordinator": 0, "itinerant": 2, "representative": 0,
                                         "gatekeeper": 0, "liaison": 0, "total": 2}
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y"}, "g")
    # a->b->c: b in a's group = representative; c->b->a: b in the last node's group = gatekeeper
    assert vn.brokerage(G, "g")["b"] == {"coordinator": 0, "itinerant": 0, "representative": 1,
                                         "gatekeeper": 1, "liaison": 0, "total": 2}
    G.add_edge("a", "c")     # a triangle has no open two-path
    assert vn.brokerage(G, "g")["b"]["total"] == 0


def test_brokerage_star_of_three_groups():
    # centre b (group 2) with leaves in groups 1, 1, 3: ordered pairs of distinct leaves = 6
    G = nx.star_graph(["b", "l1", "l2", "l3"])
    nx.set_node_attributes(G, {"b": 2, "l1": 1, "l2": 1, "l3": 3}, "g")
    r = vn.brokerage(G, "g")["b"]
    # l1<->l2: itinerant (2 directions); l1/l2 with l3: liaison (4 directed paths)
    assert (r["itinerant"], r["liaison"], r["total"]) == (2, 4, 6)


def test_brokerage_on_the_actor_network(rows):
    A = vn.actor_network(rows)
    nx.set_node_attributes(A, vn.actor_groups(A), "group")
    b = vn.brokerage(A, "group")
    brokers = {A.nodes[n]["label"] for n, c in b.items() if c["total"] > 0}
    assert brokers == {"Annet Bertram", "Rob Kerstens", "Steven van Eijk"}
    with pytest.raises(KeyError):
        vn.brokerage(nx.path_graph(3), "group")


def test_brokerage_by_level_of_government(rows):
    """The partition the pilot is about: three groups, not 36; the liaison no longer swallows the paths."""
    A = vn.actor_network(rows)
    levels = vn.level_groups(A)
    assert set(levels.values()) == {"national", "local", "independent"}
    by_role = {A.nodes[n]["label"]: g for n, g in levels.items()}
    assert by_role["Annet Bertram"] == "national" and by_role["Steven van Eijk"] == "independent"
    assert by_role["Hilde van der Molen"] == "local" and by_role["Atzo Nicolaï"] == "national"
    assert len(set(vn.actor_groups(A).values())) == 36
    from vitalegraph.cli.network import GROUPINGS
    assert GROUPINGS == tuple(vn.GROUPINGS)
    recs = vn.analysis_table("brokerage", rows, by="level").records()
    totals = {r: sum(x[r] for x in recs) for r in ("coordinator", "itinerant", "representative", "gatekeeper",
                                                   "liaison", "total")}
    assert totals == {"coordinator": 4, "itinerant": 18, "representative": 8, "gatekeeper": 8, "liaison": 16,
                      "total": 54}
    default = vn.analysis_table("brokerage", rows).records()
    assert sum(x["liaison"] for x in default) == 46 and sum(x["total"] for x in default) == 54
    with pytest.raises(Exception, match="unknown --by"):
        vn.analysis_table("brokerage", rows, by="party")
    with pytest.raises(Exception, match="takes no --by"):
        vn.analysis_table("linkers", rows, by="level")


# ---------------------------------------------------------------- files

def _read_graphml(path):
    """A GraphML file read back with its nodes named by IRI again (GraphML ids are n0, n1, ...)."""
    G = nx.read_graphml(path)
    return nx.relabel_nodes(G, {n: d["iri"] for n, d in G.nodes(data=True)})


def test_export_files_load_back(rows, tmp_path):
    nets = vn.networks(rows)
    written = write_networks(nets, tmp_path)
    assert len(written) == 20
    for name, G in nets.items():
        for reader, suffix in ((_read_graphml, "graphml"), (nx.read_gexf, "gexf")):
            H = reader(tmp_path / f"{name}.{suffix}")
            assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
            node = sorted(G.nodes)[0]
            assert H.nodes[node]["label"] == G.nodes[node]["label"]
            assert H.nodes[node]["kind"] == G.nodes[node]["kind"]
    D = _read_graphml(tmp_path / "district.graphml")
    e = D.edges[ID + "district/amsterdam-overtoomse-veld", ID + "district/utrecht-overvecht"]
    assert e["persons"] == "Annet Bertram" and e["weight"] == 1
    assert e["same_person"] == "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    assert "Clémence Ross-van Dorp" in (tmp_path / "actor.nodes.csv").read_text(encoding="utf-8")
    assert network_bytes(nets["actor"]) == network_bytes(vn.actor_network(rows))


def test_appended_team_changes_the_district_network(sources_copy, tmp_path):
    page = sources_copy / "004_157f315819f9f14b.txt"
    page.write_bytes(page.read_bytes() + (
        "\n\nUtrecht, Kanaleneiland\n\nToelichting (pdf-bestand)\n\nJeugd\n"
        " • Anna Jansen (wethouder, PvdA)\n • Annet Bertram (directeur-generaal VROM)\n"
        " • Els de Wit (Nyenrode)\n • Kees Mol (staatssecretaris van Justitie)\n").encode())
    build(sources_copy, tmp_path, networks=False)
    D = vn.district_network(vn.membership_rows(load_dataset(tmp_path / "vitalegraph.ttl")))
    new = ID + "district/utrecht-kanaleneiland"
    assert D.number_of_nodes() == 13
    links = {D.nodes[n]["label"]: D.edges[new, n] for n in D.neighbors(new)}
    assert links["Overvecht"]["persons"] == "Annet Bertram"
    assert links["Zuidwest"]["ministries"].split("; ") == [
        "Justitie", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"]
    assert links["Zuidwest"]["weight"] == 2


def test_cli_network(built):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "vitalegraph", "network", "district-links", "--format", "csv",
                        "--data", str(built.files[0])], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "district1,district2,persons,ministries,same_person,weight" and len(lines) == 19
    assert "Overtoomse Veld,Overvecht,Annet Bertram,,\"Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer\",1" in lines
    bad = subprocess.run([sys.executable, "-m", "vitalegraph", "network", "nope", "--data", str(built.files[0])],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "unknown network analysis" in bad.stderr


def test_cli_brokerage_by_level(built):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "vitalegraph", "network", "brokerage", "--by", "level", "--format",
                        "csv", "--data", str(built.files[0])], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert {line.split(",")[1] for line in r.stdout.splitlines()[1:]} == {"national", "local", "independent"}
    bad = subprocess.run([sys.executable, "-m", "vitalegraph", "network", "linkers", "--by", "level", "--data",
                          str(built.files[0])], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "takes no --by" in bad.stderr
    assert "--by level" in subprocess.run([sys.executable, "-m", "vitalegraph", "network", "--help"],
                                          capture_output=True, text=True, timeout=60).stdout


def test_parallel_betweenness_equals_networkx():
    """The exact betweenness split over worker processes equals NetworkX's, weights as distances."""
    from vitalegraph.network.measures import _parallel_betweenness

    G = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=3)
    for i, (a, b) in enumerate(G.edges()):
        G[a][b]["d"] = 1.0 / (1 + i % 3)
    expected = nx.betweenness_centrality(G, weight="d")
    got = _parallel_betweenness(G, "d")
    assert max(expected.values()) > 0.01
    assert all(abs(got[v] - expected[v]) < 1e-12 for v in G)
    assert "_w" not in G.graph
