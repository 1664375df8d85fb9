"""``centrality``: degree, betweenness and PageRank of the actor and district networks."""

from __future__ import annotations

from ..measures import centrality as _centrality
from ..networks import actor_network, district_network
from . import analysis


@analysis("centrality", rank=30,
          description="degree, betweenness (stronger tie = shorter distance) and PageRank on the actor and district networks",
          columns=("network", "label", "kind", "degree", "weighted_degree", "betweenness", "pagerank",
                   "betweenness_method", "iri"))
def centrality(rows: list[dict]) -> list[dict]:
    """:func:`vitalegraph.network.centrality` of the actor network, then of the district network."""
    return [{"network": net, **r} for net, G in (("actor", actor_network(rows)), ("district", district_network(rows)))
            for r in _centrality(G)]
