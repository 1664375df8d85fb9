"""Curated ``publication`` and ``evaluation`` statements: what was written about the pilot, and by whom."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import slug
from ...statements import Statement
from ..model import Lit, Ref
from ..organisations import publisher
from ..persons import curated_person
from ..places import municipality
from ..resolver import Resolver, handles

_STANCES = {"positive": "vg:Positive", "less-satisfied": "vg:LessSatisfied", "mixed": "vg:Mixed",
            "conclusion": "vg:Conclusion"}


@handles("publication", rank=30)
def publication(r: Resolver, st: Statement, doc) -> None:
    """A cited publication, its publisher and date."""
    pub = r.entity("publication", slug(st.get("id")), st.get("title") or st.get("publisher"))
    by = publisher(r, st, st.get("publisher"), doc)
    label = f"{by.label}" + (f", {st.get('date')}" if st.get("date") else "")
    pub.label = st.get("title") or label
    pub.add("skos:prefLabel", Lit(pub.label), doc.name)
    pub.add("dct:publisher", by, doc.name)
    if st.get("title"):
        pub.add("dct:title", Lit(st.get("title"), lang="nl"), doc.name)
        pub.mention(st.where(st.get("title")), doc.name)
    if st.get("date"):
        pub.add("dct:date", r.date(st.get("date"), st.label), doc.name)
    pub.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    for q in st.quotes:
        pub.cite(q, doc.name)


@handles("evaluation", rank=100)
def evaluation(r: Resolver, st: Statement, doc) -> None:
    """An evaluation of the pilot or of a municipality, its stance and who gave it."""
    ev = r.entity("evaluation", slug(st.get("id")), st.get("summary") or st.get("id"))
    if st.get("stance") not in _STANCES:
        raise StatementError(f"{st.label}: stance must be one of {', '.join(_STANCES)}")
    ev.add("vg:stance", Lit(_STANCES[st.get("stance")], "curie"), doc.name)
    subject = st.get("subject")
    if subject.casefold() == "pilot":
        projects = sorted(e.key for e in r.entities.values() if e.kind == "project"
                          and doc.name in e.docs and Lit("vg:Project", "curie") in e.objects("rdf:type"))
        if not projects:
            raise StatementError(f"{st.label}: subject 'pilot' but {doc.name} has no team listing")
        ev.add("vg:about", Ref(projects[0]), doc.name)
    else:
        ev.add("vg:about", municipality(r, st.where(subject), doc), doc.name)
    by = st.get("according_to")
    pub = r.entities.get(f"publication/{slug(by)}")
    if pub is not None:
        ev.add("vg:accordingTo", pub, doc.name)
    else:
        person, _ = curated_person(r, st, by, None, doc)
        ev.add("vg:accordingTo", person, doc.name)
    if st.get("date"):
        ev.add("dct:date", r.date(st.get("date"), st.label), doc.name)
    if st.get("summary"):
        ev.add("rdfs:comment", Lit(st.get("summary"), lang="en"), doc.name)
    ev.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    for q in st.quotes:
        ev.cite(q, doc.name)
