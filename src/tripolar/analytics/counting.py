"""What one event counts for in a series: the weighting of reports, and date precision.

A real event reported by ten articles is one event (store/identity.py). The series count

* ``"distinct"`` (the default): each distinct event once, whatever its number of reports;
* ``"mention"``: each report (mention) once, as GDELT's event counts do - an event written
  about ten times weighs ten;
* ``"log"``: each distinct event ``1 + ln(mentions)``: more reports weigh more, but slowly.

Date precision: an event known only to a year ("in 1979", stored as 1979-01-01 with
precision "year") is counted in yearly and whole-span series only, and an event known to a
month in monthly, quarterly, yearly and whole-span ones; weekly series take day-precision
events only. A coarse date is never read as a day in January or a first of the month.
See docs/methods.md, "Distinct events".
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from tripolar.errors import AnalyticsError
from tripolar.model import DATED_BY_TEXT

Weighting = Literal["distinct", "mention", "log"]
WEIGHTINGS: tuple[str, ...] = ("distinct", "mention", "log")

_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def check_weighting(weighting: str) -> str:
    if weighting not in WEIGHTINGS:
        raise AnalyticsError(f"weighting {weighting!r} is not one of {', '.join(WEIGHTINGS)}")
    return weighting


def placeable(freq: str) -> tuple[str, ...]:
    """The date precisions a series of this frequency can place in its periods."""
    if freq in ("year", "all"):
        return ("day", "month", "year")
    if freq in ("month", "quarter"):
        return ("day", "month")
    return ("day",)


def sql_source(weighting: str) -> tuple[str, str]:
    """(table, SQL expression of one row's weight) for a weighting."""
    check_weighting(weighting)
    if weighting == "mention":
        return "current_events", "1"
    if weighting == "log":
        return "distinct_events", "1 + ln(mentions)"
    return "distinct_events", "1"


def counted(events: pd.DataFrame, weighting: str, freq: str) -> pd.DataFrame:
    """The rows of a ``Store.events()`` frame that a series counts, with a ``weight`` column.

    Mentions of one distinct event (``distinct_id``) collapse to the one with the best date
    (a date from the text, the most precise); frames without ``distinct_id`` (built by hand)
    count each row as an event. Rows whose date is too coarse for ``freq`` are left out.
    """
    check_weighting(weighting)
    frame = events
    if "date_precision" in frame.columns:
        frame = frame[frame["date_precision"].fillna("day").isin(placeable(freq))]
    if weighting == "mention" or "distinct_id" not in frame.columns:
        return frame.assign(weight=1.0)
    ranked = frame.assign(
        _text=~frame["date_basis"].isin(DATED_BY_TEXT) if "date_basis" in frame.columns else False,
        _rank=frame["date_precision"].map(_RANK).fillna(0)
        if "date_precision" in frame.columns
        else 0,
    )
    ranked = ranked.sort_values(["distinct_id", "_text", "_rank"], kind="stable")
    reports = ranked.groupby("distinct_id", sort=False)["distinct_id"].transform("size")
    if "mentions" in ranked.columns:  # reports outside the frame's filter count too
        reports = ranked["mentions"].fillna(reports).astype(float)
    best = ranked.assign(_reports=reports).drop_duplicates("distinct_id", keep="first")
    weight = 1.0 + np.log(best["_reports"].astype(float)) if weighting == "log" else 1.0
    return best.assign(weight=weight).drop(columns=["_text", "_rank", "_reports"])
