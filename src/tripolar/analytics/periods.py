"""Shared building blocks: periods, dyad names, country codes and the event input check.

Every analytic works on the DataFrame that ``Store.events()`` returns. Actors are compared
by *country*: the first three letters of their CAMEO code (``CHNGOV`` -> ``CHN``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from tripolar.actors.lookup import resolve_actor, resolve_actors, resolve_dyad
from tripolar.errors import AnalyticsError
from tripolar.model import UNKNOWN_COUNTRY

Freq = Literal["week", "month", "quarter", "year", "all"]

FREQS: tuple[str, ...] = ("week", "month", "quarter", "year", "all")

# Average length of one period in months, used to convert a half-life given in months.
PERIOD_MONTHS: dict[str, float] = {
    "week": 7 / 30.436875,
    "month": 1.0,
    "quarter": 3.0,
    "year": 12.0,
}

_PANDAS_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
_SQL_TRUNC = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}

QUAD_NAMES: dict[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

REQUIRED_COLUMNS: tuple[str, ...] = ("event_date", "source", "target", "goldstein", "quad_class")


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise AnalyticsError(f"freq {freq!r} is not one of {', '.join(FREQS)}")
    return freq


def check_events(events: pd.DataFrame, extra: Iterable[str] = ()) -> None:
    """Raise AnalyticsError when ``events`` lacks a column the analytic needs."""
    if not isinstance(events, pd.DataFrame):
        raise AnalyticsError(
            f"expected the DataFrame returned by Store.events(), got {type(events).__name__}"
        )
    missing = [c for c in (*REQUIRED_COLUMNS, *extra) if c not in events.columns]
    if missing:
        raise AnalyticsError(
            f"events table lacks column(s) {', '.join(missing)} - pass the DataFrame "
            f"returned by Store.events()"
        )


def country(codes: pd.Series) -> pd.Series:
    """CAMEO actor codes -> country codes (first three letters, upper case)."""
    return codes.astype("str").str.slice(0, 3).str.upper()


def normalise_actors(actors: Sequence[str] | str | None) -> tuple[str, ...] | None:
    """Actor arguments (codes, names, demonyms; a list or a comma-separated string) -> the
    three-letter parties the analytics compare; unknown ones raise UnknownActorError."""
    if actors is None:
        return None
    return tuple(dict.fromkeys(party(code) for code in resolve_actors(actors)))


def triangle_actors(a: str, b: str, c: str) -> tuple[str, str, str]:
    """Three actor arguments -> three different parties, or AnalyticsError."""
    parties = tuple(party(resolve_actor(x)) for x in (a, b, c))
    if len(set(parties)) != 3:
        raise AnalyticsError(f"a triangle needs three different actors, got {', '.join(parties)}")
    return parties[0], parties[1], parties[2]


def party(code: str) -> str:
    """The three-letter party of an actor code (``RUSGOV`` -> ``RUS``, ``IGOWSTNAT`` -> IGO)."""
    return code[:3]


def parse_dyad(dyad: str) -> tuple[str, str, bool]:
    """``"CHN-RUS"`` or ``"China-Russia"`` -> (CHN, RUS, undirected); ``"CHN->RUS"`` ->
    (CHN, RUS, directed). Unknown actors raise UnknownActorError with a suggestion."""
    a, b, directed = resolve_dyad(dyad)
    return party(a), party(b), directed


def dyad_name(a: str, b: str, *, directed: bool) -> str:
    """Canonical dyad label: ``CHN->RUS`` when directed, else the two codes sorted, ``CHN-RUS``."""
    if directed:
        return f"{a}->{b}"
    first, second = sorted((a, b))
    return f"{first}-{second}"


def dyad_labels(src: pd.Series, tgt: pd.Series, *, directed: bool) -> pd.Series:
    """Vectorised dyad_name over two country Series."""
    if directed:
        return src + "->" + tgt
    low = np.where(src.to_numpy() <= tgt.to_numpy(), src, tgt)
    high = np.where(src.to_numpy() <= tgt.to_numpy(), tgt, src)
    return (
        pd.Series(low, index=src.index, dtype="str")
        + "-"
        + pd.Series(high, index=src.index, dtype="str")
    )


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of the period each date falls in (weeks start on Monday)."""
    check_freq(freq)
    values = pd.to_datetime(dates)
    if freq == "all":
        return pd.Series(
            pd.Timestamp(values.min()).normalize() if len(values) else pd.NaT,
            index=dates.index,
            dtype="datetime64[us]",
        )
    starts = values.dt.to_period(_PANDAS_FREQ[freq]).dt.start_time
    return starts.astype("datetime64[us]")


def period_grid(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    """All period starts from the period of ``first`` to the period of ``last``, inclusive."""
    check_freq(freq)
    if freq == "all":
        return pd.DatetimeIndex([pd.Timestamp(first)]).astype("datetime64[us]")
    ends = pd.Series([pd.Timestamp(first), pd.Timestamp(last)])
    start, stop = period_start(ends, freq)
    code = {"week": "7D", "month": "MS", "quarter": "QS", "year": "YS"}[freq]
    return pd.date_range(start, stop, freq=code).astype("datetime64[us]")


def period_label(starts: pd.Series | pd.DatetimeIndex, freq: str) -> pd.Series:
    """Human labels: 2024-W05, 2024-03, 2024Q1, 2024; ``all`` -> 'all'."""
    values = pd.Series(pd.to_datetime(starts))
    if freq == "all":
        return pd.Series(["all"] * len(values), dtype="str")
    if freq == "week":
        iso = values.dt.isocalendar()
        return iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    if freq == "month":
        return values.dt.strftime("%Y-%m")
    if freq == "quarter":
        return values.dt.year.astype(str) + "Q" + values.dt.quarter.astype(str)
    return values.dt.year.astype(str)


def sql_period(freq: str, column: str = "event_date") -> str:
    """A DuckDB expression giving the period start of ``column`` (matches period_start).

    For ``all`` it returns a constant; the caller replaces it by the first date afterwards.
    """
    check_freq(freq)
    if freq == "all":
        return "DATE '1970-01-05'"
    return f"CAST(date_trunc('{_SQL_TRUNC[freq]}', {column}) AS DATE)"


def dated(events: pd.DataFrame) -> pd.DataFrame:
    """Events with an event date (the series skip undated events)."""
    return events[events["event_date"].notna()]


def restrict(
    events: pd.DataFrame,
    *,
    actors: tuple[str, ...] | None,
    include_domestic: bool = False,
) -> pd.DataFrame:
    """Add ``src``/``tgt`` country columns and keep dated events among ``actors``; a party
    of unknown country (``---REB``) belongs to no dyad."""
    frame = dated(events)
    src = country(frame["source"])
    tgt = country(frame["target"])
    keep = (src != UNKNOWN_COUNTRY) & (tgt != UNKNOWN_COUNTRY)
    if actors is not None:
        keep &= src.isin(actors) & tgt.isin(actors)
    if not include_domestic:
        keep &= src != tgt
    out = frame.loc[keep].copy()
    out["src"] = src[keep]
    out["tgt"] = tgt[keep]
    return out
