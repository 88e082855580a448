"""Military exercises held in another state are shown toward it (150); with a partner they
are military cooperation (062); at home they are aimed at nobody. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Peruvian navy": "PERMIL",
    "Ecuador": "ECU",
    "Chile": "CHL",
    "Ecuadorian forces": "ECUMIL",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru staged large military exercises in Ecuador last week.", [("PER", "ECU", "150")]),
        ("The Peruvian navy began drills in Chile on Sunday.", [("PERMIL", "CHL", "150")]),
        # with a partner, the exercise is military cooperation, wherever it is held
        ("Peru held exercises with Ecuadorian forces in Chile.", [("PER", "ECUMIL", "062")]),
        # at home, an exercise is aimed at nobody
        ("Peru held military exercises in Peru.", []),
    ],
)
def test_exercises_in_another_state_are_shown_toward_it(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
