"""Change points in a dyad's series (``ruptures``), each with the events around it.

Built for sparse news data: a dyad may have a handful of events a year, and months without
any. The search therefore never invents values for empty periods. For the per-event means
(``goldstein_mean``, ``coop_balance``) it runs on the periods that hold at least
``min_events`` events, each weighted by its number of events, so a month with one event
cannot make a regime of its own; the penalty grows with the noise of the series and with
its length; a regime needs ``min_size`` observed periods; and a change point is reported
only when events around it push in the direction of the shift. See docs/methods.md.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import ruptures
from ruptures.base import BaseCost

from tripolar.analytics.evidence import annotate, dyad_events
from tripolar.analytics.periods import parse_dyad
from tripolar.analytics.series import EventSource, relations
from tripolar.errors import AnalyticsError

SIGNALS = (
    "goldstein_mean",
    "coop_balance",
    "net_coop",
    "goldstein_sum",
    "relation_index",
    "n_events",
)

# Means over a period's events: searched on observed periods only, weighted by events.
MEAN_SIGNALS = ("goldstein_mean", "coop_balance")

# Smallest per-event noise assumed for a mean signal (in its own units): five per cent of
# its range. Event scores are coarse codes; a sparse dyad whose few events repeat the same
# code would otherwise look noise-free and every small wobble would count as a change.
NOISE_FLOOR = {"goldstein_mean": 1.0, "coop_balance": 0.1}

# Penalty per change point, in units of sigma^2 * ln(periods). 2 is the BIC for one new
# mean; one more for the unknown location keeps pure noise from producing change points.
PENALTY_FACTOR = 3.0

COLUMNS = [
    "dyad",
    "period",
    "period_label",
    "measure",
    "before",
    "after",
    "shift",
    "evidence_event_ids",
]


class WeightedMeanCost(BaseCost):  # type: ignore[misc]
    """L2 cost of a segment of period means, each weighted by its number of events.

    ``signal`` has two columns: the period's value and its weight. A segment's cost is
    ``sum w (x - mean_w)^2``: the between-period part of the event-level squared error,
    so splitting here is the same as splitting the events at period boundaries.
    """

    model = "weighted_l2"
    min_size = 1

    def fit(self, signal: np.ndarray) -> WeightedMeanCost:
        self.signal = signal
        values, weights = signal[:, 0], signal[:, 1]
        self._w = np.concatenate([[0.0], np.cumsum(weights)])
        self._wx = np.concatenate([[0.0], np.cumsum(weights * values)])
        self._wxx = np.concatenate([[0.0], np.cumsum(weights * values**2)])
        return self

    def error(self, start: int, end: int) -> float:
        w = self._w[end] - self._w[start]
        if w <= 0:
            return 0.0
        wx = self._wx[end] - self._wx[start]
        wxx = self._wxx[end] - self._wxx[start]
        return float(max(wxx - wx * wx / w, 0.0))


def noise_sigma(values: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Robust noise level of one observation of weight 1, from first differences.

    Without a change, ``x_t - x_{t-1}`` has variance ``sigma^2 (1/w_t + 1/w_{t-1})``; the
    differences are standardised by that and sigma is their median absolute value / 0.6745
    (a mean shift spoils only the one difference that straddles it).
    """
    x = np.asarray(values, dtype=float)
    if len(x) < 2:
        return 0.0
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    scaled = np.diff(x) / np.sqrt(1.0 / w[1:] + 1.0 / w[:-1])
    return float(np.median(np.abs(scaled)) / 0.6745)


def within_sigma(events: pd.DataFrame) -> float:
    """Pooled standard deviation of Goldstein scores within periods (0 when unknown).

    A direct estimate of per-event noise when periods hold several events; it keeps a short
    series whose few period means happen to line up from looking noise-free.
    """
    if events.empty:
        return 0.0
    gold = events["goldstein"].astype(float)
    groups = gold.groupby(events["period"].to_numpy())
    dof = len(gold) - groups.ngroups
    if dof < 1:
        return 0.0
    return float(math.sqrt(((gold - groups.transform("mean")) ** 2).sum() / dof))


