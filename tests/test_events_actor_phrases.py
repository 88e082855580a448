"""Who a phrase stands for: a document speaks for its author or the capital it was released
in, a camp for those it houses, an apposition names the state, a withdrawal's mover is its
"of" phrase. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import case, coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Ecuador": "ECU",
    "Lima": "PERGOV",
    "Peruvian embassy": "PERGOV",
    "Peruvian navy": "PERMIL",
    "Chilean soldiers": "CHLMIL",
    "Chilean refugees": "CHLREF",
    "Ecuadorian forces": "ECUMIL",
    "Ecuadorian": "ECU",
    "Chilean": "CHL",
    "Peruvian": "PER",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CODED = [
    # a document speaks for its author, or for the capital it was released in
    case(
        "A study released in Lima alleged that Chilean soldiers had smuggled weapons.",
        ("PERGOV", "CHLMIL", "112"),
        id="document-released-in-a-capital",
    ),
    case(
        "The statement issued by the Peruvian embassy criticized Chile.",
        ("PERGOV", "CHL", "111"),
        id="document-issued-by",
    ),
    case("A study released on Monday criticized Chile.", id="document-of-no-known-author"),
    # a camp stands for those it houses
    case(
        "Ecuadorian forces attacked a camp of Chilean refugees.",
        ("ECUMIL", "CHLREF", "190"),
        id="camp-of",
    ),
    case(
        "A camp for Chilean refugees was attacked by Ecuadorian forces.",
        ("ECUMIL", "CHLREF", "190"),
        id="camp-for",
    ),
    case(
        "Juan Quispe, the Peruvian navy commander, criticized Chile on Monday.",
        ("PERMIL", "CHL", "111"),
        id="apposition-names-the-state",
    ),
    # withdrawals: the mover is the "of" phrase
    case(
        "The withdrawal of Ecuadorian forces from Peru began on Monday.",
        ("ECUMIL", "PER", "087"),
        id="withdrawal-of-forces",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_actor_phrases_stand_for_their_actors(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
