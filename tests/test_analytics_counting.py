"""What one event counts for: distinct events by default, per mention or log-weighted on
request, and coarse dates only in periods that can hold them."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tripolar.analytics import category_table, relations
from tripolar.analytics.counting import counted
from tripolar.errors import AnalyticsError
from tripolar.model import CodedDocument, Document, Event
from tripolar.store import Store


def frame() -> pd.DataFrame:
    rows = [  # three reports of one meeting, one of a sanction, one event "in 2019"
        ("m1", "d1", "2019-06-05", "text", "day", "CHNGOV", "RUSGOV", 1, 1.0, 3),
        ("m2", "d1", "2019-06-06", "publication", "day", "RUSGOV", "CHNGOV", 1, 1.0, 3),
        ("m3", "d2", "2019-06-05", "text", "day", "CHN", "RUS", 1, 1.0, 3),
        ("s1", "d3", "2019-06-20", "text", "day", "USA", "RUS", 4, -8.0, 1),
        ("y1", "d4", "2019-01-01", "text", "year", "CHN", "RUS", 2, 7.0, 1),
    ]
    columns = ["event_id", "doc_id", "event_date", "date_basis", "date_precision", "source",
               "target", "quad_class", "goldstein", "mentions"]  # fmt: skip
    out = pd.DataFrame(rows, columns=columns)
    out["event_date"] = pd.to_datetime(out["event_date"])
    out["distinct_id"] = ["m1", "m1", "m1", "s1", "y1"]
    return out


def total(table: pd.DataFrame, dyad: str) -> float:
    return float(table.loc[table["dyad"] == dyad, "n"].sum())


def test_counting_distinct_events_by_default_and_per_mention_on_request() -> None:
    monthly = category_table(frame(), actors=None, freq="month", directed=False)
    assert total(monthly, "CHN-RUS") == 1 and total(monthly, "RUS-USA") == 1
    per_mention = category_table(
        frame(), actors=None, freq="month", directed=False, weighting="mention"
    )
    assert total(per_mention, "CHN-RUS") == 3
    logged = category_table(frame(), actors=None, freq="month", directed=False, weighting="log")
    assert total(logged, "CHN-RUS") == pytest.approx(1 + math.log(3))


def test_counting_keeps_the_mention_with_the_text_date() -> None:
    kept = counted(frame(), "distinct", "month")
    assert kept.loc[kept["distinct_id"] == "m1", "event_id"].tolist() == ["m1"]


def test_counting_never_puts_a_year_into_january() -> None:
    monthly = category_table(frame(), actors=None, freq="month", directed=False)
    assert pd.Timestamp("2019-01-01") not in set(monthly["period"])
    yearly = category_table(frame(), actors=None, freq="year", directed=False)
    assert total(yearly, "CHN-RUS") == 2  # the meeting and the event of 2019
    series = relations(frame(), actors=("CHN", "RUS"), freq="month", n_boot=0)
    assert series.loc[series["period"] == pd.Timestamp("2019-01-01"), "n_events"].sum() == 0


def test_counting_log_weights_have_bootstrap_bounds() -> None:
    series = relations(frame(), actors=("CHN", "RUS"), freq="year", n_boot=50, weighting="log")
    row = series.iloc[-1]
    assert row["n_events"] == pytest.approx(2 + math.log(3))
    assert row["goldstein_sum_lo"] <= row["goldstein_sum"] <= row["goldstein_sum_hi"]


def test_counting_unknown_weighting_is_an_error() -> None:
    with pytest.raises(AnalyticsError, match="weighting"):
        category_table(frame(), actors=None, freq="month", directed=False, weighting="every")


def test_counting_in_duckdb_follows_the_same_rules(store: Store) -> None:
    import datetime as dt

    text = "In 2019 China and Russia held talks; they met again on 5 June 2019."
    document = Document(doc_id="d1", text=text, published=dt.date(2019, 6, 7))
    events = [
        Event(doc_id="d1", sentence_index=0, start=0, end=len(text), sentence=text,
              source=source, target=target, code="040", root="04", goldstein=1.0, quad_class=1,
              event_date=day, date_basis="text", rule="test", trigger_start=trigger,
              event_id=f"e{trigger}", date_precision=precision)
        for source, target, day, precision, trigger in [
            ("CHN", "RUS", dt.date(2019, 1, 1), "year", 1),
            ("CHN", "RUS", dt.date(2019, 6, 5), "day", 2),
            ("RUS", "CHN", dt.date(2019, 6, 5), "day", 3),
        ]
    ]  # fmt: skip
    store.add([CodedDocument(document, (), tuple(events))])
    monthly = category_table(store, actors=None, freq="month", directed=False)
    assert monthly["period"].tolist() == [pd.Timestamp("2019-06-01")]
    assert monthly["n"].tolist() == [1]  # one meeting, both directions: one event
    yearly = category_table(store, actors=None, freq="year", directed=False)
    assert yearly["n"].sum() == 1  # the year-precision talks join the June meeting in-document
    mentions = category_table(store, actors=None, freq="year", directed=False, weighting="mention")
    assert mentions["n"].sum() == 3
