"""Curated ``project`` and ``adoption`` statements: what followed the pilot."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Lit, Ref
from ..organisations import organisation, party_or_organisation
from ..persons import curated_person
from ..places import district, municipality
from ..resolver import Resolver, handles


#: what a partner does where the text tells it apart: took the initiative, paid, supplies people
_PARTNER_ROLES = {"initiator": "vg:initiator", "funder": "vg:funder", "supplier": "vg:supplier"}


@handles("adoption", rank=80)
def adoption(r: Resolver, st: Statement, doc) -> None:
    """An adoption of an organisation (a school) by a person, and who took it over."""
    adopter, _ = curated_person(r, st, st.get("adopter"), st.get("adopter_function"), doc)
    org = organisation(r, st.where(st.get("organisation")), doc, st.get("organisation_type", ""))
    ad = r.entity("adoption", f"{slug(adopter.label)}-{slug(org.label)}", f"{adopter.label}: {org.label}")
    ad.add("skos:prefLabel", Lit(ad.label), doc.name)
    ad.add("vg:adopter", adopter, doc.name)
    ad.add("vg:adoptedOrganisation", org, doc.name)
    if st.get("district"):
        if not st.get("municipality"):   # as for a project: a district's name alone names no place
            raise StatementError(f"{st.label}: a district needs a municipality")
        muni = municipality(r, st.where(st.get("municipality")), doc)
        ad.add("schema:location", district(r, muni, st.where(st.get("district")), doc, create=False), doc.name)
    ad.basis = st.basis()[0]
    if st.get("successor"):
        succ, _ = curated_person(r, st, st.get("successor"), st.get("successor_function") or st.get("adopter_function"), doc)
        basis, rule = st.basis("successor")
        ad.add("vg:takenOverBy", succ, doc.name, basis, rule, st.quote_of(st.where(st.get("successor"))))
    ad.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(ad)


def _dated(st: Statement, key: str):
    """The quote that gives the date of *key*: the one naming ``<key>_quote``'s words, else the first."""
    words = st.get(f"{key}_words")
    return st.quote_of(st.where(words)) if words else st.evidence


@handles("project", rank=90)
def project(r: Resolver, st: Statement, doc) -> None:
    """A follow-up project: where, with which partners and persons, how much, when."""
    pr = r.entity("project", slug(st.get("id")), st.get("label"))
    pr.add("rdf:type", Lit("vg:FollowUpProject", "curie"), doc.name)
    pr.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
    muni = municipality(r, st.where(st.get("municipality")), doc) if st.get("municipality") else None
    for d in st.get("districts", []):
        if muni is None:
            raise StatementError(f"{st.label}: districts need a municipality")
        pr.add("schema:location", district(r, muni, st.where(d), doc, create=False), doc.name)
    if muni is not None and not st.get("districts"):
        pr.add("schema:location", muni, doc.name)
    for p in st.get("partners", []):
        where = st.where(p["name"])
        if p.get("type", "").casefold() in ("gemeente", "municipality"):
            partner = municipality(r, where, doc)
        elif p.get("type"):
            partner = organisation(r, where, doc, p["type"])
        else:
            partner = party_or_organisation(r, where, doc)
        pr.add("vg:partner", partner, doc.name)
        if p.get("role"):
            if p["role"] not in _PARTNER_ROLES:
                raise StatementError(f"{st.label}: partner role must be one of {', '.join(_PARTNER_ROLES)}")
            pr.add(_PARTNER_ROLES[p["role"]], partner, doc.name)
    for p in st.get("persons", []):
        person, _ = curated_person(r, st, p["name"], p.get("function"), doc)
        pr.add("vg:involvedPerson", person, doc.name)
    for name in st.get("names", []):      # what the text also calls it, as written
        pr.mention(st.where(name), doc.name)
        r.alias(pr, name)
    if st.get("subsidised") is not None:  # "zonder subsidie": whether it works with a subsidy
        if not isinstance(st.get("subsidised"), bool) or not st.get("subsidised_words"):
            raise StatementError(f"{st.label}: subsidised must be true or false, with subsidised_words as written")
        st.where(st.get("subsidised_words"))
        pr.add("vg:subsidised", Lit("true" if st.get("subsidised") else "false", "xsd:boolean"), doc.name)
    if st.get("amount") is not None:
        pr.add("vg:amount", Lit(str(st.get("amount")), "xsd:decimal"), doc.name)
        if st.get("currency"):
            pr.add("vg:currency", Lit(st.get("currency")), doc.name)
    pr.basis = st.basis()[0]
    # start: the source says it started then; presented: it was presented then; date (older
    # statement files): a date the source gives the project without saying what happened then, kept
    # as no more than that (dct:date), never as a start
    for key, pred in (("start", "schema:startDate"), ("presented", "vg:presentedOn"), ("date", "dct:date")):
        if st.get(key):
            basis, rule = st.basis(key)
            pr.add(pred, r.date(st.get(key), st.label), doc.name, basis, rule, _dated(st, key))
    if st.get("publication"):
        pr.add("vg:reportedIn", r.by_id("publication", st.get("publication"), st.label), doc.name)
    if st.get("description"):
        pr.add("rdfs:comment", Lit(st.get("description"), lang="en"), doc.name)
    pr.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(pr)
