"""Extraction, the pipeline after sources: read the team listing of a project page by its structure.

A team in the listing is written as::

    Place,                      (or one line: Place, District)
    District
                                (blank lines anywhere)
    Toelichting (pdf-bestand)   (with or without the space)
    Theme
     • Name (function, party or organisation)
     • Name (function)  Start of the next name      <- a bullet that wraps
     • rest of that name (function),

Nothing here knows a team, person or place by name: the rules read only the layout, so a team
appended to a listing in this format becomes a new team. Every piece of text comes with its
character offsets into :attr:`SourceDocument.text`, so each fact can point back to its words.
Non-breaking spaces, byte-order marks, CRLF line ends and trailing commas make no difference.

Malformed listings raise :class:`~vitalegraph.errors.SourceError` as ``file:line: what is wrong``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import SourceError
from .reference import name_key
from .sources import SourceDocument

__all__ = ["Text", "MemberBullet", "TeamListing", "ProjectInfo", "extract_teams",
           "extract_project_info", "normalize_space"]

BULLET = "•"
_TOELICHTING = re.compile(r"^toelichting\s*\(\s*pdf-bestand\s*\)$", re.IGNORECASE)
_START = re.compile(r"^start\s*:\s*(\d{4})\b", re.IGNORECASE)
_END = re.compile(r"^(?:voltooiing|voltooing|einde|oplevering)\s*:\s*(\d{4})\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# characters that count as white space when trimming: Unicode white space, BOM, zero-width space
_TRIM = "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) + "\ufeff\u200b"


def normalize_space(text: str) -> str:
    """Collapse every run of white space (non-breaking spaces and line breaks too) to one space.

    Control characters other than white space are dropped; BOM and zero-width spaces too.

    >>> normalize_space(" Tjeerd\\u00a0Herrema \\r\\n (wethouder) ")
    'Tjeerd Herrema (wethouder)'
    """
    text = "".join(" " if ch in "\ufeff\u200b" else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch) != "Cc")
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Text:
    """A piece of a document: its normalised value and where it stands.

    ``doc.text[start:end]`` is the exact text in the file (before normalisation).
    """

    value: str
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class MemberBullet:
    """One bullet of a team: the person's name and the text between the parentheses."""

    name: Text
    function: Text
    quote: Text
    position: int


@dataclass(frozen=True)
class TeamListing:
    """One adoption team as the listing gives it."""

    place: Text
    district: Text
    theme: Text
    quote: Text
    members: tuple[MemberBullet, ...]

    @property
    def line(self) -> int:
        return self.quote.line


@dataclass(frozen=True)
class ProjectInfo:
    """The project page's header: its title and its start and completion years."""

    title: Text | None
    start: Text | None
    end: Text | None


def _text(doc: SourceDocument, start: int, end: int, strip: str = _TRIM) -> Text | None:
    """A :class:`Text` for ``doc.text[start:end]`` trimmed of *strip* at both ends."""
    raw = doc.text[start:end]
    left = len(raw) - len(raw.lstrip(strip))
    right = len(raw.rstrip(strip))
    if right <= left:
        return None
    s, e = start + left, start + right
    value = normalize_space(doc.text[s:e])
    if not value:       # only control characters
        return None
    return Text(value, s, e, doc.line_of(s))


def _clean(line: str) -> str:
    return normalize_space(line)


def _split_outside_parens(value: str) -> int:
    """Index of the first comma not inside parentheses, or -1."""
    depth = 0
    for i, ch in enumerate(value):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return i
    return -1


