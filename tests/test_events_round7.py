"""Military exercises held in another state are shown toward it (150, as "near" it already
was); regions whose names hold another state's name ("Northern Ireland", "Inner Mongolia")
belong to the state they lie in; property damaged by protesters is a riot (145); summit
venues that are not capitals are places ("meet in Geneva"); "official" as an adjective is
no official. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table, mention_codes
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Peruvian navy": "PERMIL",
    "Ecuador": "ECU",
    "Chile": "CHL",
    "Ecuadorian forces": "ECUMIL",
    "Chilean demonstrators": "CHLCVL",
    "Peruvian embassy": "PERGOV",
    "Chilean": "CHL",
    "Chilean soldiers": "CHLMIL",
    "The Peruvian president": "PERGOV",
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
    found = mention_codes(nlp, resolver, text)
    assert found[name] == codes
    assert not {"IRL", "MNG", "MEX"} & {code[:3] for codes in found.values() for code in codes}


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


def test_a_single_protestor_is_a_civilian(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "A Kenyan protestor was hurt.")
    assert found == {"Kenyan protestor": ("KENCVL",)}


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


def test_official_as_an_adjective_is_no_official(nlp: Language, resolver: ActorResolver) -> None:
    text = "Kenya said it would boycott all official contact with Uganda."
    found = mention_codes(nlp, resolver, text)
    assert found == {"Kenya": ("KEN",), "Uganda": ("UGA",)}  # no KENGOV on "official"
    found = mention_codes(nlp, resolver, "A Kenyan official said so.")
    assert found == {"Kenyan official": ("KENGOV",)}
