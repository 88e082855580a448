"""Concern voiced, discussed or shared "that X was doing something" is disapproval of X
(111): the target is the subject of the "that" clause on the concern noun. Concern about a
matter with no state named codes nothing. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "NATO defence ministers": "IGOWSTNAT"}

CASES = [
    pytest.param(
        "Norway voiced concern that Chile was expanding its fishing fleet.",
        {("NOR", "CHL", "111")},
        id="voiced-concern-that",
    ),
    pytest.param(
        "Oslo expressed concern that Peru had moved troops to the border.",
        {("NORGOV", "PER", "111")},
        id="expressed-concern-that",
    ),
    pytest.param(
        "NATO defence ministers discussed concerns that Chile was building a new missile.",
        {("IGOWSTNAT", "CHL", "111")},
        id="discussed-concerns-that",
    ),
    pytest.param(
        "Norway voiced concern that the talks were moving slowly.",
        set(),  # the clause's subject is no state
        id="concern-that-without-a-state",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_concern_clauses_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
