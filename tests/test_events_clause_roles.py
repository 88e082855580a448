"""Whose act a clause is: the killing after a coded attack is that attack's outcome; a passive
conjunct shares its patient and an active one stays active; a perfect relative clause on the
subject is background while object and past relatives are acts; the subject heads its
"by/after ..." clause, "without" negates, causatives ("led X to", "prompted X to") make the
caused party act. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import case, coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Ecuador": "ECU",
    "Peruvian navy": "PERMIL",
    "Chilean soldiers": "CHLMIL",
    "Chilean demonstrators": "CHLCVL",
    "Ecuadorian forces": "ECUMIL",
    "Ecuadorian": "ECU",
    "Chilean": "CHL",
    "Peruvian": "PER",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CODED = [
    # the "-ing" killing after a coded attack is that attack's outcome
    case(
        "Ecuadorian forces shelled Peru overnight, killing at least nine people.",
        ("ECUMIL", "PER", "194"),
        id="killing-is-the-attacks-outcome",
    ),
    case(
        "Ecuadorian forces killed nine Chilean soldiers.",
        ("ECUMIL", "CHLMIL", "190"),
        id="killing-on-its-own",
    ),
    # a passive conjunct shares its patient; an active one stays active
    case(
        "Two Chilean demonstrators were detained and later deported by Peru.",
        ("PER", "CHLCVL", "174"),
        id="passive-conjunct",
    ),
    case(
        "Peru detained and deported two Chilean demonstrators.",
        ("PER", "CHLCVL", "173"),
        ("PER", "CHLCVL", "174"),
        id="active-conjuncts",
    ),
    # a perfect relative clause on its subject is background; an object relative is an act
    case(
        "Ecuador criticized the Peruvian navy, which has seized Chilean boats for years.",
        ("ECU", "PERMIL", "111"),
        id="perfect-relative-is-background",
    ),
    case(
        "The build-up, which Chile has called on Peru to reverse, went on.",
        ("CHL", "PER", "020"),
        id="object-relative-is-an-act",
    ),
    case(
        "Ecuador criticized the Peruvian navy, which seized Chilean boats on Monday.",
        ("ECU", "PERMIL", "111"),
        ("PERMIL", "CHL", "171"),
        id="past-relative-is-an-act",
    ),
    # the subject heads its "by/after ..." clause; "without" negates; causatives
    case("Chile responded by sanctioning Peru.", ("CHL", "PER", "163"), id="responded-by"),
    case("Chile left without signing a deal with Peru.", id="without"),
    case(
        "The crisis led Chile to expel Peru's ambassador.",
        ("CHL", "PER", "161"),
        id="led-to",
    ),
    case(
        "The attack prompted Chile to sever ties with Peru.",
        ("CHL", "PER", "161"),
        id="prompted-to",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_clauses_are_coded_as_their_own_acts(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
