"""Acts that did not happen: expectations, guesses and possibilities are no acts, a request is
coded as the request, relations no verb makes ("the alliance between X and Y") are no acts
while forming or signing them is; a demanded withdrawal is not coded as done. Own
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import case, coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Ecuador": "ECU",
    "Ecuadorian forces": "ECUMIL",
    "Ecuadorian": "ECU",
    "Peruvian": "PER",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


CODED = [
    # expectations and guesses are no acts; a request is coded as the request
    case("Few expect Chile to withdraw its envoy from Peru.", id="few-expect"),
    case("Chile expects Peru to sever ties with Ecuador.", id="expects"),
    case(
        "Chile urged Peru to sever ties with Ecuador.",
        ("CHL", "PER", "020"),
        id="urged-is-the-request",
    ),
    case("Chile will probably impose sanctions on Peru.", id="probably"),
    case("Chile would likely impose sanctions on Peru.", id="would-likely"),
    # possibilities, and relations that no verb makes, are no acts
    case("The possibility of a Peruvian attack on Chile cannot be excluded.", id="possibility"),
    case("A potential Peruvian invasion of Chile worries Ecuador.", id="potential"),
    case("The alliance between Peru and Chile is old.", id="standing-alliance"),
    case(
        "Peru and Chile formed an alliance.",
        ("PER", "CHL", "050"),
        ("CHL", "PER", "050"),
        id="alliance-formed",
    ),
    case("Ecuador criticised the security pact between Peru and Chile.", id="standing-pact"),
    case(
        "Peru and Chile signed a security pact.",
        ("PER", "CHL", "057"),
        ("CHL", "PER", "057"),
        id="pact-signed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_unrealised_acts_are_not_coded_as_done(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_a_demanded_withdrawal_is_not_coded_as_done(nlp: Language, coder: EventCoder) -> None:
    coded = code(nlp, coder, "Chile demanded the withdrawal of Ecuadorian forces from Peru.")
    assert [c for s, t, c in coded] == ["1056"]
