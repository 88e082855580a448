"""Commentary lines and the commentary triangle on hand-made assessment tables (issue 7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest

from tripolar.analytics import (
    annotate_assessments,
    assessment_series,
    assessment_triangle,
    compare_triangles,
    subject_dyads,
    top_assessments,
    triangle,
)
from tripolar.errors import AnalyticsError
from tripolar.model import Assessment, CodedDocument, Document, Event, Sentence
from tripolar.store import Store

Judgement = tuple[str, float, float]  # subject, polarity, intensity


def commentary(doc_id: str, day: dt.date, judgements: list[Judgement]) -> CodedDocument:
    """A document with one sentence per judgement, each carrying one assessment."""
    sentences, records, text = [], [], ""
    for i, (subject, polarity, intensity) in enumerate(judgements):
        sentence = f"Judgement {i} on {subject} reads {polarity:+.2f}."
        start = len(text)
        text += sentence + " "
        sentences.append(Sentence(doc_id, i, start, start + len(sentence), sentence))
        scope = {1: "actor", 2: "dyad"}.get(subject.count("-") + 1, "triad")
        records.append(
            Assessment(
                doc_id=doc_id,
                sentence_index=i,
                start=start,
                end=start + len(sentence),
                sentence=sentence,
                subject=subject,
                scope=scope,  # type: ignore[arg-type]
                polarity=polarity,
                intensity=intensity,
                dimension="overall",
                time="present",
                modality="fact",
                holder="author",
                published=day,
                cue_start=start + 11,
                cue_end=start + 13,
            )
        )
    document = Document(doc_id=doc_id, text=text, title=doc_id, published=day)
    return CodedDocument(document, tuple(sentences), (), assessments=tuple(records))


def event_doc(doc_id: str, day: dt.date, pairs: list[tuple[str, str, float, int]]) -> CodedDocument:
    events = tuple(
        Event(doc_id, i, 0, 5, "Text.", f"{a}GOV", f"{b}GOV", "040", "04", g, q, day, "text",
              "t", trigger_start=0, trigger_end=4)
        for i, (a, b, g, q) in enumerate(pairs)
    )  # fmt: skip
    document = Document(doc_id=doc_id, text="Text.", title=doc_id, published=day)
    return CodedDocument(document, (Sentence(doc_id, 0, 0, 5, "Text."),), events)


@pytest.fixture
def db() -> Iterator[Store]:
    store = Store.open(":memory:")
    store.add(
        [
            commentary("a1", dt.date(2020, 2, 10), [("CHN-RUS", 0.8, 1.0), ("CHN-RUS", -0.4, 0.5)]),
            commentary("a2", dt.date(2020, 5, 3), [("CHN-RUS-USA", -0.6, 0.9), ("RUS", 0.7, 1.0)]),
            commentary("a3", dt.date(2020, 8, 20), [("CHN-USA", -0.5, 0.8)]),
        ]
    )
    yield store
    store.close()


def by(series: pd.DataFrame) -> pd.DataFrame:
    return series.set_index(["dyad", "period_label"])


def test_assessments_subject_dyads() -> None:
    assert subject_dyads("CHN-RUS") == ["CHN-RUS"]
    assert subject_dyads("USA-CHN-RUS") == ["CHN-RUS", "CHN-USA", "RUS-USA"]
    assert subject_dyads("RUS") == []


def test_assessment_series_weighted_mean_and_shares(db: Store) -> None:
    row = by(assessment_series(db, n_boot=0)).loc[("CHN-RUS", "2020Q1")]
    assert row["n_assessments"] == 2 and row["n_documents"] == 1
    assert row["polarity_mean"] == pytest.approx((0.8 * 1.0 - 0.4 * 0.5) / 1.5)  # 0.4
    assert row["polarity_unweighted"] == pytest.approx(0.2)
    assert row["weight"] == pytest.approx(1.5)
    assert (row["n_positive"], row["n_negative"], row["n_neutral"]) == (1, 1, 0)
    assert row["share_positive"] == pytest.approx(0.5) and row["share_negative"] == 0.5


def test_assessment_series_triad_counts_toward_each_dyad(db: Store) -> None:
    series = by(assessment_series(db, n_boot=0))
    for dyad in ("CHN-RUS", "CHN-USA", "RUS-USA"):
        row = series.loc[(dyad, "2020Q2")]
        assert row["n_assessments"] == 1, dyad  # the one-actor record (RUS) counts nowhere
        assert row["polarity_mean"] == pytest.approx(-0.6)


def test_assessment_series_gap_free_grid_and_every_dyad(db: Store) -> None:
    series = assessment_series(db, n_boot=0)
    assert sorted(series["dyad"].unique()) == ["CHN-RUS", "CHN-USA", "RUS-USA"]
    assert list(series[series["dyad"] == "RUS-USA"]["period_label"]) == [
        "2020Q1", "2020Q2", "2020Q3",
    ]  # fmt: skip
    empty = by(series).loc[("RUS-USA", "2020Q3")]
    assert empty["n_assessments"] == 0 and np.isnan(empty["polarity_mean"])


def test_assessment_series_store_and_frame_agree(db: Store) -> None:
    from_store = assessment_series(db, n_boot=50, seed=4)
    from_frame = assessment_series(db.assessments(), n_boot=50, seed=4)
    pd.testing.assert_frame_equal(from_store, from_frame)


def test_assessment_series_bootstrap_interval(db: Store) -> None:
    series = by(assessment_series(db, n_boot=400, seed=1))
    same = series.loc[("CHN-USA", "2020Q3")]  # one judgement: nothing to resample
    assert same["polarity_mean_lo"] == pytest.approx(-0.5)
    assert same["polarity_mean_hi"] == pytest.approx(-0.5)
    mixed = series.loc[("CHN-RUS", "2020Q1")]  # one document, a +0.8 and a -0.4 judgement
    assert -0.4 <= mixed["polarity_mean_lo"] < mixed["polarity_mean"]
    assert mixed["polarity_mean"] < mixed["polarity_mean_hi"] <= 0.8
    again = by(assessment_series(db, n_boot=400, seed=1)).loc[("CHN-RUS", "2020Q1")]
    assert again["polarity_mean_lo"] == mixed["polarity_mean_lo"]
    assert np.isnan(
        by(assessment_series(db, n_boot=0)).loc[("CHN-RUS", "2020Q1")]["polarity_mean_lo"]
    )


def test_assessment_series_documents_are_the_resampling_unit() -> None:
    """Ten agreeing sentences from one op-ed do not outweigh the spread between op-eds."""
    store = Store.open(":memory:")
    day = dt.date(2021, 1, 5)
    store.add(
        [
            commentary("x1", day, [("CHN-USA", -0.8, 1.0)] * 10),
            commentary("x2", day, [("CHN-USA", 0.6, 1.0)]),
            commentary("x3", day, [("CHN-USA", 0.4, 1.0)]),
        ]
    )
    series = assessment_series(store, n_boot=500, seed=0)
    row = series[series["dyad"] == "CHN-USA"].iloc[0]
    store.close()
    assert row["n_documents"] == 3 and row["n_assessments"] == 12
    assert row["polarity_mean_hi"] - row["polarity_mean_lo"] > 0.8  # op-eds disagree widely


def test_assessment_series_filters_and_errors(db: Store) -> None:
    only_q3 = assessment_series(db, n_boot=0, since=dt.date(2020, 7, 1))
    assert set(only_q3["period_label"]) == {"2020Q3"}
    assert assessment_series(db, actors=("CHN", "RUS"), n_boot=0)["dyad"].unique().tolist() == [
        "CHN-RUS"
    ]
    with pytest.raises(AnalyticsError):
        assessment_series(pd.DataFrame({"x": [1]}))
    with pytest.raises(AnalyticsError):
        assessment_series(db, freq="fortnight")
    empty = assessment_series(Store.open(":memory:"), n_boot=0)
    assert empty.empty and "polarity_mean" in empty.columns


def tri_store(judgements: dict[str, list[tuple[str, float]]]) -> Store:
    """Store with, per quarter start date, judgements (subject, polarity) at intensity 1."""
    store = Store.open(":memory:")
    store.add(
        [
            commentary(f"q{day}", dt.date.fromisoformat(day), [(s, p, 1.0) for s, p in items])
            for day, items in judgements.items()
        ]
    )
    return store


def test_assessment_triangle_stable_marriage_from_commentary() -> None:
    store = tri_store(
        {"2022-02-01": [("CHN-RUS", 0.7)] * 2 + [("CHN-USA", -0.6)] * 2 + [("RUS-USA", -0.9)] * 3}
    )
    row = assessment_triangle(store).iloc[0]
    store.close()
    assert row["type"] == "stable_marriage" and row["outcast"] == "USA"
    assert row["score_CHN-RUS"] == pytest.approx(0.7) and row["n_RUS-USA"] == 3
    assert row["sign_CHN-USA"] == -1.0 and row["balance"] == 1.0


def test_assessment_triangle_minimum_evidence_and_neutral_band() -> None:
    store = tri_store(
        {
            "2022-02-01": [("CHN-RUS", 0.7), ("CHN-USA", -0.6), ("CHN-USA", 0.5)]
            + [("RUS-USA", -0.9)] * 2
        }
    )
    row = assessment_triangle(store).iloc[0]
    assert np.isnan(row["sign_CHN-RUS"]) and row["type"] == "incomplete"  # one judgement
    assert row["sign_CHN-USA"] == 0.0  # mean -0.05 is within the neutral band
    loose = assessment_triangle(store, min_assessments=1).iloc[0]
    store.close()
    assert loose["type"] == "open"


def test_assessment_triangle_carries_evidence_with_half_life() -> None:
    store = tri_store({"2022-02-01": [("CHN-RUS", 0.7)] * 3, "2022-08-01": [("CHN-USA", -0.5)] * 2})
    carried = assessment_triangle(store).set_index("period_label")
    alone = assessment_triangle(store, half_life=None).set_index("period_label")
    store.close()
    assert carried.loc["2022Q2", "evidence_CHN-RUS"] == pytest.approx(3 * 0.5**0.5)
    assert carried.loc["2022Q2", "sign_CHN-RUS"] == 1.0  # 2.12 judgements still count
    assert np.isnan(carried.loc["2022Q3", "sign_CHN-RUS"])  # 1.5 < 2
    assert np.isnan(alone.loc["2022Q2", "sign_CHN-RUS"])
    assert carried.loc["2022Q3", "sign_CHN-USA"] == -1.0


def test_compare_triangles_flags_disagreement() -> None:
    store = tri_store(
        {"2022-02-01": [("CHN-RUS", 0.7)] * 2 + [("CHN-USA", -0.6)] * 2 + [("RUS-USA", -0.9)] * 2}
    )
    day = dt.date(2022, 2, 15)
    store.add(
        [
            event_doc(
                "ev",
                day,
                [("CHN", "RUS", 6.0, 2)] * 3 + [("CHN", "USA", 6.0, 2)] * 3
                + [("RUS", "USA", -6.0, 4)] * 3,
            )
        ]
    )  # fmt: skip
    events, comment = triangle(store), assessment_triangle(store)
    table = compare_triangles(events, comment).set_index("dyad")
    store.close()
    assert events.iloc[0]["type"] == "romantic_triangle"
    assert comment.iloc[0]["type"] == "stable_marriage"
    assert table.loc["CHN-USA", "status"] == "opposite"
    assert table.loc["CHN-USA", "flag"] == "events say +, commentary says −"
    assert table.loc["CHN-RUS", "status"] == "agree" and table.loc["CHN-RUS", "flag"] == ""
    assert table.loc["RUS-USA", "status"] == "agree"
    assert table.loc["CHN-USA", "n_assessments"] == 2
    assert table.loc["CHN-USA", "event_type"] == "romantic_triangle"


def test_compare_triangles_neutral_and_unknown() -> None:
    event_tri = pd.DataFrame(
        {"period": [pd.Timestamp("2022-01-01")], "period_label": ["2022Q1"],
         "sign_CHN-RUS": [1.0], "sign_CHN-USA": [0.0], "sign_RUS-USA": [np.nan], "type": ["open"]}
    )  # fmt: skip
    comment = event_tri.assign(
        **{"sign_CHN-RUS": [1.0], "sign_CHN-USA": [-1.0], "sign_RUS-USA": [-1.0]}
    )
    table = compare_triangles(event_tri, comment).set_index("dyad")
    assert table.loc["CHN-USA", "status"] == "differ"
    assert table.loc["CHN-USA", "flag"] == "events say 0, commentary says −"
    assert table.loc["RUS-USA", "status"] == "unknown" and table.loc["RUS-USA", "flag"] == ""


def test_annotate_and_top_assessments(db: Store) -> None:
    rows = annotate_assessments(db.assessments(), freq="quarter", actors=("CHN", "RUS", "USA"))
    assert len(rows) == 2 + 3 + 1  # the triad sentence appears under its three dyads
    assert set(rows[rows["doc_id"] == "a2"]["dyad"]) == {"CHN-RUS", "CHN-USA", "RUS-USA"}
    top = top_assessments(rows[rows["dyad"] == "CHN-RUS"], n=2)
    assert list(top["polarity"]) == [0.8, -0.6]  # 0.8 x 1.0, then 0.6 x 0.9 (0.4 x 0.5 last)
