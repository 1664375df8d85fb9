"""``brokerage``: the Gould-Fernandez brokerage roles of the actor network."""

from __future__ import annotations

import networkx as nx

from ..measures import actor_groups, brokerage as _brokerage
from ..networks import actor_network
from . import analysis


@analysis("brokerage", rank=40,
          description="Gould-Fernandez brokerage roles on the actor network, grouped by department or municipality",
          columns=("label", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                   "total", "iri"))
def brokerage(rows: list[dict]) -> list[dict]:
    """The brokerage counts of each person, the groups by :func:`vitalegraph.network.actor_groups`."""
    A = actor_network(rows)
    nx.set_node_attributes(A, actor_groups(A), "group")
    counts = _brokerage(A, "group")
    recs = [{"label": A.nodes[n]["label"], "group": A.nodes[n]["group"], **c, "iri": n} for n, c in counts.items()]
    recs.sort(key=lambda r: (-r["total"], r["label"]))
    return recs
