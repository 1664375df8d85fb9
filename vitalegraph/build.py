"""The whole pipeline: sources → extraction → statements → resolution → graph → validation → files.

:func:`build` is what ``vitalegraph build`` runs. It writes nothing unless every stage succeeded:
a malformed source, a quote not found, a SHACL violation, a failing network or picture stage or an
unwritable folder stops it, and every previous output (dataset, description, network files,
pictures) stays byte for byte as it was.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import paths
from .collector import collector_paused
from .errors import ValidationFailed
from .pipeline.validation import FAST_ROUTE_FROM

__all__ = ["BuildResult", "build", "build_dataset", "texts", "derived_files", "write_derived", "DATASET_TTL", "DATASET_TRIG",
           "DERIVED_FOLDERS", "NETWORK_FILES_LIMIT", "REPORT"]

DATASET_TTL = "vitalegraph.ttl"
DATASET_TRIG = "vitalegraph.trig"


@dataclass
class BuildResult:
    """What a build made: counts, warnings, timings per stage and the files written.

    ``ttl`` and ``trig`` are the dataset's bytes, ``store`` the validated Oxigraph store (its default graph
    holds the merged dataset; kept only while :func:`build` needs it). ``quads`` is the set of :class:`pyoxigraph.Quad`; a large build
    lets go of it before loading the store (a million triples hold 0.6 GB as Python objects) and
    parses it again from the TriG when asked.
    """

    counts: dict[str, int]
    warnings: list[str]
    skipped: list[str]
    timings: dict[str, float]
    files: list[Path] = field(default_factory=list)
    derived: list[Path] = field(default_factory=list)
    validation: str = ""
    model: object = field(default=None, repr=False)
    statistics: object = field(default=None, repr=False)
    ttl: bytes = field(default=b"", repr=False)
    trig: bytes = field(default=b"", repr=False)
    store: object = field(default=None, repr=False)
    kept_quads: set | None = field(default=None, repr=False)

    @property
    def quads(self) -> set:
        """All quads of the dataset (parsed again from ``trig`` if the build let go of them)."""
        if self.kept_quads is None:
            import pyoxigraph as ox

            self.kept_quads = set(ox.parse(self.trig, format=ox.RdfFormat.TRIG))
        return self.kept_quads


class _Stages:
    """Times the stages of a build into *timings* and tells *progress* as each one ends."""

    def __init__(self, timings: dict[str, float], progress: Callable[[str], None] | None):
        self.timings, self.progress = timings, progress
        self.t = time.perf_counter()

    def done(self, stage: str) -> None:
        """*stage* ends now; the next one starts."""
        self.timings[stage] = time.perf_counter() - self.t
        if self.progress is not None:
            self.progress(stage)
        self.t = time.perf_counter()


@collector_paused()   # millions of objects, few cycles: see vitalegraph.collector
def build_dataset(sources: str | Path = paths.DEFAULT_SOURCES, statements: str | Path = paths.STATEMENTS,
                  reference: str | Path = paths.REFERENCE, ontology: str | Path = paths.ONTOLOGY,
                  shapes: str | Path | None = paths.SHAPES, progress: Callable[[str], None] | None = None
                  ) -> BuildResult:
    """Read, resolve and validate the corpus; write nothing.

    Parameters
    ----------
    sources : folder with the ``*.txt`` source documents
    statements : folder with the curated ``*.toml`` statement files
    reference : folder with the reference CSV files
    ontology : the ontology file, included in the dataset
    shapes : the SHACL shapes file; ``None`` skips validation
    progress : called with the name of each stage as it ends (``extraction``, ``resolution``,
        ``texts``, ``graph``, ``serialisation``, ``validation``, ``statistics``), e.g. to measure memory by stage

    Returns
    -------
    BuildResult
        With ``ttl`` and ``trig`` (the dataset's bytes, in canonical order), ``store`` (the
        validated Oxigraph store, the merged dataset in its default graph), ``quads`` (a set of :class:`pyoxigraph.Quad`), ``model`` and
        ``statistics`` (:class:`vitalegraph.dataset.Statistics`, for the description).

    Raises
    ------
    SourceError, StatementError, DataFileError
        For bad input, with ``file:line`` where there is one; a StatementError too where the graph
        would not be true to its sources (:mod:`vitalegraph.pipeline.fidelity`: a named thing's
        evidence that does not name it, a spelling that is another's name, a selector that does
        not give back its words), naming the statement.
    ValidationFailed
        If the graph violates the shapes; the message names the first failing node and shape.
    """
    from .pipeline.fidelity import check_model, check_selectors
    from .pipeline.graph import build_quad_tuples
    from .pipeline.reference import name_key
    from .pipeline.reference import load_reference
    from .pipeline.resolution import extract, resolve
    from .pipeline.sources import read_sources
    from .pipeline.statements import load_statements

    timings: dict[str, float] = {}
    stages = _Stages(timings, progress)
    docs = read_sources(sources)
    extracted = extract(docs)            # a malformed listing is reported before anything else
    files, skipped = load_statements(statements, docs)
    ref = load_reference(reference)
    stages.done("extraction")
    model = resolve(docs, files, ref, skipped, extracted)
    model.warnings[:0] = _unused_documents(extracted, files)
    # every named thing's evidence names it; no spelling is another person's or place's name
    check_model(model, files, {name_key(p) for m in ref.municipalities for p in m.places})
    stages.done("resolution")
    model.texts = texts(model, ref)
    stages.done("texts")
    quads = build_quad_tuples(model, ontology)
    stages.done("graph")
    import pyoxigraph as ox

    from .dataset.statistics import statistics
    from .pipeline.serialize import dataset_bytes

    graph_sizes: dict[str, int] = {}
    ttl, trig = dataset_bytes(quads, graph_sizes)   # before the store, so that the quads can go first
    stages.done("serialisation")
    n_quads = len(quads)
    small = n_quads < FAST_ROUTE_FROM
    kept = {ox.Quad(*t) for t in quads} if small else None
    del quads    # a large set of Python quads would sit beside the store it is loaded into
    validation = "not validated"
    # The merged Turtle in the default graph, not the TriG's named graphs: the shapes and statistics
    # are about the union of the graphs, and Oxigraph answers a query on one graph much faster than
    # on the union of many (checks on ten thousand teams 5.9 s instead of 10.3 s, loading 7.2 s
    # instead of 8.7 s); the named graphs' sizes come from the serialisation. `load`, not
    # `bulk_load`: on an in-memory store it is the faster of the two (ten thousand teams 6.7 s and
    # 1.19 GB against 7.6 s and 1.40 GB; the same at a thousand).
    store = ox.Store()
    store.load(ttl, format=ox.RdfFormat.TURTLE)
    check_selectors(store, {d.name: d.text for d in docs}, files)   # every oa:exact is its span
    if shapes is not None:
        from .pipeline.validation import to_rdflib, validate, validate_store

        if small:
            report = validate(to_rdflib(kept), shapes)
        else:  # pySHACL would dominate the build: the same shapes as SPARQL checks on Oxigraph
            report = validate_store(store, shapes, union=False)
        stages.done("validation")
        if not report.conforms:
            first = report.violations[0] if report.violations else "unknown violation"
            raise ValidationFailed(f"the graph violates the SHACL shapes, nothing written: {first}"
                                   + (f" (and {len(report.violations) - 1} more)" if len(report.violations) > 1 else ""),
                                   report.summary(50))
        validation = report.summary()
    stats = statistics(store, list(graph_sizes.items()))  # for the summary and void.ttl, while the store is at hand
    stages.done("statistics")
    counts = _counts(model, n_quads, stats)
    return BuildResult(counts, model.warnings, model.skipped, timings, validation=validation, model=model,
                       statistics=stats, ttl=ttl, trig=trig, store=store, kept_quads=kept)


def texts(model, reference) -> list:
    """Every document of *model* cut into paragraphs and sentences, in the language it declares
    (``dct:language``, else Dutch), with every mention of a known entity linked
    (:mod:`vitalegraph.pipeline.text`, :mod:`vitalegraph.pipeline.mentions`)."""
    from .pipeline.mentions import link_mentions
    from .pipeline.text import LANGUAGE, segment

    out = []
    for doc in model.documents:
        source = model.entities.get(f"source/{doc.stem}")
        langs = source.objects("dct:language") if source is not None else []
        out.append(segment(doc, langs[0].value if langs else LANGUAGE))
    link_mentions(model, reference, out)
    return out


def _unused_documents(extracted, files) -> list[str]:
    """A warning for each document that gives the graph nothing but its own description: no team
    listing and no statement file (a stray ``.txt``, or a page whose statements are yet to be written)."""
    with_statements = {f.source.stem for f in files}
    return [f"{doc.name}: no team listing and no statement file (data/statements/{doc.stem}.toml); "
            "only the document itself is in the graph"
            for doc, _info, teams in extracted if not teams and doc.stem not in with_statements]


def _counts(model, n_quads: int, stats) -> dict[str, int]:
    persons = model.of_kind("person")
    orgs = [e for e in model.entities.values() if e.kind in ("organisation", "party", "department")
            and any(d is not None for d in e.docs)]
    return {
        "triples": stats.triples,
        "quads": n_quads,
        "sources": len(model.documents),
        "adoption teams": len(model.of_kind("team")),
        "memberships": len(model.of_kind("membership")),
        "persons": len(persons),
        "organisations": len(orgs),
        "districts": len(model.of_kind("district")),
        "municipalities": sum(1 for e in model.of_kind("municipality") if any(d is not None for d in e.docs)),
        "sentences": sum(len(t.sentences) for t in model.texts),
        "mentions": sum(len(t.mentions) for t in model.texts),
        "ambiguous mentions": sum(1 for t in model.texts for m in t.mentions if m.entity is None),
        "text triples": sum(model.text_triples.values()),
        "named graphs": len(stats.graphs),
    }


@collector_paused()   # millions of objects, few cycles: see vitalegraph.collector
def build(sources: str | Path = paths.DEFAULT_SOURCES, out: str | Path = paths.DEFAULT_OUT,
          statements: str | Path = paths.STATEMENTS, reference: str | Path = paths.REFERENCE,
          ontology: str | Path = paths.ONTOLOGY, shapes: str | Path | None = paths.SHAPES,
          networks: bool = True, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build, validate and write ``vitalegraph.ttl``, ``vitalegraph.trig`` and their description
    ``void.ttl`` into *out*, and (with *networks*) the network files and pictures into
    ``OUT/network/`` and ``OUT/pictures/``.

    Everything is made in memory first and then written in one all-or-nothing step
    (:func:`vitalegraph.transaction.commit`): a build that fails in any stage, or is interrupted,
    leaves *out* as it was; one killed during the final renames is finished by the next build.
    Above :data:`NETWORK_FILES_LIMIT` memberships no network files or pictures are made, and the
    previous ones (which would draw another dataset) go in the same step.

    *progress* is called with each stage's name as it ends, as in :func:`build_dataset`, then with
    ``networks`` and ``writing``; ``result.timings`` holds each stage's seconds.

    Raises
    ------
    OutputError
        If *out* cannot be written (not a folder, not writable, disk full); *out* is unchanged.

    Examples
    --------
    ::

        result = build("data/sources", "/tmp/vg")
        result.counts["adoption teams"]      # 13 for the seed sources
    """
    from .dataset.describe import description_bytes

    out = Path(out)
    _check_writable(out)
    result = build_dataset(sources, statements, reference, ontology, shapes, progress)
    stages = _Stages(result.timings, progress)
    files = {DATASET_TTL: result.ttl, DATASET_TRIG: result.trig}
    # the VoID/DCAT description, with the checksums of the files beside it, in the same atomic step
    files["void.ttl"] = description_bytes(result.statistics, {out / n: b for n, b in files.items()})
    folders: dict[str, dict[str, bytes]] = {}
    remove: tuple[str, ...] = ()
    if networks and result.counts["memberships"] <= NETWORK_FILES_LIMIT:
        folders = derived_files(result.store, out)
        stages.done("networks")
    elif networks:
        remove = DERIVED_FOLDERS
    _commit(out, files, folders, remove)
    stages.done("writing")
    result.files = [out / n for n in files]
    result.derived = sorted(out / folder / name for folder, contents in folders.items() for name in contents)
    result.store = None   # the caller has the files; the store's memory goes back
    return result


