"""Lists of actors that the parse tore apart.

Long lists in real copy ("a ban on goods from A, the member states of B, C, D and
non-member E") often come out of the parser as a
first conjunct and a scatter of appositions and stray nouns, so only the first member is
reached through the dependency tree. ``listed_after`` reads the list on the surface instead:
after a found actor, comma- and "and"-separated segments of noun-phrase words, each naming
an actor, up to and including the one after the last "and"/"or".

It stays narrow on purpose: every segment must name an actor of known country and consist
only of noun-phrase words, the list must close with "and"/"or" (so "sanctions on Russia,
China said" is no list), and an actor that is the subject of a verb is never a member.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from tripolar.model import Mention

# words a list member may be made of: "the 27 European Union countries", "non-EU member X"
_SEGMENT_POS = frozenset({"DET", "NUM", "ADJ", "PROPN", "NOUN"})
_JOINERS = frozenset({"and", "or"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def listed_after(
    doc: Doc, found: Sequence[Mention], by_token: Mapping[int, Mention]
) -> list[Mention]:
    """Actors that continue, on the surface, a list whose first members are ``found``
    (mentions already taken as targets); those not already in ``found``."""
    if not found:
        return []
    last = max(found, key=lambda m: m.end)
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return []
    sentence_end = span[-1].sent.end
    members: list[Mention] = []
    closed = False
    i = span.end
    while i < sentence_end and not closed:
        # a separator: ",", "and", "or", ", and"
        saw = False
        while i < sentence_end and (doc[i].text == "," or doc[i].lower_ in _JOINERS):
            closed = closed or doc[i].lower_ in _JOINERS
            saw = True
            i += 1
        if not saw:
            break
        segment: list[Token] = []
        while i < sentence_end and _member_word(doc[i]):
            segment.append(doc[i])
            i += 1
        member = _member_of(segment, by_token)
        if member is None:
            return []  # a segment without an actor: not a list of actors after all
        members.append(member)
    if not closed:
        return []
    known = {(m.start, m.end) for m in found}
    return [m for m in members if (m.start, m.end) not in known]


def _member_word(token: Token) -> bool:
    if token.text == "-":  # "non-EU"
        return True
    return token.pos_ in _SEGMENT_POS and token.lower_ not in _JOINERS


def _member_of(segment: Sequence[Token], by_token: Mapping[int, Mention]) -> Mention | None:
    """The actor a segment names: its last word's (the head of an English noun phrase),
    else its only actor ("the 27 European Union countries")."""
    if not segment:
        return None
    head = segment[-1]
    if head.dep_ in _SUBJECTS:
        return None
    mention = by_token.get(head.i)
    if mention is None:
        named = {id(m): m for t in segment if (m := by_token.get(t.i)) is not None}
        if len(named) != 1:
            return None
        mention = next(iter(named.values()))
    return mention if mention.anchors else None
