"""Fidelity, checked in every build: the graph says what its sources say, where they say it.

Three rules that hold for any corpus, each a function the build runs (:func:`vitalegraph.build.build_dataset`):

* :func:`check_evidence` — every piece of evidence of a *named* thing (a person, place, municipality,
  district, party, organisation, department, project, programme, publication, cited document or
  other named thing: :data:`NAMED_KINDS`) contains one of that thing's names (a spelling the sources
  use, its label, an abbreviation; a publication or document also by its publisher's), unless the
  statement that cites it marks the quote as ``context`` (words that give the setting of the facts,
  such as the sentence a project's amount stands in). The n-ary facts (memberships, adoptions,
  evaluations, commitments, results, claims) rest on words that state them, not on a name.
* :func:`check_spellings` — no spelling variant of a person, place, municipality or district is
  the name of a different one (a person's of another person, a municipality's or place's of another
  municipality or place, a district's of another district in the same municipality), and no variant
  of a municipality is a place inside one (a town is not a way of writing its municipality's name).
* :func:`check_selectors` — every ``oa:exact`` of the written dataset is the text between its
  ``oa:start`` and ``oa:end`` in its source, as decoded UTF-8 (read back from the store the build
  validates).

A failure is a :class:`vitalegraph.errors.StatementError` with one line that names the statement
(``file.toml: [[kind]] #n (id)``) or, for words of a team listing, ``file:line``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StatementError
from .reference import name_key
from .resolution.model import Entity, Evidence, Model
from .statements import StatementFile

__all__ = ["NAMED_KINDS", "PLACE_OR_PERSON_KINDS", "SELECTORS", "names_of", "check_evidence", "check_spellings",
           "check_selectors", "check_model"]

#: the kinds of entity whose every piece of evidence must name them (or be marked as context)
NAMED_KINDS = ("person", "municipality", "district", "place", "party", "organisation", "department",
               "project", "programme", "publication", "document", "thing")
#: the kinds whose names no spelling variant of another entity may be
PLACE_OR_PERSON_KINDS = ("person", "municipality", "district", "place")


def names_of(e: Entity, entities: dict[str, Entity]) -> set[str]:
    """The name keys (:func:`vitalegraph.pipeline.reference.name_key`) that name *e* in a quote.

    Its label, every spelling the sources use, its abbreviations; a publication or cited document
    is also named by its publisher (``(Cobouw, 3 mei 2007)``).
    """
    keys = {name_key(s) for s in (e.label, *e.spellings, *e.notations)}
    for (p, o), _docs in e.facts.items():
        if p == "dct:publisher" and getattr(o, "key", None) in entities:
            pub = entities[o.key]
            keys |= {name_key(s) for s in (pub.label, *pub.spellings, *pub.notations)}
    return keys - {""}


def _statement_at(files: list[StatementFile], ev: Evidence) -> str:
    """The statement whose quote holds *ev*, or ``file:line`` where none does (a team listing)."""
    line = 0
    for sf in files:
        if sf.source.name != ev.doc:
            continue
        line = sf.source.line_of(ev.start)
        for st in sf.statements:
            if any(q.start <= ev.start and ev.end <= q.end for q in st.quotes):
                return st.label
    return f"{ev.doc}:{line}" if line else ev.doc


def check_evidence(model: Model) -> int:
    """Every piece of evidence of a named thing names it, or is marked as context.

    Returns
    -------
    int
        How many pieces of evidence were checked.

    Raises
    ------
    StatementError
        Naming the statement that cites words which do not name the thing.
    """
    texts = {d.name: d.text for d in model.documents}
    n = 0
    for e in model.entities.values():
        if e.kind not in NAMED_KINDS or not e.evidence:
            continue
        keys = names_of(e, model.entities)
        for ev in sorted(e.evidence - e.context):
            n += 1
            quote = name_key(texts[ev.doc][ev.start:ev.end])
            if not any(k in quote for k in keys):
                words = " ".join(texts[ev.doc][ev.start:ev.end].split())
                raise StatementError(
                    f"{e.cited_by.get(ev, ev.doc)}: the quote '{words[:60]}' is evidence for the {e.kind} "
                    f"'{e.label}' but names it nowhere; name it, or list the quote under 'context'")
    return n


def _variants(e: Entity) -> list[str]:
    """The spellings the graph writes as ``skos:altLabel`` (see :mod:`vitalegraph.pipeline.graph`)."""
    preferred = " ".join(e.label.split()).casefold()
    short = {w.casefold() for w in e.label.split()[-1:]}
    return [s for s in sorted(e.spellings) if s.casefold() != preferred and s not in e.notations
            and not (e.kind == "person" and s.casefold() in short)]


def _scope(e: Entity, name: str) -> tuple[str, str]:
    """Where a name must be one entity's: persons among persons, municipalities and places among
    each other, a district within its municipality."""
    if e.kind == "district":
        within = next((o.key for (p, o) in e.facts if p == "schema:containedInPlace"), "")
        return (f"district {within}", name_key(name))
    return ("place" if e.kind in ("municipality", "place") else e.kind, name_key(name))


def check_spellings(model: Model, files: list[StatementFile], places: set[str] = frozenset()) -> int:
    """No spelling variant of an entity is another person's or place's name, nor a place of a municipality.

    Parameters
    ----------
    model : Model
    files : the statement files, to name the statement that wrote the spelling
    places : name keys of the places inside municipalities (reference data ``places``)

    Returns
    -------
    int
        How many variants were checked.

    Raises
    ------
    StatementError
        Naming the statement (or listing line) where the spelling stands.
    """
    # the names of persons, of municipalities and places, and of districts within their municipality
    # (two municipalities may each have a district of the same name): a variant must not be another's
    owners: dict[tuple[str, str], set[str]] = {}
    for e in model.entities.values():
        if e.kind in PLACE_OR_PERSON_KINDS:
            owners.setdefault(_scope(e, e.label), set()).add(e.key)
    n = 0
    for e in model.entities.values():
        if e.kind not in PLACE_OR_PERSON_KINDS:
            continue
        for variant in _variants(e):
            n += 1
            key = name_key(variant)
            others = sorted(owners.get(_scope(e, variant), set()) - {e.key})
            why = ""
            if others:
                why = f"is the name of {others[0]}"
            elif e.kind == "municipality" and key in places:
                why = "is a place inside a municipality, not a way of writing its name"
            if why:
                where = _statement_at(files, min(e.spellings[variant]))
                raise StatementError(f"{where}: the spelling '{variant}' of {e.key} {why}")
    return n


#: the query that reads every piece of evidence back from the store (``queries/selectors.rq``)
SELECTORS = Path(__file__).with_name("queries") / "selectors.rq"


def check_selectors(store, texts: dict[str, str], files: list[StatementFile] = ()) -> int:
    """Every ``oa:exact`` equals the span of its source between its ``oa:start`` and ``oa:end``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The dataset as written (the build's store, the merged graph in its default graph).
    texts : the source documents' texts by file name
    files : the statement files, to name the statement whose evidence is wrong

    Returns
    -------
    int
        How many selectors were checked.

    Raises
    ------
    StatementError
        Naming the statement whose evidence does not give back its words.

    Notes
    -----
    One SPARQL query on the store (0.3 s for the 17,000 selectors of 1,000 teams; walking the quads
    in Python took twice that).
    """
    n = 0
    for file, start, end, exact in store.query(SELECTORS.read_text(encoding="utf-8")):
        doc, a, b = file.value, int(start.value), int(end.value)
        n += 1
        if doc in texts and texts[doc][a:b] != exact.value:
            where = _statement_at(list(files), Evidence(doc, a, b))
            raise StatementError(f"{where}: the evidence {doc}:{a}-{b} says '{exact.value[:40]}' "
                                 f"but the source has '{texts[doc][a:b][:40]}' there")
    return n


def check_model(model: Model, files: list[StatementFile], places: set[str] = frozenset()) -> None:
    """:func:`check_evidence` and :func:`check_spellings` on a resolved corpus."""
    check_spellings(model, files, places)
    check_evidence(model)
