"""What news says is not yet done: "should", pseudo-clefts ("what is needed is ..."), "is
expected to", a scheduled meeting, questions at a briefing; and "ready to confront X" is a
threat, not an offer. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Oslo": "NORGOV", "Chilean": "CHL"}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


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
]


@pytest.mark.parametrize("text", NOTHING_DONE)
def test_events_modality_news_codes_nothing_as_done(
    nlp: Language, coder: EventCoder, text: str
) -> None:
    """At most an intent, appeal, demand or threat (things said of the future), never the act."""
    assert all(c[:2] in ("02", "03", "10", "13") for _, _, c in code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
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
    ],
)
def test_events_modality_news_readiness(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_events_modality_news_reported_act_stays(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway imposed sanctions on Chile.") == {("NOR", "CHL", "163")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Norway announced on Friday it would downgrade diplomatic ties with Chile.",
            {("NOR", "CHL", "161")},
            id="announced-cut-is-the-act",
        ),
        pytest.param(
            "Norway said it would downgrade diplomatic ties with Chile.",
            {("NOR", "CHL", "1313")},
            id="said-would-cut-stays-a-threat",
        ),
        pytest.param(
            "Norway announced it would release 40 Chilean prisoners.",
            {("NOR", "CHL", "0353")},
            id="announced-release-stays-a-promise",
        ),
    ],
)
def test_events_modality_news_announced_decisions(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
