"""The pictures of the dataset: one view of it rendered (:func:`render_view`), or all written as files.

A view is found by its name in :mod:`vitalegraph.picture.views`; :func:`write_pictures` is what
``vitalegraph build`` calls to write ``data/pictures/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import QueryError
from .data import evidence_by_person, short_names
from .render import picture_html
from .views import DEFAULT_VIEW, VIEWS, find_view

__all__ = ["render_view", "write_pictures"]

_PERIODS = {"all": "all memberships", "start": "the start of the pilot (team listing)",
            "latest": "the latest teams (later changes applied)"}


def render_view(dataset, view: str = DEFAULT_VIEW, period: str = "all", rows: list[dict] | None = None,
                seed: int = 0):
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

    Returns
    -------
    tuple
        The HTML page (str) and the graph it draws (networkx.Graph).

    Raises
    ------
    QueryError
        For an unknown view or period.

    Examples
    --------
    ::

        page, G = render_view(load_dataset("data/vitalegraph.ttl"), "districts")
        Path("districts.html").write_text(page, encoding="utf-8")
    """
    from .. import network as vn

    spec = find_view(view)
    try:
        selected = vn.select_period(vn.membership_rows(dataset) if rows is None else rows, period)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    G = spec.graph(selected, short_names(dataset))
    evidence = evidence_by_person(dataset, selected) if spec.evidence else {}
    page = picture_html(G, title=f"VitaleGraph — {spec.title}", evidence=evidence, seed=seed,
                        subtitle=f"{spec.description}; period: {_PERIODS.get(period, period)}")
    return page, G


def write_pictures(dataset, out: str | Path, period: str = "all", rows: list[dict] | None = None,
                   views: Iterable[str] | None = None) -> list[Path]:
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
    files = {out / f"{view}.html": render_view(dataset, view, period, rows)[0].encode("utf-8")
             for view in (VIEWS if views is None else views)}
    atomic_write_many(files)
    return sorted(files)
