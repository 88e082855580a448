"""The Python API: ``db = tripolar.open("tripolar.duckdb")`` and DataFrames out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tripolar.config import DEFAULT_DB, parse_date
from tripolar.store import Store
from tripolar.store.store import OWN_DATASET


class Database:
    """A tripolar database opened for analysis. Every method returns a pandas DataFrame."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def events(
        self,
        *,
        dyad: str | None = None,
        actors: Sequence[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        code: str | None = None,
        dataset: str = OWN_DATASET,
    ) -> pd.DataFrame:
        """Events with their evidence; columns as in docs/api.md. ``dataset``: whose events
        (``tripolar``, or an imported dataset such as ``gdelt2``; ``*`` for all)."""
        return self.store.events(
            dyad=dyad, actors=actors, since=_date(since), until=_date(until), code=code,
            dataset=dataset,
        )  # fmt: skip

    def distinct_events(
        self,
        *,
        dyad: str | None = None,
        actors: Sequence[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        code: str | None = None,
        dataset: str = OWN_DATASET,
    ) -> pd.DataFrame:
        """Each real event once, with its mentions, documents and sources (docs/methods.md).
        ``dataset`` as in `events`; events of different datasets are never one event."""
        return self.store.distinct_events(
            dyad=dyad, actors=actors, since=_date(since), until=_date(until), code=code,
            dataset=dataset,
        )  # fmt: skip

    def assessments(
        self,
        *,
        dyad: str | None = None,
        holder: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> pd.DataFrame:
        """Judgements stated in commentary (not events); columns in docs/assessments.md."""
        return self.store.assessments(
            dyad=dyad, holder=holder, since=_date(since), until=_date(until)
        )

    def relations(
        self,
        *,
        actors: Sequence[str] | None = ("CHN", "RUS", "USA"),
        freq: str = "month",
        directed: bool = False,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        dataset: str = OWN_DATASET,
        **options: Any,
    ) -> pd.DataFrame:
        """Dyad series with bootstrap intervals and the relation index (docs/methods.md)."""
        from tripolar.analytics import relations

        return relations(
            self.store.scoped(dataset), actors=actors, freq=freq, directed=directed,
            since=_date(since), until=_date(until), **options,
        )  # fmt: skip

    def triangle(
        self,
        a: str = "CHN",
        b: str = "RUS",
        c: str = "USA",
        *,
        freq: str = "quarter",
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        dataset: str = OWN_DATASET,
        **options: Any,
    ) -> pd.DataFrame:
        """Dittmer's triangle per period: signs, type, pivot, balance (docs/methods.md)."""
        from tripolar.analytics import triangle

        return triangle(
            self.store.scoped(dataset),
            a,
            b,
            c,
            freq=freq,
            since=_date(since),
            until=_date(until),
            **options,
        )

    def change_points(
        self,
        dyad: str = "CHN-RUS",
        *,
        freq: str = "month",
        dataset: str = OWN_DATASET,
        **options: Any,
    ) -> pd.DataFrame:
        """Change points in a dyad's series, each with the ids of its evidence events."""
        from tripolar.analytics import change_points

        events = self.store.events(dyad=dyad, dataset=dataset)
        return change_points(events, dyad=dyad, freq=freq, **options)

    def topics(
        self, *, actors: Sequence[str] = ("CHN", "RUS", "USA"), dataset: str = OWN_DATASET
    ) -> pd.DataFrame:
        """Events per cooperation area and dyad."""
        from tripolar.analytics import topic_breakdown

        return topic_breakdown(self.store.scoped(dataset), actors=actors)

    def report(
        self, path: str | Path = "report.html", *, dataset: str = OWN_DATASET, **options: Any
    ) -> Path:
        """Write the self-contained HTML report of one dataset's events; returns its path.
        ``compare="gdelt2"`` adds the comparison with another dataset."""
        from tripolar.report import render_report

        return render_report(self.store.scoped(dataset), path, **options)

    def compare(
        self,
        other: str,
        *,
        dataset: str = OWN_DATASET,
        actors: Sequence[str] = ("CHN", "RUS", "USA"),
        freq: str = "month",
    ) -> pd.DataFrame:
        """Per dyad: events in each dataset and the correlation of their series."""
        from tripolar.analytics import compare_datasets

        return compare_datasets(self.store, dataset, other, actors=actors, freq=freq).summary

    def datasets(self) -> pd.DataFrame:
        """The datasets in the store with their number of events and date range."""
        return self.store.datasets()

    def documents(self) -> pd.DataFrame:
        return self.store.documents()

    def failures(self) -> pd.DataFrame:
        return self.store.failures()

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(
    path: str | Path = DEFAULT_DB, *, read_only: bool = False, create: bool = False
) -> Database:
    """Open a tripolar database file; a missing file raises DatabaseNotFoundError (a typo
    must not give an empty database) unless ``create=True``."""
    return Database(Store.open(path, read_only=read_only, create=create))


def _date(value: dt.date | str | None) -> dt.date | None:
    return parse_date(value, what="since/until")
