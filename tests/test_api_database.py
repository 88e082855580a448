"""The Python API of the README: tripolar.open(...) and DataFrames out."""

from __future__ import annotations

from pathlib import Path

import pytest

import tripolar


@pytest.mark.slow
def test_api_readme_calls_return_frames(demo_db: Path, tmp_path: Path) -> None:
    with tripolar.open(demo_db, read_only=True) as db:
        events = db.events(dyad="CHN-RUS", since="2019-01-01")
        assert len(events) > 5 and set(events["source"].str[:3]) <= {"CHN", "RUS"}
        assert (events["event_date"].dt.year >= 2019).all()
        series = db.relations(actors=["CHN", "RUS", "USA"], freq="quarter", n_boot=50)
        assert {"dyad", "relation_index", "relation_index_lo", "relation_index_hi"} <= set(
            series.columns
        )
        assert set(series["dyad"]) == {"CHN-RUS", "CHN-USA", "RUS-USA"}
        triangle = db.triangle("CHN", "RUS", "USA", freq="year")
        assert {"type", "pivot", "balance"} <= set(triangle.columns)
        views = db.assessments(dyad="CHN-USA")
        assert len(views) > 0 and views["polarity"].between(-1, 1).all()
        assert db.counts()["documents"] == len(db.documents())
        path = db.report(tmp_path / "r.html", since=None)
        assert path.stat().st_size > 100_000


def test_api_open_creates_an_empty_database_only_when_asked(tmp_path: Path) -> None:
    with pytest.raises(tripolar.TripolarError, match=r"E043.*typo.duckdb does not exist"):
        tripolar.open(tmp_path / "typo.duckdb")
    assert not (tmp_path / "typo.duckdb").exists()
    with tripolar.open(tmp_path / "new.duckdb", create=True) as db:
        assert db.counts()["events"] == 0
        assert db.events().empty
