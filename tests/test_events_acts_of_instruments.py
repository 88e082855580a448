"""Who acts when the act is said through something else: the signer of an order, decree or
law does what it does ("signed an order lifting sanctions on X"), "X was the first country to
<act>" is X's act, and "called for X to ..." is aimed at X, with the act asked for giving the
appeal's code; what a summoner does "to urge ..." or "to lodge a protest" when calling in
X's envoy is aimed at X. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Peru's president": "PERGOV",
    "Norway's parliament": "NORLEG",
    "Peru's top envoy": "PERGOV",
    "the Chilean ambassador": "CHLGOV",
    "Chilean fishermen": "CHLAGR",
    "Security Council": "IGOUNOSEC",
    "Norwegian lawmakers": "NORLEG",
}

CASES = [
    pytest.param(
        "Peru's president signed an order lifting sanctions on Chile.",
        {("PERGOV", "CHL", "085")},
        id="signed-an-order-lifting",
    ),
    pytest.param(
        "Norway's parliament passed a law banning imports from Chile.",
        {("NORLEG", "CHL", "163")},
        id="passed-a-law-banning",
    ),
    pytest.param(
        "Oslo issued a decree recognizing the independence of Peru.",
        {("NORGOV", "PER", "054")},
        id="issued-a-decree-recognizing",
    ),
    pytest.param(
        "The Security Council adopted a resolution imposing new sanctions on Chile.",
        {("IGOUNOSEC", "CHL", "163")},
        id="adopted-a-resolution-imposing",
    ),
    pytest.param(
        "Peru vetoed a draft resolution imposing sanctions on Chile.",
        {("PER", "IGOUNOSEC", "129")},  # a draft vetoed imposes nothing
        id="vetoed-draft-resolution-imposes-nothing",
    ),
    pytest.param(
        "Chile barred ten Norwegian lawmakers from entry.",
        {("CHL", "NORLEG", "160")},
        id="barred-from-entry",
    ),
    pytest.param(
        "Chile was the first country to recognize the new government of Peru.",
        {("CHL", "PER", "054")},
        id="the-first-country-to-recognize",
    ),
    pytest.param(
        "Norway was the first foreign client to seal a deal with Chile on tanks.",
        {("NOR", "CHL", "057")},
        id="the-first-buyer-to-seal-a-deal",
    ),
    pytest.param(
        "Oslo called in Peru's top envoy to urge the release of Chilean fishermen.",
        {("NORGOV", "PERGOV", "020")},
        id="called-in-the-envoy-to-urge",
    ),
    pytest.param(
        "Norway called in the Chilean ambassador to urge an end to the arms deliveries.",
        {("NOR", "CHLGOV", "020")},
        id="called-in-the-ambassador-to-urge-an-end",
    ),
    pytest.param(
        '"Chile has called for Norway to open talks on the border."',
        {("CHL", "NOR", "026")},
        id="called-for-x-to-negotiate",
    ),
    pytest.param(
        "Peru called for Norway to withdraw its troops from the border.",
        {("PER", "NOR", "0256")},
        id="called-for-x-to-withdraw",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_act_said_through_an_instrument(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) >= expected


def test_an_order_nobody_is_said_to_sign_has_no_source(nlp: Language, coder: EventCoder) -> None:
    coded = coded_set(nlp, coder, "The order lifting sanctions on Chile was welcomed.", ACTORS)
    assert not {c for c in coded if c[2] == "085"}
