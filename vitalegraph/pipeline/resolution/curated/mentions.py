"""Curated ``mention`` and ``pilot_city`` statements: names the prose gives to known entities."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import name_key
from ...statements import Statement
from ..places import PLACE_IN_MUNICIPALITY, place_or_municipality
from ..resolver import Resolver, handles


@handles("mention", rank=10)
def mention(r: Resolver, st: Statement, doc) -> None:
    """Another spelling of a known person, place or organisation (``refers_to`` names it as known)."""
    kind = {"person": "person", "district": "district", "municipality": "municipality",
            "organisation": "organisation", "ministry": "department", "department": "department"}.get(st.get("type"))
    if kind is None:
        raise StatementError(f"{st.label}: unknown type '{st.get('type')}'")
    target = st.get("refers_to") or st.get("name")
    ent = None
    if kind == "district":
        hits = [e for e in r.entities.values() if e.kind == "district" and name_key(e.label) == name_key(target)]
        ent = hits[0] if len(hits) == 1 else None
    else:
        ent = r.known(kind, target)
    if ent is None:
        raise StatementError(f"{st.label}: refers to unknown {st.get('type')} '{target}'")
    ent.mention(st.where(st.get("name")), doc.name)
    r.alias(ent, st.get("name"))
    if kind == "district":
        muni = ent.objects("schema:containedInPlace")[0].key
        r.names[("district", muni, name_key(st.get("name")))] = ent.key


@handles("pilot_city", rank=20)
def pilot_city(r: Resolver, st: Statement, doc) -> None:
    """A municipality the press release names as a pilot city."""
    muni, place = place_or_municipality(r, st.where(st.get("name")), doc)
    source = r.entities[f"source/{doc.stem}"]
    if place is None:
        source.add("vg:namesPilotMunicipality", muni, doc.name)
        st.cite(muni, [st.evidence])
        return
    # the text names a place inside a municipality: that it names the place is stated, that it
    # means the municipality's pilot district is the rule place-in-municipality
    source.add("vg:namesPilotPlace", place, doc.name)
    st.cite(place, [st.evidence])
    source.add("vg:namesPilotMunicipality", muni, doc.name, "inferred", PLACE_IN_MUNICIPALITY, st.evidence)
