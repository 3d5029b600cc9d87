"""Reads an export with networkx, the way an analyst would, and prints what it found as JSON.

usage: networkx_read.py graphml|gexf|nodelink FILE [NODE_ID ...]
Prints node and edge counts, counts per node and edge type, the sum of edge weights, the graph
class networkx chose, every node's label, and the attributes (with Python type names) of the
nodes asked for — the test compares them with Neo4j.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import json_graph


def read(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "nodelink":
        with open(path, encoding="utf-8") as f:
            return json_graph.node_link_graph(json.load(f), edges="edges")
    raise SystemExit(f"unknown format {fmt}")


def typed(attrs):
    return {k: {"value": v, "type": type(v).__name__} for k, v in attrs.items() if not isinstance(v, (list, tuple, dict))} | {
        k: {"value": v, "type": type(v).__name__} for k, v in attrs.items() if isinstance(v, list) and k == "spells"
    }


def main():
    fmt, path, *ids = sys.argv[1:]
    g = read(fmt, path)
    node_types, edge_types = {}, {}
    for _, data in g.nodes(data=True):
        node_types[data.get("type")] = node_types.get(data.get("type"), 0) + 1
    weight = 0
    for _, _, data in g.edges(data=True):
        edge_types[data.get("type")] = edge_types.get(data.get("type"), 0) + 1
        weight += data.get("weight", 0) or 0
    print(json.dumps({
        "class": type(g).__name__,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodeTypes": node_types,
        "edgeTypes": edge_types,
        "weight": weight,
        "labels": [data.get("label") for _, data in g.nodes(data=True)],
        "asked": {i: typed(g.nodes[i]) for i in ids if i in g},
    }, ensure_ascii=False, default=str))


main()
