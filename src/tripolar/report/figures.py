"""Plotly figures of the report. Only codes, labels and numbers go into a figure - never
document text - and every string is stripped of markup characters first."""

from __future__ import annotations

import json
import math
from typing import Any

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from tripolar.analytics.series import BANDS
from tripolar.analytics.topics import TOPIC_LABELS
from tripolar.analytics.triangle import TYPE_LABELS

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")
POSITIVE, NEUTRAL, NEGATIVE = "#2a9d5c", "#b8bcc2", "#c8453b"
BAND_COLOURS = ("#f4d3cf", "#f9e3d3", "#fbf0dc", "#eef4e4", "#dcefdc", "#c9e7cf")
TOPIC_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#d7d7d7",
)
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"


def plain(value: object) -> str:
    """A label safe for plotly's text rendering (which understands a few HTML tags)."""
    return "".join(ch for ch in str(value) if ch not in "<>&\"'")


def to_json(fig: go.Figure) -> str:
    """Figure JSON that cannot end a <script> element or open markup."""
    text = str(pio.to_json(fig, validate=False, remove_uids=True))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _layout(fig: go.Figure, *, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 60, "r": 20, "t": 40 if title else 16, "b": 40},
        font={"family": FONT, "size": 12, "color": "#222"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        hovermode="closest",
        title={"text": title or ""},
        legend={"orientation": "h", "y": 1.08, "x": 0},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#eee", zeroline=False)
    fig.update_yaxes(showgrid=True, gridcolor="#eee", zerolinecolor="#999")
    return fig


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def index_figure(series: pd.DataFrame, anchors: dict[tuple[str, str], str]) -> go.Figure:
    """Relation index per dyad with its bootstrap band over the named grades."""
    fig = go.Figure()
    lower = -9.0
    for (upper, name), colour in zip(BANDS, BAND_COLOURS, strict=True):
        top = min(upper, 9.0)
        fig.add_hrect(y0=lower, y1=top, fillcolor=colour, opacity=0.55, line_width=0, layer="below")
        fig.add_annotation(
            x=1.0,
            xref="paper",
            y=(lower + top) / 2,
            text=name,
            showarrow=False,
            xanchor="right",
            font={"size": 10, "color": "#777"},
        )
        lower = top
    for i, (dyad, part) in enumerate(series.groupby("dyad", sort=True)):
        colour = PALETTE[i % len(PALETTE)]
        x = part["period"].dt.strftime("%Y-%m-%d").tolist()
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["relation_index_hi"].tolist(),
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["relation_index_lo"].tolist(),
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=_rgba(colour, 0.18),
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["relation_index"].round(2).tolist(),
                mode="lines+markers",
                name=plain(dyad) + ("" if part["n_events"].sum() else " (no events)"),
                line={"color": colour, "width": 2.5},
                marker={"size": 5},
                customdata=[anchors.get((str(dyad), str(p)), "") for p in part["period_label"]],
                text=[plain(p) for p in part["period_label"]],
                hovertemplate=plain(dyad) + " %{text}: %{y:.2f}<extra>click for evidence</extra>",
            )
        )
    fig.update_yaxes(range=[-9, 9], title="relation index (−9 … +9)", dtick=3)
    return _layout(fig, height=380)


