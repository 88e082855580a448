"""Work units: a long document coded in bounded pieces, so memory follows the piece.

The pipeline tokenizes, finds actors and references, and parses one unit at a time; its
memory and the cost of its paragraph-level steps follow the unit, not the document or the
paragraph. A document up to `unit_chars` whose paragraphs are shorter than
`paragraph_chars` is one unit (every news article: nothing changes). A longer one is cut
between paragraphs into units of whole paragraphs; a paragraph longer than
`paragraph_chars` (a scraped page without line breaks, a run-on dump) is cut at the last
sentence-like boundary before the limit (end punctuation, then whitespace and a capital
letter, a digit, a quote or a bracket), else at the last whitespace, else at the limit, and
each of its pieces is a unit of its own. Units always start on a non-space character
(except a hard cut) and together cover the text; offsets map back by adding the unit's
start.

A reference ("the two countries", "he") never reaches outside its unit: outside its
paragraph, as always, or outside its piece of an over-long paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tripolar.model import CodedDocument, Document, Event, make_event_id

UNIT_CHARS = 100_000
PARAGRAPH_CHARS = 20_000

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line and the space after it
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s+(?=[A-Z0-9"“‘'(\[])""")
_WHITESPACE = re.compile(r"(?<=\s)(?=\S)")  # a word's start: no backtracking over long spaces


def work_units(
    text: str, unit_chars: int = UNIT_CHARS, paragraph_chars: int = PARAGRAPH_CHARS
) -> list[tuple[int, int]]:
    """(start, end) offsets of the units of `text`, in order, covering it."""
    if len(text) <= paragraph_chars:
        return [(0, len(text))]
    units: list[tuple[int, int]] = []
    start = end = 0  # the unit being filled: text[start:end] holds whole paragraphs
    for first, last in _paragraphs(text):
        if last - first > paragraph_chars:
            if end > start:
                units.append((start, end))
            units += _pieces(text, first, last, paragraph_chars)
            start = end = last
        elif last - start > unit_chars and end > start:
            units.append((start, end))
            start, end = end, last
        else:
            end = last
    if end > start:
        units.append((start, end))
    return units


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph with the blank lines after it; the first may start
    with space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _PARAGRAPH_BREAK.finditer(text):
        if found.end() > start and found.end() < len(text):
            spans.append((start, found.end()))
            start = found.end()
    spans.append((start, len(text)))
    return spans


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """An over-long paragraph text[start:end] cut into pieces of at most `limit` characters."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        window = (start + limit // 2, start + limit)
        cut = _last_match(_SENTENCE_END, text, *window) or _last_match(_WHITESPACE, text, *window)
        cut = cut or start + limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """The end of the last match of `pattern` in text[start:end], if any."""
    cut = None
    for found in pattern.finditer(text, start, end):
        cut = found.end()
    return cut


@dataclass(frozen=True, slots=True)
class CodedPart:
    """Results of a document, whole or a piece: `coded` is in whole-document terms
    (sentence indexes, offsets, event ids) and holds the whole `Document`; `first` and
    `last` mark the document's first and last piece (both for a document of one unit)."""

    coded: CodedDocument
    first: bool
    last: bool


class UnitShifter:
    """Puts the results of a long document's units into whole-document terms, one unit at
    a time in text order, so that a unit's results can be stored before the next is coded."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._base = 0  # sentences of the units before
        self._paragraph = 0
        self._scanned = 0

    def shift(self, start: int, count: int, coded: CodedDocument) -> CodedDocument:
        """One unit's results: (unit start, sentences the unit's Doc had, the unit coded
        as a document of its own). Paragraphs are counted over the whole text."""
        base, text = self._base, self.document.text
        sentences = []
        for s in coded.sentences:
            self._paragraph += text.count("\n\n", self._scanned, s.start + start)
            self._scanned = s.start + start
            sentences.append(
                replace(
                    s,
                    index=s.index + base,
                    start=s.start + start,
                    end=s.end + start,
                    paragraph=self._paragraph,
                )
            )
        self._base += count
        return CodedDocument(
            self.document,
            tuple(sentences),
            tuple(_shifted_event(e, base, start) for e in coded.events),
            tuple(replace(m, start=m.start + start, end=m.end + start) for m in coded.mentions),
            tuple(
                replace(
                    a,
                    sentence_index=a.sentence_index + base,
                    start=a.start + start,
                    end=a.end + start,
                    cue_start=a.cue_start + start if a.cue_start >= 0 else a.cue_start,
                    cue_end=a.cue_end + start if a.cue_start >= 0 else a.cue_end,
                )
                for a in coded.assessments
            ),
        )


def join_units(
    document: Document, parts: Sequence[tuple[int, int, CodedDocument]]
) -> CodedDocument:
    """One CodedDocument from its units' results (see `UnitShifter.shift`)."""
    shifter = UnitShifter(document)
    return join_parts(document, [shifter.shift(*part) for part in parts])


def join_parts(document: Document, parts: Sequence[CodedDocument]) -> CodedDocument:
    """One CodedDocument from the shifted results of its units, in text order."""
    return CodedDocument(
        document,
        tuple(s for p in parts for s in p.sentences),
        tuple(e for p in parts for e in p.events),
        tuple(m for p in parts for m in p.mentions),
        tuple(a for p in parts for a in p.assessments),
    )


def _shifted_event(event: Event, base: int, start: int) -> Event:
    index = event.sentence_index + base
    trigger_start, trigger_end = event.trigger_start, event.trigger_end
    if trigger_start >= 0:
        trigger_start, trigger_end = trigger_start + start, trigger_end + start
    new_id = event.event_id and make_event_id(
        event.doc_id, index, trigger_start, event.source, event.target, event.code
    )
    return replace(
        event,
        sentence_index=index,
        start=event.start + start,
        end=event.end + start,
        trigger_start=trigger_start,
        trigger_end=trigger_end,
        event_id=new_id,
    )
