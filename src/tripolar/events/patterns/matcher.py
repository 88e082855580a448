"""Matching one verb pattern against one verb of a spaCy dependency parse.

`match_verb(verb, pattern, actors=...)` answers whether `pattern` holds for the verb token
and, when it does, with which code and which tokens stand in its actor slots. The same
function serves built-in and dictionary patterns; what it checks:

* the verb: its lemma is the pattern's (or its exact form is one of the pattern's forms),
  with the words of a multi-word verb right before / after it (a particle counts as after);
* words after the verb (`post`): in order, inside the verb's own phrase (its dependency
  subtree, without verbs coordinated with it), with gaps unless joined by ``_``;
* words before the verb (`pre`): in order going left from the verb, within its sentence;
* ``{A B}``: adjacent words inside one noun phrase (the last word's subtree holds them);
  ``(PREP ...)``: a preposition, then the rest inside its subtree;
* ``$`` / ``+`` / ``%``: an actor mention at that place (`actors` maps each token index of
  a mention to the index after the mention); ``^``: one noun phrase passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripolar.events.patterns.model import (
    ActorSlot,
    Element,
    NounPhrase,
    Skip,
    Term,
    VerbPattern,
)

MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "quantmod"})
_Found = list[tuple[str, Token]]


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """A pattern that holds for a verb: its codes and the tokens in its slots."""

    pattern: VerbPattern
    sources: tuple[Token, ...] = ()  # first tokens of the mentions at "$"
    targets: tuple[Token, ...] = ()  # ... at "+"
    compounds: tuple[Token, ...] = ()  # ... at "%"
    words: tuple[Token, ...] = ()  # the tokens the pattern's words matched
    pattern_object: Token | None = None  # a table pattern's required object, as found

    @property
    def code(self) -> str:
        return self.pattern.code

    @property
    def reverse_code(self) -> str | None:
        return self.pattern.reverse_code


def is_verb_of(verb: Token, pattern: VerbPattern) -> bool:
    """The token is the pattern's verb, with the other words of a multi-word verb."""
    if verb.lemma_.lower() != pattern.lemma and verb.lower_ not in pattern.forms:
        return False
    doc = verb.doc
    if pattern.before:
        start = verb.i - len(pattern.before)
        if start < 0 or tuple(t.lower_ for t in doc[start : verb.i]) != pattern.before:
            return False
    return not (pattern.after and _after_end(verb, pattern.after) is None)


class VerbSite:
    """What every dictionary pattern of one verb token is matched against, read once: the
    sentence's words (lower-cased), the verb's phrase (see `_phrase`) and the sentence's
    tokens before the verb, nearest first (the last two when first asked for)."""

    __slots__ = ("_left", "_phrase", "sent", "verb", "words")

    def __init__(self, verb: Token, sent: Span, words: frozenset[str]) -> None:
        self.verb = verb
        self.sent = sent  # the verb's sentence, and its `words` (`sentence_words`)
        self.words = words
        self._phrase: list[Token] | None = None
        self._left: list[Token] | None = None

    @classmethod
    def of(cls, verb: Token) -> VerbSite:
        sent = verb.sent
        return cls(verb, sent, sentence_words(sent))

    @property
    def phrase(self) -> list[Token]:
        if self._phrase is None:
            self._phrase = _phrase(self.verb)
        return self._phrase

    @property
    def left(self) -> list[Token]:
        if self._left is None:
            verb = self.verb
            doc = verb.doc
            self._left = [doc[i] for i in range(verb.i - 1, self.sent.start - 1, -1)]
        return self._left


def sentence_words(sent: Span) -> frozenset[str]:
    """The words of a sentence, lower-cased, as dictionary patterns' words are matched."""
    return frozenset(t.lower_ for t in sent)


