"""The project's own errors, each with the exit status the command line gives it.

Every error a user can cause (a bad source file, a wrong query, a missing data file,
an unreachable endpoint) is one of these. The command line prints ``str(error)`` on one
line and exits with ``error.exit_status``; it never shows a traceback for them.
"""

__all__ = [
    "VitaleGraphError",
    "SourceError",
    "StatementError",
    "ValidationFailed",
    "QueryError",
    "DataFileError",
    "EndpointError",
    "OutputError",
    "INTERNAL_ERROR_STATUS",
]

#: the exit status of an error the project did not foresee (a bug, a missing package)
INTERNAL_ERROR_STATUS = 4


class VitaleGraphError(Exception):
    """Base class: a user-facing error with a one-line message."""

    exit_status = 1


class SourceError(VitaleGraphError):
    """A source document cannot be read or its team listing is malformed.

    The message has the form ``file:line: what is wrong``, or ``file: what is wrong`` where no line
    is to blame (``line`` 0: a missing folder, an unreadable file).
    """

    def __init__(self, file: str, line: int, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


class StatementError(VitaleGraphError):
    """A curated statement is malformed or its quote is not in its source."""


class ValidationFailed(VitaleGraphError):
    """The graph violates the SHACL shapes; nothing was written."""

    def __init__(self, message: str, report: str = ""):
        self.report = report
        super().__init__(message)


class QueryError(VitaleGraphError):
    """A query is not valid SPARQL, unknown, or would modify data."""

    exit_status = 2


class DataFileError(VitaleGraphError):
    """A data file is missing, unreadable or not parseable."""

    exit_status = 2


class EndpointError(VitaleGraphError):
    """A remote SPARQL endpoint is unreachable, timed out or answered badly."""

    exit_status = 3


class OutputError(VitaleGraphError):
    """An output folder or file cannot be written (not a folder, no permission, disk full)."""
