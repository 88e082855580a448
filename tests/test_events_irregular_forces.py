"""Irregular fighters: their killings of anyone but soldiers are unconventional violence
(18x), combat with soldiers stays 19x; rebels surrender to their own government (0874).
Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Chilean army": "CHLMIL",
    "Chilean villagers": "CHLCVL",
    "Chilean soldiers": "CHLMIL",
    "Chilean": "CHL",
    "Afghan rebels": "AFGREB",
    "Afghan": "AFG",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_coder_irregular_killing_is_unconventional_violence(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Afghan rebels killed five Chilean villagers.") == {
        ("AFGREB", "CHLCVL", "180")
    }
    # combat with soldiers stays conventional force
    assert code(nlp, coder, "Afghan rebels killed five Chilean soldiers.") == {
        ("AFGREB", "CHLMIL", "190")
    }
    assert code(nlp, coder, "The Chilean army killed five Afghan rebels.") == {
        ("CHLMIL", "AFGREB", "190")
    }


def test_coder_rebels_surrender_to_their_government(nlp: Language, coder: EventCoder) -> None:
    text = "Two hundred Afghan rebels surrendered on Monday."
    assert code(nlp, coder, text) == {("AFGREB", "AFGGOV", "0874")}
