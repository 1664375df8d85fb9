"""The ``districts`` view: the district network, each edge labelled by who and which ministries link them."""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ...network.networks import SEP
from ..data import join_facts
from . import view


@view("districts", title="Districts", rank=20,
      description="the district network: districts linked by the persons and ministries they share",
      help="the district network, edges labelled by who and which ministries link them")
def districts(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """Districts linked by a shared team member or department; an edge's ``short`` names them."""
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
        G.add_node(n, **d, teams=join_facts(teams.get(n, ())))
    for a, b, d in sorted(D.edges(data=True)):
        who = [p for p in d["persons"].split(SEP) if p]
        mins = [labels.get(m, m) for m in d["ministries"].split(SEP) if m]
        G.add_edge(a, b, **d, short=", ".join(who + mins))
    return G
