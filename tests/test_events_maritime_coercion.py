"""Coercion at sea and in the air as coast guards and navies practise it: supply boats or
missions blocked (191), lasers aimed at a ship (170), warships shadowing or jets buzzing another
state's ship (150), and "X's downing of a Y jet" (190). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "Chilean coast guard ship": "CHLMIL", "Chilean navy ships": "CHLMIL"}

CASES = [
    pytest.param(
        "Chilean vessels blocked a Norwegian resupply mission to the reef.",
        {("CHL", "NOR", "191")},
        id="resupply-mission-blocked",
    ),
    pytest.param(
        "Chilean vessels blocked Norwegian supply boats near the reef.",
        {("CHL", "NOR", "191")},
        id="supply-boats-blocked",
    ),
    pytest.param(
        "A Chilean coast guard ship pointed a military-grade laser at a Norwegian vessel.",
        {("CHLMIL", "NOR", "170")},
        id="laser-pointed-at",
    ),
    pytest.param(
        "Chilean ships used lasers against Norwegian boats.",
        {("CHL", "NOR", "170")},
        id="lasers-used-against",
    ),
    pytest.param(
        "Chilean navy ships shadowed the Norwegian warship through the strait.",
        {("CHLMIL", "NORMIL", "150")},
        id="warship-shadowed",
    ),
    pytest.param(
        "Chilean bombers buzzed a Norwegian frigate on Monday.",
        {("CHLMIL", "NOR", "150")},
        id="frigate-buzzed",
    ),
    pytest.param(
        "Chile's downing of the Norwegian jet angered Oslo.",
        {("CHL", "NOR", "190")},
        id="downing-of-a-jet",
    ),
    pytest.param(
        "Protesters blocked the road to the Chilean embassy.",
        set(),  # a road blocked by protesters is no blockade between states
        id="road-blocked-is-no-blockade",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_maritime_coercion_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
