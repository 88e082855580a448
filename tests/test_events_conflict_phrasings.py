"""Conflict said the other ways news says it: people ordered to leave or kicked out
(expulsion), missions, contracts and contacts cancelled (reduced relations), measures taken
or promised against a state (coercion, or its threat), regret and concern voiced over a
state's act (disapproval), a state told to act (a demand), a threat aimed at the state whose
act it answers, and flights within some miles of a state. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Chilean diplomats": "CHLGOV",
    "Chilean envoy": "CHLGOV",
    "Peruvians": "PER",
    "Peruvian": "PER",
    "Chilean firm": "CHLBUS",
    "Norwegian soldiers": "NORMIL",
}

CASES = [
    pytest.param(
        "Norway ordered 12 Chilean diplomats to leave the country within a week.",
        {("NOR", "CHLGOV", "161")},
        id="diplomats-ordered-to-leave",
    ),
    pytest.param(
        "Oslo ordered 40 Peruvians to leave its territory on Monday.",
        {("NORGOV", "PER", "174")},
        id="nationals-ordered-to-leave",
    ),
    pytest.param(
        "Norway told the Chilean envoy to leave.",
        {("NOR", "CHLGOV", "161")},
        id="envoy-told-to-leave",
    ),
    pytest.param(
        "Norway ordered Norwegian soldiers to leave Chile.",
        {("NOR", "NORMIL", "100")},
        id="own-forces-ordered-out-is-no-expulsion",
    ),
    pytest.param(
        "Norway kicked out three Chilean diplomats.",
        {("NOR", "CHLGOV", "161")},
        id="kicked-out-diplomats",
    ),
    pytest.param(
        "Oslo said it was kicking out two Peruvian journalists.",
        {("NORGOV", "PER", "174")},
        id="kicking-out",
    ),
    pytest.param(
        "Norway cancelled a trade mission to Chile after the arrests.",
        {("NOR", "CHL", "160")},
        id="cancelled-mission-to",
    ),
    pytest.param(
        "Oslo canceled its contract with a Chilean firm.",
        {("NORGOV", "CHLBUS", "160")},
        id="cancelled-contract-with",
    ),
    pytest.param(
        "Norway cancelled all high-level contacts with Peru on Tuesday.",
        {("NOR", "PER", "161")},
        id="cancelled-contacts",
    ),
    pytest.param(
        "Norway cancelled the summit with Chile.",
        {("NOR", "CHL", "164")},
        id="cancelled-summit",
    ),
    pytest.param("Norway cancelled the concert.", set(), id="cancelled-something-of-no-state"),
    pytest.param(
        "Norway took countermeasures against Chile on Friday.",
        {("NOR", "CHL", "170")},
        id="measures-taken-against",
    ),
    pytest.param(
        "Oslo said it would take necessary measures against Peru.",
        {("NORGOV", "PER", "130")},
        id="measures-promised-against-are-a-threat",
    ),
    pytest.param(
        "Norway took measures to protect its fishermen.",
        set(),
        id="measures-against-no-one",
    ),
    pytest.param(
        "Norway expressed regret over Chile's decision to leave the fishing pact.",
        {("NOR", "CHL", "110")},
        id="regret-over-a-states-decision",
    ),
    pytest.param(
        "Oslo voiced disappointment at the Peruvian ruling.",
        {("NORGOV", "PER", "110")},
        id="disappointment-at",
    ),
    pytest.param(
        "Norway expressed concern about Chile's plans to build a naval base.",
        {("NOR", "CHL", "111")},
        id="concern-about-a-states-plans",
    ),
    pytest.param(
        "Norway told Chile to withdraw its troops from the border.",
        {("NOR", "CHL", "1056")},
        id="told-to-act-is-a-demand",
    ),
    pytest.param(
        "Norway told Chile that the talks would resume.",
        set(),
        id="told-that-is-speech",
    ),
    pytest.param(
        "Norway threatened sanctions when Chile approved the sale of jets.",
        {("NOR", "CHL", "1312")},
        id="threat-aimed-at-the-act-it-answers",
    ),
    pytest.param(
        "Norway threatened sanctions after Chile detained two fishermen.",
        {("NOR", "CHL", "1312")},
        id="threat-after-an-act",
    ),
    pytest.param(
        "Norwegian jets flew within 20 miles of Chile's airspace.",
        {("NORMIL", "CHL", "150")},
        id="flew-within-miles-of",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_conflict_phrasings_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
