"""Curated ``entity`` statements: a named organisation, place or thing the prose mentions.

``type`` says what the text makes it: ``organisation`` (with ``organisation_type`` as written, such as
``basisschool``: ``dct:type``), ``place`` (a ``schema:Place``, such as a street) or ``thing`` (a
``schema:Thing``: the text names it but does not say what it is). ``refers_to`` joins another
spelling to a known one (the curator's judgement, as for ``[[mention]]``). Where the text places it,
``district`` and ``municipality`` give its ``schema:location`` (with ``location_basis`` and
``location_rule`` where that is inferred); ``theme`` the team theme that names it (the theme
``schema:mentions`` it); ``mentioned_in`` the publication (by id) that names it (``schema:mentions``).
"""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Lit
from ..organisations import organisation
from ..places import district, municipality
from ..resolver import Resolver, handles

_TYPES = {"organisation": "organisation", "place": "place", "thing": "thing"}


@handles("entity", rank=85)
def entity(r: Resolver, st: Statement, doc) -> None:
    """A named organisation, place or thing: what it is, where, and what names it."""
    kind = _TYPES.get(st.get("type", "thing"))
    if kind is None:
        raise StatementError(f"{st.label}: type must be one of {', '.join(_TYPES)}")
    named = st.where(st.get("name"))
    if st.get("refers_to"):
        ent = r.known(kind, st.get("refers_to"))
        if ent is None:
            raise StatementError(f"{st.label}: refers to unknown {kind} '{st.get('refers_to')}'")
        ent.mention(named, doc.name)
        r.alias(ent, st.get("name"))
    elif kind == "organisation":
        ent = organisation(r, named, doc)
    else:
        ent = r.known(kind, st.get("name")) or r.entity(kind, slug(st.get("name")), st.get("name"))
        ent.add("skos:prefLabel", Lit(ent.label, lang="nl"), doc.name)
        ent.mention(named, doc.name)
    if st.get("organisation_type"):
        ent.add("dct:type", Lit(st.get("organisation_type")), doc.name)
    if st.get("district"):
        if not st.get("municipality"):
            raise StatementError(f"{st.label}: a district needs its municipality")
        muni = municipality(r, st.where(st.get("municipality")), doc)
        area = district(r, muni, st.where(st.get("district")), doc, create=False)
        basis, rule = st.basis("location")
        ent.add("schema:location", area, doc.name, basis, rule, st.quote_of(st.where(st.get("district"))))
    if st.get("theme"):
        theme = r.known("theme", st.get("theme"))
        if theme is None:
            raise StatementError(f"{st.label}: no team theme '{st.get('theme')[:60]}' in the listing")
        theme.add("schema:mentions", ent, doc.name)
    if st.get("mentioned_in"):
        r.by_id("publication", st.get("mentioned_in"), st.label).add("schema:mentions", ent, doc.name)
    if st.get("description"):
        ent.add("rdfs:comment", Lit(st.get("description"), lang="en"), doc.name)
    st.cite(ent)
