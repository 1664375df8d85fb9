"""The graph over HTTP: a local SPARQL endpoint (``serve``), remote queries (``remote``) and ``push``.

Examples
--------
::

    from vitalegraph.endpoint import run_remote_query, start_server
"""

from .remote import DEFAULT_TIMEOUT, check_endpoint_url, run_remote_query
from .push import check_graph_iri, push_dataset
from .serve import DEFAULT_HOST, DEFAULT_PORT, Server, default_data, find_oxigraph, free_port, start_server

__all__ = ["run_remote_query", "push_dataset", "check_endpoint_url", "check_graph_iri", "DEFAULT_TIMEOUT",
           "Server", "start_server", "find_oxigraph", "default_data", "free_port", "DEFAULT_PORT", "DEFAULT_HOST"]
