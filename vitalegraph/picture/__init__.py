"""Interactive network pictures that work offline, one self-contained HTML file each.

Examples
--------
::

    from vitalegraph.picture import render_view
    page = render_view(dataset, "coalitions")
"""

from .render import (BETWEENNESS_LIMIT, DEFAULT_VIEW, FONT_SIZE, LEGEND, SPRING_LIMIT, THROUGH, VIEWS,
                     VIS_NETWORK_VERSION, evidence_by_person, layout, node_sizes, picture_data, picture_html,
                     picture_iframe, render_view, short_names, synthetic_graph, view_graph, write_pictures)

__all__ = ["VIEWS", "DEFAULT_VIEW", "LEGEND", "FONT_SIZE", "THROUGH", "SPRING_LIMIT", "BETWEENNESS_LIMIT",
           "VIS_NETWORK_VERSION", "view_graph", "short_names", "evidence_by_person", "layout", "node_sizes",
           "picture_data", "picture_html", "picture_iframe", "render_view", "write_pictures", "synthetic_graph"]
