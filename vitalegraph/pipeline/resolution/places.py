"""Resolving places: municipalities (reference data) and their districts.

A district is the same district when its name is the same within the same municipality; a
district named outside any team listing is kept as a new entity with a warning.
"""

from __future__ import annotations

import re

from ..extraction import Text
from ..reference import name_key, slug
from ..sources import SourceDocument
from .model import Entity, Lit
from .resolver import Resolver

__all__ = ["load_municipalities", "municipality", "district"]


def load_municipalities(r: Resolver) -> None:
    """One entity per municipality of the reference data (``municipalities.csv``)."""
    for m in r.ref.municipalities:
        ent = r.entity("municipality", m.key, m.name)
        ent.add("skos:prefLabel", Lit(m.name, lang="nl"), None)
        if m.cbs_code:
            ent.add("vg:cbsCode", Lit(m.cbs_code), None)
        if m.tooi:
            ent.add("skos:exactMatch", Lit(m.tooi, "iri"), None)
        if m.wikidata:
            ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{m.wikidata}", "iri"), None)
        ent.add("dct:source", Lit(m.source), None)


def municipality(r: Resolver, text: Text, doc: SourceDocument) -> Entity:
    ent = r.reference_entity("municipality", r.ref.municipality(text.value), text, doc, "municipalities.csv")
    ent.mention(text, doc.name)
    return ent


def district(r: Resolver, municipality: Entity, text: Text, doc: SourceDocument, create: bool = True) -> Entity:
    ent = r.known("district", f"{municipality.key} {text.value}")
    if ent is None:
        base = re.sub(r"\s*\(.*\)\s*$", "", text.value) or text.value
        local = f"{municipality.key.split('/', 1)[1]}-{slug(base)}"
        if f"district/{local}" in r.entities and r.entities[f"district/{local}"].label != text.value:
            local = f"{municipality.key.split('/', 1)[1]}-{slug(text.value)}"
        ent = r.entity("district", local, text.value)
        r.names[("district", name_key(f"{municipality.key} {text.value}"))] = ent.key
        if not create:
            r.warn(doc, text.line, f"district '{text.value}' in {municipality.label} is not in any "
                   "team listing: kept as a new node")
        ent.add("skos:prefLabel", Lit(text.value), doc.name)
        ent.add("schema:containedInPlace", municipality, doc.name)
    ent.mention(text, doc.name)
    return ent
