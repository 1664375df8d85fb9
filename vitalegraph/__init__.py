"""VitaleGraph: a knowledge graph of the adoption teams of the Dutch pilot
*Nieuwe coalities voor de wijk* (2006-2007).

The folders follow the data, which flows one way (nothing imports from further down the line,
``tests/test_layout.py`` checks): pipeline → query → (network | picture | dataset | endpoint) → analysis → report → build → cli::

    pipeline/   sources -> extraction -> statements -> resolution/ -> graph -> validation -> serialize
                                                  |
    query/      named queries and any SPARQL on the built dataset
                                                  |
    uses:       network/ | picture/ (draws the networks) | dataset/ (export, describe) | endpoint/ (serve, push)

:mod:`vitalegraph.build` runs the pipeline and writes what the uses derive (networks, pictures,
VoID); :mod:`vitalegraph.cli` is the command line over them all, one module a command group.
``paths``, ``errors``, ``namespaces``, ``collector``, ``registry`` and ``transaction`` are shared
by every part.
"""

__version__ = "0.1.0"
