"""Resolving places: municipalities (reference data) and their districts.

A district is the same district when its name is the same within the same municipality (compared
by :func:`~vitalegraph.pipeline.reference.name_key`: case, accents, punctuation and white space
aside); a district named outside any team listing is kept as a new entity with a warning.

A district's key is its municipality and its name, without a parenthesis that ends it where no
other district of the municipality has the same name before the parenthesis: "Zuid (Pendrecht,
Bloemhof, Hillesluis)" alone is ``district/rotterdam-zuid``; beside a "Zuid" (or a "Zuid
(Charlois)") in the same municipality, each takes its whole name (``rotterdam-zuid``,
``rotterdam-zuid-pendrecht-bloemhof-hillesluis``). Different names are different districts: a
curator who reads two as one says so with a ``[[mention]]`` and ``refers_to``. The keys and labels
of the listings' districts are settled by :func:`plan_districts` from all listings before any is
resolved, so they do not depend on the order in which the listings name them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..extraction import TeamListing, Text
from ..reference import name_key, slug
from ..sources import SourceDocument
from .model import Entity, Lit, Ref
from .resolver import Resolver

__all__ = ["load_municipalities", "municipality", "place_or_municipality", "plan_districts", "district",
           "PLACE_IN_MUNICIPALITY"]


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


def _base(name: str) -> str:
    """*name* without a parenthesis that ends it: ``Zuid (Pendrecht)`` -> ``Zuid``."""
    return re.sub(r"\s*\(.*\)\s*$", "", name) or name


def _municipality_id(r: Resolver, name: str) -> str:
    """What identifies the municipality *name* stands for, before any entity of it is made."""
    row = r.ref.municipality(name)
    return f"municipality/{row.key}" if row is not None else "?" + name_key(name)


def plan_districts(r: Resolver, teams: Iterable[TeamListing]) -> None:
    """Settle the key and label of every district the team listings name, whatever their order.

    Parameters
    ----------
    r : Resolver
        The plan goes to ``r.district_plan``: ``(municipality id, name_key(name)) -> (key suffix,
        label)``, read by :func:`district`.
    teams : iterable of TeamListing
        Every team listing of the corpus.

    Notes
    -----
    A district spelled several ways that compare equal (``Overtoomse Veld``, ``Overtoomseveld``) is
    labelled by its most frequent spelling, ties broken by code-point order. Names that compare
    different but whose keys would still coincide (``S-n`` beside ``Søn``: a key keeps ASCII letters
    and digits only, and 60 characters) get ``-2``, ``-3`` ... in the order of their labels.

    Examples
    --------
    >>> from vitalegraph.pipeline.extraction import Text
    >>> from vitalegraph.pipeline.reference import Reference
    >>> r = Resolver(Reference())
    >>> t = lambda place, name: TeamListing(Text(place, 1, 0, 0), Text(name, 2, 0, 0), None, None, ())
    >>> plan_districts(r, [t("Q", "Zuid (A)"), t("Q", "Noord (B)"), t("Q", "Zuid")])
    >>> sorted(v for v in r.district_plan.values())
    [('noord', 'Noord (B)'), ('zuid', 'Zuid'), ('zuid-a', 'Zuid (A)')]
    """
    spellings: dict[tuple[str, str], Counter] = {}
    for team in teams:
        name = team.district.value
        spellings.setdefault((_municipality_id(r, team.place.value), name_key(name)), Counter())[name] += 1
    labels = {k: min(c, key=lambda s: (-c[s], s)) for k, c in spellings.items()}
    groups = Counter((muni, name_key(_base(label))) for (muni, _), label in labels.items())
    wanted: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (muni, key), label in sorted(labels.items(), key=lambda item: (item[0][0], item[1])):
        local = slug(_base(label)) if groups[(muni, name_key(_base(label)))] == 1 else slug(label)
        wanted.setdefault((muni, local), []).append((key, label))
    plan = {}
    for (muni, local), names in wanted.items():
        for n, (key, label) in enumerate(names, start=1):
            plan[(muni, key)] = (local if n == 1 else f"{local}-{n}", label)
    r.district_plan = plan


def _unshared(r: Resolver, local: str, municipality: Entity) -> str:
    """*local*, or with ``-2``, ``-3`` ... if a district of another municipality has that key: a key is a
    municipality's slug and the district's, and "Bergen" + "Op Zoom Noord" is "Bergen op Zoom" + "Noord"."""
    n, candidate = 2, local
    while (other := r.entities.get(f"district/{candidate}")) is not None and \
            Ref(municipality.key) not in other.objects("schema:containedInPlace"):
        candidate, n = f"{local}-{n}", n + 1
    return candidate


def district(r: Resolver, municipality: Entity, text: Text, doc: SourceDocument, create: bool = True) -> Entity:
    """The district *text* names in *municipality*, new if need be (see the module's docstring).

    A district that :func:`plan_districts` has not planned (one named outside the listings,
    *create* false, or a listing resolved without a plan) takes the key of its name before the
    parenthesis if that is free, else of its whole name, else that with ``-2``, ``-3`` ...: it
    never becomes another district of another name.
    """
    ent = r.known_in("district", municipality.key, text.value)
    if ent is None:
        muni_local = municipality.key.split('/', 1)[1]
        muni_id = _municipality_id(r, municipality.label)
        planned = r.district_plan.get((muni_id, name_key(text.value)))
        if planned is not None:
            local, label = _unshared(r, f"{muni_local}-{planned[0]}", municipality), planned[1]
        else:
            label = text.value
            candidates = [f"{muni_local}-{slug(_base(label))}", f"{muni_local}-{slug(label)}"]
            local = next((c for c in candidates if f"district/{c}" not in r.entities), None)
            n = 2
            while local is None:
                local = f"{candidates[1]}-{n}" if f"district/{candidates[1]}-{n}" not in r.entities else None
                n += 1
        ent = r.entity("district", local, label)
        r.names[("district", municipality.key, name_key(text.value))] = ent.key
        if not create:
            r.warn(doc, text.line, f"district '{text.value}' in {municipality.label} is not in any "
                   "team listing: kept as a new node")
        ent.add("schema:containedInPlace", municipality, doc.name)
    if text.value == ent.label:
        ent.add("skos:prefLabel", Lit(text.value), doc.name)
    ent.mention(text, doc.name)
    return ent
