"""Patterns of news language: travel advice and warnings, aid suspended in a place, forcing
out, concern and alarm, a warm welcome, responses "with" a measure and trade measures
(export controls, entity lists, blacklists), ties deepened, bids blocked, loans approved,
calls by phone versus talks in person, visits "of", purchases and imports, frozen reserves,
joint patrols flown. Own sentences."""

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
    "Peruvian navy": "PERMIL",
    "Peruvian police": "PERCOP",
    "Chilean demonstrators": "CHLCVL",
    "Chilean": "CHL",
    "Peruvian": "PER",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CODED = [
    case("Chile advised against travel to Peru.", ("CHL", "PER", "160"), id="travel-advice"),
    case(
        "Ecuador warned its citizens against travel to Peru.",
        ("ECU", "PER", "160"),
        id="travel-warning",
    ),
    case(
        "Chile suspended aid deliveries in Peru on Friday.",
        ("CHL", "PER", "162"),
        id="aid-suspended-in-a-place",
    ),
    case(
        "Peruvian police forced out hundreds of Chilean demonstrators.",
        ("PERCOP", "CHLCVL", "174"),
        id="force-out",
    ),
    case(
        "Chile expressed concern over Peru's naval exercises.",
        ("CHL", "PER", "111"),
        id="concern-over",
    ),
    case(
        "Ecuador voiced alarm at the Peruvian navy manoeuvres.",
        ("ECU", "PERMIL", "111"),
        id="alarm-at",
    ),
    case("Chile expressed concern over the weather.", id="concern-about-no-actor"),
    case(
        "Chile gave a warm welcome to the Peruvian navy commander.",
        ("CHL", "PERMIL", "043"),
        id="warm-welcome",
    ),
    # a response's "with" noun is the act; trade measures
    case("Chile retaliated with tariffs on Peru.", ("CHL", "PER", "163"), id="retaliated-with"),
    case(
        "Peru responded with sanctions against Chile.",
        ("PER", "CHL", "163"),
        id="responded-with",
    ),
    case("Chile imposed export controls on Peru.", ("CHL", "PER", "163"), id="export-controls"),
    case(
        "Chile added the Peruvian navy to its entity list.",
        ("CHL", "PERMIL", "163"),
        id="entity-list",
    ),
    case("Ecuador put Peru on a trade blacklist.", ("ECU", "PER", "163"), id="blacklist"),
    case("Chile deepened its ties with Peru.", ("CHL", "PER", "050"), id="ties-deepened"),
    case(
        "Chile blocked a bid by Peru to join the council.",
        ("CHL", "PER", "129"),
        id="blocked-bid",
    ),
    case("Chile approved a loan for Peru.", ("CHL", "PER", "071"), id="loan-approved"),
    case("Chile spoke with Peru by phone on Friday.", ("CHL", "PER", "041"), id="by-phone"),
    case("Chile talked to Peru over the phone.", ("CHL", "PER", "041"), id="over-the-phone"),
    case("Chile spoke with Peru in Lima.", ("CHL", "PER", "040"), id="spoke-in-person"),
    case(
        "The visit of the Peruvian navy commander to Chile ended.",
        ("PERMIL", "CHL", "042"),
        id="visit-of",
    ),
    case(
        "Chile bought Peruvian copper at a discount.",
        ("CHL", "PER", "061"),
        id="purchase-names-the-seller",
    ),
    case("Ecuador imported Chilean wine.", ("ECU", "CHL", "061"), id="import"),
    case(
        "Chile froze Peruvian central bank reserves.",
        ("CHL", "PER", "163"),
        id="frozen-reserves",
    ),
    case(
        "Peruvian and Chilean aircraft flew a joint patrol over the Pacific.",
        ("PER", "CHL", "062"),
        ("CHL", "PER", "062"),
        id="joint-patrol-flown",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_news_patterns_code_their_events(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected
