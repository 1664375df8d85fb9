"""Pilot cities and commitments, held exactly: the municipalities a sentence about pilot districts
names, and each promise, or each item of the list under one.

Written against the mutants of ``benchmarks/mutation.py propose.pilot``.
"""

from __future__ import annotations

from vitalegraph.pipeline.propose import propose
from vitalegraph.pipeline.propose.document import Line
from vitalegraph.pipeline.propose.pilot import _list_below
from vitalegraph.pipeline.sources import SourceDocument


def _proposed(text: str, kind: str):
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=[kind])
    assert {c.kind for c in cands} <= {kind}
    return [(c.fields, [q.value for q in c.quotes], c.rule, c.review) for c in cands]


PILOT = ("municipality (municipalities.csv) in a sentence about pilot districts",
         ["check that the sentence names it as a pilot city"])


def test_the_cities_of_a_sentence_about_pilot_districts():
    text = ("In acht pilotwijken in Utrecht, Emmen en Utrecht werd gewerkt. De pilot in Deventer. Utrecht, een pilotstad.\n"
            "Een zin zonder: Hengelo.\nDe pilotwijken: Haarlem.\nDe pilotwijken: Haarlem.\nDe PILOT van Heerlen")
    assert _proposed(text, "pilot_city") == [
        ({"name": "Utrecht"}, ["In acht pilotwijken in Utrecht, Emmen en Utrecht"], *PILOT),
        ({"name": "Emmen"}, ["In acht pilotwijken in Utrecht, Emmen en Utrecht"], *PILOT),
        ({"name": "Deventer"}, ["De pilot in Deventer"], *PILOT),
        ({"name": "Heerlen"}, ["De PILOT van Heerlen"], *PILOT)]


def test_a_pilot_quote_is_lengthened_until_it_stands_once():
    text = "Zo ook pilotwijken in Emmen. Zo ook in Emmen. Zo ook pilotwijken in Emmen en Hengelo."
    assert _proposed(text, "pilot_city") == [
        ({"name": "Emmen"}, ["Zo ook pilotwijken in Emmen. Zo"], *PILOT),
        ({"name": "Emmen"}, ["Zo ook pilotwijken in Emmen en Hengelo"], *PILOT),
        ({"name": "Hengelo"}, ["Zo ook pilotwijken in Emmen en Hengelo"], *PILOT)]


def _by(by_text: str) -> str:
    return ('by_text is the group as written; use by = "NAME" where it is a person or organisation' if by_text else
            'say who commits: by = "NAME" (with by_function) for a person, by_type = "organisation" for an '
            'organisation, or by_text for a group as written')


ANNOUNCED = 'content_basis "announced": what is committed to is still to be done'


def test_a_promise_in_a_sentence():
    text = ("De gemeente belooft in mei 2009 een nieuw buurthuis te bouwen.\n"
            "Men beloofde dat het gebeurt.\n"
            "De bewoners, ouders en kinderen van de wijk samen met de school zetten in op rust.\n"
            "Een buurt zet in op veilige straten; of.")
    assert _proposed(text, "commitment") == [
        ({"id": "belooft-in-mei-2009-een-nieuw-buurthuis-te-bouwen", "label": "belooft in mei 2009 een nieuw buurthuis te "
          "bouwen", "by_text": "De gemeente", "target": "2009-05", "content_basis": "announced", "basis": "stated"},
         ["De gemeente belooft in mei 2009 een nieuw buurthuis te bouwen."], "a word of promise ('belooft')",
         [_by("x"), ANNOUNCED, "target: the date the sentence gives (2009-05); check it is the target",
          "basis \"stated\": the promise is made ('belooft' is what it promises); check"]),
        ({"id": "beloofde-dat-het-gebeurt", "label": "beloofde dat het gebeurt", "content_basis": "announced",
          "basis": "stated"}, ["Men beloofde dat het gebeurt."], "a word of promise ('beloofde')",
         [_by(""), ANNOUNCED, "basis \"stated\": the promise is made ('beloofde' is what it promises); check"]),
        ({"id": "zetten-in-op-rust", "label": "zetten in op rust", "content_basis": "announced"},
         ["De bewoners, ouders en kinderen van de wijk samen met de school zetten in op rust."],
         "a word of promise ('zetten in op')", [_by(""), ANNOUNCED]),
        ({"id": "zet-in-op-veilige-straten", "label": "zet in op veilige straten", "by_text": "Een buurt",
          "content_basis": "announced"}, ["Een buurt zet in op veilige straten; of."], "a word of promise ('zet in op')",
         [_by("x"), ANNOUNCED])]


