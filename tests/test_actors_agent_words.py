"""Agent words read right: "general" and "official" as adjectives name no officer; a single
protestor is a civilian. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import mention_codes
from tripolar.actors import ActorResolver


def test_general_as_an_adjective_is_no_officer(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "Kenyan unions called a general strike on Monday.")
    assert "general" not in found
    assert mention_codes(nlp, resolver, "A Kenyan general met the envoy.")["Kenyan general"] == (
        "KENMIL",
    )


def test_a_single_protestor_is_a_civilian(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "A Kenyan protestor was hurt.")
    assert found == {"Kenyan protestor": ("KENCVL",)}


def test_official_as_an_adjective_is_no_official(nlp: Language, resolver: ActorResolver) -> None:
    text = "Kenya said it would shun every official contact with Uganda."
    found = mention_codes(nlp, resolver, text)
    assert found == {"Kenya": ("KEN",), "Uganda": ("UGA",)}  # no KENGOV on "official"
    found = mention_codes(nlp, resolver, "A Kenyan official said so.")
    assert found == {"Kenyan official": ("KENGOV",)}
