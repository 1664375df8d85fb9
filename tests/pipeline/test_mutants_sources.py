"""Sources, held exactly: line index, line spans with CR and BOM, and each refusal's file:line.

Written against the mutants that survived ``benchmarks/mutation.py sources``.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import SourceError
from vitalegraph.pipeline.sources import SourceDocument, read_source, read_sources, source_files


def refusal(data: bytes) -> str:
    with pytest.raises(SourceError) as err:
        SourceDocument.from_bytes("x.txt", data)
    return str(err.value)


@pytest.mark.parametrize("data, message", [
    (b" \n\t\r\n", "x.txt:1: empty file: a source document needs text"),
    (b"\x00abc", "x.txt:1: binary file (NUL byte at byte 0): not a text document"),
    (b"ab\ncd\n\x00", "x.txt:3: binary file (NUL byte at byte 6): not a text document"),
    (b"\na\x00\nb\n", "x.txt:2: binary file (NUL byte at byte 2): not a text document"),
    (b"\n\xff\n", "x.txt:2: not valid UTF-8 (byte 0xff at byte 1); convert the file to UTF-8 "
                 "(e.g. iconv -f latin1 -t utf-8)"),
    (b"\xe9t\xe9", "x.txt:1: not valid UTF-8 (byte 0xe9 at byte 0); convert the file to UTF-8 "
                   "(e.g. iconv -f latin1 -t utf-8)"),
    (b"a\nb\nc\xff", "x.txt:3: not valid UTF-8 (byte 0xff at byte 5); convert the file to UTF-8 "
                     "(e.g. iconv -f latin1 -t utf-8)"),
])
def test_refusals_name_line_and_byte(data, message):
    assert refusal(data) == message


def test_line_index():
    doc = SourceDocument.from_bytes("x.txt", "a\nbc\n\nd".encode())
    assert doc.line_starts == (0, 2, 5, 6)
    assert doc.text == "a\nbc\n\nd" and doc.data == b"a\nbc\n\nd" and doc.name == "x.txt"
    assert [doc.line_of(i) for i in range(len(doc.text) + 1)] == [1, 1, 2, 2, 2, 3, 4, 4]
    assert [doc.line_text(n) for n in (1, 2, 3, 4)] == ["a", "bc", "", "d"]
    one = SourceDocument.from_bytes("y.txt", b"abc")
    assert one.line_starts == (0,) and one.line_span(1) == (0, 3)


def test_line_spans_leave_out_cr_line_ends():
    doc = SourceDocument.from_bytes("x.txt", b"a\r\nbc\n\r\nd\r")
    assert [doc.line_span(n) for n in (1, 2, 3, 4)] == [(0, 1), (3, 5), (6, 6), (8, 9)]
    assert [doc.line_text(n) for n in (1, 2, 3, 4)] == ["a", "bc", "", "d"]


def test_an_empty_first_line_does_not_look_at_the_last_character():
    doc = SourceDocument.from_bytes("x.txt", b"\nb\r")
    assert doc.line_span(1) == (0, 0)
    assert doc.line_span(2) == (1, 2)


def test_a_bom_stays_the_first_character():
    doc = SourceDocument.from_bytes("x.txt", "\ufeffa\nb".encode())
    assert doc.text[0] == "\ufeff" and doc.line_span(1) == (0, 2) and doc.line_starts == (0, 3)


def test_reading_files_and_folders(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"twee\n")
    (tmp_path / "a.txt").write_bytes(b"een\n")
    (tmp_path / "c.md").write_bytes(b"geen bron\n")
    (tmp_path / "d.txt").mkdir()                            # a folder named like a source is none
    assert [p.name for p in source_files(tmp_path)] == ["a.txt", "b.txt"]
    assert [(d.name, d.text) for d in read_sources(tmp_path)] == [("a.txt", "een\n"), ("b.txt", "twee\n")]
    doc = read_source(str(tmp_path / "a.txt"))
    assert (doc.name, doc.data) == ("a.txt", b"een\n")
    with pytest.raises(SourceError) as err:
        read_source(tmp_path / "d.txt")
    assert str(err.value) == "d.txt: cannot read: Is a directory"
    assert (err.value.file, err.value.line) == ("d.txt", 0)                # no line to blame


def test_source_folder_refusals(tmp_path):
    with pytest.raises(SourceError) as err:
        source_files(tmp_path / "nowhere")
    assert str(err.value) == f"{tmp_path / 'nowhere'}: no such folder; pass --sources DIR with the source .txt files"
    assert err.value.line == 0
    with pytest.raises(SourceError) as err:
        source_files(tmp_path)
    assert str(err.value) == f"{tmp_path}: no source documents (*.txt) in this folder"
    assert err.value.line == 0
    (tmp_path / "f.txt").write_bytes(b"x")
    with pytest.raises(SourceError):
        source_files(tmp_path / "f.txt")                     # a file is not a folder
