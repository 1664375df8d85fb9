"""The ``coalitions`` view: persons, adoption teams, districts, municipalities, ministries and
organisations together (edges person–team, team–district, district–municipality, person–ministry,
person–organisation); a person's panel shows the source behind each membership.

The persons and ministries that reach more than one district (the linkers) carry ``reach``; the
nodes and edges that show what they link carry ``keep`` (the page's "only the linkers" control).
"""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ..data import district_reach, join_facts
from . import view


@view("coalitions", title="Coalitions", rank=10, evidence=True,
      description="districts, adoption teams, persons, ministries and municipalities together",
      encodings=("colour", "size", "linker", "solid", "dashed", "dotted", "faded"))
def coalitions(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """The actor–team network with the districts, municipalities, ministries and organisations around it."""
    A = vn.actor_team_network(rows)
    reach = district_reach(rows)
    G = nx.Graph(name="coalitions", minor=("person", "organisation", "municipality"))
    members: dict[str, set] = {}
    for r in rows:
        members.setdefault(r["team"], set()).add(r["personLabel"])
    for n, d in sorted(A.nodes(data=True)):
        d = {k: v for k, v in d.items() if k != "bipartite" and v != ""}
        if d["kind"] == "team":
            theme = d["label"].split(": ", 1)[1] if ": " in d["label"] else d["label"]
            d["short"] = f"{d['district']}: {theme}"
            d["theme"] = theme
            d["members"] = join_facts(members.get(n, ()))
        if d["kind"] == "person":
            d["reach"] = len(reach.get(n, ()))
        G.add_node(n, **d)
    districts: dict[str, dict] = {}
    municipalities: dict[str, dict] = {}
    affiliated: dict[str, dict] = {}
    edges: dict[tuple[str, str], str] = {}
    for r in rows:
        districts.setdefault(r["district"], {"label": r["districtLabel"], "kind": "district",
                                             "municipality": r["municipalityLabel"], "teams": set()})
        districts[r["district"]]["teams"].add(r["teamLabel"])
        municipalities.setdefault(r["municipality"], {"label": r["municipalityLabel"], "kind": "municipality",
                                                      "districts": set()})
        municipalities[r["municipality"]]["districts"].add(r["districtLabel"])
        edges[(r["team"], r["district"])] = "solid"
        edges[(r["district"], r["municipality"])] = "dotted"
        for iri, label, kind in r.get("affiliations", ()):
            if kind in ("ministry", "organisation"):
                a = affiliated.setdefault(iri, {"label": label, "kind": kind, "members": set()})
                a["members"].add(r["personLabel"])
                edges[(r["person"], iri)] = "dashed"
    for group, key in ((districts, "teams"), (municipalities, "districts"), (affiliated, "members")):
        for n, d in sorted(group.items()):
            attrs = {**d, key: join_facts(d[key])}
            if d["kind"] == "district":
                attrs["short"] = f"{d['label']} ({d['municipality']})"
            if n in short:
                attrs["short"] = short[n]
            if d["kind"] == "ministry":
                attrs["reach"] = len(reach.get(n, ()))
            G.add_node(n, **attrs)
    G.add_edges_from((a, b, {"style": "solid"}) for a, b, _d in sorted(A.edges(data=True)))
    G.add_edges_from((a, b, {"style": style}) for (a, b), style in sorted(edges.items()))
    _keep_linkers(G)
    return G


def _keep_linkers(G: nx.Graph) -> None:
    """Mark what "only the linkers" shows: each linker, and the teams and districts it links."""
    keep = set()
    for n, d in G.nodes(data=True):
        if d.get("reach", 0) < 2:
            continue
        keep.add(n)
        persons = [n] if d["kind"] == "person" else [p for p in G[n] if G.nodes[p]["kind"] == "person"]
        for p in persons:
            keep.add(p)
            for t in G[p]:
                if G.nodes[t]["kind"] == "team":
                    keep.add(t)
                    keep.update(x for x in G[t] if G.nodes[x]["kind"] == "district")
    for n in keep:
        G.nodes[n]["keep"] = 1
    for a, b in G.edges():
        if a in keep and b in keep:
            G.edges[a, b]["keep"] = 1
