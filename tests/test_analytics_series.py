"""Dyad series, relation index and bootstrap on hand-made event tables."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tripolar.analytics import relation_index, relations
from tripolar.analytics.series import band
from tripolar.errors import AnalyticsError
from tripolar.model import CodedDocument, Document, Event, Sentence


def make_events(rows: list[tuple[str, str, str, float, int]]) -> pd.DataFrame:
    """rows of (date, source, target, goldstein, quad_class) -> a Store.events()-like frame."""
    records = []
    for i, (day, source, target, goldstein, quad) in enumerate(rows):
        records.append(
            {
                "doc_id": f"d{i}",
                "sentence_index": 0,
                "sentence": f"Sentence {i}.",
                "start": 0,
                "end": 12,
                "event_date": pd.Timestamp(day) if day else pd.NaT,
                "date_basis": "text",
                "source": source,
                "target": target,
                "code": "040",
                "root": "04",
                "goldstein": goldstein,
                "quad_class": quad,
                "rule": "test",
                "source_text": "",
                "target_text": "",
                "trigger_start": 0,
                "trigger_end": 8,
                "event_id": f"e{i:03d}",
                "title": "t",
                "url": "https://example.org",
                "published": pd.NaT,
            }
        )
    return pd.DataFrame(records)


def test_series_counts_and_net_cooperation() -> None:
    events = make_events(
        [
            ("2024-01-03", "CHNGOV", "RUSGOV", 8.0, 1),
            ("2024-01-09", "RUSGOV", "CHNMIL", 6.4, 2),
            ("2024-01-20", "CHNGOV", "RUSGOV", -2.0, 3),
            ("2024-02-02", "RUSGOV", "CHNGOV", -0.4, 1),  # quad 1 with a negative Goldstein
            ("2024-02-02", "CHNGOV", "CHNGOV", 5.0, 1),  # domestic: left out
            (None, "CHNGOV", "RUSGOV", 9.0, 2),  # undated: left out
        ]
    )
    out = relations(events, actors=("CHN", "RUS"), n_boot=0)
    jan, feb = out.iloc[0], out.iloc[1]
    assert list(out["dyad"]) == ["CHN-RUS", "CHN-RUS"]
    assert (jan["n_events"], jan["n_verbal_coop"], jan["n_material_coop"]) == (3, 1, 1)
    assert jan["n_verbal_conflict"] == 1 and jan["n_material_conflict"] == 0
    assert jan["goldstein_sum"] == pytest.approx(12.4)
    assert jan["goldstein_mean"] == pytest.approx(12.4 / 3)
    assert jan["net_coop"] == pytest.approx(8.0 + 6.4 - 2.0)
    assert jan["coop_balance"] == pytest.approx(12.4 / 16.4)
    # net cooperation follows the quad class, weighted by |Goldstein|
    assert feb["net_coop"] == pytest.approx(0.4)
    assert feb["goldstein_sum"] == pytest.approx(-0.4)
    assert jan["period_label"] == "2024-01"


def test_series_directed_splits_dyads_and_fills_grid() -> None:
    events = make_events(
        [
            ("2024-01-03", "CHNGOV", "USAGOV", -5.0, 4),
            ("2024-04-03", "USAGOV", "CHNGOV", 3.0, 1),
        ]
    )
    out = relations(events, actors=("CHN", "USA"), freq="month", directed=True, n_boot=0)
    assert sorted(out["dyad"].unique()) == ["CHN->USA", "USA->CHN"]
    forward = out[out["dyad"] == "CHN->USA"]
    assert list(forward["period_label"]) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert list(forward["n_events"]) == [1, 0, 0, 0]
    assert np.isnan(forward["goldstein_mean"].iloc[1])


def test_relation_index_decay_math() -> None:
    decay = 0.5  # half-life of one period
    values = relation_index(
        np.array([8.0, 0.0, 0.0]),
        np.array([2.0, 0.0, 0.0]),
        decay=decay,
        prior_events=2.0,
        scale=4.0,
    )
    # t0: S=8, N=2 -> 9 tanh(8/4/4); t1: S=4, N=1 -> 9 tanh(4/3/4); t2: S=2, N=0.5
    expected = [9 * np.tanh(8 / 4 / 4), 9 * np.tanh(4 / 3 / 4), 9 * np.tanh(2 / 2.5 / 4)]
    assert values == pytest.approx(expected)
    assert abs(values[2]) < abs(values[1]) < abs(values[0])  # decays toward neutral


def test_relation_index_stays_on_scale() -> None:
    values = relation_index(np.full(50, 1000.0), np.full(50, 100.0), decay=0.9, prior_events=0)
    assert np.all(values <= 9.0) and np.all(values > 8.8)  # 9 tanh(10 / 4)
    assert band(7.0) == "friendly" and band(-7.0) == "confrontational" and band(0.5) == "ordinary"


def test_series_index_half_life_by_freq() -> None:
    events = make_events([("2024-01-15", "CHNGOV", "RUSGOV", 8.0, 1)])
    monthly = relations(
        events,
        actors=("CHN", "RUS"),
        until=dt.date(2024, 7, 31),
        n_boot=0,
        half_life=6.0,
        prior_events=0.0,
    )
    # with no new events and no prior the decayed mean stays at 8
    assert monthly["relation_index"].iloc[-1] == pytest.approx(9 * np.tanh(2.0))
    with_prior = relations(
        events,
        actors=("CHN", "RUS"),
        until=dt.date(2024, 7, 31),
        n_boot=0,
        half_life=6.0,
        prior_events=1.0,
    )
    # after six months the evidence weighs half: S = 4, N = 0.5
    assert with_prior["relation_index"].iloc[6] == pytest.approx(9 * np.tanh(4 / 1.5 / 4))


def _busy_events() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    rows = []
    for i in range(300):
        day = dt.date(2024, 1 + i % 6, 1 + i % 27).isoformat()
        coop = rng.random() < 0.6
        rows.append(
            (
                day,
                "CHNGOV",
                "USAGOV",
                float(rng.choice([1.0, 3.4, 8.0]))
                if coop
                else float(rng.choice([-2.0, -5.0, -8.0])),
                1 if coop else 4,
            )
        )
    return make_events(rows)


def test_series_bootstrap_contains_point_and_is_deterministic() -> None:
    events = _busy_events()
    first = relations(events, actors=("CHN", "USA"), n_boot=400, seed=11)
    again = relations(events, actors=("CHN", "USA"), n_boot=400, seed=11)
    other = relations(events, actors=("CHN", "USA"), n_boot=400, seed=12)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["net_coop_lo"], other["net_coop_lo"])
    for figure in (
        "goldstein_sum",
        "goldstein_mean",
        "net_coop",
        "coop_balance",
        "relation_index",
        "n_verbal_coop",
    ):
        assert (first[f"{figure}_lo"] <= first[figure] + 1e-9).all(), figure
        assert (first[f"{figure}_hi"] >= first[figure] - 1e-9).all(), figure
        assert (first[f"{figure}_hi"] > first[f"{figure}_lo"]).all(), figure


def test_series_bootstrap_for_one_dyad_ignores_other_dyads() -> None:
    events = _busy_events()
    extra = make_events([("2024-02-03", "RUSGOV", "USAGOV", -8.0, 4)])
    alone = relations(events, actors=("CHN", "USA"), n_boot=100)
    mixed = relations(pd.concat([events, extra]), actors=("CHN", "RUS", "USA"), n_boot=100)
    mine = mixed[mixed["dyad"] == "CHN-USA"].reset_index(drop=True)
    pd.testing.assert_series_equal(alone["net_coop_hi"], mine["net_coop_hi"])


def test_series_store_sql_matches_dataframe(store) -> None:  # type: ignore[no-untyped-def]
    docs = []
    for i, (day, source, target, goldstein, quad) in enumerate(
        [
            (dt.date(2024, 1, 5), "CHNGOV", "RUSGOV", 8.0, 1),
            (dt.date(2024, 1, 7), "RUSGOV", "CHNGOV", -2.0, 3),
            (dt.date(2024, 3, 7), "USAGOV", "CHNGOV", -8.0, 4),
            (None, "USAGOV", "CHNGOV", -8.0, 4),
        ]
    ):
        text = f"Document number {i} about relations."
        doc = Document(doc_id=f"doc{i}", text=text, published=dt.date(2024, 1, 1))
        event = Event(
            f"doc{i}",
            0,
            0,
            len(text),
            text,
            source,
            target,
            "040",
            "04",
            goldstein,
            quad,
            day,
            "text" if day else "none",
            "test",
            0,
            8,
        )
        docs.append(CodedDocument(doc, (Sentence(f"doc{i}", 0, 0, len(text), text),), (event,)))
    store.add(docs)
    from_sql = relations(store, n_boot=50)
    from_frame = relations(store.events(), n_boot=50)
    pd.testing.assert_frame_equal(from_sql, from_frame, check_dtype=False)
    assert from_sql["n_events"].sum() == 3


def test_series_rejects_bad_arguments() -> None:
    events = make_events([("2024-01-03", "CHNGOV", "RUSGOV", 8.0, 1)])
    with pytest.raises(AnalyticsError):
        relations(events, freq="fortnight")
    with pytest.raises(AnalyticsError):
        relations(events, ci=1.5)
    with pytest.raises(AnalyticsError):
        relations(events.drop(columns=["goldstein"]))


@pytest.mark.parametrize(
    ("actors", "since"),
    [(["FRA", "GBR"], None), (["CHN", "RUS"], dt.date(2030, 1, 1)), (None, dt.date(2030, 1, 1))],
)
def test_series_empty_selection_gives_rows_without_events(
    actors: list[str] | None, since: dt.date | None
) -> None:
    # an empty selection used to die in np.bincount (float64 period positions)
    events = make_events([("2024-01-03", "CHNGOV", "RUSGOV", 8.0, 1)])
    for source in (events, events.iloc[:0]):
        frame = relations(source, actors=actors, since=since, until=dt.date(2030, 3, 1), n_boot=20)
        assert (frame["n_events"] == 0).all()
        assert set(frame["dyad"]) <= ({"FRA-GBR"} if actors == ["FRA", "GBR"] else {"CHN-RUS"})


def test_series_index_is_missing_before_the_first_event() -> None:
    events = make_events([("2024-03-03", "CHNGOV", "RUSGOV", 8.0, 1)])
    frame = relations(events, actors=["CHN", "RUS", "USA"], since=dt.date(2024, 1, 1), n_boot=20)
    china_russia = frame[frame["dyad"] == "CHN-RUS"].set_index("period_label")
    assert np.isnan(china_russia.loc["2024-02", "relation_index"])  # nothing known yet
    assert china_russia.loc["2024-02", "relation_band"] == ""
    assert china_russia.loc["2024-03", "relation_index"] > 0
    # a pair that never had an event is missing throughout, not "ordinary" at 0
    assert frame[frame["dyad"] == "RUS-USA"]["relation_index"].isna().all()
    assert frame[frame["dyad"] == "RUS-USA"]["relation_index_hi"].isna().all()
