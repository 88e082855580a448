"""Reactions drawn by an act: "X's test drew criticism from Y", ", prompting condemnation from
Y and Z", "met with protests from Y" code the reacting party against the actor whose act drew
them; "met with criticism" is no meeting. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Peru": "PER",
    "Brazil": "BRA",
    "Chilean": "CHL",
    "rights groups": "---NGO",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


CASES = [
    pytest.param(
        "Peru fired a rocket into the sea on Monday, prompting condemnation from Chile and Brazil.",
        {("CHL", "PER", "111"), ("BRA", "PER", "111")},
        id="prompting-condemnation-from",
    ),
    pytest.param(
        "Peru's rocket test drew sharp criticism from Norway and Brazil.",
        {("NOR", "PER", "111"), ("BRA", "PER", "111")},
        id="drew-criticism-from",
    ),
    pytest.param(
        "The Chilean plan met with criticism from Norway.",
        {("NOR", "CHL", "111")},
        id="met-with-criticism-is-no-meeting",
    ),
    pytest.param(
        "The Chilean decision drew praise from Brazil.",
        {("BRA", "CHL", "051")},
        id="drew-praise",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_reactions_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_events_reactions_need_an_actor_behind_the_act(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "The decision drew criticism from Norway.") == set()


def test_events_reactions_a_real_meeting_stays(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway met with Chile in Lima.") == {("NOR", "CHL", "040")}
