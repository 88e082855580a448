"""Violence with no named perpetrator: unidentified armed forces (UAF) of the one state
where it happened act on the victims; victims of a passive are never the agents of the
attack noun they suffered. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Kenyan soldiers": "KENMIL",
    "Somalia": "SOM",
    "Chilean journalist": "CHLMED",
    "Lima": "PERGOV",
    "journalist": "---MED",
    "Peruvian police officers": "PERCOP",
    "Bolivia": "BOL",
    "Bolivia's army": "BOLMIL",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four Kenyan soldiers were killed in Somalia on Tuesday.", ("SOMUAF", "KENMIL", "190")),
        # a place from the places table (Kismayo, Somalia), a bomb as the subject: 183
        (
            "A roadside bomb near the town of Kismayo killed two Kenyan soldiers.",
            ("SOMUAF", "KENMIL", "183"),
        ),
        # a victim of unknown country takes the place's; the place deep in the phrase
        (
            "A journalist was killed in a bomb blast in a poor district of Lima.",
            ("PERUAF", "PERMED", "183"),
        ),
        # not known to be irregulars: the killing stays 190, not 180
        ("A Chilean journalist was shot dead in Lima.", ("PERUAF", "CHLMED", "190")),
        # the attack noun gives the code
        (
            "Five Peruvian police officers were wounded in an ambush in Bolivia.",
            ("BOLUAF", "PERCOP", "193"),
        ),
    ],
)
def test_unattributed_violence_is_coded_from_the_place(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


def test_named_perpetrator_is_kept(nlp: Language, coder: EventCoder) -> None:
    text = "Five Peruvian police officers were wounded by Bolivia's army in Bolivia."
    assert [e[:2] for e in code(nlp, coder, text)] == [("BOLMIL", "PERCOP")]


def test_no_place_no_event(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Four Kenyan soldiers were killed on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places of the triangle's states from the places table
        ("Two Kenyan soldiers were killed in Xinjiang.", ("CHNUAF", "KENMIL", "190")),
        ("Two Kenyan soldiers were wounded in Alaska.", ("USAUAF", "KENMIL", "190")),
        ("Two Kenyan soldiers were killed near Vladivostok.", ("RUSUAF", "KENMIL", "190")),
    ],
)
def test_unattributed_violence_in_listed_regions(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert [e[:2] for e in code(nlp, coder, text)] == [expected[:2]]


def test_sympathy_for_a_place(nlp: Language, coder: EventCoder) -> None:
    coded = coded_with_table(
        nlp, coder, "Chile expressed sorrow for the shootings in Texas.", {"Chile": "CHL"}
    )
    assert coded == [("CHL", "USA", "018")]


def test_fire_near_a_vessel_of_a_state(nlp: Language, coder: EventCoder) -> None:
    text = "Chile fired mortar shells near a patrol boat from Peru."
    coded = coded_with_table(nlp, coder, text, {"Chile": "CHL", "Peru": "PER"})
    assert coded == [("CHL", "PER", "194")]
