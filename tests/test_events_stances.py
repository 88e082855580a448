"""Stances and inspections: "X is opposed to Y" is X's act (110, 126 for mediation) however
the parser hangs it; a real passive is read through its agent; inspecting things in a state
targets it (090). Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Moldova": "MDA",
    "Ghana": "GHA",
    "Norway": "NOR",
    "Ghanaian": "GHA",
    "the African Union": "IGOAFRAU",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the subject on "is" or reads "opposed" as an adjective
        ("Moldova is opposed to the Ghanaian proposal.", ("MDA", "GHA", "110")),
        ("Norway remains firmly opposed to the African Union plan.", ("NOR", "IGOAFRAU", "110")),
        ("Moldova is opposed to Ghanaian mediation in the dispute.", ("MDA", "GHA", "126")),
        ("Moldova opposed Ghanaian mediation.", ("MDA", "GHA", "126")),
    ],
)
def test_stance_opposed_to_is_the_subjects_act(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


def test_stance_passive_with_an_agent_stays_passive(nlp: Language, coder: EventCoder) -> None:
    # "was opposed by Norway": a real passive, read through its agent
    assert code(nlp, coder, "The Ghanaian plan was opposed by Norway.") == [("NOR", "GHA", "110")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday the African Union inspected the camps in Ghana.", ("IGOAFRAU", "GHA", "090")),
        ("Moldova examined the accounts held in Ghana.", ("MDA", "GHA", "090")),
    ],
)
def test_investigations_of_things_in_a_state_target_it(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]
