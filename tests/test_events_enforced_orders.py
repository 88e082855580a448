"""An order a state carries out itself is the act ordered, not a demand: "ordered X to close
its consulate" is the closure (161), "ordered a cut in X's diplomatic staff" the cut; an order
of anything else stays a demand (10). On sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway on Monday ordered Chile to close its consulate in Bergen.",
        {("NOR", "CHL", "161")},
        id="ordered-to-close-a-consulate",
    ),
    pytest.param(
        "Oslo in May ordered a steep reduction of Chilean diplomatic staff in Norway.",
        {("NORGOV", "CHL", "161")},
        id="ordered-a-reduction-of-staff",
    ),
    pytest.param(
        "Norway ordered deep cuts in Chilean staff after the vote.",
        {("NOR", "CHL", "161")},
        id="ordered-cuts-in-staff",
    ),
    pytest.param(
        "Norway ordered Chile to pay the debt by Friday.",
        {("NOR", "CHL", "100")},
        id="an-order-to-pay-stays-a-demand",
    ),
    pytest.param(
        "Norway asked Chile to close its consulate in Bergen.",
        {("NOR", "CHL", "020")},
        id="asking-is-no-closure",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_enforced_orders_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
