"""networkx's figures for a graph, the independent reader the analytics tests compare with.

Reads JSON on stdin: {"nodes": [id], "links": [{"source", "target", "weight"}],
"partition": {id: community} (ours, optional), "sources": [id] (a betweenness sample, optional)}
and prints JSON: degree, weightedDegree, pagerank, betweenness (exact, normalized), and when asked
betweennessOfSources (the same sum over the given sources only, unnormalized), the modularity of our
partition, and networkx's own Louvain partition with its modularity.
"""
import json
import sys

import networkx as nx
from networkx.algorithms import community

data = json.load(sys.stdin)
graph = nx.Graph()
graph.add_nodes_from(data["nodes"])
for link in data["links"]:
    u, v, w = link["source"], link["target"], link["weight"]
    if u == v:
        continue  # as in connection-graph.ts: a loop (a place "in" itself) links nobody
    # The same fold as shared/src/analytics/connection-graph.ts: parallel relations, the heaviest.
    if graph.has_edge(u, v):
        w = max(w, graph[u][v]["weight"])
    graph.add_edge(u, v, weight=w)

out = {
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "degree": dict(graph.degree()),
    "weightedDegree": dict(graph.degree(weight="weight")),
    "pagerank": nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
    "betweenness": nx.betweenness_centrality(graph, normalized=True, weight=None),
}
if data.get("sources"):
    out["betweennessOfSources"] = nx.betweenness_centrality_subset(
        graph, sources=data["sources"], targets=list(graph.nodes()), normalized=False, weight=None
    )
if data.get("partition"):
    groups = {}
    for node, label in data["partition"].items():
        groups.setdefault(label, set()).add(node)
    out["modularity"] = community.modularity(graph, groups.values(), weight="weight")
theirs = community.louvain_communities(graph, weight="weight", resolution=1, seed=20)
out["networkxCommunities"] = len(theirs)
out["networkxModularity"] = community.modularity(graph, theirs, weight="weight")
json.dump(out, sys.stdout)
