"""``brokerage``: the Gould-Fernandez brokerage roles of the actor network."""

from __future__ import annotations

import networkx as nx

from ..measures import GROUPINGS, brokerage as _brokerage, group_persons
from ..networks import actor_network
from . import analysis


@analysis("brokerage", rank=40,
          description="Gould-Fernandez brokerage roles on the actor network, grouped by affiliation "
                      "(department or municipality) or, with --by level, by level of government",
          columns=("label", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                   "total", "iri"),
          options={"by": tuple(GROUPINGS)})
def brokerage(rows: list[dict], by: str = "affiliation") -> list[dict]:
    """The brokerage counts of each person, the groups by :func:`vitalegraph.network.group_persons`."""
    A = actor_network(rows)
    nx.set_node_attributes(A, group_persons(A, by), "group")
    counts = _brokerage(A, "group")
    recs = [{"label": A.nodes[n]["label"], "group": A.nodes[n]["group"], **c, "iri": n} for n, c in counts.items()]
    recs.sort(key=lambda r: (-r["total"], r["label"]))
    return recs
