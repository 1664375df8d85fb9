"""The dataset in six RDF formats, deterministic, for evaluators to take away.

``vitalegraph export --format F`` writes the built dataset as Turtle, TriG, N-Triples, N-Quads,
JSON-LD or RDF/XML. TriG and N-Quads keep the named graphs (one per source document, plus
``reference`` and ``ontology``); the other four formats hold the merged graph (every triple once),
as ``vitalegraph.ttl`` does. The same input always gives the same bytes: triples are sorted as
:mod:`vitalegraph.serialize` sorts them, and JSON-LD nodes, keys and values are sorted too.

JSON-LD is compacted with the shipped context ``ontology/context.jsonld`` (the prefixes of
:data:`vitalegraph.namespaces.PREFIXES` and short terms for the common properties), embedded in
the output so that the file reads back without any network access.

Examples
--------
::

    from vitalegraph.export import export
    export("data/vitalegraph.trig", "jsonld", "/tmp/vitalegraph.jsonld")
    # -> PosixPath('/tmp/vitalegraph.jsonld')
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .. import paths
from ..errors import DataFileError, QueryError

__all__ = ["FORMATS", "EXTENSIONS", "MEDIA_TYPES", "RDFLIB_FORMATS", "export", "export_bytes", "read_quads",
           "jsonld_bytes", "load_context"]

#: export format -> file extension
EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "ntriples": ".nt", "nquads": ".nq", "jsonld": ".jsonld",
              "rdfxml": ".rdf"}
FORMATS = tuple(EXTENSIONS)
#: export format -> IANA media type
MEDIA_TYPES = {"turtle": "text/turtle", "trig": "application/trig", "ntriples": "application/n-triples",
               "nquads": "application/n-quads", "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}
#: export format -> the name rdflib's parser knows it by (to read an export back)
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "ntriples": "nt", "nquads": "nquads", "jsonld": "json-ld",
                  "rdfxml": "xml"}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"



def read_quads(data: str | Path) -> list:
    """All quads of a dataset file, as :class:`pyoxigraph.Quad`.

    Raises
    ------
    DataFileError
        If *data* is missing or not valid RDF.
    """
    from ..query.engine import load_dataset

    return list(load_dataset(data, "oxigraph").file_quads())


def load_context(path: str | Path = paths.CONTEXT) -> dict:
    """The ``@context`` object of the shipped JSON-LD context file.

    Raises
    ------
    DataFileError
        If the file is missing or not a JSON-LD context.

    Examples
    --------
    >>> ctx = load_context()
    >>> ctx["vg"], ctx["memberOf"]
    ('https://w3id.org/vitalegraph/def#', {'@id': 'org:memberOf', '@type': '@id'})
    """
    import json

    try:
        ctx = json.loads(Path(path).read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"{path}: not a readable JSON-LD context ({type(exc).__name__}: {exc})") from None
    if not isinstance(ctx, dict):
        raise DataFileError(f"{path}: '@context' is not an object")
    return ctx


class _Compactor:
    """IRIs to compact IRIs and predicates to terms, following one context."""

    def __init__(self, context: dict):
        self.prefixes = sorted(((v, k) for k, v in context.items() if isinstance(v, str) and not k.startswith("@")),
                               key=lambda vk: -len(vk[0]))
        self.terms = {}
        for term, definition in context.items():
            if isinstance(definition, dict) and "@id" in definition:
                iri = self.expand(definition["@id"], context)
                coerce = definition.get("@type")
                if coerce and coerce != "@id":
                    coerce = self.expand(coerce, context)
                self.terms[iri] = (term, coerce)

    @staticmethod
    def expand(value: str, context: dict) -> str:
        prefix, _, rest = value.partition(":")
        return context[prefix] + rest if rest and not rest.startswith("//") and isinstance(context.get(prefix), str) else value

    def iri(self, iri: str) -> str:
        for ns, prefix in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri


def _node_ref(term) -> str:
    import pyoxigraph as ox

    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _value(obj, coerce, c: _Compactor):
    """The JSON-LD value of *obj* under a property whose term coerces to *coerce*."""
    import pyoxigraph as ox

    if isinstance(obj, (ox.NamedNode, ox.BlankNode)):
        ref = c.iri(obj.value) if isinstance(obj, ox.NamedNode) else _node_ref(obj)
        return ref if coerce == "@id" else {"@id": ref}
    if obj.language:
        return {"@value": obj.value, "@language": obj.language}
    datatype = obj.datatype.value
    if datatype == _XSD_STRING:
        return obj.value if coerce is None else {"@value": obj.value}
    if datatype == coerce:
        return obj.value
    return {"@value": obj.value, "@type": c.iri(datatype)}


def _sort_key(value) -> tuple:
    import json

    return (isinstance(value, dict), json.dumps(value, ensure_ascii=False, sort_keys=True))


def jsonld_bytes(triples: Iterable, context: dict | None = None) -> bytes:
    """Compacted JSON-LD of *triples* (one node object per subject), deterministic.

    Parameters
    ----------
    triples : iterable of pyoxigraph.Triple or Quad
        Graph names are ignored: the triples are merged.
    context : dict, optional
        The ``@context`` object; default: :func:`load_context`. It is embedded in the output.

    Returns
    -------
    bytes
        UTF-8 JSON, ``{"@context": ..., "@graph": [...]}``.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> t = ox.Triple(ox.NamedNode("https://w3id.org/vitalegraph/id/team/x"),
    ...               ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("X", language="nl"))
    >>> print(jsonld_bytes([t], {"skos": "http://www.w3.org/2004/02/skos/core#",
    ...                          "team": "https://w3id.org/vitalegraph/id/team/"}).decode())
    {
      "@context": {
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "team": "https://w3id.org/vitalegraph/id/team/"
      },
      "@graph": [
        {
          "@id": "team:x",
          "skos:prefLabel": {
            "@value": "X",
            "@language": "nl"
          }
        }
      ]
    }
    <BLANKLINE>
    """
    import json

    import pyoxigraph as ox

    context = load_context() if context is None else context
    c = _Compactor(context)
    subjects: dict = {}
    for t in triples:
        subjects.setdefault(t.subject, {}).setdefault(t.predicate.value, set()).add(t.object)
    nodes = []
    for subject in sorted(subjects, key=lambda s: (isinstance(s, ox.BlankNode), s.value)):
        props = subjects[subject]
        node = {"@id": c.iri(subject.value) if isinstance(subject, ox.NamedNode) else _node_ref(subject)}
        types = props.pop(_RDF_TYPE, set())
        literal_types = {o for o in types if isinstance(o, ox.Literal)}
        if types - literal_types:
            values = sorted(c.iri(o.value) if isinstance(o, ox.NamedNode) else _node_ref(o) for o in types - literal_types)
            node["@type"] = values[0] if len(values) == 1 else values
        if literal_types:  # rdf:type with a literal object cannot be written as @type
            props["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"] = literal_types
        entries = []
        for predicate, objects in props.items():
            term, coerce = c.terms.get(predicate, (None, None))
            key = term or c.iri(predicate)
            if term is None:
                coerce = None
            values = sorted((_value(o, coerce, c) for o in objects), key=_sort_key)
            entries.append((key, values[0] if len(values) == 1 else values))
        for key, value in sorted(entries):
            node[key] = value
        nodes.append(node)
    return (json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_bytes(quads: Iterable, fmt: str, context: dict | None = None) -> bytes:
    """*quads* serialised in format *fmt*, deterministic.

    Parameters
    ----------
    quads : iterable of pyoxigraph.Quad
    fmt : str
        One of :data:`FORMATS`. ``trig`` and ``nquads`` keep the graphs; the others merge them.
    context : dict, optional
        The JSON-LD ``@context`` (``jsonld`` only); default: the shipped one.

    Returns
    -------
    bytes

    Raises
    ------
    QueryError
        For an unknown format.
    """
    import pyoxigraph as ox

    from ..namespaces import PREFIXES
    from ..pipeline.serialize import sorted_quads, sorted_triples, trig_bytes, turtle_bytes

    quads = list(quads)
    if fmt == "turtle":
        return turtle_bytes(quads)
    if fmt == "trig":
        return trig_bytes(quads)
    if fmt == "ntriples":
        return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.N_TRIPLES)
    if fmt == "nquads":
        return ox.serialize(sorted_quads(quads), format=ox.RdfFormat.N_QUADS)
    if fmt == "rdfxml":
        return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
    if fmt == "jsonld":
        return jsonld_bytes(sorted_triples(quads), context)
    raise QueryError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> bytes | Path:
    """Read a dataset file and write it in format *fmt*.

    Parameters
    ----------
    data : path
        The dataset file (``.trig``, ``.ttl``, ``.nt``, ``.nq``, ``.jsonld``, ``.rdf``).
    fmt : str
        One of :data:`FORMATS`.
    out : path, optional
        Where to write, atomically (a reader sees the old file or the new one). ``None``: return
        the bytes instead.

    Returns
    -------
    bytes or Path
        The bytes if *out* is ``None``, else *out*.

    Raises
    ------
    DataFileError
        If *data* is missing or unreadable, or *out* cannot be written.
    QueryError
        For an unknown format.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    body = export_bytes(read_quads(data), fmt)
    if out is None:
        return body
    from ..pipeline.serialize import atomic_write

    out = Path(out)
    if out.is_dir():
        raise DataFileError(f"{out}: is a folder; give a file name such as {out / ('vitalegraph' + EXTENSIONS[fmt])}")
    try:
        atomic_write(out, body)
    except OSError as exc:
        raise DataFileError(f"{out}: cannot write ({exc.strerror or exc})") from None
    return out
