"""Statements, the pipeline after extraction: the curated facts of the prose, each tied to the exact words it rests on.

The prose of the sources (the press release, the later changes to a team, follow-up projects,
evaluations, cited publications) is not parsed by rules: a curator writes each fact down in
``data/statements/<source>.toml`` (the format is in that folder's README) with the quote it rests
on. This module loads those files and finds every quote, and every name a statement uses, in its
source, so that each fact gets exact character offsets. It knows no entity: that is resolution's.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StatementError
from .extraction import Text, normalize_space
from .sources import SourceDocument

__all__ = ["Statement", "StatementFile", "TextIndex", "load_statements", "KINDS", "BASES", "MODAL"]

#: the strengths of a claim (the same as the graph's vg:Stated, vg:Announced, vg:Inferred)
BASES = ("stated", "announced", "inferred")

#: words by which a Dutch sentence announces, expects or hedges rather than states ("zou de adoptie
#: overnemen", "moeten er nieuwe gebouwen zijn", "het plan lijkt door te gaan"): a statement whose
#: quotes use one must say its basis (``basis`` or ``<field>_basis``), so that no fact is taken as
#: stated without a curator's reading of its words
MODAL = re.compile(r"(?<!\w)(zou|zouden|zal|zullen|moet|moeten|lijkt|lijken|verwacht|verwachten|"
                   r"beloofde|belooft|wil|willen|gaat|gaan)(?!\w)", re.IGNORECASE)

#: the statement kinds a file may hold, and the keys each must have
KINDS: dict[str, tuple[str, ...]] = {
    "pilot_city": ("name", "quote"),
    "mention": ("type", "name", "quote"),
    "agreement": ("id", "label", "quote"),
    "approach_step": ("agreement", "order", "quote"),
    "district_role": ("agreement", "name", "quote"),
    "membership": ("municipality", "district", "name", "function", "role", "quote"),
    "publication": ("id", "publisher", "quote"),
    "project": ("id", "label", "quote"),
    "adoption": ("adopter", "organisation", "quote"),
    "evaluation": ("id", "subject", "stance", "according_to", "quote"),
    "person_function": ("name", "quote"),
    "commitment": ("id", "label", "quote"),
    "participation": ("departments", "involved", "quote"),
    "pilot": ("quote",),
    "programme": ("id", "name", "quote"),
    "entity": ("name", "quote"),
    "result": ("id", "label", "quote"),
    "cited_document": ("id", "name", "quote"),
}


class TextIndex:
    """Finds white-space-normalised text in a document and maps it back to exact offsets.

    >>> doc = SourceDocument.from_bytes("x.txt", "Een  wijk\\u00a0in\\nDeventer.".encode())
    >>> t = TextIndex(doc).find("wijk in Deventer")
    >>> doc.text[t.start:t.end]
    'wijk\\xa0in\\nDeventer'
    """

    def __init__(self, doc: SourceDocument):
        self.doc = doc
        chars: list[str] = []
        pos: list[int] = []
        previous_space = True
        for i, ch in enumerate(doc.text):
            if ch.isspace() or ch in "\ufeff\u200b":
                if not previous_space:
                    chars.append(" ")
                    pos.append(i)
                previous_space = True
            else:
                chars.append(ch)
                pos.append(i)
                previous_space = False
        self.norm = "".join(chars)
        self.pos = pos

    def occurrences(self, needle: str, start: int = 0, end: int | None = None) -> list[int]:
        """Start indexes (in the normalised text) of *needle* at word boundaries."""
        needle = normalize_space(needle)
        if not needle:
            return []
        pattern = re.compile(("(?<!\\w)" if needle[0].isalnum() else "") + re.escape(needle)
                             + ("(?!\\w)" if needle[-1].isalnum() else ""))
        end = len(self.norm) if end is None else end
        return [m.start() for m in pattern.finditer(self.norm, start, end)]

    def text_at(self, i: int, length: int) -> Text:
        start, end = self.pos[i], self.pos[i + length - 1] + 1
        return Text(normalize_space(self.doc.text[start:end]), start, end, self.doc.line_of(start))

    def find(self, needle: str) -> Text | None:
        """The one place *needle* stands; ``None`` if nowhere. Raises ``ValueError`` if ambiguous."""
        found = self.occurrences(needle)
        if not found:
            return None
        if len(found) > 1:
            raise ValueError(f"stands {len(found)} times")
        return self.text_at(found[0], len(normalize_space(needle)))

    def find_within(self, needle: str, region: Text) -> Text | None:
        """The first place *needle* stands inside *region* (a found quote)."""
        i = self._norm_index(region.start)
        j = self._norm_index(region.end - 1) + 1
        found = self.occurrences(needle, i, j)
        return self.text_at(found[0], len(normalize_space(needle))) if found else None

    def _norm_index(self, offset: int) -> int:
        import bisect
        return bisect.bisect_left(self.pos, offset)


@dataclass
class Statement:
    """One curated statement: its kind, its fields, and its quotes located in the source."""

    kind: str
    index: int
    data: dict[str, Any]
    source: SourceDocument
    quotes: list[Text]
    file: str
    _index: TextIndex = field(repr=False, default=None)
    #: the (start, end) of the quotes the statement marks as ``context``
    context: set[tuple[int, int]] = field(default_factory=set)

    @property
    def label(self) -> str:
        name = self.data.get("id") or self.data.get("name") or self.data.get("label") or ""
        return f"{self.file}: [[{self.kind}]] #{self.index}" + (f" ({name})" if name else "")

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def where(self, name: str) -> Text:
        """Where *name* stands inside this statement's quotes.

        Raises
        ------
        StatementError
            If none of the statement's quotes contains *name*.
        """
        for quote in self.quotes:
            found = self._index.find_within(name, quote)
            if found is not None:
                return found
        raise StatementError(f"{self.label}: the name '{name}' does not stand in any of its quotes")

    def quote_of(self, text: Text) -> Text:
        """The quote of this statement in which *text* (found by :meth:`where`) stands."""
        return next((q for q in self.quotes if q.start <= text.start and text.end <= q.end), self.quotes[0])

    def basis(self, key: str = "", default: str = "stated", rule: str | None = None) -> tuple[str, str | None]:
        """How strongly the source supports the statement (*key* ``""``) or its field *key*.

        The TOML says it with ``basis`` / ``<key>_basis`` (stated, announced or inferred) and, for
        an inferred one, ``rule`` / ``<key>_rule`` (the name of a ``vg:Rule`` of the ontology);
        otherwise *default* and *rule* hold.
        """
        prefix = f"{key}_" if key else ""
        basis = self.data.get(prefix + "basis", default)
        if basis not in BASES:
            raise StatementError(f"{self.label}: {prefix}basis must be one of {', '.join(BASES)}, not '{basis}'")
        rule = self.data.get(prefix + "rule", rule if basis == default else None)
        if basis == "inferred" and not rule:
            raise StatementError(f"{self.label}: {prefix}basis = \"inferred\" needs {prefix}rule, the rule that infers it")
        return basis, rule

    @property
    def evidence(self) -> Text:
        """The statement's first quote."""
        return self.quotes[0]

    def is_context(self, quote: Text) -> bool:
        """Whether the statement marks *quote* as ``context``: words that give its facts' setting
        without naming the thing they are about."""
        return (quote.start, quote.end) in self.context

    def cite(self, entity, quotes: list[Text] | None = None) -> None:
        """Cite *quotes* (default: all of the statement's) as *entity*'s evidence, each marked as
        context where the statement says so, with this statement's label."""
        for q in self.quotes if quotes is None else quotes:
            entity.cite(q, self.source.name, self.is_context(q), self.label)


