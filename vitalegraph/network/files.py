"""Network files for Gephi, R and spreadsheets: GraphML, GEXF, node and edge CSV, node-link JSON.

The same graph always gives the same bytes: nodes and edges are written in sorted order, and the
GEXF ``lastmodifieddate`` that NetworkX stamps with today's date is left out.

Both XML files validate against their schemas (tests/network/schemas, tests/network/test_network_files_schema.py):
GraphML node ids are ``xs:NMTOKEN``, which an IRI is not, so GraphML numbers the nodes ``n0``,
``n1``, ... and keeps each IRI as the node's ``iri`` data; GEXF 1.2draft has no ``name`` attribute on
``<graph>``, so the network's name goes to ``<meta><description>``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx

from ..pipeline.serialize import atomic_write_many

__all__ = ["network_bytes", "write_networks", "FILE_KINDS"]

FILE_KINDS = ("graphml", "gexf", "nodes.csv", "edges.csv", "json")


def _sorted_copy(G: nx.Graph) -> nx.Graph:
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda x: x[0]))
    H.add_edges_from(sorted(G.edges(data=True), key=lambda x: (x[0], x[1])))
    return H


def _graphml_copy(H: nx.Graph) -> nx.Graph:
    """*H* with nodes ``n0``, ``n1``, ... in *H*'s order, each keeping its old id as ``iri``.

    GraphML's schema types node ids and edge ends as ``xs:NMTOKEN``: no ``/``, so no IRIs.
    """
    ids = {n: f"n{i}" for i, n in enumerate(H)}
    G = nx.relabel_nodes(H, ids, copy=True)
    for n, i in ids.items():
        G.nodes[i]["iri"] = str(n)
    return G


def _gexf_valid(gexf: str) -> str:
    """NetworkX's GEXF with the two things the GEXF 1.2draft schema refuses or we don't want taken out.

    ``<meta lastmodifieddate>`` is today's date (not the same bytes each build); ``<graph name>``
    is not in the schema ("The attribute 'name' is not allowed"), which NetworkX's writer has written
    since it copied the graph's attributes onto ``<graph>``: upstream networkx/networkx#3573 ("GEXF
    output does not conform to GEXF and XML Schema standards", its output shows ``name=""``), one of
    the GEXF defects gathered in networkx/networkx#4023. The name moves to ``<meta><description>``.
    """
    gexf = re.sub(r'<meta lastmodifieddate="[^"]*">', "<meta>", gexf)
    m = re.search(r'(<graph [^>]*?) name="([^"]*)"', gexf)
    if m:
        gexf = gexf[:m.start()] + m.group(1) + gexf[m.end():]
        if m.group(2):
            gexf = re.sub(r"(\n *)</meta>", lambda k: f"{k.group(1)}  <description>{m.group(2)}</description>"
                          f"{k.group(1)}</meta>", gexf, count=1)
    return gexf


def _csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow([("'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v) for v in row])
    return buf.getvalue().encode("utf-8")


def network_bytes(G: nx.Graph) -> dict[str, bytes]:
    """The file contents of *G* in each of :data:`FILE_KINDS`.

    >>> G = nx.Graph(name="x"); G.add_node("a", label="Nicolaï", kind="person"); G.add_edge("a", "b", weight=2)
    >>> out = network_bytes(G)
    >>> out["edges.csv"].decode().splitlines()
    ['source,target,weight', 'a,b,2']
    >>> b"lastmodifieddate" in out["gexf"], b' name="x"' in out["gexf"], b"<description>x</description>" in out["gexf"]
    (False, False, True)
    >>> b'<node id="n0">' in out["graphml"]
    True
    """
    H = _sorted_copy(G)
    graphml = "\n".join(nx.generate_graphml(_graphml_copy(H), prettyprint=True)) + "\n"
    gexf = _gexf_valid("\n".join(nx.generate_gexf(H, prettyprint=True)) + "\n")
    node_keys = sorted({k for _n, d in H.nodes(data=True) for k in d})
    edge_keys = sorted({k for _a, _b, d in H.edges(data=True) for k in d})
    nodes = [["id", *node_keys]] + [[n, *[d.get(k, "") for k in node_keys]] for n, d in H.nodes(data=True)]
    edges = [["source", "target", *edge_keys]] + [[a, b, *[d.get(k, "") for k in edge_keys]]
                                                  for a, b, d in H.edges(data=True)]
    data = nx.node_link_data(H, edges="links")
    return {"graphml": graphml.encode("utf-8"), "gexf": gexf.encode("utf-8"), "nodes.csv": _csv(nodes),
            "edges.csv": _csv(edges),
            "json": (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")}


def write_networks(graphs: dict[str, nx.Graph], out: str | Path) -> list[Path]:
    """Write every network of *graphs* as ``OUT/<name>.<kind>`` for each kind, atomically.

    Returns the paths written.
    """
    out = Path(out)
    files = {out / f"{name}.{kind}": data for name, G in sorted(graphs.items())
             for kind, data in network_bytes(G).items()}
    atomic_write_many(files)
    return sorted(files)
