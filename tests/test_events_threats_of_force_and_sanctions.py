"""Threats news states with an act's own verb: "threatened to use force against X" (138), "vowed
to take X by force" (1382), "threatened to reimpose sanctions on X", "warned of sanctions
against X" (1312); and acts only sought ("pushed for new sanctions on X") are not done.
Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "UN": "IGOUNO"}

CASES = [
    pytest.param(
        "Chile has repeatedly threatened to use force against Peru.",
        {("CHL", "PER", "138")},
        id="threatened-to-use-force",
    ),
    pytest.param(
        "Chile has long vowed to take Peru by force if necessary.",
        {("CHL", "PER", "1382")},
        id="vowed-to-take-by-force",
    ),
    pytest.param(
        "Chile vowed to reunify with Peru by force if necessary.",
        {("CHL", "PER", "1382")},
        id="vowed-to-reunify-by-force",
    ),
    pytest.param(
        "Chile took the islands from Peru by force in 1990.",
        {("CHL", "PER", "192")},  # done: territory occupied
        id="took-by-force",
    ),
    pytest.param(
        "Norway threatened to reimpose sanctions on Chile.",
        {("NOR", "CHL", "1312")},
        id="threatened-to-reimpose-sanctions",
    ),
    pytest.param(
        "Norway warned of sanctions against Chile.",
        {("NOR", "CHL", "1312")},
        id="warned-of-sanctions-against",
    ),
    pytest.param(
        "Norway lobbied for new UN sanctions on Chile.",
        set(),  # sought, not imposed (and not the UN's act)
        id="sanctions-lobbied-for-are-not-imposed",
    ),
    pytest.param(
        "Norway will seek a return of UN sanctions on Chile.",
        set(),
        id="a-return-of-sanctions-sought-is-not-done",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_threat_of_force_or_sanctions_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
