"""The state of one resolution, shared by its modules, and the registry of statement handlers.

:class:`Resolver` holds the entities by key and the names that find them; the modules beside this
one (``organisations``, ``places``, ``persons``, ``listing``, ``documents``) are functions of a
resolver. A curated statement of kind *k* (``[[k]]`` in ``data/statements/*.toml``) is resolved by
the handler registered for *k* with :func:`handles` (see :mod:`.curated`).
"""

from __future__ import annotations

from typing import Callable

from ...errors import StatementError
from ..extraction import Text
from ..reference import Reference, name_key, slug
from ..sources import SourceDocument
from ..statements import Statement, StatementFile
from .model import Entity, Lit, date_literal

__all__ = ["Resolver", "Handler", "HANDLERS", "handles", "resolve_statements"]


class Resolver:
    """The entities resolved so far, the names that find them, and the warnings noticed on the way."""

    def __init__(self, reference: Reference):
        self.ref = reference
        self.entities: dict[str, Entity] = {}
        # (kind, name_key) -> key; a district's name is known within its municipality only:
        # (kind, municipality key, name_key) -> key
        self.names: dict[tuple[str, ...], str] = {}
        self.warnings: list[str] = []
        self.teams: list[tuple[Entity, str, str, str]] = []  # team, municipality key, district label, theme
        #: the listings' districts: (municipality id, name key) -> (key suffix, label); see places.plan_districts
        self.district_plan: dict[tuple[str, str], tuple[str, str]] = {}

    def entity(self, kind: str, local: str, label: str) -> Entity:
        key = f"{kind}/{local}"
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, kind, label)
            self.names.setdefault((kind, name_key(label)), key)
        return ent

    def known(self, kind: str, name: str) -> Entity | None:
        key = self.names.get((kind, name_key(name)))
        return self.entities.get(key) if key else None

    def known_in(self, kind: str, scope: str, name: str) -> Entity | None:
        """The entity of *kind* that *name* names within *scope* (a district in its municipality's key)."""
        key = self.names.get((kind, scope, name_key(name)))
        return self.entities.get(key) if key else None

    def alias(self, ent: Entity, name: str) -> None:
        self.names.setdefault((ent.kind, name_key(name)), ent.key)

    def by_id(self, kind: str, ident: str, where: str) -> Entity:
        """The entity a statement refers to by its *kind* and id (``publication = "de-pers-2008-01-18"``).

        Raises
        ------
        StatementError
            Naming *where* (the statement), if no statement before it made that entity.
        """
        ent = self.entities.get(f"{kind}/{slug(ident)}")
        if ent is None:
            raise StatementError(f"{where}: unknown {kind} '{ident}'")
        return ent

    def pilot(self, doc: SourceDocument) -> Entity | None:
        """The pilot (the ``vg:Project`` of a team listing) that *doc* describes, if it has one."""
        projects = sorted(e.key for e in self.entities.values() if e.kind == "project"
                          and doc.name in e.docs and Lit("vg:Project", "curie") in e.objects("rdf:type"))
        return self.entities[projects[0]] if projects else None

    def warn(self, doc: SourceDocument | None, line: int, message: str) -> None:
        where = f"{doc.name}:{line}: " if doc else ""
        self.warnings.append(where + message)

    def reference_entity(self, kind: str, row, text: Text, doc: SourceDocument, table: str) -> Entity:
        """The entity of *row* of the reference data, else the one *text* names, new if need be.

        A new one is kept with a warning that it is not in ``data/reference/<table>``.
        """
        if row is not None:
            return self.entities[f"{kind}/{row.key}"]
        ent = self.known(kind, text.value)
        if ent is None:
            self.warn(doc, text.line, f"unknown {kind} '{text.value}' (not in data/reference/{table}): kept as a new node")
            ent = self.entity(kind, slug(text.value), text.value)
            ent.add("skos:prefLabel", Lit(text.value), doc.name)
        return ent

    def date(self, value, where: str) -> Lit:
        try:
            return date_literal(str(value))
        except ValueError as exc:
            raise StatementError(f"{where}: {exc}") from None


#: a handler resolves one curated statement of its kind: ``handler(resolver, statement, document)``
Handler = Callable[[Resolver, Statement, SourceDocument], None]

#: the handlers by statement kind, with the rank that orders them
HANDLERS: dict[str, tuple[int, Handler]] = {}


def handles(kind: str, rank: int) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of statements of *kind*.

    Parameters
    ----------
    kind : str
        The statement kind as the TOML writes it (``[[membership]]``); its required keys are
        :data:`vitalegraph.pipeline.statements.KINDS` ``[kind]``.
    rank : int
        Handlers run in ascending rank, every statement of one kind before the next kind: a kind
        that refers to another (an ``approach_step`` to its ``agreement``) ranks after it.

    Returns
    -------
    callable
        The decorator; it returns the function unchanged.

    Raises
    ------
    ValueError
        If *kind* has a handler already.

    Examples
    --------
    >>> @handles("example", rank=999)
    ... def example(r, st, doc):
    ...     pass
    >>> HANDLERS.pop("example")[0]
    999
    """
    def register(handler: Handler) -> Handler:
        if kind in HANDLERS:
            raise ValueError(f"statement kind '{kind}' has a handler already: {HANDLERS[kind][1].__qualname__}")
        HANDLERS[kind] = (rank, handler)
        return handler
    return register


def resolve_statements(r: Resolver, sf: StatementFile) -> None:
    """Resolve the statements of one file, kind by kind in the handlers' rank, each kind in file order."""
    doc = sf.source
    for kind, (_rank, handler) in sorted(HANDLERS.items(), key=lambda item: item[1][0]):
        for st in (s for s in sf.statements if s.kind == kind):
            handler(r, st, doc)
