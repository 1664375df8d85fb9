"""Propose: candidate statements from a document's prose, for a curator to review (not part of the build).

The build takes the prose of a source only from the statements a curator wrote down in
``data/statements/<source>.toml``. For a new document :func:`propose` reads the prose and proposes
statements in that format, each with the exact words it rests on, for a person to check and copy:

* ``person_function``: a person written with a function word of ``data/reference/functions.csv`` or
  a job title ("minister Jansen van Financiën", "wethouder A (Portefeuille)", "A, directeur-generaal
  van het ministerie van X", "A, bestuursvoorzitter van Org"), the department read with
  ``data/reference/ministries.csv``;
* ``publication``: a citation "(Publisher, 3 mei 2007)" or "Volgens Publisher (mei 2007)";
* ``evaluation``: a sentence with a stance word ("vol lof", "minder tevreden", "loopt ... uiteen",
  "geconcludeerd"), about each municipality it names (else the pilot), according to the
  publication cited after it or the person whose words it reports;
* ``project``: a news item (a heading and the paragraphs under it) with an amount ("€ 250.000"),
  organisations with their kind ("woningcorporatie X", "de gemeente Y") or a dated event ("In juni
  2008 ... gepresenteerd", "eind mei 2009 de aftrap");
* ``agreement``: a sentence that says an agreement was signed, its signatories (the persons with a
  function it names) and those on whose behalf ("namens" offices and departments);
* ``adoption``: a person with a function who adopts an organisation, and the successor named;
* ``participation``: the departments a sentence says take part ("betrokken"), or not ("met
  uitzondering van"), in the pilot of a document with a team listing;
* ``commitment``: a sentence with a word of promise ("belooft", "zetten in op"), or each item of
  the list under such a sentence;
* ``mention``: another spelling of a person or district of the document's own team listing;
* ``pilot_city``: the municipalities a sentence about pilot districts names.

Nothing here knows a person, place or phrase of any document: the patterns are the reference data
and the general Dutch words of ``data/reference/propose.toml``. Every quote is found exactly once
in the source by the build's own rule (:class:`~vitalegraph.pipeline.statements.TextIndex`; a quote
that stands more than once is lengthened word by word within its sentence, then its line), and
every candidate, printed by :func:`to_toml`, is accepted by ``vitalegraph build`` as it stands
(``tests/test_propose.py`` builds the seeds with nothing but the candidates). What a reviewer must
still decide is said in each candidate's ``review`` notes (the TOML comments above it).

Examples
--------
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit (Onderwijs) opende in juni 2008 de school.".encode())
>>> [(c.kind, c.fields["name"], c.fields["portfolio"], c.quotes[0].value) for c in propose(doc)]
[('person_function', 'Els de Wit', 'Onderwijs', 'Wethouder Els de Wit (Onderwijs)')]
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

from .. import paths
from ..errors import DataFileError
from .extraction import Text, extract_teams, normalize_space
from .reference import Reference, load_reference, name_key, slug
from .sources import SourceDocument, read_source
from .statements import MODAL, Statement, TextIndex

__all__ = ["Candidate", "Vocabulary", "load_vocabulary", "propose", "propose_file", "to_toml", "to_json",
           "covers", "shared_quotes", "not_curated", "PROPOSED_KINDS", "IDENTIFYING"]

#: the statement kinds :func:`propose` proposes, in the order they are printed
PROPOSED_KINDS = ("pilot_city", "mention", "agreement", "publication", "project", "adoption", "evaluation",
                  "person_function", "commitment", "participation")

#: per statement kind, the field that says which thing a statement is about; a candidate covers a
#: curated statement of its kind only when that field agrees (see :func:`covers`)
IDENTIFYING = {"person_function": "name", "pilot_city": "name", "evaluation": "subject", "mention": "name",
               "membership": "name", "adoption": "organisation"}


# ---------------------------------------------------------------------------------------------- vocabulary

@dataclass(frozen=True)
class Vocabulary:
    """The general Dutch words of ``data/reference/propose.toml`` (see that file)."""

    data: dict = field(repr=False)

    def words(self, table: str, key: str) -> list[str]:
        return list(self.data.get(table, {}).get(key, []))

    @cached_property
    def months(self) -> dict[str, int]:
        return {k.casefold(): int(v) for k, v in self.data.get("months", {}).items()}

    @cached_property
    def stances(self) -> list[tuple[str, re.Pattern]]:
        return [(stance, _alternation(patterns, regex=True)) for stance, patterns in self.data.get("stances", {}).items()]


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Load the vocabulary (default ``data/reference/propose.toml``).

    Raises
    ------
    DataFileError
        If the file is missing or not valid TOML.
    """
    path = Path(path) if path is not None else paths.REFERENCE / "propose.toml"
    try:
        return Vocabulary(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: not a readable vocabulary file: {exc}") from None


def _alternation(words: Iterable[str], regex: bool = False) -> re.Pattern:
    """A case-insensitive whole-word pattern for any of *words* (longest first)."""
    parts = sorted((w if regex else r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + ("|".join(parts) or "(?!)") + r")(?![\w-])", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- candidates

@dataclass
class Candidate:
    """One proposed statement: its kind, its fields (as the TOML writes them), its quotes.

    ``rule`` says what proposed it; ``review`` what the reviewer must check or edit; ``needs`` the
    ids of other candidates it refers to (an evaluation's publication), which must be copied too.
    """

    kind: str
    fields: dict[str, Any]
    quotes: list[Text]
    rule: str
    review: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(q.start for q in self.quotes)

    def statement(self) -> dict[str, Any]:
        """The TOML table: the fields and ``quote`` (a string, or a list of strings)."""
        quote = [q.value for q in self.quotes]
        return {**self.fields, "quote": quote[0] if len(quote) == 1 else quote}

    def to_dict(self, doc: SourceDocument) -> dict[str, Any]:
        """The candidate as JSON: each quote's ``evidence`` also as the exact characters ``text`` of
        *doc* at ``start:end`` (the quote is those characters with white space collapsed)."""
        return {"kind": self.kind, "proposed": True, "rule": self.rule, "review": self.review, "needs": self.needs,
                "statement": self.statement(),
                "evidence": [{"quote": q.value, "text": doc.text[q.start:q.end], "start": q.start, "end": q.end,
                              "line": q.line} for q in self.quotes]}


#: the pattern attributes of :class:`_Doc` made of a word list of the vocabulary: ``(table, key)``
_WORD_PATTERNS = {
    "reporting": ("persons", "reporting"), "kinds": ("organisations", "kinds"),
    "presented": ("projects", "presented"), "started": ("projects", "start"), "meetings": ("projects", "meetings"),
    "pilot": ("pilot", "patterns"), "promises": ("commitments", "patterns"),
    "agreement_kinds": ("agreements", "kinds"), "signing": ("agreements", "signing"), "behalf": ("agreements", "behalf"),
    "adopting": ("adoptions", "verbs"), "successor": ("adoptions", "successor"),
    "participating": ("participation", "words"), "excepting": ("participation", "except"),
}
#: the word lists that are regular expressions rather than words
_REGEX_LISTS = {("pilot", "patterns"), ("commitments", "patterns")}


class _Doc:
    """A document being read: its text, index, reference data and vocabulary, and the regexes made of them."""

    def __init__(self, doc: SourceDocument, ref: Reference, vocab: Vocabulary):
        self.doc, self.ref, self.vocab = doc, ref, vocab
        self.text = doc.text
        self.index = TextIndex(doc)
        self.has_listing = False
        self.listed_persons: list[str] = []
        self.listed_districts: list[str] = []
        fw = [f.pattern for f in ref.functions if " " not in f.pattern]
        self.function_words = {f.pattern: f for f in ref.functions}
        self.titles = _alternation([*fw, *vocab.words("persons", "titles")])
        self.particles = {p.casefold() for p in vocab.words("persons", "particles")}
        self.not_names = set(vocab.words("persons", "not_names"))
        for attr, (table, key) in _WORD_PATTERNS.items():
            setattr(self, attr, _alternation(vocab.words(table, key), regex=(table, key) in _REGEX_LISTS))
        self.kind_words = sorted((k.casefold() for k in vocab.words("organisations", "kinds")), key=len, reverse=True)
        self.offices = _alternation([f.pattern for f in ref.functions if not f.names_department])
        dep_names = {n for dep in ref.departments for n in (dep.name_nl, *dep.abbreviations) if n}
        alternatives = [r"\s+".join(map(re.escape, n.split())).replace(r"\s+en\s+", r"\s+(?:en|&)\s+")
                        for n in sorted(dep_names, key=len, reverse=True)]
        self.department_names = re.compile(r"(?<![\w&-])(?:" + ("|".join(alternatives) or "(?!)") + r")(?![\w&-])")
        months = "|".join(sorted(map(re.escape, vocab.months), key=len, reverse=True)) or "(?!)"
        quals = "|".join(map(re.escape, vocab.words("dates", "qualifiers"))) or "(?!)"
        preps = "|".join(map(re.escape, vocab.words("dates", "prepositions"))) or "(?!)"
        self.date = re.compile(
            rf"(?<![\w-])(?:(?:{preps})\s+)?(?:(?:{quals})\s+)?(?:(?P<day>[0-3]?\d)\s+)?(?P<month>{months})\.?"
            rf"\s+(?P<year>(?:1[89]|20)\d\d)(?!\d)|(?<![\w-])(?:{preps})\s+(?P<only>(?:1[89]|20)\d\d)(?![\d\w])",
            re.IGNORECASE)
        self.abbreviations = {a.casefold().rstrip(".") for a in vocab.words("sentences", "abbreviations")}
        places = [m.name for m in ref.municipalities] + [p for m in ref.municipalities for p in m.places]
        self.municipality_names = re.compile(
            r"(?<![\w-])(?:" + ("|".join(sorted(map(re.escape, places), key=len, reverse=True)) or "(?!)") + r")(?![\w-])")

    # -- quotes

    def quote(self, start: int, end: int, bounds: list[tuple[int, int]]) -> Text | None:
        """The words at ``text[start:end]``, lengthened word by word (to the right, then to the left)
        within each of *bounds* in turn (a sentence, then its line) until they stand exactly once in
        the document, as the build requires of a quote; ``None`` if they never do."""
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
        costs little on a long document (the two agree: ``tests/test_propose.py``)."""
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
        """The department of the reference data that *text* (or its longest leading part) names."""
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


# ---------------------------------------------------------------------------------------------- the prose

_WORD = re.compile(r"\w")
_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ]\.){1,4}|[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
_NAME = re.compile(rf"(?:{_TOKEN})(?:\s+(?:[a-z']+\s+){{0,3}}(?:{_TOKEN}))*")
_PHRASE_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-]*")
_AMOUNT = re.compile(r"(?:€|EUR)\s?(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d{1,2}|-))?"
                     r"(?:\s+(?P<scale>miljoen|mln|miljard))?(?![\d\w])"
                     r"|(?<![\w.,])(?P<num2>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec2>\d{1,2}))?"
                     r"(?:\s+(?P<scale2>miljoen|mln|miljard))?\s+euro(?!\w)", re.IGNORECASE)
_CITATION = re.compile(r"\((?P<who>[A-ZÀ-ÖØ-Þ][^(),]{0,40}?),\s*(?P<when>[^()]{4,30}?)\)")


@dataclass
class _Line:
    start: int
    end: int
    sentences: list[tuple[int, int]]
    bullet: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _sentences(d: _Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of one line: split after ``.``, ``!`` or ``?`` (and a closing quote or
    parenthesis) before white space and a capital, digit, quote or parenthesis, except after an
    abbreviation of the vocabulary ("t/m", "prof.") or an initial."""
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
    return [_trim(text, a, b) for a, b in out if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "•\ufeff"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _prose_lines(d: _Doc) -> list[_Line | None]:
    """The lines of prose, ``None`` for a blank line: every line but the team listing's and the
    project page's ``Start:``/``Voltooiing:`` lines."""
    teams = extract_teams(d.doc)
    d.has_listing = bool(teams)
    d.listed_persons = list(dict.fromkeys(m.name.value for t in teams for m in t.members))
    d.listed_districts = list(dict.fromkeys(t.district.value for t in teams))
    listing = [(t.quote.start, max(m.quote.end for m in t.members)) for t in teams]
    lines: list[_Line | None] = []
    for n in range(1, len(d.doc.line_starts) + 1):
        a, b = d.doc.line_span(n)
        bullet = normalize_space(d.text[a:b]).startswith("•")
        a, b = _trim(d.text, a, b)
        value = normalize_space(d.text[a:b])
        if not value or any(lo <= a < hi for lo, hi in listing) \
                or re.match(r"(?i)(start|voltooi?ing|einde|oplevering)\s*:\s*\d{4}$", value):
            lines.append(None)
            continue
        lines.append(_Line(a, b, _sentences(d, a, b), bullet))
    return lines


def _is_heading(d: _Doc, line: _Line) -> bool:
    value = normalize_space(d.text[line.start:line.end])
    return len(value.split()) <= 12 and not re.search(r"[.;!?,:]$", value) and not line.bullet


def _items(d: _Doc, lines: list[_Line | None]) -> list[tuple[_Line | None, list[_Line]]]:
    """News items: a heading (a short line directly above a paragraph) with the paragraphs under it,
    up to the next heading or a section title (a short line on its own); paragraphs outside any are
    items without a heading."""
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines + [None]:
        if line is None:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    items: list[tuple[_Line | None, list[_Line]]] = []
    open_item = False
    for g in groups:
        if len(g) > 1 and _is_heading(d, g[0]) and not _is_heading(d, g[1]):
            items.append((g[0], g[1:]))
            open_item = True
        elif all(_is_heading(d, line) for line in g):
            open_item = False                   # a section title ends the item before it
        elif open_item:
            items[-1][1].extend(g)
        else:
            items.append((None, g))
    return items


# ---------------------------------------------------------------------------------------------- findings

@dataclass
class _Found:
    """Something found in a sentence: what, its value(s), its span, the sentence and line it stands in."""

    what: str
    value: Any
    start: int
    end: int
    sentence: tuple[int, int]
    line: _Line


def _dates(d: _Doc, sentence, line) -> list[_Found]:
    out = []
    a, b = sentence
    for m in d.date.finditer(d.text, a, b):
        if m.group("only"):
            value = m.group("only")
        else:
            month = d.vocab.months[m.group("month").casefold()]
            value = f"{m.group('year')}-{month:02d}"
            if m.group("day"):
                day = int(m.group("day"))
                if not 1 <= day <= 31:
                    continue
                value += f"-{day:02d}"
        out.append(_Found("date", value, m.start(), m.end(), sentence, line))
    return out


def _amounts(d: _Doc, sentence, line) -> list[_Found]:
    out = []
    for m in _AMOUNT.finditer(d.text, *sentence):
        num = (m.group("num") or m.group("num2")).replace(".", "")
        dec = (m.group("dec") or m.group("dec2") or "").strip("-")
        scale = {"": 1, "miljoen": 10**6, "mln": 10**6, "miljard": 10**9}[(m.group("scale") or m.group("scale2") or "").casefold()]
        exact = Decimal(f"{num}.{dec or 0}") * scale                  # "€ 1,5 miljoen": 1500000
        value: int | float = int(exact) if exact == exact.to_integral_value() else float(exact)
        out.append(_Found("amount", value, m.start(), m.end(), sentence, line))
    return out


def _name_at(d: _Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name (capitalised words, with the particles of a Dutch surname between them) that starts
    at *start* and ends before *end*; without leading words that never are names."""
    m = _NAME.match(d.text, start, end)
    if not m:
        return None
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", d.text[m.start():m.end()])]
    words = [(m.start() + a, m.start() + b) for a, b in words]
    while words and d.text[words[0][0]:words[0][1]] in d.not_names:
        words.pop(0)
    # particles only between capitalised words, and only those of the vocabulary
    keep = []
    for a, b in words:
        w = d.text[a:b]
        if w[0].isupper() or w.casefold() in d.particles:
            keep.append((a, b))
        else:
            break
    while keep and not d.text[keep[-1][0]].isupper():
        keep.pop()
    # the particles of a surname stand before its last word: "A van der B" ends there ("A van der B
    # de C D" is a name and more), and "A de School" is no name with particles
    first_particle = next((i for i, (x, _y) in enumerate(keep) if not d.text[x].isupper()), None)
    if first_particle is not None:
        after = next(i for i in range(first_particle, len(keep)) if d.text[keep[i][0]].isupper())
        keep = keep[:after + 1]
        if d.text[keep[after][0]:keep[after][1]].casefold() in d.kind_words:
            keep = keep[:first_particle]
    if not keep or not d.text[keep[0][0]].isupper():
        return None
    return keep[0][0], keep[-1][1]


def _split_department(d: _Doc, a: int, b: int, limit: int):
    """Split a name that runs on into ``van|voor DEPARTMENT`` or ``van PLACE`` ("Jansen van Financiën"):
    the name's end, and the department (with its text, its end) if one follows."""
    for m in re.finditer(r"\s+(?:van|voor)\s+", d.text[a:b]):
        tail_start = a + m.end()
        phrase = _phrase(d, tail_start, limit)
        dep, dep_text = d.department(phrase)
        if dep is not None:
            return a + m.start(), (dep, dep_text, tail_start + len(dep_text))
        if d.ref.municipality(d.text[tail_start:b]) is not None:
            return a + m.start(), None
    return b, None


def _phrase(d: _Doc, start: int, limit: int) -> str:
    """The capitalised words from *start*, joined by spaces, ``en``/``&`` and the commas of a list
    that ends in ``en`` ("Landbouw, Natuur en Voedselkwaliteit", "OC&W"): a department's name as
    Dutch writes it. A comma after which no ``en`` follows ends it ("Sociale Zaken, A. Jansen")."""
    out, pos = [], start
    while True:
        m = _PHRASE_WORD.match(d.text, pos, limit)
        if not m:
            break
        out.append(d.text[pos:m.end()])
        pos = m.end()
        j = re.match(r"(?:,?\s+(?:en\s+|&\s+)?)", d.text[pos:limit])
        if not j or not _PHRASE_WORD.match(d.text, pos + j.end(), limit):
            break
        out.append(j.group(0))
        pos += j.end()
    phrase = "".join(out).strip()
    parts = phrase.split(",")
    for i in range(1, len(parts)):
        if not re.search(r"\s(?:en|&)\s", ",".join(parts[i:])):
            return ",".join(parts[:i]).strip()
    return phrase


def _persons(d: _Doc, sentence, line) -> list[_Found]:
    """Persons with a function: ``TITLE Name [(X) | van DEPT]`` and ``Name, TITLE [van|voor|bij|in X]``."""
    a, b = sentence
    text = d.text
    out: list[_Found] = []
    for m in d.titles.finditer(text, a, b):
        gap = re.match(r"\s+", text[m.end():b])
        if not gap:
            continue
        span = _name_at(d, m.end() + gap.end(), b)
        if span is None or span[0] != m.end() + gap.end():
            continue
        name_end, dep = _split_department(d, *span, b)
        name = normalize_space(text[span[0]:name_end])
        if d.ref.department(name)[0] is not None or d.ref.municipality(name) is not None:
            continue
        word = normalize_space(text[m.start():m.end()]).casefold()
        fw = d.function_words.get(word)
        found = {"name": name, "name_span": (span[0], name_end), "word": word, "function_word": fw}
        end = name_end
        if dep is not None:
            found["department"], found["department_text"] = dep[0], dep[1]
            end = dep[2]
        else:
            paren = re.match(r"\s*\(([^()]{1,80})\)", text[name_end:b])
            if paren:
                inside = normalize_space(paren.group(1))
                dep2, _exact = d.ref.department(inside)
                if fw is not None and fw.names_department and dep2 is not None:
                    found["department"], found["department_text"] = dep2, inside
                    end = name_end + paren.end()
                elif d.ref.party(inside) is None and inside[:1].isupper():
                    found["portfolio"] = inside
                    end = name_end + paren.end()
        out.append(_Found("person", found, m.start(), end, sentence, line))
    for m in re.finditer(r",\s+(?:\([a-z]+\))?", text[a:b]):
        title = d.titles.match(text, a + m.end(), b)
        if not title:
            continue
        # the name before the comma: the last name-like run of words ending at the comma
        before = text[a:a + m.start()]
        starts = [w.start() for w in re.finditer(rf"(?<![\w'’-])(?:{_TOKEN})", before)]
        span = None
        for s in starts:
            sp = _name_at(d, a + s, a + m.start())
            if sp is not None and sp[1] == a + m.start():
                span = sp
                break
        if span is None:
            continue
        name = normalize_space(text[span[0]:span[1]])
        if len(name.split()) < 2 or d.ref.department(name)[0] is not None or d.ref.municipality(name) is not None:
            continue
        word = normalize_space(text[title.start():title.end()]).casefold()
        fw = d.function_words.get(word)
        found = {"name": name, "name_span": span, "word": word, "function_word": fw,
                 "function_start": a + m.start() + len(re.match(r",\s+", text[a + m.start():b]).group(0))}
        end = title.end()
        tail = re.match(r"\s+(van|voor|bij|in)\s+(?:(?:het|de)\s+)?(?:(?i:ministerie|departement)\s+van\s+)?",
                        text[end:b])
        if tail:
            phrase = _phrase(d, end + tail.end(), b)
            dep, dep_text = d.department(phrase) if tail.group(1) in ("van", "voor", "bij") else (None, "")
            if dep is not None:
                found["department"], found["department_text"] = dep, dep_text
                end = end + tail.end() + len(dep_text)
            elif phrase:
                org = re.split(r",|\s+en\s+", phrase)[0].strip()
                if tail.group(1) != "in" and d.ref.municipality(org) is None:
                    found["organisation"] = org
                    end = end + tail.end() + len(org)
                else:                             # "A, wethouder in Plaats": the place is the quote's, not the function's
                    found["function_end"] = end
                    end = end + tail.end() + len(org)
        found.setdefault("function_end", end)
        out.append(_Found("person", found, span[0], end, sentence, line))
    return out


def _organisations(d: _Doc, sentence, line) -> list[_Found]:
    out = []
    for m in d.kinds.finditer(d.text, *sentence):
        gap = re.match(r"\s+", d.text[m.end():sentence[1]])
        if not gap:
            continue
        s = m.end() + gap.end()
        words = []
        pos = s
        while True:
            w = _PHRASE_WORD.match(d.text, pos, sentence[1])
            if not w or w.group(0).rstrip(".") in d.not_names:
                break
            words.append(w)
            sp = re.match(r"[ \t\u00a0]+", d.text[w.end():sentence[1]])
            if not sp:
                break
            pos = w.end() + sp.end()
        if not words:
            continue
        e = words[-1].end()
        while e > s and d.text[e - 1] in ".,;:":
            e -= 1
        runs_on = re.match(r"\s+(?:en|van|voor|in|op)\s+([a-zà-ÿ][\w-]*)", d.text[e:sentence[1]])
        if d.text[words[-1].end() - 1] not in ".,;:" and runs_on and not d.kinds.fullmatch(runs_on.group(1)) \
                and runs_on.group(1) not in ("de", "het", "een"):
            continue        # a name that runs on in lower case ("Wonen en werken in ..."): where it ends is unclear
        name = normalize_space(d.text[s:e])
        kind = normalize_space(d.text[m.start():m.end()]).casefold()
        out.append(_Found("organisation", {"name": name, "type": kind}, m.start(), e, sentence, line))
    return out


def _citations(d: _Doc, sentence, line) -> list[_Found]:
    """"(Publisher, date)" and "Volgens Publisher (date)"."""
    out = []
    a, b = sentence
    for m in _CITATION.finditer(d.text, a, b):
        dates = [f for f in _dates(d, (m.start("when"), m.end("when")), line)
                 if f.start == m.start("when") and f.end == m.end("when")]
        if dates:
            out.append(_Found("citation", {"publisher": normalize_space(m.group("who")), "date": dates[0].value},
                              m.start(), m.end(), sentence, line))
    for m in re.finditer(rf"(?i:volgens)\s+(?P<who>(?:{_TOKEN})(?:\s+(?:{_TOKEN})){{0,3}})\s*\((?P<when>[^()]{{4,30}})\)",
                         d.text[a:b]):
        s, e = a + m.start("when"), a + m.end("when")
        dates = [f for f in _dates(d, (s, e), line) if f.start == s and f.end == e]
        if dates:
            out.append(_Found("citation", {"publisher": normalize_space(m.group("who")), "date": dates[0].value},
                              a + m.start(), a + m.end(), sentence, line))
    return out


# ---------------------------------------------------------------------------------------------- candidates

def _modal(c: Candidate) -> None:
    """A candidate whose quotes use a word of announcement gets ``basis = "announced"`` (the weaker
    reading), so that the build accepts it and the reviewer decides."""
    word = next((m.group(0) for q in c.quotes for m in [MODAL.search(q.value)] if m), None)
    if word and not any(k == "basis" or k.endswith("_basis") for k in c.fields):
        c.fields["basis"] = "announced"
        c.review.append(f"a quote says '{word}': basis \"announced\" unless that word is not about this "
                        "statement (then basis = \"stated\")")


def _context(c: Candidate) -> None:
    """The quotes of a candidate that do not write the name of the thing it describes are listed
    under ``context`` (the build refuses evidence for a named thing that does not name it, unless
    it is marked so: :func:`vitalegraph.pipeline.fidelity.check_evidence`)."""
    names = [name_key(n) for n in (c.fields.get("name"), c.fields.get("label"), *c.fields.get("names", ())) if n]
    context = [q.value for q in c.quotes if names and not any(n in name_key(q.value) for n in names)]
    if context:
        c.fields["context"] = context
        c.review.append("context: the quotes that do not name it (the setting of its facts); name it in a quote "
                        "instead where the text does")


def _person_fields(d: _Doc, f: _Found) -> dict[str, Any] | None:
    """The ``name`` and ``function`` (with ``organisation``, ``portfolio``) of a person found, as a
    statement writes them; ``None`` for a surname alone without a department, which the build
    could only read as a new person."""
    v = f.value
    fw = v["function_word"]
    if len(v["name"].split()) == 1 and "department" not in v:
        return None
    fields: dict[str, Any] = {"name": v["name"]}
    if "department" in v:
        fields["function"] = d.function_text(fw.function if fw and fw.function != "minister-voor" else
                                             v["word"], v["department"], v["department_text"])
        if fw is None:
            fields["function"] = f"{v['word']} van {v['department_text']}"
    elif "function_start" in v:
        fields["function"] = normalize_space(d.text[v["function_start"]:v["function_end"]])
    else:
        fields["function"] = v["word"]
    if v.get("organisation"):
        fields["organisation"] = v["organisation"]
    if v.get("portfolio"):
        fields["portfolio"] = v["portfolio"]
    return fields


def _person_candidates(d: _Doc, found: list[_Found]) -> list[Candidate]:
    out = []
    for f in found:
        v = f.value
        fw = v["function_word"]
        fields = _person_fields(d, f)
        if fields is None:
            continue        # a surname alone is read as a known person only with a department
        review = []
        if len(v["name"].split()) == 1:
            review.append(f"'{v['name']}' is a surname alone: the build reads it as the one known person of "
                          "that surname in that department, or makes a new person")
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is None:
            continue
        what = (f"function word '{fw.pattern}' (functions.csv)" if fw else f"title '{v['word']}'")
        if "department" in v:
            what += f", department '{v['department_text']}' ({v['department'].key}, ministries.csv)"
        out.append(Candidate("person_function", fields, [q], f"person with {what}", review))
    return _dedupe(out, quotes=False)


def _agreement_candidates(d: _Doc, lines: list[_Line], persons: list[_Found]) -> list[Candidate]:
    """A sentence that says an agreement was signed: its signatories (the persons with a function it
    names before ``namens``) and those on whose behalf (the offices and departments after it)."""
    out = []
    for line in lines:
        for a, b in line.sentences:
            kind, signed = d.agreement_kinds.search(d.text, a, b), d.signing.search(d.text, a, b)
            if not (kind and signed):
                continue
            behalf = d.behalf.search(d.text, a, b)
            cut = behalf.start() if behalf else b
            signers = [(p, _person_fields(d, p)) for p in persons if p.sentence == (a, b) and p.end <= cut]
            signers = [{"name": f["name"], "function": f["function"]} for p, f in signers if f is not None]
            if not signers:
                continue
            on_behalf = []
            if behalf:
                found = sorted([*d.offices.finditer(d.text, behalf.end(), b), *d.department_names.finditer(d.text, behalf.end(), b)],
                               key=lambda m: m.start())
                on_behalf = list(dict.fromkeys(normalize_space(m.group(0)) for m in found))
            q = d.quote(a, b, [(a, b), line.span])
            if q is None:
                continue
            word = normalize_space(kind.group(0))
            fields: dict[str, Any] = {"id": slug(" ".join([word, *(s["name"].split()[-1] for s in signers)])),
                                      "label": word[:1].upper() + word[1:], "signatories": signers}
            if on_behalf:
                fields["on_behalf_of"] = on_behalf
            out.append(Candidate("agreement", fields, [q], f"'{word}' and '{normalize_space(signed.group(0))}' with "
                                 "the persons who sign", ["write the agreement's name as label and an id unique in the "
                                                          "corpus; check signatories and on_behalf_of"]))
    return _dedupe(out)


def _adoption_candidates(d: _Doc, lines: list[_Line], persons: list[_Found]) -> list[Candidate]:
    """A person with a function who adopts an organisation ("adopteerde minister X de Y-school"), and
    who takes the adoption over ("zijn opvolger Z")."""
    out = []
    for line in lines:
        for a, b in line.sentences:
            verb = d.adopting.search(d.text, a, b)
            if not verb:
                continue
            adopters = [(p, _person_fields(d, p)) for p in persons if p.sentence == (a, b)]
            adopters = [(p, f) for p, f in adopters if f is not None]
            if not adopters:
                continue
            p, pf = adopters[0]
            pos = max(verb.end(), p.end)
            art = re.match(r"\s+(?:(?:de|het|een)\s+)?", d.text[pos:b])
            if not art:
                continue
            words, at = [], pos + art.end()
            while True:
                w = _PHRASE_WORD.match(d.text, at, b)
                if not w:
                    break
                words.append(w)
                gap = re.match(r" +", d.text[w.end():b])
                if not gap or not _PHRASE_WORD.match(d.text, w.end() + gap.end(), b):
                    break
                at = w.end() + gap.end()
            if not words:
                continue
            org = normalize_space(d.text[words[0].start():words[-1].end()]).rstrip(".,;:")
            fields: dict[str, Any] = {"adopter": pf["name"], "adopter_function": pf["function"], "organisation": org}
            kind = next((k for k in d.kind_words if org.split()[-1].casefold().endswith(k)), "") or \
                next((k for k in d.kind_words if org.split()[0].casefold() == k), "")
            if kind:
                fields["organisation_type"] = kind
            review = ["add district and municipality where the text says where the organisation is"]
            succ = d.successor.search(d.text, a, b)
            if succ:
                gap = re.match(r"\s+", d.text[succ.end():b])
                span = _name_at(d, succ.end() + gap.end(), b) if gap else None
                if span is not None:
                    fields["successor"] = normalize_space(d.text[span[0]:span[1]])
                    if MODAL.search(d.text[succ.end():b]):
                        fields["successor_basis"] = "announced"
                        review.append("successor_basis \"announced\": the sentence says the successor was to take "
                                      "it over, not that he did; check")
            q = d.quote(a, b, [(a, b), line.span])
            if q is not None:
                out.append(Candidate("adoption", fields, [q], f"'{normalize_space(verb.group(0))}' with a person with a "
                                     "function and the organisation after them", review))
    return _dedupe(out)


def _participation_candidates(d: _Doc, lines: list[_Line]) -> list[Candidate]:
    """Departments (ministries.csv) a sentence says take part ("X en Y zijn betrokken"), or not
    ("met uitzondering van X en Y zijn alle departementen betrokken"); only in a document with a
    team listing, whose pilot they take part in."""
    out = []
    if not d.has_listing:
        return out
    for line in lines:
        for a, b in line.sentences:
            word = d.participating.search(d.text, a, b)
            deps = list(d.department_names.finditer(d.text, a, b))
            if not (word and deps):
                continue
            ex = d.excepting.search(d.text, a, b)
            if ex is not None:
                named = [m for m in deps if m.start() >= ex.end() and (m.end() <= word.start() or word.start() < ex.end())]
                involved = False
            else:
                named = [m for m in deps if m.end() <= word.start()]
                involved = True
            if not named:
                continue
            start = ex.start() if ex is not None else named[0].start()
            end = max(word.end(), named[-1].end())
            q = d.quote(start, end, [(a, b), line.span])
            if q is None:
                continue
            out.append(Candidate("participation", {"departments": list(dict.fromkeys(normalize_space(m.group(0))
                                                                                    for m in named)),
                                                   "involved": involved}, [q],
                                 f"departments (ministries.csv) with '{normalize_space(word.group(0))}'"
                                 + (f" after '{normalize_space(ex.group(0))}'" if ex is not None else ""),
                                 ["check that the sentence says the departments took part in the document's pilot"
                                  + (" (true) or not (false)")]))
    return _dedupe(out)


def _publication_candidates(d: _Doc, cites: list[_Found]) -> tuple[list[Candidate], dict[int, str]]:
    by_id: dict[str, Candidate] = {}
    ids: dict[int, str] = {}
    for f in cites:
        pid = f"{slug(f.value['publisher'])}-{f.value['date']}"
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is None:
            continue
        ids[f.start] = pid
        if pid in by_id:
            if q not in by_id[pid].quotes:
                by_id[pid].quotes.append(q)
            continue
        by_id[pid] = Candidate("publication", {"id": pid, "publisher": f.value["publisher"], "date": f.value["date"]},
                               [q], "citation of a publisher with a date",
                               ["the id must be unique in the whole corpus; add title = \"...\" where the text gives one"])
    return list(by_id.values()), ids


def _evaluation_candidates(d: _Doc, lines: list[_Line], cites: list[_Found], cite_ids: dict[int, str],
                           persons: list[_Found]) -> list[Candidate]:
    out = []
    for line in lines:
        for sentence in line.sentences:
            s_text = d.text[sentence[0]:sentence[1]]
            stance, said_so = next(((st, m.group(0)) for st, pat in d.vocab.stances for m in [pat.search(s_text)] if m),
                                   (None, ""))
            if stance is None:
                continue
            subjects = [m for m in d.municipality_names.finditer(d.text, *sentence)]
            if not subjects:
                in_line = {m.group(0): m for m in d.municipality_names.finditer(d.text, *line.span)}
                subjects = list(in_line.values()) if len(in_line) == 1 else []
            quotes = [d.quote(*sentence, [sentence, line.span])]
            if None in quotes:
                continue
            # according to: the first citation from this sentence on in the line, else a person whose words
            # the line reports
            cite = next((c for c in cites if c.line is line and c.end > sentence[0] and c.start in cite_ids), None)
            date = None
            needs = []
            if cite is not None:
                according = cite_ids[cite.start]
                date = cite.value["date"]
                cq = d.quote(cite.start, cite.end, [cite.sentence, line.span])
                if cq is not None and not (quotes[0].start <= cq.start and cq.end <= quotes[0].end):
                    quotes.append(cq)
                needs.append(according)
            else:
                said = [p for p in persons if p.line is line and len(p.value["name"].split()) > 1
                        and d.reporting.search(d.text[max(line.start, p.start - 40):p.start])]
                if not said:
                    continue
                according = said[0].value["name"]
                pq = d.quote(*said[0].sentence, [said[0].sentence, line.span])
                if pq is None:
                    continue
                if not any(q.start <= pq.start and pq.end <= q.end for q in quotes):
                    quotes.append(pq)
                dates = [f for s in line.sentences for f in _dates(d, s, line)]
                if dates:
                    date = dates[0].value
            if not subjects:
                if not d.has_listing:
                    continue      # "pilot" is the document's own project, which only a team listing makes
                subjects_named = ["pilot"]
            else:
                subjects_named = list(dict.fromkeys(m.group(0) for m in subjects))
            for subject in subjects_named:
                sq = list(quotes)
                if subject != "pilot" and not any(d.index.find_within(subject, q) for q in sq):
                    m = next(m for m in subjects if m.group(0) == subject)
                    (a, b), span = _sentence_of(m.start(), [line])
                    extra = d.quote(a, b, [(a, b), span])
                    if extra is None:
                        continue
                    sq.append(extra)
                fields = {"id": f"{slug(according)}-{slug(subject)}", "subject": subject, "stance": stance,
                          "according_to": according}
                if date:
                    fields["date"] = date
                c = Candidate("evaluation", fields, sq,
                              f"stance words '{normalize_space(said_so)}' ({stance}) about "
                              + ("the pilot" if subject == "pilot" else "a municipality named"),
                              ["write summary = \"one English sentence\"; check subject and stance"], needs)
                out.append(c)
    return _dedupe(out)


def _project_candidates(d: _Doc, items, dates, amounts, orgs, cites, cite_ids) -> list[Candidate]:
    out = []
    for heading, paragraphs in items:
        if heading is None:
            continue
        spans = [heading.span, *(p.span for p in paragraphs)]
        inside = lambda f: any(lo <= f.start and f.end <= hi for lo, hi in spans)   # noqa: E731
        cite_spans = [(c.start, c.end) for c in cites if inside(c)]
        my_dates = [f for f in dates if inside(f) and not any(a <= f.start < b for a, b in cite_spans)]
        my_amounts = [f for f in amounts if inside(f)]
        my_orgs = [f for f in orgs if inside(f) and f.line is not heading]   # a kind word in the heading is the project's own
        my_cites = [c for c in cites if inside(c) and c.start in cite_ids]
        fields: dict[str, Any] = {}
        review = []
        quotes_at: list[tuple[tuple[int, int], tuple[int, int]]] = []     # a sentence (or citation), its line
        hq = d.quote(heading.start, heading.end, [heading.span])
        if hq is None:
            continue
        label = hq.value
        fields["id"] = slug(label)
        fields["label"] = label
        events = []
        for f in my_dates:
            sentence = d.text[f.sentence[0]:f.sentence[1]]
            key = "presented" if d.presented.search(sentence) else "start" if d.started.search(sentence) else None
            if key is not None:
                events.append((key, f, None))
            elif d.meetings.search(sentence) and f.line is not heading:
                hkey = "presented" if d.presented.search(d.text[heading.start:heading.end]) else \
                    "start" if d.started.search(d.text[heading.start:heading.end]) else None
                if hkey is not None:
                    events.append((hkey, f, "heading-at-dated-meeting"))
        if not (events or my_amounts or my_orgs):
            continue
        munis = [m for lo, hi in spans for m in d.municipality_names.finditer(d.text, lo, hi)]
        if munis:
            m = munis[0]
            fields["municipality"] = m.group(0)
            quotes_at.append(_sentence_of(m.start(), [heading, *paragraphs]))
        partners = []
        for f in my_orgs:
            if f.value["name"] not in [p["name"] for p in partners]:
                partners.append({"name": f.value["name"], "type": f.value["type"]})
                quotes_at.append((f.sentence, f.line.span))
        if partners:
            fields["partners"] = partners
            review.append("partners: check that each organisation takes part in the project; "
                          "add role = \"initiator\" | \"funder\" | \"supplier\" where the text tells it")
        if my_amounts:
            f = my_amounts[0]
            fields["amount"] = f.value
            fields["currency"] = "EUR"
            quotes_at.append((f.sentence, f.line.span))
            if len(my_amounts) > 1:
                review.append(f"the item names {len(my_amounts)} amounts; the first is proposed")
        seen_keys = set()
        for key, f, rule in events:
            if key in seen_keys:
                continue
            seen_keys.add(key)
            fields[key] = f.value
            fields[f"{key}_words"] = normalize_space(d.text[f.start:f.end])
            if rule:
                fields[f"{key}_basis"] = "inferred"
                fields[f"{key}_rule"] = rule
                review.append(f"{key}: the date of the meeting the item describes, what the heading says happened "
                              f"(rule {rule}); check")
            quotes_at.append((f.sentence, f.line.span))
        if my_cites:
            fields["publication"] = cite_ids[my_cites[0].start]
            quotes_at.append(((my_cites[0].start, my_cites[0].end), my_cites[0].line.span))
        quotes = [hq]
        for (s, e), line_span in sorted(set(quotes_at)):
            if any(q.start <= s and e <= q.end for q in quotes):
                continue
            q = d.quote(s, e, [(s, e), line_span])
            if q is None:
                break
            quotes.append(q)
        else:
            review.append("districts = [...] as written, description = \"one English sentence\"; "
                          "the id must be unique in the whole corpus")
            c = Candidate("project", fields, sorted(quotes, key=lambda q: q.start),
                          "news item with " + ", ".join(w for w, ok in (("a dated event", events), ("an amount", my_amounts),
                                                                       ("organisations with their kind", my_orgs)) if ok),
                          review, [fields["publication"]] if "publication" in fields else [])
            _modal(c)
            _context(c)
            out.append(c)
    return out


def _sentence_of(pos: int, lines: list[_Line]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The sentence that holds offset *pos*, and its line's span."""
    for line in lines:
        if line.start <= pos < line.end:
            return next((s for s in line.sentences if s[0] <= pos < s[1]), line.span), line.span
    return lines[0].span, lines[0].span


def _pilot_candidates(d: _Doc, lines: list[_Line]) -> list[Candidate]:
    out = []
    for line in lines:
        for sentence in line.sentences:
            pilot = d.pilot.search(d.text, *sentence)
            if not pilot:
                continue
            names = list(d.municipality_names.finditer(d.text, pilot.end(), sentence[1]))
            if not names:
                continue
            q = d.quote(pilot.start(), names[-1].end(), [sentence, line.span])
            if q is None:
                continue
            # the words from the sentence's start to the last name: "In acht pilotwijken in A, B en C"
            q = d.quote(sentence[0], names[-1].end(), [sentence, line.span]) or q
            for m in dict((m.group(0), m) for m in names).values():
                out.append(Candidate("pilot_city", {"name": m.group(0)}, [q],
                                     "municipality (municipalities.csv) in a sentence about pilot districts",
                                     ["check that the sentence names it as a pilot city"]))
    return out


def _mention_candidates(d: _Doc, lines: list[_Line], persons: list[_Found]) -> list[Candidate]:
    """Another spelling of a person or district of the document's team listing: a person with the
    same first name and surname written otherwise ("Jan van de Berg" for "Jan van den Berg"), a
    district written with other spaces or case ("Oosterpark" for "Ooster Park")."""
    out = []
    listed = {name_key(n): n for n in d.listed_persons}
    for f in persons:
        name = f.value["name"]
        if name_key(name) in listed or len(name.split()) < 2:
            continue
        same = [n for n in d.listed_persons if name_key(n.split()[0]) == name_key(name.split()[0])
                and name_key(n.split()[-1]) == name_key(name.split()[-1])]
        if len(same) != 1:
            continue
        q = d.quote(f.start, f.end, [f.sentence, f.line.span])
        if q is not None:
            out.append(Candidate("mention", {"type": "person", "name": name, "refers_to": same[0]}, [q],
                                 f"a spelling of '{same[0]}' of the team listing (same first name and surname)",
                                 ["check that it is the same person"]))
    spelled: set[tuple[str, str]] = set()      # one candidate per spelling: the first place it stands
    for district in d.listed_districts:
        words = re.findall(r"[\w'’-]+", district)
        if not words:
            continue
        pattern = re.compile(r"(?<![\w-])" + r"\s*".join(map(re.escape, words)) + r"(?![\w-])", re.IGNORECASE)
        for line in lines:
            for m in pattern.finditer(d.text, *line.span):
                if normalize_space(m.group(0)) == district:
                    continue
                (a, b), span = _sentence_of(m.start(), [line])
                q = d.quote(m.start(), m.end(), [(a, b), span])
                if q is not None and (normalize_space(m.group(0)), district) not in spelled:
                    spelled.add((normalize_space(m.group(0)), district))
                    out.append(Candidate("mention", {"type": "district", "name": normalize_space(m.group(0)),
                                                     "refers_to": district}, [q],
                                         f"a spelling of the district '{district}' of the team listing",
                                         ["check that it is the same district"]))
    return _dedupe(out)


def _commitment_candidates(d: _Doc, all_lines: list[_Line | None]) -> list[Candidate]:
    """What someone commits to, offers or promises: a sentence with a word of promise (the
    vocabulary's ``[commitments]``), or, where it ends in a colon above a list, each item of the list."""
    out = []
    for n, line in enumerate(all_lines):
        if line is None:
            continue
        for sentence in line.sentences:
            m = d.promises.search(d.text, *sentence)
            if not m:
                continue
            intro = d.quote(*sentence, [sentence, line.span])
            if intro is None:
                continue
            items = []
            if d.text[sentence[1] - 1] == ":" and sentence == line.sentences[-1]:
                for nxt in all_lines[n + 1:]:
                    if nxt is None:
                        if items:
                            break
                        continue
                    if not nxt.bullet:
                        break
                    items.append(nxt)
            before = normalize_space(d.text[sentence[0]:m.start()])
            by_text = before if re.match(r"(?:De|Het|Een)\s", before) and len(before.split()) <= 8 else ""
            dates = _dates(d, sentence, line)
            parts = [(i, (i.start, i.end)) for i in items] or [(line, (m.start(), sentence[1]))]
            for where, (a, b) in parts:
                label = normalize_space(d.text[a:b])
                label = re.sub(r"(?:[;,.:]|\s+(?:en|of))+$", "", label).strip()
                quotes = [intro]
                if where is not line:
                    q = d.quote(where.start, where.end, [where.span])
                    if q is None:
                        continue
                    quotes.append(q)
                fields: dict[str, Any] = {"id": slug(label), "label": label}
                if by_text:
                    fields["by_text"] = by_text
                if dates:
                    fields["target"] = dates[0].value
                fields["content_basis"] = "announced"
                review = ["say who commits: by = \"NAME\" (with by_function) for a person, by_type = \"organisation\" "
                          "for an organisation, or by_text for a group as written" if not by_text else
                          "by_text is the group as written; use by = \"NAME\" where it is a person or organisation",
                          "content_basis \"announced\": what is committed to is still to be done"]
                if dates:
                    review.append(f"target: the date the sentence gives ({dates[0].value}); check it is the target")
                word = next((mm.group(0) for q in quotes for mm in [MODAL.search(q.value)] if mm), None)
                if word:
                    fields["basis"] = "stated"
                    review.append(f"basis \"stated\": the promise is made ('{word}' is what it promises); check")
                out.append(Candidate("commitment", fields, quotes,
                                     f"a word of promise ('{normalize_space(m.group(0))}')"
                                     + (" above a list: one commitment an item" if items else ""), review))
    return _dedupe(out)


def _dedupe(cands: list[Candidate], quotes: bool = True) -> list[Candidate]:
    """The candidates without repeats: the same kind and statement (with *quotes* False, the same
    fields at another place: the first place the text says it)."""
    seen, out = set(), []
    for c in cands:
        key = (c.kind, json.dumps(c.statement() if quotes else c.fields, sort_keys=True, ensure_ascii=False))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _unique_ids(cands: list[Candidate]) -> None:
    """Ids are unique in a file: a second candidate with the same id gets ``-2``, ``-3`` ..."""
    taken: dict[tuple[str, str], int] = {}
    for c in cands:
        if "id" in c.fields and c.kind != "publication":
            base = c.fields["id"]
            n = taken.get((c.kind, base), 0) + 1
            taken[(c.kind, base)] = n
            if n > 1:
                c.fields["id"] = f"{base}-{n}"


# ---------------------------------------------------------------------------------------------- the API

def propose(doc: SourceDocument, reference: Reference | None = None, vocabulary: Vocabulary | None = None,
            kinds: Iterable[str] | None = None) -> list[Candidate]:
    """Candidate statements for the prose of *doc*, grouped by kind (:data:`PROPOSED_KINDS`), each
    kind in the order of the text.

    Parameters
    ----------
    doc : SourceDocument
    reference : the reference data (default: ``data/reference``)
    vocabulary : the words of ``data/reference/propose.toml`` (default: that file)
    kinds : only these statement kinds (default: all of :data:`PROPOSED_KINDS`)

    Returns
    -------
    list of Candidate
        Empty for a document without prose (only a team listing, or nothing to propose).

    Raises
    ------
    SourceError
        If the document's team listing is malformed (as the build would say).
    DataFileError
        If the reference data or vocabulary cannot be read.
    ValueError
        If *kinds* names a kind that is not proposed.

    Notes
    -----
    Each line of the text is read once per kind of finding: O(length of the document).
    """
    kinds = tuple(PROPOSED_KINDS if kinds is None else kinds)
    wrong = [k for k in kinds if k not in PROPOSED_KINDS]
    if wrong:
        raise ValueError(f"'{wrong[0]}' is not a kind that propose proposes ({', '.join(PROPOSED_KINDS)})")
    d = _Doc(doc, reference if reference is not None else load_reference(paths.REFERENCE),
             vocabulary if vocabulary is not None else load_vocabulary())
    all_lines = _prose_lines(d)
    lines = [line for line in all_lines if line is not None]
    found = {w: [] for w in ("date", "amount", "person", "organisation", "citation")}
    for line in lines:
        for s in line.sentences:
            found["date"] += _dates(d, s, line)
            found["amount"] += _amounts(d, s, line)
            found["person"] += _persons(d, s, line)
            found["organisation"] += _organisations(d, s, line)
            found["citation"] += _citations(d, s, line)
    publications, cite_ids = _publication_candidates(d, found["citation"])
    made = {
        "pilot_city": _pilot_candidates(d, lines),
        "mention": _mention_candidates(d, lines, found["person"]),
        "publication": publications,
        "project": _project_candidates(d, _items(d, all_lines), found["date"], found["amount"],
                                       found["organisation"], found["citation"], cite_ids),
        "evaluation": _evaluation_candidates(d, lines, found["citation"], cite_ids, found["person"]),
        "person_function": _person_candidates(d, found["person"]),
        "commitment": _commitment_candidates(d, all_lines),
        "agreement": _agreement_candidates(d, lines, found["person"]),
        "adoption": _adoption_candidates(d, lines, found["person"]),
        "participation": _participation_candidates(d, lines),
    }
    spelled = {c.fields["name"]: c.fields["refers_to"] for c in made["mention"] if c.fields["type"] == "person"}
    for c in made["person_function"] + made["evaluation"]:
        name = c.fields.get("name") or c.fields.get("according_to")
        if name in spelled:
            c.review.append(f"copy the [[mention]] of '{name}' (refers_to '{spelled[name]}') too, or the build "
                            "makes a new person of this spelling")
    out = []
    for kind in PROPOSED_KINDS:
        if kind in kinds:
            cands = sorted(made[kind], key=lambda c: c.start)
            for c in cands:
                if kind != "project":
                    _modal(c)
            out += cands
    _unique_ids(out)
    return out


def propose_file(path: str | Path, reference: Reference | None = None, vocabulary: Vocabulary | None = None,
                 kinds: Iterable[str] | None = None) -> tuple[SourceDocument | None, list[Candidate]]:
    """Read the source file *path* as the build does and propose its candidates.

    An empty file (or one of white space only) has no prose: ``(None, [])``.

    Raises
    ------
    SourceError
        If the file is missing, unreadable, not UTF-8 or binary: the build's own one-line error.
    """
    path = Path(path)
    if path.is_file():
        try:
            if not path.read_bytes().strip():
                return None, []
        except OSError:
            pass            # read_source says why, as the build does
    doc = read_source(path)
    return doc, propose(doc, reference, vocabulary, kinds)


# ---------------------------------------------------------------------------------------------- output

def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def to_toml(doc: SourceDocument | None, candidates: list[Candidate]) -> str:
    """The candidates as a statement file of *doc*: ``source = ...``, then each candidate's
    ``[[kind]]`` table under comments that mark it proposed and say what to review. Nothing at all
    for no candidates.

    Examples
    --------
    >>> from vitalegraph.pipeline.sources import SourceDocument
    >>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit (Onderwijs) is er.".encode())
    >>> print(to_toml(doc, propose(doc)))   # doctest: +NORMALIZE_WHITESPACE
    # Candidate statements proposed by `vitalegraph propose` from x.txt: 1, not reviewed.
    # Review each against the text; copy what holds into data/statements/x.toml (without this header).
    source = "x.txt"
    <BLANKLINE>
    # PROPOSED (person with function word 'wethouder' (functions.csv)), x.txt line 1, characters 0-32
    [[person_function]]
    name = "Els de Wit"
    function = "wethouder"
    portfolio = "Onderwijs"
    quote = "Wethouder Els de Wit (Onderwijs)"
    <BLANKLINE>
    >>> to_toml(doc, [])
    ''
    """
    if not candidates or doc is None:
        return ""
    out = [f"# Candidate statements proposed by `vitalegraph propose` from {doc.name}: {len(candidates)}, not reviewed.",
           f"# Review each against the text; copy what holds into data/statements/{doc.stem}.toml (without this header).",
           f"source = {_toml_value(doc.name)}", ""]
    for c in candidates:
        first = c.quotes[0]
        out.append(f"# PROPOSED ({c.rule}), {doc.name} line {first.line}, characters {first.start}-{first.end}")
        for note in c.review:
            out.append(f"# review: {note}")
        for need in c.needs:
            out.append(f"# needs: the [[publication]] with id = \"{need}\" (proposed here: copy it too)")
        out.append(f"[[{c.kind}]]")
        for k, v in c.statement().items():
            if k == "quote" and isinstance(v, list):
                out.append("quote = [")
                out += [f"    {_toml_value(x)}," for x in v]
                out.append("]")
            else:
                out.append(f"{k} = {_toml_value(v)}")
        out.append("")
    return "\n".join(out)


def to_json(doc: SourceDocument | None, candidates: list[Candidate]) -> str:
    """The candidates as JSON: ``{"source": ..., "candidates": [...]}``, each with ``kind``,
    ``proposed: true``, ``rule``, ``review``, ``needs``, ``statement`` (the TOML table) and
    ``evidence`` (each quote, the exact characters it stands for, their offsets and line); ``""``
    for no candidates."""
    if not candidates or doc is None:
        return ""
    return json.dumps({"source": doc.name, "candidates": [c.to_dict(doc) for c in candidates]},
                      ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------------------------- measuring

def shared_quotes(statements: Iterable[Statement]) -> frozenset[tuple[str, int, int]]:
    """``(kind, start, end)`` of every quote that several curated statements of one kind rest on (a
    list's introduction, a citation, a sentence naming several cities): for :func:`covers`."""
    seen: dict[tuple[str, int, int], int] = {}
    for st in statements:
        for q in {(st.kind, q.start, q.end) for q in st.quotes}:
            seen[q] = seen.get(q, 0) + 1
    return frozenset(k for k, n in seen.items() if n > 1)


def covers(candidate: Candidate, statement: Statement, shared: frozenset = frozenset()) -> bool:
    """Whether *candidate* proposes the curated *statement*: the same kind, a quote that overlaps one
    of the statement's own quotes (character offsets), and, for a kind of :data:`IDENTIFYING`, the
    same thing named (its field equal ignoring case, accents and spaces, or one a surname of the other).

    A statement's own quotes are those not in *shared* (:func:`shared_quotes` of its file), unless all
    of its quotes are shared: the introduction of a list covers no item of it by itself, and a
    citation or a sentence shared by several statements covers only those about the candidate's own
    subject.
    """
    if candidate.kind != statement.kind:
        return False
    own = [s for s in statement.quotes if (statement.kind, s.start, s.end) not in shared] or statement.quotes
    if not any(q.start < s.end and s.start < q.end for q in candidate.quotes for s in own):
        return False
    key = IDENTIFYING.get(statement.kind)
    if key is None or key not in candidate.fields or not isinstance(statement.get(key), str):
        return True
    a, b = name_key(str(candidate.fields[key])), name_key(statement.get(key))
    last = lambda s: name_key(s.split()[-1]) if s.split() else ""   # noqa: E731
    return a == b or last(str(candidate.fields[key])) == b or a == last(statement.get(key))


def not_curated(doc: SourceDocument, candidates: list[Candidate], statements: str | Path) -> list[Candidate]:
    """The *candidates* that cover no statement of *doc*'s statement file in the folder *statements*
    (``<stem>.toml``; all of them when there is none): what a curator has not written down yet. A
    kept candidate that refers to a proposed publication the file has already refers to the file's id.

    Raises
    ------
    StatementError
        If the statement file is malformed or a quote of it is not in *doc* (as the build says).
    """
    from .statements import load_statement_file

    path = Path(statements) / f"{doc.stem}.toml"
    if not path.is_file():
        return list(candidates)
    curated = load_statement_file(path, doc).statements
    shared = shared_quotes(curated)
    kept, same = [], {}
    for c in candidates:
        covered = [st for st in curated if covers(c, st, shared)]
        if not covered:
            kept.append(c)
        elif c.kind == "publication":
            same[c.fields["id"]] = covered[0].get("id")
    for c in kept:     # a publication the curator has already: refer to it by the curator's id
        for key in ("according_to", "publication"):
            if c.fields.get(key) in same:
                c.fields[key] = same[c.fields[key]]
        c.needs = [n for n in c.needs if n not in same]
    return kept
