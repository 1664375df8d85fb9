"""The pipeline: from the source texts to the validated, serialised RDF dataset.

Data flows one way through its modules, each importing only those before it::

    sources -> extraction -> statements -> reference -> resolution -> graph -> validation -> serialize

:func:`vitalegraph.build.build` runs them in order. Nothing here imports from the uses of the
graph (``query``, ``network``, ``picture``, ``endpoint``, ``dataset``).
"""
