"""Stage 6 — validation: the SHACL shapes of ``ontology/shapes.ttl``, checked with pySHACL.

:func:`validate` returns a :class:`Report`; the build refuses to write a dataset whose report does
not conform, and names the failing node and shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Violation", "Report", "validate", "to_rdflib"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node, the shape it violates, the property path and the message."""

    focus: str
    shape: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.focus} violates {self.shape}{where}: {self.message}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def summary(self, limit: int = 10) -> str:
        if self.conforms:
            return "conforms to the SHACL shapes"
        lines = [f"{len(self.violations)} SHACL violation(s):"]
        lines += [f"  {v}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


def to_rdflib(quads):
    """An :class:`rdflib.Graph` with the triples of pyoxigraph *quads* (all graphs merged)."""
    import pyoxigraph as ox
    import rdflib

    data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                        format=ox.RdfFormat.N_TRIPLES)
    from .namespaces import PREFIXES

    g = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def _short(node, graph) -> str:
    try:
        return graph.namespace_manager.normalizeUri(node)
    except Exception:  # noqa: BLE001 - a node rdflib cannot shorten is shown whole
        return str(node)


def validate(data_graph, shapes: str | Path) -> Report:
    """Validate an :class:`rdflib.Graph` against the shapes file.

    Parameters
    ----------
    data_graph : rdflib.Graph
        The dataset, ontology included (``sh:class`` follows its ``rdfs:subClassOf``).
    shapes : path
        ``ontology/shapes.ttl``.

    Returns
    -------
    Report
        ``conforms`` and one :class:`Violation` per result, sorted.

    Notes
    -----
    pySHACL's cost grows with targets times shapes; on the seed corpus it takes well under a second.
    """
    import pyshacl
    import rdflib
    from rdflib.namespace import RDF, SH

    shapes_graph = rdflib.Graph().parse(str(shapes), format="turtle")
    conforms, results, _text = pyshacl.validate(data_graph, shacl_graph=shapes_graph, inference="none",
                                                abort_on_first=False, allow_warnings=True)
    if conforms:
        return Report(True)
    parents = {prop: shape for shape, prop in shapes_graph.subject_objects(SH.property)}
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        source = results.value(result, SH.sourceShape)
        shape = parents.get(source, source)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        found.append(Violation(_short(focus, data_graph), _short(shape, shapes_graph),
                               _short(path, data_graph) if path is not None else "", str(message or "")))
    return Report(False, sorted(found))
