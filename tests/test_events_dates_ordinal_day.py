"""A day of the month written alone ("announced on the 16th") dates an event: the latest
such day on or before publication; an ordinal that counts something else ("the 3rd floor",
"the 20th anniversary") is no date. Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.events import resolve_event_date

PUB = dt.date(2021, 4, 21)


@pytest.mark.parametrize(
    ("sentence", "expected", "basis"),
    [
        (
            "Oslo announced on the 16th that it would expel two envoys.",
            dt.date(2021, 4, 16),
            "text",
        ),
        ("The envoys met on the 21st.", dt.date(2021, 4, 21), "text"),
        ("The envoys met on the 28th.", dt.date(2021, 3, 28), "text"),  # a later day: March
        ("They spoke on the 3rd floor of the ministry.", PUB, "publication"),
        ("Oslo marked it on the 20th anniversary of the accord.", PUB, "publication"),
        ("They met on the 16th of March.", dt.date(2021, 3, 16), "text"),
    ],
)
def test_dates_ordinal_day_of_month(sentence: str, expected: dt.date, basis: str) -> None:
    assert resolve_event_date(sentence, PUB) == (expected, basis)
