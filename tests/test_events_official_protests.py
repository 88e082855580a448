"""A state's protest is an official complaint (114), not a street protest (140): "Norway
protested the sanctions"; people named by their nationality still demonstrate (140). A
protest or objection with no object of its own is aimed at whoever did what it answers
("Norway protested after Chile seized the trawler"). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Norwegian foreign ministry": "NORGOV",
    "Chilean farmers": "CHLAGR",
    "Peruvians": "PER",
}

CASES = [
    pytest.param(
        "Norway protested the Chilean sanctions on Monday.",
        {("NOR", "CHL", "114")},
        id="state-protests-officially",
    ),
    pytest.param(
        "The Norwegian foreign ministry protested the Chilean decision.",
        {("NORGOV", "CHL", "114")},
        id="ministry-protests-officially",
    ),
    pytest.param(
        "Thousands of Chilean farmers protested against Norway.",
        {("CHLAGR", "NOR", "140")},
        id="farmers-demonstrate",
    ),
    pytest.param(
        "Peruvians protested against Chile in the capital.",
        {("PER", "CHL", "140")},
        id="people-named-by-nationality-demonstrate",
    ),
    pytest.param(
        "Norway protested after Chile seized a Norwegian trawler.",
        {("NOR", "CHL", "114"), ("CHL", "NOR", "171")},
        id="protest-after-the-act-answered",
    ),
    pytest.param(
        "Oslo objected when Chile announced the drills.",
        {("NORGOV", "CHL", "111")},
        id="objection-when-the-act-was-announced",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_official_protests_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
