"""Curated ``participation`` statements: which departments the text says took part in a project, or not.

``departments`` are matched against the reference data; ``involved = false`` records the text's
exception ("met uitzondering van Defensie en Buitenlandse Zaken zijn alle departementen betrokken")
as ``vg:notInvolvedIn`` the pilot of the same document, ``true`` as ``vg:involvedIn``.
"""

from __future__ import annotations

from ....errors import StatementError
from ...statements import Statement
from ..organisations import department
from ..resolver import Resolver, handles


@handles("participation", rank=115)
def participation(r: Resolver, st: Statement, doc) -> None:
    """Departments the text says were (not) involved in the document's pilot."""
    pilot = r.pilot(doc)
    if pilot is None:
        raise StatementError(f"{st.label}: {doc.name} has no team listing, so no pilot to take part in")
    involved = st.get("involved")
    if not isinstance(involved, bool):
        raise StatementError(f"{st.label}: involved must be true or false")
    for name in st.get("departments", []):
        dep = department(r, st.where(name), doc)
        dep.add("vg:involvedIn" if involved else "vg:notInvolvedIn", pilot, doc.name)
        st.cite(dep, [st.quote_of(st.where(name))])
