"""The document being read: its prose as lines, sentences and news items, and its quotes.

:class:`Doc` holds a source document with the reference data and vocabulary it is read with, and
the patterns made of them (titles, kinds of organisation, department and municipality names, dates).
:func:`prose_lines` gives the lines of prose (not the team listing), each with its sentences
(:func:`split_sentences`); :func:`news_items` groups them under their headings. :meth:`Doc.quote`
turns a span of the text into a quote that stands exactly once, as the build requires.

Examples
--------
>>> from vitalegraph.pipeline.reference import Reference
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> from vitalegraph.pipeline.propose.vocabulary import load_vocabulary
>>> doc = SourceDocument.from_bytes("x.txt", "Kop\\nHet begon. Het ging door.\\n\\nHet begon.".encode())
>>> d = Doc(doc, Reference(), load_vocabulary())
>>> lines = prose_lines(d)
>>> [[d.text[a:b] for a, b in line.sentences] if line else None for line in lines]
[['Kop'], ['Het begon.', 'Het ging door.'], None, ['Het begon.']]
>>> [(d.text[h.start:h.end], len(paragraphs)) for h, paragraphs in news_items(d, lines)]
[('Kop', 2)]
>>> d.quote(4, 14, [lines[1].span]).value         # "Het begon." stands twice: lengthened
'Het begon. Het'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extraction import Text, extract_teams, normalize_space
from ..reference import Reference
from ..sources import SourceDocument
from ..statements import TextIndex
from .vocabulary import REGEX_LISTS, WORD_PATTERNS, Vocabulary, alternation

__all__ = ["Doc", "Line", "prose_lines", "split_sentences", "trim", "is_heading", "news_items", "sentence_of"]

_WORD = re.compile(r"\w")


class Doc:
    """A document being read: its text, index, reference data and vocabulary, and the regexes made of them.

    Parameters
    ----------
    doc : SourceDocument
    ref : Reference
        The reference data (function words, departments, municipalities, parties).
    vocab : Vocabulary

    Notes
    -----
    Besides the patterns of :data:`~vitalegraph.pipeline.propose.vocabulary.WORD_PATTERNS` it has
    ``titles`` (function words and job titles), ``offices`` (function words that name no department),
    ``department_names``, ``municipality_names`` and ``date``. :func:`prose_lines` sets
    ``has_listing``, ``listed_persons`` and ``listed_districts`` from the document's team listing.
    """

    def __init__(self, doc: SourceDocument, ref: Reference, vocab: Vocabulary):
        self.doc, self.ref, self.vocab = doc, ref, vocab
        self.text = doc.text
        self.index = TextIndex(doc)
        self.has_listing = False
        self.listed_persons: list[str] = []
        self.listed_districts: list[str] = []
        fw = [f.pattern for f in ref.functions if " " not in f.pattern]
        self.function_words = {f.pattern: f for f in ref.functions}
        self.titles = alternation([*fw, *vocab.words("persons", "titles")])
        self.particles = {p.casefold() for p in vocab.words("persons", "particles")}
        self.not_names = set(vocab.words("persons", "not_names"))
        for attr, (table, key) in WORD_PATTERNS.items():
            setattr(self, attr, alternation(vocab.words(table, key), regex=(table, key) in REGEX_LISTS))
        self.kind_words = sorted((k.casefold() for k in vocab.words("organisations", "kinds")), key=len, reverse=True)
        self.offices = alternation([f.pattern for f in ref.functions if not f.names_department])
        self.department_names = _department_pattern(ref)
        self.date = _date_pattern(vocab)
        self.abbreviations = {a.casefold().rstrip(".") for a in vocab.words("sentences", "abbreviations")}
        places = [m.name for m in ref.municipalities] + [p for m in ref.municipalities for p in m.places]
        self.municipality_names = re.compile(
            r"(?<![\w-])(?:" + ("|".join(sorted(map(re.escape, places), key=len, reverse=True)) or "(?!)") + r")(?![\w-])")

    # -- quotes

    def quote(self, start: int, end: int, bounds: list[tuple[int, int]]) -> Text | None:
        """The words at ``text[start:end]``, lengthened word by word (to the right, then to the left)
        within each of *bounds* in turn (a sentence, then its line) until they stand exactly once in
        the document, as the build requires of a quote; ``None`` if they never do.

        Parameters
        ----------
        start, end : int
            Offsets in the document's text.
        bounds : list of (int, int)
            Spans to lengthen within, tried in turn, each holding ``start:end``.

        Returns
        -------
        Text or None
        """
        for lo, hi in bounds:
            words = [(lo + m.start(), lo + m.end()) for m in re.finditer(r"\S+", self.text[lo:hi])]
            s, e = start, end
            while True:
                found = self._once(s, e)
                if found is not None:
                    return found
                right = next(((a, b) for a, b in words if a >= e), None)
                if right is not None:
                    e = right[1]
                    found = self._once(s, e)
                    if found is not None:
                        return found
                left = next(((a, b) for a, b in reversed(words) if b <= s), None)
                if left is not None:
                    s = left[0]
                if right is None and left is None:
                    break
        return None

    def _once(self, s: int, e: int) -> Text | None:
        """``text[s:e]`` as the build finds it, if it stands exactly once (else ``None``)."""
        value = normalize_space(self.text[s:e])
        at = self._occurrences(value, 2) if value else []
        return self.index.text_at(at[0], len(value)) if len(at) == 1 else None

    def _occurrences(self, value: str, limit: int) -> list[int]:
        """Where *value* stands in the normalised text at word boundaries, as
        :meth:`TextIndex.occurrences` finds it, up to *limit* places: by :meth:`str.find` rather than
        a scan of the whole text with a regular expression, so that lengthening a quote word by word
        costs little on a long document (the two agree: ``tests/pipeline/propose/test_document.py``)."""
        norm, n = self.index.norm, len(value)
        left, right = value[0].isalnum(), value[-1].isalnum()      # TextIndex.occurrences' own test
        found: list[int] = []
        i = norm.find(value)
        while i >= 0 and len(found) < limit:
            if not (left and i > 0 and _WORD.match(norm[i - 1])) and \
                    not (right and i + n < len(norm) and _WORD.match(norm[i + n])):
                if found and i < found[-1] + n:      # overlapping: count as the regular expression does
                    return [m for m in self.index.occurrences(value)][:limit]
                found.append(i)
            i = norm.find(value, i + 1)
        return found

    # -- what a piece of text names

    def department(self, text: str):
        """The department of the reference data that *text* (or its longest leading part) names.

        Returns
        -------
        (Department, str) or (None, "")
            The department and the leading part of *text* that names it.
        """
        words = text.split()
        for n in range(len(words), 0, -1):
            part = " ".join(words[:n]).rstrip(",;:.")
            dep, _exact = self.ref.department(part)
            if dep is not None:
                return dep, part
        return None, ""

    def function_text(self, word: str, dep, dep_text: str) -> str:
        """The function as the build reads it: a function word and the department (``minister van X``,
        ``directeur-generaal X``), in the first wording that :meth:`Reference.function` and
        :meth:`Reference.department` read back as that department."""
        for wording in (f"{word} van {dep_text}", f"{word} {dep_text}"):
            fw, rest = self.ref.function(wording)
            if fw is not None and fw.names_department and self.ref.department(rest)[0] == dep:
                return wording
        return f"{word} {dep_text}"


def _department_pattern(ref: Reference) -> re.Pattern:
    """The names and abbreviations of the departments, longest first, ``en`` also written ``&``."""
    dep_names = {n for dep in ref.departments for n in (dep.name_nl, *dep.abbreviations) if n}
    alternatives = [r"\s+".join(map(re.escape, n.split())).replace(r"\s+en\s+", r"\s+(?:en|&)\s+")
                    for n in sorted(dep_names, key=len, reverse=True)]
    return re.compile(r"(?<![\w&-])(?:" + ("|".join(alternatives) or "(?!)") + r")(?![\w&-])")


def _date_pattern(vocab: Vocabulary) -> re.Pattern:
    """A date as prose writes it: ``[preposition] [qualifier] [day] month year``, or a preposition
    and a year alone ("in 2008"); groups ``day``, ``month``, ``year`` and ``only`` (the lone year)."""
    months = "|".join(sorted(map(re.escape, vocab.months), key=len, reverse=True)) or "(?!)"
    quals = "|".join(map(re.escape, vocab.words("dates", "qualifiers"))) or "(?!)"
    preps = "|".join(map(re.escape, vocab.words("dates", "prepositions"))) or "(?!)"
    return re.compile(
        rf"(?<![\w-])(?:(?:{preps})\s+)?(?:(?:{quals})\s+)?(?:(?P<day>[0-3]?\d)\s+)?(?P<month>{months})\.?"
        rf"\s+(?P<year>(?:1[89]|20)\d\d)(?!\d)|(?<![\w-])(?:{preps})\s+(?P<only>(?:1[89]|20)\d\d)(?![\d\w])",
        re.IGNORECASE)


@dataclass
class Line:
    """A line of prose: its span (trimmed of white space and a bullet), its sentences, whether it is
    a bullet (an item of a list)."""

    start: int
    end: int
    sentences: list[tuple[int, int]]
    bullet: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``."""
        return self.start, self.end


