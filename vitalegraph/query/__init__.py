"""Querying the built dataset: named queries (``queries/*.rq``), any SPARQL, and the result tables.

Examples
--------
::

    from vitalegraph.query import load_dataset, run_query
    table = run_query("teams", load_dataset("data/vitalegraph.ttl"))
"""

from .engine import (ENGINES, Dataset, NamedQuery, load_dataset, named_queries,
                     resolve_query, run_query, store_of)
from .output import FORMATS, Cell, Table, render, shorten
from .sparql import check_read_only

__all__ = ["ENGINES", "Dataset", "NamedQuery", "check_read_only", "load_dataset", "named_queries",
           "resolve_query", "run_query", "store_of", "FORMATS", "Cell", "Table", "render", "shorten"]
