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

__all__ = ["load_municipalities", "municipality", "place_or_municipality", "district", "PLACE_IN_MUNICIPALITY"]


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


#: the rule that reads a place named where a municipality is meant (a pilot city) as the
#: municipality that contains it (an ontology vg:Rule)
PLACE_IN_MUNICIPALITY = "place-in-municipality"


def municipality(r: Resolver, text: Text, doc: SourceDocument) -> Entity:
    """The municipality *text* names, by its name or by a place in it (see :func:`place_or_municipality`)."""
    return place_or_municipality(r, text, doc)[0]


def place_or_municipality(r: Resolver, text: Text, doc: SourceDocument) -> tuple[Entity, Entity | None]:
    """The municipality *text* names, and the place it names if that is a place inside it.

    A place of a municipality in the reference data (``places``: a town such as Zaandam inside the
    municipality of Zaanstad) is not another spelling of the municipality's name: it becomes a
    ``schema:Place`` of its own, ``schema:containedInPlace`` the municipality (reference data), and
    the mention is the place's, not the municipality's.
    """
    row = r.ref.municipality(text.value)
    ent = r.reference_entity("municipality", row, text, doc, "municipalities.csv")
    if row is not None and name_key(text.value) != name_key(row.name) and \
            name_key(text.value) in {name_key(p) for p in row.places}:
        place = r.known("place", text.value)
        if place is None:
            place = r.entity("place", slug(text.value), text.value)
            place.add("skos:prefLabel", Lit(text.value, lang="nl"), None)
            place.add("schema:containedInPlace", ent, None)
            place.add("dct:source", Lit(row.source), None)
        place.mention(text, doc.name)
        return ent, place
    ent.mention(text, doc.name)
    return ent, None


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
