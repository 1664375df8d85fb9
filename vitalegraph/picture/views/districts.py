"""The ``districts`` view: the district network, person ties and department ties drawn apart.

Two districts are tied by a person who sits in a team of each (a solid line) and by a department
with different officials in a team of each (a dashed line); a department whose only officials in
both teams are persons who tie them already is no second tie (:func:`vitalegraph.network.district_ties`).
Each edge's label names who and which ministries tie the two districts; "only the linkers" shows
the person ties (``keep``).
"""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ..data import join_facts
from . import view


@view("districts", title="Districts", rank=20,
      description="the district network: districts tied by the persons and ministries they share",
      help="the district network: person ties (solid) and department ties (dashed)",
      encodings=("colour", "size", "solid", "dashed", "width", "faded"))
def districts(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """Districts tied by a shared team member or department; an edge's ``short`` names them."""
    D = vn.district_network(rows)
    teams: dict[str, set] = {}
    labels: dict[str, str] = {}
    for r in rows:
        teams.setdefault(r["district"], set()).add(r["teamLabel"])
        for iri, label, kind in r.get("affiliations", ()):
            if kind == "ministry" and iri in short:
                labels[label] = short[iri]
    G = nx.Graph(name="districts")
    for n, d in sorted(D.nodes(data=True)):
        G.add_node(n, **d, teams=join_facts(teams.get(n, ())), short=f"{d['label']} ({d['municipality']})")
    for (a, b), tie in vn.district_ties(rows).items():
        persons, departments = tie["persons"], tie["departments"]
        same = [f"{labels.get(m, m)} ({', '.join(persons)})" for m in tie["same_person"]]
        attrs = {"persons": join_facts(persons), "ministries": join_facts(departments),
                 "same_person": join_facts(same), "weight": len(persons) + len(departments),
                 "person_count": len(persons), "ministry_count": len(departments),
                 "style": "solid" if persons else "dashed",
                 "short": ", ".join(persons + [labels.get(m, m) for m in departments]),
                 "short_persons": ", ".join(persons), "short_ministries": ", ".join(labels.get(m, m) for m in departments)}
        if persons:
            attrs["keep"] = 1
        G.add_edge(a, b, **attrs)
    for a, b in G.edges():
        if G.edges[a, b].get("keep"):
            G.nodes[a]["keep"] = G.nodes[b]["keep"] = 1
    return G