def _header(doc: SourceDocument, cleaned: list[str], t: int) -> tuple[Text, Text]:
    """Place and district of the team whose Toelichting line has index *t*."""
    a = t - 1
    while a >= 0 and not cleaned[a]:
        a -= 1
    where = t + 1
    if a < 0 or cleaned[a].startswith(BULLET) or _TOELICHTING.match(cleaned[a]):
        raise SourceError(doc.name, where, "team without a place and district: expected "
                          "'Place, District' (or a 'Place,' line and a 'District' line) above this line")
    start, end = doc.line_span(a + 1)
    if a > 0 and cleaned[a - 1].endswith(",") and not cleaned[a - 1].startswith(BULLET):
        pstart, pend = doc.line_span(a)
        place = _text(doc, pstart, pend, _TRIM + ",")
        district = _text(doc, start, end, _TRIM + ",")
    else:
        line = doc.text[start:end]
        comma = _split_outside_parens(line)
        if comma < 0:
            raise SourceError(doc.name, a + 1, f"team without a district: '{cleaned[a]}' should read "
                              "'Place, District' (or stand as 'Place,' above a 'District' line)")
        place = _text(doc, start, start + comma, _TRIM + ",")
        district = _text(doc, start + comma + 1, end, _TRIM + ",")
    if place is None:
        raise SourceError(doc.name, a + 1, "team without a place name before the comma")
    if district is None:
        raise SourceError(doc.name, a + 1, f"team in '{place.value}' without a district")
    return place, district


def _bullet_items(doc: SourceDocument, cleaned: list[str], first: int) -> tuple[list[tuple[int, int, int]], int]:
    """The bullet items from line index *first* on: ``(line_index, start, end)`` each.

    An item runs from just after its bullet sign to the end of its line, or of the next line
    when that line is not a bullet and the item's parenthesis is still open (a wrapped function).
    Returns the items and the index of the first line after them.
    """
    items: list[tuple[int, int, int]] = []
    i, n = first, len(cleaned)
    while i < n:
        c = cleaned[i]
        if not c:
            i += 1
            continue
        if c.startswith(BULLET):
            start, end = doc.line_span(i + 1)
            items.append((i, doc.text.index(BULLET, start) + 1, end))
            i += 1
            continue
        if items and items[-1][0] == i - 1 and not _TOELICHTING.match(c):
            last = items[-1]
            if _open_paren(doc.text[last[1]:last[2]]):
                items[-1] = (i, last[1], doc.line_span(i + 1)[1])
                i += 1
                continue
        break
    return items, i


def _open_paren(text: str) -> bool:
    return text.count("(") > text.count(")")