def test_a_promise_above_a_list_is_one_commitment_an_item():
    text = ("Het rijk zet in op:\n\n • meer groen;\n • betere scholen, en\n • veilige straten.\n\nDaarna niets.\n"
            "Zij beloven:\nGeen lijst hier.\nDe buurt belooft: \n • x\nDe wijk belooft het. En dit:\n • y\n")
    item = "a word of promise ('{}') above a list: one commitment an item"
    assert _proposed(text, "commitment") == [
        ({"id": "meer-groen", "label": "meer groen", "by_text": "Het rijk", "content_basis": "announced"},
         ["Het rijk zet in op:", "meer groen;"], item.format("zet in op"), [_by("x"), ANNOUNCED]),
        ({"id": "betere-scholen", "label": "betere scholen", "by_text": "Het rijk", "content_basis": "announced"},
         ["Het rijk zet in op:", "betere scholen, en"], item.format("zet in op"), [_by("x"), ANNOUNCED]),
        ({"id": "veilige-straten", "label": "veilige straten", "by_text": "Het rijk", "content_basis": "announced"},
         ["Het rijk zet in op:", "veilige straten."], item.format("zet in op"), [_by("x"), ANNOUNCED]),
        ({"id": "beloven", "label": "beloven", "content_basis": "announced"}, ["Zij beloven:"],
         "a word of promise ('beloven')", [_by(""), ANNOUNCED]),
        ({"id": "x", "label": "x", "by_text": "De buurt", "content_basis": "announced", "basis": "stated"},
         ["De buurt belooft:", "x"], item.format("belooft"),
         [_by("x"), ANNOUNCED, "basis \"stated\": the promise is made ('belooft' is what it promises); check"]),
        ({"id": "belooft-het", "label": "belooft het", "by_text": "De wijk", "content_basis": "announced",
          "basis": "stated"}, ["De wijk belooft het."], "a word of promise ('belooft')",
         [_by("x"), ANNOUNCED, "basis \"stated\": the promise is made ('belooft' is what it promises); check"])]


def test_an_item_that_stands_twice_is_left_out():
    text = "Het rijk zet in op:\n • groen\n • groen\n"
    assert _proposed(text, "commitment") == []
    text = "Het rijk zet in op:\n • groen\n • groen\n • water\n"
    assert [f["label"] for f, *_ in _proposed(text, "commitment")] == ["water"]


def test_only_a_promise_that_ends_in_a_colon_is_above_a_list():
    text = "Het rijk belooft groen.\n • meer groen\n"
    assert [(f["label"], quotes) for f, quotes, *_ in _proposed(text, "commitment")] == [
        ("belooft groen", ["Het rijk belooft groen."])]
    text = "Het rijk belooft: groen. En meer.\n • meer groen\n"
    assert [f["label"] for f, *_ in _proposed(text, "commitment")] == ["belooft: groen"]


def test_a_sentence_about_the_pilot_without_a_city_does_not_end_the_line():
    text = "De pilot loopt. De pilotwijken liggen in Emmen."
    assert [(f["name"], quotes) for f, quotes, *_ in _proposed(text, "pilot_city")] == [
        ("Emmen", ["De pilotwijken liggen in Emmen"])]


def test_the_group_that_commits_is_a_short_phrase_with_an_article():
    text = ("Het college van burgemeester en wethouders van de gemeente Emmen zet in op groen.\n"
            "Het college van de stad zet in op water.\nHetzij de stad zet in op lucht.\n"
            "De een twee drie vier vijf zes zeven belooft licht.\nDe een twee drie vier vijf zes zeven acht belooft nacht.\n")
    assert [f.get("by_text") for f, *_ in _proposed(text, "commitment")] == [
        None, "Het college van de stad", None, "De een twee drie vier vijf zes zeven", None]   # eight words at most


def test_the_list_below_a_line():
    lines = [Line(0, 1, []), None, Line(2, 3, [], True), Line(4, 5, [], True), None, Line(6, 7, [], True)]
    assert _list_below(lines, 0) == lines[2:4]
    assert _list_below(lines, 3) == [lines[5]]
    assert _list_below(lines, 5) == []
    assert _list_below([Line(0, 1, []), Line(2, 3, []), Line(4, 5, [], True)], 0) == []
