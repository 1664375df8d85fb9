"""The pictures of the dataset: one view of it rendered (:func:`render_view`), or all written as files.

A view is found by its name in :mod:`vitalegraph.picture.views`; :func:`write_pictures` is what
``vitalegraph build`` calls to write ``data/pictures/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import QueryError
from .data import evaluations, evidence_by_person, ontology_labels, short_names, source_names
from .render import picture_html
from .text import DEFAULT_LANG, words
from .tour import tour_steps
from .views import DEFAULT_VIEW, VIEWS, find_view

__all__ = ["render_view", "write_pictures"]

def render_view(dataset, view: str = DEFAULT_VIEW, period: str = "all", rows: list[dict] | None = None,
                seed: int = 0, lang: str = DEFAULT_LANG, tour: bool = False):
    """The picture of one view of *dataset*: ``(html, graph)``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    view : str
        One of :data:`VIEWS`.
    period : str
        One of :data:`vitalegraph.network.PERIODS`.
    rows : list of dict, optional
        Membership rows already read from *dataset* (all periods).
    seed : int
        Seed of the layout.
    lang : str
        The page's language, ``en`` or ``nl`` (:data:`vitalegraph.picture.text.LANGS`).
    tour : bool
        Whether the page holds the guided tour (:mod:`vitalegraph.picture.tour`).

    Returns
    -------
    tuple
        The HTML page (str) and the graph it draws (networkx.Graph).

    Raises
    ------
    QueryError
        For an unknown view, period or language.

    Examples
    --------
    ::

        page, G = render_view(load_dataset("data/vitalegraph.ttl"), "districts", lang="nl", tour=True)
        Path("districts.html").write_text(page, encoding="utf-8")
    """
    from .. import network as vn

    spec = find_view(view)
    text = words(lang)
    try:
        selected = vn.select_period(vn.membership_rows(dataset) if rows is None else rows, period)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    G = spec.graph(selected, short_names(dataset))
    evidence = evidence_by_person(dataset, selected) if spec.evidence else {}
    labels = ontology_labels(dataset)[lang]
    notes = []
    for enc in spec.encodings:
        if enc in ("solid", "dashed", "dotted"):
            notes.append([enc, text[f"enc_{enc}"].format(**{enc: text[f"{enc}_{view}"]})])
        else:
            notes.append([enc, text[f"enc_{enc}"]])
    steps = tour_steps(G, selected, text, lang, {"evaluations": evaluations(dataset)}) if tour else None
    title = text.get(f"title_{view}", spec.title)
    description = text.get(f"desc_{view}", spec.description)
    page = picture_html(G, title=f"VitaleGraph — {title}", evidence=evidence, seed=seed, lang=lang, labels=labels,
                        sources=source_names(dataset, lang) if evidence else None, notes=notes,
                        help=text[f"help_{view}"] if f"help_{view}" in text else "", tour=steps,
                        subtitle=f"{description}; {text['period']}: {text.get(f'period_{period}', period)}")
    return page, G


def write_pictures(dataset, out: str | Path, period: str = "all", rows: list[dict] | None = None,
                   views: Iterable[str] | None = None, lang: str = DEFAULT_LANG, tour: bool = True) -> list[Path]:
    """Write ``OUT/<view>.html`` for every view, atomically.

    This is what ``vitalegraph build`` calls (from :func:`vitalegraph.build.write_derived`) to
    write ``data/pictures/``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    out : str or Path
        The folder.
    period : str
        One of :data:`vitalegraph.network.PERIODS`.
    rows : list of dict, optional
        Membership rows already read from *dataset*.
    views : iterable of str
        Which views; default all of :data:`VIEWS`, in their order.
    lang : str
        The pages' language.
    tour : bool
        Whether each page holds the guided tour (it does by default).

    Returns
    -------
    list of Path
        The files written, sorted.

    Examples
    --------
    ::

        write_pictures(load_dataset("data/vitalegraph.ttl"), "data/pictures")
        # [PosixPath('data/pictures/coalitions.html'), ...departments, ...districts]
    """
    from .. import network as vn
    from ..pipeline.serialize import atomic_write_many

    rows = vn.membership_rows(dataset) if rows is None else rows
    out = Path(out)
    files = {out / f"{view}.html": render_view(dataset, view, period, rows, lang=lang, tour=tour)[0].encode("utf-8")
             for view in (VIEWS if views is None else views)}
    atomic_write_many(files)
    return sorted(files)
