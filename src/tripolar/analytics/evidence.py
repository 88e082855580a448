"""Picking the events behind a figure: by dyad, period and the direction of a change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from tripolar.analytics.periods import (
    check_events,
    dyad_labels,
    normalise_actors,
    parse_dyad,
    period_start,
    restrict,
)

Direction = Literal["up", "down", "any"]


def annotate(
    events: pd.DataFrame,
    *,
    freq: str,
    actors: Sequence[str] | None = None,
    directed: bool = False,
    include_domestic: bool = False,
) -> pd.DataFrame:
    """Dated events among ``actors`` with ``src``, ``tgt``, ``dyad`` and ``period`` added."""
    check_events(events)
    frame = restrict(events, actors=normalise_actors(actors), include_domestic=include_domestic)
    frame["dyad"] = dyad_labels(frame["src"], frame["tgt"], directed=directed)
    frame["period"] = period_start(frame["event_date"], freq)
    return frame


def top_events(frame: pd.DataFrame, *, direction: Direction = "any", n: int = 5) -> pd.DataFrame:
    """The ``n`` events that push hardest in ``direction`` (up: most cooperative first).

    Ties are broken by date and event id so the choice is deterministic.
    """
    if frame.empty:
        return frame
    gold = frame["goldstein"].astype(float)
    key = {"up": -gold, "down": gold, "any": -gold.abs()}[direction]
    ranked = frame.assign(_key=key.to_numpy())
    tiebreak = [c for c in ("event_date", "event_id") if c in ranked.columns]
    ranked = ranked.sort_values(["_key", *tiebreak], kind="stable")
    return ranked.drop(columns="_key").head(n)


def dyad_events(
    annotated: pd.DataFrame,
    dyad: str,
    *,
    first: dt.date | pd.Timestamp | None = None,
    last: dt.date | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Rows of an ``annotate``d frame for one dyad and an optional period range (inclusive)."""
    a, b, directed = parse_dyad(dyad)
    if directed:
        mask = (annotated["src"] == a) & (annotated["tgt"] == b)
    else:
        mask = ((annotated["src"] == a) & (annotated["tgt"] == b)) | (
            (annotated["src"] == b) & (annotated["tgt"] == a)
        )
    if first is not None:
        mask &= annotated["period"] >= pd.Timestamp(first)
    if last is not None:
        mask &= annotated["period"] <= pd.Timestamp(last)
    return annotated[mask]
