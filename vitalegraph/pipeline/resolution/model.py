"""What resolution gives the graph stage: entities with their facts, mentions and evidence.

An :class:`Entity` carries its facts as ``(predicate, object)`` pairs, each with the documents that
state it, and every spelling a source uses with the place it stands (a *mention*);
:mod:`vitalegraph.pipeline.graph` turns a :class:`Model` into RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extraction import Text
from ..sources import SourceDocument

__all__ = ["Evidence", "Ref", "Lit", "Entity", "Model", "Claim", "BASES", "date_literal"]


@dataclass(frozen=True, order=True)
class Evidence:
    """A span of a source document: ``doc`` is the file name."""

    doc: str
    start: int
    end: int


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to another entity by key."""

    key: str


@dataclass(frozen=True, order=True)
class Lit:
    """A literal value: ``datatype`` is a CURIE such as ``xsd:gYear``; ``lang`` a language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None


#: the strengths of a claim: what a source states, what it announces or expects, what the project infers
BASES = ("stated", "announced", "inferred")


@dataclass(frozen=True)
class Claim:
    """The basis of one fact that is not simply stated: ``announced``, or ``inferred`` by a *rule*."""

    basis: str
    rule: str | None
    evidence: Evidence | None
    doc: str | None


@dataclass
class Entity:
    """One node of the graph with its facts and where they come from."""

    key: str
    kind: str
    label: str
    facts: dict[tuple[str, Ref | Lit], set[str | None]] = field(default_factory=dict)
    spellings: dict[str, dict[Evidence, None]] = field(default_factory=dict)
    evidence: set[Evidence] = field(default_factory=set)
    docs: set[str | None] = field(default_factory=set)
    notations: set[str] = field(default_factory=set)
    #: how strongly the sources support this node itself (``stated`` or ``announced``), for the
    #: n-ary nodes (memberships, adoptions, projects ...); ``None`` writes no ``vg:basis``
    basis: str | None = None
    #: the facts that are not simply stated: ``(predicate, object) -> Claim``
    claims: dict[tuple[str, "Ref | Lit"], "Claim"] = field(default_factory=dict)
    #: spellings attributed to this entity by a rule (a surname read as a known person): spelling -> rule
    inferred_spellings: dict[str, str] = field(default_factory=dict)
    #: the evidence that gives the context of this entity's facts rather than naming it (a quote a
    #: statement marks as ``context``, the dates of a listing's project): it need not name the entity
    context: set[Evidence] = field(default_factory=set)
    #: who cited each piece of evidence (a statement's label, or ``file:line`` of a listing), for errors
    cited_by: dict[Evidence, str] = field(default_factory=dict)

    def add(self, predicate: str, obj: "Ref | Lit | Entity", doc: str | None, basis: str = "stated",
            rule: str | None = None, evidence: "Text | None" = None) -> None:
        """Record the fact ``(self, predicate, obj)`` as stated by *doc* (``None``: reference data).

        A fact the source only announces or expects (``basis="announced"``) or that the project infers
        by a *rule* (``basis="inferred"``) is recorded as a :class:`Claim` with the words it rests on.
        """
        if isinstance(obj, Entity):
            obj = Ref(obj.key)
        self.facts.setdefault((predicate, obj), set()).add(doc)
        self.docs.add(doc)
        if basis != "stated":
            if basis not in BASES:
                raise ValueError(f"basis must be one of {', '.join(BASES)}, not '{basis}'")
            if basis == "inferred" and not rule:
                raise ValueError(f"an inferred fact ({predicate}) needs the rule that infers it")
            ev = Evidence(doc, evidence.start, evidence.end) if evidence is not None and doc else None
            self.claims[(predicate, obj)] = Claim(basis, rule, ev, doc)

    def objects(self, predicate: str) -> list[Ref | Lit]:
        return sorted(o for (p, o) in self.facts if p == predicate)

    def mention(self, text: Text, doc: str) -> None:
        """Record that *doc* writes this entity's name as *text*."""
        # a dict as an ordered set: a name mentioned thousands of times stays linear
        self.spellings.setdefault(text.value, {})[Evidence(doc, text.start, text.end)] = None
        self.docs.add(doc)

    def cite(self, text: Text, doc: str, context: bool = False, by: str | None = None) -> None:
        """Record *text* in *doc* as evidence for this entity's facts.

        *context* marks words that give the facts' context without naming the entity (the build
        checks that every other piece of evidence of a named entity names it); *by* is who cites
        them (a statement's label), for the error that names it.
        """
        ev = Evidence(doc, text.start, text.end)
        self.evidence.add(ev)
        self.docs.add(doc)
        if context:
            self.context.add(ev)
        self.cited_by.setdefault(ev, by or f"{doc}:{text.line}")


@dataclass
class Model:
    """The resolved corpus: entities by key, the documents, and what was noticed on the way."""

    entities: dict[str, Entity]
    documents: list[SourceDocument]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: the documents cut into sentences, with their mentions (:mod:`vitalegraph.pipeline.text`,
    #: :mod:`vitalegraph.pipeline.mentions`); the graph stage writes them as NIF
    texts: list = field(default_factory=list)
    #: the number of the texts' triples in each document's graph, by file name (the graph stage counts them)
    text_triples: dict = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]


_DATE = [(re.compile(r"^\d{4}$"), "xsd:gYear"), (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "xsd:gYearMonth"),
         (re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), "xsd:date")]


def date_literal(value: str) -> Lit:
    """A typed date literal for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> date_literal("2007-03")
    Lit(value='2007-03', datatype='xsd:gYearMonth', lang=None)
    """
    value = str(value).strip()
    for pattern, datatype in _DATE:
        if pattern.match(value):
            return Lit(value, datatype)
    raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
