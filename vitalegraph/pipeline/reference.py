"""Reference data: departments, municipalities, parties and function words.

Loaded from the CSV files in ``data/reference/`` (their README says where each row comes from).
The lookups match names as the sources write them: case, accents, white space, punctuation and
``&`` versus ``en`` make no difference, so "Verkeer & Waterstaat" finds Verkeer en Waterstaat.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError

__all__ = ["name_key", "slug", "Department", "Municipality", "Party", "FunctionWord", "Reference",
           "load_reference"]


def name_key(text: str) -> str:
    """A matching key: accents, case, punctuation and white space removed, ``&`` read as ``en``.

    >>> name_key("Verkeer & Waterstaat") == name_key("verkeer en waterstaat")
    True
    >>> name_key("Overtoomseveld") == name_key("Overtoomse Veld")
    True
    """
    text = unicodedata.normalize("NFKD", text.replace("&", " en "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text.casefold())


def slug(text: str, limit: int = 60) -> str:
    """A readable IRI segment: lower-case ASCII words joined by ``-``, at most *limit* characters.

    >>> slug("Clémence Ross-van Dorp")
    'clemence-ross-van-dorp'
    >>> slug("Zuid (Pendrecht, Bloemhof, Hillesluis)")
    'zuid-pendrecht-bloemhof-hillesluis'
    >>> slug("aaa bbb ccc", 7), slug("aaa bbb ccc", 8), slug("aaaaaaaaaa", 4)
    ('aaa-bbb', 'aaa-bbb', 'aaaa')
    """
    text = unicodedata.normalize("NFKD", text.replace("&", " en "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    if len(text) > limit:   # cut at the last whole word that fits (one ending at the limit included)
        head = text[:limit + 1]
        text = head.rsplit("-", 1)[0] if "-" in head else text[:limit]
    return text or "x"


def _words(text: str) -> list[str]:
    return [k for k in (name_key(w) for w in re.split(r"[\s,]+", text)) if k not in ("", "en")]


@dataclass(frozen=True)
class Department:
    key: str
    kind: str  # ministry | portfolio
    abbreviations: tuple[str, ...]
    name_nl: str
    name_en: str
    tooi: str
    wikidata: str
    source: str


@dataclass(frozen=True)
class Municipality:
    key: str
    name: str
    cbs_code: str
    tooi: str
    wikidata: str
    places: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Party:
    key: str
    abbreviation: str
    name: str
    wikidata: str
    source: str


@dataclass(frozen=True)
class FunctionWord:
    pattern: str
    function: str
    coalition_role: str
    names_department: bool


@dataclass
class Reference:
    """The reference tables with their lookups."""

    departments: list[Department] = field(default_factory=list)
    municipalities: list[Municipality] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    functions: list[FunctionWord] = field(default_factory=list)

    def __post_init__(self):
        self._dept = {}
        for d in self.departments:
            for name in (d.name_nl, *d.abbreviations, d.key):
                self._dept.setdefault(name_key(name), d)
        self._muni = {}
        for m in self.municipalities:
            self._muni.setdefault(name_key(m.name), m)
        for m in self.municipalities:  # places come after names: a name always wins
            for p in m.places:
                self._muni.setdefault(name_key(p), m)
        self._party = {}
        for p in self.parties:
            self._party.setdefault(name_key(p.abbreviation), p)
            self._party.setdefault(name_key(p.name), p)
        self.functions = sorted(self.functions, key=lambda f: -len(f.pattern))

    def department(self, text: str) -> tuple[Department | None, bool]:
        """The department *text* names, and whether the match is exact.

        Falls back to the one department whose name starts with the same first two words
        (the sources write "Landbouw, Natuur en Voedselveiligheid" for Landbouw, Natuur en
        Voedselkwaliteit); such a match is not exact, so the caller records the spelling.
        """
        text = re.sub(r"^(het\s+)?(ministerie|departement)\s+(van|voor)\s+", "", text.strip(), flags=re.I)
        key = name_key(text)
        if not key:
            return None, False
        if key in self._dept:
            return self._dept[key], True
        words = _words(text)
        if len(words) >= 2:
            # the one department whose name starts with the same words ("Sociale Zaken"), or,
            # for a name of three words or more, whose first two words are the same
            hits = {d.key: d for d in self.departments
                    if _words(d.name_nl)[:len(words)] == words
                    or (len(words) >= 3 and _words(d.name_nl)[:2] == words[:2])}
            if len(hits) == 1:
                return next(iter(hits.values())), False
        return None, False

    def municipality(self, text: str) -> Municipality | None:
        """The municipality *text* names, by name or by one of its places (Zaandam: Zaanstad)."""
        return self._muni.get(name_key(text))

    def party(self, text: str) -> Party | None:
        return self._party.get(name_key(text))

    def function(self, text: str) -> tuple[FunctionWord | None, str]:
        """The function word *text* starts with, and the rest of the text after it.

        >>> ref = Reference(functions=[FunctionWord("minister van", "minister", "cabinet-member", True),
        ...                            FunctionWord("minister", "minister", "cabinet-member", True)])
        >>> f, rest = ref.function("minister van Financiën")
        >>> f.function, rest
        ('minister', 'Financiën')
        """
        low = text.casefold()
        for f in self.functions:
            if low == f.pattern or (low.startswith(f.pattern) and not low[len(f.pattern)].isalnum()):
                return f, text[len(f.pattern):].strip(" ,;:")
        return None, text


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(f"{path}: missing column '{missing[0]}'")
            return [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read reference data ({exc.strerror})") from None


def load_reference(directory: str | Path) -> Reference:
    """Load the four reference tables from *directory*.

    Raises
    ------
    DataFileError
        If a file is missing, unreadable, or lacks a column.
    """
    d = Path(directory)
    split = lambda v: tuple(x.strip() for x in v.split("|") if x.strip())  # noqa: E731
    deps = [Department(r["key"], r["kind"], split(r["abbreviations"]), r["name_nl"], r["name_en"],
                       r["tooi"], r["wikidata"], r["source"])
            for r in _rows(d / "ministries.csv", ("key", "kind", "abbreviations", "name_nl", "name_en",
                                                  "tooi", "wikidata", "source"))]
    munis = [Municipality(r["key"], r["name"], r["cbs_code"], r["tooi"], r["wikidata"], split(r["places"]),
                          r["source"])
             for r in _rows(d / "municipalities.csv", ("key", "name", "cbs_code", "tooi", "wikidata",
                                                       "places", "source"))]
    parties = [Party(r["key"], r["abbreviation"], r["name"], r["wikidata"], r["source"])
               for r in _rows(d / "parties.csv", ("key", "abbreviation", "name", "wikidata", "source"))]
    functions = [FunctionWord(r["pattern"].casefold(), r["function"], r["coalition_role"],
                              r["names_department"] == "yes")
                 for r in _rows(d / "functions.csv", ("pattern", "function", "coalition_role", "names_department"))]
    return Reference(deps, munis, parties, functions)
