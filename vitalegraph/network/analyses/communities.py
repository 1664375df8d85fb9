"""``communities``: the Louvain communities of the actor and district networks."""

from __future__ import annotations

from ..measures import communities as _communities
from ..networks import actor_network, district_network
from . import analysis


@analysis("communities", rank=50, description="Louvain communities (seed 0) of the actor and district networks",
          columns=("network", "community", "label", "kind", "iri"))
def communities(rows: list[dict]) -> list[dict]:
    """:func:`vitalegraph.network.communities` of the actor network, then of the district network."""
    return [{"network": net, **r} for net, G in (("actor", actor_network(rows)), ("district", district_network(rows)))
            for r in _communities(G)]
