"""An act in the infinitive of a decision, move, bid or threat is its owner's: "Chile's
decision to expel Norwegian diplomats" is Chile's expulsion, "a move by Peru to close its
embassy" Peru's closure; an owner that is no actor gives no source. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Norwegian diplomats": "NORGOV",
    "Chilean firms": "CHLBUS",
    "Peruvian": "PER",
}

CASES = [
    pytest.param(
        "Oslo will respond to Chile's decision to expel five Norwegian diplomats.",
        {("CHL", "NORGOV", "161"), ("NORGOV", "CHL", "130")},  # a response promised: a threat
        id="possessor-of-decision",
    ),
    pytest.param(
        "Norway criticized the Peruvian decision to put several Chilean firms on a blacklist.",
        {("NOR", "PER", "111"), ("PER", "CHLBUS", "163")},
        id="adjective-owner-of-decision",
    ),
    pytest.param(
        "Norway condemned the move by Peru to close its embassy in Chile.",
        {("NOR", "PER", "111"), ("PER", "CHL", "161")},
        id="owner-by-phrase",
    ),
    pytest.param(
        "Chile criticized the sudden decision to expel five Norwegian diplomats.",
        set(),  # the owner is no actor: no source for the expulsion
        id="owner-not-an-actor",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_decision_owners_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
