"""The Python API: ``db = tripolar.open("tripolar.duckdb")`` and DataFrames out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from tripolar.config import DEFAULT_DB
from tripolar.store import Store


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
    ) -> pd.DataFrame:
        """Events with their evidence; columns as in docs/api.md."""
        return self.store.events(
            dyad=dyad, actors=actors, since=_date(since), until=_date(until), code=code
        )

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


def open(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Database:  # noqa: A001
    """Open (or create) a tripolar database file."""
    return Database(Store.open(path, read_only=read_only))


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
