"""The views a picture can show, each one module here that declares its name.

A view module registers one function with :func:`view`: from the membership rows (and the short
names of the departments) it builds the graph that the picture draws. Every module in this folder is
imported when the package is, so a new view is one new file here; ``vitalegraph picture NAME`` and
:func:`vitalegraph.picture.render_view` find it by its name.

Examples
--------
>>> list(VIEWS)
['coalitions', 'districts', 'departments']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from ...errors import QueryError
from ...registry import Registry, descriptions, import_modules

__all__ = ["View", "view", "find_view", "view_graph", "REGISTRY", "VIEWS", "DEFAULT_VIEW"]

DEFAULT_VIEW = "coalitions"


@dataclass(frozen=True)
class View:
    """One view: its *name*, the page's *title*, what it shows, and the function that builds its graph."""

    name: str
    title: str
    description: str
    graph: Callable[[list[dict], Mapping[str, str]], object]
    rank: int
    evidence: bool = False
    help: str = ""
    encodings: tuple[str, ...] = ("colour", "size", "faded")


#: the views by name, in their rank
REGISTRY = Registry("view")

#: the views and what each shows, in their order
VIEWS: Mapping[str, str] = descriptions(REGISTRY)


def view(name: str, *, title: str, description: str, rank: int, evidence: bool = False, help: str | None = None,
         encodings: tuple[str, ...] = ("colour", "size", "faded")):
    """Register the decorated function as the graph of view *name*.

    Parameters
    ----------
    name : str
        What ``vitalegraph picture NAME`` calls it (and the file ``data/pictures/NAME.html``).
    title : str
        The page title: ``VitaleGraph — <title>``.
    description : str
        What it shows, one line (the page's subtitle).
    rank : int
        Its place among the views (the order ``build`` writes them and errors list them).
    evidence : bool
        Whether the page shows the source quote behind each membership of a person.
    help : str, optional
        Its line in ``vitalegraph picture --help``; default: *description*.
    encodings : tuple of str
        What the legend explains, in its order: ``colour``, ``size``, ``linker``, ``solid``,
        ``dashed``, ``dotted``, ``width``, ``faded``. A line style's words are the text
        ``<style>_<name>`` of :mod:`vitalegraph.picture.text`; the view's help is ``help_<name>``.

    Returns
    -------
    callable
        The decorator; it returns the function unchanged. The function takes the membership rows
        and a mapping department IRI -> short name, and returns a ``networkx.Graph``.

    Raises
    ------
    ValueError
        If a view of that name is registered already.
    """
    def register(graph):
        REGISTRY.add(name, View(name, title, description, graph, rank, evidence, help or description,
                                tuple(encodings)))
        return graph
    return register


def find_view(name: str) -> View:
    """The view called *name*.

    Raises
    ------
    QueryError
        For an unknown view, listing the known ones.
    """
    if name not in REGISTRY:
        raise QueryError(f"unknown view '{name}'; choose one of {', '.join(VIEWS)}")
    return REGISTRY[name]


def view_graph(view: str, rows, short: Mapping[str, str] | None = None):
    """The NetworkX graph that view *view* draws, built from membership rows.

    Parameters
    ----------
    view : str
        One of :data:`VIEWS`.
    rows : iterable of dict
        From :func:`vitalegraph.network.membership_rows` (optionally through ``select_period``).
    short : mapping, optional
        Department IRI -> short name (:func:`short_names`), used as the canvas label.

    Returns
    -------
    networkx.Graph
        Node ids are IRIs; nodes have ``label``, ``kind`` and plain-string facts.

    Raises
    ------
    QueryError
        For an unknown view.

    Examples
    --------
    >>> rows = [{"membership": "m", "person": "p", "personLabel": "Annet Bertram", "team": "t",
    ...          "teamLabel": "Overvecht (Utrecht): Impuls", "district": "d", "districtLabel": "Overvecht",
    ...          "municipality": "g", "municipalityLabel": "Utrecht", "roleLabel": "director-general",
    ...          "functionText": "directeur-generaal", "affiliations": [("v", "VROM", "ministry")]}]
    >>> G = view_graph("coalitions", rows)
    >>> sorted(G.nodes[n]["kind"] for n in G)
    ['district', 'ministry', 'municipality', 'person', 'team']
    >>> sorted(tuple(sorted(e)) for e in G.edges())
    [('d', 'g'), ('d', 't'), ('p', 't'), ('p', 'v')]
    """

    return find_view(view).graph(list(rows), dict(short or {}))


import_modules(__name__, __path__)
