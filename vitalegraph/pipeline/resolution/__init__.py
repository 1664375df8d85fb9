"""Resolution: from extracted listings and curated statements to one set of entities.

The same person, place or department named in both documents, or twice in one, becomes one
entity with a stable, readable key (``person/annet-bertram``, ``district/amsterdam-overtoomse-veld``).
Every spelling a source uses is kept with the place it stands (a *mention*), so that the graph can
say which source spells a name which way. Entities carry their facts as ``(predicate, object)``
pairs, each with the documents that state it (:mod:`.model`); :mod:`vitalegraph.pipeline.graph`
turns them into RDF. No name is spelled in code.

One module a thing resolved, each a set of functions of one :class:`.resolver.Resolver`:

* :mod:`.organisations` — departments and parties (reference data), other organisations;
* :mod:`.places` — municipalities (reference data) and districts;
* :mod:`.persons` — persons, their posts and memberships, and the function words that say them;
* :mod:`.listing` — a project page's team listing: the project, teams and members;
* :mod:`.documents` — the source documents themselves;
* :mod:`.curated` — the curated statements, one handler a statement kind, registered by the kind
  the TOML uses (:func:`.resolver.handles`).
"""

from __future__ import annotations

from ..reference import Reference
from ..sources import SourceDocument
from ..statements import StatementFile, TextIndex
from . import curated  # noqa: F401  (registers the statement handlers)
from .documents import document
from .listing import extract, listing
from .model import Entity, Evidence, Lit, Model, Ref, date_literal
from .organisations import load_departments, load_parties
from .places import load_municipalities, plan_districts
from .resolver import Resolver, resolve_statements

__all__ = ["Evidence", "Ref", "Lit", "Entity", "Model", "extract", "resolve", "date_literal"]


def resolve(documents: list[SourceDocument], statement_files: list[StatementFile], reference: Reference,
            skipped: list[str] | None = None, extracted=None) -> Model:
    """Resolve the listings of *documents* and the *statement_files* into one :class:`Model`.

    Parameters
    ----------
    documents : list of SourceDocument
    statement_files : list of StatementFile
        The curated statements, as :func:`vitalegraph.pipeline.statements.load_statements` gives them.
    reference : Reference
    extracted : list, optional
        :func:`extract` of *documents*, if the caller has it already.

    Returns
    -------
    Model

    Raises
    ------
    SourceError
        If a team listing is malformed.
    StatementError
        If a curated statement names what cannot be resolved.

    Notes
    -----
    Linear in the number of bullets and statements, but for a surname-only person, which scans
    the persons: O(persons) each.
    """
    r = Resolver(reference)
    load_departments(r)
    load_municipalities(r)
    load_parties(r)
    by_doc = {sf.source.name: sf for sf in statement_files}
    listings = extracted if extracted is not None else extract(documents)
    for doc, info, teams in listings:
        document(r, doc, info, by_doc.get(doc.name), bool(teams))
    plan_districts(r, (team for _doc, _info, teams in listings for team in teams))
    for doc, info, teams in listings:
        sf = by_doc.get(doc.name)
        listing(r, doc, info, teams, sf.index if sf else TextIndex(doc) if teams else None)
    for doc, _info, _teams in listings:
        if doc.name in by_doc:
            resolve_statements(r, by_doc[doc.name])
    return Model(r.entities, documents, r.warnings, list(skipped or []))
