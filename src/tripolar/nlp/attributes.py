"""A table-driven stand-in for spaCy's AttributeRuler, with the same output.

The English pipeline's `attribute_ruler` maps each fine-grained tag (with a few words and
dependency labels) to a coarse POS, morphology and some lemmas. spaCy runs it as a token
Matcher with about 180 patterns, which was a fifth of the parse time of tripolar's excerpts.

Almost every pattern looks at one token, and what a one-token pattern decides depends only
on that token's (TAG, LOWER, DEP, IS_SPACE). `AttributeTable` evaluates the ruler's own
patterns once per distinct tuple and keeps the folded result; the few multi-token patterns
("gon na", "let 's", an expletive before "is") are checked where their first token fits.
As in the ruler, all patterns are matched first and then applied in the order they were
added, so a later pattern's value wins. Patterns with operators or attributes outside that
small language are refused (`UnsupportedPattern`), and `load_pipeline` keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.types import Ints2d

from tripolar.nlp.standin import StandIn, replace_component

FACTORY = "tripolar_attribute_table"

_FEATURES = (TAG, LOWER, DEP, IS_SPACE)  # what a pattern may test, in this order
_FIELD = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_OUTPUTS = (POS, MORPH, LEMMA, TAG, DEP)  # what a pattern may set, in this order
_COLUMN = {attr: column for column, attr in enumerate(_OUTPUTS)}

Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]


class UnsupportedPattern(ValueError):
    """An attribute-ruler pattern outside what `AttributeTable` evaluates."""


def _compile_value(field: int, value: Any) -> Test:
    if isinstance(value, dict):
        if len(value) != 1:
            raise UnsupportedPattern(f"several operators in one test: {value!r}")
        ((operator, operand),) = value.items()
        if operator == "IN":
            members = frozenset(operand)
            return lambda features: features[field] in members
        if operator == "NOT_IN":
            excluded = frozenset(operand)
            return lambda features: features[field] not in excluded
        if operator == "REGEX" and field != _FIELD["IS_SPACE"]:
            search = re.compile(operand).search
            return lambda features: search(cast(str, features[field])) is not None
        raise UnsupportedPattern(f"operator {operator!r}")
    if isinstance(value, bool) != (field == _FIELD["IS_SPACE"]):
        raise UnsupportedPattern(f"value {value!r}")
    return lambda features: features[field] == value


def _compile_token(spec: dict[str, Any]) -> Test:
    tests = []
    for key, value in spec.items():
        field = _FIELD.get(key.upper())
        if field is None:
            raise UnsupportedPattern(f"token attribute {key!r}")
        tests.append(_compile_value(field, value))
    return lambda features: all(test(features) for test in tests)


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # the ruler's pattern number: a later rule's values win
    tokens: tuple[Test, ...]
    index: int  # which token of the match gets the values
    values: tuple[tuple[int, int], ...]  # (output column, value)

    def target(self, start: int) -> int:
        return start + (self.index if self.index >= 0 else len(self.tokens) + self.index)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the rules decide about one (TAG, LOWER, DEP, IS_SPACE)."""

    single: tuple[int, ...]  # orders of the matching one-token rules, ascending
    folded: tuple[tuple[int, int], ...]  # their values folded, as (column, value)
    heads: frozenset[tuple[int, int]]  # (multi-token rule number, token position) that fit
    starts: tuple[int, ...]  # multi-token rules whose first token fits


def _fold(rules: Iterable[_Rule]) -> tuple[tuple[int, int], ...]:
    values: dict[int, int] = {}
    for rule in rules:
        values.update(rule.values)
    return tuple(values.items())


class AttributeTable(StandIn):
    """Sets POS, MORPH and LEMMA (and TAG/DEP where patterns say so) as the ruler would."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self._single: list[_Rule] = []
        self._multi: list[_Rule] = []
        for order, (pattern, attrs, index) in enumerate(
            zip(_patterns(ruler), ruler.attrs, ruler.indices, strict=True)
        ):
            values = []
            for attr, value in attrs.items():
                if attr not in _COLUMN:
                    raise UnsupportedPattern(f"pattern {order} sets attribute {attr!r}")
                values.append((_COLUMN[attr], int(value)))
            for alternative in pattern:
                tokens = tuple(_compile_token(spec) for spec in alternative)
                if not tokens or not -len(tokens) <= index < len(tokens):
                    raise UnsupportedPattern(f"pattern {order}: index {index} out of range")
                rule = _Rule(order, tokens, index, tuple(values))
                (self._single if len(tokens) == 1 else self._multi).append(rule)
        self._by_order = {rule.order: rule for rule in self._single}
        self._entries: dict[tuple[int, ...], _Entry] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        keys = [tuple(row) for row in doc.to_array(list(_FEATURES)).tolist()]
        entries = [self._entries.get(key) or self._describe(key) for key in keys]
        extra: dict[int, list[_Rule]] = {}
        for start, entry in enumerate(entries):
            for number in entry.starts:
                rule = self._multi[number]
                width = len(rule.tokens)
                if start + width <= n and all(
                    (number, k) in entries[start + k].heads for k in range(1, width)
                ):
                    extra.setdefault(rule.target(start), []).append(rule)
        rows = doc.to_array(list(_OUTPUTS)).tolist()
        for i, entry in enumerate(entries):
            folded = entry.folded
            if i in extra:
                rules = [self._by_order[order] for order in entry.single] + extra[i]
                folded = _fold(sorted(rules, key=lambda rule: rule.order))
            row = rows[i]
            for column, value in folded:
                row[column] = value
        doc.from_array(list(_OUTPUTS), cast(Ints2d, np.asarray(rows, dtype=np.uint64)))
        return doc

    def _describe(self, key: tuple[int, ...]) -> _Entry:
        strings = self.vocab.strings
        tag, lower, dep, space = key
        features: Features = (strings[tag], strings[lower], strings[dep], bool(space))
        single = [rule for rule in self._single if rule.tokens[0](features)]
        heads = frozenset(
            (number, position)
            for number, rule in enumerate(self._multi)
            for position, test in enumerate(rule.tokens)
            if test(features)
        )
        starts = tuple(sorted(number for number, position in heads if position == 0))
        entry = _Entry(tuple(rule.order for rule in single), _fold(single), heads, starts)
        self._entries[key] = entry
        return entry


def _patterns(ruler: AttributeRuler) -> Sequence[Sequence[Sequence[dict[str, Any]]]]:
    return [cast(list[list[dict[str, Any]]], entry["patterns"]) for entry in ruler.patterns]


@Language.factory(FACTORY, default_config={"source": "attribute_ruler"})
def make_attribute_table(nlp: Language, name: str, source: str) -> AttributeTable:
    """The table of the pipeline's existing attribute ruler `source`."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPattern(f"{source!r} is not an AttributeRuler")
    return AttributeTable(ruler)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler by its table, under the same name.

    Returns False (and leaves the pipeline as it was) when the ruler has patterns the table
    does not evaluate."""
    return replace_component(nlp, name, FACTORY, UnsupportedPattern)