def auto_penalty(
    signal: np.ndarray, weights: np.ndarray | None = None, *, floor: float = 0.0
) -> float:
    """BIC-like penalty ``3 * sigma^2 * ln(T)`` for a change in mean.

    ``T`` is the number of periods searched (the candidate break positions); ``sigma`` the
    noise of one observation of weight 1 (``noise_sigma``), floored at ``floor`` and at a
    tenth of the signal's standard deviation, so an exactly piecewise-constant series still
    gets a positive penalty.
    """
    x = np.asarray(signal, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    sigma = max(noise_sigma(x, w), floor, 0.1 * float(np.std(x)) if len(x) else 0.0, 1e-6)
    return PENALTY_FACTOR * sigma**2 * math.log(max(len(x), 2))


def change_points(
    events: EventSource,
    dyad: str = "CHN-RUS",
    *,
    freq: str = "month",
    measure: str = "goldstein_mean",
    penalty: float | None = None,
    n_bkps: int | None = None,
    min_size: int = 2,
    min_events: int = 1,
    window: int = 1,
    top: int = 5,
    max_points: int | None = 6,
    since: dt.date | None = None,
    until: dt.date | None = None,
    weighting: str = "distinct",
) -> pd.DataFrame:
    """Where the dyad's ``measure`` series shifts level, with the events that show it.

    For ``goldstein_mean`` and ``coop_balance`` the search runs on the periods with at least
    ``min_events`` events, each weighted by its event count; for the other measures on the
    full period grid (an empty period is a real zero there). PELT with ``penalty`` (default
    ``auto_penalty``), or dynamic programming for exactly ``n_bkps`` change points;
    ``min_size`` is counted in searched periods. When PELT finds more than ``max_points``,
    the best ``max_points`` are kept (dynamic programming with that many).

    Evidence: the ``top`` events of the first ``window`` searched periods of the new regime
    that push in the direction of the shift (beyond the midpoint between the two
    regimes for a mean, cooperative or conflictual for the others), strongest first. A change
    point without such events is dropped.

    Columns: dyad, period (first period of the new regime), period_label, measure,
    before / after (event-weighted mean of the measure over the regime before / after),
    shift (after - before), evidence_event_ids (tuple).
    """
    if measure not in SIGNALS:
        raise AnalyticsError(f"measure {measure!r} is not one of {', '.join(SIGNALS)}")
    if min_size < 1 or min_events < 1 or window < 1:
        raise AnalyticsError("min_size, min_events and window must be >= 1")
    if max_points is not None and max_points < 1:
        raise AnalyticsError(f"max_points must be >= 1 or None, got {max_points}")
    a, b, directed = parse_dyad(dyad)
    series = relations(
        events, actors=(a, b), freq=freq, directed=directed, since=since, until=until, n_boot=0,
        weighting=weighting,
    )  # fmt: skip
    name = f"{a}->{b}" if directed else "-".join(sorted((a, b)))
    series = series[series["dyad"] == name].reset_index(drop=True)
    weighted = measure in MEAN_SIGNALS
    if weighted:
        series = series[series["n_events"] >= min_events].reset_index(drop=True)
    values = series[measure].astype(float).to_numpy()
    weights = series["n_events"].astype(float).to_numpy() if weighted else np.ones(len(values))
    if len(values) < 2 * min_size or not np.isfinite(values).all():
        return pd.DataFrame(columns=COLUMNS)
    if not isinstance(events, pd.DataFrame):
        events = events.events(dyad=f"{a}-{b}", since=since, until=until)
    annotated = dyad_events(annotate(events, freq=freq, actors=(a, b), directed=directed), name)
    annotated = annotated[annotated["period"].isin(series["period"])]
    floor = NOISE_FLOOR.get(measure, 0.0)
    if measure == "goldstein_mean":
        floor = max(floor, within_sigma(annotated))
    breaks = _search(values, weights, floor, penalty, n_bkps, min_size, max_points)
    if not breaks:
        return pd.DataFrame(columns=COLUMNS)
    rows = []
    edges = [0, *breaks, len(values)]
    for i, cut in enumerate(breaks):
        before = _weighted_mean(values, weights, edges[i], cut)
        after = _weighted_mean(values, weights, cut, edges[i + 2])
        first = series["period"].iloc[cut]
        last = series["period"].iloc[min(cut + window, edges[i + 2]) - 1]
        near = annotated[(annotated["period"] >= first) & (annotated["period"] <= last)]
        chosen = _evidence(near, measure, before, after, top)
        if chosen.empty:
            continue
        rows.append(
            {
                "dyad": name,
                "period": series["period"].iloc[cut],
                "period_label": series["period_label"].iloc[cut],
                "measure": measure,
                "before": before,
                "after": after,
                "shift": after - before,
                "evidence_event_ids": tuple(chosen["event_id"]),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _search(
    values: np.ndarray,
    weights: np.ndarray,
    floor: float,
    penalty: float | None,
    n_bkps: int | None,
    min_size: int,
    max_points: int | None,
) -> list[int]:
    """Break positions (index of the first period of each new regime)."""
    signal = np.column_stack([values, weights])
    if n_bkps is not None:
        if n_bkps < 1 or (n_bkps + 1) * min_size > len(values):
            return []
        ends = _dynp(signal, min_size, n_bkps)
    else:
        pen = auto_penalty(values, weights, floor=floor) if penalty is None else penalty
        algo = ruptures.Pelt(custom_cost=WeightedMeanCost(), min_size=min_size, jump=1)
        ends = algo.fit(signal).predict(pen=pen)
        if max_points is not None and len(ends) - 1 > max_points:
            ends = _dynp(signal, min_size, max_points)
    return [int(e) for e in ends[:-1]]


def _dynp(signal: np.ndarray, min_size: int, n_bkps: int) -> list[int]:
    algo = ruptures.Dynp(custom_cost=WeightedMeanCost(), min_size=min_size, jump=1)
    return [int(e) for e in algo.fit(signal).predict(n_bkps=n_bkps)]


def _weighted_mean(values: np.ndarray, weights: np.ndarray, start: int, end: int) -> float:
    w = weights[start:end]
    return float(np.sum(values[start:end] * w) / np.sum(w))


def _evidence(
    near: pd.DataFrame, measure: str, before: float, after: float, top: int
) -> pd.DataFrame:
    """The events near a break that push from the old level toward the new one."""
    if near.empty:
        return near
    gold = near["goldstein"].astype(float)
    up = after > before
    if measure == "goldstein_mean":
        middle = (before + after) / 2
        pushing = gold > middle if up else gold < middle
    elif measure == "n_events":
        pushing = pd.Series(True, index=near.index)
    else:
        coop = near["quad_class"].astype(int).isin((1, 2))
        pushing = coop if up else ~coop
    chosen = near[pushing.to_numpy()]
    key = -gold[pushing.to_numpy()] if up else gold[pushing.to_numpy()]
    if measure == "n_events":
        key = -gold[pushing.to_numpy()].abs()
    ranked = chosen.assign(_key=key.to_numpy())
    tiebreak = [c for c in ("event_date", "event_id") if c in ranked.columns]
    return ranked.sort_values(["_key", *tiebreak], kind="stable").drop(columns="_key").head(top)
