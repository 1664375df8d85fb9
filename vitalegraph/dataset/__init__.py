"""The dataset as files for others: ``export`` (six RDF formats), ``describe`` (the VoID/DCAT description,
with the figures of ``statistics``) and ``ontology_docs`` (the ontology as one HTML page).

``dataset/`` comes after ``query/`` in the flow (pipeline -> query -> uses): ``export`` and
``statistics`` read the dataset through :mod:`vitalegraph.query.engine`, which is not an upward import.

Examples
--------
::

    from vitalegraph.dataset import export, write_description
"""

from .describe import DATASET, LICENCE, VOID_FILE, description_bytes, description_quads, write_description
from .ontology_docs import DOCS_DIR, ontology_html, write_ontology_docs
from .statistics import Statistics, statistics
from .export import EXTENSIONS, FORMATS, MEDIA_TYPES, RDFLIB_FORMATS, export, export_bytes, jsonld_bytes, load_context, read_quads

__all__ = ["FORMATS", "EXTENSIONS", "MEDIA_TYPES", "RDFLIB_FORMATS", "export", "export_bytes", "read_quads",
           "jsonld_bytes", "load_context", "write_description", "description_bytes", "description_quads",
           "statistics", "Statistics", "write_ontology_docs", "ontology_html", "DATASET", "LICENCE", "VOID_FILE",
           "DOCS_DIR"]
