"""The networks: who links which districts across departments, as NetworkX graphs.

The networks are built from the RDF graph through SPARQL (``queries/network/memberships.rq``),
never from the parser's output: :func:`membership_rows` runs the query, and every other function
works on those rows or on NetworkX graphs, free of I/O.

Networks (one function each; node ids are IRIs, every node has plain-string attributes ``label``,
``kind`` and, where they apply, ``role``, ``ministry``, ``party``, ``municipality``):

* :func:`actor_team_network` — two-mode: persons and adoption teams;
* :func:`actor_network` — one-mode co-membership, ``weight`` = teams shared;
* :func:`district_network` — districts linked by a shared team member or a shared department
  (:func:`district_ties`: a department whose only officials in both teams are persons who link
  them already is no second link);
* :func:`ministry_district_network` — which department reaches which district, through whom.

:func:`linkers` reads the rows directly; the measures of a graph are in :mod:`.measures`, the
analyses that ``vitalegraph network NAME`` prints in :mod:`.analyses`.

Examples
--------
>>> rows = [
...   {"membership": "m1", "person": "p:a", "personLabel": "A", "team": "t:1", "teamLabel": "T1",
...    "district": "d:1", "districtLabel": "D1", "municipality": "g:x", "municipalityLabel": "X",
...    "roleLabel": "director-general", "affiliation": "min:v", "affiliationLabel": "V",
...    "affiliationKind": "ministry", "laterChange": False, "replaced": False},
...   {"membership": "m2", "person": "p:a", "personLabel": "A", "team": "t:2", "teamLabel": "T2",
...    "district": "d:2", "districtLabel": "D2", "municipality": "g:y", "municipalityLabel": "Y",
...    "roleLabel": "director-general", "affiliation": "min:v", "affiliationLabel": "V",
...    "affiliationKind": "ministry", "laterChange": False, "replaced": False}]
>>> D = district_network(rows)
>>> sorted(D.edges(data="persons"))
[('d:1', 'd:2', 'A')]
>>> D.edges["d:1", "d:2"]["weight"], D.edges["d:1", "d:2"]["same_person"]
(1, 'V')
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Iterable

import networkx as nx

__all__ = [
    "PERIODS", "SEP", "membership_rows", "select_period", "actor_team_network", "actor_network",
    "district_ties", "district_network", "ministry_district_network", "networks", "linkers",
]

#: ``all``: every membership; ``start``: the team listing (the start of the pilot);
#: ``latest``: later changes applied (a replaced membership left out)
PERIODS = ("all", "start", "latest")
#: how several values of one attribute are joined into one string
SEP = "; "


def membership_rows(dataset) -> list[dict]:
    """One dict per membership (with all its affiliations), from the graph through SPARQL.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).

    Returns
    -------
    list of dict
        Keys as the variables of ``queries/network/memberships.rq``; ``affiliations`` is a list of
        ``(iri, label, kind)`` with kind ``ministry``, ``party`` or ``organisation``.
    """
    from .. import paths
    from ..query.engine import run_query

    table = run_query(str(paths.QUERIES / "network" / "memberships.rq"), dataset)
    by_id: dict[str, dict] = {}
    for rec in table.records():
        row = by_id.get(rec["membership"])
        if row is None:
            row = by_id[rec["membership"]] = {k: v for k, v in rec.items()
                                              if not k.startswith("affiliation")}
            row["affiliations"] = []
        if rec.get("affiliation"):
            aff = (rec["affiliation"], rec["affiliationLabel"], rec["affiliationKind"])
            if aff not in row["affiliations"]:
                row["affiliations"].append(aff)
    return [by_id[k] for k in sorted(by_id)]


def _affiliations(row: dict) -> list[tuple[str, str, str]]:
    if "affiliations" in row:
        return row["affiliations"]
    if row.get("affiliation"):
        return [(row["affiliation"], row.get("affiliationLabel", ""), row.get("affiliationKind", "organisation"))]
    return []


def select_period(rows: Iterable[dict], period: str = "all") -> list[dict]:
    """The memberships of one *period* (see :data:`PERIODS`).

    Raises
    ------
    ValueError
        For an unknown period.
    """
    if period not in PERIODS:
        raise ValueError(f"unknown period '{period}'; choose one of {', '.join(PERIODS)}")
    rows = list(rows)
    if period == "start":
        return [r for r in rows if not r.get("laterChange")]
    if period == "latest":
        return [r for r in rows if not r.get("replaced")]
    return rows


def _ministries(row: dict) -> list[tuple[str, str]]:
    return [(iri, label) for iri, label, kind in _affiliations(row) if kind == "ministry"]


def _person_attrs(rows: list[dict]) -> dict[str, dict]:
    """Plain-string attributes of each person: label, kind, role(s), ministry, party, municipality."""
    out: dict[str, dict] = {}
    for r in rows:
        a = out.setdefault(r["person"], {"label": r["personLabel"], "kind": "person", "roles": set(),
                                         "ministry": set(), "party": set(), "organisation": set(),
                                         "municipality": set(), "teams": set(), "districts": set(),
                                         "function": set()})
        a["roles"].add(r["roleLabel"])
        if r.get("functionText"):
            a["function"].add(r["functionText"])
        a["teams"].add(r["teamLabel"])
        a["districts"].add(r["districtLabel"])
        if r["roleLabel"] == "municipal representative":
            a["municipality"].add(r["municipalityLabel"])
        for _iri, label, kind in _affiliations(r):
            a["ministry" if kind == "ministry" else kind].add(label)
    return {p: {"label": a["label"], "kind": "person", "role": SEP.join(sorted(a["roles"])),
                "ministry": SEP.join(sorted(a["ministry"])), "party": SEP.join(sorted(a["party"])),
                "organisation": SEP.join(sorted(a["organisation"])),
                "municipality": SEP.join(sorted(a["municipality"])), "function": SEP.join(sorted(a["function"])),
                "teams": SEP.join(sorted(a["teams"])), "districts": SEP.join(sorted(a["districts"]))}
            for p, a in out.items()}


def actor_team_network(rows: Iterable[dict]) -> nx.Graph:
    """The two-mode network of persons (``bipartite=0``) and adoption teams (``bipartite=1``).

    An edge per membership, with ``role`` (the coalition role) and ``function`` (as written).

    Notes
    -----
    O(memberships).
    """
    rows = list(rows)
    G = nx.Graph(name="actor-team")
    for p, attrs in sorted(_person_attrs(rows).items()):
        G.add_node(p, bipartite=0, **attrs)
    teams = {}
    for r in rows:
        teams[r["team"]] = {"label": r["teamLabel"], "kind": "team", "district": r["districtLabel"],
                            "municipality": r["municipalityLabel"], "bipartite": 1}
    for t, attrs in sorted(teams.items()):
        G.add_node(t, **attrs)
    for r in sorted(rows, key=lambda r: (r["person"], r["team"])):
        G.add_edge(r["person"], r["team"], role=r["roleLabel"], function=r.get("functionText") or "")
    return G


def actor_network(rows: Iterable[dict]) -> nx.Graph:
    """The one-mode co-membership network of persons; ``weight`` = teams they share.

    Edges also carry ``teams`` (the shared teams' labels). An isolated person stays as a node.

    Notes
    -----
    O(sum over teams of members²).
    """
    rows = list(rows)
    G = nx.Graph(name="actor")
    for p, attrs in sorted(_person_attrs(rows).items()):
        G.add_node(p, **attrs)
    members: dict[str, set[str]] = defaultdict(set)
    labels = {}
    for r in rows:
        members[r["team"]].add(r["person"])
        labels[r["team"]] = r["teamLabel"]
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for team, persons in members.items():
        for a, b in combinations(sorted(persons), 2):
            shared[(a, b)].add(labels[team])
    for (a, b), teams in sorted(shared.items()):
        G.add_edge(a, b, weight=len(teams), teams=SEP.join(sorted(teams)))
    return G


def district_ties(rows: Iterable[dict]) -> dict[tuple[str, str], dict]:
    """The ties between two districts, person ties and department ties counted apart.

    A **person tie**: one person sits in a team of each district. A **department tie**: one
    department has officials in a team of each, and they are not only persons who tie the two
    districts already (a director-general who is her ministry's only official in both teams is one
    tie, a person tie; the department is then listed under ``same_person``).

    Returns
    -------
    dict
        ``(district a, district b)`` (a < b) -> ``{"persons": [labels], "departments": [labels],
        "same_person": [labels]}``, each list sorted.

    Examples
    --------
    >>> rows = [{"person": "p", "personLabel": "P", "district": d, "affiliations": [("m", "M", "ministry")]}
    ...         for d in "ab"] + [{"person": q, "personLabel": q.upper(), "district": d,
    ...         "affiliations": [("n", "N", "ministry")]} for q, d in (("q", "a"), ("r", "b"))]
    >>> district_ties(rows)[("a", "b")]
    {'persons': ['P'], 'departments': ['N'], 'same_person': ['M']}

    Notes
    -----
    O(sum over persons and departments of districts²).
    """
    person_districts: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    officials: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        person_districts[r["person"]].add(r["district"])
        names[r["person"]] = r["personLabel"]
        for iri, label in _ministries(r):
            officials[iri][r["district"]].add(r["person"])
            names[iri] = label
    ties: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(
        lambda: {"persons": set(), "departments": set(), "same_person": set()})
    for p, districts in person_districts.items():
        for a, b in combinations(sorted(districts), 2):
            ties[(a, b)]["persons"].add(p)
    for m, reach in officials.items():
        for a, b in combinations(sorted(reach), 2):
            t = ties[(a, b)]
            t["same_person" if reach[a] | reach[b] <= t["persons"] else "departments"].add(m)
    return {k: {f: sorted(names[x] for x in v[f]) for f in ("persons", "departments", "same_person")}
            for k, v in sorted(ties.items())}


def district_network(rows: Iterable[dict]) -> nx.Graph:
    """Districts tied by a shared team member or department, by the rule of :func:`district_ties`.

    Two different districts are tied through a person who sits in a team of each, and through a
    department that has an official in a team of each unless its only officials there are persons
    who tie the two already. Each edge carries ``persons`` and ``ministries`` (the department ties),
    ``same_person`` (the departments whose tie is a person's; labels joined by ``"; "``), the counts
    ``person_count`` and ``ministry_count``, and ``weight``: the number of distinct ties (persons
    plus department ties). Two teams in one district make no self-link.

    Notes
    -----
    O(sum over persons and departments of districts²).
    """
    rows = list(rows)
    G = nx.Graph(name="district")
    for r in rows:
        G.add_node(r["district"], label=r["districtLabel"], kind="district", municipality=r["municipalityLabel"])
    H = nx.Graph(name="district")
    H.add_nodes_from(sorted(G.nodes(data=True)))
    for (a, b), t in district_ties(rows).items():
        H.add_edge(a, b, persons=SEP.join(t["persons"]), ministries=SEP.join(t["departments"]),
                   same_person=SEP.join(t["same_person"]), person_count=len(t["persons"]),
                   ministry_count=len(t["departments"]), weight=len(t["persons"]) + len(t["departments"]))
    return H


def ministry_district_network(rows: Iterable[dict]) -> nx.Graph:
    """Two-mode network: departments (``bipartite=0``) and the districts they reach (``bipartite=1``).

    An edge means the department has an official in a team of that district; it carries
    ``officials`` (labels) and ``weight`` (their number).
    """
    rows = list(rows)
    G = nx.Graph(name="ministry-district")
    officials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        for iri, label in _ministries(r):
            G.add_node(iri, label=label, kind="ministry", bipartite=0)
            officials[(iri, r["district"])].add(r["personLabel"])
        G.add_node(r["district"], label=r["districtLabel"], kind="district", municipality=r["municipalityLabel"],
                   bipartite=1)
    H = nx.Graph(name="ministry-district")
    H.add_nodes_from(sorted(G.nodes(data=True)))
    for (m, d), who in sorted(officials.items()):
        H.add_edge(m, d, officials=SEP.join(sorted(who)), weight=len(who))
    return H


def networks(rows: Iterable[dict]) -> dict[str, nx.Graph]:
    """All four networks of *rows*, by name."""
    rows = list(rows)
    return {"actor-team": actor_team_network(rows), "actor": actor_network(rows),
            "district": district_network(rows), "ministry-district": ministry_district_network(rows)}


def linkers(rows: Iterable[dict]) -> list[dict]:
    """The persons and departments that connect more than one district, most districts first.

    Returns
    -------
    list of dict
        ``kind`` (person or ministry), ``name``, ``iri``, ``districts`` (count), ``district_names``
        and ``via`` (for a department: its officials).

    >>> rows = [{"person": "p", "personLabel": "P", "district": d, "districtLabel": d.upper(),
    ...          "affiliations": []} for d in ("a", "b")]
    >>> [(x["name"], x["districts"], x["district_names"]) for x in linkers(rows)]
    [('P', 2, 'A; B')]
    """
    rows = list(rows)
    reach: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    via: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        reach[("person", r["person"], r["personLabel"])].add(r["districtLabel"])
        for iri, label in _ministries(r):
            reach[("ministry", iri, label)].add(r["districtLabel"])
            via[iri].add(r["personLabel"])
    out = [{"kind": kind, "name": label, "iri": iri, "districts": len(ds), "district_names": SEP.join(sorted(ds)),
            "via": SEP.join(sorted(via.get(iri, ())))}
           for (kind, iri, label), ds in reach.items() if len(ds) > 1]
    return sorted(out, key=lambda x: (-x["districts"], x["kind"], x["name"]))
