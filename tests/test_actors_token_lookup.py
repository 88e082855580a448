"""`tokens_among`: the tokens whose lower-case form (or text) is one of some words, found on
the Doc's arrays, must be exactly those a token-by-token reading finds."""

from __future__ import annotations

import random

from spacy.attrs import ORTH

from tripolar.actors.references import tokens_among

TEXT = (
    "The two leaders met in Beijing. They said THE talks were useful, and he added that "
    '"we will meet again" before both sides left; it was their third meeting this year.'
)


def test_actors_token_lookup_matches_a_token_by_token_reading(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.tokenizer(TEXT)
    vocabulary = sorted({t.lower_ for t in doc} | {"absent", "zzz", "aaa"})
    chooser = random.Random(7)
    for size in (1, 2, 3, 5, 8, 13, len(vocabulary)):
        for _ in range(20):
            words = chooser.sample(vocabulary, size)
            expected = [t.i for t in doc if t.lower_ in words]
            assert tokens_among(doc, words) == expected, words


def test_actors_token_lookup_reads_the_text_when_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.tokenizer(TEXT)
    assert tokens_among(doc, ["The", '"'], ORTH) == [t.i for t in doc if t.text in ("The", '"')]
    assert tokens_among(doc, ["the"], ORTH) == [t.i for t in doc if t.text == "the"]


def test_actors_token_lookup_of_nothing_finds_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tokens_among(nlp.tokenizer(TEXT), []) == []
    assert tokens_among(nlp.tokenizer(""), ["the"]) == []
    assert tokens_among(nlp.tokenizer(TEXT), ["absent"]) == []
