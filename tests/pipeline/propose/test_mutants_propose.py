"""propose and propose_file, held exactly: the kinds asked for in their fixed order, each in the
order of the text, the weaker reading a word of announcement gives, the mentions a candidate needs,
unique ids, and the files that have no prose.

Written against the mutants of ``benchmarks/mutation.py propose`` (the package's ``__init__``).
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from vitalegraph.errors import SourceError
from vitalegraph.pipeline.propose import PROPOSED_KINDS, Vocabulary, propose, propose_file
from vitalegraph.pipeline.reference import Reference
from vitalegraph.pipeline.sources import SourceDocument

LISTING = (ROOT / "tests" / "pipeline" / "fixtures" / "third" / "005_third_document.txt").read_text(encoding="utf-8")


def _doc(text: str) -> SourceDocument:
    return SourceDocument.from_bytes("x.txt", text.encode())


def test_a_kind_that_is_not_proposed_is_a_value_error():
    with pytest.raises(ValueError) as info:
        propose(_doc("Tekst."), kinds=["person_function", "membership", "x"])
    assert str(info.value) == f"'membership' is not a kind that propose proposes ({', '.join(PROPOSED_KINDS)})"


def test_the_kinds_asked_for_in_their_own_order_each_in_the_order_of_the_text():
    text = "Wethouder Piet Bos kwam. De pilotwijken liggen in Emmen. Wethouder Anna Vos kwam. Pilotwijk Haarlem."
    cands = propose(_doc(text), kinds=["person_function", "pilot_city"])
    assert [(c.kind, c.fields["name"]) for c in cands] == [
        ("pilot_city", "Emmen"), ("pilot_city", "Haarlem"), ("person_function", "Piet Bos"),
        ("person_function", "Anna Vos")]
    assert [c.kind for c in propose(_doc(text))] == [c.kind for c in cands]
    assert propose(_doc(text), kinds=[]) == []
    assert [c.fields["name"] for c in propose(_doc(text), kinds=("pilot_city",))] == ["Emmen", "Haarlem"]


def test_a_word_of_announcement_makes_the_candidate_announced():
    [c] = propose(_doc("De pilotwijken zullen in Emmen liggen."), kinds=["pilot_city"])
    assert c.fields == {"name": "Emmen", "basis": "announced"}
    assert c.review[-1] == ("a quote says 'zullen': basis \"announced\" unless that word is not about this statement "
                            "(then basis = \"stated\")")


def test_a_candidate_that_names_a_spelling_of_a_listed_person_needs_its_mention():
    text = LISTING + ("\nWethouder Marloes van Wolters kwam. Emmen was tevreden, zei wethouder Marloes van Wolters.\n"
                      "Wethouder Piet Bos kwam.\n")
    cands = propose(_doc(text), kinds=["person_function", "evaluation"])
    need = ("copy the [[mention]] of 'Marloes van Wolters' (refers_to 'Marloes Wolters') too, or the build makes a new "
            "person of this spelling")
    shown = {(c.kind, c.fields.get("name") or c.fields.get("according_to")): c.review for c in cands}
    assert shown[("person_function", "Marloes van Wolters")] == [need]
    assert shown[("evaluation", "Marloes van Wolters")][-1] == need
    assert need not in shown[("person_function", "Piet Bos")]
    assert need not in shown[("person_function", "Anna Brinkman")]


def test_ids_are_unique_across_the_candidates_of_a_kind():
    text = "Emmen was vol lof (Trouw, 3 mei 2008). Ook Emmen was tevreden (Trouw, 3 mei 2008)."
    assert [c.fields["id"] for c in propose(_doc(text), kinds=["evaluation"])] == [
        "trouw-2008-05-03-emmen", "trouw-2008-05-03-emmen-2"]


def test_the_reference_and_vocabulary_given_are_the_ones_read_with():
    text = "Wethouder Piet Bos kwam in Emmen. De pilotwijken liggen in Emmen."
    assert propose(_doc(text), reference=Reference(), kinds=["pilot_city"]) == []
    assert [c.fields["name"] for c in propose(_doc(text), reference=Reference(), kinds=["person_function"])] == []
    assert propose(_doc(text), vocabulary=Vocabulary({}), kinds=["pilot_city"]) == []
    assert [c.fields["name"] for c in propose(_doc(text), kinds=["person_function"])] == ["Piet Bos"]


def test_a_file_without_prose_proposes_nothing(tmp_path):
    for name, content in (("leeg.txt", b""), ("wit.txt", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(content)
        assert propose_file(path) == (None, [])
        assert propose_file(str(path)) == (None, [])


def test_a_file_is_read_as_the_build_reads_it(tmp_path):
    path = tmp_path / "nieuw.txt"
    path.write_text("Wethouder Piet Bos kwam. Directeur Anna Vos kwam.\n", encoding="utf-8")
    doc, cands = propose_file(path, kinds=["person_function"])
    assert (doc.name, [c.fields["name"] for c in cands]) == ("nieuw.txt", ["Piet Bos", "Anna Vos"])
    assert propose_file(path, kinds=["pilot_city"])[1] == []
    assert [c.fields["name"] for c in propose_file(path, reference=Reference())[1]] == ["Anna Vos"]   # a job title
    assert [c.fields["name"] for c in propose_file(path, vocabulary=Vocabulary({}))[1]] == ["Piet Bos"]


@pytest.mark.parametrize("make", ["missing", "folder", "binary"])
def test_a_file_that_cannot_be_read_is_the_builds_error(tmp_path, make):
    path = tmp_path / "x.txt"
    if make == "folder":
        path.mkdir()
    elif make == "binary":
        path.write_bytes(b"\x00\xff\xfe tekst")
    with pytest.raises(SourceError):
        propose_file(path)
