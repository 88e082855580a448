"""Event dates: an intent is dated when it is voiced, not when the planned act is due; an
event takes the date of its own clause. Own sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import coded_with_table, mentions_from_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Ecuador": "ECU",
}


PUBLISHED = dt.date(2019, 4, 10)  # a Wednesday


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile met Peru in December.", (dt.date(2018, 12, 1), "text")),
        # an intent is dated when it is voiced, not when the meeting is planned for
        ("Chile will meet Peru in December.", (PUBLISHED, "publication")),
    ],
)
def test_an_intent_is_dated_when_voiced(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[dt.date, str]
) -> None:
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=PUBLISHED
    )
    assert [(e.event_date, e.date_basis) for e in events] == [expected]


def test_an_event_takes_the_date_of_its_own_clause(nlp: Language, coder: EventCoder) -> None:
    text = "Chile met Peru on Tuesday, their first meeting since Ecuador attacked Peru in March."
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, ACTORS), doc_id="t", published=PUBLISHED
    )
    dates = {(e.source, e.code[:2]): e.event_date for e in events}
    assert dates[("CHL", "04")] == dt.date(2019, 4, 9)
    assert dates[("ECU", "19")] == dt.date(2019, 3, 1)
