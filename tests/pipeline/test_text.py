"""The source texts as NIF 2.1: paragraphs and sentences (vitalegraph.pipeline.text), the mentions of known
entities (vitalegraph.pipeline.mentions) and their triples (vitalegraph.pipeline.nif)."""

from __future__ import annotations

import shutil
from collections import defaultdict

import pyoxigraph as ox
import pytest

from conftest import ROOT, SOURCES
from vitalegraph.build import build_dataset
from vitalegraph.namespaces import ID, PREFIXES
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.text import paragraphs, segment, sentences

NIF, VG, OA, DCT = PREFIXES["nif"], PREFIXES["vg"], PREFIXES["oa"], PREFIXES["dct"]
THIRD = ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt"


def cut(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text))]


# ---------------------------------------------------------------- sentences and paragraphs

@pytest.mark.parametrize("text", [
    "Dat is een centrum voor kinderen van 0 t/m 14 jaar, het gezin en de buurt.",
    "Basisscholen Ru Paré, Huizinga-school en prof. Einsteinschool",
    "Het project werd geleid door drs. Jansen en prof. dr. De Vries van de universiteit.",
    "Zie o.a. de nota van het ministerie.",
    "Wijken en steden Thema gemeentelijk verantw./DG/onafh. 3e/minister-stas",
])
def test_abbreviations_and_quotes_do_not_end_a_sentence(text):
    assert cut(text) == [text]


def test_sentences_end_at_their_stop_and_a_quotation_is_one_sentence():
    text = '"Een klein wonder geschiedde. De adoptie gaf het lef." Dat schrijft de wethouder. Ze was blij!'
    assert cut(text) == ['"Een klein wonder geschiedde. De adoptie gaf het lef."', "Dat schrijft de wethouder.",
                         "Ze was blij!"]


def test_every_line_is_a_sentence_and_a_bullet_stays_in_its_own():
    text = ("Economisch meedoen van jongeren\n • Tjeerd Herrema (wethouder, PvdA)\r\n"
            " • Jan van der Bos (directeur-generaal SZW)\n • inspiratie en energie te geven en\n")
    assert cut(text) == ["Economisch meedoen van jongeren", "• Tjeerd Herrema (wethouder, PvdA)",
                         "• Jan van der Bos (directeur-generaal SZW)", "• inspiratie en energie te geven en"]


def test_paragraphs_are_runs_of_lines_without_a_blank_line_between():
    text = "\ufeffKop\nregel\n\u00a0\n \r\n\nTweede alinea.\r\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Kop\nregel", "Tweede alinea."]


def test_sentences_tile_each_paragraph_in_order():
    for path in sorted(SOURCES.glob("*.txt")):
        doc = SourceDocument.from_bytes(path.name, path.read_bytes())
        t = segment(doc)
        assert t.sentences == sorted(t.sentences)
        for s in t.sentences:
            ps, pe = t.paragraphs[s.paragraph]
            assert ps <= s.start < s.end <= pe
            words = doc.text[s.start:s.end]
            assert words == words.strip() and "\n" not in words
        # nothing but white space is left out of the sentences
        covered = set()
        for s in t.sentences:
            covered.update(range(s.start, s.end))
        assert all(doc.text[i].isspace() or doc.text[i] == "\ufeff" for i in range(len(doc.text)) if i not in covered)


# ---------------------------------------------------------------- the triples: anchors, offsets, evidence

def _strings(quads) -> tuple[dict, dict, dict]:
    """node -> {property: [values]} for the NIF strings and the evidence, and context -> file name."""
    props = defaultdict(lambda: defaultdict(list))
    for q in quads:
        props[q.subject][q.predicate.value].append(q.object)
    files = {}
    for node, p in props.items():
        for src in p.get(NIF + "sourceUrl", []):
            files[node] = props[src][DCT + "identifier"][0].value
    return props, files, {n: p for n, p in props.items() if NIF + "anchorOf" in p}


