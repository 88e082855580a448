"""What news says is not yet done: "should", pseudo-clefts ("what is needed is ..."), "is
expected to", a scheduled meeting, questions at a briefing, what one must "make sure" or
"ensure" happens; and "ready to confront X" is a
threat, not an offer. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

NOTHING_DONE = [
    pytest.param("Norway should impose sanctions on Chile.", id="should"),
    pytest.param("What is needed is dialogue between Norway and Chile.", id="what-is-needed"),
    pytest.param("What is needed is for Norway to hold talks with Chile.", id="what-is-needed-for"),
    pytest.param("Norway is expected to veto the Chilean resolution.", id="expected-to-veto"),
    pytest.param(
        "A scheduled meeting between Norway and Chile will take place in May.", id="scheduled"
    ),
    pytest.param("The planned visit by Norway to Peru drew attention.", id="planned-visit"),
    pytest.param("Will Norway impose sanctions on Chile?", id="question"),
    pytest.param(
        "The statement came a day before Oslo heads to Chile for the games.",
        id="present-in-a-before-clause",
    ),
    pytest.param(
        "Q: Norway imposed sanctions on Chile yesterday. What is your comment?",
        id="briefing-question",
    ),
    pytest.param(
        "It is vital to make sure that Norway and Chile are talking to each other.",
        id="make-sure-that",
    ),
    pytest.param("Peru must ensure that Norway and Chile hold talks.", id="ensure-that"),
]


@pytest.mark.parametrize("text", NOTHING_DONE)
def test_events_modality_news_codes_nothing_as_done(
    nlp: Language, coder: EventCoder, text: str
) -> None:
    """At most an intent, appeal, demand or threat (things said of the future), never the act."""
    assert all(c[:2] in ("02", "03", "10", "13") for _, _, c in coded_set(nlp, coder, text))


# What is coded, and as what: readiness to confront is a threat, to cooperate an offer; a
# decision announced is the act, one said to be coming stays a threat or promise.
CODED = [
    pytest.param(
        "Norway is ready to confront Chile if it crosses the line.",
        {("NOR", "CHL", "130")},
        id="ready-to-confront",
    ),
    pytest.param(
        "Oslo stands ready to retaliate against Peru.",
        {("NORGOV", "PER", "130")},
        id="ready-to-retaliate",
    ),
    pytest.param(
        "Norway is ready to cooperate with Chile on fishing.",
        {("NOR", "CHL", "031")},
        id="ready-to-cooperate-stays-an-offer",
    ),
    pytest.param(
        "Norway imposed sanctions on Chile.", {("NOR", "CHL", "163")}, id="reported-act-stays"
    ),
    pytest.param(
        "Norway announced on Tuesday it would downgrade its diplomatic ties with Chile.",
        {("NOR", "CHL", "161")},
        id="announced-cut-is-the-act",
    ),
    pytest.param(
        "Norway said it would downgrade its diplomatic ties with Chile.",
        {("NOR", "CHL", "1313")},
        id="said-would-cut-stays-a-threat",
    ),
    pytest.param(
        "Norway announced it would release 40 Chilean prisoners.",
        {("NOR", "CHL", "0353")},
        id="announced-release-stays-a-promise",
    ),
    pytest.param(
        "Norway has decided to cut diplomatic ties with Chile.",
        {("NOR", "CHL", "161")},
        id="decided-cut-is-the-act",
    ),
    pytest.param(
        "Norway will decide next month whether to cut diplomatic ties with Chile.",
        set(),  # a decision still to come, and a question of whether: nothing is done
        id="decision-to-come-codes-no-cut",
    ),
    pytest.param(
        "Norway may decide to cut diplomatic ties with Chile.",
        set(),
        id="hedged-decision-codes-no-cut",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_events_modality_news_codes(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
