"""Coverage, held exactly: when a candidate proposes a curated statement, the quotes several
statements share, and what ``--new`` keeps.

Written against the mutants of ``benchmarks/mutation.py propose.coverage``.
"""

from __future__ import annotations

from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.propose.candidate import Candidate
from vitalegraph.pipeline.propose.coverage import covers, not_curated, shared_quotes
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import Statement

TEXT = "Wethouder Els de Wit sprak. Jan Bos zweeg. Zij tekenden het convenant.\n"
DOC = SourceDocument.from_bytes("x.txt", TEXT.encode())


def _text(words: str) -> Text:
    at = TEXT.index(words)
    return Text(words, at, at + len(words), 1)


ELS, JAN, SIGNED = _text("Wethouder Els de Wit sprak."), _text("Jan Bos zweeg."), _text("Zij tekenden het convenant.")


def _st(kind, data, *quotes):
    return Statement(kind, 0, data, DOC, list(quotes), "x.toml")


def test_a_quote_is_shared_when_two_statements_of_one_kind_rest_on_it():
    a = _st("agreement", {"id": "a"}, SIGNED, ELS)
    b = _st("agreement", {"id": "b"}, SIGNED, SIGNED)       # twice in one statement counts once
    c = _st("commitment", {"id": "c"}, ELS)                  # another kind
    assert shared_quotes([a, b, c]) == frozenset({("agreement", SIGNED.start, SIGNED.end)})
    assert shared_quotes([a, c]) == frozenset()
    assert shared_quotes(iter([a, b])) == frozenset({("agreement", SIGNED.start, SIGNED.end)})


def test_a_candidate_covers_only_its_own_kind_with_an_overlapping_quote():
    st = _st("agreement", {"id": "x"}, SIGNED)
    assert covers(Candidate("agreement", {"id": "y"}, [SIGNED], "r"), st)
    assert not covers(Candidate("commitment", {"id": "x"}, [SIGNED], "r"), st)
    assert not covers(Candidate("agreement", {"id": "x"}, [JAN], "r"), st)
    touching = Text("zweeg.", JAN.end - 6, SIGNED.start, 1)               # ends where the statement's starts
    assert not covers(Candidate("agreement", {}, [touching], "r"), st)
    assert covers(Candidate("agreement", {}, [Text("zweeg. Z", JAN.end - 6, SIGNED.start + 1, 1)], "r"), st)
    after = Text("convenant.", SIGNED.end, SIGNED.end + 3, 1)               # starts where it ends
    assert not covers(Candidate("agreement", {}, [after], "r"), st)
    assert covers(Candidate("agreement", {}, [JAN, Text("t.", SIGNED.end - 2, SIGNED.end, 1)], "r"), st)


def test_an_identifying_field_must_name_the_same_thing():
    st = _st("person_function", {"name": "Els de Wit"}, ELS)
    same = lambda name: covers(Candidate("person_function", {"name": name}, [ELS], "r"), st)   # noqa: E731
    assert same("Els de Wit") and same("els de  wit") and same("Wit")
    assert not same("Jan Bos") and not same("Els")
    assert covers(Candidate("person_function", {"name": "Wit"}, [ELS], "r"),
                  _st("person_function", {"name": "Wit"}, ELS))
    assert covers(Candidate("person_function", {"name": "Els de Wit"}, [ELS], "r"),
                  _st("person_function", {"name": "Wit"}, ELS))
    assert not covers(Candidate("person_function", {"name": ""}, [ELS], "r"), st)


def test_without_the_identifying_field_the_overlap_is_enough():
    st = _st("person_function", {"name": "Els de Wit"}, ELS)
    assert covers(Candidate("person_function", {"function": "wethouder"}, [ELS], "r"), st)
    assert covers(Candidate("person_function", {"name": "Jan Bos"}, [ELS], "r"),
                  _st("person_function", {"name": ["Els de Wit"]}, ELS))            # not a string
    assert covers(Candidate("agreement", {"name": "Jan Bos"}, [ELS], "r"),
                  _st("agreement", {"name": "Els de Wit"}, ELS))                   # no identifying field


def test_shared_quotes_cover_only_the_statement_they_are_all_of():
    list_intro = _st("commitment", {"id": "a"}, SIGNED, ELS)
    shared = frozenset({("commitment", SIGNED.start, SIGNED.end)})
    assert not covers(Candidate("commitment", {}, [SIGNED], "r"), list_intro, shared)
    assert covers(Candidate("commitment", {}, [ELS], "r"), list_intro, shared)
    only_shared = _st("commitment", {"id": "b"}, SIGNED)
    assert covers(Candidate("commitment", {}, [SIGNED], "r"), only_shared, shared)
    other_kind = frozenset({("agreement", SIGNED.start, SIGNED.end)})
    assert covers(Candidate("commitment", {}, [SIGNED], "r"), list_intro, other_kind)


def _statement_file(folder, tables: str):
    (folder / "x.toml").write_text('source = "x.txt"\n' + tables, encoding="utf-8")
    return folder


def test_not_curated_keeps_what_no_statement_covers(tmp_path):
    _statement_file(tmp_path, '[[publication]]\nid = "krant-2008"\npublisher = "Krant"\ndate = "2008"\n'
                              'quote = "Jan Bos zweeg."\n[[person_function]]\nname = "Els de Wit"\n'
                              'function = "wethouder"\nquote = "Wethouder Els de Wit sprak."\n')
    pub = Candidate("publication", {"id": "bos-2008"}, [JAN], "r")
    els = Candidate("person_function", {"name": "Els de Wit"}, [ELS], "r")
    ev = Candidate("evaluation", {"according_to": "bos-2008", "subject": "x"}, [SIGNED], "r", needs=["bos-2008", "z"])
    proj = Candidate("project", {"publication": "bos-2008", "label": "p"}, [SIGNED], "r", needs=["bos-2008"])
    other = Candidate("evaluation", {"according_to": "Jan Bos"}, [SIGNED], "r", needs=["q"])
    kept = not_curated(DOC, [pub, els, ev, proj, other], tmp_path)
    assert kept == [ev, proj, other]
    assert (ev.fields["according_to"], ev.needs) == ("krant-2008", ["z"])
    assert (proj.fields["publication"], proj.needs) == ("krant-2008", [])
    assert (other.fields["according_to"], other.needs) == ("Jan Bos", ["q"])


def test_without_a_statement_file_every_candidate_is_new(tmp_path):
    cands = [Candidate("person_function", {"name": "Els de Wit"}, [ELS], "r")]
    kept = not_curated(DOC, cands, str(tmp_path))
    assert kept == cands and kept is not cands


def test_not_curated_reads_the_quotes_the_file_shares(tmp_path):
    # two commitments under one introduction: the introduction alone is neither of them
    _statement_file(tmp_path, '[[commitment]]\nid = "a"\nlabel = "A"\n'
                              'quote = ["Zij tekenden het convenant.", "Wethouder Els de Wit sprak."]\n'
                              '[[commitment]]\nid = "b"\nlabel = "B"\nquote = ["Zij tekenden het convenant.", "Jan Bos zweeg."]\n')
    intro = Candidate("commitment", {"id": "c"}, [SIGNED], "r")
    item = Candidate("commitment", {"id": "d"}, [SIGNED, JAN], "r")
    assert not_curated(DOC, [intro, item], tmp_path) == [intro]
