"""Curated ``person_function`` statements: what the prose says a known person is or does.

``function`` as the text writes it (a function word makes an ``org:Post``, any other words the
person's ``schema:jobTitle``); ``organisation`` where the text names one (``schema:worksFor``);
``portfolio`` the field of an alderman or minister as written (``vg:portfolio``); ``successor_of`` the
person whose successor the text says this one is (``vg:successorOf``).
"""

from __future__ import annotations

from ...statements import Statement
from ..model import Lit
from ..organisations import organisation
from ..persons import curated_person
from ..resolver import Resolver, handles


@handles("person_function", rank=65)
def person_function(r: Resolver, st: Statement, doc) -> None:
    """A known person's function, organisation, portfolio or predecessor."""
    who, _fn = curated_person(r, st, st.get("name"), st.get("function"), doc)
    if st.get("organisation"):
        org = organisation(r, st.where(st.get("organisation")), doc)
        basis, rule = st.basis("organisation")
        who.add("schema:worksFor", org, doc.name, basis, rule, st.quote_of(st.where(st.get("organisation"))))
    if st.get("portfolio"):
        where = st.where(st.get("portfolio"))
        who.add("vg:portfolio", Lit(st.get("portfolio"), lang="nl"), doc.name)
        st.cite(who, [st.quote_of(where)])
    if st.get("successor_of"):
        before, _ = curated_person(r, st, st.get("successor_of"), st.get("successor_of_function"), doc)
        basis, rule = st.basis("successor_of")
        who.add("vg:successorOf", before, doc.name, basis, rule, st.quote_of(st.where(st.get("successor_of"))))
