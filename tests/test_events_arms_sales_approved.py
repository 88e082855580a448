"""An approved sale of arms is an arms sale (062) however the goods are named: on the noun
("an arms sale"), in its "of" phrase ("the sale of 40 tanks"), as "$2bn in arms"; an approval
of a "possible" or "proposed" sale is done, not a possibility. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder

CASES = [
    pytest.param(
        "Norway has approved the sale of 40 tanks to Peru.",
        {("NOR", "PER", "062")},
        id="goods-in-the-of-phrase",
    ),
    pytest.param(
        "Norway approved the possible sale of $3bn in arms to Peru, including 12 jets.",
        {("NOR", "PER", "062")},
        id="possible-sale-approved-amount-in-arms",
    ),
    pytest.param(
        "Norway approved the sale of 40 tons of wheat to Peru.",
        {("NOR", "PER", "061")},
        id="other-goods-stay-a-sale",
    ),
    pytest.param(
        "Officials discussed a possible sale of tanks to Peru by Norway.",
        set(),
        id="possible-sale-not-approved",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_arms_sales_approved_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected
