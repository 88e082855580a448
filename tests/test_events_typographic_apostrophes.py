"""Pattern words with an apostrophe match the typographic one news copy prints: a "charge
d’affaires" summoned or expelled is coded as a "charge d'affaires" is. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set
from tripolar.events import EventCoder


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_events_typographic_apostrophes_summoned_charge_d_affaires(
    nlp: Language, coder: EventCoder, apostrophe: str
) -> None:
    text = f"Norway also summoned the Chilean charge d{apostrophe}affaires on Friday."
    assert coded_set(nlp, coder, text) == {("NOR", "CHL", "114")}


def test_events_typographic_apostrophes_expelled_charge_d_affaires(
    nlp: Language, coder: EventCoder
) -> None:
    text = "Norway expelled the Chilean charge d\u2019affaires and two attaches."
    assert ("NOR", "CHL", "161") in coded_set(nlp, coder, text)
