"""Allegations: "allege" accuses whatever follows, "claim" only of an act of conflict;
alleging something of oneself accuses nobody. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import case, coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CODED = [
    # "allege" accuses whatever follows; "claim" only of an act of conflict
    case(
        "Peru alleged that Chile was aware of the smuggling.",
        ("PER", "CHL", "112"),
        id="allege-accuses",
    ),
    case("Peru claimed that Chile was aware of the smuggling.", id="claim-needs-conflict"),
    case("Peru alleged that Peru was aware of the smuggling.", id="alleging-of-oneself"),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_allegations_accuse_the_alleged(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
