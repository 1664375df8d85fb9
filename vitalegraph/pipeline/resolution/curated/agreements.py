"""Curated ``agreement``, ``approach_step`` and ``district_role`` statements."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Entity, Lit, Ref
from ..organisations import department
from ..persons import curated_person, post
from ..resolver import Resolver, handles


@handles("agreement", rank=40)
def agreement(r: Resolver, st: Statement, doc) -> None:
    """An agreement, its signatories and on whose behalf they signed."""
    ag = r.entity("agreement", slug(st.get("id")), st.get("label"))
    ag.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
    ag.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(ag)
    for s in st.get("signatories", []):
        person, _fn = curated_person(r, st, s["name"], s.get("function"), doc)
        ag.add("vg:signatory", person, doc.name)
    for item in st.get("on_behalf_of", []):
        text = st.where(item)
        fw, _rest = r.ref.function(item)
        if fw is not None and not fw.names_department:
            ag.add("vg:onBehalfOf", post(r, fw.function, None, doc.name, fw.function), doc.name)
        else:
            ag.add("vg:onBehalfOf", department(r, text, doc), doc.name)


def _agreement(r: Resolver, st: Statement) -> Entity:
    ag = r.entities.get(f"agreement/{slug(st.get('agreement'))}")
    if ag is None:
        raise StatementError(f"{st.label}: unknown agreement '{st.get('agreement')}'")
    return ag


@handles("approach_step", rank=50)
def approach_step(r: Resolver, st: Statement, doc) -> None:
    """One numbered step of an agreement's approach."""
    ag = _agreement(r, st)
    step = r.entity("step", f"{ag.key.split('/', 1)[1]}-{int(st.get('order'))}", st.evidence.value)
    step.add("vg:order", Lit(str(int(st.get("order"))), "xsd:integer"), doc.name)
    step.add("rdfs:comment", Lit(st.evidence.value, lang="nl"), doc.name)
    st.cite(step, [st.evidence])
    ag.add("vg:approachStep", step, doc.name)


@handles("district_role", rank=60)
def district_role(r: Resolver, st: Statement, doc) -> None:
    """A role an agreement gives the districts."""
    ag = _agreement(r, st)
    where = st.where(st.get("name"))    # the name in the quote, before anything is made of it
    role = r.entity("role", slug(st.get("name")), st.get("name"))
    role.add("skos:prefLabel", Lit(st.get("name"), lang="nl"), doc.name)
    role.mention(where, doc.name)
    st.cite(role, [st.evidence])
    ag.add("vg:districtRole", role, doc.name)
