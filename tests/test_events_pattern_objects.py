"""What a verb's object says: an endorsed agreement targets the partner, deepening a
partnership is an intent, offers and support are refined by their modifiers ("offered
economic aid", "provided military support"), arrest warrants target the wanted. Own
sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver as code
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_coder_endorsed_agreement_targets_the_partner(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Danish lawmakers endorsed a trade agreement with Canada."
    assert code(nlp, resolver, coder, text) == {("DNKLEG", "CAN", "051")}


def test_coder_seeking_to_deepen_a_partnership_is_an_intent(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Chile and Brazil are seeking to deepen their partnership in mining."
    assert code(nlp, resolver, coder, text) == {("BRA", "CHL", "030"), ("CHL", "BRA", "030")}


def test_coder_offer_of_economic_aid_is_refined(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    assert code(nlp, resolver, coder, "Spain offered economic aid to Cuba.") == {
        ("ESP", "CUB", "0331")
    }


def test_coder_provided_military_support_is_military_aid(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The French army provided military support to Mali."
    assert code(nlp, resolver, coder, text) == {("FRAMIL", "MLI", "072")}


def test_coder_arrest_warrants_target_the_wanted(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "A court in Peru issued arrest warrants for two Chilean men."
    assert code(nlp, resolver, coder, text) == {("PERJUD", "CHL", "173")}