def split_sentences(d: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of one line: split after ``.``, ``!`` or ``?`` (and a closing quote or
    parenthesis) before white space and a capital, digit, quote or parenthesis, except after an
    abbreviation of the vocabulary ("t/m", "prof.") or an initial.

    Returns
    -------
    list of (int, int)
        The span of each sentence, trimmed (:func:`trim`).
    """
    text = d.text
    out, s = [], start
    for m in re.finditer(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(\[A-ZÀ-ÖØ-Þ0-9•])", text[start:end]):
        cut = start + m.end()
        word = re.search(r"(\S+)$", text[s:start + m.start()])
        before = word.group(1).casefold().lstrip("(\"'“‘") if word else ""
        if text[start + m.start()] == "." and (before in d.abbreviations or re.fullmatch(r"[a-zà-þ]", before)):
            continue
        out.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return [trim(text, a, b) for a, b in out if text[a:b].strip()]


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``a:b`` of *text* without white space at either end, nor a bullet or byte-order mark
    at its start."""
    while a < b and (text[a].isspace() or text[a] in "•\ufeff"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def prose_lines(d: Doc) -> list[Line | None]:
    """The lines of prose, ``None`` for a blank line: every line but the team listing's and the
    project page's ``Start:``/``Voltooiing:`` lines.

    Returns
    -------
    list of Line or None
        One item a line of the document, in order.

    Raises
    ------
    SourceError
        If the team listing is malformed (:func:`~vitalegraph.pipeline.extraction.extract_teams`).

    Notes
    -----
    Sets ``d.has_listing``, ``d.listed_persons`` and ``d.listed_districts``.
    """
    teams = extract_teams(d.doc)
    d.has_listing = bool(teams)
    d.listed_persons = list(dict.fromkeys(m.name.value for t in teams for m in t.members))
    d.listed_districts = list(dict.fromkeys(t.district.value for t in teams))
    listing = [(t.quote.start, max(m.quote.end for m in t.members)) for t in teams]
    lines: list[Line | None] = []
    for n in range(1, len(d.doc.line_starts) + 1):
        a, b = d.doc.line_span(n)
        bullet = normalize_space(d.text[a:b]).startswith("•")
        a, b = trim(d.text, a, b)
        value = normalize_space(d.text[a:b])
        if not value or any(lo <= a < hi for lo, hi in listing) \
                or re.match(r"(?i)(start|voltooi?ing|einde|oplevering)\s*:\s*\d{4}$", value):
            lines.append(None)
            continue
        lines.append(Line(a, b, split_sentences(d, a, b), bullet))
    return lines


def is_heading(d: Doc, line: Line) -> bool:
    """Whether *line* could be a heading: at most twelve words, no closing punctuation, no bullet."""
    value = normalize_space(d.text[line.start:line.end])
    return len(value.split()) <= 12 and not re.search(r"[.;!?,:]$", value) and not line.bullet


def _paragraphs(lines: list[Line | None]) -> list[list[Line]]:
    """The runs of lines between blank lines."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines + [None]:
        if line is None:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    return groups


def news_items(d: Doc, lines: list[Line | None]) -> list[tuple[Line | None, list[Line]]]:
    """News items: a heading (a short line directly above a paragraph) with the paragraphs under it,
    up to the next heading or a section title (a short line on its own); paragraphs outside any are
    items without a heading.

    Parameters
    ----------
    d : Doc
    lines : list of Line or None
        As :func:`prose_lines` gives them.

    Returns
    -------
    list of (Line or None, list of Line)
        Each item's heading and the lines under it.
    """
    items: list[tuple[Line | None, list[Line]]] = []
    open_item = False
    for g in _paragraphs(lines):
        if len(g) > 1 and is_heading(d, g[0]) and not is_heading(d, g[1]):
            items.append((g[0], g[1:]))
            open_item = True
        elif all(is_heading(d, line) for line in g):
            open_item = False                   # a section title ends the item before it
        elif open_item:
            items[-1][1].extend(g)
        else:
            items.append((None, g))
    return items


def sentence_of(pos: int, lines: list[Line]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The sentence that holds offset *pos*, and its line's span (the first line's span twice when
    no line of *lines* holds it)."""
    for line in lines:
        if line.start <= pos < line.end:
            return next((s for s in line.sentences if s[0] <= pos < s[1]), line.span), line.span
    return lines[0].span, lines[0].span
