"""The ``departments`` view: the ministries and the districts they reach, through their officials."""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from ... import network as vn
from ..data import join_facts
from . import view


@view("departments", title="Departments", rank=30,
      description="the ministries and the districts they reach, through their officials",
      help="the ministries and the districts they reach")
def departments(rows: list[dict], short: Mapping[str, str]) -> nx.Graph:
    """Ministries and districts; a ministry lists its officials and districts, a district its ministries."""
    M = vn.ministry_district_network(rows)
    G = nx.Graph(name="departments")
    for n, d in sorted(M.nodes(data=True)):
        d = {k: v for k, v in d.items() if k != "bipartite"}
        if d["kind"] == "ministry":
            d["officials"] = join_facts(x for _a, _b, x in M.edges(n, data="officials"))
            d["districts"] = join_facts(M.nodes[m]["label"] for m in M[n])
            if n in short:
                d["short"] = short[n]
        else:
            d["ministries"] = join_facts(M.nodes[m]["label"] for m in M[n])
        G.add_node(n, **d)
    G.add_edges_from(sorted(M.edges(data=True)))
    return G
