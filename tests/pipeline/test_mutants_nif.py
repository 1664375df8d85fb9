"""vitalegraph.pipeline.nif on a document made in the test: every triple it writes, and its counts.

The build's tests reach the NIF writer through a shared fixture; these call :func:`write_texts`
themselves (so that mutation testing runs them for each mutant of the module), on a text with two
paragraphs, three sentences, one linked and one ambiguous mention and evidence in two sentences.
"""

from __future__ import annotations

from types import SimpleNamespace

import pyoxigraph as ox

from vitalegraph.namespaces import ID, PREFIXES
from vitalegraph.pipeline.mentions import Mention
from vitalegraph.pipeline.nif import write_texts
from vitalegraph.pipeline.resolution.model import Evidence
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.text import DocumentText, Sentence, segment

NIF, VG, RDF, XSD, ITS = (PREFIXES[p] for p in ("nif", "vg", "rdf", "xsd", "itsrdf"))
GRAPH = "https://w3id.org/vitalegraph/graph/"
#            0         1         2         3         4
#            0123456789012345678901234567890123456789012345
TEXT = "Jan Smit komt.\nHij blijft.\n\nDe wijk wint."
STEM = "007_a b"          # a space: quoted in every IRI as the other IRIs of the document are
NAME = STEM + ".txt"


def _text() -> DocumentText:
    return DocumentText(NAME, STEM, TEXT, [(0, 26), (28, 41)],
                        [Sentence(0, 14, 0), Sentence(15, 26, 0), Sentence(28, 41, 1)],
                        [Mention(NAME, 0, 8, "person/jan-smit", ("person/jan-smit",), "known-name"),
                         Mention(NAME, 15, 18, None, ("person/a", "person/b"), None)])


def _write(texts, written=()):
    writer = SimpleNamespace(quads={}, written=list(written))
    counts = write_texts(writer, texts)
    return writer.quads, counts


def _triples(quads) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) with IRIs shortened; literals as 'value^^datatype' or 'value'."""
    def short(t) -> str:
        if isinstance(t, ox.Literal):
            dt = t.datatype.value
            return t.value if dt == XSD + "string" else f"{t.value}^^{dt.rsplit('#', 1)[-1]}"
        v = t.value
        for prefix, ns in (("id:", str(ID)), ("nif:", NIF), ("vg:", VG), ("rdf:", RDF), ("its:", ITS)):
            if v.startswith(ns):
                return prefix + v[len(ns):]
        return v
    return {(short(s), short(p), short(o)) for s, p, o, _g in quads}


def _string(node: str, kind: str, start: int, end: int) -> set[tuple[str, str, str]]:
    return {(node, "rdf:type", "nif:" + kind), (node, "nif:beginIndex", f"{start}^^integer"),
            (node, "nif:endIndex", f"{end}^^integer"), (node, "nif:anchorOf", TEXT[start:end]),
            (node, "nif:referenceContext", "id:text/007_a%20b")}


def test_every_triple_of_a_small_document():
    quads, counts = _write([_text()])
    ctx = "id:text/007_a%20b"
    s1, s2, s3 = "id:sentence/007_a%20b-0-14", "id:sentence/007_a%20b-15-26", "id:sentence/007_a%20b-28-41"
    p1, p2 = "id:paragraph/007_a%20b-0-26", "id:paragraph/007_a%20b-28-41"
    m1, m2 = "id:phrase/007_a%20b-0-8", "id:phrase/007_a%20b-15-18"
    expected = {
        (ctx, "rdf:type", "nif:Context"), (ctx, "nif:isString", TEXT), (ctx, "nif:beginIndex", "0^^integer"),
        (ctx, "nif:endIndex", f"{len(TEXT)}^^integer"), (ctx, "nif:sourceUrl", "id:source/007_a%20b"),
        *_string(p1, "Paragraph", 0, 26), *_string(p2, "Paragraph", 28, 41),
        *_string(s1, "Sentence", 0, 14), *_string(s2, "Sentence", 15, 26), *_string(s3, "Sentence", 28, 41),
        (s1, "nif:superString", p1), (s2, "nif:superString", p1), (s3, "nif:superString", p2),
        (s1, "nif:nextSentence", s2), (s2, "nif:nextSentence", s3),
        *_string(m1, "Phrase", 0, 8), (m1, "nif:sentence", s1), (m1, "rdf:type", "vg:EntityMention"),
        (m1, "its:taIdentRef", "id:person/jan-smit"), (m1, "vg:basis", "vg:Inferred"),
        (m1, "vg:rule", "id:rule/known-name"),
        *_string(m2, "Phrase", 15, 18), (m2, "nif:sentence", s2), (m2, "rdf:type", "vg:AmbiguousMention"),
        (m2, "vg:candidate", "id:person/a"), (m2, "vg:candidate", "id:person/b"),
    }
    got = _triples(quads)
    assert got - expected == set() and expected - got == set()
    assert len(quads) == len(expected) == 54 and counts == {NAME: 54}
    assert {g.value for *_x, g in quads} == {GRAPH + "007_a%20b"}


def test_evidence_is_tied_to_every_sentence_its_words_touch_and_counted_with_the_text():
    # a document without a text first: it is skipped, and the evidence after it is still linked
    evidence = [Evidence("other.txt", 0, 5), Evidence(NAME, 9, 20), Evidence(NAME, 30, 32)]
    quads, counts = _write([_text()], evidence)
    links = sorted((s, o) for s, p, o in _triples(quads) if p == "vg:inSentence")
    assert links == [("id:evidence/007_a%20b-30-32", "id:sentence/007_a%20b-28-41"),
                     ("id:evidence/007_a%20b-9-20", "id:sentence/007_a%20b-0-14"),
                     ("id:evidence/007_a%20b-9-20", "id:sentence/007_a%20b-15-26")]
    assert counts == {NAME: 57}          # the 54 of the text and 3 links; no triple for other.txt's evidence


def test_two_documents_each_in_its_own_graph_with_its_own_count():
    first = _text()
    second = segment(SourceDocument.from_bytes("008_b.txt", "Één zin.".encode()))
    quads, counts = _write([first, second], [Evidence("008_b.txt", 0, 3)])
    graphs = {}
    for s, p, o, g in quads:
        graphs.setdefault(g.value, set()).add(s.value.rsplit("/", 1)[-1].split("-")[0])
    assert graphs == {GRAPH + "007_a%20b": {"007_a%20b"}, GRAPH + "008_b": {"008_b"}}
    # context 5, paragraph 5, sentence 5 + superString 1, evidence link 1
    assert counts == {NAME: 54, "008_b.txt": 17}
    lengths = {s.value: o.value for s, p, o, _g in quads if p.value == NIF + "endIndex" and "text/008_b" in s.value}
    assert lengths == {str(ID) + "text/008_b": "8"}
