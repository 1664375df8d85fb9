"""Interactive network pictures that work offline, one self-contained HTML file each.

* :mod:`.data` — what the pictures draw from the dataset (short names, quotes), synthetic graphs;
* :mod:`.views` — the views, one module each, found by the name it declares;
* :mod:`.labels` — a label's font size, width and lines;
* :mod:`.layout` — positions and node sizes;
* :mod:`.payload` — the data a page draws: nodes, edges, legend, tags, tour, as JSON-ready records;
* :mod:`.render` — the HTML page (``templates/picture.html``, ``static/picture.js``, ``static/picture.css``);
* :mod:`.pictures` — a view of the dataset rendered, or all of them written.

Examples
--------
::

    from vitalegraph.picture import render_view
    page, G = render_view(dataset, "coalitions")
"""

from .data import district_reach, district_ties, evidence_by_person, ontology_labels, short_names, source_names, synthetic_graph
from .labels import FONT_SIZE
from .layout import BETWEENNESS_LIMIT, SPRING_LIMIT, layout, node_sizes
from .payload import LEGEND, THROUGH, picture_data
from .pictures import render_view, write_pictures
from .render import VIS_NETWORK_VERSION, picture_html, picture_iframe
from .views import DEFAULT_VIEW, VIEWS, find_view, view, view_graph

__all__ = ["VIEWS", "DEFAULT_VIEW", "LEGEND", "FONT_SIZE", "THROUGH", "SPRING_LIMIT", "BETWEENNESS_LIMIT",
           "VIS_NETWORK_VERSION", "view_graph", "view", "find_view", "short_names", "evidence_by_person", "layout",
           "district_reach", "district_ties", "ontology_labels", "source_names",
           "node_sizes", "picture_data", "picture_html", "picture_iframe", "render_view", "write_pictures",
           "synthetic_graph"]
