"""Finders: what a sentence of prose names, as :class:`Found` items for the candidates to use.

Each finder reads one sentence of a line and gives what it finds there with its span: dates
(:func:`find_dates`, as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), amounts of money
(:func:`find_amounts`), persons with a function or title (:func:`find_persons`), organisations
written with their kind (:func:`find_organisations`) and citations of a publisher with a date
(:func:`find_citations`). :func:`find_all` runs them all over the lines of prose; the modules of
candidates then read only these findings and the lines.

Examples
--------
>>> from vitalegraph.pipeline.propose.document import Doc, prose_lines
>>> from vitalegraph.pipeline.propose.vocabulary import load_vocabulary
>>> from vitalegraph.pipeline.reference import load_reference
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> from vitalegraph import paths
>>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit gaf in mei 2008 € 1,5 miljoen.".encode())
>>> d = Doc(doc, load_reference(paths.REFERENCE), load_vocabulary())
>>> found = find_all(d, [line for line in prose_lines(d) if line])
>>> [f.value for f in found["date"]], [f.value for f in found["amount"]], found["person"][0].value["name"]
(['2008-05'], [1500000], 'Els de Wit')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..extraction import normalize_space
from .document import Doc, Line

__all__ = ["Found", "find_all", "find_dates", "find_amounts", "find_persons", "find_organisations",
           "find_citations", "name_at", "PHRASE_WORD", "FINDINGS"]

#: a capitalised word or initials: a word of a name
_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ]\.){1,4}|[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
_NAME = re.compile(rf"(?:{_TOKEN})(?:\s+(?:[a-z']+\s+){{0,3}}(?:{_TOKEN}))*")
#: a word of a department's or organisation's name: a capital or digit first
PHRASE_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-]*")
_AMOUNT = re.compile(r"(?:€|EUR)\s?(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d{1,2}|-))?"
                     r"(?:\s+(?P<scale>miljoen|mln|miljard))?(?![\d\w])"
                     r"|(?<![\w.,])(?P<num2>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec2>\d{1,2}))?"
                     r"(?:\s+(?P<scale2>miljoen|mln|miljard))?\s+euro(?!\w)", re.IGNORECASE)
_CITATION = re.compile(r"\((?P<who>[A-ZÀ-ÖØ-Þ][^(),]{0,40}?),\s*(?P<when>[^()]{4,30}?)\)")


@dataclass
class Found:
    """Something found in a sentence: what, its value(s), its span, the sentence and line it stands in."""

    what: str
    value: Any
    start: int
    end: int
    sentence: tuple[int, int]
    line: Line


#: what :func:`find_all` finds, in that order
FINDINGS = ("date", "amount", "person", "organisation", "citation")


def find_all(d: Doc, lines: list[Line]) -> dict[str, list[Found]]:
    """Everything the finders find in the sentences of *lines*.

    Returns
    -------
    dict
        Per kind of :data:`FINDINGS`, the findings in the order of the text (per sentence, the
        finder's own order).
    """
    found: dict[str, list[Found]] = {w: [] for w in FINDINGS}
    for line in lines:
        for s in line.sentences:
            found["date"] += find_dates(d, s, line)
            found["amount"] += find_amounts(d, s, line)
            found["person"] += find_persons(d, s, line)
            found["organisation"] += find_organisations(d, s, line)
            found["citation"] += find_citations(d, s, line)
    return found


def find_dates(d: Doc, sentence, line) -> list[Found]:
    """The dates of *sentence* (a span of *line*): ``"YYYY"`` for a year alone, ``"YYYY-MM"`` or
    ``"YYYY-MM-DD"``; a day above 31 is no date."""
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
        out.append(Found("date", value, m.start(), m.end(), sentence, line))
    return out


def find_amounts(d: Doc, sentence, line) -> list[Found]:
    """The amounts of euros of *sentence*: ``€ 250.000``, ``€ 40.000,-``, ``€ 1,5 miljoen``,
    ``2.500 euro``, as an int (a float where it has cents)."""
    out = []
    for m in _AMOUNT.finditer(d.text, *sentence):
        num = (m.group("num") or m.group("num2")).replace(".", "")
        dec = (m.group("dec") or m.group("dec2") or "").strip("-")
        scale = {"": 1, "miljoen": 10**6, "mln": 10**6, "miljard": 10**9}[(m.group("scale") or m.group("scale2") or "").casefold()]
        exact = Decimal(f"{num}.{dec or 0}") * scale                  # "€ 1,5 miljoen": 1500000
        value: int | float = int(exact) if exact == exact.to_integral_value() else float(exact)
        out.append(Found("amount", value, m.start(), m.end(), sentence, line))
    return out


def name_at(d: Doc, start: int, end: int) -> tuple[int, int] | None:
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


def _split_department(d: Doc, a: int, b: int, limit: int):
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


def _phrase(d: Doc, start: int, limit: int) -> str:
    """The capitalised words from *start*, joined by spaces, ``en``/``&`` and the commas of a list
    that ends in ``en`` ("Landbouw, Natuur en Voedselkwaliteit", "OC&W"): a department's name as
    Dutch writes it. A comma after which no ``en`` follows ends it ("Sociale Zaken, A. Jansen")."""
    out, pos = [], start
    while True:
        m = PHRASE_WORD.match(d.text, pos, limit)
        if not m:
            break
        out.append(d.text[pos:m.end()])
        pos = m.end()
        j = re.match(r"(?:,?\s+(?:en\s+|&\s+)?)", d.text[pos:limit])
        if not j or not PHRASE_WORD.match(d.text, pos + j.end(), limit):
            break
        out.append(j.group(0))
        pos += j.end()
    phrase = "".join(out).strip()
    parts = phrase.split(",")
    for i in range(1, len(parts)):
        if not re.search(r"\s(?:en|&)\s", ",".join(parts[i:])):
            return ",".join(parts[:i]).strip()
    return phrase


def find_persons(d: Doc, sentence, line) -> list[Found]:
    """Persons with a function: ``TITLE Name [(X) | van DEPT]`` and ``Name, TITLE [van|voor|bij|in X]``.

    Returns
    -------
    list of Found
        Each with a dict value: ``name``, ``name_span``, ``word`` (the title as written, case-folded),
        ``function_word`` (of functions.csv, or None), and where found ``department`` with
        ``department_text``, ``portfolio``, ``organisation``, ``function_start``/``function_end``.
    """
    return _title_then_name(d, sentence, line) + _name_then_title(d, sentence, line)


def _title_then_name(d: Doc, sentence, line) -> list[Found]:
    """``TITLE Name``, then a department (``van X``, or ``(X)`` after a function word that names one)
    or a portfolio in parentheses."""
    a, b = sentence
    text = d.text
    out: list[Found] = []
    for m in d.titles.finditer(text, a, b):
        gap = re.match(r"\s+", text[m.end():b])
        if not gap:
            continue
        span = name_at(d, m.end() + gap.end(), b)
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
        out.append(Found("person", found, m.start(), end, sentence, line))
    return out


def _name_then_title(d: Doc, sentence, line) -> list[Found]:
    """``Name, TITLE``, then ``van|voor|bij`` a department or an organisation, or ``in`` a place."""
    a, b = sentence
    text = d.text
    out: list[Found] = []
    for m in re.finditer(r",\s+(?:\([a-z]+\))?", text[a:b]):
        title = d.titles.match(text, a + m.end(), b)
        if not title:
            continue
        # the name before the comma: the last name-like run of words ending at the comma
        before = text[a:a + m.start()]
        starts = [w.start() for w in re.finditer(rf"(?<![\w'’-])(?:{_TOKEN})", before)]
        span = None
        for s in starts:
            sp = name_at(d, a + s, a + m.start())
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
        out.append(Found("person", found, span[0], end, sentence, line))
    return out


def find_organisations(d: Doc, sentence, line) -> list[Found]:
    """Organisations written after their kind ("woningcorporatie X", "de gemeente Y"): the value is
    ``{"name": ..., "type": the kind word}``; a name that runs on in lower case is left out."""
    out = []
    for m in d.kinds.finditer(d.text, *sentence):
        gap = re.match(r"\s+", d.text[m.end():sentence[1]])
        if not gap:
            continue
        s = m.end() + gap.end()
        words = []
        pos = s
        while True:
            w = PHRASE_WORD.match(d.text, pos, sentence[1])
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
        out.append(Found("organisation", {"name": name, "type": kind}, m.start(), e, sentence, line))
    return out


def find_citations(d: Doc, sentence, line) -> list[Found]:
    """"(Publisher, date)" and "Volgens Publisher (date)": the value is ``{"publisher": ..., "date": ...}``,
    the date read by :func:`find_dates` (a citation without one is none)."""
    out = []
    a, b = sentence
    for m in _CITATION.finditer(d.text, a, b):
        dates = [f for f in find_dates(d, (m.start("when"), m.end("when")), line)
                 if f.start == m.start("when") and f.end == m.end("when")]
        if dates:
            out.append(Found("citation", {"publisher": normalize_space(m.group("who")), "date": dates[0].value},
                             m.start(), m.end(), sentence, line))
    for m in re.finditer(rf"(?i:volgens)\s+(?P<who>(?:{_TOKEN})(?:\s+(?:{_TOKEN})){{0,3}})\s*\((?P<when>[^()]{{4,30}})\)",
                         d.text[a:b]):
        s, e = a + m.start("when"), a + m.end("when")
        dates = [f for f in find_dates(d, (s, e), line) if f.start == s and f.end == e]
        if dates:
            out.append(Found("citation", {"publisher": normalize_space(m.group("who")), "date": dates[0].value},
                             a + m.start(), a + m.end(), sentence, line))
    return out

