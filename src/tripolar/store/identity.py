"""Event identity: which coded mentions report the same real event.

One real event is reported many times: in the headline, lead and body of an article, and by
many outlets, in different words and on different days. Two mentions are *linked* when

* their countries are the same pair - in the same direction, or in either direction for
  acts that are joint by nature (consult, cooperate diplomatically or materially, fight:
  roots 04, 05, 06, 19, so "Xi hosted Putin" and "Putin visited Xi" are one act);
* their codes are of one family: the same root, except that a phone call (041) is never the
  same act as a meeting;
* their dates are compatible given their precision (`dates_compatible`).

A *distinct event* is a connected component of the links among the current (not
superseded) mentions; its id is the smallest ``event_id`` among its mentions. The links
depend only on the two mentions, never on what else is stored or in which order it came,
so the components - and the ids - are the same whatever the ingest order (a Hypothesis test
guards this), and a new document joins existing events by the same rule. See
docs/methods.md, "Distinct events".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tripolar.model import Event, date_precision_of
from tripolar.sameness import link_key  # the same act: countries and code family

ACROSS_DAYS = 1
"""Two day-precision dates from the text may differ by this many days (time zones, 'late on
Monday' reported as Tuesday)."""

REPORT_LAG_DAYS = 2
"""A publication-date mention ("Xi meets Putin", no date in the sentence) may report an
event up to this many days before its publication."""

IN_DOCUMENT_LAG_DAYS = 7
"""Within one document, a publication-date mention may stand for an event up to a week
before publication (the headline of a weekly round-up)."""

MAX_DAY_SPAN = IN_DOCUMENT_LAG_DAYS + ACROSS_DAYS
"""No two linked day-precision dates are further apart than this (for candidate look-ups)."""

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """What identity needs of one stored event row (a *mention* of a real event)."""

    event_id: str
    doc_id: str
    source_country: str
    target_country: str
    code: str
    event_date: dt.date | None
    date_basis: str  # text, publication, none
    date_precision: str  # day, month, year, unknown
    dataset: str = "tripolar"  # events of different datasets never link

    @property
    def key(self) -> str:
        return f"{self.dataset}|" + link_key(self.source_country, self.target_country, self.code)


def identity_mention(event: Event) -> Mention:
    """The fields of a coded event that identity compares."""
    return Mention(
        event.event_id, event.doc_id, event.source[:3].upper(), event.target[:3].upper(),
        event.code, event.event_date, event.date_basis,
        date_precision_of(event.event_date, event.date_precision),
    )  # fmt: skip


def _precision(m: Mention) -> str:
    return "unknown" if m.event_date is None else m.date_precision


def _period(m: Mention) -> tuple[int, int]:
    assert m.event_date is not None
    if _precision(m) == "year":
        return (m.event_date.year, 0)
    return (m.event_date.year, m.event_date.month)


def _day_interval(m: Mention, same_document: bool) -> tuple[dt.date, dt.date]:
    """The days the event may have happened on: the day named, or for a publication date
    the few days up to it."""
    assert m.event_date is not None
    if m.date_basis == "publication":
        lag = IN_DOCUMENT_LAG_DAYS if same_document else REPORT_LAG_DAYS
        return m.event_date - dt.timedelta(days=lag), m.event_date
    return m.event_date, m.event_date


def dates_compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions' dates can name the same event.

    * day and day: their intervals (`_day_interval`) meet, allowing ``ACROSS_DAYS``;
    * month and month, year and year: the same month, the same year;
    * a coarser and a finer date: only within one document, when the finer date falls in
      the coarser period ("in June ... the June 5 meeting"). Across documents a vague date
      links to nothing finer, or one "in 2019" would join every meeting of that year;
    * no date: only within one document, with any date.
    """
    same_document = a.doc_id == b.doc_id
    pa, pb = _precision(a), _precision(b)
    if pa == "unknown" or pb == "unknown":
        return same_document
    if pa == "day" and pb == "day":
        a_lo, a_hi = _day_interval(a, same_document)
        b_lo, b_hi = _day_interval(b, same_document)
        slack = dt.timedelta(days=ACROSS_DAYS)
        return a_lo <= b_hi + slack and b_lo <= a_hi + slack
    if pa == pb:
        return _period(a) == _period(b)
    if not same_document:
        return False
    coarse, fine = (a, b) if PRECISION_RANK[pa] > PRECISION_RANK[pb] else (b, a)
    assert coarse.event_date is not None and fine.event_date is not None
    if _precision(coarse) == "year":
        return coarse.event_date.year == fine.event_date.year
    return (coarse.event_date.year, coarse.event_date.month) == (
        fine.event_date.year,
        fine.event_date.month,
    )


def linked(a: Mention, b: Mention) -> bool:
    """Whether two mentions report the same real event."""
    return a.key == b.key and dates_compatible(a, b)


class _Components:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller id becomes the root: a component's root is its minimum
            self.parent[max(ra, rb)] = min(ra, rb)


def distinct_ids(mentions: Sequence[Mention]) -> dict[str, str]:
    """event_id -> id of its distinct event (the smallest event_id of its component).

    The components of `linked` without comparing every pair (a long document has tens of
    thousands of mentions of one key): within one key, day-precision dates link where their
    intervals meet, which a sweep over the intervals in date order finds (across documents
    with the report lag, within one document with the longer one); coarser dates of one
    period link; and within one document an undated mention links to every other, and a
    coarser date to the finer ones in its period.
    """
    found = _Components(m.event_id for m in mentions)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    for group in by_key.values():
        days = [m for m in group if _precision(m) == "day"]
        _join_meeting(found, [(*_day_interval(m, False), m.event_id) for m in days])
        periods: dict[tuple[str, tuple[int, int]], list[Mention]] = defaultdict(list)
        documents: dict[str, list[Mention]] = defaultdict(list)
        for m in group:
            if _precision(m) in ("month", "year"):
                periods[(_precision(m), _period(m))].append(m)
            documents[m.doc_id].append(m)
        for members in periods.values():
            for other in members[1:]:
                found.union(members[0].event_id, other.event_id)
        for members in documents.values():
            _join_in_document(found, members)
    return {m.event_id: found.find(m.event_id) for m in mentions}


def _join_meeting(found: _Components, intervals: list[tuple[dt.date, dt.date, str]]) -> None:
    """Join the mentions whose day intervals (lo, hi, event_id) meet, allowing ACROSS_DAYS:
    sorted by start, an interval meets an earlier one exactly when it starts before the
    furthest reach of those (the components of an interval graph)."""
    slack = dt.timedelta(days=ACROSS_DAYS)
    head: str | None = None
    reach = dt.date.min
    for lo, hi, event_id in sorted(intervals):
        if head is not None and lo <= reach:
            found.union(head, event_id)
            reach = max(reach, hi + slack)
        else:
            head, reach = event_id, hi + slack


def _join_in_document(found: _Components, members: list[Mention]) -> None:
    """The links among mentions of one key in one document that `distinct_ids` has not
    made across documents (see `dates_compatible`)."""
    if any(_precision(m) == "unknown" for m in members):
        for m in members[1:]:  # an undated mention links to every mention of its document
            found.union(members[0].event_id, m.event_id)
        return
    days = [m for m in members if _precision(m) == "day"]
    _join_meeting(found, [(*_day_interval(m, True), m.event_id) for m in days])
    finer: dict[tuple[int, int], list[str]] = defaultdict(list)  # (year, 0) and (year, month)
    for m in members:
        assert m.event_date is not None
        if _precision(m) in ("day", "month"):
            finer[(m.event_date.year, 0)].append(m.event_id)
        if _precision(m) == "day":
            finer[(m.event_date.year, m.event_date.month)].append(m.event_id)
    coarse: dict[tuple[int, int], str] = {}  # period -> a month or year mention of it
    for m in members:
        if _precision(m) in ("month", "year"):
            coarse.setdefault(_period(m), m.event_id)
    for period, event_id in coarse.items():
        for other in finer.get(period, ()):  # a coarser date and the finer ones in it
            found.union(event_id, other)


def candidate_window(m: Mention) -> tuple[dt.date, dt.date] | None:
    """The event dates a stored mention needs to be linkable to ``m`` from another
    document; None when ``m`` can link to no other document (no date)."""
    if m.event_date is None or _precision(m) == "unknown":
        return None
    if _precision(m) == "year":
        return dt.date(m.event_date.year, 1, 1), dt.date(m.event_date.year, 12, 31)
    if _precision(m) == "month":
        first = m.event_date.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    reach = dt.timedelta(days=REPORT_LAG_DAYS + ACROSS_DAYS)
    low = m.event_date - reach - dt.timedelta(days=REPORT_LAG_DAYS)
    return low, m.event_date + reach
