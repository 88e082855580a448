"""Event dates resolved from the sentence against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.events import resolve_event_date

PUB = dt.date(2019, 4, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met on March 3.", dt.date(2019, 3, 3)),
        ("They met on March 3, 2018.", dt.date(2018, 3, 3)),
        ("They met on 3 March 2018.", dt.date(2018, 3, 3)),
        ("They met on 2017-11-05 in Paris.", dt.date(2017, 11, 5)),
        ("They met on December 20.", dt.date(2018, 12, 20)),  # after publication: year before
        ("They met on 20 December.", dt.date(2018, 12, 20)),
        ("The parade on 9 May this year was large.", dt.date(2019, 5, 9)),
        ("They first met in June 2014.", dt.date(2014, 6, 1)),
        ("The deal was signed in 2014.", dt.date(2014, 1, 1)),
        ("They met on Tuesday.", dt.date(2019, 4, 9)),
        ("They met on Wednesday.", dt.date(2019, 4, 10)),  # publication weekday counts
        ("They met on Thursday.", dt.date(2019, 4, 4)),
        ("They met last Wednesday.", dt.date(2019, 4, 3)),
        ("They will meet next Monday.", dt.date(2019, 4, 15)),
        ("They met yesterday.", dt.date(2019, 4, 9)),
        ("They met today.", dt.date(2019, 4, 10)),
        ("They met last week.", dt.date(2019, 4, 3)),
        ("They met last month.", dt.date(2019, 3, 1)),
        ("They met earlier this year.", dt.date(2019, 1, 1)),
        ("They met three days ago.", dt.date(2019, 4, 7)),
        ("They met 2 weeks ago.", dt.date(2019, 3, 27)),
    ],
)
def test_dates_resolve_text_expressions(sentence: str, expected: dt.date) -> None:
    assert resolve_event_date(sentence, PUB) == (expected, "text")


def test_dates_year_rollover_in_january() -> None:
    assert resolve_event_date("Talks began on December 30.", dt.date(2020, 1, 2)) == (
        dt.date(2019, 12, 30),
        "text",
    )
    assert resolve_event_date("Talks began last month.", dt.date(2020, 1, 2)) == (
        dt.date(2019, 12, 1),
        "text",
    )


def test_dates_weekday_across_month_boundary() -> None:
    # 2019-06-06 is a Thursday; "on Tuesday" -> 2019-06-04
    assert resolve_event_date("They met on Tuesday.", dt.date(2019, 6, 6)) == (
        dt.date(2019, 6, 4),
        "text",
    )
    # 2019-06-01 is a Saturday; "on Friday" -> 2019-05-31
    assert resolve_event_date("They met on Friday.", dt.date(2019, 6, 1)) == (
        dt.date(2019, 5, 31),
        "text",
    )


def test_dates_fall_back_to_publication() -> None:
    assert resolve_event_date("The two sides talked.", PUB) == (PUB, "publication")


def test_dates_none_without_any_date() -> None:
    assert resolve_event_date("The two sides talked.", None) == (None, "none")
    assert resolve_event_date("They met on Tuesday.", None) == (None, "none")


def test_dates_explicit_year_without_publication() -> None:
    assert resolve_event_date("They met on March 3, 2018.", None) == (dt.date(2018, 3, 3), "text")


def test_dates_modal_may_is_not_a_month() -> None:
    assert resolve_event_date("Russia may meet China.", PUB) == (PUB, "publication")


def test_dates_impossible_day_is_ignored() -> None:
    assert resolve_event_date("They met on February 30.", PUB) == (PUB, "publication")