def check_texts(quads, texts: dict[str, str]) -> dict[str, int]:
    """Every NIF string's anchor is its source's characters at its offsets, every context is its whole
    file, every evidence lies in the sentences it names; returns the number of strings by class."""
    props, files, strings = _strings(quads)
    assert sorted(files.values()) == sorted(texts)
    for ctx, name in files.items():
        assert [v.value for v in props[ctx][NIF + "isString"]] == [texts[name]]
        assert int(props[ctx][NIF + "endIndex"][0].value) == len(texts[name])
    kinds: dict[str, int] = defaultdict(int)
    kinds["Context"] = len(files)
    for node, p in strings.items():
        [anchor], [begin], [end], [ctx] = (p[NIF + k] for k in ("anchorOf", "beginIndex", "endIndex", "referenceContext"))
        assert texts[files[ctx]][int(begin.value):int(end.value)] == anchor.value, node
        for t in p[PREFIXES["rdf"] + "type"]:
            kinds[t.value.rsplit("#", 1)[-1]] += 1
        for sentence in p.get(NIF + "sentence", []):       # a mention lies in its sentence(s)
            sp = props[sentence]
            assert int(sp[NIF + "beginIndex"][0].value) < int(end.value) and \
                int(sp[NIF + "endIndex"][0].value) > int(begin.value), node
    tied = 0
    for node, p in props.items():
        if VG + "inSentence" not in p:
            continue
        sels = [props[s] for s in p[OA + "hasSelector"]]
        start = next(int(s[OA + "start"][0].value) for s in sels if OA + "start" in s)
        stop = next(int(s[OA + "end"][0].value) for s in sels if OA + "end" in s)
        exact = next(s[OA + "exact"][0].value for s in sels if OA + "exact" in s)
        name = props[p[OA + "hasSource"][0]][DCT + "identifier"][0].value
        assert texts[name][start:stop] == exact
        spans = [(int(props[s][NIF + "beginIndex"][0].value), int(props[s][NIF + "endIndex"][0].value))
                 for s in p[VG + "inSentence"]]
        # every character of the quote but white space lies in one of its sentences, and each sentence holds some
        assert all(any(b <= i < e for b, e in spans) for i in range(start, stop) if not texts[name][i].isspace()), node
        assert all(b < stop and e > start for b, e in spans), node
        tied += 1
    evidence = [n for n, p in props.items() if OA + "hasSelector" in p]
    assert tied == len(evidence)          # every evidence node, none left out
    return dict(kinds)


def _texts(folder) -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.txt"))}


def test_every_anchor_is_the_source_at_its_offsets(built):
    kinds = check_texts(built.quads, _texts(SOURCES))
    assert kinds["Context"] == 2 and kinds["Sentence"] == built.counts["sentences"] == 222
    assert kinds["Phrase"] == built.counts["mentions"] == kinds["EntityMention"] + kinds.get("AmbiguousMention", 0)
    assert kinds.get("AmbiguousMention", 0) == built.counts["ambiguous mentions"]   # 0: see the test below


def test_a_crlf_copy_gives_the_same_mentions_at_offsets_that_agree_with_the_evidence(built, sources_copy):
    page = sources_copy / "004_157f315819f9f14b.txt"
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    variant = build_dataset(sources_copy)
    kinds = check_texts(variant.quads, _texts(sources_copy))
    assert kinds == check_texts(built.quads, _texts(SOURCES))

    def linked(result):
        return sorted((t.text[m.start:m.end].replace("\r", ""), m.entity or "", m.rule or "", m.candidates)
                      for t in result.model.texts for m in t.mentions)
    assert linked(variant) == linked(built)


