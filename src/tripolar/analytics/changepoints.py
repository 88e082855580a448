"""Change points in a dyad's series (``ruptures``), each with the events around it."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import ruptures

from tripolar.analytics.evidence import annotate, dyad_events, top_events
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


def auto_penalty(signal: np.ndarray) -> float:
    """BIC-style penalty ``2 * sigma^2 * ln(T)`` for a change in mean.

    sigma is estimated from first differences (median absolute deviation), floored at a
    tenth of the signal's standard deviation so an exactly piecewise-constant series still
    gets a positive penalty.
    """
    diffs = np.diff(signal)
    mad = float(np.median(np.abs(diffs - np.median(diffs)))) if len(diffs) else 0.0
    sigma = max(mad / 0.6745 / math.sqrt(2), 0.1 * float(np.std(signal)), 1e-6)
    return 2.0 * sigma**2 * math.log(max(len(signal), 2))


def change_points(
    events: EventSource,
    dyad: str = "CHN-RUS",
    *,
    freq: str = "month",
    measure: str = "goldstein_mean",
    penalty: float | None = None,
    n_bkps: int | None = None,
    model: str = "l2",
    min_size: int = 2,
    window: int = 1,
    top: int = 5,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """Where the dyad's ``measure`` series shifts level.

    PELT with the given ``penalty`` (default ``auto_penalty``), or dynamic programming for
    exactly ``n_bkps`` change points. Periods without events are filled by linear
    interpolation (nearest value at the ends) before the search.

    Columns: dyad, period (first period of the new regime), period_label, measure,
    before / after (mean of the measure over the regime before / after), shift
    (after - before), evidence_event_ids (tuple: the ``top`` events from ``window``
    periods either side that push in the direction of the shift, strongest first).
    """
    if measure not in SIGNALS:
        raise AnalyticsError(f"measure {measure!r} is not one of {', '.join(SIGNALS)}")
    if min_size < 1:
        raise AnalyticsError(f"min_size must be >= 1, got {min_size}")
    a, b, directed = parse_dyad(dyad)
    series = relations(
        events, actors=(a, b), freq=freq, directed=directed, since=since, until=until, n_boot=0
    )
    name = f"{a}->{b}" if directed else "-".join(sorted((a, b)))
    series = series[series["dyad"] == name].reset_index(drop=True)
    raw = series[measure].astype(float)
    if raw.notna().sum() < 2 or len(raw) < 2 * min_size:
        return pd.DataFrame(columns=COLUMNS)
    signal = raw.interpolate(limit_direction="both").to_numpy()
    algo: ruptures.base.BaseEstimator
    if n_bkps is not None:
        algo = ruptures.Dynp(model=model, min_size=min_size, jump=1).fit(signal)
        ends = algo.predict(n_bkps=n_bkps)
    else:
        pen = auto_penalty(signal) if penalty is None else penalty
        algo = ruptures.Pelt(model=model, min_size=min_size, jump=1).fit(signal)
        ends = algo.predict(pen=pen)
    breaks = [int(e) for e in ends[:-1]]
    if not breaks:
        return pd.DataFrame(columns=COLUMNS)
    if not isinstance(events, pd.DataFrame):
        events = events.events(dyad=f"{a}-{b}", since=since, until=until)
    annotated = annotate(events, freq=freq, actors=(a, b), directed=directed)
    edges = [0, *breaks, len(signal)]
    rows = []
    for i, cut in enumerate(breaks):
        before = float(signal[edges[i] : cut].mean())
        after = float(signal[cut : edges[i + 2]].mean())
        first = series["period"].iloc[max(cut - window, 0)]
        last = series["period"].iloc[min(cut + window, len(series) - 1)]
        near = dyad_events(annotated, name, first=first, last=last)
        chosen = top_events(near, direction="up" if after > before else "down", n=top)
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
