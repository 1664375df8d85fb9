"""Curated ``pilot`` and ``programme`` statements: what the text says of the pilot itself, and of the
programmes it relates to.

``[[pilot]]`` adds to the pilot of the document's team listing (its ``vg:Project``): the ``name``
the text gives it (a spelling), its central question(s) (``questions``: ``vg:centralQuestion``), its
key words (``keywords``: ``schema:keywords``), and the department whose pilot it was
(``department``: ``vg:pilotOf``). ``[[programme]]`` is another programme the text names (a
``vg:Programme``: the 56-district approach of a minister, say): whose it is (``by``:
``prov:wasAttributedTo``), what it is aimed at (``focus``: ``vg:focus``), and how it relates to this
pilot or agreement (``related``: ``dct:relation``; ``influenced_by``: ``prov:wasInfluencedBy``, where
the text says the programme took up the pilot's lessons). Every value is written as the text writes
it and must stand in one of the statement's quotes.
"""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Entity, Lit, Ref
from ..organisations import department
from ..persons import curated_person
from ..resolver import Resolver, handles


def _pilot(r: Resolver, st: Statement, doc) -> Entity:
    pilot = r.pilot(doc)
    if pilot is None:
        raise StatementError(f"{st.label}: {doc.name} has no team listing, so no pilot")
    return pilot


def _as_written(st: Statement, key: str) -> list[str]:
    value = st.get(key, [])
    values = [value] if isinstance(value, str) else value
    for v in values:
        st.where(v)      # each must stand in a quote
    return values


@handles("pilot", rank=35)
def pilot(r: Resolver, st: Statement, doc) -> None:
    """The pilot's name as the text writes it, its central question, key words and department."""
    p = _pilot(r, st, doc)
    if st.get("name"):
        p.mention(st.where(st.get("name")), doc.name)
        r.alias(p, st.get("name"))
    for q in _as_written(st, "questions"):
        p.add("vg:centralQuestion", Lit(q, lang="nl"), doc.name)
    for k in _as_written(st, "keywords"):
        p.add("schema:keywords", Lit(k, lang="nl"), doc.name)
    if st.get("department"):
        p.add("vg:pilotOf", department(r, st.where(st.get("department")), doc), doc.name)
    st.cite(p)


@handles("programme", rank=45)
def programme(r: Resolver, st: Statement, doc) -> None:
    """A programme the text relates to the pilot or the agreement: whose, aimed at what, how related."""
    name = st.get("name")
    pr = r.entity("programme", slug(st.get("id")), st.get("label") or name)
    pr.add("skos:prefLabel", Lit(pr.label, lang="nl"), doc.name)
    pr.mention(st.where(name), doc.name)
    if st.get("by"):
        who, _fn = curated_person(r, st, st.get("by"), st.get("by_function"), doc)
        pr.add("prov:wasAttributedTo", who, doc.name)
    for f in _as_written(st, "focus"):
        pr.add("vg:focus", Lit(f, lang="nl"), doc.name)
    for key, pred in (("related", "dct:relation"), ("influenced_by", "prov:wasInfluencedBy")):
        target = st.get(key)
        if not target:
            continue
        if target == "pilot":
            other = _pilot(r, st, doc)
        else:
            other = r.entities.get(f"agreement/{slug(target)}") or r.entities.get(f"programme/{slug(target)}")
            if other is None:
                raise StatementError(f"{st.label}: {key} '{target}' is neither 'pilot' nor a known agreement or programme")
        basis, rule = st.basis(key)
        pr.add(pred, other, doc.name, basis, rule, st.evidence)
    if st.get("description"):
        pr.add("rdfs:comment", Lit(st.get("description"), lang="en"), doc.name)
    pr.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(pr)
