"""Demonyms and group words: "Croat" is a Croatian adjective; extremists are rebels, the
adjective "extremist" alone names no actor. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from tripolar.actors import ActorResolver


def codes(resolver: ActorResolver, nlp: Language, text: str) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in resolver.find_mentions(nlp(text), None)}


def test_resolver_croat_is_croatian(resolver: ActorResolver, nlp: Language) -> None:
    assert codes(resolver, nlp, "Croat forces left the village.") == {"Croat forces": ("HRVMIL",)}


def test_resolver_extremists_are_rebels(resolver: ActorResolver, nlp: Language) -> None:
    found = codes(resolver, nlp, "Danish extremists burned a flag.")
    assert found == {"Danish extremists": ("DNKREB",)}
    # the adjective alone names no actor
    assert codes(resolver, nlp, "They banned extremist literature.") == {}
