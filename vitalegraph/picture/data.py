"""What the pictures draw from: the dataset's short names and quotes, and synthetic graphs for benchmarks.

The membership rows themselves come from :func:`vitalegraph.network.membership_rows`; a view
(:mod:`vitalegraph.picture.views`) turns them into the graph it draws.
"""

from __future__ import annotations

from typing import Iterable

from .. import paths
from ..network.networks import SEP

__all__ = ["join_facts", "short_names", "evidence_by_person", "synthetic_graph"]


def join_facts(values: Iterable[str]) -> str:
    """The distinct non-empty *values*, sorted and joined by :data:`SEP`.

    >>> join_facts(["b", "a", "", "b"])
    'a; b'
    """
    return SEP.join(sorted({v for v in values if v}))


def short_names(dataset) -> dict[str, str]:
    """The short name (``skos:notation``, e.g. ``VROM``) of each department, by IRI.

    Runs ``queries/picture/short-names.rq``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).

    Returns
    -------
    dict
        Department IRI -> short name (the first in sorted order where there are several).

    Examples
    --------
    ::

        short_names(load_dataset("data/vitalegraph.ttl"))["https://w3id.org/vitalegraph/id/department/vrom"]
        # 'VROM'
    """
    from ..query.engine import run_query

    out: dict[str, str] = {}
    for rec in run_query(str(paths.QUERIES / "picture" / "short-names.rq"), dataset).records():
        out.setdefault(rec["node"], rec["short"])
    return out


def evidence_by_person(dataset, rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The source quote behind each membership of *rows*, by person IRI.

    Runs the named query ``evidence``; a membership that is not in *rows* (another period) is left out.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    rows : iterable of dict
        Membership rows (:func:`vitalegraph.network.membership_rows`).

    Returns
    -------
    dict
        person IRI -> list of ``{"team", "quote", "file", "start", "end"}``, in source order.

    Examples
    --------
    ::

        ev = evidence_by_person(dataset, membership_rows(dataset))
        ev["https://w3id.org/vitalegraph/id/person/annet-bertram"][0]["quote"]
        # 'Annet Bertram (directeur-generaal VROM)'
    """
    from ..query.engine import run_query

    person_of = {r["membership"]: r["person"] for r in rows}
    out: dict[str, list[dict]] = {}
    for rec in run_query("evidence", dataset).records():
        person = person_of.get(rec["membership"])
        if person is None:
            continue
        item = {"team": rec["team"], "quote": rec["quote"], "file": rec["file"], "start": rec["start"],
                "end": rec["end"]}
        if item not in out.setdefault(person, []):
            out[person].append(item)
    return out


def synthetic_graph(nodes: int = 5000, seed: int = 0):
    """A synthetic coalition graph of about *nodes* nodes, with the kinds and facts of the real one.

    Teams of about six persons in districts of municipalities; officials of a few dozen ministries,
    some experts from organisations; one person in ten sits in two teams. For benchmarks and tests.

    Examples
    --------
    >>> G = synthetic_graph(400)
    >>> G.number_of_nodes()
    400
    >>> sorted({d["kind"] for _n, d in G.nodes(data=True)})
    ['district', 'ministry', 'municipality', 'organisation', 'person', 'team']
    """
    import random

    import networkx as nx

    rng = random.Random(seed)
    n_team = max(1, nodes // 8)
    n_district = max(1, nodes // 16)
    n_muni = max(1, nodes // 64)
    n_min = max(1, min(24, nodes // 200))
    n_org = max(1, nodes // 80)
    n_person = max(0, nodes - n_team - n_district - n_muni - n_min - n_org)
    first = ["Annet", "Atzo", "Clémence", "André", "Ahmed", "Sybilla", "Jan", "Ella", "Doekle", "Piet", "Karien",
             "Maria", "Siebe", "Zoë", "Noël", "Inés", "Björn", "Özlem"]
    last = ["Bertram", "Nicolaï", "Ross-van Dorp", "Rouvoet", "Marcouch", "Dekker", "van der Bos", "Vogelaar",
            "Terpstra", "Donner", "van Gennip", "Peijs", "Riedstra", "Çelik", "de Vries", "Paré", "Østergaard"]
    roles = ("municipal representative", "director-general", "member of the cabinet", "independent expert",
             "independent expert", "municipal representative")
    G = nx.Graph(name=f"synthetic-{nodes}")
    munis = [f"muni/{i}" for i in range(n_muni)]
    for i, m in enumerate(munis):
        G.add_node(m, label=f"Gemeente {i + 1}", kind="municipality")
    mins = [f"ministry/{i}" for i in range(n_min)]
    for i, m in enumerate(mins):
        G.add_node(m, label=f"Ministerie {i + 1}", kind="ministry", short=f"M{i + 1}")
    orgs = [f"org/{i}" for i in range(n_org)]
    for i, o in enumerate(orgs):
        G.add_node(o, label=f"Organisatie {i + 1}", kind="organisation")
    districts = [f"district/{i}" for i in range(n_district)]
    for i, d in enumerate(districts):
        m = munis[i % n_muni]
        G.add_node(d, label=f"Wijk {i + 1}", kind="district", municipality=G.nodes[m]["label"])
        G.add_edge(d, m)
    teams = [f"team/{i}" for i in range(n_team)]
    for i, t in enumerate(teams):
        d = districts[i % n_district]
        G.add_node(t, label=f"{G.nodes[d]['label']}: thema {i + 1}", kind="team", district=G.nodes[d]["label"],
                   municipality=G.nodes[d]["municipality"])
        G.add_edge(t, d)
    for i in range(n_person):
        p = f"person/{i}"
        role = roles[i % len(roles)]
        team = teams[i % n_team]
        attrs = {"label": f"{rng.choice(first)} {rng.choice(last)} {i + 1}", "kind": "person", "role": role}
        if role in ("director-general", "member of the cabinet"):
            m = rng.choice(mins)
            attrs["ministry"] = G.nodes[m]["label"]
            G.add_node(p, **attrs)
            G.add_edge(p, m)
        elif role == "municipal representative":
            attrs["municipality"] = G.nodes[team]["municipality"]
            G.add_node(p, **attrs)
        else:
            G.add_node(p, **attrs)
            if rng.random() < 0.3:
                G.add_edge(p, rng.choice(orgs))
        G.add_edge(p, team)
        if rng.random() < 0.1:
            G.add_edge(p, rng.choice(teams))
    return G
