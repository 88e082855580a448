"""One pattern line of a PETRARCH-2/TABARI verb dictionary, read into model elements.

``- PRE * POST (PREP ...) {A B} [CODE]``: the words before and after the verb (`*`),
prepositional phrases, noun phrases, actor slots (`$` source, `+` target, `%` compound),
skips (`^`), synsets (`&NAME`) and joins (`_`), then one code or `[a:b]` codes.
`petrarch.py` reads the rest of the file and reports a `PatternLineError` with its line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tripolar.events.patterns.model import (
    NULL_CODE,
    ActorSlot,
    Element,
    NounPhrase,
    PrepPhrase,
    Skip,
    Term,
)

_CODE = re.compile(r"^[A-Za-z0-9+#?\-]{1,8}$")
_TOKEN = re.compile(r"\{|\}|\(|\)|\*|_|\s+|[^\s_{}()*]+")


class PatternLineError(ValueError):
    """What a pattern line should have held (the reader adds file and line)."""


def parse_codes(text: str) -> tuple[str, str | None] | None:
    """ "042" -> ("042", None); "042:043" -> ("042", "043"); None when malformed."""
    forward, colon, reverse = text.strip().partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    if colon and not forward:  # "[:173]": no event this way, 173 the other way
        forward = NULL_CODE
    if not _CODE.match(forward) or (colon and not _CODE.match(reverse)):
        return None
    return forward, (reverse if colon else None)


def synset_name(text: str) -> str:
    """ "&NAME_ # comment" -> "NAME"."""
    return text.split()[0].lstrip("&").rstrip("_").upper()


def required_words(elements: tuple[Element, ...]) -> frozenset[str]:
    """Words that every match of these elements contains (literal words, not synsets)."""
    words: set[str] = set()
    for element in elements:
        if isinstance(element, Term) and len(element.alternatives) == 1:
            words.update(element.alternatives[0])
        elif isinstance(element, NounPhrase):
            words |= required_words(element.terms)
        elif isinstance(element, PrepPhrase):
            words.add(element.prep)
            words |= required_words(element.elements)
    return frozenset(words)


def needed_words(elements: tuple[Element, ...]) -> tuple[frozenset[str], ...]:
    """What every match of these elements needs among the sentence's (lower-case) words: one
    word of each set. A literal word or ``A_B`` needs each of its words, a synset the first
    word of one of its members, ``(PREP ...)`` its preposition (`patterns.index` files a
    pattern under them)."""
    needs: list[frozenset[str]] = []
    for element in elements:
        if isinstance(element, Term):
            if len(element.alternatives) == 1:
                needs.extend(frozenset({word}) for word in element.alternatives[0])
            elif all(element.alternatives):
                needs.append(frozenset(words[0] for words in element.alternatives))
        elif isinstance(element, NounPhrase):
            needs.extend(needed_words(element.terms))
        elif isinstance(element, PrepPhrase):
            needs.append(frozenset({element.prep}))
            needs.extend(needed_words(element.elements))
    return tuple(dict.fromkeys(needs))


def parse_pattern(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]]
) -> tuple[tuple[Element, ...], tuple[Element, ...], str, str | None]:
    found = re.search(r"\[([^\]]*)\]\s*$", text)
    if found is None:
        raise PatternLineError("a code in brackets at the end of the pattern, e.g. [042]")
    codes = parse_codes(found[1])
    if codes is None:
        raise PatternLineError(f"a code such as [042] or [042:043], not [{found[1]}]")
    body = text[: found.start()]
    if "[" in body or "]" in body:
        raise PatternLineError("one code, at the end of the pattern")
    tokens = [t for t in _TOKEN.findall(body)]
    stars = tokens.count("*")
    if stars != 1:
        raise PatternLineError(f"one '*' for the verb, found {stars}")
    star = tokens.index("*")
    pre_tokens, post_tokens = tokens[:star], tokens[star + 1 :]
    pre = _leftward(_elements(pre_tokens, synsets, joined_first=False), _ends_joined(pre_tokens))
    post = _elements(post_tokens, synsets, joined_first=_starts_joined(post_tokens))
    return pre, post, codes[0], codes[1]


def _leftward(elements: tuple[Element, ...], verb_joined: bool) -> tuple[Element, ...]:
    """Pre-verb elements nearest the verb first; `joined` then means "right before the
    element on its right (or the verb)": "IN_*" -> IN joined."""
    out: list[Element] = []
    right_joined = verb_joined
    for element in reversed(elements):
        out.append(replace(element, joined=right_joined))
        right_joined = element.joined
    return tuple(out)


