"""The actor network per period: who deals with whom, how much, and in which direction."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from tripolar.analytics.series import EventSource, relations

EDGE_COLUMNS = [
    "period",
    "period_label",
    "actor_a",
    "actor_b",
    "n_events",
    "goldstein_sum",
    "net_coop",
    "coop_balance",
    "sign",
]
NODE_COLUMNS = [
    "period",
    "period_label",
    "actor",
    "partners",
    "positive_partners",
    "negative_partners",
    "n_events",
    "net_coop",
    "degree_centrality",
    "betweenness",
    "eigenvector",
]


@dataclass(frozen=True)
class ActorNetwork:
    """Edges and node centralities per period; ``graph(period)`` gives the networkx Graph."""

    edges: pd.DataFrame
    nodes: pd.DataFrame
    graphs: dict[pd.Timestamp, nx.Graph] = field(repr=False)

    def graph(self, period: str | dt.date | pd.Timestamp) -> nx.Graph:
        """The Graph of a period, by its start date or its label ("2024Q1")."""
        if isinstance(period, str):
            match = self.edges.loc[self.edges["period_label"] == period, "period"]
            if not match.empty:
                return self.graphs[match.iloc[0]]
        return self.graphs[pd.Timestamp(period)]


def network(
    events: EventSource,
    *,
    freq: str = "year",
    actors: Sequence[str] | None = None,
    min_events: int = 1,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> ActorNetwork:
    """Undirected actor (country) graph per period.

    An edge joins two countries with at least ``min_events`` events between them in the
    period; its weight is the event count and its sign that of net cooperation.

    edges columns: period, period_label, actor_a, actor_b, n_events, goldstein_sum,
    net_coop, coop_balance, sign (1, 0, -1).
    nodes columns: period, period_label, actor, partners (degree), positive_partners,
    negative_partners, n_events (weighted degree), net_coop (sum over its edges),
    degree_centrality, betweenness (shortest paths with distance 1 / n_events),
    eigenvector (weighted by n_events, computed on the largest connected part - it is
    ambiguous on a disconnected graph - and 0 outside it; NaN when it fails).
    """
    series = relations(
        events, actors=actors, freq=freq, directed=False, since=since, until=until, n_boot=0
    )
    edges = series[series["n_events"] >= max(min_events, 1)].copy()
    edges["sign"] = np.sign(edges["net_coop"]).astype("int64")
    edges = edges[EDGE_COLUMNS].reset_index(drop=True)
    graphs: dict[pd.Timestamp, nx.Graph] = {}
    node_rows = []
    for (period, label), part in edges.groupby(["period", "period_label"], sort=True):
        graph = nx.Graph()
        for row in part.itertuples(index=False):
            graph.add_edge(
                row.actor_a,
                row.actor_b,
                weight=int(row.n_events),
                distance=1.0 / row.n_events,
                net_coop=float(row.net_coop),
                sign=int(row.sign),
            )
        graphs[pd.Timestamp(period)] = graph
        node_rows += _node_rows(graph, pd.Timestamp(period), str(label))
    nodes = pd.DataFrame(node_rows, columns=NODE_COLUMNS)
    return ActorNetwork(edges=edges, nodes=nodes, graphs=graphs)


def _node_rows(graph: nx.Graph, period: pd.Timestamp, label: str) -> list[dict[str, object]]:
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    between = nx.betweenness_centrality(graph, weight="distance")
    eigen = _eigenvector(graph)
    rows = []
    for actor in sorted(graph):
        incident = graph[actor]
        rows.append(
            {
                "period": period,
                "period_label": label,
                "actor": actor,
                "partners": len(incident),
                "positive_partners": sum(1 for d in incident.values() if d["sign"] > 0),
                "negative_partners": sum(1 for d in incident.values() if d["sign"] < 0),
                "n_events": sum(d["weight"] for d in incident.values()),
                "net_coop": sum(d["net_coop"] for d in incident.values()),
                "degree_centrality": degree[actor],
                "betweenness": between[actor],
                "eigenvector": float(eigen.get(actor, np.nan)),
            }
        )
    return rows


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality on the largest connected component; 0 for the other nodes."""
    if len(graph) == 0 or graph.number_of_edges() == 0:
        return {}
    core = graph.subgraph(max(nx.connected_components(graph), key=len))
    try:
        values = nx.eigenvector_centrality_numpy(core, weight="weight") if len(core) > 2 else {}
    except (nx.NetworkXException, ArithmeticError, ValueError):
        return {}
    if len(core) <= 2:
        values = dict.fromkeys(core, 1.0 / math.sqrt(len(core)))
    return {node: float(values.get(node, 0.0)) for node in graph}
