"""Resolving organisations: departments and parties (reference data) and any other organisation named.

Departments and parties are looked up in the reference data (:mod:`vitalegraph.pipeline.reference`);
an unknown department is kept as a new entity with a warning; an organisation neither a party nor
a department is a new ``organisation/...`` entity.
"""

from __future__ import annotations

from ..extraction import Text
from ..reference import slug
from ..sources import SourceDocument
from ..statements import Statement
from .model import Entity, Lit
from .resolver import Resolver

__all__ = ["load_departments", "load_parties", "department", "party_or_organisation", "organisation", "publisher"]


def load_departments(r: Resolver) -> None:
    """One entity per department of the reference data (``ministries.csv``), its abbreviations as aliases."""
    for d in r.ref.departments:
        ent = r.entity("department", d.key, d.name_nl)
        ent.add("rdf:type", Lit("vg:Ministry" if d.kind == "ministry" else "vg:CabinetPortfolio", "curie"), None)
        ent.add("skos:prefLabel", Lit(d.name_nl, lang="nl"), None)
        if d.name_en:
            ent.add("skos:prefLabel", Lit(d.name_en, lang="en"), None)
        for a in d.abbreviations:
            if a != d.name_nl:
                ent.add("skos:notation", Lit(a), None)
            ent.notations.add(a)
            r.alias(ent, a)
        if d.tooi:
            ent.add("skos:exactMatch", Lit(d.tooi, "iri"), None)
        if d.wikidata:
            ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{d.wikidata}", "iri"), None)
        ent.add("dct:source", Lit(d.source), None)


def load_parties(r: Resolver) -> None:
    """One entity per party of the reference data (``parties.csv``), its abbreviation as an alias."""
    for p in r.ref.parties:
        ent = r.entity("party", p.key, p.name)
        ent.add("skos:prefLabel", Lit(p.name, lang="nl"), None)
        ent.add("skos:notation", Lit(p.abbreviation), None)
        ent.notations.add(p.abbreviation)
        r.alias(ent, p.abbreviation)
        if p.wikidata:
            ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{p.wikidata}", "iri"), None)
        ent.add("dct:source", Lit(p.source), None)


def department(r: Resolver, text: Text, doc: SourceDocument) -> Entity:
    ent = r.reference_entity("department", r.ref.department(text.value)[0], text, doc, "ministries.csv")
    ent.mention(text, doc.name)
    return ent


def party_or_organisation(r: Resolver, text: Text, doc: SourceDocument) -> Entity:
    p = r.ref.party(text.value)
    if p is not None:
        ent = r.entities[f"party/{p.key}"]
    else:
        ent = organisation(r, text, doc)
    ent.mention(text, doc.name)
    return ent


def organisation(r: Resolver, text: Text, doc: SourceDocument, kind_text: str = "") -> Entity:
    ent = r.known("organisation", text.value) or r.known("department", text.value)
    if ent is None:
        dep, exact = r.ref.department(text.value)
        if dep is not None and exact:
            ent = r.entities[f"department/{dep.key}"]
    if ent is None:
        ent = r.entity("organisation", slug(text.value), text.value)
        ent.add("skos:prefLabel", Lit(text.value), doc.name)
    if kind_text and ent.kind == "organisation":
        ent.add("dct:type", Lit(kind_text), doc.name)
    ent.mention(text, doc.name)
    return ent


def publisher(r: Resolver, st: Statement, name: str, doc: SourceDocument) -> Entity:
    text = st.where(name)
    dep, exact = r.ref.department(name)
    if dep is not None and exact:
        ent = r.entities[f"department/{dep.key}"]
        ent.mention(text, doc.name)
        return ent
    return organisation(r, text, doc)
