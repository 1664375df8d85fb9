"""Networks of the built dataset: NetworkX graphs from SPARQL rows, their measures, analyses and files.

* :mod:`.networks` — the membership rows and the four networks built from them;
* :mod:`.measures` — centrality, brokerage, communities and summary of a graph;
* :mod:`.analyses` — what ``vitalegraph network NAME`` prints, one module an analysis;
* :mod:`.files` — the networks as GraphML, GEXF, CSV and JSON files.

Examples
--------
::

    from vitalegraph import network as vn
    rows = vn.membership_rows(dataset)
    vn.centrality(vn.district_network(rows))
"""

from .analyses import ANALYSES, analysis, analysis_table
from .files import FILE_KINDS, network_bytes, write_networks
from .measures import (GROUPINGS, LEVELS, actor_groups, brokerage, centrality, communities, group_persons, level_groups,
                       summary)
from .networks import (PERIODS, SEP, actor_network, actor_team_network, district_network, district_ties, linkers,
                       membership_rows, ministry_district_network, networks, select_period)

__all__ = ["PERIODS", "SEP", "membership_rows", "select_period", "actor_team_network", "actor_network",
           "district_ties", "district_network", "ministry_district_network", "networks", "linkers", "centrality", "brokerage",
           "communities", "summary", "actor_groups", "level_groups", "group_persons", "GROUPINGS", "LEVELS",
           "FILE_KINDS", "network_bytes", "write_networks", "ANALYSES", "analysis", "analysis_table"]
