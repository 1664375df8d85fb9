"""``district-links``: one row per linked pair of districts, with who and what links them."""

from __future__ import annotations

from ..networks import district_network
from . import analysis


@analysis("district-links", rank=20,
          description="one row per linked pair of districts: the persons and ministries that link them, the weight",
          columns=("district1", "district2", "persons", "ministries", "weight"))
def district_links(rows: list[dict]) -> list[dict]:
    """The edges of the district network, heaviest first."""
    D = district_network(rows)
    recs = [{"district1": D.nodes[a]["label"], "district2": D.nodes[b]["label"], "persons": d["persons"],
             "ministries": d["ministries"], "weight": d["weight"]} for a, b, d in D.edges(data=True)]
    recs.sort(key=lambda r: (-r["weight"], r["district1"], r["district2"]))
    return recs