def dyad_figure(
    series: pd.DataFrame,
    anchors: dict[tuple[str, str], str],
    breaks: list[str],
    window: tuple[Any, Any] | None = None,
) -> go.Figure:
    """Monthly net cooperation bars with 95% bootstrap intervals; change points dashed."""
    x = series["period"].dt.strftime("%Y-%m-%d").tolist()
    values = series["net_coop"].fillna(0.0)
    colours = [POSITIVE if v > 0 else NEGATIVE if v < 0 else NEUTRAL for v in values]
    error_plus = (series["net_coop_hi"] - values).clip(lower=0).fillna(0).tolist()
    error_minus = (values - series["net_coop_lo"]).clip(lower=0).fillna(0).tolist()
    labels = [plain(p) for p in series["period_label"]]
    dyad = str(series["dyad"].iloc[0])
    fig = go.Figure(
        go.Bar(
            x=x,
            y=values.round(2).tolist(),
            marker={"color": colours},
            name="net cooperation",
            error_y={
                "type": "data",
                "array": error_plus,
                "arrayminus": error_minus,
                "color": "#555",
                "thickness": 1,
                "width": 2,
            },
            customdata=[anchors.get((dyad, p), "") for p in series["period_label"]],
            text=[f"{n} events" for n in series["n_events"]],
            textposition="none",
            hovertext=labels,
            hovertemplate="%{hovertext}: %{y:.1f} (%{text})<extra>click for evidence</extra>",
        )
    )
    for label in breaks:
        match = series.loc[series["period_label"] == label, "period"]
        if not match.empty:
            fig.add_vline(
                x=match.iloc[0].strftime("%Y-%m-%d"),
                line_dash="dash",
                line_color="#333",
                line_width=1.5,
            )
            fig.add_annotation(
                x=match.iloc[0].strftime("%Y-%m-%d"),
                y=1.0,
                yref="paper",
                text="change",
                showarrow=False,
                yanchor="bottom",
                font={"size": 10},
            )
    fig.update_yaxes(title="net cooperation")
    if window is not None:  # aligned with the commentary chart below it
        fig.update_xaxes(range=x_range(window))
    fig.update_layout(bargap=0.15, showlegend=False)
    return _layout(fig, height=260)


def x_range(window: tuple[Any, Any]) -> list[str]:
    """A shared date axis for a dyad's charts: the window with a month's margin."""
    first, last = (pd.Timestamp(w) for w in window)
    pad = pd.Timedelta(days=31)
    return [(first - pad).strftime("%Y-%m-%d"), (last + pad).strftime("%Y-%m-%d")]


def _midpoints(periods: pd.Series, grid: pd.Series | None = None) -> list[str]:
    """Each period's middle day, so a quarter's point sits over its three monthly bars."""
    starts = pd.to_datetime(pd.Series(grid if grid is not None else periods)).sort_values()
    step = starts.diff().median() if len(starts.unique()) > 1 else pd.Timedelta(days=91)
    step = step if step == step else pd.Timedelta(days=91)
    return [(pd.Timestamp(p) + step / 2).strftime("%Y-%m-%d") for p in periods]


def assessment_figure(
    series: pd.DataFrame,
    events: pd.DataFrame,
    anchors: dict[str, str],
    window: tuple[Any, Any] | None = None,
) -> go.Figure:
    """A dyad's commentary line on −1 … +1: mean polarity per period with its 95% interval
    (click a point for the judgements), and the events' cooperation balance as a dashed line."""
    fig = go.Figure()
    if len(events):
        fig.add_trace(
            go.Scatter(
                x=_midpoints(events["period"]),
                y=events["coop_balance"].round(3).tolist(),
                mode="lines+markers",
                name="events: cooperation balance",
                line={"color": "#8a9099", "width": 1.5, "dash": "dash"},
                marker={"size": 5, "color": "#8a9099"},
                connectgaps=False,
                text=[f"{n} events" for n in events["n_events"]],
                hovertext=[plain(p) for p in events["period_label"]],
                hovertemplate="events %{hovertext}: balance %{y:+.2f} (%{text})<extra></extra>",
            )
        )
    shown = series[series["n_assessments"] > 0]
    values = shown["polarity_mean"]
    fig.add_trace(
        go.Scatter(
            x=_midpoints(shown["period"], series["period"]),
            y=values.round(3).tolist(),
            mode="lines+markers",
            name="commentary: mean polarity",
            line={"color": "#23395d", "width": 2.5},
            marker={
                "size": [7 + 2 * math.log1p(n) for n in shown["n_assessments"]],
                "color": [
                    POSITIVE if v > 0.1 else NEGATIVE if v < -0.1 else NEUTRAL for v in values
                ],
                "line": {"color": "#23395d", "width": 1},
            },
            error_y={
                "type": "data",
                "array": (shown["polarity_mean_hi"] - values).clip(lower=0).fillna(0).tolist(),
                "arrayminus": (values - shown["polarity_mean_lo"]).clip(lower=0).fillna(0).tolist(),
                "color": "#23395d",
                "thickness": 1,
                "width": 3,
            },
            customdata=[anchors.get(str(p), "") for p in shown["period_label"]],
            text=[f"{n} judgements" for n in shown["n_assessments"]],
            hovertext=[plain(p) for p in shown["period_label"]],
            hovertemplate="commentary %{hovertext}: %{y:+.2f} (%{text})"
            "<extra>click for the sentences</extra>",
        )
    )
    if window is not None:
        fig.update_xaxes(range=x_range(window))
    fig.add_hline(y=0, line_color="#999", line_width=1)
    fig.update_yaxes(range=[-1.1, 1.1], title="−1 hostile … +1 friendly", dtick=0.5)
    return _layout(fig, height=260)


