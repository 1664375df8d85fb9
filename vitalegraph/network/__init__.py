"""Networks of the built dataset (NetworkX graphs from SPARQL rows), their analyses and files.

Examples
--------
::

    from vitalegraph import network as vn
    rows = vn.membership_rows(dataset)
    vn.centrality(vn.district_network(rows))
"""

from .files import FILE_KINDS, network_bytes, write_networks
from .networks import (PERIODS, actor_groups, actor_network, actor_team_network, brokerage, centrality,
                       communities, district_network, linkers, membership_rows, ministry_district_network,
                       networks, select_period, summary)

__all__ = ["PERIODS", "membership_rows", "select_period", "actor_team_network", "actor_network",
           "district_network", "ministry_district_network", "networks", "linkers", "centrality", "brokerage",
           "communities", "summary", "actor_groups", "FILE_KINDS", "network_bytes", "write_networks"]
