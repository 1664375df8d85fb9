"""``linkers``: the persons and ministries that connect more than one district."""

from __future__ import annotations

from ..networks import linkers as _linkers
from . import analysis


@analysis("linkers", rank=10, description="persons and ministries that connect more than one district, ranked",
          columns=("kind", "name", "districts", "district_names", "via", "iri"))
def linkers(rows: list[dict]) -> list[dict]:
    """:func:`vitalegraph.network.linkers` of the rows."""
    return _linkers(rows)
