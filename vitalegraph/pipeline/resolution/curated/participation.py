"""Curated ``participation`` statements: which departments the text says took part in a project, or not.

``departments`` are matched against the reference data; ``involved = false`` records the text's
exception ("met uitzondering van Defensie en Buitenlandse Zaken zijn alle departementen betrokken")
as ``vg:notInvolvedIn`` the pilot of the same document, ``true`` as ``vg:involvedIn``.
"""

from __future__ import annotations

from ....errors import StatementError
from ...statements import Statement
from ..model import Lit
from ..organisations import department
from ..resolver import Resolver, handles


@handles("participation", rank=115)
def participation(r: Resolver, st: Statement, doc) -> None:
    """Departments the text says were (not) involved in the document's pilot."""
    projects = sorted(e.key for e in r.entities.values() if e.kind == "project"
                      and doc.name in e.docs and Lit("vg:Project", "curie") in e.objects("rdf:type"))
    if not projects:
        raise StatementError(f"{st.label}: {doc.name} has no team listing, so no pilot to take part in")
    involved = st.get("involved")
    if not isinstance(involved, bool):
        raise StatementError(f"{st.label}: involved must be true or false")
    pilot = r.entities[projects[0]]
    for name in st.get("departments", []):
        dep = department(r, st.where(name), doc)
        dep.add("vg:involvedIn" if involved else "vg:notInvolvedIn", pilot, doc.name)
        dep.cite(st.quote_of(st.where(name)), doc.name)
