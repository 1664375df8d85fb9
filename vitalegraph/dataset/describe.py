"""A description of the dataset (VoID + DCAT) and human-readable documentation of the ontology.

:func:`write_description` writes ``void.ttl`` beside the dataset files: one
``void:Dataset``/``dcat:Dataset`` with its statistics (triples, entities, classes, properties,
distinct subjects and objects), the vocabularies it uses, example resources, one subset per named
graph, the source documents with their publishers, the licence, and one ``dcat:Distribution`` per
dataset file present (media type, size and SHA-256 checksum); with ``endpoint`` also the SPARQL
endpoint (``void:sparqlEndpoint`` and a ``dcat:DataService``).

The output is byte-identical build to build: everything is derived from the quads and the bytes
of the files, never from the clock. ``dct:modified`` is written only when a date is passed in, or
when the ``SOURCE_DATE_EPOCH`` environment variable (the reproducible-builds convention) is set.

:func:`write_ontology_docs` writes ``ontology/docs/index.html``: classes, properties and concept
schemes of ``ontology/vitalegraph.ttl`` with their Dutch and English labels and comments, in one
self-contained page (inline CSS, no scripts, no fonts or styles from elsewhere).

Examples
--------
::

    from vitalegraph.describe import write_description, write_ontology_docs
    write_description("data/vitalegraph.trig", "data")
    # -> PosixPath('data/void.ttl')
    write_ontology_docs()
    # -> PosixPath('.../ontology/docs/index.html')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, NamedTuple

from .. import paths
from ..namespaces import BASE

__all__ = ["write_description", "description_bytes", "description_quads", "statistics", "Statistics", "write_ontology_docs", "ontology_html", "DATASET",
           "LICENCE", "VOID_FILE", "DOCS_DIR"]

#: the IRI of the dataset as a whole
DATASET = BASE + "dataset"
#: the licence of the dataset; a decision for the team lead (see the README)
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
VOID_FILE = "void.ttl"
DOCS_DIR = paths.HOME / "ontology" / "docs"

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


class Statistics(NamedTuple):
    """What the description says of the dataset's content: its VoID statistics, vocabularies,
    example resources, named graphs and source documents. See :func:`statistics`."""

    triples: int
    entities: int
    classes: int
    properties: int
    subjects: int
    objects: int
    vocabularies: list
    examples: list
    graphs: list
    documents: list
    about: list


def statistics(data, graphs: list | None = None) -> Statistics:
    """The statistics the description gives, computed by the SPARQL queries in
    ``queries/describe/`` over the union of the dataset's graphs.

    Parameters
    ----------
    data : pyoxigraph.Store or iterable of pyoxigraph.Quad
        The dataset; a store is queried as it is (a build passes the store it validated).
    graphs : list of (graph IRI, triples), optional
        The named graphs' sizes, known already (:func:`vitalegraph.serialize.dataset_bytes` counts
        them). Given them, *data* must be a store whose default graph holds the dataset's distinct
        triples and nothing else, as a build loads its Turtle: the queries then read that one graph
        instead of merging the named ones, and the number of triples is the store's size.

    Returns
    -------
    Statistics
        Counts of distinct triples, entities (IRIs under ``id/``), classes, properties, subjects and
        objects; the vocabularies whose terms are used; one example resource per example class;
        ``(graph IRI, triples)`` per named graph; the source documents and ``(subject, property,
        value)`` facts about them and their publishers.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> from vitalegraph.namespaces import ID, RDF, VG
    >>> t = ox.NamedNode(ID + "team/a")
    >>> quads = [ox.Quad(t, ox.NamedNode(str(RDF.type)), ox.NamedNode(VG + "AdoptionTeam"), ox.NamedNode(BASE + "graph/x")),
    ...          ox.Quad(t, ox.NamedNode(str(RDF.type)), ox.NamedNode(VG + "AdoptionTeam"))]
    >>> stats = statistics(quads)
    >>> stats.triples, stats.entities, stats.classes, stats.graphs
    (1, 1, 1, [('https://w3id.org/vitalegraph/graph/x', 1)])

    Notes
    -----
    One query per figure in ``queries/describe/`` and ``queries/describe/counts/``, run side by side
    in a thread pool: about 2 s for a million triples on two cores, where the same sets built in
    Python took 28 s.
    """
    from concurrent.futures import ThreadPoolExecutor

    import pyoxigraph as ox

    from ..namespaces import PREFIXES, WD
    from ..query.engine import store_of

    store = store_of(data)
    merged = graphs is not None
    folder = paths.QUERIES / "describe"
    names = ["terms", "examples", "documents"] + ([] if merged else ["graphs"]) + [
        f"counts/{p.stem}" for p in (folder / "counts").glob("*.rq") if not (merged and p.stem == "triples")]

    def select(name: str) -> list:
        text = (folder / f"{name}.rq").read_text(encoding="utf-8")
        return list(store.query(text, use_default_graph_as_union=not merged))

    # Oxigraph evaluates a query without holding the GIL: the queries run side by side
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        answers = dict(zip(names, pool.map(select, names)))
    number = lambda name: int(answers[f"counts/{name}"][0]["n"].value)  # noqa: E731
    terms = [r["term"].value for r in answers["terms"] if isinstance(r["term"], ox.NamedNode)]
    vocabularies = sorted({ns for ns in PREFIXES.values() if not ns.startswith(BASE + "id/")
                           and not ns.startswith(BASE + "graph/") and ns != str(WD)
                           and any(t.startswith(ns) for t in terms)})
    examples = sorted(r["example"].value for r in answers["examples"])
    if merged:
        graphs = sorted(graphs)
    else:
        graphs = sorted((r["graph"].value, int(r["triples"].value)) for r in answers["graphs"]
                        if isinstance(r["graph"], ox.NamedNode))
    facts = answers["documents"]
    documents = sorted({r["document"] for r in facts}, key=lambda t: t.value)
    about = sorted({(r["subject"], r["property"], r["value"]) for r in facts}, key=str)
    return Statistics(len(store) if merged else number("triples"), number("entities"), number("classes"), number("properties"),
                      number("distinctSubjects"), number("distinctObjects"), vocabularies, examples, graphs, documents, about)


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
    import hashlib

    import pyoxigraph as ox

    from .. import __version__
    from .export import MEDIA_TYPES
    from ..namespaces import DCAT, DCTERMS, FOAF, ID, RDF, RDFS, SPDX, VOID, XSD

    n = ox.NamedNode
    lit = ox.Literal
    out: list = []

    def add(s, p, o):
        term = lambda t: n(t) if isinstance(t, str) else t  # noqa: E731 - rdflib terms are str too
        out.append(ox.Quad(term(s), term(p), term(o)))

    stats = quads if isinstance(quads, Statistics) else statistics(quads)
    ds = n(DATASET)
    integer = n(str(XSD.integer))
    count = lambda k: lit(str(k), datatype=integer)  # noqa: E731

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
    modified = modified or _epoch_date(os.environ.get("SOURCE_DATE_EPOCH"))
    if modified:
        add(ds, DCTERMS.modified, lit(modified, datatype=n(str(XSD.date))))
    add(ds, VOID.triples, count(stats.triples))
    add(ds, VOID.entities, count(stats.entities))
    add(ds, VOID.classes, count(stats.classes))
    add(ds, VOID.properties, count(stats.properties))
    add(ds, VOID.distinctSubjects, count(stats.subjects))
    add(ds, VOID.distinctObjects, count(stats.objects))
    add(ds, VOID.uriSpace, lit(str(ID)))
    for ns in stats.vocabularies:
        add(ds, VOID.vocabulary, ns)
    for example in stats.examples:
        add(ds, VOID.exampleResource, example)

    # one subset per named graph
    for name, triples in stats.graphs:
        add(ds, VOID.subset, name)
        add(name, RDF.type, str(VOID.Dataset))
        add(name, VOID.triples, count(triples))
        add(name, RDFS.label, lit(f"named graph {name.rsplit('/', 1)[-1]}"))

    # the source documents and who published them
    publisher = str(DCTERMS.publisher)
    published = {s for s, p, _ in stats.about if p.value == publisher}
    for doc in stats.documents:
        add(ds, DCTERMS.source, doc)
        add(doc, RDF.type, str(FOAF.Document))
        if doc not in published:
            add(doc, RDFS.comment, lit("The publisher of this document is not known.", language="en"))
    for s, p, o in stats.about:
        add(s, p, o)

    # distributions: the dataset files, with size and checksum
    for path, body in sorted((distributions or {}).items()):
        fmt = _format_of(path)
        if fmt is None:
            continue
        dist = n(f"{DATASET}/{Path(path).name}")
        checksum = n(f"{DATASET}/{Path(path).name}-sha256")
        add(ds, DCAT.distribution, dist)
        add(dist, RDF.type, str(DCAT.Distribution))
        add(dist, DCTERMS.title, lit(Path(path).name))
        add(dist, DCAT.mediaType, _IANA + MEDIA_TYPES[fmt])
        add(dist, DCAT.byteSize, lit(str(len(body)), datatype=n(str(XSD.nonNegativeInteger))))
        add(dist, SPDX.checksum, checksum)
        if base_url:
            add(dist, DCAT.downloadURL, base_url.rstrip("/") + "/" + Path(path).name)
        add(checksum, RDF.type, str(SPDX.Checksum))
        add(checksum, SPDX.algorithm, _SHA256)
        add(checksum, SPDX.checksumValue, lit(hashlib.sha256(body).hexdigest(), datatype=n(str(XSD.hexBinary))))

    if endpoint:
        service = n(f"{DATASET}/sparql")
        add(ds, VOID.sparqlEndpoint, endpoint)
        add(service, RDF.type, str(DCAT.DataService))
        add(service, DCAT.endpointURL, endpoint)
        add(service, DCAT.servesDataset, ds)
        add(service, DCTERMS.conformsTo, "https://www.w3.org/TR/sparql11-protocol/")
        add(service, DCTERMS.title, lit("VitaleGraph SPARQL endpoint", language="en"))
    return out


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


# ---------------------------------------------------------------- ontology documentation
_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1d1d1f}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin:1.6rem 0 .3rem;font-size:1.1rem}code,.iri{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.iri{color:#555}table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f7;width:12rem;font-weight:600}nav ul{columns:3;list-style:none;padding-left:0}a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
.lang{color:#5f6368;font-size:.8em;margin-left:.2rem}.entity{border-left:3px solid #0b57d0;padding-left:.8rem;margin-bottom:1.2rem}
footer{margin-top:3rem;color:#5f6368;font-size:.85em}
""".strip()