def test_each_text_is_in_its_documents_graph_and_counted_apart_from_the_facts(built):
    graphs = defaultdict(set)
    text_kinds = {"text", "paragraph", "sentence", "phrase"}
    counted = defaultdict(int)
    for q in built.quads:
        kind = q.subject.value.removeprefix(str(ID)).split("/", 1)[0]
        graphs[q.graph_name.value].add(kind)
        if kind in text_kinds or q.predicate.value == VG + "inSentence":
            counted[q.graph_name.value.rsplit("/", 1)[1]] += 1
    assert len(graphs) == 4                  # the two documents' graphs, reference and ontology: no other
    for g in graphs:
        assert bool(graphs[g] & text_kinds) == (g.rsplit("/", 1)[1] in ("000_23f3bdf0ae401321", "004_157f315819f9f14b"))
    assert {f"{stem}.txt": n for stem, n in counted.items()} == built.model.text_triples
    assert sum(counted.values()) == built.counts["text triples"]
    assert built.statistics.texts == sorted((f"{ID}source/{stem}", n) for stem, n in counted.items())


# ---------------------------------------------------------------- mentions

def _mentions(result) -> dict[tuple[str, int], object]:
    docs = {d.name: d.text for d in result.model.documents}
    return {(m.doc, m.start): (docs[m.doc][m.start:m.end], m) for t in result.model.texts for m in t.mentions}


def test_a_surname_two_persons_share_is_linked_only_by_a_rule_of_its_sentence(built):
    ms = _mentions(built)
    bos = {(doc, start): m for (doc, start), (words, m) in ms.items() if words == "Bos"}
    assert len(bos) == 2 and all(m.candidates == ("person/bos", "person/jan-van-der-bos") for m in bos.values())
    text = (SOURCES / "004_157f315819f9f14b.txt").read_bytes().decode()
    minister = next(m for m in bos.values() if text[m.start - 9:m.end + 12] == "Minister Bos (Financiën)")
    assert (minister.entity, minister.rule) == ("person/bos", "surname-in-department")
    successor = next(m for m in bos.values() if text[m.start - 9:m.end] == "opvolger Bos")
    # no function word beside it: the curated statement's reading (Zalm's successor), said so
    assert (successor.entity, successor.rule) == ("person/bos", "statement-reading")
    # "minister Dekker die zich richt op ...": a function but no department; the curated [[programme]]
    # reads the spot ("by = Dekker"), so it is linked by that reading, said so
    press = (SOURCES / "000_23f3bdf0ae401321.txt").read_bytes().decode()
    [dekker] = [m for (words, m) in ms.values() if words == "Dekker" and m.doc.startswith("000_")
                and press[m.end:m.end + 4] == " die"]
    assert (dekker.entity, dekker.rule) == ("person/sybilla-dekker", "statement-reading")


def test_a_surname_no_rule_decides_is_kept_ambiguous_with_its_candidates(tmp_path):
    """Without the statement that reads it, "minister Dekker die ..." (a function, no department)
    is an ambiguous mention naming its candidate, not a guess."""
    import tomllib

    statements = tmp_path / "statements"
    shutil.copytree(ROOT / "data" / "statements", statements)
    press = statements / "000_23f3bdf0ae401321.toml"
    text = press.read_text(encoding="utf-8")
    start = text.index("[[programme]]")
    end = text.find("\n[[", start + 1)
    block = text[start:] if end < 0 else text[start:end]
    assert tomllib.loads(block)["programme"][0]["by"] == "Dekker"                  # the block dropped reads her
    press.write_text(text.replace(block, ""), encoding="utf-8")
    result = build_dataset(SOURCES, statements)
    source = (SOURCES / "000_23f3bdf0ae401321.txt").read_bytes().decode()
    [dekker] = [m for (words, m) in _mentions(result).values() if words == "Dekker" and m.doc.startswith("000_")
                and source[m.end:m.end + 4] == " die"]
    assert dekker.entity is None and dekker.rule is None and dekker.candidates == ("person/sybilla-dekker",)
    kinds = check_texts(result.quads, _texts(SOURCES))                  # its anchor is the source's words too
    assert kinds["AmbiguousMention"] == result.counts["ambiguous mentions"] == 1


