"""Protests: "in protest of/at X" names what is protested and codes the protest once; a
threatened strike is aimed at its condition's subject; a strike by a group of society is a
labour strike (143), by a state an attack. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Moldova": "MDA",
    "Norway": "NOR",
    "Norwegian government": "NORGOV",
    "Moldovan students": "MDAEDU",
    "Moldovan government": "MDAGOV",
    "Norwegian": "NOR",
    "Moldovan positions": "MDAMIL",
    "Chisinau": "MDAGOV",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of" in the idiom is what is protested, not who protests; the strike is coded once
        (
            "Moldovan students have kept up their hunger strike in protest of Norway's "
            "decision to close the border.",
            [("MDAEDU", "NOR", "140")],
        ),
        # the parser may hang "at X" on the clause's verb
        ("Moldova recalled its envoy in protest at the Norwegian ruling.", [("MDA", "NOR", "140")]),
        # a rally (a noun with a place) is coded once too, through the phrase
        (
            "Moldovan students held a rally in Chisinau in protest at the Norwegian ruling.",
            [("MDAEDU", "NOR", "140")],
        ),
        # a march in its own capital: the protested party is the target, not the place
        (
            "Moldovan students marched in Chisinau in protest against the Norwegian government.",
            [("MDAEDU", "NORGOV", "140")],
        ),
    ],
)
def test_in_protest_names_what_is_protested(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_threatened_strike_is_aimed_at_the_condition(nlp: Language, coder: EventCoder) -> None:
    text = (
        "Moldovan students threatened to stage a general strike unless Norway lifted its "
        "visa rules."
    )
    assert code(nlp, coder, text) == [("MDAEDU", "NOR", "133")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike by a group of society is a labour strike (143), an attack otherwise
        ("Moldovan students held a strike against the Moldovan government.", "143"),
        ("Norway carried out a strike on Moldovan positions.", "190"),
    ],
)
def test_civil_strikes_are_not_attacks(
    nlp: Language, coder: EventCoder, text: str, expected: str
) -> None:
    assert [c for _, _, c in code(nlp, coder, text)] == [expected]