def triangle_figure(
    tri: pd.DataFrame,
    anchors: dict[str, str],
    cells: dict[tuple[str, str], str] | None = None,
    *,
    score_name: str = "index",
    marks: dict[tuple[str, str], str] | None = None,
) -> go.Figure:
    """Sign of each side per period (green +, grey 0, red −, blank unknown), type above.

    A click on a cell opens ``cells[(dyad, period_label)]`` (that side's events of the
    period) when there is one, else the period's row ``anchors[period_label]``.
    ``marks[(dyad, period_label)]`` puts a ≠ on a cell, with the text as its hover (used for
    where commentary and events disagree).
    """
    cells = cells or {}
    sign_columns = [c for c in tri.columns if c.startswith("sign_")]
    names = [plain(c.removeprefix("sign_")) for c in sign_columns]
    labels = [plain(p) for p in tri["period_label"]]
    z = [[(None if v != v else float(v)) for v in tri[c]] for c in sign_columns]
    kinds = [
        _type_phrase(k, p, o)
        for k, p, o in zip(tri["type"], tri["pivot"], tri["outcast"], strict=True)
    ]
    scores = [
        [
            ("unknown" if v != v or s != s else f"{float(v):+.2f}") + f" · {kind}"
            for v, s, kind in zip(tri[f"score_{n}"], tri[f"sign_{n}"], kinds, strict=True)
        ]
        for n in names
    ]
    fig = go.Figure(
        go.Heatmap(
            x=labels,
            y=names,
            z=z,
            zmin=-1,
            zmax=1,
            xgap=2,
            ygap=2,
            showscale=False,
            colorscale=[[0.0, NEGATIVE], [0.5, NEUTRAL], [1.0, POSITIVE]],
            customdata=[
                [cells.get((n, str(p)), anchors.get(str(p), "")) for p in tri["period_label"]]
                for n in names
            ],
            text=scores,
            hovertemplate="%{y} %{x}: " + plain(score_name) + " %{text}"
            "<extra>click for the "
            + ("events" if score_name == "index" else "sentences")
            + "</extra>",
        )
    )
    if marks:
        marked = [(d, p, text) for (d, p), text in sorted(marks.items())]
        fig.add_trace(
            go.Scatter(
                x=[plain(p) for _, p, _ in marked],
                y=[plain(d) for d, _, _ in marked],
                mode="text",
                text=["≠"] * len(marked),
                textfont={"size": 18, "color": "#111"},
                hovertext=[f"{plain(d)} {plain(p)}: {plain(t)}" for d, p, t in marked],
                hoverinfo="text",
                customdata=[cells.get((d, p), anchors.get(p, "")) for d, p, _ in marked],
                showlegend=False,
            )
        )
    short = {
        "menage_a_trois": "M3",
        "romantic_triangle": "RT",
        "stable_marriage": "SM",
        "unit_veto": "UV",
        "open": "open",
        "incomplete": "…",
    }
    crowded = len(labels) > 14  # no room for a second line: the hover names pivot / outcast
    for label, kind, pivot, outcast in zip(
        labels, tri["type"], tri["pivot"], tri["outcast"], strict=True
    ):
        text = short.get(str(kind), "")
        if crowded:
            if isinstance(pivot, str) and pivot:
                text += f"<br>{plain(pivot)}"
            elif isinstance(outcast, str) and outcast:
                text += f"<br>{plain(outcast)}"
        elif isinstance(pivot, str) and pivot:
            text += f"<br>pivot {plain(pivot)}"
        elif isinstance(outcast, str) and outcast:
            text += f"<br>out {plain(outcast)}"
        fig.add_annotation(
            x=label,
            y=1.0,
            yref="paper",
            text=text,
            showarrow=False,
            yanchor="bottom",
            font={"size": 9 if crowded else 11},
        )
    # Fixed ranges: the ≠ markers must not pad the axes, so both triangles line up.
    fig.update_yaxes(range=[len(names) - 0.5, -0.5], showgrid=False, type="category")
    fig.update_xaxes(range=[-0.5, len(labels) - 0.5], showgrid=False, type="category")
    _layout(fig, height=150 + 38 * len(names))
    fig.update_layout(margin={"l": 80, "r": 20, "t": 60, "b": 40})
    return fig


