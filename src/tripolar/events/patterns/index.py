"""Which of a verb's patterns can match in a sentence: patterns filed by the words they need.

A dictionary pattern with words before or after the verb (`pre`, `post`) holds only where
each of its terms finds its words in the verb's sentence: a literal word or ``A_B`` needs
all its words, a synset (``&NAME``) the first word of one of its members, ``(PREP ...)``
its preposition (`VerbPattern.needs`, read with the pattern line). `PatternIndex` keeps the
patterns of one verb key in the order they are tried and files each such pattern under the
words of one of its needs (its anchor: the need whose words the fewest pattern lines share,
so mostly a rare content word). `PatternIndex.select` gives back, in the same order, the
built-in patterns, the dictionary patterns without words, and the filed patterns whose every
need the sentence meets; a multi-word verb's words around the token (``+HAND_OVER``) are
checked once per distinct verb, not once per pattern. Every pattern it leaves out is one
`match_verb` rejects, so trying only the selected patterns gives the same first match as
trying them all (tests/test_events_pattern_index.py checks that on generated patterns and
sentences).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from tripolar.events.patterns.matcher import is_verb_of
from tripolar.events.patterns.model import VerbPattern

Need = frozenset[str]
"""Words of which at least one must be in the sentence (`pattern_lines.needed_words`)."""


def word_counts(patterns: Iterable[VerbPattern]) -> Counter[str]:
    """In how many pattern lines each word is needed: the rarer, the better an anchor. (The
    verbs of a block share their lines' needs, so each line counts once.)"""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for pattern in patterns:
        if pattern.needs and id(pattern.needs) not in seen:
            seen.add(id(pattern.needs))
            counts.update({word for need in pattern.needs for word in need})
    return counts


class PatternIndex:
    """The patterns of one verb key, in the order they are tried, filed by needed words."""

    __slots__ = ("anchored", "needs", "patterns", "plain", "unfiled", "with_words")

    def __init__(self, patterns: Sequence[VerbPattern], counts: Counter[str]) -> None:
        self.patterns = tuple(patterns)
        self.needs: list[tuple[Need, ...]] = []
        self.unfiled: list[int] = []  # positions tried whatever the sentence holds
        self.anchored: dict[str, list[int]] = {}
        for position, pattern in enumerate(self.patterns):
            needs = pattern.needs
            self.needs.append(needs)
            if not needs:
                self.unfiled.append(position)
                continue
            anchor = min(needs, key=lambda need: (sum(counts[w] for w in need), sorted(need)))
            for word in anchor:
                self.anchored.setdefault(word, []).append(position)
        self.with_words = bool(self.anchored)  # False: the sentence's words are not needed
        self.plain = not self.with_words and not any(p.before or p.after for p in patterns)

    def select(self, verb: Token, words: frozenset[str]) -> Sequence[VerbPattern]:
        """The patterns that can match `verb` in a sentence of these (lower-case) words, in
        order: every one left out is one `match_verb` rejects."""
        if self.plain:
            return self.patterns
        if not self.with_words:
            positions: Iterable[int] = self.unfiled
        else:
            chosen = set(self.unfiled)
            anchored, needs = self.anchored, self.needs
            keys = anchored.keys() & words if len(anchored) < len(words) else words
            for word in keys:
                for position in anchored.get(word, ()):
                    if position not in chosen and all(
                        not need.isdisjoint(words) for need in needs[position]
                    ):
                        chosen.add(position)
            positions = sorted(chosen)
        selected: list[VerbPattern] = []
        fits: dict[tuple[object, ...], bool] = {}
        for position in positions:
            pattern = self.patterns[position]
            if pattern.before or pattern.after:  # a multi-word verb: its words once
                key = (pattern.lemma, pattern.forms, pattern.before, pattern.after)
                fit = fits.get(key)
                if fit is None:
                    fit = fits[key] = is_verb_of(verb, pattern)
                if not fit:
                    continue
            selected.append(pattern)
        return selected
