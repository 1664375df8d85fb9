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


#: the rule that reads a later description of a team naming another person in a listed member's role
#: as that person replacing the listed one (an ontology vg:Rule)
LATER_DESCRIPTION_REPLACES = "later-description-replaces"


@handles("membership", rank=70)
def membership(r: Resolver, st: Statement, doc) -> None:
    """A later change to a team: a new member, who may replace one of the listing.

    ``as_of`` is the date at which the source describes the team with this member (``vg:asOf``);
    ``from`` a start the source states (``vg:validFrom``). ``replaces`` is inferred by the rule
    ``later-description-replaces`` unless ``replaces_basis`` says the source states it.
    """
    team = find_team(r, st)
    if st.get("role") not in _ROLES:
        raise StatementError(f"{st.label}: role must be one of {', '.join(_ROLES)}")
    if not (st.get("as_of") or st.get("from")):
        raise StatementError(f"{st.label}: missing key 'as_of' (the date the source describes the team) or 'from'")
    person, fn = curated_person(r, st, st.get("name"), st.get("function"), doc)
    as_of = r.date(st.get("as_of") or st.get("from"), st.label)
    # the membership rests on the quote that names the member (the others give its context)
    quote = st.quote_of(st.where(st.get("name")))
    fn = {**fn, "text": st.get("function")}
    m = add_membership(r, doc, team, person, st.get("role"), fn, quote, True, as_of=as_of if st.get("as_of") else None)
    m.basis = st.basis()[0]
    if st.get("from"):
        m.add("vg:validFrom", r.date(st.get("from"), st.label), doc.name)
    if st.get("note"):
        m.add("rdfs:comment", Lit(st.get("note"), lang="en"), doc.name)
    if st.get("replaces"):
        old = [e for e in r.entities.values() if e.kind == "membership" and e is not m   # not the new one itself
               and Ref(team.key) in e.objects("org:organization")
               and any(name_key(r.entities[o.key].label) == name_key(st.get("replaces"))
                       for o in e.objects("org:member"))]
        if len(old) != 1:
            raise StatementError(f"{st.label}: replaces '{st.get('replaces')}', who is not a member of that team")
        named = st.where(st.get("replaces"))
        basis, rule = st.basis("replaces", "inferred", LATER_DESCRIPTION_REPLACES)
        m.add("vg:replaces", old[0], doc.name, basis, rule, quote if basis == "inferred" else st.quote_of(named))
