"""A description of the dataset: VoID + DCAT, in ``void.ttl``.

:func:`write_description` writes ``void.ttl`` beside the dataset files: one
``void:Dataset``/``dcat:Dataset`` with its statistics (triples, entities, classes, properties,
distinct subjects and objects; :mod:`.statistics`), the vocabularies it uses, example resources,
one subset per named graph (in a document's graph, its text as NIF is a subset of its own,
``dataset/text/STEM``, with its number of triples), the source documents with their publishers, the licence, and one
``dcat:Distribution`` per dataset file present (media type, size and SHA-256 checksum); with
``endpoint`` also the SPARQL endpoint (``void:sparqlEndpoint`` and a ``dcat:DataService``).

The output is byte-identical build to build: everything is derived from the quads and the bytes
of the files, never from the clock. ``dct:modified`` is written only when a date is passed in, or
when the ``SOURCE_DATE_EPOCH`` environment variable (the reproducible-builds convention) is set.

The ontology's documentation page is :mod:`.ontology_docs`; its names and :func:`statistics` are
re-exported here, where they were before.

Examples
--------
::

    from vitalegraph.dataset import write_description
    write_description("data/vitalegraph.trig", "data")
    # -> PosixPath('data/void.ttl')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .. import paths
from ..namespaces import BASE, NIF
from .ontology_docs import DOCS_DIR, ontology_html, write_ontology_docs
from .statistics import Statistics, statistics

__all__ = ["write_description", "description_bytes", "description_quads", "statistics", "Statistics", "write_ontology_docs", "ontology_html", "DATASET", "TEXTS",
           "LICENCE", "VOID_FILE", "DOCS_DIR"]

#: the IRI of the dataset as a whole
DATASET = BASE + "dataset"
#: under this IRI, ``TEXTS/STEM`` is the text of document STEM (NIF), a subset of its named graph
TEXTS = DATASET + "/text"
#: what the texts conform to: NIF 2.1 core
NIF_CORE = str(NIF)
#: the licence of the dataset; a decision for the team lead (see the README)
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
VOID_FILE = "void.ttl"

_TITLE = {"nl": "VitaleGraph: actoren en coalities van de pilot Nieuwe coalities voor de wijk (2006-2007)",
          "en": "VitaleGraph: actors and coalitions of the Dutch pilot Nieuwe coalities voor de wijk (2006-2007)"}
_DESCRIPTION = {
    "nl": "Een kennisgraaf van de dertien adoptieteams van de pilot Nieuwe coalities voor de wijk: hun leden en "
          "rollen, departementen, partijen, gemeenten en wijken, vervolgprojecten en evaluaties, met voor elk feit "
          "de zin in de bron waarop het berust.",
    "en": "A knowledge graph of the thirteen adoption teams of the Dutch pilot Nieuwe coalities voor de wijk: "
          "their members and roles, departments, parties, municipalities and districts, follow-up projects and "
          "evaluations, with for every fact the sentence in the source it rests on.",
}
_RIGHTS = ("The quotations from the source documents (oa:exact) remain under the terms of their publishers; "
           "the licence covers the graph itself.")
_KEYWORDS = {"nl": ("wijkaanpak", "adoptieteams", "Nieuwe coalities voor de wijk", "VROM"),
             "en": ("urban renewal", "adoption teams", "knowledge graph")}
_SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
_IANA = "https://www.iana.org/assignments/media-types/"


def _epoch_date(value: str | None) -> str | None:
    import datetime

    if not value:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None


def _read(quads_or_path) -> list:
    if isinstance(quads_or_path, (str, Path)):
        from .export import read_quads

        return read_quads(quads_or_path)
    return list(quads_or_path)


def _distribution_files(out_dir: Path) -> dict[Path, bytes]:
    """The bytes of each ``vitalegraph.*`` dataset file in *out_dir*."""
    from .export import EXTENSIONS

    return {out_dir / f"vitalegraph{ext}": (out_dir / f"vitalegraph{ext}").read_bytes()
            for ext in EXTENSIONS.values() if (out_dir / f"vitalegraph{ext}").is_file()}


def _format_of(path: Path) -> str | None:
    from .export import EXTENSIONS

    return next((fmt for fmt, ext in EXTENSIONS.items() if Path(path).suffix.lower() == ext), None)


def description_quads(quads, distributions: dict | None = None, endpoint: str | None = None,
                      modified: str | None = None, base_url: str | None = None) -> list:
    """The triples of the description (as pyoxigraph Quads in the default graph).

    Parameters
    ----------
    quads : Statistics, pyoxigraph.Store or iterable of pyoxigraph.Quad
        The dataset, or its :func:`statistics` computed before.
    distributions : dict of path to bytes, optional
        The dataset files and their bytes: each with a known extension (``.ttl``, ``.trig``, ``.nt``,
        ``.nq``, ``.jsonld``, ``.rdf``) becomes a distribution with its size and SHA-256.
    endpoint : str, optional
        The SPARQL endpoint's query URL, if the dataset is served.
    modified : str, optional
        ``YYYY-MM-DD`` for ``dct:modified``; default: from ``SOURCE_DATE_EPOCH`` if set, else none.
    base_url : str, optional
        Where the files are published; adds ``dcat:downloadURL`` (base_url + file name).

    Returns
    -------
    list of pyoxigraph.Quad
    """
    stats = quads if isinstance(quads, Statistics) else statistics(quads)
    add = _Triples()
    _dataset(add, stats, modified or _epoch_date(os.environ.get("SOURCE_DATE_EPOCH")))
    _subsets(add, stats)
    _sources(add, stats)
    _distributions(add, distributions or {}, base_url)
    if endpoint:
        _endpoint(add, endpoint)
    return add.quads


class _Triples:
    """Collects triples as pyoxigraph Quads in the default graph; an IRI may be given as a string."""

    def __init__(self):
        self.quads: list = []

    def __call__(self, s, p, o) -> None:
        import pyoxigraph as ox

        term = lambda t: ox.NamedNode(t) if isinstance(t, str) else t  # noqa: E731 - rdflib terms are str too
        self.quads.append(ox.Quad(term(s), term(p), term(o)))


def _count(k: int):
    import pyoxigraph as ox

    from ..namespaces import XSD

    return ox.Literal(str(k), datatype=ox.NamedNode(str(XSD.integer)))


def _dataset(add: _Triples, stats: Statistics, modified: str | None) -> None:
    """The dataset itself: titles, keywords, licence, version, the VoID figures and vocabularies."""
    import pyoxigraph as ox

    from .. import __version__
    from ..namespaces import DCAT, DCTERMS, ID, RDF, VOID, XSD

    lit, ds = ox.Literal, ox.NamedNode(DATASET)
    add(ds, RDF.type, str(VOID.Dataset))
    add(ds, RDF.type, str(DCAT.Dataset))
    for lang in ("nl", "en"):
        add(ds, DCTERMS.title, lit(_TITLE[lang], language=lang))
        add(ds, DCTERMS.description, lit(_DESCRIPTION[lang], language=lang))
        for word in _KEYWORDS[lang]:
            add(ds, DCAT.keyword, lit(word, language=lang))
    add(ds, DCTERMS.license, LICENCE)
    add(ds, DCTERMS.rights, lit(_RIGHTS, language="en"))
    add(ds, DCAT.version, lit(__version__))
    add(ds, DCTERMS.conformsTo, BASE + "def")
    if modified:
        add(ds, DCTERMS.modified, lit(modified, datatype=ox.NamedNode(str(XSD.date))))
    add(ds, VOID.triples, _count(stats.triples))
    add(ds, VOID.entities, _count(stats.entities))
    add(ds, VOID.classes, _count(stats.classes))
    add(ds, VOID.properties, _count(stats.properties))
    add(ds, VOID.distinctSubjects, _count(stats.subjects))
    add(ds, VOID.distinctObjects, _count(stats.objects))
    add(ds, VOID.uriSpace, lit(str(ID)))
    for ns in stats.vocabularies:
        add(ds, VOID.vocabulary, ns)
    for example in stats.examples:
        add(ds, VOID.exampleResource, example)


def _subsets(add: _Triples, stats: Statistics) -> None:
    """One subset per named graph; within a document's graph, its text (NIF) as a subset of its own, so
    that the figures of the facts are not silently those of facts and text together."""
    import pyoxigraph as ox

    from ..namespaces import DCTERMS, ID, RDF, RDFS, VOID

    lit = ox.Literal
    texts = {doc: triples for doc, triples in stats.texts}
    for name, triples in stats.graphs:
        add(DATASET, VOID.subset, name)
        add(name, RDF.type, str(VOID.Dataset))
        add(name, VOID.triples, _count(triples))
        stem = name.rsplit('/', 1)[-1]
        add(name, RDFS.label, lit(f"named graph {stem}"))
        text = texts.get(f"{ID}source/{stem}")
        if text is None:
            continue
        part = ox.NamedNode(f"{TEXTS}/{stem}")
        add(name, VOID.subset, part)
        add(part, RDF.type, str(VOID.Dataset))
        add(part, VOID.triples, _count(text))
        add(part, DCTERMS.conformsTo, NIF_CORE)
        add(part, RDFS.label, lit(f"the text of {stem} as NIF 2.1 (its paragraphs, sentences and the mentions "
                                  f"of known entities), in named graph {stem}; the other "
                                  f"{triples - text} triples of the graph are the document's facts", language="en"))
        add(part, RDFS.label, lit(f"de tekst van {stem} als NIF 2.1 (alinea's, zinnen en de vermeldingen van "
                                  f"bekende entiteiten), in benoemde graaf {stem}", language="nl"))


def _sources(add: _Triples, stats: Statistics) -> None:
    """The source documents and who published them."""
    import pyoxigraph as ox

    from ..namespaces import DCTERMS, FOAF, RDF, RDFS

    publisher = str(DCTERMS.publisher)
    published = {s for s, p, _ in stats.about if p.value == publisher}
    for doc in stats.documents:
        add(DATASET, DCTERMS.source, doc)
        add(doc, RDF.type, str(FOAF.Document))
        if doc not in published:
            add(doc, RDFS.comment, ox.Literal("The publisher of this document is not known.", language="en"))
    for s, p, o in stats.about:
        add(s, p, o)


def _distributions(add: _Triples, distributions: dict, base_url: str | None) -> None:
    """The dataset files, each with its media type, size and SHA-256."""
    import hashlib

    import pyoxigraph as ox

    from ..namespaces import DCAT, DCTERMS, RDF, SPDX, XSD
    from .export import MEDIA_TYPES

    lit = ox.Literal
    for path, body in sorted(distributions.items()):
        fmt = _format_of(path)
        if fmt is None:
            continue
        name = Path(path).name
        dist, checksum = f"{DATASET}/{name}", f"{DATASET}/{name}-sha256"
        add(DATASET, DCAT.distribution, dist)
        add(dist, RDF.type, str(DCAT.Distribution))
        add(dist, DCTERMS.title, lit(name))
        add(dist, DCAT.mediaType, _IANA + MEDIA_TYPES[fmt])
        add(dist, DCAT.byteSize, lit(str(len(body)), datatype=ox.NamedNode(str(XSD.nonNegativeInteger))))
        add(dist, SPDX.checksum, checksum)
        if base_url:
            add(dist, DCAT.downloadURL, base_url.rstrip("/") + "/" + name)
        add(checksum, RDF.type, str(SPDX.Checksum))
        add(checksum, SPDX.algorithm, _SHA256)
        add(checksum, SPDX.checksumValue, lit(hashlib.sha256(body).hexdigest(), datatype=ox.NamedNode(str(XSD.hexBinary))))


def _endpoint(add: _Triples, endpoint: str) -> None:
    """The SPARQL endpoint that serves the dataset, as a DCAT data service."""
    import pyoxigraph as ox

    from ..namespaces import DCAT, DCTERMS, RDF, VOID

    service = f"{DATASET}/sparql"
    add(DATASET, VOID.sparqlEndpoint, endpoint)
    add(service, RDF.type, str(DCAT.DataService))
    add(service, DCAT.endpointURL, endpoint)
    add(service, DCAT.servesDataset, DATASET)
    add(service, DCTERMS.conformsTo, "https://www.w3.org/TR/sparql11-protocol/")
    add(service, DCTERMS.title, ox.Literal("VitaleGraph SPARQL endpoint", language="en"))


def description_bytes(quads: Iterable, distributions: dict | None = None, endpoint: str | None = None,
                      modified: str | None = None, base_url: str | None = None) -> bytes:
    """The description as deterministic Turtle (the content of ``void.ttl``).

    This is what a build writes in the same atomic batch as the dataset files, so that the
    checksums in it are those of the files beside it.

    Parameters
    ----------
    quads : iterable of pyoxigraph.Quad
        The dataset.
    distributions : dict of path to bytes, optional
        The dataset files about to be written, and their bytes.
    endpoint, modified, base_url : str, optional
        As for :func:`description_quads`.

    Returns
    -------
    bytes

    Examples
    --------
    ::

        files = {out / "vitalegraph.ttl": turtle_bytes(quads)}
        files[out / "void.ttl"] = description_bytes(quads, files)
        atomic_write_many(files)
    """
    from ..pipeline.serialize import turtle_bytes

    return turtle_bytes(description_quads(quads, distributions, endpoint, modified, base_url))


def write_description(quads, out_dir: str | Path = paths.DEFAULT_OUT, endpoint: str | None = None,
                      modified: str | None = None, base_url: str | None = None) -> Path:
    """Write ``OUT_DIR/void.ttl``: the VoID and DCAT description of the dataset.

    Call it after the dataset files are written: their checksums go into the description.

    Parameters
    ----------
    quads : iterable of pyoxigraph.Quad, or a path to a dataset file
        The dataset (e.g. ``BuildResult.quads``).
    out_dir : path
        The folder of the dataset files; ``void.ttl`` is written there, atomically.
    endpoint : str, optional
        The SPARQL endpoint's query URL (``void:sparqlEndpoint``).
    modified : str, optional
        ``YYYY-MM-DD`` for ``dct:modified``; default: from ``SOURCE_DATE_EPOCH`` if set, else none.
    base_url : str, optional
        Where the files are published (``dcat:downloadURL``).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    DataFileError
        If *quads* is a path that is missing or not valid RDF, or ``void.ttl`` cannot be written.

    Examples
    --------
    ::

        write_description(build_result.quads, "data")
        # -> PosixPath('data/void.ttl')
    """
    from ..errors import DataFileError
    from ..pipeline.serialize import atomic_write

    out_dir = Path(out_dir)
    body = description_bytes(_read(quads), _distribution_files(out_dir), endpoint, modified, base_url)
    target = out_dir / VOID_FILE
    try:
        atomic_write(target, body)
    except OSError as exc:
        raise DataFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