def match_verb(
    verb: Token,
    pattern: VerbPattern,
    *,
    actors: Mapping[int, int] | None = None,
    particle: str | None = None,
    object_of: Callable[[VerbPattern], Token | None] | None = None,
    site: VerbSite | None = None,
) -> PatternMatch | None:
    """The match of `pattern` on `verb`, or None.

    A table pattern (``verbs.tsv``) needs the verb's `particle` lemma to be its own, and,
    when it names objects, `object_of(pattern)` (the caller's reading of the verb's object
    for it) to find one. A dictionary pattern needs its words and actor slots (`actors`:
    token index -> index after the mention it is part of); `site` (the verb's sentence
    words and phrase, read once for all the patterns of a verb) saves time."""
    if not is_verb_of(verb, pattern):
        return None
    if not pattern.from_dictionary:
        if particle != pattern.particle:
            return None
        found_object = object_of(pattern) if object_of is not None else None
        if pattern.objects and found_object is None:
            return None
        return PatternMatch(pattern, pattern_object=found_object)
    if not pattern.pre and not pattern.post:
        return PatternMatch(pattern)
    if site is None or site.verb is not verb:
        site = VerbSite.of(verb)
    if not pattern.required <= site.words:
        return None
    actors = actors or {}
    found: _Found = []
    if pattern.post:
        end = _after_end(verb, pattern.after) if pattern.after else verb.i
        assert end is not None
        seq = [t for t in site.phrase if t.i > end]
        if not _forward(pattern.post, 0, seq, 0, end, actors, found):
            return None
    if pattern.pre:
        first = verb.i - len(pattern.before)
        left = site.left[len(pattern.before) :]
        if not _leftward(pattern.pre, 0, left, 0, first, actors, found):
            return None
    return PatternMatch(
        pattern,
        sources=tuple(t for role, t in found if role == "source"),
        targets=tuple(t for role, t in found if role == "target"),
        compounds=tuple(t for role, t in found if role == "compound"),
        words=tuple(t for role, t in found if role == "word"),
    )


# -- the verb's phrase -------------------------------------------------------------------------


def _after_end(verb: Token, after: tuple[str, ...]) -> int | None:
    """Index of the last word of a multi-word verb's words after the verb, or None."""
    doc = verb.doc
    end = verb.i + len(after)
    if end < len(doc) and tuple(t.lower_ for t in doc[verb.i + 1 : end + 1]) == after:
        return end
    if len(after) == 1:
        for child in verb.children:
            if child.dep_ == "prt" and child.lower_ == after[0]:
                return max(child.i, verb.i)
    return None


def _phrase(verb: Token) -> list[Token]:
    """The verb's subtree without the verbs coordinated with it (and their words)."""
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)
        elif child.dep_ == "cc" and any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children
        ):
            excluded.add(child.i)
    return [t for t in verb.subtree if t.i not in excluded]


def _word(token: Token, word: str) -> bool:
    """Pattern words match the text's words as written (case aside), as in PETRARCH: plural
    forms come from synsets, not from the matcher."""
    return token.lower_ == word


# -- forward: after the verb --------------------------------------------------------------------


def _forward(
    elements: Sequence[Element],
    k: int,
    seq: list[Token],
    pos: int,
    last: int,
    actors: Mapping[int, int],
    found: _Found,
) -> bool:
    """Elements k.. matched in `seq` from `pos`; `last` is the doc index matched last."""
    if k == len(elements):
        return True
    element = elements[k]
    for j in range(pos, len(seq)):
        if element.joined and seq[j].i != last + 1:
            return False
        mark = len(found)
        taken = _take(element, seq, j, actors, found)
        if taken is not None and _forward(elements, k + 1, seq, taken[0], taken[1], actors, found):
            return True
        del found[mark:]
        if element.joined:
            return False
    return False


def _take(
    element: Element, seq: list[Token], j: int, actors: Mapping[int, int], found: _Found
) -> tuple[int, int] | None:
    """(next position, last doc index) when `element` matches `seq` at `j`."""
    if isinstance(element, Term):
        taken = _term(element, seq, j)
        if taken is not None:
            found.extend(("word", t) for t in seq[j : taken[0]])
        return taken
    if isinstance(element, ActorSlot):
        token = seq[j]
        if token.i not in actors:
            return None
        end = actors[token.i]
        k = j
        while k < len(seq) and seq[k].i < end:
            k += 1
        found.append((element.role, token))
        return k, seq[k - 1].i
    if isinstance(element, Skip):
        k = j
        while k < len(seq) - 1 and seq[k].dep_ in MODIFIER_DEPS:
            k += 1
        return k + 1, seq[k].i
    if isinstance(element, NounPhrase):
        k, last = j, -1
        for term in element.terms:
            if k >= len(seq) or (last >= 0 and seq[k].i != last + 1):
                return None
            taken = _term(term, seq, k)
            if taken is None:
                return None
            k, last = taken
        head = seq[k - 1]
        return (k, last) if head.left_edge.i <= seq[j].i else None
    # a prepositional phrase: the preposition, then its elements inside its subtree
    prep = seq[j]
    if prep.lower_ != element.prep:
        return None
    inside = [t for t in seq[j + 1 :] if prep.left_edge.i <= t.i <= prep.right_edge.i]
    mark = len(found)
    if not _forward(element.elements, 0, inside, 0, prep.i, actors, found):
        del found[mark:]
        return None
    if not element.elements:
        return j + 1, prep.i
    # continue after the last token matched inside: the first of `seq` beyond it
    last_inside = _last_inside(element.elements, inside, prep.i, actors)
    k = j + 1
    while k < len(seq) and seq[k].i <= last_inside:
        k += 1
    return k, last_inside