def _close_paren(text: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _members(doc: SourceDocument, items: list[tuple[int, int, int]], team: str) -> list[MemberBullet]:
    members: list[MemberBullet] = []
    carry: Text | None = None
    for _line_index, start, end in items:
        raw = doc.text[start:end]
        first_line = doc.line_of(start)
        p = raw.find("(")
        if p < 0:
            raise SourceError(doc.name, first_line, f"bullet in team '{team}' without "
                              "'(function, party or organisation)' after the name")
        q = _close_paren(raw, p)
        if q < 0:
            raise SourceError(doc.name, first_line, f"bullet in team '{team}' without a closing parenthesis")
        name_part = _text(doc, start, start + p)
        if carry is not None:
            name_start = carry.start
            value = normalize_space(carry.value + " " + (name_part.value if name_part else ""))
        elif name_part is not None:
            name_start, value = name_part.start, name_part.value
        else:
            raise SourceError(doc.name, first_line, f"bullet in team '{team}' without a name before '('")
        if not value:
            raise SourceError(doc.name, first_line, f"bullet in team '{team}' without a name before '('")
        name_end = name_part.end if name_part else carry.end
        name = Text(value, name_start, name_end, doc.line_of(name_start))
        function = _text(doc, start + p + 1, start + q)
        if function is None:
            raise SourceError(doc.name, first_line, f"bullet for '{value}' has empty parentheses")
        quote = Text(normalize_space(doc.text[name_start:start + q + 1]), name_start, start + q + 1,
                     doc.line_of(name_start))
        members.append(MemberBullet(name, function, quote, len(members) + 1))
        carry = _text(doc, start + q + 1, end, _TRIM + ",;.")
        if carry is not None and not any(ch.isalpha() for ch in carry.value):
            carry = None
    if carry is not None:
        raise SourceError(doc.name, carry.line, f"text '{carry.value}' after the last bullet's closing "
                          "parenthesis does not start a next bullet")
    return members


def extract_teams(doc: SourceDocument) -> list[TeamListing]:
    """Every adoption team in *doc*'s team listing, in the order of the listing.

    A document without ``Toelichting`` lines has no listing and gives ``[]``.

    Parameters
    ----------
    doc : SourceDocument

    Returns
    -------
    list of TeamListing

    Raises
    ------
    SourceError
        ``file:line: what is wrong`` for a team without place, district, theme or members, a
        bullet without a name or a closing parenthesis, a person listed twice in one team, or a
        team listed twice.

    Examples
    --------
    >>> text = "Utrecht,\\nOvervecht\\n\\nToelichting (pdf-bestand)\\n\\nImpulsen\\n • A B (wethouder, PvdA)\\n"
    >>> [t.district.value for t in extract_teams(SourceDocument.from_bytes("x.txt", text.encode()))]
    ['Overvecht']

    Notes
    -----
    One pass over the lines: O(length of the document).
    """
    cleaned = [_clean(doc.line_text(i + 1)) for i in range(len(doc.line_starts))]
    toelichting = [i for i, c in enumerate(cleaned) if _TOELICHTING.match(c)]
    teams: list[TeamListing] = []
    seen: dict[tuple[str, str, str], int] = {}
    for t in toelichting:
        place, district = _header(doc, cleaned, t)
        label = f"{place.value}, {district.value}"
        h = t + 1
        while h < len(cleaned) and not cleaned[h]:
            h += 1
        if h >= len(cleaned) or cleaned[h].startswith(BULLET) or _TOELICHTING.match(cleaned[h]):
            raise SourceError(doc.name, t + 1, f"team '{label}' without a theme line after its Toelichting line")
        theme = _text(doc, *doc.line_span(h + 1))
        items, _after = _bullet_items(doc, cleaned, h + 1)
        if not items:
            raise SourceError(doc.name, h + 1, f"team '{label}' without members: no '• Name (function)' "
                              "lines after its theme")
        members = _members(doc, items, label)
        seen_names: dict[str, int] = {}
        for m in members:
            k = name_key(m.name.value)
            if k in seen_names:
                raise SourceError(doc.name, m.name.line, f"'{m.name.value}' is listed twice in team '{label}' "
                                  f"(first at line {seen_names[k]})")
            seen_names[k] = m.name.line
        key = tuple(v.casefold() for v in (place.value, district.value, theme.value))
        if key in seen:
            raise SourceError(doc.name, place.line, f"team '{label}' with theme '{theme.value}' is listed "
                              f"twice (first at line {seen[key]})")
        seen[key] = place.line
        quote_start = place.start
        quote = Text(normalize_space(doc.text[quote_start:theme.end]), quote_start, theme.end, place.line)
        teams.append(TeamListing(place, district, theme, quote, tuple(members)))
    return teams


def extract_project_info(doc: SourceDocument) -> ProjectInfo:
    """The title and the start and completion years of a project page.

    The title is the nearest non-blank line above the ``Start:`` line. A document without a
    ``Start:`` line gives a :class:`ProjectInfo` of ``None``.

    >>> doc = SourceDocument.from_bytes("x.txt", b"Project\\n\\nDe wijk\\n\\nStart: 2006\\nVoltooing: 2007\\n")
    >>> info = extract_project_info(doc)
    >>> info.title.value, info.start.value, info.end.value
    ('De wijk', '2006', '2007')
    """
    title = start = end = None
    lines = [_clean(doc.line_text(i + 1)) for i in range(len(doc.line_starts))]
    for i, c in enumerate(lines):
        m = _START.match(c)
        if m and start is None:
            s, _e = doc.line_span(i + 1)
            off = doc.text.index(m.group(1), s)
            start = Text(m.group(1), off, off + 4, i + 1)
            j = i - 1
            while j >= 0 and not lines[j]:
                j -= 1
            if j >= 0:
                title = _text(doc, *doc.line_span(j + 1))
            for k in range(i + 1, min(i + 3, len(lines))):
                m2 = _END.match(lines[k])
                if m2:
                    s2, _e2 = doc.line_span(k + 1)
                    off2 = doc.text.index(m2.group(1), s2)
                    end = Text(m2.group(1), off2, off2 + 4, k + 1)
            break
    return ProjectInfo(title, start, end)
