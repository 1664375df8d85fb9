"""Resolving the team listing of a project page: the project, its teams and their members.

A bullet's coalition role comes from its function word (``data/reference/functions.csv``); a
bullet without one is a municipal representative before the team's first director-general or
member of the cabinet, and an independent expert after it: the rule ``column-order``, recorded as
the basis of that role (a ``vg:Claim``). A membership carries no date of its own: the listing
states none (the project's ``Start:`` year is the project's).
"""

from __future__ import annotations

from ..extraction import ProjectInfo, TeamListing, extract_project_info, extract_teams
from ..reference import slug
from ..sources import SourceDocument
from .model import Entity, Lit, Ref, date_literal  # noqa: F401
from .persons import add_membership, person, read_function
from .places import district, municipality
from .resolver import Resolver

__all__ = ["extract", "listing", "add_team"]


def extract(documents: list[SourceDocument]) -> list[tuple[SourceDocument, ProjectInfo, list[TeamListing]]]:
    """The project header and team listing of every document (extraction for a whole corpus)."""
    return [(doc, extract_project_info(doc), extract_teams(doc)) for doc in documents]


def listing(r: Resolver, doc: SourceDocument, info: ProjectInfo, teams: list[TeamListing], index) -> None:
    if not teams:
        return
    title = info.title.value if info.title else doc.stem
    project = r.entity("project", slug(title), title)
    project.add("skos:prefLabel", Lit(title), doc.name)
    project.add("rdf:type", Lit("vg:Project", "curie"), doc.name)
    if info.title:
        project.mention(info.title, doc.name)
        project.cite(info.title, doc.name)
    for t, pred in ((info.start, "schema:startDate"), (info.end, "schema:endDate")):
        if t is not None:
            project.add(pred, date_literal(t.value), doc.name)
            project.cite(t, doc.name, context=True)   # the project's dates, not its name
    project.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    for team in teams:
        add_team(r, doc, team, project, index)


#: the rule that gives a bullet without a function word its coalition role (an ontology vg:Rule)
COLUMN_ORDER = "column-order"


def add_team(r: Resolver, doc, listing: TeamListing, project: Entity, index) -> None:
    muni = municipality(r, listing.place, doc)
    muni.cite(listing.place, doc.name)
    area = district(r, muni, listing.district, doc)
    area.cite(listing.quote, doc.name)
    theme = r.entity("theme", slug(listing.theme.value), listing.theme.value)
    theme.add("skos:prefLabel", Lit(listing.theme.value, lang="nl"), doc.name)
    theme.mention(listing.theme, doc.name)
    base = f"{area.key.split('/', 1)[1]}-{slug(listing.theme.value, 40)}"
    label = f"{listing.district.value} ({listing.place.value}): {listing.theme.value}"
    local, n = base, 2
    while f"team/{local}" in r.entities and r.entities[f"team/{local}"].label != label:
        local, n = f"{base}-{n}", n + 1     # two themes that share the first 40 characters
    team = r.entity("team", local, label)
    team.add("skos:prefLabel", Lit(label), doc.name)
    team.add("schema:areaServed", area, doc.name)
    team.add("org:purpose", theme, doc.name)
    team.add("dct:isPartOf", project, doc.name)
    team.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    team.cite(listing.quote, doc.name)
    r.teams.append((team, muni.key, listing.district.value, listing.theme.value))
    official_seen = False
    for bullet in listing.members:
        fn = read_function(r, bullet.function, doc, index)
        role = fn["role"] or ("independent-expert" if official_seen else "municipal-representative")
        official_seen = official_seen or role in ("director-general", "cabinet-member")
        member = person(r, bullet.name, doc, fn["department"])
        add_membership(r, doc, team, member, role, fn, bullet.quote, False,
                       role_rule=None if fn["role"] else COLUMN_ORDER)