@dataclass
class StatementFile:
    """The statements of one source and its ``[document]`` table."""

    path: Path
    source: SourceDocument
    document: dict[str, Any]
    statements: list[Statement]
    index: TextIndex = field(repr=False)


def _quotes(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return []


def _mark_context(st: Statement, context: Any, texts: list[str]) -> None:
    """Mark the quotes that ``context`` lists (each one of the statement's quotes, as written)."""
    if context is None:
        return
    marked = _quotes(context)
    if not marked:
        raise StatementError(f"{st.label}: 'context' must be a string or a list of strings, each one of its quotes")
    for c in marked:
        hits = [q for t, q in zip(texts, st.quotes) if normalize_space(t) == normalize_space(c)]
        if not hits:
            raise StatementError(f"{st.label}: context '{c[:60]}' is not one of its quotes")
        st.context.add((hits[0].start, hits[0].end))


def load_statement_file(path: Path, doc: SourceDocument) -> StatementFile:
    """Load one statement file and locate its quotes in *doc*.

    Raises
    ------
    StatementError
        If the TOML is invalid, a statement misses a key, or a quote is not found exactly once.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StatementError(f"{path.name}: not a readable TOML file: {exc}") from None
    index = TextIndex(doc)
    unknown = sorted(set(data) - set(KINDS) - {"source", "document"})
    if unknown:
        raise StatementError(f"{path.name}: unknown statement kind [[{unknown[0]}]]; known: {', '.join(KINDS)}")
    statements: list[Statement] = []
    for kind, required in KINDS.items():
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise StatementError(f"{path.name}: '{kind}' must be an array of tables ([[{kind}]])")
        for n, entry in enumerate(entries, 1):
            st = Statement(kind, n, entry, doc, [], path.name, index)
            missing = [k for k in required if k not in entry]
            if missing:
                raise StatementError(f"{st.label}: missing key '{missing[0]}'")
            texts = _quotes(entry["quote"])
            if not texts:
                raise StatementError(f"{st.label}: 'quote' must be a string or a list of strings")
            for q in texts:
                try:
                    found = index.find(q)
                except ValueError as exc:
                    raise StatementError(f"{st.label}: quote '{q[:60]}' {exc} in {doc.name}; "
                                         "lengthen it so that it stands once") from None
                if found is None:
                    raise StatementError(f"{st.label}: quote not found in {doc.name}: '{q[:80]}'")
                st.quotes.append(found)
            _mark_context(st, entry.get("context"), texts)
            modal = next((m.group(0) for q in st.quotes for m in [MODAL.search(q.value)] if m), None)
            if modal and not any(k == "basis" or k.endswith("_basis") for k in entry):
                raise StatementError(f"{st.label}: a quote says '{modal}' (announced, expected or hedged?): "
                                     "give basis = \"stated\" or \"announced\" (or <field>_basis) after reading it")
            statements.append(st)
    document = data.get("document", {})
    return StatementFile(path, doc, document, statements, index)


def load_statements(directory: str | Path, docs: list[SourceDocument]) -> tuple[list[StatementFile], list[str]]:
    """Load the statement file of every document in *docs* that has one.

    Returns
    -------
    (files, skipped)
        The loaded files in source order, and the names of statement files whose source is not
        among *docs* (they are skipped, not an error).
    """
    directory = Path(directory)
    by_stem = {d.stem: d for d in docs}
    files: list[StatementFile] = []
    skipped: list[str] = []
    if not directory.is_dir():
        return files, skipped
    for path in sorted(directory.glob("*.toml")):
        doc = by_stem.get(path.stem)
        if doc is None:
            skipped.append(path.name)
            continue
        files.append(load_statement_file(path, doc))
    return files, skipped
