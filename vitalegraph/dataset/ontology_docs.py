"""Human-readable documentation of the ontology: :func:`write_ontology_docs` writes ``ontology/docs/index.html``.

Classes, properties and concept schemes of ``ontology/vitalegraph.ttl`` with their Dutch and English
labels and comments, in one self-contained page (inline CSS, no scripts, no fonts or styles from
elsewhere).

Examples
--------
::

    from vitalegraph.dataset import write_ontology_docs
    write_ontology_docs()
    # -> PosixPath('.../ontology/docs/index.html')
"""

from __future__ import annotations

import html
from pathlib import Path

from .. import paths

_esc = html.escape

__all__ = ["write_ontology_docs", "ontology_html", "DOCS_DIR"]

DOCS_DIR = paths.HOME / "ontology" / "docs"

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
    import rdflib

    from ..errors import DataFileError

    g = rdflib.Graph()
    try:
        g.parse(str(ontology), format="turtle")
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of parse errors
        raise DataFileError(f"{ontology}: not a readable ontology ({' '.join(str(exc).split())[:200]})") from None
    return _Page(g).html(Path(ontology).name)


class _Page:
    """The documentation page of ontology graph *g*: its terms as CURIEs, links and tables."""

    def __init__(self, g):
        import rdflib

        from ..namespaces import PREFIXES

        self.g = g
        self.local = {str(iri) for iri in g.subjects() if isinstance(iri, rdflib.URIRef)}
        self.prefixes = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))

    def curie(self, iri) -> str:
        iri = str(iri)
        for ns, p in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def anchor(self, iri) -> str:
        return self.curie(iri).replace(":", "-")

    def link(self, iri) -> str:
        import rdflib

        if isinstance(iri, rdflib.BNode):
            return "<em>(anonymous)</em>"
        if str(iri) in self.local:
            return f'<a href="#{_esc(self.anchor(iri))}"><code>{_esc(self.curie(iri))}</code></a>'
        return f'<a href="{_esc(str(iri))}"><code>{_esc(self.curie(iri))}</code></a>'

    def texts(self, s, p) -> str:
        """The literals of *s* for *p*, Dutch first, each with its language."""
        values = sorted(self.g.objects(s, p),
                        key=lambda o: ({"nl": 0, "en": 1}.get(getattr(o, "language", None) or "", 2), str(o)))
        return "<br>".join(f"{_esc(str(o))}" + (f'<span class="lang">{_esc(o.language)}</span>'
                                                 if getattr(o, "language", None) else "")
                           for o in values)

    def label(self, s, lang="en") -> str:
        from rdflib.namespace import RDFS, SKOS

        for p in (RDFS.label, SKOS.prefLabel):
            for o in self.g.objects(s, p):
                if getattr(o, "language", None) == lang:
                    return str(o)
        return self.curie(s)

    def rows(self, s, fields) -> str:
        """Table rows of *s*: one per (name, predicate, "text" or "iri") that has a value."""
        out = []
        for name, p, kind in fields:
            if kind == "text":
                cell = self.texts(s, p)
            else:
                cell = ", ".join(self.link(o) for o in sorted(self.g.objects(s, p), key=str))
            if cell:
                out.append(f"<tr><th>{_esc(name)}</th><td>{cell}</td></tr>")
        return "".join(out)

    def entity(self, s, fields) -> str:
        return (f'<div class="entity" id="{_esc(self.anchor(s))}"><h3><code>{_esc(self.curie(s))}</code> &middot; '
                f'{_esc(self.label(s))}</h3><p class="iri">{_esc(str(s))}</p><table>{self.rows(s, fields)}</table></div>')

    def of_type(self, *types) -> list:
        import rdflib
        from rdflib.namespace import RDF

        return sorted({s for t in types for s in self.g.subjects(RDF.type, t) if isinstance(s, rdflib.URIRef)}, key=str)

    def _header(self, onto) -> str:
        import rdflib
        from rdflib.namespace import OWL, RDFS

        if onto is None:
            return "<header>\n</header>\n"
        return ("<header>\n" + f"<h1>{_esc(self.label(onto))}</h1>\n<p class=\"iri\">{_esc(str(onto))}</p>\n<table>"
                + self.rows(onto, [("title", rdflib.URIRef("http://purl.org/dc/terms/title"), "text"),
                                   ("description", RDFS.comment, "text"), ("version", OWL.versionInfo, "text")])
                + "</table>\n</header>\n")

    def _contents(self, sections) -> str:
        parts = ["<nav><h2>Contents</h2>\n"]
        for sid, title, items in sections:
            parts.append(f'<h3><a href="#{sid}">{title}</a> ({len(items)})</h3><ul>'
                         + "".join(f'<li><a href="#{_esc(self.anchor(s))}">{_esc(self.curie(s))}</a></li>'
                                   for s in items) + "</ul>\n")
        parts.append('<h3><a href="#namespaces">Namespaces</a></h3></nav>\n<main>\n')
        return "".join(parts)

    def _terms(self, sections) -> str:
        """The classes, then the object and datatype properties."""
        from rdflib.namespace import OWL, RDFS

        label_fields = [("label", RDFS.label, "text"), ("comment", RDFS.comment, "text")]
        parts = ['<h2 id="classes">Classes</h2>\n']
        for s in sections[0][2]:
            parts.append(self.entity(s, label_fields + [("subclass of", RDFS.subClassOf, "iri"),
                                                        ("equivalent to", OWL.equivalentClass, "iri")]) + "\n")
        for sid, title, items in sections[1:3]:
            parts.append(f'<h2 id="{sid}">{title}</h2>\n')
            for s in items:
                parts.append(self.entity(s, label_fields + [("domain", RDFS.domain, "iri"), ("range", RDFS.range, "iri"),
                                                            ("subproperty of", RDFS.subPropertyOf, "iri")]) + "\n")
        return "".join(parts)

    def _schemes(self, schemes) -> str:
        """Each concept scheme with a table of its concepts."""
        from rdflib.namespace import RDF, RDFS, SKOS

        parts = ['<h2 id="concept-schemes">Concept schemes</h2>\n']
        concept_fields = [("label", SKOS.prefLabel, "text"), ("also called", SKOS.altLabel, "text"),
                          ("definition", SKOS.definition, "text"), ("type", RDF.type, "iri"),
                          ("broader", SKOS.broader, "iri")]
        for scheme in schemes:
            parts.append(self.entity(scheme, [("label", SKOS.prefLabel, "text"), ("comment", RDFS.comment, "text")]))
            concepts = sorted(self.g.subjects(SKOS.inScheme, scheme), key=str)
            parts.append("<table><tr><th>concept</th><th>labels, definition</th></tr>"
                         + "".join(f'<tr id="{_esc(self.anchor(c))}"><td><code>{_esc(self.curie(c))}</code></td><td>'
                                   f'<table>{self.rows(c, concept_fields)}</table></td></tr>' for c in concepts)
                         + "</table>\n")
        return "".join(parts)

    def html(self, source_name: str) -> str:
        """The whole page: header (the ontology), contents, the terms section by section, namespaces."""
        from rdflib.namespace import OWL, RDFS, SKOS

        from ..namespaces import PREFIXES

        onto = next(iter(self.of_type(OWL.Ontology)), None)
        sections = [("classes", "Classes", self.of_type(OWL.Class, RDFS.Class)),
                    ("object-properties", "Object properties", self.of_type(OWL.ObjectProperty)),
                    ("datatype-properties", "Datatype properties",
                     self.of_type(OWL.DatatypeProperty, OWL.AnnotationProperty)),
                    ("concept-schemes", "Concept schemes", self.of_type(SKOS.ConceptScheme))]
        parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                 f"<title>{_esc(self.label(onto) if onto is not None else 'VitaleGraph ontology')}</title>\n"
                 f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n"]
        # landmarks (axe-core: every element in one): header, nav, main with the terms, footer
        parts.append(self._header(onto))
        parts.append(self._contents(sections))
        parts.append(self._terms(sections))
        parts.append(self._schemes(sections[3][2]))
        parts.append('<h2 id="namespaces">Namespaces</h2>\n<table>'
                     + "".join(f"<tr><th><code>{_esc(p)}:</code></th><td><code>{_esc(ns)}</code></td></tr>"
                               for p, ns in PREFIXES.items())
                     + "</table>\n</main>\n")
        parts.append(f"<footer>Generated from <code>{_esc(source_name)}</code> by "
                     "<code>vitalegraph.dataset.ontology_docs.write_ontology_docs</code>.</footer>\n</body>\n</html>\n")
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
