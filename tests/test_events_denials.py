"""Denials that answer a charge (CAMEO 016): aimed at whoever made the charge, named in the
accusing clause, the charge's author, or the clause that names the denier; the act a denial
is about is not coded as done. A denial that names no one answers the last charge the story
coded against the denier. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "Lima": "PERGOV", "Peruvian": "PER"}

CASES = [
    pytest.param(
        "Chile and Peru accused Norway of supplying missiles to Bolivia, a charge Oslo denies.",
        {
            ("CHL", "NOR", "112"),
            ("PER", "NOR", "112"),
            ("NORGOV", "CHL", "016"),
            ("NORGOV", "PER", "016"),
        },
        id="a-charge-the-accused-denies",
    ),
    pytest.param(
        "Chile accused Peru of sabotage, an accusation Lima rejected.",
        {("CHL", "PER", "112"), ("PERGOV", "CHL", "016")},
        id="an-accusation-the-accused-rejected",
    ),
    pytest.param(
        "The Peruvian president said his government will halt all flights to Chile, "
        "which denies any role in the bombing.",
        {("CHL", "PER", "016")},
        id="which-denies-involvement",
    ),
    pytest.param(
        "Chile said Norway, which denies the charge, had armed the rebels.",
        {("NOR", "CHL", "016")},
        id="which-denies-the-charge-skips-its-own-clause",
    ),
    pytest.param(
        "Norway denied the accusations by Chile.",
        {("NOR", "CHL", "016")},
        id="accusations-by",
    ),
    pytest.param(
        "Norway denies any role in the attack on Chile.",
        {("NOR", "CHL", "016")},
        id="a-role-denied-is-no-attack",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_denial_is_aimed_at_the_accuser(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) >= expected


def test_denied_attack_codes_no_attack(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(nlp, coder, "Norway denies any role in the attack on Chile.", ACTORS)
    assert not {c for c in coded if c[2].startswith("19")}


def test_an_admitted_role_is_no_denial(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(nlp, coder, "Norway did not deny any role in the attack on Chile.", ACTORS)
    assert not {c for c in coded if c[2] == "016"}


STORY_CASES = [
    pytest.param(
        "Chile accused Norway of arming rebels in Peru. Norway has denied the charges.",
        ("NOR", "CHL", "016"),
        id="denied-the-charges",
    ),
    pytest.param(
        "Chile condemned Norway's naval drills. Norway has denied planning an offensive.",
        ("NOR", "CHL", "016"),
        id="denied-planning",
    ),
    pytest.param(
        "Peru criticised Chile over the border clash. Chile is not to blame for the clash.",
        ("CHL", "PER", "016"),
        id="not-to-blame",
    ),
    pytest.param(
        "Norway condemned Chile over the conflict. Chile maintains that it does not supply arms "
        "to Peru.",
        ("CHL", "NOR", "016"),
        id="insists-it-does-not",
    ),
    pytest.param(
        "Peru accused Chile of breaking the fishing pact. Chile denies that it has broken "
        "the pact.",
        ("CHL", "PER", "016"),
        id="denies-that-it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STORY_CASES)
def test_denial_answers_the_story_charge(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded_set(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    "text",
    [
        "Norway has denied planning an offensive.",  # no charge before it
        "Chile met Norway on Monday. Norway has denied planning an offensive.",
        "Peru condemned Chile. Chile insists that it will not attend the summit.",
        "Peru condemned Chile. Chile said it did not need more gas.",
        "Peru condemned Chile. Chile denied that Peru had offered talks.",  # no "it": no denial
    ],
)
def test_no_story_denial_without_a_charge_or_a_denial(
    nlp: Language, coder: EventCoder, text: str
) -> None:
    assert not {c for c in coded_set(nlp, coder, text, ACTORS) if c[2] == "016"}
