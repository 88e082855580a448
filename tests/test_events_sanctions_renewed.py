"""Sanctions renewed are sanctions imposed (163): "prolonged its sanctions on X", "rolled over
punitive measures against X", "a sanctions package over X's annexation" (the owner of the act
it answers is the target). On sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway prolonged its sanctions on Chile until January.",
        {("NOR", "CHL", "163")},
        id="prolonged-sanctions",
    ),
    pytest.param(
        "Norway rolled over punitive measures against Chile.",
        {("NOR", "CHL", "163")},
        id="rolled-over-punitive-measures",
    ),
    pytest.param(
        "Norway today prolonged a sanctions package over Chile's illegal annexation of the isles.",
        {("NOR", "CHL", "163")},
        id="sanctions-package-over-an-act",
    ),
    pytest.param(
        "Norway adopted new safety measures in its ports.",
        set(),
        id="measures-that-punish-no-one",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_sanctions_renewed_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
