"""A response promised or warned of is a threat (CAMEO 130: WARN (OF RESPONSE), PLEDGE ACTION
(AGAINST)): "will respond firmly to X's provocations", "vowed to retaliate against X", "would take
measures to respond to X", "vowed a strong response to X", "warned of a crushing response to X",
"cautioned X against ...". A response made codes nothing as a threat. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Oslo will respond firmly to any provocation by Chile, the ministry said.",
        {("NORGOV", "CHL", "130")},
        id="will-respond-to",
    ),
    pytest.param(
        "The spokesman warned that Norway would retaliate against any attack by Chile.",
        {("NOR", "CHL", "130")},
        id="warned-would-retaliate",
    ),
    pytest.param(
        "Norway said it would take proper measures to respond to Chile's provocations.",
        {("NOR", "CHL", "130")},
        id="measures-to-respond",
    ),
    pytest.param(
        "Peru vowed a strong response to Chile's missile launches.",
        {("PER", "CHL", "130")},
        id="vowed-a-response",
    ),
    pytest.param(
        "Norway has pledged a crushing response to any Chilean attack.",
        {("NOR", "CHL", "130")},
        id="pledged-a-response",
    ),
    pytest.param(
        "Peru warned of a crushing response to any attack by Chile.",
        {("PER", "CHL", "130")},
        id="warned-of-a-response",
    ),
    pytest.param(
        "Norway cautioned Chile against joining the alliance.",
        {("NOR", "CHL", "130")},
        id="cautioned-against",
    ),
    pytest.param(
        "Oslo warned Chile of grave consequences if the sailors are not released.",
        {("NORGOV", "CHL", "130")},
        id="warned-of-consequences",
    ),
    pytest.param(
        "Norway said Chile would pay a heavy price for the arms sale.",
        {("NOR", "CHL", "130")},  # the speaker threatens the one who is to pay
        id="said-would-pay-a-price",
    ),
    pytest.param(
        "Oslo said Chile would face sanctions if it annexed the islands.",
        {("NORGOV", "CHL", "1312")},
        id="said-would-face-sanctions",
    ),
    pytest.param(
        "Norway said Chile paid a heavy price for the war.",
        set(),  # a price paid is no threat
        id="price-paid-is-no-threat",
    ),
    pytest.param(
        "Norway responded to the Chilean remarks on Tuesday.",
        set(),  # a response made is no threat
        id="responded-is-no-threat",
    ),
    pytest.param(
        "Oslo will respond to the Chilean proposal next week.",
        set(),  # an answer in words is no threat
        id="answering-a-proposal-is-no-threat",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_promised_response_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
