"""Publication dates: metadata values and datelines near the top of a page."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.ingest.dates import parse_date_value, scan_dateline

JUNE_5 = dt.date(2019, 6, 5)


@pytest.mark.parametrize(
    "line",
    [
        "Published: 5 June 2019",
        "June 5, 2019",
        "2019-06-05",
        "By Jane Doe | 5 June 2019",
        "Updated 05.06.2019",
        "Posted on Wednesday 5 June 2019 10:22 BST",
        "Wed, June 5th, 2019 at 3:15 pm",
        "Wire Desk - 2019-06-05T08:00:00Z",
        "Analysis · Jane Doe · 5 Jun 2019",
        "2019/06/05",
    ],
)
def test_dates_dateline_found(line: str) -> None:
    assert scan_dateline(line) == (True, JUNE_5)


@pytest.mark.parametrize(
    "line",
    [
        "On 5 June 2019 the minister resigned after a long dispute.",
        "The talks resumed on June 5, 2019, in the capital.",
        "Talks resume",
        "",
    ],
)
def test_dates_sentence_is_not_dateline(line: str) -> None:
    assert scan_dateline(line) == (False, None)


@pytest.mark.parametrize("line", ["05/06/2019", "Published: 31.02.2019", "2019-13-40"])
def test_dates_ambiguous_or_impossible_dateline_has_no_date(line: str) -> None:
    assert scan_dateline(line) == (True, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-06-05T23:30:00-05:00", JUNE_5),  # the date as written, not shifted to UTC
        ("Wed, 05 Jun 2019 10:00:00 +0000", JUNE_5),
        (1559692800, JUNE_5),
        ("1559692800000", JUNE_5),
        ("20190605", JUNE_5),
        ("25/06/2019", dt.date(2019, 6, 25)),
        ("06/25/2019", dt.date(2019, 6, 25)),
        ("5 juin 2019", JUNE_5),
        (dt.datetime(2019, 6, 5, 12, 0), JUNE_5),
        ("05/06/2019", None),
        ("May 2019", None),
        ("not a date", None),
        ("2999-01-01", None),
        ("1066-10-14", None),
        ("2019-02-30", None),
        (True, None),
        ([2019, 6, 5], None),
        ("", None),
    ],
)
def test_dates_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected
