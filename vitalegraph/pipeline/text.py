"""Text, the pipeline beside resolution: each source document cut into paragraphs and sentences.

The offsets are character offsets into the file decoded as UTF-8 (:attr:`SourceDocument.text`), the
very offsets of the evidence selectors (``oa:TextPositionSelector``), so that every quote a fact
rests on can be tied to the sentences it lies in; ``text[start:end]`` is always the string itself.
:mod:`vitalegraph.pipeline.nif` writes them as NIF 2.1 strings.

How a document is cut:

* a **paragraph** is a run of lines without a blank line (a line of white space only, non-breaking
  spaces included) between them, trimmed of white space;
* every **line** ends a sentence: in the formats of the sources a line is a heading, a listing line,
  a bullet or a whole paragraph of prose (neither seed wraps its prose), so a line break is never
  inside a sentence;
* within a line the sentences are found by **sentencex** (Wikimedia's sentence segmenter, PyPI
  ``sentencex``: rules compiled into the package, with a hand-made list of abbreviations for Dutch
  and some 300 other languages; nothing is downloaded at run time). It was chosen over ``pysbd``
  (language ``nl``), whose Dutch rules split after "prof.", "drs." and "Dr." (``Basisscholen Ru Paré
  en prof. | Einsteinschool``) and whose character spans have had bugs of their own
  (nipunsadvilkar/pySBD#49, #83; last release 2021); sentencex keeps those together, and "t/m",
  quotations ("Een klein wonder. Echt." stays one sentence with the words around it) and its
  offsets are Python string offsets. One rule is added after it: a sentence that sentencex ends
  after a full stop is joined to the next one on the same line when that cannot start a sentence
  (sentencex ends one after "o.a."; a Dutch sentence does not start in lower case);
* each sentence is trimmed of white space; a bullet (``•``) stays in the sentence it starts.

sentencex's offsets are checked against the text they give: its 1.0 series mended two offset bugs
(wikimedia/sentencex#65: a chunk boundary inside a multi-byte character, paragraph breaks of
``\\r\\n``); a line whose boundaries do not give back their text, or on which the library fails, is
kept as one sentence.

Examples
--------
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("a.txt", "Kop\\n • Jan (wethouder)\\n\\nZe kwam van 0 t/m 14 mei. Prof. Bos sprak.".encode())
>>> t = segment(doc)
>>> [doc.text[s:e] for s, e in t.paragraphs]
['Kop\\n • Jan (wethouder)', 'Ze kwam van 0 t/m 14 mei. Prof. Bos sprak.']
>>> [doc.text[s.start:s.end] for s in t.sentences]
['Kop', '• Jan (wethouder)', 'Ze kwam van 0 t/m 14 mei.', 'Prof. Bos sprak.']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .sources import SourceDocument

__all__ = ["Sentence", "DocumentText", "segment", "paragraphs", "sentences", "LANGUAGE"]

#: the language whose rules cut a document without a declared language
LANGUAGE = "nl"

_TRIM = "\ufeff"   # a byte-order mark is kept in the text but is no part of a sentence


@dataclass(frozen=True, order=True)
class Sentence:
    """A sentence: its offsets and the index of its paragraph in :attr:`DocumentText.paragraphs`."""

    start: int
    end: int
    paragraph: int


@dataclass
class DocumentText:
    """One document cut into paragraphs and sentences; ``mentions`` is filled by
    :mod:`vitalegraph.pipeline.mentions`."""

    name: str
    stem: str
    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[Sentence]
    mentions: list = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences that the span ``[start, end)`` lies in, wholly or in part, in order.

        >>> from vitalegraph.pipeline.sources import SourceDocument
        >>> t = segment(SourceDocument.from_bytes("a.txt", b"Een zin. Nog een zin.\\nDerde."))
        >>> [(s.start, s.end) for s in t.sentences_in(4, 12)]
        [(0, 8), (9, 21)]
        """
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out, stop, sents = [], max(end, start + 1), self.sentences
        while i < len(sents) and sents[i].start < stop:   # no slice: a copy of the rest each call
            if sents[i].end > start:
                out.append(sents[i])
            i += 1
        return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Every line's offsets, without its ``\\n``."""
    out, start = [], 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            out.append((start, len(text)))
            return out
        out.append((start, nl))
        start = nl + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of *text*: runs of non-blank lines, trimmed of white space.

    >>> paragraphs("a\\nb\\n \\u00a0\\n\\nc ")
    [(0, 3), (8, 9)]
    """
    out: list[tuple[int, int]] = []
    first = last = None
    for start, end in _lines(text) + [(len(text), len(text))]:
        s, e = _trim(text, start, end)
        if s == e:                       # a blank line ends the paragraph
            if first is not None:
                out.append((first, last))
                first = None
            continue
        if first is None:
            first = s
        last = e
    return out


def _library_spans(line: str, language: str) -> list[tuple[int, int]]:
    import sentencex

    try:
        found = sentencex.get_sentence_boundaries(language, line)
    except Exception:   # noqa: BLE001 - a failing line is kept whole (see the module docstring)
        return [(0, len(line))]
    spans = [(b["start_index"], b["end_index"]) for b in found]
    if any(line[s:e] != b["text"] for (s, e), b in zip(spans, found)):   # wikimedia/sentencex#65
        return [(0, len(line))]
    return spans


_ORDINAL = re.compile(r"\d+(?:e|de|ste)\b")


def _continues(text: str, end: int, start: int) -> bool:
    """Whether the sentence at *start* goes on the one that ends at *end*: that one ends in a full
    stop (an abbreviation) and this one starts as no sentence does, in lower case, with ``/ , ; : )``
    or with an ordinal ("onafh. 3e/minister-stas").

    >>> [_continues(t, 5, 6) for t in ("o.a.. de", "Zie.. De", "nfh.. 3e", "nfh.. /D", "Zie.. 13")]
    [True, False, True, True, False]
    """
    if text[end - 1] != ".":
        return False
    c = text[start]
    return c.islower() or c in "/,;:)" or bool(_ORDINAL.match(text, start))


def sentences(text: str, start: int, end: int, language: str = LANGUAGE) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (one line or more), as offsets into *text*.

    >>> t = "Zie o.a. de nota. Drs. Jansen en prof. Kok: \\"Een wonder. Echt.\\" Klaar."
    >>> [t[s:e] for s, e in sentences(t, 0, len(t))]
    ['Zie o.a. de nota.', 'Drs. Jansen en prof. Kok: "Een wonder. Echt."', 'Klaar.']
    """
    out: list[tuple[int, int]] = []
    for ls, le in _lines(text[start:end]):
        ls, le = start + ls, start + le
        line_spans = []
        for s, e in _library_spans(text[ls:le], language):
            s, e = _trim(text, ls + s, ls + e)
            if s == e:
                continue
            if line_spans and _continues(text, line_spans[-1][1], s):
                line_spans[-1] = (line_spans[-1][0], e)     # "o.a. de nota": one sentence
            else:
                line_spans.append((s, e))
        out += line_spans
    return out


def segment(doc: SourceDocument, language: str = LANGUAGE) -> DocumentText:
    """*doc* cut into paragraphs and sentences (see the module docstring).

    Parameters
    ----------
    doc : SourceDocument
    language : str
        The ISO 639-1 code whose rules sentencex applies (the document's ``dct:language``).

    Returns
    -------
    DocumentText
    """
    paras = paragraphs(doc.text)
    sents = [Sentence(s, e, i) for i, (ps, pe) in enumerate(paras) for s, e in sentences(doc.text, ps, pe, language)]
    return DocumentText(doc.name, doc.stem, doc.text, paras, sents)
