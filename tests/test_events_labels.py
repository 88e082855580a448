"""Naming an act or a state with a word of blame is disapproval (111): "described the visit as
an egregious provocation", "called the veto a guilty plea", "branded X a rogue state"; a word
of praise is not. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {"Norway": "NOR", "Chile": "CHL", "Chilean": "CHL", "Peru": "PER"}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Norway described the Chilean visit to the islands as an egregious provocation.",
            {("NOR", "CHL", "111")},
            id="described-as",
        ),
        pytest.param(
            "Peru called the Chilean veto a guilty plea.",
            {("PER", "CHL", "111")},
            id="called-x-a-blame-noun",
        ),
        pytest.param("Norway branded Chile a rogue state.", {("NOR", "CHL", "111")}, id="branded"),
        pytest.param(
            "Norway called the Chilean decision irresponsible.",
            {("NOR", "CHL", "111")},
            id="called-x-blame-adjective",
        ),
        pytest.param("Norway called Chile a close friend.", set(), id="praise-is-no-blame"),
        pytest.param(
            "Norway may describe the Chilean plan as a mistake.", set(), id="hedged-label"
        ),
        pytest.param(
            "Norway described the incident as open Chilean aggression.",
            {("NOR", "CHL", "111")},
            id="blamed-party-in-the-label",
        ),
        pytest.param(
            "Norway described the incident as a grave provocation.",
            set(),
            id="no-party-named",
        ),
    ],
)
def test_events_labels_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
