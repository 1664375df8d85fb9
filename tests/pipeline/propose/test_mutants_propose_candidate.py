"""Candidates, held exactly: their statement and JSON, the weaker reading a word of announcement
gives, the quotes that are context, repeats and ids.

Written against the mutants of ``benchmarks/mutation.py propose.candidate``.
"""

from __future__ import annotations

from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.propose.candidate import Candidate, dedupe, mark_announced, mark_context, unique_ids
from vitalegraph.pipeline.sources import SourceDocument

DOC = SourceDocument.from_bytes("x.txt", "Zuid  zal bouwen.\nHet plan van Noord.\n".encode())
WILL = Text("Zuid zal bouwen.", 0, 17, 1)
PLAN = Text("Het plan van Noord.", 18, 37, 2)


def test_the_statement_has_one_quote_as_a_string_and_more_as_a_list():
    c = Candidate("project", {"id": "p"}, [PLAN], "r")
    assert c.statement() == {"id": "p", "quote": "Het plan van Noord."}
    c.quotes = [PLAN, WILL]
    assert c.statement() == {"id": "p", "quote": ["Het plan van Noord.", "Zuid zal bouwen."]}
    assert c.start == 0                                        # the first in the text, not in the list


def test_a_new_candidate_has_no_review_and_needs_nothing_of_its_own():
    a, b = Candidate("mention", {}, [WILL], "r"), Candidate("mention", {}, [WILL], "r")
    a.review.append("x")
    a.needs.append("y")
    assert (b.review, b.needs) == ([], [])


def test_the_json_of_a_candidate_gives_the_exact_characters():
    c = Candidate("project", {"id": "p"}, [WILL, PLAN], "news item", ["check"], ["pub"])
    assert c.to_dict(DOC) == {
        "kind": "project", "proposed": True, "rule": "news item", "review": ["check"], "needs": ["pub"],
        "statement": {"id": "p", "quote": ["Zuid zal bouwen.", "Het plan van Noord."]},
        "evidence": [{"quote": "Zuid zal bouwen.", "text": "Zuid  zal bouwen.", "start": 0, "end": 17, "line": 1},
                     {"quote": "Het plan van Noord.", "text": "Het plan van Noord.", "start": 18, "end": 37,
                      "line": 2}]}


def test_a_word_of_announcement_makes_the_basis_announced():
    c = Candidate("pilot_city", {"name": "Zuid"}, [PLAN, WILL], "r", ["first"])
    mark_announced(c)
    assert c.fields == {"name": "Zuid", "basis": "announced"}
    assert c.review == ["first", "a quote says 'zal': basis \"announced\" unless that word is not about this "
                                 "statement (then basis = \"stated\")"]


def test_no_word_of_announcement_or_a_basis_already_is_left_alone():
    for fields, quotes in [({"name": "Zuid"}, [PLAN]), ({"basis": "stated"}, [WILL]),
                           ({"start_basis": "inferred"}, [WILL])]:
        c = Candidate("project", dict(fields), quotes, "r")
        mark_announced(c)
        assert (c.fields, c.review) == (fields, [])
    c = Candidate("project", {"database": "x"}, [WILL], "r")       # a key that merely ends in "basis"
    mark_announced(c)
    assert c.fields["basis"] == "announced"


def test_the_quotes_that_do_not_name_it_are_its_context():
    c = Candidate("project", {"label": "Noord"}, [WILL, PLAN], "r", ["first"])
    mark_context(c)
    assert c.fields == {"label": "Noord", "context": ["Zuid zal bouwen."]}
    assert c.review == ["first", "context: the quotes that do not name it (the setting of its facts); name it in a "
                                 "quote instead where the text does"]
    for fields in ({"name": "noord", "label": "ZUID"}, {"names": ["Zuid", "Noord"]}, {"name": "Zuid", "label": "Noord"}):
        c = Candidate("project", dict(fields), [WILL, PLAN], "r")
        mark_context(c)
        assert "context" not in c.fields and c.review == [], fields
    c = Candidate("project", {"names": ["Noord"]}, [WILL, PLAN], "r")
    mark_context(c)
    assert c.fields["context"] == ["Zuid zal bouwen."]


def test_a_candidate_without_a_name_has_no_context():
    c = Candidate("commitment", {"id": "x", "name": ""}, [WILL, PLAN], "r")
    mark_context(c)
    assert "context" not in c.fields and c.review == []


def test_repeats_are_the_same_kind_and_statement():
    a = Candidate("mention", {"name": "Zuid", "type": "district"}, [WILL], "first")
    b = Candidate("mention", {"type": "district", "name": "Zuid"}, [WILL], "second")      # the same, in another order
    c = Candidate("mention", {"name": "Zuid", "type": "district"}, [PLAN], "elsewhere")
    d = Candidate("pilot_city", {"name": "Zuid", "type": "district"}, [WILL], "another kind")
    assert [x.rule for x in dedupe([a, b, c, d])] == ["first", "elsewhere", "another kind"]
    assert [x.rule for x in dedupe([a, b, c, d], quotes=False)] == ["first", "another kind"]


def test_ids_are_numbered_per_kind_except_publications():
    cands = [Candidate(kind, {"id": i}, [WILL], "r") for kind, i in
             [("project", "a"), ("project", "a"), ("agreement", "a"), ("project", "b"), ("project", "a"),
              ("publication", "p"), ("publication", "p")]]
    cands.append(Candidate("mention", {"name": "a"}, [WILL], "r"))
    unique_ids(cands)
    assert [c.fields.get("id") for c in cands] == ["a", "a-2", "a", "b", "a-3", "p", "p", None]
