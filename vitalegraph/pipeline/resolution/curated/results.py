"""Curated ``result`` statements: what the text reports was achieved, or what is aimed at.

A result is a node of its own, ``vg:Result`` (``status = "achieved"``, the default) or ``vg:Aim``
(``status = "aim"``): its ``label`` in the text's words; who achieved it or aims at it (``by``:
organisations or, with ``{ name, type = "gemeente" }``, municipalities as written:
``vg:achievedBy``); a number where the text gives one (``quantity``: ``vg:quantity``) with the words
that qualify it (``quantity_words``, "bijna 25", "minimaal driehonderd": ``vg:quantityText``); a
target date (``target``: ``vg:targetDate``); where (``district`` and ``municipality``:
``schema:location``); the places or things it concerns (``about``: names of known entities,
``schema:about``); the project it belongs to (``project``, an id: ``dct:isPartOf``). Its basis is the
statement's: a result the text expects ("In 2012 moeten er nieuwe gebouwen zijn") is
``basis = "announced"``.
"""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Lit, Ref
from ..organisations import organisation
from ..places import district, municipality
from ..resolver import Resolver, handles

_STATUS = {"achieved": "vg:Result", "aim": "vg:Aim"}


@handles("result", rank=120)
def result(r: Resolver, st: Statement, doc) -> None:
    """A result achieved or aimed at: by whom, how many, by when, where, of which project."""
    status = st.get("status", "achieved")
    if status not in _STATUS:
        raise StatementError(f"{st.label}: status must be one of {', '.join(_STATUS)}")
    res = r.entity("result", slug(st.get("id")), st.get("label"))
    st.where(st.get("label"))
    res.add("rdf:type", Lit(_STATUS[status], "curie"), doc.name)
    res.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
    res.basis = st.basis()[0]
    for who in st.get("by", []):
        name, kind = (who, "") if isinstance(who, str) else (who["name"], who.get("type", ""))
        where = st.where(name)
        known = r.known("organisation", name)
        if kind.casefold() in ("gemeente", "municipality"):
            by = municipality(r, where, doc)
        else:
            by = known or organisation(r, where, doc, kind)
            by.mention(where, doc.name)
        res.add("vg:achievedBy", by, doc.name)
    if st.get("quantity") is not None:
        res.add("vg:quantity", Lit(str(st.get("quantity")), "xsd:decimal"), doc.name)
    if st.get("quantity_words"):
        st.where(st.get("quantity_words"))
        res.add("vg:quantityText", Lit(st.get("quantity_words"), lang="nl"), doc.name)
    if st.get("target"):
        res.add("vg:targetDate", r.date(st.get("target"), st.label), doc.name)
    if st.get("district"):
        muni = municipality(r, st.where(st.get("municipality")), doc) if st.get("municipality") else None
        if muni is None:
            raise StatementError(f"{st.label}: a district needs its municipality")
        res.add("schema:location", district(r, muni, st.where(st.get("district")), doc, create=False), doc.name)
    for name in st.get("about", []):
        where = st.where(name)
        hits = [e for e in (r.known(k, name) for k in ("place", "thing", "organisation")) if e is not None]
        if not hits:
            raise StatementError(f"{st.label}: about '{name}', which no [[entity]] names")
        hits[0].mention(where, doc.name)
        res.add("schema:about", hits[0], doc.name)
    if st.get("project"):
        res.add("dct:isPartOf", r.by_id("project", st.get("project"), st.label), doc.name)
    res.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(res)
