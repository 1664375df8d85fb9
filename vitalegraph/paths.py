"""Where VitaleGraph finds its files.

The ontology, shapes, reference data and curated statements live in the project folder
(``ontology/``, ``data/reference/``, ``data/statements/``); sources and outputs default to
``data/sources`` and ``data`` in the current folder, as the README's commands run from the project
folder. ``VITALEGRAPH_HOME`` overrides the project folder.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["HOME", "ONTOLOGY", "SHAPES", "CONTEXT", "REFERENCE", "STATEMENTS", "QUERIES",
           "DEFAULT_SOURCES", "DEFAULT_OUT", "DEFAULT_DATA"]

HOME = Path(os.environ.get("VITALEGRAPH_HOME") or Path(__file__).resolve().parent.parent)
ONTOLOGY = HOME / "ontology" / "vitalegraph.ttl"
SHAPES = HOME / "ontology" / "shapes.ttl"
CONTEXT = HOME / "ontology" / "context.jsonld"
REFERENCE = HOME / "data" / "reference"
STATEMENTS = HOME / "data" / "statements"
QUERIES = Path(__file__).resolve().parent / "query" / "queries"
DEFAULT_SOURCES = Path("data") / "sources"
DEFAULT_OUT = Path("data")
DEFAULT_DATA = Path("data") / "vitalegraph.ttl"
