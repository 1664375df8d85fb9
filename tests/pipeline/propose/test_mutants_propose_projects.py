"""Projects, held exactly: which news items become projects, their municipality, partners, amount,
dated events (also by the rule heading-at-dated-meeting), publication and quotes.

Written against the mutants of ``benchmarks/mutation.py propose.projects``.
"""

from __future__ import annotations

from vitalegraph.pipeline.propose import propose
from vitalegraph.pipeline.sources import SourceDocument

PARTNERS = ('partners: check that each organisation takes part in the project; add role = "initiator" | "funder" | '
            '"supplier" where the text tells it')
DESCRIBE = 'districts = [...] as written, description = "one English sentence"; the id must be unique in the whole corpus'
CONTEXT = ("context: the quotes that do not name it (the setting of its facts); name it in a quote instead where the "
           "text does")
MEETING = ("{}: the date of the meeting the item describes, what the heading says happened (rule "
           "heading-at-dated-meeting); check")


def _projects(text: str):
    cands = propose(SourceDocument.from_bytes("x.txt", text.encode()), kinds=["project"])
    assert all(c.kind == "project" for c in cands)
    return cands


def test_a_news_item_with_partners_an_amount_events_and_a_publication():
    text = ("Nieuw buurthuis in Emmen\n"
            "De stichting Alfa en woningcorporatie Beta bouwen een buurthuis voor € 250.000 en later € 10.000. Het werd "
            "in juni 2008 gepresenteerd (Trouw, 3 mei 2008).\nDe aftrap was eind mei 2009.\n\nSectie\n\n"
            "Opening van de school\nOp de bijeenkomst van 3 maart 2009 werd gesproken. De stichting Gamma zal helpen.\n\n"
            "Zomaar een kop\nNiets te melden hier.\n\n"
            "De stichting Delta\nDe stichting Delta werkt.\n\n"
            "Geld voor Deventer\nHet kost € 5.\nHet kost € 5.\n")
    first, second = _projects(text)
    sentences = ["De stichting Alfa en woningcorporatie Beta bouwen een buurthuis voor € 250.000 en later € 10.000.",
                 "Het werd in juni 2008 gepresenteerd (Trouw, 3 mei 2008).", "De aftrap was eind mei 2009."]
    assert first.fields == {
        "id": "nieuw-buurthuis-in-emmen", "label": "Nieuw buurthuis in Emmen", "municipality": "Emmen",
        "partners": [{"name": "Alfa", "type": "stichting"}, {"name": "Beta", "type": "woningcorporatie"}],
        "amount": 250000, "currency": "EUR", "presented": "2008-06", "presented_words": "in juni 2008",
        "start": "2009-05", "start_words": "eind mei 2009", "publication": "trouw-2008-05-03", "context": sentences}
    assert list(first.fields) == ["id", "label", "municipality", "partners", "amount", "currency", "presented",
                                  "presented_words", "start", "start_words", "publication", "context"]
    assert [q.value for q in first.quotes] == ["Nieuw buurthuis in Emmen", *sentences]
    assert first.rule == "news item with a dated event, an amount, organisations with their kind"
    assert first.review == [PARTNERS, "the item names 2 amounts; the first is proposed", DESCRIBE, CONTEXT]
    assert first.needs == ["trouw-2008-05-03"]
    assert second.fields == {"id": "opening-van-de-school", "label": "Opening van de school",
                             "partners": [{"name": "Gamma", "type": "stichting"}], "basis": "announced",
                             "context": ["De stichting Gamma zal helpen."]}
    assert [q.value for q in second.quotes] == ["Opening van de school", "De stichting Gamma zal helpen."]
    assert second.rule == "news item with organisations with their kind" and second.needs == []
    assert second.review == [PARTNERS, DESCRIBE, 'a quote says \'zal\': basis "announced" unless that word is not '
                                                 'about this statement (then basis = "stated")', CONTEXT]


