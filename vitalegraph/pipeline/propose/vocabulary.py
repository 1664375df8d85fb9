"""The words propose reads with: the general Dutch vocabulary of ``data/reference/propose.toml``.

Months, job titles, kinds of organisation, stance words, words of promise, of signing and of
adopting: nothing of any one document, only Dutch as documents of this kind write it. A word list
becomes one case-insensitive whole-word pattern (:func:`alternation`); :data:`WORD_PATTERNS` names
the lists that :class:`~vitalegraph.pipeline.propose.document.Doc` makes its patterns of.

Examples
--------
>>> vocab = Vocabulary({"months": {"mei": 5}, "persons": {"titles": ["wethouder"]}})
>>> vocab.months, vocab.words("persons", "titles"), vocab.words("persons", "particles")
({'mei': 5}, ['wethouder'], [])
>>> alternation(["de wethouder", "wethouder"]).findall("De  Wethouder en de wethouders")
['De  Wethouder']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ... import paths
from ...errors import DataFileError

__all__ = ["Vocabulary", "load_vocabulary", "alternation", "WORD_PATTERNS", "REGEX_LISTS"]


@dataclass(frozen=True)
class Vocabulary:
    """The general Dutch words of ``data/reference/propose.toml`` (see that file).

    Parameters
    ----------
    data : dict
        The file's tables as :mod:`tomllib` reads them.
    """

    data: dict = field(repr=False)

    def words(self, table: str, key: str) -> list[str]:
        """The word list *key* of table *table* (empty when the file has none)."""
        return list(self.data.get(table, {}).get(key, []))

    @cached_property
    def months(self) -> dict[str, int]:
        """Each month's name (case-folded) and its number."""
        return {k.casefold(): int(v) for k, v in self.data.get("months", {}).items()}

    @cached_property
    def stances(self) -> list[tuple[str, re.Pattern]]:
        """Each stance (``positive``, ``negative`` ...) and the pattern of the words that take it."""
        return [(stance, alternation(patterns, regex=True)) for stance, patterns in self.data.get("stances", {}).items()]


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Load the vocabulary (default ``data/reference/propose.toml``).

    Parameters
    ----------
    path : str or Path, optional
        A TOML file in the format of ``data/reference/propose.toml``.

    Returns
    -------
    Vocabulary

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


def alternation(words: Iterable[str], regex: bool = False) -> re.Pattern:
    """A case-insensitive whole-word pattern for any of *words* (longest first).

    Parameters
    ----------
    words : iterable of str
        Words or phrases; the white space inside a phrase matches any white space.
    regex : bool
        The words are regular expressions already (taken as they are).

    Returns
    -------
    re.Pattern
        A pattern that never matches when *words* is empty.
    """
    parts = sorted((w if regex else r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + ("|".join(parts) or "(?!)") + r")(?![\w-])", re.IGNORECASE)


#: the pattern attributes of :class:`~vitalegraph.pipeline.propose.document.Doc` made of a word
#: list of the vocabulary: ``(table, key)``
WORD_PATTERNS = {
    "reporting": ("persons", "reporting"), "kinds": ("organisations", "kinds"),
    "presented": ("projects", "presented"), "started": ("projects", "start"), "meetings": ("projects", "meetings"),
    "pilot": ("pilot", "patterns"), "promises": ("commitments", "patterns"),
    "agreement_kinds": ("agreements", "kinds"), "signing": ("agreements", "signing"), "behalf": ("agreements", "behalf"),
    "adopting": ("adoptions", "verbs"), "successor": ("adoptions", "successor"),
    "participating": ("participation", "words"), "excepting": ("participation", "except"),
}
#: the word lists that are regular expressions rather than words
REGEX_LISTS = {("pilot", "patterns"), ("commitments", "patterns")}
