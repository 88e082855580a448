"""A state's account of force another used on it, told with "its" ("Norway said a Chilean
cutter rammed one of its trawlers", "... entered its waters"), is its accusation of the other
(112), as CAMEO codes a claim; "its" of a state that acts is its own ("Chile abused its
veto"), and "its own" is the doer's. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway said a Chilean coast guard cutter rammed one of its trawlers last week.",
        {("NOR", "CHL", "112")},
        id="rammed-one-of-its-trawlers",
    ),
    pytest.param(
        "Oslo said Chilean warships had entered its territorial waters on Monday.",
        {("NORGOV", "CHL", "112")},
        id="entered-its-waters",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_victim_reports_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, NORDIC) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Norway said Chile abused its veto at the council.", id="a-state-its-own"),
        pytest.param("Norway said Chilean jets bombed their own bases.", id="its-own"),
    ],
)
def test_events_victim_reports_need_the_speakers_its(
    nlp: Language, coder: EventCoder, text: str
) -> None:
    found = coded_set(nlp, coder, text, NORDIC)
    assert ("NOR", "CHL", "112") not in found  # ("NOR", "CHL", "111"): blamed for abuse
    assert not any(target[:3] == "NOR" for _, target, _ in found)