def _last_inside(
    elements: Sequence[Element], inside: list[Token], start: int, actors: Mapping[int, int]
) -> int:
    """Doc index of the last token the phrase's elements matched (they did match)."""
    scratch: _Found = []
    last = start
    pos = 0
    for element in elements:
        for j in range(pos, len(inside)):
            taken = _take(element, inside, j, actors, scratch)
            if taken is not None:
                pos, last = taken
                break
    return last


_FIRST_WORDS: dict[int, tuple[Term, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(term: Term) -> dict[str, list[tuple[str, ...]]]:
    """A term's alternatives by their first word, longest first (built once per term)."""
    cached = _FIRST_WORDS.get(id(term))
    if cached is not None and cached[0] is term:
        return cached[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(term.alternatives, key=len, reverse=True):
        index.setdefault(words[0], []).append(words)
    if len(_FIRST_WORDS) > 200_000:
        _FIRST_WORDS.clear()
    _FIRST_WORDS[id(term)] = (term, index)
    return index


def _term(term: Term, seq: list[Token], j: int) -> tuple[int, int] | None:
    for words in _by_first_word(term).get(seq[j].lower_, ()):
        if j + len(words) > len(seq):
            continue
        ok = True
        for m, word in enumerate(words):
            token = seq[j + m]
            if (m and token.i != seq[j].i + m) or not _word(token, word):
                ok = False
                break
        if ok:
            return j + len(words), seq[j + len(words) - 1].i
    return None


# -- leftward: before the verb -------------------------------------------------------------------


def _leftward(
    elements: Sequence[Element],
    k: int,
    left: list[Token],
    pos: int,
    nearest: int,
    actors: Mapping[int, int],
    found: _Found,
) -> bool:
    """Elements k.. (nearest the verb first) matched going left; `left[0]` is the token
    right before the verb; `nearest` is the doc index of the element matched last."""
    if k == len(elements):
        return True
    element = elements[k]
    for j in range(pos, len(left)):
        if element.joined and left[j].i != nearest - 1:
            return False
        mark = len(found)
        taken = _take_left(element, left, j, actors, found)
        if taken is not None and _leftward(
            elements, k + 1, left, taken[0], taken[1], actors, found
        ):
            return True
        del found[mark:]
        if element.joined:
            return False
    return False


def _take_left(
    element: Element, left: list[Token], j: int, actors: Mapping[int, int], found: _Found
) -> tuple[int, int] | None:
    """(next position going left, doc index of the leftmost token taken) when `element`
    ends at `left[j]`."""
    if isinstance(element, Term):
        for words in sorted(element.alternatives, key=len, reverse=True):
            n = len(words)
            if j + n > len(left):
                continue
            tokens = left[j : j + n][::-1]  # left to right
            if all(_word(t, w) for t, w in zip(tokens, words, strict=True)):
                found.extend(("word", t) for t in tokens)
                return j + n, tokens[0].i
        return None
    if isinstance(element, ActorSlot):
        token = left[j]
        if token.i not in actors:
            return None
        k = j
        while k + 1 < len(left) and left[k + 1].i in actors and actors[left[k + 1].i] > token.i:
            k += 1  # back to the mention's first token
        found.append((element.role, left[k]))
        return k + 1, left[k].i
    if isinstance(element, Skip):
        head = left[j]
        start = head.left_edge.i if head.pos_ in ("NOUN", "PROPN", "PRON") else head.i
        k = j
        while k + 1 < len(left) and left[k + 1].i >= start:
            k += 1
        return k + 1, left[k].i
    if isinstance(element, NounPhrase):
        k, nearest = j, left[j].i + 1
        for term in reversed(element.terms):
            if k >= len(left) or left[k].i != nearest - 1:
                return None
            taken = _take_left(term, left, k, actors, found)
            if taken is None:
                return None
            k, nearest = taken
        head = left[j]
        return (k, nearest) if head.left_edge.i <= nearest else None
    # a prepositional phrase before the verb: the preposition, its elements after it
    for k in range(j, len(left)):
        prep = left[k]
        if prep.lower_ != element.prep:
            continue
        inside = [prep.doc[i] for i in range(prep.i + 1, left[j].i + 1)]
        mark = len(found)
        if _forward(element.elements, 0, inside, 0, prep.i, actors, found):
            return k + 1, prep.i
        del found[mark:]
        return None
    return None
