"""Change points on synthetic dyad series with a known break."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tripolar.analytics import change_points
from tripolar.analytics.changepoints import auto_penalty


def monthly_events(
    values: list[float], per_month: int | list[int] = 5, spread: float = 0.1
) -> pd.DataFrame:
    """Events between CHN and RUS: month i gets per_month events around values[i]."""
    counts = per_month if isinstance(per_month, list) else [per_month] * len(values)
    rows = []
    for month, (value, count) in enumerate(zip(values, counts, strict=True)):
        for k in range(count):
            i = len(rows)
            day = pd.Timestamp(2022 + month // 12, month % 12 + 1, 1 + k)
            rows.append(
                {
                    "doc_id": f"d{i}",
                    "sentence_index": 0,
                    "sentence": f"S{i}.",
                    "start": 0,
                    "end": 3,
                    "event_date": day,
                    "date_basis": "text",
                    "source": "CHNGOV",
                    "target": "RUSGOV",
                    "code": "x",
                    "root": "x",
                    "goldstein": value + spread * k,
                    "quad_class": 1 if value >= 0 else 4,
                    "rule": "t",
                    "source_text": "",
                    "target_text": "",
                    "trigger_start": 0,
                    "trigger_end": 1,
                    "event_id": f"e{i:04d}",
                    "title": "t",
                    "url": "",
                    "published": pd.NaT,
                }
            )
    return pd.DataFrame(rows)


def test_changepoints_find_known_break_with_evidence() -> None:
    rng = np.random.default_rng(3)
    values = [5 + rng.normal(0, 0.5) for _ in range(14)] + [
        -4 + rng.normal(0, 0.5) for _ in range(10)
    ]
    events = monthly_events(values)
    found = change_points(events, "CHN-RUS", freq="month")
    assert list(found["period_label"]) == ["2023-03"]  # month 15 starts the new regime
    row = found.iloc[0]
    assert row["before"] > 4 and row["after"] < -3 and row["shift"] < -7
    evidence = events.set_index("event_id").loc[list(row["evidence_event_ids"])]
    assert len(evidence) == 5 and (evidence["goldstein"] < 0).all()


def test_changepoints_none_in_a_flat_series() -> None:
    rng = np.random.default_rng(4)
    events = monthly_events([2 + rng.normal(0, 0.3) for _ in range(24)])
    assert change_points(events, "RUS-CHN").empty


def test_changepoints_fixed_number_and_gaps() -> None:
    values = [3.0] * 8 + [-3.0] * 8 + [3.0] * 8
    events = monthly_events(values)
    events = events[~events["event_date"].dt.month.isin([5])]  # empty months are skipped
    found = change_points(events, "CHN-RUS", n_bkps=2)
    # 2023-05 would open the third regime but has no events: the change is first seen in June
    assert list(found["period_label"]) == ["2022-09", "2023-06"]
    assert auto_penalty(np.array([1.0, 1.0, 5.0, 5.0])) > 0


def test_changepoints_pure_noise_gives_few_or_none() -> None:
    rng = np.random.default_rng(11)
    found = 0
    for _ in range(20):
        counts = [int(c) for c in rng.integers(1, 6, 36)]
        values = [float(v) for v in rng.normal(2.0, 1.5, 36)]
        events = monthly_events(values, counts, spread=1.0)
        found += len(change_points(events, "CHN-RUS"))
    assert found <= 3  # a false alarm in fewer than one series in six


def test_changepoints_sparse_series_with_long_gaps() -> None:
    """A dozen busy-ish months spread over nine years, all cooperative: no change points.

    Interpolating the empty months used to turn such a series into ramps cut into dozens
    of regimes, most without a single event near the break.
    """
    values = [float("nan")] * 108
    counts = [0] * 108
    rng = np.random.default_rng(5)
    for month in range(4, 108, 9):
        values[month] = float(rng.choice([1.0, 1.9, 3.4, 7.0, 8.0]))
        counts[month] = int(rng.integers(1, 5))
    events = monthly_events([v if v == v else 0.0 for v in values], counts, spread=0.5)
    assert change_points(events, "CHN-RUS").empty


def test_changepoints_every_change_has_pushing_evidence_and_the_count_is_capped() -> None:
    levels = [6.0, -5.0, 6.0, -5.0, 6.0, -5.0, 6.0, -5.0, 6.0]
    values = [level for level in levels for _ in range(4)]
    events = monthly_events(values)
    found = change_points(events, "CHN-RUS", max_points=None)
    assert len(found) == 8
    by_id = events.set_index("event_id")
    for row in found.itertuples():
        chosen = by_id.loc[list(row.evidence_event_ids)]
        assert len(chosen) > 0
        if row.shift > 0:
            assert (chosen["goldstein"] > (row.before + row.after) / 2).all()
        else:
            assert (chosen["goldstein"] < (row.before + row.after) / 2).all()
        assert (chosen["event_date"].dt.to_period("M") == row.period.to_period("M")).all()
    assert len(change_points(events, "CHN-RUS")) == 6  # the default cap
    capped = change_points(events, "CHN-RUS", max_points=3)
    assert len(capped) == 3 and (capped["shift"].abs() > 5).all()


def test_changepoints_one_event_months_cannot_make_a_regime() -> None:
    """Two months five points lower: noise when each holds one event, a change with six.

    Busy months hold six events spread over 7.5 points (mean 8.75); the dip months'
    events average 3.75 either way.
    """
    level = [5.0] * 12
    thin = monthly_events([*level, 3.75, 3.75, *level], [6] * 12 + [1, 1] + [6] * 12, 1.5)
    assert change_points(thin, "CHN-RUS").empty
    busy = monthly_events([*level, 0.0, 0.0, *level], [6] * 26, 1.5)
    found = change_points(busy, "CHN-RUS")
    assert list(found["period_label"]) == ["2023-01", "2023-03"]
    assert list(found["shift"].round(2)) == [-5.0, 5.0]
