"""Dittmer's triangle types, balance, pivot advantage and transitions on built tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tripolar.analytics import classify, transitions, triangle
from tripolar.errors import AnalyticsError

COOP, CONFLICT = (6.0, 2), (-6.0, 4)


def quarter_events(day: str, signs: dict[str, int], n: int = 4, start: int = 0) -> list[dict]:
    """n events per side in one quarter: +1 cooperative, -1 conflictual, 0 balanced."""
    rows = []
    for dyad, sign in signs.items():
        a, b = dyad.split("-")
        for k in range(n):
            if sign == 0:
                goldstein, quad = COOP if k % 2 == 0 else CONFLICT
            else:
                goldstein, quad = COOP if sign > 0 else CONFLICT
            i = start + len(rows)
            rows.append(
                {
                    "doc_id": f"d{i}",
                    "sentence_index": 0,
                    "sentence": f"S{i}.",
                    "start": 0,
                    "end": 3,
                    "event_date": pd.Timestamp(day),
                    "date_basis": "text",
                    "source": a + "GOV",
                    "target": b + "GOV",
                    "code": "061",
                    "root": "06",
                    "goldstein": goldstein + 0.01 * k,
                    "quad_class": quad,
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
    return rows


def one_quarter(signs: dict[str, int], n: int = 4, measure: str = "balance") -> pd.Series:
    events = pd.DataFrame(quarter_events("2024-02-10", signs, n))
    out = triangle(events, "CHN", "RUS", "USA", measure=measure)
    assert len(out) == 1
    return out.iloc[0]


def test_triangle_romantic_with_pivot() -> None:
    row = one_quarter({"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": -1})
    assert row["type"] == "romantic_triangle"
    assert row["pivot"] == "CHN" and row["balance"] == -1.0
    assert row["advantaged"] == "CHN"
    assert row["advantage_CHN"] == pytest.approx(2.0)  # (1 + 1) / 2 - (-1)
    assert row["advantage_RUS"] < 0 and row["advantage_USA"] < 0


def test_triangle_stable_marriage_with_outcast() -> None:
    row = one_quarter({"CHN-RUS": 1, "CHN-USA": -1, "RUS-USA": -1})
    assert row["type"] == "stable_marriage" and row["outcast"] == "USA"
    assert row["balance"] == 1.0 and not isinstance(row["pivot"], str)


def test_triangle_menage_a_trois_and_unit_veto() -> None:
    menage = one_quarter({"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": 1})
    veto = one_quarter({"CHN-RUS": -1, "CHN-USA": -1, "RUS-USA": -1})
    assert (menage["type"], menage["balance"]) == ("menage_a_trois", 1.0)
    assert (veto["type"], veto["balance"]) == ("unit_veto", -1.0)


def test_triangle_neutral_band_and_minimum_evidence() -> None:
    neutral = one_quarter({"CHN-RUS": 1, "CHN-USA": 0, "RUS-USA": -1})
    assert neutral["type"] == "open" and neutral["sign_CHN-USA"] == 0.0
    assert np.isnan(neutral["balance"])
    thin = one_quarter({"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": -1}, n=2)
    assert thin["type"] == "incomplete" and np.isnan(thin["sign_RUS-USA"])
    events = pd.DataFrame(
        quarter_events("2024-02-10", {"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": -1}, n=2)
    )
    balance = {"measure": "balance", "min_events": 2}
    assert triangle(events, **balance).iloc[0]["type"] == "romantic_triangle"  # type: ignore[arg-type]
    assert triangle(events, **balance, neutral_band=1.0).iloc[0]["type"] == "open"  # type: ignore[arg-type]


def test_triangle_index_measure_is_the_default_and_sign_of_the_index() -> None:
    row = one_quarter({"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": -1}, measure="index")
    assert row["type"] == "romantic_triangle" and row["pivot"] == "CHN"
    assert row["score_CHN-RUS"] > 1.0 and row["score_RUS-USA"] < -1.0
    assert row["evidence_CHN-RUS"] == pytest.approx(4.0)
    balanced = one_quarter({"CHN-RUS": 1, "CHN-USA": 0, "RUS-USA": -1}, measure="index")
    assert balanced["sign_CHN-USA"] == 0.0  # equal cooperation and conflict sit in the band
    events = pd.DataFrame(quarter_events("2024-02-10", {"CHN-RUS": 1, "RUS-USA": -1}))
    default = triangle(events)
    assert default.iloc[0]["score_CHN-RUS"] == pytest.approx(
        triangle(events, measure="index").iloc[0]["score_CHN-RUS"]
    )


def test_triangle_index_carries_thin_evidence_forward_then_forgets() -> None:
    """One sanction event reads negative in its quarter and for a half-life after; no events
    at all is unknown, not neutral."""
    rows = quarter_events("2020-02-10", {"CHN-RUS": 1, "RUS-USA": -1}, n=1)
    rows += quarter_events("2021-08-10", {"CHN-RUS": 1}, n=1, start=len(rows))
    tri = triangle(pd.DataFrame(rows), freq="quarter")
    labels = list(tri["period_label"])
    rus_usa = dict(zip(labels, tri["sign_RUS-USA"], strict=True))
    evidence = dict(zip(labels, tri["evidence_RUS-USA"], strict=True))
    assert rus_usa["2020Q1"] == -1.0 and rus_usa["2020Q2"] == -1.0 and rus_usa["2020Q3"] == -1.0
    assert evidence["2020Q3"] == pytest.approx(0.5)  # two quarters = one half-life
    assert np.isnan(rus_usa["2020Q4"]) and np.isnan(rus_usa["2021Q3"])
    assert (tri["sign_CHN-USA"].isna()).all()  # never any CHN-USA event
    assert set(tri["type"]) == {"incomplete"}
    assert tri.loc[tri["period_label"] == "2021Q3", "sign_CHN-RUS"].item() == 1.0


def test_triangle_classify_pivot_depends_on_positive_sides() -> None:
    signs = {"CHN-RUS": -1, "CHN-USA": 1, "RUS-USA": 1}
    result = classify(signs, ("CHN", "RUS", "USA"))  # type: ignore[arg-type]
    assert result["type"] == "romantic_triangle" and result["pivot"] == "USA"


def test_triangle_transitions_name_the_driving_events() -> None:
    rows = quarter_events("2024-02-10", {"CHN-RUS": 1, "CHN-USA": -1, "RUS-USA": -1})
    rows += quarter_events(
        "2024-05-10", {"CHN-RUS": 1, "CHN-USA": 1, "RUS-USA": -1}, start=len(rows)
    )
    events = pd.DataFrame(rows)
    tri = triangle(events)
    assert list(tri["type"]) == ["stable_marriage", "romantic_triangle"]
    moves = transitions(events, tri)
    assert len(moves) == 1
    move = moves.iloc[0]
    assert (move["from_type"], move["to_type"], move["pivot"]) == (
        "stable_marriage",
        "romantic_triangle",
        "CHN",
    )
    assert move["changes"] == "CHN-USA −→+"
    drivers = events.set_index("event_id").loc[list(move["driver_event_ids"])]
    assert len(drivers) == 4
    assert set(drivers["source"]) == {"CHNGOV"} and set(drivers["target"]) == {"USAGOV"}
    assert (drivers["event_date"] == pd.Timestamp("2024-05-10")).all()
    assert drivers["goldstein"].is_monotonic_decreasing  # strongest first


def test_triangle_rejects_repeated_actor() -> None:
    with pytest.raises(AnalyticsError):
        triangle(pd.DataFrame(quarter_events("2024-02-10", {"CHN-RUS": 1})), "CHN", "CHN", "USA")
