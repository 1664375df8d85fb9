"""Mentions, the pipeline after resolution: every place a source writes a name of a known entity.

After resolution the graph knows its persons, organisations, departments, municipalities and
districts (:data:`LINKED_KINDS`) with every name they go by: the preferred and alternative labels,
the notations (VROM, SZW) and the spellings the sources use. Every occurrence of one of those names
in any sentence of any source (:mod:`vitalegraph.pipeline.text`) becomes a :class:`Mention`, linked
to the entity it names, or kept as ambiguous with the candidates it could name. Nothing is guessed:
linking words to a node is the project's reading of them, so each link is ``inferred`` and names
the rule (``vg:Rule`` in the ontology) that made it:

* ``known-name``: the words are a name that exactly one known entity has;
* ``surname-in-department``: a surname alone (a person's last name, or a name two persons share,
  "Bos" for the minister of Finance and for the SZW director-general Jan van der Bos) is the one
  candidate whose post fits the function word and the department written next to it in the
  sentence ("Minister Bos (Financiën)", "minister Zalm van Financiën", "Bos, directeur-generaal van
  het ministerie van Sociale Zaken"), read with ``data/reference/functions.csv`` and
  ``ministries.csv``;
* ``statement-reading``: a surname or a shared name that the team listing or a curated statement
  names at this very place as one entity (the statement, with its quote, says whom it means: "zijn
  opvolger Bos" is minister Zalm's successor);
* otherwise a surname or shared name is an **ambiguous** mention naming its candidates (a surname is
  ambiguous even with one known bearer: others may bear it).

A person's surname is read from the name as written, without a list of names: the last word, and
from the first word in lower case on (a particle, an apostrophe before it aside: "van der Bos"
gives "Van der Bos" as written after a function word, "Arie 't Hart" gives "'t Hart") or from a
word with a hyphen before lower case ("Ross-van Dorp"). Names are matched as whole words (tokens
of letters and digits, and each other character apart; white space is not compared),
case-sensitively (*justitie* in "politie en justitie" is no department), the longest name first at
each place, never across a sentence.

Examples
--------
>>> tokens("Minister Bos (Financiën) gaf")
[('Minister', 0, 8), ('Bos', 9, 12), ('(', 13, 14), ('Financiën', 14, 23), (')', 23, 24), ('gaf', 25, 28)]
>>> surnames("Jan van der Bos"), surnames("Clémence Ross-van Dorp"), surnames("Bos")
(['Bos', 'Van der Bos'], ['Ross-van Dorp'], [])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .reference import Reference
from .resolution.model import Model, Ref
from .text import DocumentText

__all__ = ["Mention", "link_mentions", "names", "tokens", "surnames", "LINKED_KINDS", "RULES"]

#: the kinds of entity whose mentions are linked
LINKED_KINDS = ("person", "organisation", "department", "municipality", "district")
#: the rules a link rests on (each a ``vg:Rule`` of the ontology)
RULES = ("known-name", "surname-in-department", "statement-reading")

_TOKEN = re.compile(r"\w+|[^\w\s]")
_LETTERS = re.compile(r"[\W_]+")
# what may stand between a name and its department, or a function word and its department:
# "Bos (Financiën)", "Zalm van Financiën", "van het ministerie van Sociale Zaken"
_GLUE = re.compile(r"\s*[(,]?\s*(?:(?:van|voor)\s+)?(?:(?:het\s+)?(?:ministerie|departement)\s+(?:van|voor)\s+)?",
                   re.IGNORECASE)
_DEPARTMENT_WORDS = re.compile(r"[^),;.]+")


@dataclass(frozen=True, order=True)
class Mention:
    """The words ``[start, end)`` of document *doc* name a known entity.

    ``entity`` is the key of the entity they are linked to (``None`` for an ambiguous mention),
    ``candidates`` the keys of every entity the words could name, ``rule`` the rule of the link.
    """

    doc: str
    start: int
    end: int
    entity: str | None
    candidates: tuple[str, ...]
    rule: str | None


def tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """The tokens of *text*: runs of letters and digits, and every other character but white space."""
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def surnames(label: str) -> list[str]:
    """The surnames a person of name *label* can be written by alone (none for a one-word name)."""
    words = label.split()
    if len(words) < 2:
        return []
    for i in range(1, len(words)):
        if words[i].lstrip("'’")[:1].islower():  # a particle: "van der Bos", "'t Hart"
            return [words[-1], " ".join([words[i][:1].upper() + words[i][1:]] + words[i + 1:])]
        if re.search(r"-[a-z]", words[i]):      # "Ross-van Dorp"
            return [" ".join(words[i:])]
    return [words[-1]]


def names(model: Model) -> dict[tuple[str, ...], dict[str, bool]]:
    """Every name of every entity of :data:`LINKED_KINDS`, as its tuple of tokens, with the entities
    it names; the flag is True where the name is only a surname (a short form) of that entity."""
    out: dict[tuple[str, ...], dict[str, bool]] = {}

    def add(name: str, key: str, short: bool) -> None:
        toks = tuple(t for t, _s, _e in tokens(name))
        if not toks or not any(ch.isalpha() for ch in name):
            return
        entry = out.setdefault(toks, {})
        entry[key] = entry.get(key, True) and short

    for e in model.entities.values():
        if e.kind not in LINKED_KINDS:
            continue
        add(e.label, e.key, False)
        for (p, o), _docs in e.facts.items():
            if p in ("skos:prefLabel", "skos:altLabel", "skos:notation", "foaf:name") and not isinstance(o, Ref):
                add(o.value, e.key, False)
        for spelling in e.spellings:
            add(spelling, e.key, spelling in e.inferred_spellings)
        if e.kind == "person":
            for surname in surnames(e.label):
                add(surname, e.key, True)
    return out


class _Linker:
    def __init__(self, model: Model, reference: Reference):
        self.model, self.ref = model, reference
        self.names = names(model)
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for toks in sorted(self.names, key=lambda t: (-len(t), t)):
            self.first.setdefault(toks[0], []).append(toks)
        self.roles = {f.function: f.coalition_role for f in reference.functions}
        # what each person's posts are: (coalition role, department key)
        self.posts: dict[str, set[tuple[str | None, str | None]]] = {}
        for e in model.entities.values():
            if e.kind == "person":
                for held in e.objects("org:holds"):
                    post = model.entities.get(held.key)
                    if post is None:
                        continue
                    roles = [self.roles.get(o.key.split("/", 1)[1]) for o in post.objects("org:role")]
                    depts = [o.key for o in post.objects("org:postIn")] or [None]
                    self.posts.setdefault(e.key, set()).update((r, d) for r in roles for d in depts)
        # where the listing and the curated statements name an entity: doc -> (start, end) -> (key, spelling)
        self.recorded: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}
        texts = {d.name: d.text for d in model.documents}
        for e in sorted(model.entities.values(), key=lambda e: e.key):
            if e.kind not in LINKED_KINDS:
                continue
            for spelling, evs in e.spellings.items():
                for ev in evs:
                    words = texts[ev.doc][ev.start:ev.end]
                    # an empty span names nothing; a span of other words is a quote, not the name
                    if ev.end > ev.start and _LETTERS.sub("", words) == _LETTERS.sub("", spelling):
                        self.recorded.setdefault(ev.doc, {}).setdefault((ev.start, ev.end), (e.key, spelling))

    def link(self, doc: DocumentText) -> list[Mention]:
        text, found = doc.text, []
        recorded = sorted(self.recorded.get(doc.name, {}).items())
        starts = [s for (s, _e), _r in recorded]
        longest = max((e - s for (s, e), _r in recorded), default=0)
        for sentence in doc.sentences:
            toks = tokens(text[sentence.start:sentence.end], sentence.start)
            lo = bisect.bisect_left(starts, sentence.start - longest)
            hi = bisect.bisect_left(starts, sentence.end)
            here = [((s, e), r) for (s, e), r in recorded[lo:hi] if s < sentence.end and e > sentence.start]
            spans: list[tuple[int, int, tuple[str, str] | None]] = [
                (s, e, r) for (s, e), r in here if s >= sentence.start]
            taken = [(s, e) for (s, e), _r in here]
            i = 0
            while i < len(toks):
                if any(s <= toks[i][1] < e for s, e in taken):
                    i += 1
                    continue
                n = self._longest(toks, i)
                if n:
                    spans.append((toks[i][1], toks[i + n - 1][2], None))
                    i += n
                else:
                    i += 1
            for s, e, key in sorted(spans):
                found.append(self.decide(doc, sentence, s, e, key))
        return sorted(set(found))

    def _longest(self, toks, i: int) -> int:
        for cand in self.first.get(toks[i][0], ()):
            n = len(cand)
            if i + n <= len(toks) and all(toks[i + j][0] == cand[j] for j in range(1, n)):
                return n
        return 0

    def decide(self, doc: DocumentText, sentence, start: int, end: int, recorded: tuple[str, str] | None) -> Mention:
        words = recorded[1] if recorded is not None else doc.text[start:end]
        entry = dict(self.names.get(tuple(t for t, _s, _e in tokens(words)), {}))
        if recorded is not None:
            recorded = recorded[0]
            entry.setdefault(recorded, True)
        candidates = tuple(sorted(entry))
        if len(entry) == 1 and not next(iter(entry.values())):
            return Mention(doc.name, start, end, candidates[0], candidates, "known-name")
        fits = self._fits(doc.text, sentence, start, end, candidates)
        if len(fits) == 1:
            return Mention(doc.name, start, end, fits[0], candidates, "surname-in-department")
        if recorded is not None:
            return Mention(doc.name, start, end, recorded, candidates, "statement-reading")
        return Mention(doc.name, start, end, None, candidates, None)

    def _fits(self, text: str, sentence, start: int, end: int, candidates) -> list[str]:
        """The candidates whose post fits the function word and department next to the name."""
        persons = [c for c in candidates if c in self.posts]
        if not persons:
            return []
        role = department = None
        before = text[sentence.start:start].rstrip().casefold()
        fw = next((f for f in self.ref.functions if before.endswith(f.pattern)
                   and (len(before) == len(f.pattern) or not before[-len(f.pattern) - 1].isalnum())), None)
        if fw is not None:                                  # "minister Zalm van Financiën"
            role, department = fw.coalition_role, self._department(text, end, sentence.end)
        else:                                               # "Bos, directeur-generaal van ..."
            m = re.compile(r"\s*[(,]\s*").match(text, end, sentence.end)
            if m:
                fw, rest = self.ref.function(text[m.end():sentence.end])
                if fw is not None:
                    role = fw.coalition_role
                    department = self._department(text, sentence.end - len(rest), sentence.end)
        if role is None or department is None:
            return []
        return [p for p in persons if (role, department) in self.posts[p]]

    def _department(self, text: str, at: int, limit: int) -> str | None:
        glue = _GLUE.match(text, at, limit)
        words = _DEPARTMENT_WORDS.match(text, glue.end(), limit)
        if not words:
            return None
        phrase = words.group(0).strip()
        for n in range(len(phrase.split()), 0, -1):        # the longest run of words that names one
            row, _exact = self.ref.department(" ".join(phrase.split()[:n]))
            if row is not None:
                return f"department/{row.key}"
        return None


def link_mentions(model: Model, reference: Reference, texts: list[DocumentText]) -> list[Mention]:
    """Find and link every mention of a known entity in *texts*; each text's ``mentions`` is set too.

    Parameters
    ----------
    model : Model
        The resolved corpus (:func:`vitalegraph.pipeline.resolution.resolve`).
    reference : Reference
        The function words and departments the rule ``surname-in-department`` reads.
    texts : list of DocumentText
        The documents cut into sentences (:func:`vitalegraph.pipeline.text.segment`).

    Returns
    -------
    list of Mention
        Sorted by document and offsets; ``entity`` is None for an ambiguous mention.

    Notes
    -----
    Linear in the length of the texts: each token is looked up once by its first word, and only
    the names that start with that word are compared.
    """
    linker = _Linker(model, reference)
    out = []
    for t in texts:
        t.mentions = linker.link(t)
        out += t.mentions
    return out
