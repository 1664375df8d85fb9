"""Curated ``commitment`` statements: what someone commits to, offers or promises, and by when.

A commitment is a node of its own (``vg:Commitment``): who commits (``by``: a person, department or
organisation as the text names it; omitted where the text names a group, such as the members of the
adoption teams, and then ``by_text`` says it as written), what (``label``, the text's words), the
target date where the text gives one (``target``), and the project it belongs to (the pilot of the
same document, where there is one). Its basis is the statement's: a promise or an offer is stated as
made (``basis = "stated"``), what is promised is announced (``content_basis = "announced"``: the
commitment's ``vg:basis`` is then ``vg:Announced``).
"""

from __future__ import annotations

from ...reference import slug
from ...statements import Statement
from ..model import Lit, Ref
from ..organisations import organisation
from ..persons import curated_person
from ..resolver import Resolver, handles


@handles("commitment", rank=110)
def commitment(r: Resolver, st: Statement, doc) -> None:
    """A commitment, offer or promise: who, what, by when."""
    c = r.entity("commitment", slug(st.get("id")), st.get("label"))
    c.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
    st.where(st.get("label"))
    c.basis = st.basis("content", st.basis()[0])[0]
    by = st.get("by")
    if by:
        if st.get("by_type", "person") == "person":
            who, _fn = curated_person(r, st, by, st.get("by_function"), doc)
        else:
            who = organisation(r, st.where(by), doc)
        c.add("vg:committedBy", who, doc.name)
    if st.get("by_text"):
        st.where(st.get("by_text"))
        c.add("vg:committedByText", Lit(st.get("by_text"), lang="nl"), doc.name)
    if st.get("target"):
        c.add("vg:targetDate", r.date(st.get("target"), st.label), doc.name)
    pilot = r.pilot(doc)
    if pilot is not None:
        c.add("dct:isPartOf", pilot, doc.name)
    c.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(c)