def ontology_html(ontology: str | Path = paths.ONTOLOGY) -> str:
    """The ontology as one self-contained HTML page (no scripts, no external styles).

    Parameters
    ----------
    ontology : path
        The ontology in Turtle (default ``ontology/vitalegraph.ttl``).

    Returns
    -------
    str

    Raises
    ------
    DataFileError
        If the ontology is missing or not valid Turtle.

    Examples
    --------
    >>> page = ontology_html()
    >>> "<h2 id=\\"classes\\">" in page and "adoptieteam" in page and "<script" not in page
    True
    """
    import html

    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    from ..errors import DataFileError
    from ..namespaces import PREFIXES

    g = rdflib.Graph()
    try:
        g.parse(str(ontology), format="turtle")
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of parse errors
        raise DataFileError(f"{ontology}: not a readable ontology ({' '.join(str(exc).split())[:200]})") from None
    esc = html.escape
    local = {str(iri) for iri in g.subjects() if isinstance(iri, rdflib.URIRef)}
    prefixes = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))

    def curie(iri) -> str:
        iri = str(iri)
        for ns, p in prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def anchor(iri) -> str:
        return curie(iri).replace(":", "-")

    def link(iri) -> str:
        if isinstance(iri, rdflib.BNode):
            return "<em>(anonymous)</em>"
        if str(iri) in local:
            return f'<a href="#{esc(anchor(iri))}"><code>{esc(curie(iri))}</code></a>'
        return f'<a href="{esc(str(iri))}"><code>{esc(curie(iri))}</code></a>'

    def texts(s, p) -> str:
        values = sorted(g.objects(s, p), key=lambda o: ({"nl": 0, "en": 1}.get(getattr(o, "language", None) or "", 2), str(o)))
        return "<br>".join(f"{esc(str(o))}" + (f'<span class="lang">{esc(o.language)}</span>' if getattr(o, "language", None) else "")
                           for o in values)

    def label(s, lang="en") -> str:
        for p in (RDFS.label, SKOS.prefLabel):
            for o in g.objects(s, p):
                if getattr(o, "language", None) == lang:
                    return str(o)
        return curie(s)

    def rows(s, fields) -> str:
        out = []
        for name, p, kind in fields:
            if kind == "text":
                cell = texts(s, p)
            else:
                cell = ", ".join(link(o) for o in sorted(g.objects(s, p), key=str))
            if cell:
                out.append(f"<tr><th>{esc(name)}</th><td>{cell}</td></tr>")
        return "".join(out)

    def entity(s, fields) -> str:
        return (f'<div class="entity" id="{esc(anchor(s))}"><h3><code>{esc(curie(s))}</code> &middot; {esc(label(s))}</h3>'
                f'<p class="iri">{esc(str(s))}</p><table>{rows(s, fields)}</table></div>')

    def of_type(*types):
        return sorted({s for t in types for s in g.subjects(RDF.type, t) if isinstance(s, rdflib.URIRef)}, key=str)

    label_fields = [("label", RDFS.label, "text"), ("comment", RDFS.comment, "text")]
    classes = of_type(OWL.Class, RDFS.Class)
    obj_props = of_type(OWL.ObjectProperty)
    data_props = of_type(OWL.DatatypeProperty, OWL.AnnotationProperty)
    schemes = of_type(SKOS.ConceptScheme)
    onto = next(iter(of_type(OWL.Ontology)), None)

    parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
             '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
             f"<title>{esc(label(onto) if onto is not None else 'VitaleGraph ontology')}</title>\n"
             f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n"]
    # landmarks (axe-core: every element in one): header, nav, main with the terms, footer
    parts.append("<header>\n")
    if onto is not None:
        parts.append(f"<h1>{esc(label(onto))}</h1>\n<p class=\"iri\">{esc(str(onto))}</p>\n<table>"
                     + rows(onto, [("title", rdflib.URIRef("http://purl.org/dc/terms/title"), "text"),
                                   ("description", RDFS.comment, "text"), ("version", OWL.versionInfo, "text")])
                     + "</table>\n")
    sections = [("classes", "Classes", classes), ("object-properties", "Object properties", obj_props),
                ("datatype-properties", "Datatype properties", data_props), ("concept-schemes", "Concept schemes", schemes)]
    parts.append("</header>\n<nav><h2>Contents</h2>\n")
    for sid, title, items in sections:
        parts.append(f'<h3><a href="#{sid}">{title}</a> ({len(items)})</h3><ul>'
                     + "".join(f'<li><a href="#{esc(anchor(s))}">{esc(curie(s))}</a></li>' for s in items) + "</ul>\n")
    parts.append('<h3><a href="#namespaces">Namespaces</a></h3></nav>\n<main>\n')

    parts.append('<h2 id="classes">Classes</h2>\n')
    for s in classes:
        parts.append(entity(s, label_fields + [("subclass of", RDFS.subClassOf, "iri"),
                                               ("equivalent to", OWL.equivalentClass, "iri")]) + "\n")
    for sid, title, items in sections[1:3]:
        parts.append(f'<h2 id="{sid}">{title}</h2>\n')
        for s in items:
            parts.append(entity(s, label_fields + [("domain", RDFS.domain, "iri"), ("range", RDFS.range, "iri"),
                                                   ("subproperty of", RDFS.subPropertyOf, "iri")]) + "\n")
    parts.append('<h2 id="concept-schemes">Concept schemes</h2>\n')
    concept_fields = [("label", SKOS.prefLabel, "text"), ("also called", SKOS.altLabel, "text"),
                      ("definition", SKOS.definition, "text"), ("type", RDF.type, "iri"), ("broader", SKOS.broader, "iri")]
    for scheme in schemes:
        parts.append(entity(scheme, [("label", SKOS.prefLabel, "text"), ("comment", RDFS.comment, "text")]))
        concepts = sorted(g.subjects(SKOS.inScheme, scheme), key=str)
        parts.append("<table><tr><th>concept</th><th>labels, definition</th></tr>"
                     + "".join(f'<tr id="{esc(anchor(c))}"><td><code>{esc(curie(c))}</code></td><td>'
                               f'<table>{rows(c, concept_fields)}</table></td></tr>' for c in concepts)
                     + "</table>\n")
    parts.append('<h2 id="namespaces">Namespaces</h2>\n<table>'
                 + "".join(f"<tr><th><code>{esc(p)}:</code></th><td><code>{esc(ns)}</code></td></tr>"
                           for p, ns in PREFIXES.items())
                 + "</table>\n</main>\n")
    parts.append(f"<footer>Generated from <code>{esc(Path(ontology).name)}</code> by "
                 "<code>vitalegraph.describe.write_ontology_docs</code>.</footer>\n</body>\n</html>\n")
    return "".join(parts)


def write_ontology_docs(ontology: str | Path = paths.ONTOLOGY, out_dir: str | Path = DOCS_DIR) -> Path:
    """Write the ontology documentation to ``OUT_DIR/index.html`` (atomically).

    Parameters
    ----------
    ontology : path
        The ontology in Turtle (default ``ontology/vitalegraph.ttl``).
    out_dir : path
        Default ``ontology/docs``.

    Returns
    -------
    Path

    Raises
    ------
    DataFileError
        If the ontology cannot be read or the page cannot be written.
    """
    from ..errors import DataFileError
    from ..pipeline.serialize import atomic_write

    target = Path(out_dir) / "index.html"
    page = ontology_html(ontology).encode("utf-8")
    try:
        atomic_write(target, page)
    except OSError as exc:
        raise DataFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
