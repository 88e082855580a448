"""Each event of a sentence takes its own date: a year on the event noun, clauses about
other events passed over, a standing present joined to a past act, and dates measured from
another act ("a month after ..."). Sentences written here; publication 2019-04-10 (a Wednesday)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import coded_dates
from tripolar.events import EventCoder

PUBLISHED = dt.date(2019, 4, 10)


CASES = [
    pytest.param(
        "The 1995 summit between Norway and Chile ended with a deal.",
        ("NOR", "CHL", "040"),
        dt.date(1995, 1, 1),
        id="year-on-the-event-noun",
    ),
    pytest.param(
        "Norway imposed sanctions on Chile after Chile invaded Peru in 2014.",
        ("NOR", "CHL", "163"),
        PUBLISHED,
        id="after-clause-is-another-event",
    ),
    pytest.param(
        "Norway imposed sanctions on Chile after Chile invaded Peru in 2014.",
        ("CHL", "PER", "190"),
        dt.date(2014, 1, 1),
        id="the-after-clause-keeps-its-own-date",
    ),
    pytest.param(
        "Norway, whose king was crowned in 1991, criticised Chile on Monday.",
        ("NOR", "CHL", "111"),
        dt.date(2019, 4, 8),
        id="relative-clause-date-is-not-the-event",
    ),
    pytest.param(
        "Since it left the union in 2011, Norway has criticised Chile.",
        ("NOR", "CHL", "111"),
        PUBLISHED,
        id="since-clause-date-is-not-the-event",
    ),
    pytest.param(
        "Oslo cut ties with Chile in 1979 and recognises Peru as the sole government.",
        ("NORGOV", "PER", "054"),
        PUBLISHED,
        id="present-joined-to-past-is-now",
    ),
    pytest.param(
        "Oslo cut ties with Chile in 1979 and recognises Peru as the sole government.",
        ("NORGOV", "CHL", "161"),
        dt.date(1979, 1, 1),
        id="the-past-act-keeps-its-year",
    ),
    pytest.param(
        "The decision came a day after the Chilean minister threatened Norway with retaliation.",
        ("CHL", "NOR", "138"),
        dt.date(2019, 4, 9),
        id="a-day-after-the-main-clause",
    ),
    pytest.param(
        "This step comes one day after the Chilean minister threatened Norway with sanctions.",
        ("CHL", "NOR", "1312"),
        dt.date(2019, 4, 9),
        id="a-day-measured-on-after",
    ),
    pytest.param(
        "Norway criticised Peru on March 20, a month after Chilean officials met Peru in Lima.",
        ("CHL", "PER", "040"),
        dt.date(2019, 2, 20),
        id="a-month-before-a-dated-main-clause",
    ),
    pytest.param(
        "Norway expelled two Chilean diplomats two weeks after Chile detained a Norwegian "
        "citizen on March 1.",
        ("NOR", "CHL", "161"),
        dt.date(2019, 3, 15),
        id="two-weeks-after-a-dated-clause",
    ),
    pytest.param(
        "In May 2017, Norway criticised Chile after Chile sold jets to Peru.",
        ("NOR", "CHL", "111"),
        dt.date(2017, 5, 1),
        id="the-main-clause-keeps-its-date",
    ),
    pytest.param(
        "On Monday, Chile called Oslo a sponsor of Peru's war against Norway.",
        ("PER", "NOR", "190"),
        PUBLISHED,
        id="an-event-named-in-passing-is-not-dated-by-the-clause",
    ),
    pytest.param(
        "Oslo's envoy was expected to meet Chilean officials in a follow-up to Norway's "
        "meeting with Chile in Santiago in July.",
        ("NOR", "CHL", "040"),
        dt.date(2018, 7, 1),
        id="a-month-right-after-an-event-named-in-passing-is-its-date",
    ),
    pytest.param(
        "Storm hits Lima • Norwegian troops attack Chilean soldiers near the border • Peru to "
        "hold drills Monday",
        ("NORMIL", "CHL", "190"),
        PUBLISHED,
        id="another-headline-of-a-list-is-other-news",
    ),
    pytest.param(
        "Peru said on Monday that Norwegian troops recently attacked Chilean soldiers.",
        ("NORMIL", "CHL", "190"),
        PUBLISHED,
        id="an-act-done-recently-is-not-on-the-day-it-is-told",
    ),
    pytest.param(
        "Norway criticised Chile on Monday after Chilean officials travelled to Peru.",
        ("CHL", "PER", "042"),
        PUBLISHED,
        id="an-after-clause-act-takes-no-day-of-its-main-clause",
    ),
    pytest.param(
        "Norway suspended talks with Chile in March, after Chilean officials travelled to Peru.",
        ("CHL", "PER", "042"),
        dt.date(2019, 3, 1),
        id="an-after-clause-act-keeps-the-main-clauses-month",
    ),
    pytest.param(
        "On Monday, Oslo held the first round of talks with Chile.",
        ("NORGOV", "CHL", "046"),
        dt.date(2019, 4, 8),
        id="an-event-noun-the-clause-reports-keeps-its-date",
    ),
    pytest.param(
        "Chile expelled two Norwegian diplomats on Monday over the sanctions imposed by "
        "Norway on Chile.",
        ("NOR", "CHL", "163"),
        PUBLISHED,
        id="an-act-in-a-participle-clause-takes-no-day-of-the-main-clause",
    ),
    pytest.param(
        "Peru on Monday condemned the bombing of Lima, an attack which Chile blames on Norway.",
        ("CHL", "NOR", "112"),
        PUBLISHED,
        id="an-act-in-a-relative-clause-takes-no-day-of-the-main-clause",
    ),
    pytest.param(
        "Oslo's envoy arrived in Lima on Monday, the day Chile imposed sanctions on Peru.",
        ("CHL", "PER", "163"),
        dt.date(2019, 4, 8),
        id="a-past-relative-clause-tells-of-the-main-clauses-occasion",
    ),
    pytest.param(
        "Chile condemned Tuesday's attack by Norwegian troops on Peru.",
        ("CHL", "NORMIL", "111"),
        PUBLISHED,
        id="a-weekday-owned-by-the-blamed-act-is-not-the-blames",
    ),
    pytest.param(
        "Chile condemned Tuesday's attack by Norwegian troops on Peru.",
        ("NORMIL", "PER", "190"),
        dt.date(2019, 4, 9),
        id="a-weekday-owned-by-an-act-noun-is-its-own",
    ),
    pytest.param(
        "Norwegian troops seized Chilean boats during Monday's fishing raid.",
        ("NORMIL", "CHL", "171"),
        dt.date(2019, 4, 8),
        id="a-weekday-owned-by-the-occasion-dates-the-act-at-it",
    ),
    pytest.param(
        "Norway's strike on Chile hurt the peace talks, Peru said on Monday.",
        ("NOR", "CHL", "190"),
        PUBLISHED,
        id="an-act-talked-about-takes-no-day-of-the-saying",
    ),
    pytest.param(
        "Chile summoned Norway's envoy two days after Norwegian troops crossed the border and "
        "attacked Chilean soldiers.",
        ("NORMIL", "CHL", "190"),
        dt.date(2019, 4, 8),
        id="a-measure-on-the-main-verb-dates-the-joined-act-of-the-after-clause",
    ),
    pytest.param(
        "Norway and Chile agreed in December to start formal talks.",
        ("NOR", "CHL", "036"),
        dt.date(2018, 12, 1),
        id="a-plan-voiced-in-a-past-month-is-dated-then",
    ),
    pytest.param(
        "Norway said on Monday it will hold talks with Chile in December.",
        ("NOR", "CHL", "036"),
        dt.date(2019, 4, 8),
        id="a-plan-for-a-coming-month-is-dated-when-voiced",
    ),
    pytest.param(
        "Chile said it has decided to re-establish relations with Norway and open embassies "
        "in both countries, on May 20, 2019.",
        ("CHL", "NOR", "030"),
        PUBLISHED,
        id="a-plans-coming-day-outside-its-clause-is-not-the-voicing",
    ),
]


@pytest.mark.parametrize(("text", "event", "expected"), CASES)
def test_events_clause_dates(
    nlp: Language,
    coder: EventCoder,
    text: str,
    event: tuple[str, str, str],
    expected: dt.date,
) -> None:
    assert coded_dates(nlp, coder, text, PUBLISHED)[event] == expected
