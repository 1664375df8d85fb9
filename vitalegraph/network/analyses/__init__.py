"""The analyses that ``vitalegraph network NAME`` prints, each one module here that declares its name.

An analysis module registers one function with :func:`analysis`, naming the analysis, what it shows
and its columns; the function takes the membership rows (:func:`vitalegraph.network.membership_rows`,
of one period) and returns one dict per output row. Every module in this folder is imported when the
package is, so a new analysis is one new file here; :func:`analysis_table` and the CLI find it by name.

Examples
--------
>>> list(ANALYSES)[:3]
['linkers', 'district-links', 'centrality']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from ...errors import QueryError
from ...registry import Registry, descriptions, import_modules
from ...query.output import Cell, Table

__all__ = ["Analysis", "analysis", "find_analysis", "analysis_table", "records_table", "REGISTRY", "ANALYSES"]


@dataclass(frozen=True)
class Analysis:
    """One analysis: its *name*, what it shows, its output *columns* and the function that computes its rows."""

    name: str
    description: str
    columns: tuple[str, ...]
    run: Callable[..., list[dict]]
    rank: int
    #: keyword options the function takes, each with its allowed values (the first is the default)
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


#: the analyses by name, in their rank
REGISTRY = Registry("network analysis")

#: the analyses and what each shows, in their order
ANALYSES: Mapping[str, str] = descriptions(REGISTRY)


def analysis(name: str, *, description: str, columns: tuple[str, ...] | list[str], rank: int,
             options: Mapping[str, tuple[str, ...]] | None = None):
    """Register the decorated function as analysis *name*.

    Parameters
    ----------
    name : str
        What ``vitalegraph network NAME`` calls it.
    description : str
        What it shows, one line (in ``vitalegraph network --help``).
    columns : sequence of str
        The output columns, in order: the keys of the dicts the function returns that are shown.
    rank : int
        Its place in the list of analyses.
    options : mapping, optional
        Keyword options the function takes, each with its allowed values, the default first (such as
        ``{"by": ("affiliation", "level")}``; ``vitalegraph network NAME --by level`` passes one).

    Returns
    -------
    callable
        The decorator; it returns the function unchanged.

    Raises
    ------
    ValueError
        If an analysis of that name is registered already.
    """
    def register(run):
        REGISTRY.add(name, Analysis(name, description, tuple(columns), run, rank, dict(options or {})))
        return run
    return register


def find_analysis(name: str, also: tuple[str, ...] = ()) -> Analysis:
    """The analysis called *name*.

    Raises
    ------
    QueryError
        For an unknown analysis, listing the known ones (and the names in *also*).
    """
    if name not in REGISTRY:
        raise QueryError(f"unknown network analysis '{name}'; choose one of {', '.join([*ANALYSES, *also])}")
    return REGISTRY[name]


def _cell(v) -> Cell | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return Cell("literal", "true" if v else "false", "http://www.w3.org/2001/XMLSchema#boolean")
    if isinstance(v, int):
        return Cell("literal", str(v), "http://www.w3.org/2001/XMLSchema#integer")
    if isinstance(v, float):
        return Cell("literal", repr(v), "http://www.w3.org/2001/XMLSchema#double")
    if isinstance(v, str) and v.startswith("https://"):
        return Cell("uri", v)
    return Cell("literal", str(v))


def records_table(records: list[dict], columns: tuple[str, ...] | list[str]) -> Table:
    """*records* as a :class:`vitalegraph.query.Table` of *columns* (an IRI as a URI cell, numbers typed).

    >>> records_table([{"a": 1, "b": "x"}], ["a", "b"]).rows[0][0].value
    '1'
    """
    columns = list(columns)
    return Table(columns, [[_cell(r.get(c)) for c in columns] for r in records])


def analysis_table(name: str, rows: list[dict], also: tuple[str, ...] = (), **options) -> Table:
    """The rows of analysis *name* on the membership *rows*, as a :class:`vitalegraph.query.Table`.

    *options* are passed on where the analysis takes them (its ``options``); ``None`` values and
    options it does not take are left out.

    Raises
    ------
    QueryError
        For an unknown analysis (:func:`find_analysis`), or an option value it does not allow.
    """
    spec = find_analysis(name, also)
    given = {}
    for key, value in options.items():
        if value is None:
            continue
        if key not in spec.options:
            raise QueryError(f"network analysis '{name}' takes no --{key}")
        if value not in spec.options[key]:
            raise QueryError(f"unknown --{key} '{value}' for '{name}'; choose one of {', '.join(spec.options[key])}")
        given[key] = value
    return records_table(spec.run(rows, **given), spec.columns)


import_modules(__name__, __path__)
