"""The pipeline: from the source texts to the validated, serialised RDF dataset.

Data flows one way through its modules, each importing only those before it::

    sources -> extraction -> statements -> reference -> resolution -> graph -> validation -> serialize

:func:`vitalegraph.build.build` runs them in order. :mod:`.propose` is no stage: it reads a new
document's prose with the same sources, extraction, statements and reference modules and proposes
statements for a curator (``vitalegraph propose``); the build never calls it. Nothing here imports from the uses of the
graph (``query``, ``network``, ``picture``, ``endpoint``, ``dataset``).
"""
