"""The one pattern model: what a verb or noun pattern asks of the parse, and what it codes.

Built-in patterns (``events/data/verbs.tsv``, ``nouns.tsv``; read by ``patterns.tsv``) and a
user's PETRARCH/TABARI verb dictionaries (read by ``patterns.petrarch``) are both
`VerbPattern`s; ``patterns.matcher`` matches either against a verb of a spaCy parse.

A dictionary pattern adds words before and after the verb (`pre`, `post`): `Term`s (a word,
joined words, or a synset's alternatives), `NounPhrase`s (``{A B}``), `PrepPhrase`s
(``(PREP ...)``), actor slots (``$`` source, ``+`` target, ``%`` compound) and skips (``^``).
docs/verb-dictionaries.md says how each maps onto the dependency parse.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

VERB_FLAGS = frozenset({
    "recip", "appeal", "demand", "threat", "loc", "asked", "mutual", "that", "giver", "vowed",
})  # fmt: skip
NOUN_FLAGS = frozenset({"recip", "loc", "mutual", "civil", "mover", "light"})
SPECIAL_TARGETS = frozenset({"dobj", "dobj.head", "dative", "ccomp.subj", "that.subj"})
NULL_CODE = "---"  # a dictionary pattern that matches and codes nothing
BUILTIN_VERBS = "events/data/verbs.tsv"


@dataclass(frozen=True, slots=True)
class TargetSlot:
    """Where a target is found: a dependency slot, or a preposition (optionally constrained)."""

    slot: str  # "dobj", "dobj.head", "dative", "ccomp.subj", "that.subj", or a preposition
    heads: frozenset[str] = frozenset()  # for prepositions: allowed head lemmas of its object

    @property
    def is_prep(self) -> bool:
        return self.slot not in SPECIAL_TARGETS


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must appear in order: one alternative for a literal word or ``A_B``, one
    per member for a synset. `joined`: right after the element before it (``_``)."""

    alternatives: tuple[tuple[str, ...], ...]  # lower-case words
    joined: bool = False
    synset: str = ""  # "&NAME" when read from a synset

    def __str__(self) -> str:
        return self.synset or "_".join(self.alternatives[0]).upper()


@dataclass(frozen=True, slots=True)
class ActorSlot:
    """``$`` (source), ``+`` (target) or ``%`` (compound): an actor mention at this place."""

    role: Literal["source", "target", "compound"]
    joined: bool = False

    def __str__(self) -> str:
        return {"source": "$", "target": "+", "compound": "%"}[self.role]


@dataclass(frozen=True, slots=True)
class Skip:
    """``^``: whatever stands here (a noun phrase) is passed over."""

    joined: bool = False

    def __str__(self) -> str:
        return "^"


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """``{A B}``: the words, adjacent, inside one noun phrase."""

    terms: tuple[Term, ...]
    joined: bool = False

    def __str__(self) -> str:
        return "{" + " ".join(str(t) for t in self.terms) + "}"


@dataclass(frozen=True, slots=True)
class PrepPhrase:
    """``(PREP ...)``: a preposition with what must stand in its object."""

    prep: str
    elements: tuple[Element, ...]
    joined: bool = False

    def __str__(self) -> str:
        return "(" + " ".join([self.prep.upper(), *(str(e) for e in self.elements)]) + ")"


Element = Term | ActorSlot | Skip | NounPhrase | PrepPhrase


@functools.lru_cache(maxsize=64)
def _file_name(path: str) -> str:
    return PurePath(path).name


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    particle: str | None
    object_prep: str | None  # object reached through this preposition ("threaten ... with")
    objects: frozenset[str]  # required object head lemmas; empty = none required
    targets: tuple[TargetSlot, ...]
    code: str
    flags: frozenset[str]
    line: int
    # -- from verb dictionaries (empty for the built-in patterns) ----------------------
    pre: tuple[Element, ...] = ()  # before the verb, in order
    post: tuple[Element, ...] = ()  # after the verb, in order
    reverse_code: str | None = None  # "[a:b]": b codes the event from target to source
    forms: frozenset[str] = frozenset()  # surface forms of the verb besides its lemma
    before: tuple[str, ...] = ()  # multi-word verbs: words right before the verb word
    after: tuple[str, ...] = ()  # ... and right after it
    origin: str = BUILTIN_VERBS  # the file the pattern was read from
    required: frozenset[str] = frozenset()  # words any match needs in the sentence (a filter)
    # what any match needs among the sentence's words: one word of each set (patterns.index)
    needs: tuple[frozenset[str], ...] = ()
    text: str = ""  # the line as written in a verb dictionary; "" for table patterns

    @property
    def rule(self) -> str:
        if self.from_dictionary:
            return f"dict:{_file_name(self.origin)}:{self.line}"
        parts = [self.lemma]
        if self.particle:
            parts[0] += f"_{self.particle}"
        if self.objects:
            first = sorted(self.objects)[0] if len(self.objects) > 1 else next(iter(self.objects))
            parts.append((f"{self.object_prep}:" if self.object_prep else "") + first)
        return "verb:" + "+".join(parts)

    @property
    def specificity(self) -> int:
        if self.pre or self.post:
            return 3 + len(self.pre) + len(self.post)
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    @property
    def from_dictionary(self) -> bool:
        return bool(self.text)

    @property
    def codes_nothing(self) -> bool:
        return self.code == NULL_CODE and self.reverse_code in (None, NULL_CODE)

    @property
    def where(self) -> str:
        """File, line and pattern, for explanations."""
        shown = f" {self.text!r}" if self.text else ""
        return f"{self.origin} line {self.line}{shown}"


@dataclass(frozen=True, slots=True)
class NounPattern:
    lemma: str
    modifiers: frozenset[str]  # one of these must modify the noun; empty = none required
    targets: tuple[TargetSlot, ...]
    code: str
    flags: frozenset[str]
    line: int

    @property
    def rule(self) -> str:
        mod = f"{sorted(self.modifiers)[0]}_" if self.modifiers else ""
        return f"noun:{mod}{self.lemma}"
