"""The ``coalitions`` view: persons, adoption teams, districts, municipalities, ministries and
organisations together (edges person–team, team–district, district–municipality, person–ministry,
person–organisation); a person's panel shows the source quote behind each membership.
"""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ..data import join_facts
from . import view


@view("coalitions", title="Coalitions", rank=10, evidence=True,
      description="districts, adoption teams, persons, ministries and municipalities together")
def coalitions(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """The actor–team network with the districts, municipalities, ministries and organisations around it."""
    A = vn.actor_team_network(rows)
    G = nx.Graph(name="coalitions")
    for n, d in sorted(A.nodes(data=True)):
        d = {k: v for k, v in d.items() if k != "bipartite" and v != ""}
        if d["kind"] == "team" and ": " in d["label"]:
            d["short"] = d["label"].split(": ", 1)[1]
        G.add_node(n, **d)
    districts: dict[str, dict] = {}
    municipalities: dict[str, dict] = {}
    affiliated: dict[str, dict] = {}
    edges = set()
    for r in rows:
        districts.setdefault(r["district"], {"label": r["districtLabel"], "kind": "district",
                                             "municipality": r["municipalityLabel"], "teams": set()})
        districts[r["district"]]["teams"].add(r["teamLabel"])
        municipalities.setdefault(r["municipality"], {"label": r["municipalityLabel"], "kind": "municipality",
                                                      "districts": set()})
        municipalities[r["municipality"]]["districts"].add(r["districtLabel"])
        edges.add((r["team"], r["district"]))
        edges.add((r["district"], r["municipality"]))
        for iri, label, kind in r.get("affiliations", ()):
            if kind in ("ministry", "organisation"):
                a = affiliated.setdefault(iri, {"label": label, "kind": kind, "members": set()})
                a["members"].add(r["personLabel"])
                edges.add((r["person"], iri))
    for group, key in ((districts, "teams"), (municipalities, "districts"), (affiliated, "members")):
        for n, d in sorted(group.items()):
            attrs = {**d, key: join_facts(d[key])}
            if n in short:
                attrs["short"] = short[n]
            G.add_node(n, **attrs)
    G.add_edges_from(sorted(A.edges(data=True)))
    G.add_edges_from(sorted(edges))
    return G
