"""Summit venues that are not capitals are places: "will meet in Geneva" targets
Switzerland; two parties meet each other wherever they meet. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "The Peruvian president": "PERGOV",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Peruvian president will meet in Geneva next week.", [("PERGOV", "CHE", "036")]),
        ("The Peruvian president met in Davos on Friday.", [("PERGOV", "CHE", "040")]),
        # two parties meet each other, wherever they meet
        ("Peru and Chile met in Geneva on Monday.", [("PER", "CHL", "040"), ("CHL", "PER", "040")]),
    ],
)
def test_summit_venues_are_places(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