def _type_phrase(kind: object, pivot: object, outcast: object) -> str:
    text = TYPE_LABELS.get(str(kind), str(kind))
    if isinstance(pivot, str) and pivot:
        text += f", pivot {pivot}"
    elif isinstance(outcast, str) and outcast:
        text += f", outcast {outcast}"
    return plain(text)


def network_figure(graph: nx.Graph, focus: tuple[str, ...]) -> go.Figure:
    """Actor network: edge width ~ log events, colour = sign of net cooperation."""
    fig = go.Figure()
    if len(graph) == 0:
        return _layout(fig, height=200)
    # Even spacing reads better than weight-driven distances, which crowd the busiest actors.
    layout = (
        nx.kamada_kawai_layout(graph, weight=None) if len(graph) > 2 else nx.circular_layout(graph)
    )
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: e[2]["weight"]):
        colour = {1: POSITIVE, -1: NEGATIVE}.get(data["sign"], NEUTRAL)
        (x0, y0), (x1, y1) = layout[u], layout[v]
        fig.add_trace(
            go.Scatter(
                x=[x0, (x0 + x1) / 2, x1],
                y=[y0, (y0 + y1) / 2, y1],
                mode="lines+markers",
                line={"color": colour, "width": 1 + 2.2 * math.log1p(data["weight"])},
                marker={"size": [0, 8, 0], "color": colour, "opacity": [0, 0.01, 0]},
                hovertext=[
                    "",
                    f"{plain(u)}–{plain(v)}: {data['weight']} events, net {data['net_coop']:+.1f}",
                    "",
                ],
                hoverinfo="text",
                showlegend=False,
            )
        )
    nodes = sorted(graph)
    strength = [sum(d["weight"] for d in graph[n].values()) for n in nodes]
    fig.add_trace(
        go.Scatter(
            x=[layout[n][0] for n in nodes],
            y=[layout[n][1] for n in nodes],
            mode="markers+text",
            text=[plain(n) for n in nodes],
            textposition="middle center",
            textfont={"color": "white", "size": 11},
            marker={
                "size": [22 + 6 * math.log1p(s) for s in strength],
                "color": ["#23395d" if n in focus else "#6c7a89" for n in nodes],
                "line": {"color": "white", "width": 2},
            },
            hovertext=[
                f"{plain(n)}: {s} events with {len(graph[n])} partners"
                for n, s in zip(nodes, strength, strict=True)
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    return _layout(fig, height=420)


def topic_figure(breakdown: pd.DataFrame, anchors: dict[tuple[str, str], str]) -> go.Figure:
    """Events per dyad and cooperation area, stacked."""
    fig = go.Figure()
    dyads = sorted(breakdown["dyad"].unique())
    for i, topic in enumerate(TOPIC_LABELS):
        part = breakdown[breakdown["topic"] == topic].set_index("dyad")
        if part.empty:
            continue
        counts = [int(part["n_events"].get(d, 0)) for d in dyads]
        fig.add_trace(
            go.Bar(
                y=[plain(d) for d in dyads],
                x=counts,
                orientation="h",
                name=plain(TOPIC_LABELS[topic]),
                marker={"color": TOPIC_COLOURS[i % len(TOPIC_COLOURS)]},
                customdata=[anchors.get((d, topic), "") for d in dyads],
                hovertemplate="%{y}: %{x} events<extra>" + plain(TOPIC_LABELS[topic]) + "</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="events (an event with two areas counts in both)")
    _layout(fig, height=120 + 50 * max(len(dyads), 1))
    fig.update_layout(legend={"orientation": "h", "y": -0.35, "x": 0})
    fig.update_layout(margin={"l": 80, "r": 20, "t": 10, "b": 110})
    return fig


def figure_payload(fig: go.Figure) -> dict[str, Any]:
    """Round-trip helper for tests: the JSON a figure is embedded as, parsed back."""
    parsed: dict[str, Any] = json.loads(to_json(fig))
    return parsed
