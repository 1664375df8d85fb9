"""The output of propose, held exactly: the TOML of each kind of value, the statement file with its
comments, and the JSON of the candidates.

Written against the mutants of ``benchmarks/mutation.py propose.output``.
"""

from __future__ import annotations

import json
import tomllib

import pytest

from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.propose.candidate import Candidate
from vitalegraph.pipeline.propose.output import to_json, to_toml, toml_value
from vitalegraph.pipeline.sources import SourceDocument

TEXT = "Eén kop\nDe gemeente Zuid  tekende.\nHet plan kost € 5.\n"
DOC = SourceDocument.from_bytes("nieuw.txt", TEXT.encode())
HEAD = Text("Eén kop", 0, 7, 1)
SIGNED = Text("De gemeente Zuid tekende.", 8, 34, 2)
COST = Text("Het plan kost € 5.", 35, 53, 3)


def _candidates():
    return [Candidate("publication", {"id": "krant-2008", "publisher": "Krant", "date": "2008"}, [HEAD], "citation"),
            Candidate("project", {"id": "een-kop", "label": "Eén kop", "amount": 5, "partners": [
                {"name": "Zuid", "type": "gemeente"}], "involved": False}, [HEAD, COST], "news item",
                ["check it", "and this"], ["krant-2008"])]


VALUES = [
    (True, "true"), (False, "false"), (0, "0"), (12, "12"), (2.5, "2.5"), ("Eén \"x\"", '"Eén \\"x\\""'),
    ("", '""'), ([], "[]"), ([1, "a"], '[1, "a"]'), ({"a": 1, "b": [True]}, "{ a = 1, b = [true] }"),
    ([{"name": "Zuid", "type": "gemeente"}], '[{ name = "Zuid", type = "gemeente" }]')]


# ASCII test ids (mutmut passes them back to pytest on its command line)
@pytest.mark.parametrize("value, toml", VALUES, ids=[f"value{i}" for i in range(len(VALUES))])
def test_each_value_as_toml_writes_it(value, toml):
    assert toml_value(value) == toml
    assert tomllib.loads(f"v = {toml}")["v"] == value


@pytest.mark.parametrize("value", [None, b"x", (1, 2)])
def test_a_value_without_toml_is_a_type_error(value):
    with pytest.raises(TypeError, match=r"^no TOML for "):
        toml_value(value)


def test_the_statement_file_with_its_comments():
    assert to_toml(DOC, _candidates()) == "\n".join([
        "# Candidate statements proposed by `vitalegraph propose` from nieuw.txt: 2, not reviewed.",
        "# Review each against the text; copy what holds into data/statements/nieuw.toml (without this header).",
        'source = "nieuw.txt"',
        "",
        "# PROPOSED (citation), nieuw.txt line 1, characters 0-7",
        "[[publication]]",
        'id = "krant-2008"',
        'publisher = "Krant"',
        'date = "2008"',
        'quote = "Eén kop"',
        "",
        "# PROPOSED (news item), nieuw.txt line 1, characters 0-7",
        "# review: check it",
        "# review: and this",
        '# needs: the [[publication]] with id = "krant-2008" (proposed here: copy it too)',
        "[[project]]",
        'id = "een-kop"',
        'label = "Eén kop"',
        "amount = 5",
        'partners = [{ name = "Zuid", type = "gemeente" }]',
        "involved = false",
        "quote = [",
        '    "Eén kop",',
        '    "Het plan kost € 5.",',
        "]",
        ""])


def test_the_statement_file_is_toml_of_the_statements():
    data = tomllib.loads(to_toml(DOC, _candidates()))
    assert data["source"] == "nieuw.txt"
    assert data["project"][0]["quote"] == ["Eén kop", "Het plan kost € 5."]
    assert data["publication"] == [{"id": "krant-2008", "publisher": "Krant", "date": "2008", "quote": "Eén kop"}]


def test_the_first_quote_says_where_it_stands():
    c = Candidate("mention", {"name": "Zuid"}, [SIGNED, HEAD], "r")
    assert "# PROPOSED (r), nieuw.txt line 2, characters 8-34\n" in to_toml(DOC, [c])


def test_nothing_to_print_is_nothing():
    assert to_toml(DOC, []) == "" and to_json(DOC, []) == ""
    assert to_toml(None, _candidates()) == "" and to_json(None, _candidates()) == ""


def test_the_json_of_the_candidates():
    out = to_json(DOC, _candidates())
    assert out.endswith("}\n") and not out.endswith("\n\n")
    assert out.startswith('{\n "source": "nieuw.txt",\n "candidates": [\n  {\n   "kind": "publication",')
    assert '"Eén kop"' in out                                   # not \u escapes
    data = json.loads(out)
    assert data == {"source": "nieuw.txt", "candidates": [c.to_dict(DOC) for c in _candidates()]}
    assert data["candidates"][1]["evidence"][1] == {"quote": "Het plan kost € 5.", "text": "Het plan kost € 5.",
                                                   "start": 35, "end": 53, "line": 3}
    assert out == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
