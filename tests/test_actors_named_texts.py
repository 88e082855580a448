"""A capital that names a text made there is no actor: "the Paris climate accord", "the
Minsk agreements", "the Budapest Memorandum" name no party, so leaving the accord is not an
act on France. The capital standing alone still stands for its government. Sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import mention_codes
from tripolar.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("Chile said it would leave the Paris climate accord.", "Paris", id="accord"),
        pytest.param("Both sides must honour the Minsk agreements.", "Minsk", id="agreements"),
        pytest.param("Oslo cited the Budapest Memorandum.", "Budapest", id="memorandum"),
        pytest.param("Peru praised the Oslo peace accords.", "Oslo", id="accords-with-a-topic"),
    ],
)
def test_actors_capital_naming_a_text_is_no_actor(
    nlp: Language, resolver: ActorResolver, text: str, absent: str
) -> None:
    assert absent not in mention_codes(nlp, resolver, text)


def test_actors_capital_alone_stays_its_government(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "Paris agreed with Berlin on the new plan.")
    assert found.get("Paris") == ("FRAGOV",)
