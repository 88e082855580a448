"""The story date pass: a mention its sentence leaves undated takes the date its story gives
the same act (coded elsewhere, named by the same noun, or the occasion it happened at), or
the lead's news day for an act told in the past; asides, acts under way, reactions that
follow another act and acts before the story's time keep the publication date.
Stories written here; publication 2019-04-10 (a Wednesday), so "Monday" is 2019-04-08."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import NORDIC, mentions_from_table
from tripolar.events import EventCoder

PUBLISHED = dt.date(2019, 4, 10)
MONDAY = dt.date(2019, 4, 8)

Dated = dict[tuple[int, str, str, str], tuple[dt.date | None, str]]


def story_dates(nlp: Language, coder: EventCoder, paragraphs: list[str]) -> Dated:
    """(sentence, source, target, code) -> (date, basis) of a story of one-sentence
    paragraphs."""
    text = "\n\n".join(paragraphs)
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, NORDIC), doc_id="t", published=PUBLISHED
    )
    return {
        (e.sentence_index, e.source, e.target, e.code): (e.event_date, e.date_basis) for e in events
    }


def test_story_dates_the_same_noun_named_with_a_day_elsewhere(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Oslo imposed a total ban on fish imports on Monday.",
            "Prices fell in Lima after the announcement of Norway's ban on Chilean fish.",
        ],
    )
    assert dated[(1, "NOR", "CHL", "163")] == (MONDAY, "story")


def test_story_dates_the_occasion_dated_elsewhere(nlp: Language, coder: EventCoder) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Fishing boats were seized again.",
            "It was the third such incident this month, as Norwegian and Peruvian leaders "
            "criticised Chile at a meeting in Lima.",
            "At a summit in Lima on Monday, the leaders of Norway and Peru signed a "
            "declaration on fishing.",
        ],
    )
    # criticised at the meeting: the meeting's day, which the summit of the pair gives
    assert dated[(1, "NOR", "CHL", "111")][0] == MONDAY
    assert dated[(1, "PER", "CHL", "111")][0] == MONDAY
    assert dated[(1, "NOR", "PER", "040")][0] == MONDAY


def test_story_dates_past_reactions_take_the_leads_news_day(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Norway expelled two Chilean diplomats on Monday.",
            "Chile demanded that Norway reverse the decision.",
            '"Norway\'s decision is shameful and hostile," Chile said in a statement.',
            "Chile protested to Norway following the expulsion.",
            "Chile has been warning Norway for months.",
            "Chile accuses Norway of spying.",
            "Chile had asked Norway to stop the inquiry.",
            "Chile has criticised Norway.",
        ],
    )
    assert dated[(1, "CHL", "NOR", "100")] == (MONDAY, "story")
    assert dated[(2, "CHL", "NOR", "111")] == (MONDAY, "story")  # said, of a present state
    # after another act, under way, a present state, before the story, a perfect: publication
    for key in [
        (3, "CHL", "NOR", "114"),
        (4, "CHL", "NOR", "130"),
        (5, "CHL", "NOR", "112"),
        (6, "CHL", "NOR", "020"),
        (7, "CHL", "NOR", "111"),
    ]:
        assert dated[key] == (PUBLISHED, "publication"), key


def test_story_dates_a_day_named_below_the_lead_dates_only_the_same_act(
    nlp: Language, coder: EventCoder
) -> None:
    filler = [
        "Oslo announced new fishing quotas.",
        "The quotas are large.",
        "Fishermen were angry.",
        "Prices rose.",
        "Markets fell.",
        "Boats stayed in port.",
    ]
    dated = story_dates(
        nlp,
        coder,
        [
            *filler,
            "Norway criticised Chile on Monday over the border.",
            "Oslo's criticism of Chile followed a long dispute.",
            "Peru condemned Chile.",
        ],
    )
    assert dated[(7, "NORGOV", "CHL", "111")] == (MONDAY, "story")  # the same act
    assert dated[(8, "PER", "CHL", "111")] == (PUBLISHED, "publication")  # no news day


def test_story_dates_the_same_act_dated_before_the_news_week(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Norway bombed Chilean ports on March 28.",
            "Prices rose in Lima.",
            "Norway's strike on Chile hurt the peace talks, Peru said on Monday.",
        ],
    )
    # the strike talked about is the bombing the story dates, two weeks before publication
    assert dated[(2, "NOR", "CHL", "190")] == (dt.date(2019, 3, 28), "story")


def test_story_dates_a_meeting_after_which_a_remark_came_takes_the_news_day(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Norway and Chile met on Monday.",
            "Prices rose in Lima.",
            'After a meeting with Peru, Oslo said: "Visas will end on April 20."',
        ],
    )
    # not the coming April 20, nor a reaction that follows the meeting
    assert dated[(2, "NORGOV", "PER", "040")] == (MONDAY, "story")


def test_story_dates_an_act_dated_from_the_main_clause_gives_no_news_day(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Chile summoned Norway's envoy two days after Norwegian troops crossed the border "
            "and attacked Chilean soldiers."
        ],
    )
    assert dated[(0, "NORMIL", "CHL", "190")] == (dt.date(2019, 4, 8), "text")
    assert dated[(0, "CHL", "NOR", "114")] == (PUBLISHED, "publication")


def test_story_dates_the_same_act_is_the_same_kind_of_act(nlp: Language, coder: EventCoder) -> None:
    summons = story_dates(
        nlp,
        coder,
        [
            "Fishing boats were seized again.",
            "Chile has summoned Norway's envoy.",
            "Chile accused Norway of spying on Monday.",
        ],
    )
    # a summons is not the accusation dated Monday, though both disapprove (root 11)
    assert summons[(1, "CHL", "NOR", "114")] == (PUBLISHED, "publication")
    lead = ["Peru protested to Chile on Tuesday.", "Norway's phone call with Chile angered Peru."]
    discussed = story_dates(
        nlp, coder, [*lead, "During Monday's discussion, Norway and Chile noted their close ties."]
    )
    # the call is the discussion dated Monday, not the lead's Tuesday
    assert discussed[(1, "NOR", "CHL", "041")] == (MONDAY, "story")
    met = story_dates(nlp, coder, [*lead, "Norway and Chile met on Monday."])
    assert met[(1, "NOR", "CHL", "041")] == (dt.date(2019, 4, 9), "story")  # no meeting


def test_story_dates_an_act_announced_in_the_past_progressive_is_dated(
    nlp: Language, coder: EventCoder
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Norway expelled two Chilean diplomats on Monday.",
            "Oslo announced that it was expelling two more Chilean diplomats.",
            "Chile was protesting to Norway.",
        ],
    )
    assert dated[(1, "NORGOV", "CHL", "161")] == (MONDAY, "story")  # the act announced
    assert dated[(2, "CHL", "NOR", "114")] == (PUBLISHED, "publication")  # under way


@pytest.mark.parametrize(("day", "expected"), [("April 8", MONDAY), ("Monday", PUBLISHED)])
def test_story_dates_a_lead_without_a_dated_act_gives_its_calendar_day(
    nlp: Language, coder: EventCoder, day: str, expected: dt.date
) -> None:
    dated = story_dates(
        nlp,
        coder,
        [
            "Fishing talks were postponed.",
            f"At a press conference on {day}, the minister said the talks would wait.",
            "Norway criticised Chile in a statement.",
        ],
    )
    assert dated[(2, "NOR", "CHL", "111")][0] == expected


def test_story_dates_an_aside_keeps_the_publication_date(nlp: Language, coder: EventCoder) -> None:
    dated = story_dates(
        nlp, coder, ["Norway's remarks on Monday came as Chilean officials were headed to Peru."]
    )
    assert dated[(0, "CHL", "PER", "042")] == (PUBLISHED, "publication")


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [
        pytest.param(
            "Norway and Chile met on Thursday.",
            (0, "NOR", "CHL", "040"),
            dt.date(2019, 4, 11),
            id="the-weekday-after-publication-is-the-next-day",
        ),
        pytest.param(
            "It was the first conversation Norway and Chile had held since Peru's "
            "invasion last month.",
            (0, "NOR", "CHL", "040"),
            PUBLISHED,
            id="since-another-event-last-month-is-not-the-date",
        ),
    ],
)
def test_story_dates_sentence_rules(
    nlp: Language,
    coder: EventCoder,
    text: str,
    event: tuple[int, str, str, str],
    expected: dt.date,
) -> None:
    assert story_dates(nlp, coder, [text])[event][0] == expected
