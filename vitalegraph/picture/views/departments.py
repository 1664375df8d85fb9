"""The ``departments`` view: the ministries and the districts they reach, through their officials.

A ministry that reaches more than one district (a linker) carries ``reach``; "only the linkers"
shows those ministries and their districts (``keep``).
"""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ..data import join_facts
from . import view


@view("departments", title="Departments", rank=30,
      description="the ministries and the districts they reach, through their officials",
      help="the ministries and the districts they reach",
      encodings=("colour", "size", "linker", "solid", "width", "faded"))
def departments(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """Ministries and districts; a ministry lists its officials and districts, a district its ministries."""
    M = vn.ministry_district_network(rows)
    G = nx.Graph(name="departments", edge_labels=False)
    for n, d in sorted(M.nodes(data=True)):
        d = {k: v for k, v in d.items() if k != "bipartite"}
        if d["kind"] == "ministry":
            d["officials"] = join_facts(x for _a, _b, x in M.edges(n, data="officials"))
            d["districts"] = join_facts(M.nodes[m]["label"] for m in M[n])
            d["reach"] = len(M[n])
            if n in short:
                d["short"] = short[n]
        else:
            d["ministries"] = join_facts(M.nodes[m]["label"] for m in M[n])
            d["short"] = f"{d['label']} ({d['municipality']})"
        G.add_node(n, **d)
    for a, b, d in sorted(M.edges(data=True)):
        G.add_edge(a, b, **d, style="solid", short=d["officials"].replace("; ", ", "))
    keep = {n for n, d in G.nodes(data=True) if d.get("reach", 0) >= 2}
    keep |= {x for n in list(keep) for x in G[n]}
    for n in keep:
        G.nodes[n]["keep"] = 1
    for a, b in G.edges():
        if G.nodes[a].get("reach", 0) >= 2 or G.nodes[b].get("reach", 0) >= 2:
            G.edges[a, b]["keep"] = 1
    return G
