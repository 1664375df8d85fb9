"""VitaleGraph: a knowledge graph of the adoption teams of the Dutch pilot
*Nieuwe coalities voor de wijk* (2006-2007).

The folders follow the data, which flows one way (nothing imports from further down the line)::

    pipeline/   sources -> extraction -> statements -> resolution/ -> graph -> validation -> serialize
                                                  |
    uses:       query/ | network/ | picture/ | endpoint/ | dataset/ (export, describe)

:mod:`vitalegraph.build` runs the pipeline and writes what the uses derive (networks, pictures,
VoID); :mod:`vitalegraph.cli` is the command line over them all. ``paths``, ``errors``,
``namespaces``, ``collector`` and ``registry`` are shared by every part.
"""

__version__ = "0.1.0"
