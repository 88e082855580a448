"""Change points on synthetic dyad series with a known break."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tripolar.analytics import change_points
from tripolar.analytics.changepoints import auto_penalty


def monthly_events(values: list[float], per_month: int = 5) -> pd.DataFrame:
    rows = []
    for month, value in enumerate(values):
        for k in range(per_month):
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
                    "goldstein": value + 0.1 * k,
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
    events = events[~events["event_date"].dt.month.isin([5])]  # a gap is interpolated
    found = change_points(events, "CHN-RUS", n_bkps=2)
    assert list(found["period_label"]) == ["2022-09", "2023-05"]
    assert auto_penalty(np.array([1.0, 1.0, 5.0, 5.0])) > 0
