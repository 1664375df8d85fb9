"""``explain``: every fact about one thing, each with its basis, its words and where they stand.

A thing is a person, team, district, municipality, place, ministry, membership (or any other node of
the graph) named by its key (``person/annet-bertram``), its prefixed name (``membership:...``), its
IRI, or a name or spelling the sources use ("Zaandam", "Jan van de Bos"). For each fact about it (the
thing as subject, and the facts of other nodes that point to it) the table gives:

* ``basis``: ``stated`` (the source says it), ``announced`` (it announces or expects it), ``inferred``
  (by ``rule``), or ``reference`` (reference data, with the source that states it as ``quote``);
* ``quote``, ``start``, ``end``: the words the fact rests on and their character offsets into the
  file (``text[start:end] == quote``); for a claim its own evidence, otherwise the thing's evidence in
  the document that states the fact, the quote that contains the value where one does;
* ``file``, ``title``, ``date``: the document, its title and the date range its text allows.

After the facts come the thing's **mentions** in the source texts (:mod:`vitalegraph.pipeline.mentions`),
one row each: the mention (``phrase:...``) as subject, ``itsrdf:taIdentRef`` the thing with
``basis`` ``inferred`` and the ``rule`` that links it, or ``vg:candidate`` with ``basis``
``ambiguous`` (a surname or name that no rule decides, the thing one of its candidates); ``quote``,
``start`` and ``end`` are the words and their offsets.

It reads the TriG (one named graph per source document), so that it can say which document states
which fact; from a Turtle file the document is the evidence's.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import QueryError
from ..namespaces import GRAPH, ID, PREFIXES
from ..pipeline.reference import name_key
from .output import Cell, Table

__all__ = ["explain", "find_thing", "COLUMNS"]

COLUMNS = ["subject", "predicate", "value", "valueLabel", "basis", "rule", "quote", "file", "title", "date",
           "start", "end"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_VG = PREFIXES["vg"]
_OA = PREFIXES["oa"]
_SKOS = PREFIXES["skos"]
_DCT = PREFIXES["dct"]
_SKIP = {_VG + "evidence", _VG + "contextEvidence", _VG + "mention", _VG + "spelling", PREFIXES["prov"] + "wasDerivedFrom",
         _VG + "basis"}
_NAMES = (_SKOS + "prefLabel", _SKOS + "altLabel", _SKOS + "notation", PREFIXES["foaf"] + "name")
#: nodes that describe others (evidence, selectors, spellings, claims, checksums): never a thing to explain
_PLUMBING = ("evidence/", "spelling/", "claim/", "function/", "role/", "rule/", "checksum/", "text/", "paragraph/",
             "sentence/", "phrase/")
_NIF = PREFIXES["nif"]
_MENTIONS = ((PREFIXES["itsrdf"] + "taIdentRef", None), (_VG + "candidate", "ambiguous"))


class _Graph:
    def __init__(self, dataset):
        import pyoxigraph as ox

        self.ox = ox
        self.store = dataset.store
        self.named = getattr(dataset, "merged_default", False)

    def quads(self, s=None, p=None, o=None):
        for q in self.store.quads_for_pattern(s, p, o, None):
            if self.named and isinstance(q.graph_name, self.ox.DefaultGraph):
                continue
            yield q

    def objects(self, s, p):
        seen = []
        for q in self.quads(s, self.ox.NamedNode(p), None):
            if q.object not in seen:
                seen.append(q.object)
        return seen

    def first(self, s, p, lang: str | None = None):
        values = self.objects(s, p)
        if lang is not None:
            values = sorted(values, key=lambda v: (getattr(v, "language", None) not in (lang, None), str(v)))
        return values[0] if values else None


def _things(g: _Graph) -> dict[str, list]:
    """name_key of every name and spelling -> the nodes it names."""
    out: dict[str, list] = {}
    for p in _NAMES:
        for q in g.quads(None, g.ox.NamedNode(p), None):
            if isinstance(q.subject, g.ox.NamedNode) and q.subject.value.startswith(str(ID)) \
                    and not q.subject.value[len(str(ID)):].startswith(_PLUMBING):
                out.setdefault(name_key(q.object.value), [])
                if q.subject not in out[name_key(q.object.value)]:
                    out[name_key(q.object.value)].append(q.subject)
    for q in g.quads(None, g.ox.NamedNode(_VG + "spelling"), None):
        for form in g.objects(q.object, PREFIXES["skosxl"] + "literalForm"):
            out.setdefault(name_key(form.value), [])
            if q.subject not in out[name_key(form.value)]:
                out[name_key(form.value)].append(q.subject)
    return out


def find_thing(g: _Graph, thing: str):
    """The node *thing* names (key, prefixed name, IRI, or a name as a source writes it).

    Raises
    ------
    QueryError
        If nothing has that key or name (with the closest names), or several things share the name.
    """
    text = thing.strip()
    candidates = [text] if text.startswith("http") else [str(ID) + text]
    if ":" in text and not text.startswith("http"):
        prefix, local = text.split(":", 1)
        if prefix in PREFIXES:
            candidates.append(PREFIXES[prefix] + local)
        candidates.append(f"{ID}{prefix}/{local}")
    for c in candidates:
        try:
            node = g.ox.NamedNode(c)
        except ValueError:   # not an IRI: a name
            continue
        if next(g.quads(node), None) is not None:
            return node
    names = _things(g)
    hits = names.get(name_key(text), [])
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        keys = ", ".join(sorted(h.value[len(str(ID)):] for h in hits))
        raise QueryError(f"'{thing}' names {len(hits)} things: {keys}; give one of these keys")
    labels = {}
    for nodes in names.values():
        for n in nodes:
            label = g.first(n, _SKOS + "prefLabel", "nl") or g.first(n, PREFIXES["foaf"] + "name")
            if label is not None:
                labels[label.value] = n
    keys = {n.value[len(str(ID)):]: n for nodes in names.values() for n in nodes}
    close = difflib.get_close_matches(text, list(labels) + list(keys), n=5, cutoff=0.6)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise QueryError(f"no person, team, district, ministry, membership or other thing '{thing}' in the "
                     f"dataset{hint}")


def _uri(v) -> Cell:
    return Cell("uri", str(v))


def _cell(term) -> Cell:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else None
        if term.language:
            return Cell("literal", term.value, None, term.language)
        return Cell("literal", term.value, None if dt == PREFIXES["xsd"] + "string" else dt)
    return Cell("bnode", str(term))


def _lit(value) -> Cell | None:
    return None if value is None else Cell("literal", str(value))


def _int(value) -> Cell | None:
    return None if value is None else Cell("literal", str(value), PREFIXES["xsd"] + "integer")


class _Explainer:
    def __init__(self, g: _Graph):
        self.g = g
        self.docs: dict[str, dict] = {}
        self.claims: dict[tuple, object] = {}
        rdf_subject = g.ox.NamedNode(_RDF + "subject")
        for q in g.quads(None, rdf_subject, None):
            c = q.subject
            p, o = g.first(c, _RDF + "predicate"), g.first(c, _RDF + "object")
            self.claims[(q.object, p, o)] = c

    def doc(self, source) -> dict:
        key = str(source)
        if key not in self.docs:
            g = self.g
            earliest, latest = g.first(source, _VG + "earliestDate"), g.first(source, _VG + "latestDate")
            date = "–".join(v.value for v in (earliest, latest) if v is not None)
            if earliest is not None and latest is None:
                date = f"{earliest.value} or later"
            self.docs[key] = {"file": getattr(g.first(source, _DCT + "identifier"), "value", None),
                              "title": getattr(g.first(source, _DCT + "title"), "value", None),
                              "date": date or None}
        return self.docs[key]

    def evidence(self, node, prop: str = "evidence") -> list[tuple]:
        """(exact, start, end, source) of every evidence (or *prop*: mention) of *node*, by position."""
        import pyoxigraph as ox

        g, out = self.g, []
        if not isinstance(node, ox.NamedNode):
            return out
        for e in g.objects(node, _VG + prop):
            exact = start = end = None
            for sel in g.objects(e, _OA + "hasSelector"):
                exact = exact or g.first(sel, _OA + "exact")
                start = start if start is not None else g.first(sel, _OA + "start")
                end = end if end is not None else g.first(sel, _OA + "end")
            source = g.first(e, _OA + "hasSource")
            if exact is not None:
                out.append((exact.value, int(start.value), int(end.value), source))
        return sorted(out, key=lambda t: (t[3].value, t[1]))

    def label(self, term) -> str | None:
        import pyoxigraph as ox

        if not isinstance(term, ox.NamedNode):
            return None
        v = (self.g.first(term, _SKOS + "prefLabel", "en" if term.value.startswith(_VG) else "nl")
             or self.g.first(term, PREFIXES["rdfs"] + "label", "en")
             or self.g.first(term, PREFIXES["foaf"] + "name"))
        return v.value if v is not None else None

    def words(self, s, o, graph):
        """The quote a fact rests on: of the subject's evidence, the value's evidence and the subject's
        mentions in the document that states it, the one that names the value (and the subject)."""
        stem = graph.value[len(str(GRAPH)):] if getattr(graph, "value", "").startswith(str(GRAPH)) else None
        cands = self.evidence(s) + self.evidence(o) + self.evidence(s, "mention")
        if stem is not None:
            cands = [e for e in cands if e[3].value.endswith(f"source/{stem}")] or cands
        if not cands:
            return None
        value = name_key(self.label(o) or getattr(o, "value", "") or "")
        subject = name_key(self.label(s) or "")

        def score(item):
            i, e = item
            text = name_key(e[0])
            return (bool(value) and value in text, bool(subject) and subject in text, -i)

        return max(enumerate(cands), key=score)[1]

    def row(self, s, p, o, graph) -> list:
        g = self.g
        claim = self.claims.get((s, p, o))
        basis = rule = None
        quote = None
        if claim is not None:
            basis = self.label(g.first(claim, _VG + "basis"))
            rule_node = g.first(claim, _VG + "rule")
            rule = self.label(rule_node) if rule_node is not None else None
            evs = self.evidence(claim)
            quote = evs[0] if evs else None
        in_reference = getattr(graph, "value", "") == f"{GRAPH}reference"
        if claim is None:
            basis = "reference" if in_reference else "stated"
        if quote is None and not in_reference:
            quote = self.words(s, o, graph)
        cells = [_cell(s), _cell(p), _cell(o), _lit(self.label(o)), _lit(basis), _lit(rule)]
        if quote is not None:
            d = self.doc(quote[3])
            cells += [_lit(quote[0]), _lit(d["file"]), _lit(d["title"]), _lit(d["date"]), _int(quote[1]), _int(quote[2])]
        elif in_reference:
            source = g.first(s, _DCT + "source")
            cells += [_lit(source.value if source is not None else None), None, None, None, None, None]
        else:
            cells += [None] * 6
        return cells

    def mentions(self, node) -> list[list]:
        """One row per mention of *node* in the texts, linked or ambiguous, by document and offset."""
        g, rows = self.g, []
        for prop, basis in _MENTIONS:
            for q in g.quads(None, g.ox.NamedNode(prop), node):
                m = q.subject
                words, start, end = (g.first(m, _NIF + p) for p in ("anchorOf", "beginIndex", "endIndex"))
                context = g.first(m, _NIF + "referenceContext")
                source = g.first(context, _NIF + "sourceUrl") if context is not None else None
                if words is None or start is None or source is None:
                    continue
                rule = g.first(m, _VG + "rule")
                d = self.doc(source)
                rows.append([_cell(m), _uri(prop), _cell(node), _lit(self.label(node)),
                             _lit(basis or self.label(g.first(m, _VG + "basis"))),
                             _lit(self.label(rule) if rule is not None else None), _lit(words.value), _lit(d["file"]),
                             _lit(d["title"]), _lit(d["date"]), _int(start.value), _int(end.value)])
        rows.sort(key=lambda r: (r[7].value if r[7] else "", int(r[10].value), r[0].value))
        return rows


def explain(dataset, thing: str) -> Table:
    """Every fact about *thing* in *dataset* (a :class:`vitalegraph.query.engine.Dataset` on Oxigraph).

    Raises
    ------
    QueryError
        If *thing* names nothing (the message gives close matches) or several things.
    """
    if dataset.engine != "oxigraph":
        raise QueryError("explain runs on Oxigraph only")
    g = _Graph(dataset)
    node = find_thing(g, thing)
    ex = _Explainer(g)
    rows, seen = [], set()
    facts = [(q.subject, q.predicate, q.object, q.graph_name) for q in g.quads(node)]
    facts += [(q.subject, q.predicate, q.object, q.graph_name) for q in g.quads(None, None, node)
              if not q.subject.value[len(str(ID)):].startswith(_PLUMBING) and q.predicate.value not in _SKIP]
    # a fact a source states comes before the same triple in the reference or ontology graph
    facts.sort(key=lambda f: getattr(f[3], "value", "").endswith(("/reference", "/ontology")))
    for s, p, o, graph in facts:
        if p.value in _SKIP or (s, p, o) in seen:
            continue
        seen.add((s, p, o))
        rows.append(ex.row(s, p, o, graph))
    rows.sort(key=lambda r: (r[0].value != node.value, r[0].value, r[1].value, r[2].value))
    return Table(list(COLUMNS), rows + ex.mentions(node))


def load(path: str | Path):
    """The dataset *path* on Oxigraph (a TriG keeps which document states which fact)."""
    from .engine import load_dataset

    return load_dataset(path, "oxigraph")
