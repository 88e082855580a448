"""A headline (or an undated lead) tells the same news as the sentence after it: its events
take the news day that sentence names ("on Monday", "yesterday"), never a date written out
in a caption, nor one from further down. Texts written here; publication 2019-04-10 (a
Wednesday)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import coded_dates
from tripolar.events import EventCoder

PUBLISHED = dt.date(2019, 4, 10)
HEADLINE = ("NOR", "CHL", "163")

CASES = [
    pytest.param(
        "Norway imposes sanctions on Chile.\nOslo announced the measures on Monday.",
        dt.date(2019, 4, 8),
        id="weekday-of-the-next-sentence",
    ),
    pytest.param(
        "Norway imposes sanctions on Chile.\nOslo announced the measures yesterday.",
        dt.date(2019, 4, 9),
        id="yesterday-of-the-next-sentence",
    ),
    pytest.param(
        "Norway imposed sanctions on Chile in March.\nOslo announced more on Monday.",
        dt.date(2019, 3, 1),
        id="the-headline-keeps-its-own-date",
    ),
    pytest.param(
        "Norway imposes sanctions on Chile.\nA fishing boat sank on October 4, 2018.",
        PUBLISHED,
        id="a-date-written-out-is-no-news-day",
    ),
    pytest.param(
        "Norway imposes sanctions on Chile.\nThe measures are wide.\nOslo spoke on Monday.",
        PUBLISHED,
        id="only-the-next-sentence-counts",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_news_day_of_the_headline(
    nlp: Language, coder: EventCoder, text: str, expected: dt.date
) -> None:
    assert coded_dates(nlp, coder, text, PUBLISHED)[HEADLINE] == expected


def test_events_news_day_leaves_later_sentences_alone(nlp: Language, coder: EventCoder) -> None:
    text = "The talks ended.\nOslo spoke on Monday.\nNorway imposed sanctions on Chile."
    assert coded_dates(nlp, coder, text, PUBLISHED)[HEADLINE] == PUBLISHED
