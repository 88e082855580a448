"""A state's name inside a sea's name is a place, not an actor: "the East China Sea", "the
Sea of Japan"; a body named after a sea ("Vietnamese Sea Guard vessels") keeps its state.
Sentences written here."""

from __future__ import annotations

from spacy.language import Language

from events_support import mention_codes
from tripolar.actors import ActorResolver


def test_actors_sea_names_are_no_state(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(
        nlp, resolver, "Norwegian ships sailed in the East China Sea and the Sea of Japan."
    )
    assert "China" not in found and "Japan" not in found
    assert any(codes[0].startswith("NOR") for codes in found.values())


def test_actors_sea_named_bodies_keep_their_state(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(
        nlp, resolver, "Two Vietnamese Sea Guard boats were struck by Chinese ships."
    )
    assert any(codes[0][:3] == "VNM" for codes in found.values())


def test_actors_sea_names_on_an_unparsed_doc(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp.make_doc("Chile sailed to the South China Sea.")
    assert {m.text for m in resolver.find_mentions(doc)} == {"Chile"}
