"""Sanctions and force as wire copy words them: tariffs, duties and sanctions raised, hiked,
tightened, strengthened or extended against a state (163); a diplomat with an accented title
summoned or expelled ("attaché", "chargé d'affaires"); an airplane shot or brought down (190);
water cannon fired at or used on a state's vessels, which coerces (175) and is no armed attack
(190); a treaty with a state terminated (160), or threatened with termination unless the state
complies (1313). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Chilean": "CHL",
    "Norwegian coast guard": "NORMIL",
    "Chilean navy": "CHLMIL",
    "Norwegian fighter jets": "NORMIL",
}

CASES = [
    pytest.param(
        "Norway raised tariffs on Chilean salmon on Monday.",
        {("NOR", "CHL", "163")},
        id="tariffs-raised-on-goods",
    ),
    pytest.param(
        "Chile hiked duties on Norwegian timber last week.",
        {("CHL", "NOR", "163")},
        id="duties-hiked",
    ),
    pytest.param(
        "Norway tightened sanctions on Chile after the vote.",
        {("NOR", "CHL", "163")},
        id="sanctions-tightened",
    ),
    pytest.param(
        "Peru strengthened its sanctions against Chile.",
        {("PER", "CHL", "163")},
        id="sanctions-strengthened",
    ),
    pytest.param(
        "Norway extended its sanctions on Chile for another six months.",
        {("NOR", "CHL", "163")},
        id="sanctions-extended",
    ),
    pytest.param(
        "Norway summoned Chile's defence attaché over the incident.",
        {("NOR", "CHL", "114")},
        id="accented-attache-summoned",
    ),
    pytest.param(
        "Peru summoned the Chilean chargé d'affaires on Sunday.",
        {("PER", "CHL", "114")},
        id="charge-d-affaires-summoned",
    ),
    pytest.param(
        "Norwegian fighter jets shot down a Chilean airplane near the border.",
        {("NORMIL", "CHL", "190")},
        id="airplane-shot-down",
    ),
    pytest.param(
        "Norway brought down the Chilean plane on Tuesday.",
        {("NOR", "CHL", "190")},
        id="plane-brought-down",
    ),
    pytest.param(
        "The Norwegian coast guard fired water cannon at a Chilean vessel.",
        {("NORMIL", "CHL", "175")},
        id="water-cannon-fired-is-coercion",
    ),
    pytest.param(
        "The Norwegian coast guard used water cannon against the Chilean navy.",
        {("NORMIL", "CHLMIL", "175")},
        id="water-cannon-used",
    ),
    pytest.param(
        "Norwegian troops fired shells at Chilean positions.",
        {("NORMIL", "CHL", "194")},
        id="shells-fired-stay-an-attack",
    ),
    pytest.param(
        "Norway terminated its fisheries treaty with Chile.",
        {("NOR", "CHL", "160")},
        id="treaty-terminated",
    ),
    pytest.param(
        "Norway will terminate the treaty if Chile does not return to compliance by May.",
        {("NOR", "CHL", "1313")},
        id="treaty-termination-threatened-on-a-condition",
    ),
    pytest.param(
        "Norway raised concern about the talks.",
        set(),
        id="raised-concern-is-no-sanction",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_sanction_and_force_phrasings_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Norway raised tariffs on $40 million in Chilean wine.",
            {("NOR", "CHL", "163")},
            id="tariffs-on-an-amount-of-goods",
        ),
    ],
)
def test_events_sanction_amounts_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
