"""Event dates resolved from the sentence against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.events import resolve_event_date

PUB = dt.date(2019, 4, 10)  # a Wednesday
PUB_TUESDAY = dt.date(2019, 4, 9)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met on March 3.", dt.date(2019, 3, 3)),
        ("They met on March 3, 2018.", dt.date(2018, 3, 3)),
        ("They met on 3 March 2018.", dt.date(2018, 3, 3)),
        ("They met on 2017-11-05 in Paris.", dt.date(2017, 11, 5)),
        ("They met on December 20.", dt.date(2018, 12, 20)),  # after publication: year before
        ("They met on 20 December.", dt.date(2018, 12, 20)),
        ("They met on June 20.", dt.date(2018, 6, 20)),  # months ahead: last year's
        ("The parade on 9 May this year was large.", dt.date(2019, 5, 9)),
        ("They first met in June 2014.", dt.date(2014, 6, 1)),
        ("The deal was signed in 2014.", dt.date(2014, 1, 1)),
        ("They met on Tuesday.", dt.date(2019, 4, 9)),
        ("They met on Wednesday.", dt.date(2019, 4, 10)),  # publication weekday counts
        ("They met on Thursday.", dt.date(2019, 4, 11)),  # the day after: a time zone ahead
        ("They met on Friday.", dt.date(2019, 4, 5)),
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


@pytest.mark.parametrize(
    "sentence",
    ["They met; visas end on April 20.", "Visas end on 20 May.", "Xi visited on April 20."],
)
def test_dates_a_day_and_month_soon_after_publication_are_no_past_date(sentence: str) -> None:
    # the coming April 20 (a plan's day), not April 20 of the year before
    assert resolve_event_date(sentence, PUB) == (PUB, "publication")


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met in March.", dt.date(2019, 3, 1)),
        ("They met in December.", dt.date(2018, 12, 1)),  # after publication: year before
        ("They met in April.", dt.date(2019, 4, 1)),  # the publication month itself
        ("They met last April.", dt.date(2018, 4, 1)),  # "last": strictly before
        ("Talks stalled in early February.", dt.date(2019, 2, 1)),
        ("Sanctions have held since May.", dt.date(2018, 5, 1)),
        # a weekday is more exact than a month in a subordinate clause
        ("They met on Tuesday, their first meeting since the war began in May.", PUB_TUESDAY),
        ("In May they may meet again.", dt.date(2018, 5, 1)),  # the modal is no month
    ],
)
def test_dates_month_without_a_year(sentence: str, expected: dt.date) -> None:
    assert resolve_event_date(sentence, PUB) == (expected, "text")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the intent is voiced at publication; the dates ahead are the plan's
        ("China will send a delegation to Russia in December.", (PUB, "publication")),
        ("Xi will visit Moscow on April 20.", (PUB, "publication")),
        # dates of the saying, before publication, are kept
        ("China urged Japan on April 2 to hold talks in June.", (dt.date(2019, 4, 2), "text")),
        ("China urged Japan on Tuesday to hold talks.", (PUB_TUESDAY, "text")),
    ],
)
def test_dates_of_prospective_events_are_when_they_are_voiced(
    sentence: str, expected: tuple[dt.date, str]
) -> None:
    assert resolve_event_date(sentence, PUB, prospective=True) == expected


def test_dates_of_acts_read_the_same_expressions_as_past() -> None:
    sentence = "Xi visited Moscow on August 20."
    assert resolve_event_date(sentence, PUB) == (dt.date(2018, 8, 20), "text")
