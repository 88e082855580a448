"""Property damaged by protesters is a riot (145); soldiers who destroy property coerce
(1712). Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Chilean demonstrators": "CHLCVL",
    "Peruvian embassy": "PERGOV",
    "Chilean": "CHL",
    "Chilean soldiers": "CHLMIL",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean demonstrators set fire to the Peruvian embassy.", [("CHLCVL", "PERGOV", "145")]),
        ("The Peruvian embassy was torched by a Chilean mob.", [("CHL", "PERGOV", "145")]),
        # soldiers who destroy property coerce; they do not riot
        ("Chilean soldiers destroyed the Peruvian embassy.", [("CHLMIL", "PERGOV", "1712")]),
    ],
)
def test_property_damaged_by_protesters_is_a_riot(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
