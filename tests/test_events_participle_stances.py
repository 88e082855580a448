"""A warning or blame participle with no target of its own is aimed at the main verb's
object: "urged X to ..., warning the move could ..." (X, 130), "criticized X, accusing it of
..." (112); other participles are not ("met X, saying ..."). Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway had earlier urged Chile to drop the plan, warning the move could harm ties.",
        {("NOR", "CHL", "020"), ("NOR", "CHL", "130")},
        id="urged-warning",
    ),
    pytest.param(
        "Norway criticized Chile, accusing it of breaking the accord.",
        {("NOR", "CHL", "111"), ("NOR", "CHL", "112")},
        id="criticized-accusing",
    ),
    pytest.param(
        "Norway met Chile, saying the talks were good.",
        {("NOR", "CHL", "040")},
        id="met-saying",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_participle_stances_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
