"""The actor network: edges, signs and centrality."""

from __future__ import annotations

import pandas as pd

from tripolar.analytics import network


def test_network_edges_signs_and_centrality() -> None:
    rows = []
    pairs = (
        [("CHNGOV", "RUSGOV", 6.0, 2)] * 3
        + [("USAGOV", "RUSGOV", -8.0, 4)] * 2
        + [("USAGOV", "JPNGOV", 3.0, 1)]
        + [("CHNGOV", "CHNMIL", 5.0, 1)]
        + [("---REB", "RUSMIL", -10.0, 4)] * 4  # unknown country: in no dyad
    )
    for i, (source, target, goldstein, quad) in enumerate(pairs):
        rows.append(
            {
                "doc_id": f"d{i}",
                "sentence_index": 0,
                "sentence": "s",
                "start": 0,
                "end": 1,
                "event_date": pd.Timestamp("2024-05-01"),
                "date_basis": "text",
                "source": source,
                "target": target,
                "code": "x",
                "root": "x",
                "goldstein": goldstein,
                "quad_class": quad,
                "rule": "t",
                "source_text": "",
                "target_text": "",
                "trigger_start": 0,
                "trigger_end": 1,
                "event_id": f"e{i}",
                "title": "",
                "url": "",
                "published": pd.NaT,
            }
        )
    net = network(pd.DataFrame(rows), freq="year")
    edges = net.edges.set_index(["actor_a", "actor_b"])
    assert set(edges.index) == {("CHN", "RUS"), ("RUS", "USA"), ("JPN", "USA")}
    assert "---" not in set(net.nodes["actor"])
    assert edges.loc[("CHN", "RUS"), "n_events"] == 3 and edges.loc[("CHN", "RUS"), "sign"] == 1
    assert edges.loc[("RUS", "USA"), "sign"] == -1
    nodes = net.nodes.set_index("actor")
    assert nodes.loc["RUS", "partners"] == 2 and nodes.loc["RUS", "n_events"] == 5
    assert nodes.loc["RUS", "positive_partners"] == 1 and nodes.loc["RUS", "negative_partners"] == 1
    # RUS and USA sit on the only path from CHN to JPN
    assert nodes.loc["RUS", "betweenness"] > 0 and nodes.loc["CHN", "betweenness"] == 0
    graph = net.graph("2024")
    assert graph["CHN"]["RUS"]["weight"] == 3
