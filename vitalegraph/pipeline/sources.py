"""Sources, where the pipeline starts: read the source documents as evidence.

A source document is kept exactly as its bytes are: the text is the bytes decoded as UTF-8
(a byte-order mark, if any, stays as the first character), so that a character offset into
:attr:`SourceDocument.text` is an offset into "the file as decoded UTF-8". Line numbers count
``\\n`` only, as editors and ``file:line`` messages do.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError

__all__ = ["SourceDocument", "read_source", "read_sources", "source_files"]

#: the file names that are source documents in a sources folder
SOURCE_PATTERN = "*.txt"


@dataclass(frozen=True)
class SourceDocument:
    """One source document: its name, bytes, decoded text and line index.

    Examples
    --------
    >>> doc = SourceDocument.from_bytes("a.txt", "één\\ntwee\\r\\n".encode())
    >>> doc.line_of(4), doc.lines[1]
    (2, 'twee')
    >>> doc.sha256[:12]
    '72495ec0ec82'
    """

    name: str
    data: bytes = field(repr=False)
    text: str = field(repr=False)
    line_starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> "SourceDocument":
        """Decode *data* as strict UTF-8 and index its lines.

        Raises
        ------
        SourceError
            If the bytes are empty, contain a NUL byte (binary file) or are not UTF-8.
        """
        if not data.strip():
            raise SourceError(name, 1, "empty file: a source document needs text")
        nul = data.find(b"\x00")
        if nul >= 0:
            line = data.count(b"\n", 0, nul) + 1
            raise SourceError(name, line, f"binary file (NUL byte at byte {nul}): not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(
                name, line,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte {exc.start}); "
                "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            ) from None
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return cls(name=name, data=data, text=text, line_starts=tuple(starts))

    @property
    def stem(self) -> str:
        """The file name without its extension: the document's identifier."""
        return Path(self.name).stem

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the file's bytes."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def lines(self) -> list[str]:
        """The lines, without their ``\\n`` or ``\\r\\n`` ending."""
        return [self.line_text(i + 1) for i in range(len(self.line_starts))]

    def line_span(self, number: int) -> tuple[int, int]:
        """Start and end offset of line *number* (1-based), without its line ending."""
        start = self.line_starts[number - 1]
        end = self.line_starts[number] - 1 if number < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, number: int) -> str:
        start, end = self.line_span(number)
        return self.text[start:end]

    def line_of(self, offset: int) -> int:
        """The 1-based line number that holds character *offset*."""
        return bisect.bisect_right(self.line_starts, offset)


def read_source(path: str | Path) -> SourceDocument:
    """Read one source file.

    Raises
    ------
    SourceError
        If the file cannot be read or is not a UTF-8 text document.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path.name, 0, f"cannot read: {exc.strerror}") from None
    return SourceDocument.from_bytes(path.name, data)


def source_files(directory: str | Path) -> list[Path]:
    """The source files in *directory* (``*.txt``), sorted by name.

    Raises
    ------
    SourceError
        If the folder does not exist or holds no ``.txt`` file.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise SourceError(str(directory), 0, "no such folder; pass --sources DIR with the source .txt files")
    files = sorted(p for p in directory.glob(SOURCE_PATTERN) if p.is_file())
    if not files:
        raise SourceError(str(directory), 0, "no source documents (*.txt) in this folder")
    return files


def read_sources(directory: str | Path) -> list[SourceDocument]:
    """Read every source document in *directory*, in file-name order."""
    return [read_source(p) for p in source_files(directory)]
