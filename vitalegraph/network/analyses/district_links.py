"""``district-links``: one row per linked pair of districts, with who and what links them.

The rule is :func:`vitalegraph.network.district_ties`, the same as the districts picture's: a
department whose only officials in both teams are persons who link the two districts already is
no second link; it is listed under ``same_person`` and not counted in the ``weight``.
"""

from __future__ import annotations

from ..networks import district_network
from . import analysis


@analysis("district-links", rank=20,
          description="one row per linked pair of districts: the persons and ministries that link them, the weight",
          columns=("district1", "district2", "persons", "ministries", "same_person", "weight"))
def district_links(rows: list[dict]) -> list[dict]:
    """The edges of the district network, heaviest first.

    ``ministries`` are the department ties; ``same_person`` the departments whose only officials in
    both teams are the pair's ``persons``; ``weight`` counts persons and department ties.
    """
    D = district_network(rows)
    recs = [{"district1": D.nodes[a]["label"], "district2": D.nodes[b]["label"], "persons": d["persons"],
             "ministries": d["ministries"], "same_person": d["same_person"], "weight": d["weight"]}
            for a, b, d in D.edges(data=True)]
    recs.sort(key=lambda r: (-r["weight"], r["district1"], r["district2"]))
    return recs
