"""Two datasets side by side: the same dyads' series from, say, tripolar and GDELT.

Per dyad, the correlation of the two monthly (or other ``freq``) series - the number of
events per period and the mean Goldstein score of the periods both datasets cover - and
the periods where they disagree most (largest gap between the Goldstein means). Pearson
correlation; None when fewer than three periods can be compared or a series is constant.
See docs/interchange.md, "Comparing datasets".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from tripolar.analytics.series import relations
from tripolar.errors import AnalyticsError

SUMMARY_COLUMNS = (
    "dyad", "dataset_a", "dataset_b", "n_events_a", "n_events_b", "periods_both",
    "corr_n_events", "corr_goldstein_mean",
)  # fmt: skip
PERIOD_COLUMNS = (
    "dyad", "period", "period_label", "n_events_a", "n_events_b", "goldstein_mean_a",
    "goldstein_mean_b", "gap",
)  # fmt: skip
MIN_PERIODS = 3


@dataclass(frozen=True)
class Comparison:
    """``summary``: one row per dyad; ``disagreements``: the ``top`` periods of each dyad
    with the largest Goldstein gap (periods both datasets have events in)."""

    summary: pd.DataFrame
    disagreements: pd.DataFrame


def _correlation(a: pd.Series, b: pd.Series) -> float | None:
    x, y = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    if len(x) < MIN_PERIODS or np.std(x) == 0 or np.std(y) == 0:
        return None
    return round(float(np.corrcoef(x, y)[0, 1]), 3)


def compare_datasets(
    store: Any,
    a: str,
    b: str,
    *,
    actors: Sequence[str] = ("CHN", "RUS", "USA"),
    freq: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    top: int = 3,
) -> Comparison:
    """Compare the events of datasets ``a`` and ``b`` of a Store for the dyads of ``actors``."""
    if a == b:
        raise AnalyticsError(f"compare two different datasets, not {a!r} with itself")
    keep = ["dyad", "period", "period_label", "n_events", "goldstein_mean"]

    def series(name: str) -> pd.DataFrame:
        scoped = store.scoped(name)
        if scoped.sql("SELECT count(*) AS n FROM current_events")["n"].iloc[0] == 0:
            return pd.DataFrame({c: pd.Series(dtype="object") for c in keep})
        found: pd.DataFrame = relations(
            scoped, actors=actors, freq=freq, since=since, until=until, n_boot=0
        )
        return found[keep]

    left, right = series(a), series(b)
    both = left.merge(right, on=["dyad", "period"], how="outer", suffixes=("_a", "_b"))
    both["period_label"] = both["period_label_a"].fillna(both["period_label_b"])
    for side in ("a", "b"):
        both[f"n_events_{side}"] = both[f"n_events_{side}"].fillna(0).astype("int64")
    rows, periods = [], []
    for dyad, part in both.sort_values("period").groupby("dyad", sort=True):
        shared = part[(part["n_events_a"] > 0) & (part["n_events_b"] > 0)].copy()
        rows.append(
            {
                "dyad": dyad,
                "dataset_a": a,
                "dataset_b": b,
                "n_events_a": int(part["n_events_a"].sum()),
                "n_events_b": int(part["n_events_b"].sum()),
                "periods_both": len(shared),
                "corr_n_events": _correlation(part["n_events_a"], part["n_events_b"]),
                "corr_goldstein_mean": _correlation(
                    shared["goldstein_mean_a"], shared["goldstein_mean_b"]
                ),
            }
        )
        shared["gap"] = (shared["goldstein_mean_a"] - shared["goldstein_mean_b"]).round(3)
        worst = shared.reindex(shared["gap"].abs().sort_values(ascending=False).index)
        periods.append(worst.head(top))
    summary = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    frames = [p for p in periods if len(p)]
    disagreements = (
        pd.concat(frames, ignore_index=True)[list(PERIOD_COLUMNS)]
        if frames
        else pd.DataFrame(columns=list(PERIOD_COLUMNS))
    )
    return Comparison(summary, disagreements)
