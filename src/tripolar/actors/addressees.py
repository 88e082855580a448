"""Addressees: "you" inside a quotation, as the party the speaker is talking to.

A quoted leader speaks to someone ("Putin told Biden: 'I thank you for the initiative'",
"'We reject your demands,' the minister told his Japanese counterpart"); the words that
name the listener stand outside the quotation marks, as the object of the verb that
attributes the speech. "you", "your" and "yours" inside the quotation are that listener
when the sentence (or, for a quotation running on over sentences with no words of their
own outside the marks, the sentence that opened it) attributes the quotation with such a
verb and names an actor of known country as its object ("told Biden", "warned the
Japanese envoy"). Otherwise no mention is made: a "you" with no named listener is often
the reader, the reporter or anyone ("you cannot trust them").

Everything the rule reads is in the sentence itself (the quotation marks and the parse of
the attributing verb); a listener never comes from a fixed list.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from tripolar.actors.quotations import quoted_tokens
from tripolar.actors.references import tokens_among
from tripolar.model import Mention

ADDRESSEE_ENTRY = "addressee: "
"""How a mention of this module's names its rule (`Mention.entry`)."""

SECOND_PERSON = frozenset({"you", "your", "yours"})

ADDRESS_VERBS = frozenset({
    "told", "tells", "tell", "telling", "warned", "warns", "warning", "assured", "assures",
    "reminded", "reminds", "urged", "urges", "asked", "asks", "wrote",
})  # fmt: skip
"""Verbs that attribute a quotation to a speaker and name its listener as their object
("told Biden", "warned the envoy")."""

LISTENER_DEPS = frozenset({"dobj", "dative", "iobj"})

RUN_ON_SENTENCES = 3
"""How many sentences back a quotation with no attribution of its own looks for the
sentence that opened it."""


def resolve_addressees(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions for "you/your/yours" inside quotations, coded as the listener the
    attribution names (see the module docstring)."""
    if not (doc.has_annotation("DEP") and doc.has_annotation("SENT_START")):
        return []  # the listener is read from the parse
    at = tokens_among(doc, SECOND_PERSON, LOWER)
    if not at:
        return []
    quoted = quoted_tokens(doc)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Mention] = []
    for i in at:
        token = doc[i]
        if i not in quoted or token.idx in covered:
            continue
        listener = _listener(token.sent, mentions, quoted)
        if listener is not None:
            out.append(
                Mention(
                    token.idx,
                    token.idx + len(token.text),
                    token.text,
                    listener.codes,
                    "reference",
                    ADDRESSEE_ENTRY + listener.text,
                )
            )
    return out


def _listener(sent: Span, mentions: Sequence[Mention], quoted: set[int]) -> Mention | None:
    """The listener of the quotation in `sent`: named by its own attribution, else, when the
    sentence has no words outside the quotation marks, by the sentence that opened it."""
    doc = sent.doc
    for _ in range(RUN_ON_SENTENCES + 1):
        listener = _attributed_listener(sent, mentions, quoted)
        if listener is not None:
            return listener
        if _has_own_words(sent, quoted) or sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _attributed_listener(
    sent: Span, mentions: Sequence[Mention], quoted: set[int]
) -> Mention | None:
    for verb in sent:
        if verb.i in quoted or verb.lower_ not in ADDRESS_VERBS:
            continue
        for child in verb.children:
            if child.dep_ not in LISTENER_DEPS or child.i in quoted:
                continue
            found = _mention_of(child, mentions)
            if found is not None:
                return found
    return None


def _mention_of(head: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The actor of known country an object phrase names by its head word ("Biden", "his
    Japanese counterpart"), else its only such actor ("the envoy of Japan")."""
    span = head.subtree
    tokens = list(span)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.anchors]
    own = [m for m in inside if m.start <= head.idx < m.end]
    if own:
        return own[0]
    countries = {m.codes for m in inside}
    return inside[0] if len(countries) == 1 else None


def _has_own_words(sent: Span, quoted: set[int]) -> bool:
    """Whether a sentence has words outside the quotation marks (not marks, punctuation or
    spaces)."""
    return any(t.i not in quoted and not (t.is_punct or t.is_space or t.is_quote) for t in sent)
