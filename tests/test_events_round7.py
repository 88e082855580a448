"""Military exercises held in another state are shown toward it (150, as "near" it already
was); regions whose names hold another state's name ("Northern Ireland", "Inner Mongolia")
belong to the state they lie in. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.actors import ActorDictionary, ActorResolver
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


@pytest.fixture(scope="module")
def resolver(nlp: Language) -> ActorResolver:
    return ActorResolver(ActorDictionary.builtin(), nlp)


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        # the region places the police (the agent's own "in" phrase)
        (
            "Protesters threw stones at police in Northern Ireland.",
            "police in Northern Ireland",
            ("GBRCOP",),
        ),
        ("Beijing sent troops to Inner Mongolia.", "Inner Mongolia", ("CHN",)),
        ("The new rules apply in New Mexico and Arizona.", "New Mexico", ("USA",)),
    ],
)
def test_regions_named_after_another_state_are_their_own_states(
    nlp: Language, resolver: ActorResolver, text: str, name: str, codes: tuple[str, ...]
) -> None:
    found = {m.text: m.codes for m in resolver.find_mentions(nlp(text))}
    assert found[name] == codes
    assert not {"IRL", "MNG", "MEX"} & {code[:3] for codes in found.values() for code in codes}
