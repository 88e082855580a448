"""The pre-filter: tag and parse only the sentences that can carry an event.

The statistical parser is the costly step, and about half the sentences of news text name
no actor at all, so no event can come out of them. For one document:

1. tokenize the whole text and mark sentences by rule (`mark_sentences`);
2. find actor mentions on that unparsed Doc; a sentence that names an actor is
   *event-bearing* (`event_bearing`): the coder never looks at the others;
3. copy the event-bearing sentences, and the earlier sentences of their paragraphs that name
   an actor (antecedents of "the two leaders", "he", bare "officials"), token by token into
   one smaller Doc (`Excerpt`), keeping paragraph breaks between paragraphs;
4. tag, parse and lemmatize the excerpt, find mentions and code events on it as on any Doc,
   then map every character offset back through the excerpt's piecewise table, so sentence
   indexes, sentence spans and triggers refer to the original text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import cast

import numpy as np
from spacy.attrs import IS_LEFT_PUNCT, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab
from thinc.types import Ints2d

from tripolar.model import Assessment, Event, Mention, make_event_id
from tripolar.nlp.text import remember_text, sentence_bounds

"""The coder's event id: (doc_id, sentence index, trigger start, source, target, code)."""

SENTENCE_FINAL = (".", "!", "?", "...", "…", "?!", "!?", "!!", "??")
PARAGRAPH_BREAK = "\n\n"
LIST_BULLETS = ("•", "▪", "►")
"""A bullet after a space starts a sentence: a page's "related news" list run into one line
is one headline per bullet, not one sentence."""
MAX_SENTENCE_TOKENS = 500
"""A rule sentence is cut after this many tokens: text without full stops (a scraped list, a
run-on dump) would otherwise be one sentence as long as its paragraph, parsed in one piece
and copied into every event it carries. News sentences stay far below it."""


def is_footnote_mark(text: str) -> bool:
    """A footnote number as the tokenizer leaves it after a full stop: "5", "[12]"."""
    number = text[1:-1] if text[:1] == "[" and text[-1:] == "]" else text
    return 1 <= len(number) <= 3 and number.isdigit()


def mark_sentences(doc: Doc) -> None:
    """Set rule-based sentence starts on every token of an unparsed Doc.

    The word after sentence-final punctuation starts a sentence; closing quotes and
    brackets stay with the sentence they close, an opening quote or bracket after a space
    starts the next one; whitespace tokens never start a sentence, and a paragraph break
    (a blank line) always ends one, so a headline without a full stop stands alone, and so
    does each item of a bulleted list run into one line. A sentence of MAX_SENTENCE_TOKENS
    tokens ends there.
    """
    n = len(doc)
    if n == 0:
        return
    final = {doc.vocab.strings.add(p) for p in SENTENCE_FINAL}
    bullets = {doc.vocab.strings.add(b) for b in LIST_BULLETS}
    columns = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, IS_LEFT_PUNCT, SPACY]).tolist()
    starts = [-1] * n
    starts[0] = 1
    seen_end = after_break = started = False
    spaced = False  # the previous token was followed by whitespace
    length = 0  # tokens of the sentence so far
    for i, (orth, punct, space, left, trailing) in enumerate(columns):
        if space:
            if started and doc[i].text.count("\n") >= 2:
                after_break = True
            spaced = True
            continue
        # a footnote number glued to the full stop ("consensus.5 Though") closes the sentence
        footnote = seen_end and not spaced and is_footnote_mark(doc[i].text)
        if started and (
            after_break
            or (seen_end and not footnote and (not punct or (left and spaced)))
            or (orth in bullets and spaced)  # "• headline one  • headline two"
            or length >= MAX_SENTENCE_TOKENS
        ):
            starts[i] = 1
            seen_end = after_break = False
            length = 0
        elif orth in final:
            seen_end = True
        started = True
        length += 1
        spaced = bool(trailing)
    column = np.asarray(starts, dtype=np.int64).astype(np.uint64).reshape(-1, 1)
    doc.from_array([SENT_START], cast(Ints2d, column))


def event_bearing(sentences: Sequence[Span], mentions: Sequence[Mention]) -> list[int]:
    """Indexes of the sentences that name at least one actor.

    The coder looks only at sentences with a mention in them. Two codes are not required:
    a protest by one state's citizens is coded against that state's government.
    """
    return sorted(_codes_by_sentence(sentences, mentions))


def with_antecedents(
    sentences: Sequence[Span],
    mentions: Sequence[Mention],
    keep: Sequence[int],
    paragraphs: Sequence[int],
) -> list[int]:
    """`keep` plus every earlier sentence of the same paragraph that names an actor."""
    named = _codes_by_sentence(sentences, mentions)
    out = set(keep)
    for index in keep:
        earlier = index - 1
        while earlier >= 0 and paragraphs[earlier] == paragraphs[index]:
            if earlier in named:
                out.add(earlier)
            earlier -= 1
    return sorted(out)