def test_dated_events_by_the_words_of_the_sentence_or_of_the_heading():
    text = ("Buurthuis geopend\n"
            "Op de bijeenkomst van 3 maart 2009 in Haarlem werd gesproken. Op 4 maart 2009 werd het gepresenteerd.\n\n"
            "Plan gepresenteerd\nOp de bijeenkomst van 5 maart 2009 werd het plan besproken.\n"
            "Het overleg op 6 maart 2009 ook.\n\n"
            "School\nDe start was op 7 maart 2009.\nDe start was in 2010 en de presentatie in 2011.\n\n"
            "Bijeenkomst op 8 maart 2009. Geopend\nNiets.\n\n"        # the meeting's date in the heading: no event
            "Bijeenkomst op 9 maart 2009 geopend\nNiets meer.\n")      # a date in a heading with a start word
    opened, presented, school, dated = _projects(text)
    assert opened.fields == {
        "id": "buurthuis-geopend", "label": "Buurthuis geopend", "municipality": "Haarlem", "start": "2009-03-03",
        "start_words": "3 maart 2009", "start_basis": "inferred", "start_rule": "heading-at-dated-meeting",
        "presented": "2009-03-04", "presented_words": "Op 4 maart 2009",
        "context": ["Op de bijeenkomst van 3 maart 2009 in Haarlem werd gesproken.",
                    "Op 4 maart 2009 werd het gepresenteerd."]}
    assert list(opened.fields)[3:7] == ["start", "start_words", "start_basis", "start_rule"]
    assert opened.review == [MEETING.format("start"), DESCRIBE, CONTEXT] and opened.rule == "news item with a dated event"
    assert presented.fields == {
        "id": "plan-gepresenteerd", "label": "Plan gepresenteerd", "presented": "2009-03-05",
        "presented_words": "5 maart 2009", "presented_basis": "inferred", "presented_rule": "heading-at-dated-meeting",
        "context": ["Op de bijeenkomst van 5 maart 2009 werd het plan besproken."]}
    assert presented.review == [MEETING.format("presented"), DESCRIBE, CONTEXT]
    assert [q.value for q in presented.quotes] == ["Plan gepresenteerd",
                                                   "Op de bijeenkomst van 5 maart 2009 werd het plan besproken."]
    assert school.fields == {
        "id": "school", "label": "School", "start": "2009-03-07", "start_words": "op 7 maart 2009", "presented": "2010",
        "presented_words": "in 2010",
        "context": ["De start was op 7 maart 2009.", "De start was in 2010 en de presentatie in 2011."]}
    assert school.review == [DESCRIBE, CONTEXT]
    assert dated.fields == {"id": "bijeenkomst-op-9-maart-2009-geopend", "label": "Bijeenkomst op 9 maart 2009 geopend",
                            "start": "2009-03-09", "start_words": "op 9 maart 2009"}
    assert [q.value for q in dated.quotes] == ["Bijeenkomst op 9 maart 2009 geopend"] and dated.review == [DESCRIBE]


def test_a_date_in_a_citation_or_a_kind_word_in_the_heading_is_no_event_or_partner():
    text = ("De stichting Omega gepresenteerd\nHet plan is klaar (Trouw, 3 mei 2008).\n\n"
            "Buurtschool\nHet werd gepresenteerd (Trouw, 3 juni 2008).\n")
    assert _projects(text) == []


def test_the_first_municipality_of_the_item_and_its_sentence():
    text = "Plan voor de wijk\nHet kost € 5 in Emmen.\nOok Deventer en Emmen betalen € 6.\n"
    [p] = _projects(text)
    assert (p.fields["municipality"], p.fields["amount"]) == ("Emmen", 5)
    assert [q.value for q in p.quotes] == ["Plan voor de wijk", "Het kost € 5 in Emmen."]
    assert p.review == ["the item names 2 amounts; the first is proposed", DESCRIBE, CONTEXT]


def test_a_partner_named_twice_is_one_and_a_quote_held_by_another_is_not_repeated():
    text = "Plan Zuid\nDe stichting Alfa en de stichting Alfa betalen € 5. De stichting Beta helpt.\n"
    [p] = _projects(text)
    assert p.fields["partners"] == [{"name": "Alfa", "type": "stichting"}, {"name": "Beta", "type": "stichting"}]
    assert [q.value for q in p.quotes] == ["Plan Zuid", "De stichting Alfa en de stichting Alfa betalen € 5.",
                                           "De stichting Beta helpt."]


def test_an_item_whose_heading_or_a_quote_stands_twice_is_left_out():
    assert _projects("Plan Zuid\nHet kost € 5.\n\nPlan Zuid\nHet kost € 6.\n") == []
    assert _projects("Plan Zuid\nHet kost € 5.\nHet kost € 5.\n") == []


def test_the_first_citation_of_the_item_is_its_publication():
    text = "Plan Zuid\nHet kost € 5 (Trouw, 3 mei 2008) en (Krant, 4 mei 2008).\n"
    [p] = _projects(text)
    assert (p.fields["publication"], p.needs) == ("trouw-2008-05-03", ["trouw-2008-05-03"])
    assert [q.value for q in p.quotes] == ["Plan Zuid", "Het kost € 5 (Trouw, 3 mei 2008) en (Krant, 4 mei 2008)."]


def test_edges_of_a_news_item():
    # an item without a heading first; an amount at the start of its line
    [p] = _projects("Los begin.\n\nPlan Zuid\n€ 5 kost het.\n")
    assert (p.fields["amount"], p.review) == (5, [DESCRIBE, CONTEXT])         # one amount: no note of more
    # an amount at the very end of its line
    [p] = _projects("Plan Zuid\nHet plan van de buurt voor de hele wijk en de straat kost samen € 5\n")
    assert p.fields["amount"] == 5
    # the same event twice, then another
    [p] = _projects("Plan Zuid\nDe start was op 7 maart 2009. De start was ook op 8 maart 2009. Het werd gepresenteerd "
                    "in 2010.\n")
    assert (p.fields["start"], p.fields["presented"]) == ("2009-03-07", "2010")
    # a date right after a citation is the item's own
    [p] = _projects("Plan Zuid\nHet werd (Trouw, mei 2008)in juni 2009 gepresenteerd.\n")
    assert (p.fields["presented"], p.fields["publication"]) == ("2009-06", "trouw-2008-05")
