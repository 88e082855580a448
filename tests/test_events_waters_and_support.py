"""Ships sailing in or into another state's waters show force (150), as entering them does;
"stand by X" voices support for X (051; "would stand by X" an intent, 03). Sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Chilean": "CHL",
    "Norwegian coast guard ships": "NORMIL",
}

CASES = [
    pytest.param(
        "Three Norwegian coast guard ships sailed in Chilean waters for two hours on Friday.",
        {("NORMIL", "CHL", "150")},
        id="sailed-in-waters",
    ),
    pytest.param(
        "Three Norwegian coast guard ships sailed into Chilean waters on Friday.",
        {("NORMIL", "CHL", "150")},
        id="sailed-into-waters",
    ),
    pytest.param(
        "Norwegian coast guard ships sailed in the waters near the reef.",
        set(),
        id="waters-of-no-state",
    ),
    pytest.param("Norway stands by Chile.", {("NOR", "CHL", "051")}, id="stands-by"),
    pytest.param(
        "Norway has said it would stand by Chile amid the standoff.",
        {("NOR", "CHL", "032")},
        id="would-stand-by",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_waters_and_support_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
