"""Quotations in a Doc, read from the marks alone (no parse needed): which tokens are
inside double quotation marks, and the words that attribute speech ("said", "told")."""

from __future__ import annotations

import bisect

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from tripolar.actors.references import tokens_among

SPEECH_WORDS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "declared", "insisted",
    "warned", "noted", "quoted", "according", "announced", "wrote", "read", "reads", "saying",
})  # fmt: skip
"""Words that attribute what is quoted or reported to a speaker ("..., the minister said")."""

QUOTATION_MARKS = ('"', "“", "”", "''", "``")


def quoted_tokens(doc: Doc) -> set[int]:
    """Indexes of the tokens inside double quotation marks, read sentence by sentence: a
    sentence whose first mark closes a quotation was inside one from its start, and a
    sentence without marks is inside when the one before it in its paragraph ended inside."""
    inside_tokens: set[int] = set()
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return inside_tokens  # a bare tokenized Doc: no sentences to read
    at = tokens_among(doc, QUOTATION_MARKS, ORTH)
    if not at:
        return inside_tokens  # no mark, nothing inside
    carried = False  # the previous sentence of the paragraph ended inside a quotation
    for sent in doc.sents:
        if sent.start > 0 and "\n" in doc[sent.start - 1].text + doc[sent.start - 1].whitespace_:
            carried = False
        first, last = bisect.bisect_left(at, sent.start), bisect.bisect_left(at, sent.end)
        if first == last and not carried:
            continue  # no mark and nothing carried in: no token inside, nothing carried on
        marks = {i: opens_quotation(doc[i]) for i in at[first:last]}
        inside = carried if not marks else not next(iter(marks.values()))
        for t in sent:
            if t.i in marks:
                inside = marks[t.i]
            elif "\n" in t.text:
                inside = False
            elif inside:
                inside_tokens.add(t.i)
        carried = inside
    return inside_tokens


def opens_quotation(mark: Token) -> bool:
    """Whether a quotation mark opens a quotation (a straight one: after a space, before a
    word)."""
    if mark.text in ("“", "``"):
        return True
    if mark.text in ("”", "''"):
        return False
    doc = mark.doc
    before_space = mark.i == 0 or bool(doc[mark.i - 1].whitespace_) or doc[mark.i - 1].is_space
    after_space = bool(mark.whitespace_) or mark.i + 1 >= len(doc)
    return before_space and not after_space
