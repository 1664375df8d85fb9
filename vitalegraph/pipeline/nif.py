"""NIF, the graph stage for the texts: each source document, its paragraphs, sentences and mentions as
NLP Interchange Format 2.1 core strings, in the document's own named graph.

For a document ``STEM`` (``data/sources/STEM.txt``) its graph ``graph/STEM`` holds, beside the facts
the document states:

* ``text:STEM``, a ``nif:Context``: ``nif:isString`` the whole text (the file decoded as UTF-8),
  ``nif:beginIndex`` 0, ``nif:endIndex`` its length, ``nif:sourceUrl`` the document (``source:STEM``);
* ``paragraph:STEM-B-E`` (``nif:Paragraph``) and ``sentence:STEM-B-E`` (``nif:Sentence``), each with
  ``nif:beginIndex`` B, ``nif:endIndex`` E, ``nif:anchorOf`` the text between them and
  ``nif:referenceContext`` the context; a sentence has ``nif:superString`` its paragraph and
  ``nif:nextSentence`` the next one;
* ``phrase:STEM-B-E``, a ``nif:Phrase`` for each mention of a known entity
  (:mod:`vitalegraph.pipeline.mentions`), with ``nif:sentence`` the sentence(s) it stands in: a
  ``vg:EntityMention`` with ``itsrdf:taIdentRef`` the entity, ``vg:basis`` ``vg:Inferred`` and
  ``vg:rule`` the rule that links it, or a ``vg:AmbiguousMention`` with a ``vg:candidate`` for
  each entity it could name and no ``itsrdf:taIdentRef``;
* for every evidence node of the document (``oa:SpecificResource``) a ``vg:inSentence`` for each
  sentence its words lie in, wholly or in part.

The offsets are those of the evidence selectors (``oa:start``, ``oa:end``): ``text[B:E]`` is the
``nif:anchorOf``. They are typed ``xsd:integer`` as the selectors are (NIF's range is
``xsd:nonNegativeInteger``, which Oxigraph's store would give back as ``xsd:integer``; the shapes
require them to be >= 0). The text's triples are counted per document (:func:`write_texts` returns
them), so that the description (``void.ttl``) can give them apart from the facts'.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox

from ..namespaces import ID
from .graph import curie, graph_iri, iri
from .text import DocumentText

__all__ = ["write_texts"]


def write_texts(writer, texts: list[DocumentText]) -> dict[str, int]:
    """Add the NIF quads of *texts* (with their mentions) to *writer* (:class:`vitalegraph.pipeline.graph._Writer`),
    and tie each evidence node the writer wrote to the sentences its words lie in.

    Returns
    -------
    dict
        The number of text triples written for each document, by file name.

    Notes
    -----
    Linear in the number of sentences, mentions and evidence nodes; the terms are looked up once.
    """
    out = _Nif(writer.quads)
    counts = {}
    for t in texts:
        before = len(out.quads)
        out.document(t)
        counts[t.name] = len(out.quads) - before
    for name, n in out.evidence_sentences(writer.written, texts).items():
        counts[name] += n
    return counts


_TERMS = ("rdf:type", "nif:beginIndex", "nif:endIndex", "nif:anchorOf", "nif:referenceContext", "nif:Context",
          "nif:isString", "nif:sourceUrl", "nif:Paragraph", "nif:Sentence", "nif:Phrase", "nif:superString",
          "nif:nextSentence", "nif:sentence", "vg:EntityMention", "vg:AmbiguousMention", "itsrdf:taIdentRef",
          "vg:basis", "vg:Inferred", "vg:rule", "vg:candidate", "vg:inSentence", "xsd:integer")


def _template(kind: str, stem: str) -> str:
    """The IRI that ``iri(f"{kind}/{stem}-{start}-{end}")`` makes, as a format string of start and end
    (without quoting the offsets of every string again)."""
    return str(ID) + kind + "/" + quote(stem, safe="/-_.~") + "-{}-{}"


class _Nif:
    """Writes NIF quads into *quads* (a dict used as an ordered set), the terms and numbers made once."""

    def __init__(self, quads: dict):
        self.quads = quads
        self.c = {k: curie(k) for k in _TERMS}
        self._numbers: dict[int, ox.Literal] = {}
        self.sentence_nodes: dict[str, dict] = {}
        self.graphs: dict[str, ox.NamedNode] = {}

    def put(self, quad: tuple) -> None:
        """Add *quad* (subject, predicate, object, graph), once."""
        self.quads[quad] = None

    def num(self, n: int) -> ox.Literal:
        lit = self._numbers.get(n)
        if lit is None:
            lit = self._numbers[n] = ox.Literal(str(n), datatype=self.c["xsd:integer"])
        return lit

    def string(self, node, kind, start: int, end: int, text: str, ctx, g) -> None:
        """A NIF string *node* of class *kind*: its offsets, its words and its context."""
        c = self.c
        self.put((node, c["rdf:type"], kind, g))
        self.put((node, c["nif:beginIndex"], self.num(start), g))
        self.put((node, c["nif:endIndex"], self.num(end), g))
        self.put((node, c["nif:anchorOf"], ox.Literal(text[start:end]), g))
        self.put((node, c["nif:referenceContext"], ctx, g))

    def document(self, t: DocumentText) -> None:
        """The context, paragraphs, sentences and mentions of one document, in its named graph."""
        c = self.c
        g = self.graphs[t.name] = graph_iri(t.stem)
        ctx, text = iri(f"text/{t.stem}"), t.text
        self.put((ctx, c["rdf:type"], c["nif:Context"], g))
        self.put((ctx, c["nif:isString"], ox.Literal(text), g))
        self.put((ctx, c["nif:beginIndex"], self.num(0), g))
        self.put((ctx, c["nif:endIndex"], self.num(len(text)), g))
        self.put((ctx, c["nif:sourceUrl"], iri(f"source/{t.stem}"), g))
        para_iri = _template("paragraph", t.stem)
        paras = [ox.NamedNode(para_iri.format(s, e)) for s, e in t.paragraphs]
        for node, (s, e) in zip(paras, t.paragraphs):
            self.string(node, c["nif:Paragraph"], s, e, text, ctx, g)
        sent_iri = _template("sentence", t.stem)
        nodes = self.sentence_nodes[t.name] = {}
        previous = None
        for sent in t.sentences:
            node = nodes[sent] = ox.NamedNode(sent_iri.format(sent.start, sent.end))
            self.string(node, c["nif:Sentence"], sent.start, sent.end, text, ctx, g)
            self.put((node, c["nif:superString"], paras[sent.paragraph], g))
            if previous is not None:
                self.put((previous, c["nif:nextSentence"], node, g))
            previous = node
        self.mentions(t, ctx, g)

    def mentions(self, t: DocumentText, ctx, g) -> None:
        """Each mention as a phrase in its sentences: linked to its entity by a rule, or ambiguous."""
        c, nodes = self.c, self.sentence_nodes[t.name]
        phrase_iri = _template("phrase", t.stem)
        for m in t.mentions:
            node = ox.NamedNode(phrase_iri.format(m.start, m.end))
            self.string(node, c["nif:Phrase"], m.start, m.end, t.text, ctx, g)
            for sent in t.sentences_in(m.start, m.end):
                self.put((node, c["nif:sentence"], nodes[sent], g))
            if m.entity is not None:
                self.put((node, c["rdf:type"], c["vg:EntityMention"], g))
                self.put((node, c["itsrdf:taIdentRef"], iri(m.entity), g))
                self.put((node, c["vg:basis"], c["vg:Inferred"], g))
                self.put((node, c["vg:rule"], iri(f"rule/{m.rule}"), g))
            else:
                self.put((node, c["rdf:type"], c["vg:AmbiguousMention"], g))
                for cand in m.candidates:
                    self.put((node, c["vg:candidate"], iri(cand), g))

    def evidence_sentences(self, written, texts: list[DocumentText]) -> dict[str, int]:
        """``vg:inSentence`` from each evidence node in *written* to the sentences its words lie in;
        the number of such triples per document. Call after :meth:`document` for every text."""
        by_name = {t.name: (t, _template("evidence", t.stem)) for t in texts}
        in_sentence = self.c["vg:inSentence"]
        counts = dict.fromkeys(by_name, 0)
        # in the order written, not sorted: the serialisation sorts, and the order only places quads in memory
        for ev in written:
            t, evidence_iri = by_name.get(ev.doc, (None, None))
            if t is None:
                continue
            node, g, nodes = ox.NamedNode(evidence_iri.format(ev.start, ev.end)), self.graphs[t.name], self.sentence_nodes[t.name]
            for sent in t.sentences_in(ev.start, ev.end):
                self.put((node, in_sentence, nodes[sent], g))
                counts[t.name] += 1
        return counts
