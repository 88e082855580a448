"""The lemma table gives spaCy's lemmas and asks the lemmatizer once per word form."""

from __future__ import annotations

from spacy.language import Language

from tripolar.nlp.lemmas import LemmaTable

# Written for this test: inflected verbs, plural and irregular nouns, comparatives, proper
# nouns, words repeated with different parts of speech ("talks", "meeting", "better").
TEXTS = [
    "The ministers were meeting while the talks dragged on; both meetings had been better.",
    "Moscow talks, Beijing listens and Washington talked louder than the Europeans did.",
    "Children, mice and geese fled; the women's committees voted, the men's did not.",
    "She has sanctioned firms, he is sanctioning banks and they sanctioned nobody worse.",
    "Running the largest drills ever held, the navies flew jets higher and farther.",
]


def test_lemmas_table_replaces_lemmatizer(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable)


def test_lemmas_match_spacys_lemmatizer(nlp: Language, reference: Language) -> None:
    for ours, theirs in zip(nlp.pipe(TEXTS), reference.pipe(TEXTS), strict=True):
        assert [(t.text, t.lemma_) for t in ours] == [(t.text, t.lemma_) for t in theirs]


def test_lemmas_asked_once_per_word_pos_and_morphology(reference: Language) -> None:
    lemmatizer = reference.get_pipe("lemmatizer")
    asked: list[tuple[int, int, int]] = []
    original = lemmatizer.lemmatize

    def counting(token):  # type: ignore[no-untyped-def]
        asked.append((token.orth, token.pos, token.morph.key))
        return original(token)

    table = LemmaTable(lemmatizer)
    text = "The talks failed. The talks failed again. The talks failed."
    with reference.select_pipes(disable=["lemmatizer"]):
        docs = [reference(text) for _ in range(2)]
    expected = [t.lemma_ for t in reference(text)]
    lemmatizer.lemmatize = counting
    try:
        for doc in docs:
            assert [t.lemma_ for t in table(doc)] == expected
    finally:
        lemmatizer.lemmatize = original
    words = {(t.orth, t.pos, t.morph.key) for t in docs[0]}
    assert len(asked) == len(set(asked)) <= len(words) < len(docs[0])
    assert asked  # the first Doc asked; the second, the same words, asked nothing more


def test_lemmas_table_needs_a_rule_lemmatizer() -> None:
    import spacy

    from tripolar.nlp.lemmas import use_lemma_table

    blank = spacy.blank("en")
    assert not use_lemma_table(blank)  # no lemmatizer at all
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_lemma_table(blank)  # a lookup lemmatizer stays as it is
    assert blank.pipe_names == ["lemmatizer"]
    assert not isinstance(blank.get_pipe("lemmatizer"), LemmaTable)