def test_every_name_of_one_entity_is_linked_and_nothing_else_by_a_known_name(built):
    from vitalegraph.pipeline.mentions import names, tokens

    table = names(built.model)
    for words, m in _mentions(built).values():
        if m.rule == "known-name":
            assert m.candidates == (m.entity,), words
            # the words are the name (a wrapped bullet, "Sybilla\n • Dekker", is where the listing reads it)
            entry = table.get(tuple(t for t, _s, _e in tokens(words)), {m.entity: False})
            assert list(entry) == [m.entity] and not entry[m.entity], words
    counts = defaultdict(int)
    for words, m in _mentions(built).values():
        counts[m.entity] += 1
    assert counts["department/vrom"] == 9 and counts["municipality/amsterdam"] == 9
    assert counts["person/jan-van-der-bos"] == 2       # "Jan van der Bos" and "Jan van de Bos"
    # lower case is no name: "politie en justitie" is not the ministry
    text = (SOURCES / "004_157f315819f9f14b.txt").read_bytes().decode()
    assert all(text[m.start:m.end] != "justitie" for _w, m in _mentions(built).values())


def test_a_third_document_gets_sentences_and_mentions_without_a_change(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    shutil.copy(THIRD, folder / THIRD.name)
    result = build_dataset(folder)
    check_texts(result.quads, _texts(folder))
    [third] = [t for t in result.model.texts if t.name == THIRD.name]
    words = [third.text[s.start:s.end] for s in third.sentences]
    assert "Kinderen van 4 t/m 12 jaar kregen les in prof. dr. Tulpschool en drs. Pieterse leidde het." in words
    assert '"Het werkt. Echt waar."' in words and "• Kees Brinkman (minister van Justitie)" in words
    found = {(third.text[m.start:m.end], m.start): m for m in third.mentions}
    by_words = defaultdict(list)
    for (w, _s), m in sorted(found.items(), key=lambda kv: kv[0][1]):
        by_words[w].append(m)
    minister, alone = by_words["Brinkman"]
    assert (minister.entity, minister.rule) == ("person/kees-brinkman", "surname-in-department")
    assert alone.entity is None and alone.candidates == ("person/anna-brinkman", "person/kees-brinkman")
    assert [m.entity for m in by_words["Anna Brinkman"]] == ["person/anna-brinkman"] * 2
    assert [m.entity for m in by_words["Kanaleneiland"]] == ["district/utrecht-kanaleneiland"] * 3
    [wolters] = by_words["Wolters"]                 # "Wethouder Wolters": a function without a department
    assert wolters.entity is None and wolters.candidates == ("person/marloes-wolters",)
    assert result.counts["sentences"] == 222 + len(third.sentences)


# ---------------------------------------------------------------- generated listings

from hypothesis import HealthCheck, given, settings  # noqa: E402

from test_properties import NAME, REF, listing, resolved_or_error  # noqa: E402


@settings(max_examples=80, deadline=10000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(listing())
def test_generated_listings_give_texts_whose_anchors_are_their_offsets_and_pass_the_shapes(data):
    """Hostile names, wrapped bullets, CRLF, NUL-free bytes of every kind: the texts and mentions of whatever
    the extraction accepts pass the shapes, and every anchor is its source's characters."""
    from vitalegraph.build import texts
    from vitalegraph.paths import ONTOLOGY, SHAPES
    from vitalegraph.pipeline.graph import build_quads
    from vitalegraph.pipeline.validation import validate_store

    model = resolved_or_error(data)
    if model is None:
        return
    model.texts = texts(model, REF)
    quads = build_quads(model, ONTOLOGY)
    check_texts(quads, {NAME: model.documents[0].text})
    store = ox.Store()
    store.extend(quads)
    report = validate_store(store, SHAPES)
    assert report.conforms, report.summary()
