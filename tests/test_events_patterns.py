"""The pattern data files: every code exists, every root is covered."""

from __future__ import annotations

from collections import Counter

import pytest

from tripolar.errors import DictionaryError
from tripolar.events import Codebook, PatternSet


@pytest.fixture(scope="module")
def patterns() -> PatternSet:
    return PatternSet.load(Codebook.load())


def test_patterns_cover_every_root_with_several_verbs(patterns: PatternSet) -> None:
    per_root = Counter(p.code[:2] for p in patterns.all_verbs())
    for n in range(1, 21):
        assert per_root[f"{n:02d}"] >= 3, f"root {n:02d} has {per_root[f'{n:02d}']} verb patterns"


def test_patterns_codes_exist_in_codebook(patterns: PatternSet) -> None:
    book = Codebook.load()
    for pattern in [*patterns.all_verbs(), *patterns.all_nouns()]:
        assert pattern.code in book


def test_patterns_most_specific_first(patterns: PatternSet) -> None:
    for verb_patterns in patterns.verbs.values():
        levels = [p.specificity for p in verb_patterns]
        assert levels == sorted(levels, reverse=True)


def test_patterns_reject_unknown_code(tmp_path) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("lemma\tparticle\tobject\ttarget\tcode\tflags\nmeet\t-\t-\tdobj\t999\t-\n")
    nouns = tmp_path / "nouns.tsv"
    nouns.write_text("lemma\tmodifier\ttarget\tcode\tflags\n")
    with pytest.raises(DictionaryError, match="999"):
        PatternSet.load(Codebook.load(), verbs, nouns)


def test_patterns_reject_unknown_flag(tmp_path) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("meet\t-\t-\tdobj\t040\tsometimes\n")
    nouns = tmp_path / "nouns.tsv"
    nouns.write_text("")
    with pytest.raises(DictionaryError, match="unknown flag"):
        PatternSet.load(Codebook.load(), verbs, nouns)