def _check_writable(out: Path) -> None:
    """Fail before the work when *out* cannot take the files (not after a minute of building)."""
    from .errors import OutputError

    existing = next((p for p in (out, *out.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise OutputError(f"{existing}: not a folder; choose another --out")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"{existing}: no permission to write there; choose another --out")


def _commit(out: Path, files, folders, remove) -> None:
    from .errors import OutputError
    from .transaction import commit

    try:
        commit(out, files, folders, remove)
    except OSError as exc:
        where = exc.filename or out
        raise OutputError(f"{where}: cannot write the build ({exc.strerror or exc}); nothing was changed "
                          f"in {out}") from None


#: above this many memberships the build writes no network files or pictures (the district network of
#: a large corpus has hundreds of thousands of edges; `vitalegraph network export` and
#: `vitalegraph picture` still write them)
NETWORK_FILES_LIMIT = 5000


#: the report page (vitalegraph.report), written beside the pictures
REPORT = "report.html"

#: the folders of derived outputs that a build replaces whole
DERIVED_FOLDERS = ("network", "pictures")


def derived_files(quads, out: str | Path) -> dict[str, dict[str, bytes]]:
    """What is derived from the graph, as bytes: ``{"network": {name: bytes}, "pictures": {...}}``; the
    pictures folder holds the report page (:data:`REPORT`) too.

    *quads* is an Oxigraph store holding the dataset, in its named graphs or (as the build's own)
    merged in its default graph, or the quads themselves. The networks are computed through SPARQL
    on that store, exactly as ``vitalegraph network export`` computes them from the written dataset.
    *out* is the folder the dataset is (to be) written to; nothing is written here.
    """
    from .network.files import network_bytes
    from .network.networks import membership_rows, networks as all_networks
    from .picture.pictures import render_view
    from .picture.views import VIEWS
    from .query.engine import Dataset, store_of
    from .report import report_html

    dataset = Dataset(Path(out) / DATASET_TTL, "oxigraph", store_of(quads), union=True)
    rows = membership_rows(dataset)
    network = {f"{name}.{kind}": data for name, G in sorted(all_networks(rows).items())
               for kind, data in network_bytes(G).items()}
    pictures = {f"{view}.html": render_view(dataset, view, "all", rows, tour=True)[0].encode("utf-8") for view in VIEWS}
    pictures[REPORT] = report_html(dataset, "all").encode("utf-8")
    return {"network": network, "pictures": pictures}


def write_derived(quads, out: str | Path) -> list[Path]:
    """Write :func:`derived_files` into ``OUT/network/`` and ``OUT/pictures/`` (each folder replaced
    whole, in one step); returns the files written."""
    folders = derived_files(quads, out)
    _commit(Path(out), {}, folders, ())
    return sorted(Path(out) / folder / name for folder, contents in folders.items() for name in contents)
