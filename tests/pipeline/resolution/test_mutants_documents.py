"""The source documents as entities, held exactly: identifier, type, title, language (given or
guessed from the count of Dutch words), publisher, dates, checksum and size, and each malformed
``[document]`` table refused with its own message.

Written against the mutants that survived ``benchmarks/mutation.py resolution.documents``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import ProjectInfo, Text, extract_project_info
from vitalegraph.pipeline.reference import Department, Reference
from vitalegraph.pipeline.resolution.documents import document
from vitalegraph.pipeline.resolution.model import Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.organisations import load_departments
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import StatementFile, TextIndex

REF = Reference(departments=[Department("wz", "ministry", ("WZ",), "Wonen en Zorg", "", "", "", "m.csv")])
NO_INFO = ProjectInfo(None, None, None)


def doc_of(text: str, name: str = "dir/016_bron.txt") -> SourceDocument:
    return SourceDocument.from_bytes(name, text.encode())


def resolver() -> Resolver:
    r = Resolver(REF)
    load_departments(r)
    return r


def dutch(n: int) -> str:
    """*n* of the words that count as Dutch, and others that do not."""
    return " ".join(["de wijk"] * n) + " Dé dee"


def test_a_project_page_without_statements():
    doc = doc_of("Wijk in één\n\nStart: 2006\n" + dutch(20) + "\n")   # 21 Dutch words with "in"
    info = extract_project_info(doc)
    r = resolver()
    document(r, doc, info, None, True)
    ent = r.entities["source/016_bron"]
    assert (ent.kind, ent.label) == ("source", "dir/016_bron.txt")
    name = doc.name
    assert ent.facts == {("dct:identifier", Lit(name)): {name},
                         ("rdfs:label", Lit(name)): {name},
                         ("dct:type", Lit("vg:ProjectPage", "curie")): {name},
                         ("dct:title", Lit("Wijk in één", lang="nl")): {name},
                         ("dct:language", Lit("nl", "xsd:language")): {name},
                         ("spdx:checksum", Ref("source/016_bron-sha256")): {name},
                         ("dct:extent", Lit(str(len(doc.data)), "xsd:integer")): {name}}
    assert len(doc.data) == len(doc.text) + 3
    assert ent.evidence == {Evidence(name, 0, 11)}
    assert "checksum/016_bron-sha256" not in r.entities
    cs = r.entities["source/016_bron-sha256"]
    assert (cs.key, cs.kind, cs.label) == ("source/016_bron-sha256", "checksum", "SHA-256 of dir/016_bron.txt")
    assert cs.facts == {("spdx:algorithm", Lit("spdx:checksumAlgorithm_sha256", "curie")): {name},
                        ("spdx:checksumValue", Lit(doc.sha256, "xsd:hexBinary")): {name}}


def test_another_document_twenty_dutch_words_and_a_title_only_of_a_listing():
    doc = doc_of("Wijk in één\n\nStart: 2006\n" + dutch(19) + "\n", "017_x.txt")  # 20: not enough
    r = resolver()
    document(r, doc, extract_project_info(doc), None, False)
    ent = r.entities["source/017_x"]
    assert sorted(p for p, _ in ent.facts) == ["dct:extent", "dct:identifier", "dct:type", "rdfs:label",
                                               "spdx:checksum"]
    assert ent.objects("dct:type") == [Lit("vg:OtherDocument", "curie")]
    assert ent.evidence == set()
    # a listing without a title line: no title
    document(r, doc_of(dutch(10), "018_y.txt"), NO_INFO, None, True)
    assert r.entities["source/018_y"].objects("dct:title") == []


TEXT = ("Persbericht van het ministerie van Wonen en Zorg over de wijk.\n"
        "Uitgegeven door Stichting Buurt, juni 2007.\n")


def at(value: str) -> Evidence:
    return Evidence("dir/016_bron.txt", TEXT.index(value), TEXT.index(value) + len(value))


def statement_file(doc: SourceDocument, **meta) -> StatementFile:
    return StatementFile(Path("data/statements/016_bron.toml"), doc, meta, [], TextIndex(doc))


def test_a_document_described_by_its_statement_file():
    doc = doc_of(TEXT)
    sf = statement_file(doc, kind="press release", title="Persbericht", language="en", publisher="Wonen en Zorg",
                        publisher_quote="ministerie van Wonen en Zorg", earliest="2007-06", latest="2007-06-30",
                        date_note="month of the report", date_quote="juni 2007")
    r = resolver()
    document(r, doc, NO_INFO, sf, True)
    ent, name = r.entities["source/016_bron"], doc.name
    assert ent.objects("dct:type") == [Lit("vg:PressRelease", "curie")]
    assert ent.objects("dct:title") == [Lit("Persbericht", lang="nl")]
    assert ent.objects("dct:language") == [Lit("en", "xsd:language")]
    assert ent.facts[("dct:publisher", Ref("department/wz"))] == {name}
    assert ent.facts[("vg:earliestDate", Lit("2007-06", "xsd:gYearMonth"))] == {name}
    assert ent.facts[("vg:latestDate", Lit("2007-06-30", "xsd:date"))] == {name}
    assert ent.facts[("vg:dateNote", Lit("month of the report", lang="en"))] == {name}
    assert len(ent.facts) == 11
    assert ent.evidence == {at("Persbericht"), at("ministerie van Wonen en Zorg"), at("juni 2007")}
    assert r.entities["department/wz"].spellings == {"Wonen en Zorg": {at("Wonen en Zorg"): None}}


def test_a_publisher_that_is_an_organisation_and_a_title_not_in_the_text():
    doc = doc_of(TEXT)
    sf = statement_file(doc, kind="brochure", title="Een andere titel", publisher="Stichting Buurt",
                        publisher_quote="door Stichting Buurt")
    r = resolver()
    document(r, doc, NO_INFO, sf, False)
    ent = r.entities["source/016_bron"]
    assert ent.objects("dct:type") == [Lit("vg:OtherDocument", "curie")]
    assert ent.objects("dct:title") == [Lit("Een andere titel", lang="nl")]
    assert ent.objects("dct:publisher") == [Ref("organisation/stichting-buurt")]
    assert ent.objects("dct:language") == [] and ent.evidence == {at("door Stichting Buurt")}
    assert not any(p in ("vg:earliestDate", "vg:latestDate", "vg:dateNote") for p, _ in ent.facts)


@pytest.mark.parametrize("meta, message", [
    ({"publisher": "Stichting Buurt"},
     "016_bron.toml: [document] publisher needs a publisher_quote found in dir/016_bron.txt"),
    ({"publisher": "Stichting Buurt", "publisher_quote": "door Stichting Wijk"},
     "016_bron.toml: [document] publisher needs a publisher_quote found in dir/016_bron.txt"),
    ({"publisher": "Stichting Wijk", "publisher_quote": "door Stichting Buurt"},
     "016_bron.toml: [[document]] #1: the name 'Stichting Wijk' does not stand in any of its quotes"),
    ({"date_quote": "mei 2007"}, "016_bron.toml: [document] date_quote not found in dir/016_bron.txt"),
    ({"earliest": "juni 2007"},
     "016_bron.toml: [document] earliest: 'juni 2007' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"latest": "2007-13"},
     "016_bron.toml: [document] latest: '2007-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_a_malformed_document_table_is_refused(meta, message):
    doc = doc_of(TEXT)
    with pytest.raises(StatementError) as err:
        document(resolver(), doc, NO_INFO, statement_file(doc, **meta), False)
    assert str(err.value) == message


def test_the_title_of_a_listing_is_cited_where_the_listing_has_it():
    doc = doc_of("Wijk\n\nStart: 2006\n")
    info = ProjectInfo(Text("Wijk", 0, 4, 1), None, None)
    r = resolver()
    document(r, doc, info, statement_file(doc), True)
    ent = r.entities["source/016_bron"]
    assert ent.objects("dct:title") == [Lit("Wijk", lang="nl")] and ent.evidence == {Evidence(doc.name, 0, 4)}
    doc2 = doc_of("Wijk\n\nStart: 2006\nDe Wijk\n", "019_z.txt")
    document(r, doc2, ProjectInfo(Text("Wijk", 0, 4, 1), None, None), None, True)
    assert r.entities["source/019_z"].evidence == {Evidence("019_z.txt", 0, 4)}
