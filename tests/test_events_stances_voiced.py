"""A stance noun voiced by someone is a stance stated: "X's opposition to Y", "Y went ahead
despite objections from X" (X -> Y, 11); "opposition" so used is no opposition party, and a
light noun of another kind stays a standing relation. On sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set, coded_with_resolver
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway approved the sale of tanks to Peru despite objections from Chile.",
        {("NOR", "PER", "062"), ("CHL", "NOR", "111")},
        id="despite-objections-from",
    ),
    pytest.param(
        "Norway and Peru started the drills despite strong opposition from Chile.",
        {("CHL", "NOR", "110"), ("CHL", "PER", "110")},
        id="despite-opposition-from-each-doer",
    ),
    pytest.param(
        "The opposition to the Norwegian patrols grew in Chile.",
        set(),
        id="opposition-nobody-voiced",
    ),
    pytest.param(
        "Norway's contract with Chile covers half of its needs.",
        set(),
        id="owned-contract-stays-a-relation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_stances_voiced_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected


def test_events_stances_voiced_opposition_of_a_state_is_no_party(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Norway's opposition to the Chilean plan is firm, the spokesman said."
    assert coded_with_resolver(nlp, resolver, coder, text) == {("NOR", "CHL", "110")}


def test_events_stances_voiced_against_the_owner_of_a_deployment(
    nlp: Language, coder: EventCoder
) -> None:
    """ "the Chilean deployment of missiles in Peru" is Chile's: the "of" phrase names no
    actor, so the modifier does, not the place."""
    text = "Norway's opposition to the Chilean deployment of missiles in Peru is firm."
    assert coded_set(nlp, coder, text) == {("NOR", "CHL", "110")}