def excerpt_groups(
    sentences: Sequence[Span], keep: Sequence[int], paragraphs: Sequence[int], max_chars: int
) -> list[list[int]]:
    """`keep` cut into runs of whole paragraphs of at most `max_chars` characters each (a
    longer paragraph stays whole): each run is parsed as its own excerpt, so the parser's
    memory is bounded by the run, not by the document."""
    groups: list[list[int]] = []
    size = 0
    for position, index in enumerate(keep):
        length = len(sentences[index].text)
        new_paragraph = position == 0 or paragraphs[index] != paragraphs[keep[position - 1]]
        if not groups or (new_paragraph and size + length > max_chars and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(index)
        size += length
    return groups


def _codes_by_sentence(
    sentences: Sequence[Span], mentions: Sequence[Mention]
) -> dict[int, set[str]]:
    starts = [s.start_char for s in sentences]
    codes: dict[int, set[str]] = {}
    for mention in mentions:
        if not mention.anchors:  # "---REB": coded only beside an actor of known country
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0:
            codes.setdefault(index, set()).update(mention.codes)
    return codes


@dataclass(frozen=True, slots=True)
class Piece:
    """One copied sentence: where it sits in the excerpt and in the original text."""

    sentence: int  # index among the original Doc's sentences
    excerpt_char: int  # first character in the excerpt
    original_char: int  # first character in the original text
    length: int  # characters copied (identical in both)


class Excerpt:
    """A Doc made of some sentences of a larger Doc, with offsets that map back to it."""

    def __init__(self, doc: Doc, pieces: Sequence[Piece]) -> None:
        self.doc = doc
        self.pieces = tuple(pieces)
        self._starts = [p.excerpt_char for p in self.pieces]
        self._sentences: list[Span] | None = None  # the parsed excerpt's, listed once

    @classmethod
    def build(
        cls,
        vocab: Vocab,
        sentences: Sequence[Span],
        keep: Sequence[int],
        paragraphs: Sequence[int],
    ) -> Excerpt:
        """Copy the sentences `keep` (sorted indexes into `sentences`) token by token.

        Each copied sentence is one sentence of the excerpt (the parser may not split it: a
        stray cut, as after a "Xinhua, September 13, 2016" line, lost the subject of the
        next sentence and its events); a blank line separates
        copied sentences of different paragraphs, none separates those of one paragraph.
        """
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool | int | None] = []
        pieces: list[Piece] = []
        char = 0
        for position, index in enumerate(keep):
            new_paragraph = position and paragraphs[index] != paragraphs[keep[position - 1]]
            if new_paragraph and not (words[-1].isspace() and words[-1].count("\n") >= 2):
                words.append(PARAGRAPH_BREAK)
                spaces.append(False)
                sent_starts.append(None)
                char += len(PARAGRAPH_BREAK)
            span = sentences[index]
            first = char
            for offset, token in enumerate(span):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                sent_starts.append(offset == 0)  # the parser may not cut it further
                char += len(token.text) + len(token.whitespace_)
            pieces.append(Piece(index, first, span.start_char, char - first))
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        text = "".join(w + " " if space else w for w, space in zip(words, spaces, strict=True))
        return cls(remember_text(doc, text), pieces)

    def piece_at(self, excerpt_char: int) -> Piece:
        return self.pieces[max(bisect.bisect_right(self._starts, excerpt_char) - 1, 0)]

    def to_original(self, excerpt_char: int) -> int:
        piece = self.piece_at(excerpt_char)
        return excerpt_char - piece.excerpt_char + piece.original_char

    def original_mentions(self, mentions: Sequence[Mention]) -> list[Mention]:
        """Mentions found on the excerpt, in original offsets."""
        out = []
        for mention in mentions:
            start = self.to_original(mention.start)
            out.append(replace(mention, start=start, end=start + mention.end - mention.start))
        return out

    def place(
        self, sentence_index: int, start: int, end: int, sentences: Sequence[Span]
    ) -> tuple[int, Span, int, int]:
        """Where something found in excerpt sentence `sentence_index` at [start, end) sits in
        the original: the sentence's index and span, and the mapped offsets (a negative
        `start` means no span and is kept). The parser keeps each copied sentence whole,
        so the original sentence is found through the excerpt sentence's first character."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        original = self.sentence_of(self._sentences[sentence_index])
        if start >= 0:
            shifted = self.to_original(start)
            start, end = shifted, shifted + end - start
        return original, sentences[original], start, end

    def sentence_of(self, excerpt_sentence: Span) -> int:
        """The original sentence index of a sentence of the parsed excerpt."""
        return self.piece_at(excerpt_sentence.start_char).sentence


def remap_events(
    events: Sequence[Event],
    excerpt: Excerpt,
    sentences: Sequence[Span],
) -> list[Event]:
    """Events coded on a parsed excerpt, with the sentence indexes, sentence spans and
    trigger offsets of the original text (and the ids that follow from them)."""
    out: list[Event] = []
    for event in events:
        original, sentence, trigger_start, trigger_end = excerpt.place(
            event.sentence_index, event.trigger_start, event.trigger_end, sentences
        )
        start, end, text = sentence_bounds(sentence)
        new_id = event.event_id and make_event_id(
            event.doc_id, original, trigger_start, event.source, event.target, event.code
        )
        out.append(
            replace(
                event,
                sentence_index=original,
                start=start,
                end=end,
                sentence=text,
                trigger_start=trigger_start,
                trigger_end=trigger_end,
                event_id=new_id,
            )
        )
    return out


def remap_assessments(
    assessments: Sequence[Assessment], excerpt: Excerpt, sentences: Sequence[Span]
) -> list[Assessment]:
    """Assessments found on a parsed excerpt, in the sentences and offsets of the original."""
    out: list[Assessment] = []
    for item in assessments:
        original, sentence, cue_start, cue_end = excerpt.place(
            item.sentence_index, item.cue_start, item.cue_end, sentences
        )
        start, end, text = sentence_bounds(sentence)
        out.append(
            replace(
                item,
                sentence_index=original,
                start=start,
                end=end,
                sentence=text,
                cue_start=cue_start,
                cue_end=cue_end,
            )
        )
    return out
