"""Joining another state's forces in an exercise, drill or patrol is military cooperation with
that state (062; "will join" an intent, 0312); a flotilla, frigate or destroyer is a state's
military. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set, mention_codes
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Chilean naval forces": "CHLMIL"}

CASES = [
    pytest.param(
        "Norway joined Chilean naval forces in an exercise in the Pacific.",
        {("NOR", "CHLMIL", "062")},
        id="joined-forces-in-an-exercise",
    ),
    pytest.param(
        "Norway joined Chile and Peru in the annual naval drill.",
        {("NOR", "CHL", "062"), ("NOR", "PER", "062")},
        id="joined-each-state-in-a-drill",
    ),
    pytest.param(
        "Norway joined Chile in the talks on fishing.",
        set(),
        id="joined-in-no-exercise",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_joined_exercises_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected


def test_events_joined_exercises_flotilla_is_military(
    nlp: Language, resolver: ActorResolver
) -> None:
    found = mention_codes(nlp, resolver, "A Chilean flotilla of two frigates reached the port.")
    assert found.get("Chilean flotilla") == ("CHLMIL",)
