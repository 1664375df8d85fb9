"""``summary``: the size, density and components of each network."""

from __future__ import annotations

from ..measures import summary as _summary
from ..networks import networks
from . import analysis


@analysis("summary", rank=60, description="nodes, edges, density and components of each network",
          columns=("network", "nodes", "edges", "density", "components", "largest_component"))
def summary(rows: list[dict]) -> list[dict]:
    """:func:`vitalegraph.network.summary` of every network."""
    return [_summary(G) for G in networks(rows).values()]
