"""NIF, the graph stage for the texts: each source document, its paragraphs, sentences and mentions as
NLP Interchange Format 2.1 core strings, in one named graph per document.

For a document ``STEM`` (``data/sources/STEM.txt``) the graph ``graph/STEM-text`` holds:

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
require them to be >= 0). The named graphs of the facts stay as they were: the text adds graphs of
its own.
"""

from __future__ import annotations

import pyoxigraph as ox

from .graph import curie, graph_iri, iri
from .text import DocumentText

__all__ = ["write_texts", "text_graph_name", "TEXT_GRAPH_SUFFIX"]

#: the named graph of a document's text is the document's stem with this suffix
TEXT_GRAPH_SUFFIX = "-text"


def text_graph_name(stem: str) -> str:
    """The name of the graph that holds the text of the document *stem*.

    >>> text_graph_name("004_157f315819f9f14b")
    '004_157f315819f9f14b-text'
    """
    return stem + TEXT_GRAPH_SUFFIX


def write_texts(writer, texts: list[DocumentText]) -> None:
    """Add the NIF quads of *texts* (with their mentions) to *writer* (:class:`vitalegraph.pipeline.graph._Writer`),
    and tie each evidence node the writer wrote to the sentences its words lie in."""
    integer = curie("xsd:integer")
    numbers: dict[int, ox.Literal] = {}

    def num(n: int) -> ox.Literal:
        lit = numbers.get(n)
        if lit is None:
            lit = numbers[n] = ox.Literal(str(n), datatype=integer)
        return lit

    by_name = {t.name: t for t in texts}
    t_type, t_begin, t_end, t_anchor, t_context = (curie("rdf:type"), curie("nif:beginIndex"), curie("nif:endIndex"),
                                                   curie("nif:anchorOf"), curie("nif:referenceContext"))
    quads = writer.quads
    sentence_nodes: dict[str, dict] = {}
    for t in texts:
        g = graph_iri(text_graph_name(t.stem))
        ctx = iri(f"text/{t.stem}")

        def string(node, kind: str, start: int, end: int) -> None:
            quads[(node, t_type, curie(kind), g)] = None
            quads[(node, t_begin, num(start), g)] = None
            quads[(node, t_end, num(end), g)] = None
            quads[(node, t_anchor, ox.Literal(t.text[start:end]), g)] = None
            quads[(node, t_context, ctx, g)] = None

        quads[(ctx, t_type, curie("nif:Context"), g)] = None
        quads[(ctx, curie("nif:isString"), ox.Literal(t.text), g)] = None
        quads[(ctx, t_begin, num(0), g)] = None
        quads[(ctx, t_end, num(len(t.text)), g)] = None
        quads[(ctx, curie("nif:sourceUrl"), iri(f"source/{t.stem}"), g)] = None
        paras = [iri(f"paragraph/{t.stem}-{s}-{e}") for s, e in t.paragraphs]
        for node, (s, e) in zip(paras, t.paragraphs):
            string(node, "nif:Paragraph", s, e)
        nodes = sentence_nodes[t.name] = {}
        previous = None
        for sent in t.sentences:
            node = nodes[sent] = iri(f"sentence/{t.stem}-{sent.start}-{sent.end}")
            string(node, "nif:Sentence", sent.start, sent.end)
            quads[(node, curie("nif:superString"), paras[sent.paragraph], g)] = None
            if previous is not None:
                quads[(previous, curie("nif:nextSentence"), node, g)] = None
            previous = node
        for m in t.mentions:
            node = iri(f"phrase/{t.stem}-{m.start}-{m.end}")
            string(node, "nif:Phrase", m.start, m.end)
            for sent in t.sentences_in(m.start, m.end):
                quads[(node, curie("nif:sentence"), nodes[sent], g)] = None
            if m.entity is not None:
                quads[(node, t_type, curie("vg:EntityMention"), g)] = None
                quads[(node, curie("itsrdf:taIdentRef"), iri(m.entity), g)] = None
                quads[(node, curie("vg:basis"), curie("vg:Inferred"), g)] = None
                quads[(node, curie("vg:rule"), iri(f"rule/{m.rule}"), g)] = None
            else:
                quads[(node, t_type, curie("vg:AmbiguousMention"), g)] = None
                for c in m.candidates:
                    quads[(node, curie("vg:candidate"), iri(c), g)] = None
    in_sentence = curie("vg:inSentence")
    for ev in sorted(writer.written):
        t = by_name.get(ev.doc)
        if t is None:
            continue
        node = iri(f"evidence/{t.stem}-{ev.start}-{ev.end}")
        g = graph_iri(text_graph_name(t.stem))
        for sent in t.sentences_in(ev.start, ev.end):
            quads[(node, in_sentence, sentence_nodes[t.name][sent], g)] = None
