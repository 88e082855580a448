"""The actor pass reads what lies between two actors at a cost that follows that gap, not
the length of the whole text: a long text (a file of many articles) has thousands of actor
pairs, and reading the whole Doc for each pair made its actor pass quadratic."""

from __future__ import annotations

from types import SimpleNamespace

from tripolar.actors.references import lower_words


class _WholeDocRead(AssertionError):
    pass


class _CountingDoc:
    """A Doc stand-in that counts the tokens read and refuses whole-Doc arrays."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.read: list[int] = []

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> SimpleNamespace:
        self.read.append(i)
        return SimpleNamespace(lower_=self.words[i].lower())

    def to_array(self, *args: object) -> None:
        raise _WholeDocRead("the whole Doc's array was built for one gap")


def test_actors_gap_words_read_only_the_gap() -> None:
    doc = _CountingDoc(["Filler"] * 10_000 + ["Talks", "With", "The"] + ["filler"] * 10_000)
    assert lower_words(doc, 10_000, 10_003) == ["talks", "with", "the"]  # type: ignore[arg-type]
    assert sorted(doc.read) == [10_000, 10_001, 10_002]


def test_actors_gap_words_of_a_long_gap_are_read_token_by_token() -> None:
    doc = _CountingDoc([f"W{i}" for i in range(5_000)])
    words = lower_words(doc, 100, 400)  # type: ignore[arg-type]
    assert words == [f"w{i}" for i in range(100, 400)]
    assert len(doc.read) == 300


def test_actors_gap_words_match_the_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.tokenizer("Russia and the United States of America held TALKS with China.")
    assert lower_words(doc, 1, 8) == [t.lower_ for t in doc[1:8]]
    assert lower_words(doc, 3, 3) == []
