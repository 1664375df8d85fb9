"""The dataset as files for others: ``export`` (six RDF formats) and ``describe`` (VoID/DCAT, ontology docs).

Examples
--------
::

    from vitalegraph.dataset import export, write_description
"""

from .describe import (DATASET, DOCS_DIR, LICENCE, VOID_FILE, Statistics, description_bytes, description_quads,
                       ontology_html, statistics, write_description, write_ontology_docs)
from .export import EXTENSIONS, FORMATS, MEDIA_TYPES, RDFLIB_FORMATS, export, export_bytes, jsonld_bytes, load_context, read_quads

__all__ = ["FORMATS", "EXTENSIONS", "MEDIA_TYPES", "RDFLIB_FORMATS", "export", "export_bytes", "read_quads",
           "jsonld_bytes", "load_context", "write_description", "description_bytes", "description_quads",
           "statistics", "Statistics", "write_ontology_docs", "ontology_html", "DATASET", "LICENCE", "VOID_FILE",
           "DOCS_DIR"]
