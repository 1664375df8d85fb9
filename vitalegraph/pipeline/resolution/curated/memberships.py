"""Curated ``membership`` statements: later changes to a team of the listing."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import name_key
from ...statements import Statement
from ..model import Entity, Lit, Ref
from ..persons import add_membership, curated_person
from ..resolver import Resolver, handles

_ROLES = ("municipal-representative", "director-general", "independent-expert", "cabinet-member")


def find_team(r: Resolver, st: Statement) -> Entity:
    muni = r.ref.municipality(st.get("municipality"))
    mkey = f"municipality/{muni.key}" if muni else None
    if mkey is None:
        found = r.known("municipality", st.get("municipality"))
        mkey = found.key if found else None
    hits = [t for (t, m, d, th) in r.teams if m == mkey and name_key(d) == name_key(st.get("district"))
            and (not st.get("theme") or name_key(th) == name_key(st.get("theme")))]
    if len(hits) != 1:
        what = "no team" if not hits else f"{len(hits)} teams (add its theme)"
        raise StatementError(f"{st.label}: {what} in the listing for {st.get('district')}, {st.get('municipality')}")
    return hits[0]


@handles("membership", rank=70)
def membership(r: Resolver, st: Statement, doc) -> None:
    """A later change to a team: a new member, who may replace one of the listing."""
    team = find_team(r, st)
    if st.get("role") not in _ROLES:
        raise StatementError(f"{st.label}: role must be one of {', '.join(_ROLES)}")
    person, fn = curated_person(r, st, st.get("name"), st.get("function"), doc)
    valid = r.date(st.get("from"), st.label)
    # the membership rests on the quote that names the member (the others give its context)
    named = st.where(st.get("name"))
    quote = next(q for q in st.quotes if q.start <= named.start and named.end <= q.end)
    m = add_membership(r, doc, team, person, st.get("role"), fn, st.get("function"), quote, valid, True)
    if st.get("note"):
        m.add("rdfs:comment", Lit(st.get("note"), lang="en"), doc.name)
    if st.get("replaces"):
        old = [e for e in r.entities.values() if e.kind == "membership"
               and Ref(team.key) in e.objects("org:organization")
               and any(name_key(r.entities[o.key].label) == name_key(st.get("replaces"))
                       for o in e.objects("org:member"))]
        if len(old) != 1:
            raise StatementError(f"{st.label}: replaces '{st.get('replaces')}', who is not a member of that team")
        st.where(st.get("replaces"))
        m.add("vg:replaces", old[0], doc.name)
