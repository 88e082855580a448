"""Force shown to a state: troops moved up to it, a buildup near it, warships sailing close,
planes flying near or intercepting its aircraft (CAMEO 15x); drills "X launched around Y".
Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Oslo condemned the drills Chile launched around Peru.",
        {("CHL", "PER", "150"), ("NORGOV", "CHL", "111")},
        id="drills-a-state-launched-around",
    ),
    pytest.param(
        "Norway moved tanks to the Chilean border.", {("NOR", "CHL", "154")}, id="moved-to"
    ),
    pytest.param(
        "A buildup of 5,000 Norwegian troops near Chile alarmed its neighbours.",
        {("NORMIL", "CHL", "154")},
        id="buildup-near",
    ),
    pytest.param(
        "The Norwegian warship sailed within 12 nautical miles of a Chilean island.",
        {("NORMIL", "CHL", "150")},
        id="sailed-within",
    ),
    pytest.param(
        "Norwegian jets intercepted Chilean bombers near the coast.",
        {("NORMIL", "CHLMIL", "150")},
        id="intercepted",
    ),
    pytest.param(
        "Chilean bombers flew near Norwegian airspace on Monday.",
        {("CHLMIL", "NOR", "150")},
        id="flew-near",
    ),
    pytest.param(
        "Oslo flew to Chile for talks on Monday.",
        {("NORGOV", "CHL", "042")},
        id="flew-to-visit",
    ),
    pytest.param(
        "Chile fired a ballistic missile over Norway on Friday.",
        {("CHL", "NOR", "150")},  # a flight over a state shows force; it strikes no one
        id="missile-fired-over-a-state",
    ),
    pytest.param(
        "Chile launched a missile over Peru that landed in the sea.",
        {("CHL", "PER", "150")},
        id="missile-launched-over-a-state",
    ),
    pytest.param(
        "Chile fired rockets over the border at Norwegian positions.",
        {("CHL", "NOR", "194")},  # aimed at a target: fighting
        id="rockets-fired-over-and-at",
    ),
    pytest.param(
        "A Chilean fighter jet performed an unsafe intercept of a Norwegian patrol plane.",
        {("CHL", "NOR", "150")},
        id="performed-an-intercept-of",
    ),
    pytest.param(
        "Chile fired three missiles into the sea off Norway on Tuesday.",
        {("CHL", "NOR", "150")},  # splashed into a state's waters: shown, not fought
        id="missiles-fired-into-the-sea-off-a-state",
    ),
    pytest.param(
        "Chile launched a missile into Peru's exclusive economic zone.",
        {("CHL", "PER", "150")},
        id="missile-launched-into-a-states-zone",
    ),
    pytest.param(
        "Chile fired rockets into Norway on Saturday.",
        {("CHL", "NOR", "194")},  # into the state itself: fighting
        id="rockets-fired-into-a-state",
    ),
    pytest.param(
        "The border standoff between Chile and Peru has lasted two years.",
        {("CHL", "PER", "150"), ("PER", "CHL", "150")},
        id="border-standoff-between",
    ),
    pytest.param(
        "The diplomatic standoff between Chile and Peru has lasted two years.",
        set(),  # only armed forces' standoffs show force
        id="diplomatic-standoff-is-no-posture",
    ),
    pytest.param(
        "Norwegian troops massed on the border with Chile.",
        {("NORMIL", "CHL", "154")},
        id="massed-on-the-border-with",
    ),
    pytest.param(
        "Norway deployed a carrier strike group near Chile.",
        {("NOR", "CHL", "154")},
        id="carrier-group-deployed-near",
    ),
    pytest.param(
        "Norway scrambled jets to intercept Chilean drones near the coast.",
        {("NOR", "CHL", "150")},  # scrambled to intercept: intercepted
        id="scrambled-to-intercept",
    ),
    pytest.param(
        "Chile test-fired two rockets at Peru.",
        {("CHL", "PER", "150")},  # a test, not a strike
        id="test-fired-at",
    ),
    pytest.param(
        "The Norwegian warship sailed near an island claimed by Chile.",
        {("NORMIL", "CHL", "150")},  # the claimant of the place approached
        id="sailed-near-a-place-claimed-by",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_show_of_force_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
