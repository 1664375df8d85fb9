"""``vitalegraph network``: the network analyses and their files, over :mod:`vitalegraph.network`."""

from __future__ import annotations

import sys
from pathlib import Path

from . import paths
from .errors import QueryError

__all__ = ["register", "ANALYSES", "analysis_table"]

ANALYSES = {
    "linkers": "persons and ministries that connect more than one district, ranked",
    "district-links": "one row per linked pair of districts: the persons and ministries that link them, the weight",
    "centrality": "degree, betweenness (stronger tie = shorter distance) and PageRank on the actor and district networks",
    "brokerage": "Gould-Fernandez brokerage roles on the actor network, grouped by department or municipality",
    "communities": "Louvain communities (seed 0) of the actor and district networks",
    "summary": "nodes, edges, density and components of each network",
    "export": "write every network as GraphML, GEXF, node/edge CSV and node-link JSON (--out DIR)",
}


def analysis_table(name: str, rows: list[dict]):
    """The rows of analysis *name* as a :class:`vitalegraph.output.Table`."""
    import networkx as nx

    from . import network as vn
    from .query.output import Cell, Table

    def table(records: list[dict], columns: list[str]) -> Table:
        def cell(v):
            if v is None or v == "":
                return None
            if isinstance(v, bool):
                return Cell("literal", "true" if v else "false", "http://www.w3.org/2001/XMLSchema#boolean")
            if isinstance(v, int):
                return Cell("literal", str(v), "http://www.w3.org/2001/XMLSchema#integer")
            if isinstance(v, float):
                return Cell("literal", repr(v), "http://www.w3.org/2001/XMLSchema#double")
            if isinstance(v, str) and v.startswith("https://"):
                return Cell("uri", v)
            return Cell("literal", str(v))
        return Table(columns, [[cell(r.get(c)) for c in columns] for r in records])

    if name == "linkers":
        return table(vn.linkers(rows), ["kind", "name", "districts", "district_names", "via", "iri"])
    if name == "district-links":
        D = vn.district_network(rows)
        recs = [{"district1": D.nodes[a]["label"], "district2": D.nodes[b]["label"], "persons": d["persons"],
                 "ministries": d["ministries"], "weight": d["weight"]} for a, b, d in D.edges(data=True)]
        recs.sort(key=lambda r: (-r["weight"], r["district1"], r["district2"]))
        return table(recs, ["district1", "district2", "persons", "ministries", "weight"])
    if name == "centrality":
        recs = [{"network": net, **r} for net, G in (("actor", vn.actor_network(rows)), ("district", vn.district_network(rows)))
                for r in vn.centrality(G)]
        return table(recs, ["network", "label", "kind", "degree", "weighted_degree", "betweenness", "pagerank",
                            "betweenness_method", "iri"])
    if name == "brokerage":
        A = vn.actor_network(rows)
        nx.set_node_attributes(A, vn.actor_groups(A), "group")
        counts = vn.brokerage(A, "group")
        recs = [{"label": A.nodes[n]["label"], "group": A.nodes[n]["group"], **c, "iri": n} for n, c in counts.items()]
        recs.sort(key=lambda r: (-r["total"], r["label"]))
        return table(recs, ["label", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                            "total", "iri"])
    if name == "communities":
        recs = [{"network": net, **r} for net, G in (("actor", vn.actor_network(rows)), ("district", vn.district_network(rows)))
                for r in vn.communities(G)]
        return table(recs, ["network", "community", "label", "kind", "iri"])
    if name == "summary":
        return table([vn.summary(G) for G in vn.networks(rows).values()],
                     ["network", "nodes", "edges", "density", "components", "largest_component"])
    raise QueryError(f"unknown network analysis '{name}'; choose one of {', '.join(ANALYSES)}")


def cmd_network(args) -> int:
    from . import network as vn
    from .query.output import render
    from .query.engine import load_dataset

    if args.analysis not in ANALYSES:
        raise QueryError(f"unknown network analysis '{args.analysis}'; choose one of {', '.join(ANALYSES)}")
    rows = vn.select_period(vn.membership_rows(load_dataset(args.data)), args.period)
    if args.analysis == "export":
        from .network.files import write_networks

        written = write_networks(vn.networks(rows), args.out)
        sys.stdout.write(f"wrote {len(written)} files to {args.out}/ "
                         f"({', '.join(sorted({p.name.split('.', 1)[0] for p in written}))})\n")
        return 0
    sys.stdout.write(render(analysis_table(args.analysis, rows), args.format))
    return 0


def register(sub, formatter_class) -> None:
    from .query.output import FORMATS
    from .network.networks import PERIODS

    p = sub.add_parser(
        "network", formatter_class=formatter_class,
        help="network analyses: who links which districts across departments",
        description="Build the networks from the graph (through SPARQL) and print an analysis, or write "
                    "the networks as files for Gephi, R and spreadsheets.\n\nAnalyses:\n"
                    + "".join(f"  {k:<15}{v}\n" for k, v in ANALYSES.items()),
        epilog="Example:\n  vitalegraph network linkers\n  vitalegraph network district-links --format csv\n"
               "  vitalegraph network brokerage --period start\n  vitalegraph network export --out data/network")
    p.add_argument("analysis", metavar="NAME", help="one of: " + ", ".join(ANALYSES))
    p.add_argument("--data", type=Path, default=paths.DEFAULT_DATA, help="dataset file; default: data/vitalegraph.ttl")
    p.add_argument("--period", choices=PERIODS, default="all",
                   help="all memberships (default); start: the team listing only; latest: later changes applied")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="table, csv or json; default: table")
    p.add_argument("--out", type=Path, default=Path("data") / "network", help="with export: the folder; default: data/network")
    p.set_defaults(func=cmd_network)
