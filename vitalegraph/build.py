"""The whole pipeline: sources → extraction → statements → resolution → graph → validation → files.

:func:`build` is what ``vitalegraph build`` runs. It writes nothing unless every stage succeeded:
a malformed source, a quote not found or a SHACL violation stops it with the project's own error,
and the previous dataset stays as it was.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from .errors import ValidationFailed

__all__ = ["BuildResult", "build", "build_dataset", "write_derived", "DATASET_TTL", "DATASET_TRIG"]

DATASET_TTL = "vitalegraph.ttl"
DATASET_TRIG = "vitalegraph.trig"


@dataclass
class BuildResult:
    """What a build made: counts, warnings, timings per stage and the files written."""

    counts: dict[str, int]
    warnings: list[str]
    skipped: list[str]
    timings: dict[str, float]
    files: list[Path] = field(default_factory=list)
    derived: list[Path] = field(default_factory=list)
    validation: str = ""
    quads: set = field(default_factory=set, repr=False)
    model: object = field(default=None, repr=False)


def build_dataset(sources: str | Path = paths.DEFAULT_SOURCES, statements: str | Path = paths.STATEMENTS,
                  reference: str | Path = paths.REFERENCE, ontology: str | Path = paths.ONTOLOGY,
                  shapes: str | Path | None = paths.SHAPES) -> BuildResult:
    """Read, resolve and validate the corpus; write nothing.

    Parameters
    ----------
    sources : folder with the ``*.txt`` source documents
    statements : folder with the curated ``*.toml`` statement files
    reference : folder with the reference CSV files
    ontology : the ontology file, included in the dataset
    shapes : the SHACL shapes file; ``None`` skips validation

    Returns
    -------
    BuildResult
        With ``quads`` (a set of :class:`pyoxigraph.Quad`) and ``model``.

    Raises
    ------
    SourceError, StatementError, DataFileError
        For bad input, with ``file:line`` where there is one.
    ValidationFailed
        If the graph violates the shapes; the message names the first failing node and shape.
    """
    from .graph import build_quads
    from .reference import load_reference
    from .resolution import extract, resolve
    from .sources import read_sources
    from .statements import load_statements

    timings: dict[str, float] = {}
    t = time.perf_counter()
    docs = read_sources(sources)
    extracted = extract(docs)            # a malformed listing is reported before anything else
    files, skipped = load_statements(statements, docs)
    ref = load_reference(reference)
    timings["extraction"] = time.perf_counter() - t
    t = time.perf_counter()
    model = resolve(docs, files, ref, skipped, extracted)
    timings["resolution"] = time.perf_counter() - t
    t = time.perf_counter()
    quads = build_quads(model, ontology)
    timings["graph"] = time.perf_counter() - t
    validation = "not validated"
    if shapes is not None:
        from .validation import FAST_ROUTE_FROM, to_rdflib, validate, validate_store

        t = time.perf_counter()
        if len(quads) < FAST_ROUTE_FROM:
            report = validate(to_rdflib(quads), shapes)
        else:  # pySHACL would dominate the build: the same shapes as SPARQL checks on Oxigraph
            import pyoxigraph as ox

            store = ox.Store()
            store.extend(quads)
            report = validate_store(store, shapes)
            del store
        timings["validation"] = time.perf_counter() - t
        if not report.conforms:
            first = report.violations[0] if report.violations else "unknown violation"
            raise ValidationFailed(f"the graph violates the SHACL shapes, nothing written: {first}"
                                   + (f" (and {len(report.violations) - 1} more)" if len(report.violations) > 1 else ""),
                                   report.summary(50))
        validation = report.summary()
    counts = _counts(model, quads)
    return BuildResult(counts, model.warnings, model.skipped, timings, validation=validation, quads=quads, model=model)


def _counts(model, quads) -> dict[str, int]:
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    persons = model.of_kind("person")
    orgs = [e for e in model.entities.values() if e.kind in ("organisation", "party", "department")
            and any(d is not None for d in e.docs)]
    return {
        "triples": len(triples),
        "quads": len(quads),
        "sources": len(model.documents),
        "adoption teams": len(model.of_kind("team")),
        "memberships": len(model.of_kind("membership")),
        "persons": len(persons),
        "organisations": len(orgs),
        "districts": len(model.of_kind("district")),
        "municipalities": sum(1 for e in model.of_kind("municipality") if any(d is not None for d in e.docs)),
    }


def build(sources: str | Path = paths.DEFAULT_SOURCES, out: str | Path = paths.DEFAULT_OUT,
          statements: str | Path = paths.STATEMENTS, reference: str | Path = paths.REFERENCE,
          ontology: str | Path = paths.ONTOLOGY, shapes: str | Path | None = paths.SHAPES,
          networks: bool = True) -> BuildResult:
    """Build, validate and write ``vitalegraph.ttl``, ``vitalegraph.trig`` and their description
    ``void.ttl`` into *out*, and (with *networks*) the network files and pictures into
    ``OUT/network/`` and ``OUT/pictures/``.

    Both files are written atomically and only after validation passed: a failed build leaves the
    previous files untouched.

    Examples
    --------
    ::

        result = build("data/sources", "/tmp/vg")
        result.counts["adoption teams"]      # 13 for the seed sources
    """
    from .serialize import atomic_write_many, trig_bytes, turtle_bytes

    result = build_dataset(sources, statements, reference, ontology, shapes)
    t = time.perf_counter()
    out = Path(out)
    from .describe import description_bytes

    files = {out / DATASET_TTL: turtle_bytes(result.quads), out / DATASET_TRIG: trig_bytes(result.quads)}
    # the VoID/DCAT description, with the checksums of the files beside it, in the same atomic batch
    files[out / "void.ttl"] = description_bytes(result.quads, dict(files))
    atomic_write_many(files)
    result.timings["serialisation"] = time.perf_counter() - t
    result.files = list(files)
    if networks and result.counts["memberships"] <= NETWORK_FILES_LIMIT:
        t = time.perf_counter()
        result.derived = write_derived(result.quads, out)
        result.timings["networks"] = time.perf_counter() - t
    return result


#: above this many memberships the build writes no network files or pictures (the district network of
#: a large corpus has hundreds of thousands of edges; `vitalegraph network export` and
#: `vitalegraph picture` still write them)
NETWORK_FILES_LIMIT = 5000


def write_derived(quads, out: str | Path) -> list[Path]:
    """Write what is derived from the graph: the network files in ``OUT/network/`` and the
    pictures in ``OUT/pictures/``.

    The networks are computed through SPARQL on an Oxigraph store holding *quads*, exactly as
    ``vitalegraph network export`` computes them from the written dataset.
    """
    import pyoxigraph as ox

    from .network import membership_rows, networks as all_networks
    from .network_files import write_networks
    from .query import Dataset

    from .picture import write_pictures

    store = ox.Store()
    store.extend(quads)
    dataset = Dataset(Path(out) / DATASET_TTL, "oxigraph", store, union=True)
    rows = membership_rows(dataset)
    return (write_networks(all_networks(rows), Path(out) / "network")
            + write_pictures(dataset, Path(out) / "pictures", rows=rows))
