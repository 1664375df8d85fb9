"""VitaleGraph: a knowledge graph of the adoption teams of the Dutch pilot
*Nieuwe coalities voor de wijk* (2006-2007).

The pipeline, one module a stage, data flowing one way::

    sources -> extraction -> statements -> resolution -> graph -> validation -> serialize
                                                                  |
                                                          query | network | picture | export

The Python API of each stage is documented in its module; :mod:`vitalegraph.build`
runs the whole pipeline.
"""

__version__ = "0.1.0"