def _starts_joined(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[0] == "_"


def _ends_joined(tokens: list[str]) -> bool:
    meaningful = [t for t in tokens if not t.isspace()]
    return bool(meaningful) and meaningful[-1] == "_"


def _elements(
    tokens: list[str],
    synsets: dict[str, tuple[tuple[str, ...], ...]],
    *,
    joined_first: bool,
) -> tuple[Element, ...]:
    """Elements of one side of a pattern. `joined` marks an element that must follow the
    element before it (or, first after the verb, the verb) without a gap."""
    stack: list[tuple[str, list[Element], bool]] = [("", [], False)]  # (kind, elements, joined)
    joined = joined_first
    for token in tokens:
        if token.isspace():
            joined = False
            continue
        if token == "_":
            joined = True
            continue
        items = stack[-1][1]
        if token == "{":
            stack.append(("{", [], joined))
        elif token == "(":
            stack.append(("(", [], joined))
        elif token in ("}", ")"):
            kind, inner, was_joined = stack.pop() if len(stack) > 1 else ("", [], False)
            if kind != {"}": "{", ")": "("}[token]:
                raise PatternLineError(f"a matching bracket for {token!r}")
            stack[-1][1].append(_group(kind, inner, was_joined))
        elif token in ("$", "+", "%"):
            role = {"$": "source", "+": "target", "%": "compound"}[token]
            items.append(ActorSlot(role, joined))  # type: ignore[arg-type]
        elif token == "^":
            items.append(Skip(joined))
        elif token.startswith("&"):
            name = synset_name(token)
            if name not in synsets:
                raise PatternLineError(f"a synset defined in the file, not {token}")
            items.append(Term(synsets[name], joined, "&" + name))
        else:
            if not re.fullmatch(r"[A-Za-z0-9'\-.,;:!?/&]+", token):
                raise PatternLineError(f"words, not {token!r}")
            items.append(Term(((token.lower(),),), joined))
        joined = False
    if len(stack) != 1:
        raise PatternLineError("a closing bracket")
    return tuple(_merge_joined(stack[0][1]))


def _group(kind: str, inner: list[Element], joined: bool) -> Element:
    if kind == "{":
        terms = [e for e in inner if isinstance(e, Term)]
        if not terms or len(terms) != len(inner):
            raise PatternLineError("words in a noun phrase {A B}")
        return NounPhrase(tuple(terms), joined)
    if not inner or not isinstance(inner[0], Term) or len(inner[0].alternatives) != 1:
        raise PatternLineError("a preposition first in a phrase (PREP ...)")
    prep_words = inner[0].alternatives[0]
    if len(prep_words) != 1:
        raise PatternLineError("one preposition first in a phrase (PREP ...)")
    return PrepPhrase(prep_words[0], tuple(inner[1:]), joined)


def _merge_joined(elements: list[Element]) -> list[Element]:
    """Literal words joined by "_" become one Term of several words."""
    merged: list[Element] = []
    for element in elements:
        previous = merged[-1] if merged else None
        if (
            isinstance(element, Term)
            and element.joined
            and not element.synset
            and isinstance(previous, Term)
            and not previous.synset
        ):
            merged[-1] = Term(
                (previous.alternatives[0] + element.alternatives[0],), previous.joined
            )
            continue
        merged.append(element)
    return merged
