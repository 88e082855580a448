"""Optimistic comments (CAMEO 013): a visit, meeting or talks that the clause judges with a
word of praise, by the one who speaks of "his visit" or "its talks"; "X is optimistic about
(its ties with) Y".
Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "Lima": "PERGOV", "the Norwegian minister": "NORGOV"}

CASES = [
    pytest.param(
        "In a tweet, the Norwegian minister said that his visit to Chile was productive.",
        {("NORGOV", "CHL", "042"), ("NORGOV", "CHL", "013")},
        id="said-his-visit-was-productive",
    ),
    pytest.param(
        "Oslo said its talks with Lima were constructive and useful.",
        {("NORGOV", "PERGOV", "013")},
        id="said-its-talks-were-constructive",
    ),
    pytest.param(
        "Norway's visit to Chile proved a success.",
        {("NOR", "CHL", "042"), ("NOR", "CHL", "013")},
        id="visit-proved-a-success",
    ),
    pytest.param(
        "Norway is optimistic about its relations with Chile.",
        {("NOR", "CHL", "013")},
        id="optimistic-about-relations-with",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_praised_meeting_is_an_optimistic_comment(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) >= expected


@pytest.mark.parametrize(
    "text",
    [
        "The meeting between Norway and Chile was not productive.",
        "Norway's visit to Chile was short.",
        "Norway is not optimistic about its relations with Chile.",
        "Chile said Peru would cut gas supplies to Norway amid its visit to Bolivia.",
    ],
)
def test_no_optimism_without_praise(nlp: Language, coder: EventCoder, text: str) -> None:
    assert not {c for c in coded_set(nlp, coder, text, ACTORS) if c[2] == "013"}
