"""The strategic triangle (Lowell Dittmer) of three actors, period by period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from tripolar.analytics.evidence import Direction, annotate, dyad_events, top_events
from tripolar.analytics.periods import dyad_name, triangle_actors
from tripolar.analytics.series import EventSource, IndexParams, relations
from tripolar.errors import AnalyticsError

TYPE_LABELS: dict[str, str] = {
    "menage_a_trois": "Ménage à trois",
    "romantic_triangle": "Romantic triangle",
    "stable_marriage": "Stable marriage",
    "unit_veto": "Unit veto",
    "open": "Open (a neutral side)",
    "incomplete": "Incomplete (a side without recent events)",
}

MIN_PERIOD_EVENTS = 3.0  # default minimum for the per-period measures (events in the period)
MIN_INDEX_EVIDENCE = 0.5  # default minimum decayed event count for the index

MEASURES: dict[str, tuple[str, float]] = {
    # measure -> (relations column, default neutral band)
    "balance": ("coop_balance", 0.1),
    "index": ("relation_index", 1.0),
    "goldstein_mean": ("goldstein_mean", 0.5),
}


def classify(signs: dict[str, int | None], actors: tuple[str, str, str]) -> dict[str, Any]:
    """Dittmer's type from the three dyad signs (+1, 0, -1, or None when a side is unknown).

    Returns type, balance (product of signs, NaN unless all three are non-zero), pivot
    (romantic triangle) and outcast (stable marriage).
    """
    a, b, c = actors
    sides = {
        (a, b): signs[dyad_name(a, b, directed=False)],
        (a, c): signs[dyad_name(a, c, directed=False)],
        (b, c): signs[dyad_name(b, c, directed=False)],
    }
    values = list(sides.values())
    out: dict[str, Any] = {"type": "", "balance": np.nan, "pivot": None, "outcast": None}
    if any(v is None for v in values):
        out["type"] = "incomplete"
        return out
    if any(v == 0 for v in values):
        out["type"] = "open"
        return out
    known = [int(v) for v in values if v is not None]
    out["balance"] = float(np.prod(known))
    positive = [pair for pair, v in sides.items() if v is not None and v > 0]
    if len(positive) == 3:
        out["type"] = "menage_a_trois"
    elif len(positive) == 2:
        out["type"] = "romantic_triangle"
        (shared,) = set(positive[0]) & set(positive[1])
        out["pivot"] = shared
    elif len(positive) == 1:
        out["type"] = "stable_marriage"
        (outcast,) = set(actors) - set(positive[0])
        out["outcast"] = outcast
    else:
        out["type"] = "unit_veto"
    return out


def decayed_count(counts: np.ndarray, decay: float) -> np.ndarray:
    """``N_t = decay * N_{t-1} + n_t``: the evidence the relation index rests on."""
    out = np.empty(len(counts), dtype=float)
    total = 0.0
    for t, n in enumerate(counts):
        total = decay * total + float(n)
        out[t] = total
    return out


def _sign(score: float, evidence: float, neutral_band: float, min_events: float) -> int | None:
    # The tolerance keeps "exactly one event two half-lives ago" from flipping on rounding.
    if evidence < min_events - 1e-9 or score != score:
        return None
    if abs(score) <= neutral_band:
        return 0
    return 1 if score > 0 else -1


def triangle(
    events: EventSource,
    a: str = "CHN",
    b: str = "RUS",
    c: str = "USA",
    *,
    freq: str = "quarter",
    measure: str = "index",
    neutral_band: float | None = None,
    min_events: float | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    half_life: float = 6.0,
    weighting: str = "distinct",
) -> pd.DataFrame:
    """One row per period: the three dyad scores and signs, Dittmer's type, balance, pivot.

    measure: "index" (default: the relation index at the period's end, -9..9, band 1.0),
    "balance" (the period's coop_balance, -1..1, band 0.1) or "goldstein_mean" (band 0.5).
    A side is neutral (0) when ``|score| <= neutral_band`` and unknown when its evidence is
    below ``min_events``. For the per-period measures the evidence is the period's event
    count (default minimum 3). For the index it is the decayed event count the index rests
    on, ``N_t`` (default minimum 0.5: one event within the last half-life); thin evidence is
    already pulled toward neutral by the index's prior, so it needs no stricter cut-off.

    Columns: period, period_label, then for each dyad X-Y (sorted codes): ``score_X-Y``,
    ``n_X-Y`` (events in the period), ``evidence_X-Y`` (what the minimum applies to),
    ``sign_X-Y`` (1, 0, -1, or NaN when unknown); type (menage_a_trois,
    romantic_triangle, stable_marriage, unit_veto, open, incomplete), type_label, balance
    (product of the signs: 1 balanced, -1 unbalanced, NaN when a side is 0/unknown), pivot,
    outcast, ``advantage_<actor>`` for each actor, advantaged (the actor with the highest
    advantage, empty when all scores are missing) and pivot_advantage (that highest value).
    """
    actors = triangle_actors(a, b, c)
    if measure not in MEASURES:
        raise AnalyticsError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    column, default_band = MEASURES[measure]
    band = default_band if neutral_band is None else neutral_band
    if min_events is None:
        min_events = MIN_INDEX_EVIDENCE if measure == "index" else MIN_PERIOD_EVENTS
    if band < 0 or min_events < 0:
        raise AnalyticsError("neutral_band and min_events must not be negative")
    series = relations(
        events,
        actors=actors,
        freq=freq,
        directed=False,
        since=since,
        until=until,
        n_boot=0,
        half_life=half_life,
        weighting=weighting,
    )
    names = side_names(actors)
    periods = series[["period", "period_label"]].drop_duplicates().reset_index(drop=True)
    out = periods.copy()
    decay = IndexParams(half_life=half_life).decay(freq)
    for name in names:
        part = series[series["dyad"] == name].set_index("period")
        out[f"score_{name}"] = out["period"].map(part[column]).astype(float).to_numpy()
        counts = out["period"].map(part["n_events"]).fillna(0).astype("int64")
        out[f"n_{name}"] = counts
        if measure == "index":
            out[f"evidence_{name}"] = decayed_count(counts.to_numpy(), decay)
        else:
            out[f"evidence_{name}"] = counts.astype(float)
    return classified(out, names, actors, band, min_events)


def side_names(actors: tuple[str, str, str]) -> list[str]:
    """The three sides of a triangle as undirected dyad names, in a fixed order."""
    a, b, c = actors
    return [dyad_name(x, y, directed=False) for x, y in ((a, b), (a, c), (b, c))]


def classified(
    out: pd.DataFrame,
    names: list[str],
    actors: tuple[str, str, str],
    band: float,
    min_events: float,
) -> pd.DataFrame:
    """Add signs, Dittmer type, balance and pivot advantage to per-period side scores.

    ``out`` holds period, period_label and, per side, ``score_X-Y``, ``n_X-Y`` and
    ``evidence_X-Y``; shared by ``triangle`` and the commentary triangle.
    """
    rows = []
    for record in out.to_dict("records"):
        signs = {
            name: _sign(record[f"score_{name}"], record[f"evidence_{name}"], band, min_events)
            for name in names
        }
        result = classify(signs, actors)
        scores = {name: record[f"score_{name}"] for name in names}
        advantage = _advantages(scores, actors)
        known = {k: v for k, v in advantage.items() if v == v}
        leader = max(known, key=lambda k: (known[k], k)) if known else ""
        rows.append(
            {
                **{f"sign_{n}": (np.nan if s is None else float(s)) for n, s in signs.items()},
                **result,
                "type_label": TYPE_LABELS[result["type"]],
                **{f"advantage_{k}": v for k, v in advantage.items()},
                "advantaged": leader,
                "pivot_advantage": known.get(leader, np.nan),
            }
        )
    extra = pd.DataFrame(rows, index=out.index)
    if extra.empty:
        return _empty(names, actors)
    out = pd.concat([out, extra], axis=1)
    order = ["period", "period_label"]
    for name in names:
        order += [f"score_{name}", f"n_{name}", f"evidence_{name}", f"sign_{name}"]
    order += ["type", "type_label", "balance", "pivot", "outcast"]
    order += [f"advantage_{x}" for x in actors] + ["advantaged", "pivot_advantage"]
    return out[order]


def _empty(names: list[str], actors: tuple[str, ...]) -> pd.DataFrame:
    columns = ["period", "period_label"]
    for name in names:
        columns += [f"score_{name}", f"n_{name}", f"evidence_{name}", f"sign_{name}"]
    columns += ["type", "type_label", "balance", "pivot", "outcast"]
    columns += [f"advantage_{x}" for x in actors] + ["advantaged", "pivot_advantage"]
    return pd.DataFrame(columns=columns)


def _advantages(scores: dict[str, float], actors: tuple[str, str, str]) -> dict[str, float]:
    """Pivot advantage of each actor: mean score with the other two minus theirs together."""
    out = {}
    for actor in actors:
        others = [x for x in actors if x != actor]
        own = [scores[dyad_name(actor, o, directed=False)] for o in others]
        between = scores[dyad_name(others[0], others[1], directed=False)]
        out[actor] = float((own[0] + own[1]) / 2 - between)
    return out


def transitions(
    events: EventSource,
    tri: pd.DataFrame,
    *,
    freq: str = "quarter",
    top: int = 5,
) -> pd.DataFrame:
    """Changes of triangle type between consecutive complete periods, with driving events.

    ``tri`` is the output of ``triangle`` (same ``freq``). Incomplete periods are skipped:
    each complete period is compared with the previous complete one. For every side whose
    sign changed, the ``top`` events of the new period that push in the new direction are
    the drivers.

    Columns: period, period_label, previous_label, from_type, to_type, pivot, changes
    (e.g. "CHN-USA +→−"), driver_event_ids (tuple of event ids, strongest first).
    """
    columns = [
        "period",
        "period_label",
        "previous_label",
        "from_type",
        "to_type",
        "pivot",
        "changes",
        "driver_event_ids",
    ]
    complete = tri[tri["type"] != "incomplete"].reset_index(drop=True)
    sign_columns = [c for c in tri.columns if c.startswith("sign_")]
    names = [c.removeprefix("sign_") for c in sign_columns]
    if len(complete) < 2:
        return pd.DataFrame(columns=columns)
    actors = sorted({x for n in names for x in n.split("-")})
    if not isinstance(events, pd.DataFrame):
        events = events.events(actors=actors)
    annotated = annotate(events, freq=freq, actors=actors)
    rows = []
    for prev, cur in zip(
        complete.iloc[:-1].itertuples(), complete.iloc[1:].itertuples(), strict=True
    ):
        if prev.type == cur.type:
            continue
        changes, drivers = [], []
        for column, name in zip(sign_columns, names, strict=True):
            before = complete.loc[prev.Index, column]
            after = complete.loc[cur.Index, column]
            if before == after:
                continue
            changes.append(f"{name} {_symbol(before)}→{_symbol(after)}")
            direction: Direction = "up" if after > before else "down"
            chosen = top_events(
                dyad_events(annotated, name, first=cur.period, last=cur.period),
                direction=direction,
                n=top,
            )
            drivers += list(chosen["event_id"])
        rows.append(
            {
                "period": cur.period,
                "period_label": cur.period_label,
                "previous_label": prev.period_label,
                "from_type": prev.type,
                "to_type": cur.type,
                "pivot": cur.pivot,
                "changes": "; ".join(changes),
                "driver_event_ids": tuple(drivers),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _symbol(sign: float) -> str:
    return {1.0: "+", 0.0: "0", -1.0: "−"}.get(float(sign), "?")
