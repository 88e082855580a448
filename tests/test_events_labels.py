"""Naming an act or a state with a word of blame is disapproval (111): "described the visit as
an egregious provocation", "called the veto a guilty plea", "branded X a rogue state"; a word
of praise is not. The blamed state may stand on the act ("the veto by X") or on the label
("open Russian aggression", "a ploy by the Taiwan side"). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
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
    pytest.param(
        "Oslo described the incident as open Chilean aggression.",
        {("NORGOV", "CHL", "111")},
        id="the-blamed-state-on-the-label",
    ),
    pytest.param(
        "Norway had earlier labelled the call a ploy by the Chilean side.",
        {("NOR", "CHL", "111")},
        id="the-blamed-state-by-the-label",
    ),
    pytest.param(
        "Peru called the decision by Chile a grave mistake.",
        {("PER", "CHL", "111")},
        id="the-act-by-the-blamed-state",
    ),
    pytest.param("Peru called the decision by Chile a wise step.", set(), id="praise-of-an-act"),
    pytest.param("Norway called Chile a close friend.", set(), id="praise-is-no-blame"),
    pytest.param("Norway may describe the Chilean plan as a mistake.", set(), id="hedged-label"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_labels_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
