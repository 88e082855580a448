"""The coding pipeline: document text in, sentences + mentions + events out.

Composes the language layer (spaCy), the actor resolver and the event coder. Built once
per process (workers included) and reused for every document.

By default only the sentences that can carry an event are tagged and parsed (see
`tripolar.scale.prefilter`): the text is tokenized and split into sentences by rules, actors
are found on that, and the parser sees only the sentences that name an actor. Sentence
indexes, spans and event offsets still refer to the original text. ``prefilter=False`` parses
every sentence (and takes sentence boundaries from the parser), as `explain_text` does.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from spacy.tokens import Doc, Span

from tripolar.actors import ActorDictionary, ActorResolver
from tripolar.actors.references import ParagraphIndex
from tripolar.assessments import AssessmentExtractor
from tripolar.config import Config
from tripolar.errors import ConfigError
from tripolar.events import Codebook, EventCoder
from tripolar.events.coder import Rejection
from tripolar.events.discards import DiscardList
from tripolar.events.patterns import PatternSet, check_verbs_mode, read_verb_dictionaries
from tripolar.ingest import text_id
from tripolar.ingest.slug import url_title, without_site_name
from tripolar.model import Assessment, CodedDocument, Document, Event, Mention, Sentence
from tripolar.nlp import load_pipeline, one_blas_thread
from tripolar.nlp.text import doc_text, remember_text, sentence_bounds
from tripolar.scale.prefilter import (
    Excerpt,
    event_bearing,
    excerpt_groups,
    mark_sentences,
    remap_assessments,
    remap_events,
    with_antecedents,
)
from tripolar.scale.units import CodedPart, UnitShifter, join_parts, work_units

# Characters of event-bearing sentences parsed as one excerpt: the parser's memory grows
# with the Doc, so a very long file is parsed in runs of whole paragraphs of about this size.
EXCERPT_CHARS = 20_000
BATCH_CHARS = 100_000  # characters parsed together (news articles: 20-50 excerpts)
CHUNK_CHARS = 1_000_000  # characters of work units prepared together (their Docs are held)


@dataclass(slots=True)
class _Prepared:
    """A document after the cheap pass: tokens, rule sentences, mentions, the excerpt."""

    document: Document
    doc: Doc
    sentences: list[Span]
    mentions: list[Mention]
    excerpts: tuple[Excerpt, ...]  # the event-bearing sentences, in runs of whole paragraphs
    about: tuple[str, ...] = ()  # the pair the title names


@dataclass(frozen=True, slots=True)
class _Unit:
    """A work unit (`tripolar.scale.units`): a document, or a piece of a long one."""

    document: Document  # the whole document
    part: Document  # the unit's text as a document of its own (same id and date)
    start: int  # where the unit starts in the document's text
    last: bool  # the document's last unit


@dataclass(frozen=True, slots=True)
class Explanation:
    """What `tripolar code --explain` shows: events, the actor mentions, and rejections."""

    coded: CodedDocument
    rejections: tuple[Rejection, ...]


class Pipeline:
    """nlp -> actors -> events for one configuration."""

    def __init__(self, config: Config | None = None, *, prefilter: bool = True) -> None:
        self.config = config or Config()
        self.prefilter = prefilter
        self.nlp = load_pipeline(self.config.model)
        dictionary = ActorDictionary.builtin()
        if self.config.actor_files or self.config.agent_files:
            user = ActorDictionary.from_petrarch(self.config.actor_files, self.config.agent_files)
            dictionary = dictionary.merged(user)
        self.resolver = ActorResolver(dictionary, self.nlp)
        self.verb_dictionaries = read_verb_dictionaries(self.config.verb_files)
        self.coder = EventCoder(codebook := Codebook.load(), coding_patterns(codebook, self.config))
        self.discards = DiscardList.from_files(self.config.discard_files)
        self.assessor = AssessmentExtractor()

    def code_documents(
        self, documents: Iterable[Document], *, mentions: bool = True
    ) -> Iterator[CodedDocument]:
        """Code documents in spaCy batches, yielding them in input order (streaming).

        `mentions=False` leaves the actor mentions out (the store keeps none): a long
        document's mentions are the largest part of its results."""
        stream = iter(documents)
        if not self.prefilter:
            while documents_chunk := list(islice(stream, self.config.batch_size)):
                docs = self._parse(self.nlp.make_doc(d.text) for d in documents_chunk)
                for doc, document in zip(docs, documents_chunk, strict=True):
                    coded = self._code(doc, document)
                    yield coded if mentions else replace(coded, mentions=())
            return
        pieces: list[CodedDocument] = []
        for part in self.code_parts(stream, mentions=mentions):
            if part.first and part.last:
                yield part.coded
                continue
            pieces.append(part.coded)
            if part.last:
                yield join_parts(part.coded.document, pieces)
                pieces = []

    def code_parts(
        self, documents: Iterable[Document], *, mentions: bool = True
    ) -> Iterator[CodedPart]:
        """As `code_documents`, but a document coded in several work units comes as one
        `CodedPart` a unit, each as soon as it is coded: the caller (the store) can write
        a long document's rows unit by unit, so memory follows the unit, not the document.
        A document of one unit is one part, first and last."""
        # Work units, not documents: a long document is prepared and parsed a unit at a
        # time, so memory follows the unit (see scale/units.py).
        units = _units(iter(documents))
        shifter: UnitShifter | None = None
        while chunk := _take(units, self.config.batch_size, CHUNK_CHARS):
            prepared = [self._prepare(unit.part) for unit in chunk]
            parsed = self._parse(e.doc for p in prepared for e in p.excerpts)
            for unit, item in zip(chunk, prepared, strict=True):
                coded = self._finish(item, [next(parsed) for _ in item.excerpts])
                if not mentions:
                    coded = replace(coded, mentions=())
                if unit.part is unit.document:
                    yield CodedPart(coded, first=True, last=True)
                    continue
                first = shifter is None
                if shifter is None:
                    shifter = UnitShifter(unit.document)
                shifted = shifter.shift(unit.start, len(item.sentences), coded)
                yield CodedPart(shifted, first=first, last=unit.last)
                if unit.last:
                    shifter = None

    def _parse(self, excerpts: Iterable[Doc]) -> Iterator[Doc]:
        """Parse in batches of at most `batch_size` Docs and about BATCH_CHARS characters:
        the parser's working memory follows the characters of a batch."""
        batch: list[Doc] = []
        chars = 0
        for doc in excerpts:
            size = len(doc_text(doc))
            if batch and (len(batch) >= self.config.batch_size or chars + size > BATCH_CHARS):
                yield from self._parse_batch(batch)
                batch, chars = [], 0
            batch.append(doc)
            chars += size
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[Doc]) -> list[Doc]:
        with one_blas_thread():
            return list(self.nlp.pipe(batch, batch_size=len(batch)))

    def code_document(self, document: Document) -> CodedDocument:
        return next(self.code_documents([document]))

    def code_text(
        self, text: str, date: dt.date | None = None, *, doc_id: str | None = None
    ) -> CodedDocument:
        """Code a bare text, e.g. one sentence from the command line."""
        document = Document(
            doc_id=doc_id or text_id(text),
            text=text,
            published=date,
            date_basis="option" if date else "none",
        )
        return self.code_document(document)

    def explain_text(self, text: str, date: dt.date | None = None) -> Explanation:
        """Code a text and keep what was matched but rejected, and why."""
        document = Document(
            doc_id=text_id(text), text=text, published=date, date_basis="option" if date else "none"
        )
        with one_blas_thread():
            doc = self.nlp(text)
        mentions = self.resolver.find_mentions(doc, date)
        result = self.coder.explain_doc(doc, mentions, doc_id=document.doc_id, published=date)
        assessments = self.assessor.extract(doc, mentions, doc_id=document.doc_id, published=date)
        coded = CodedDocument(
            document=document,
            sentences=tuple(split_sentences(doc, document.doc_id)),
            events=tuple(self.discards.keep(result.events, text)),
            mentions=tuple(mentions),
            assessments=tuple(assessments),
        )
        return Explanation(coded, tuple(result.rejections))

    def title_pair(self, document: Document) -> tuple[str, ...]:
        """The pair of states the document's title names (else the title words of its URL,
        `url_title`): the pair its sentences judge until they discuss another one more."""
        title = without_site_name(document.title) if document.title else url_title(document.url)
        if not title:
            return ()
        doc = remember_text(self.nlp.tokenizer(title), title)
        mark_sentences(doc)
        return self.assessor.pair_named(doc, self.resolver.find_mentions(doc, document.published))

    def _prepare(self, document: Document) -> _Prepared:
        # the tokenizer alone, not make_doc: its length limit (spaCy's E088) guards the
        # parser's memory, and only the excerpt is parsed - a long file of many articles
        # must not fail for it
        doc = remember_text(self.nlp.tokenizer(document.text), document.text)
        mark_sentences(doc)
        mentions = self.resolver.find_mentions(doc, document.published)
        sentences = list(doc.sents)
        # "inter-Korean ties", "the two Koreas" name a pair that no actor mention carries
        bearers = [*mentions, *self.assessor.epithet_mentions(doc, document.published)]
        keep = event_bearing(sentences, bearers)
        about = self.title_pair(document)
        excerpts: list[Excerpt] = []
        if keep or about:
            # a sentence naming no actor can still judge the pair named before it, or in
            # the title ("Tensions had been building for years."): parse it for the
            # assessments
            first = 0 if about else keep[0] + 1
            named = set(keep)
            later = (i for i in range(first, len(sentences)) if i not in named)
            keep = sorted([*keep, *(i for i in later if self.assessor.may_judge(sentences[i]))])
            index = ParagraphIndex(document.text)
            paragraphs = [index.of(s.start_char) for s in sentences]
            keep = with_antecedents(sentences, bearers, keep, paragraphs)
            for group in excerpt_groups(sentences, keep, paragraphs, EXCERPT_CHARS):
                excerpts.append(Excerpt.build(self.nlp.vocab, sentences, group, paragraphs))
        return _Prepared(document, doc, sentences, mentions, tuple(excerpts), about)

    def _finish(self, item: _Prepared, parsed: Sequence[Doc]) -> CodedDocument:
        """Mentions and events of the parsed excerpts, in the offsets of the original text.

        Mentions outside the excerpts are those of the unparsed pass."""
        document = item.document
        events: list[Event] = []
        assessments: list[Assessment] = []
        mentions = item.mentions
        if item.excerpts:
            copied: set[int] = set()
            inside: list[Mention] = []
            for built, doc in zip(item.excerpts, parsed, strict=True):
                excerpt = Excerpt(doc, built.pieces)
                found = self.resolver.find_mentions(doc, document.published)
                coded = self.coder.code_doc(
                    doc, found, doc_id=document.doc_id, published=document.published
                )
                events += remap_events(coded, excerpt, item.sentences)
                judged = self.assessor.extract(
                    doc,
                    found,
                    doc_id=document.doc_id,
                    published=document.published,
                    about=item.about,
                )
                assessments += remap_assessments(judged, excerpt, item.sentences)
                copied.update(p.sentence for p in excerpt.pieces)
                inside += excerpt.original_mentions(found)
            starts = [s.start_char for s in item.sentences]
            outside = [
                m for m in item.mentions if bisect.bisect_right(starts, m.start) - 1 not in copied
            ]
            mentions = sorted([*outside, *inside], key=lambda m: (m.start, m.end))
        return CodedDocument(
            document=document,
            sentences=tuple(_sentence_records(document.text, item.sentences, document.doc_id)),
            events=tuple(self.discards.keep(events, document.text)),
            mentions=tuple(mentions),
            assessments=tuple(assessments),
        )

    def _code(self, doc: Doc, document: Document) -> CodedDocument:
        mentions = self.resolver.find_mentions(doc, document.published)
        events = self.coder.code_doc(
            doc, mentions, doc_id=document.doc_id, published=document.published
        )
        assessments = self.assessor.extract(
            doc,
            mentions,
            doc_id=document.doc_id,
            published=document.published,
            about=self.title_pair(document),
        )
        return CodedDocument(
            document=document,
            sentences=tuple(split_sentences(doc, document.doc_id)),
            events=tuple(self.discards.keep(events, document.text)),
            mentions=tuple(mentions),
            assessments=tuple(assessments),
        )


def coding_patterns(codebook: Codebook, config: Config) -> PatternSet:
    """The built-in patterns, with the configuration's verb dictionaries merged in (or
    instead, with ``verbs_mode="replace"``)."""
    mode = check_verbs_mode(config.verbs_mode)
    patterns = PatternSet.load(codebook)
    if not config.verb_files:
        if mode == "replace":
            raise ConfigError("--verbs-mode replace needs a verb dictionary: give --verbs FILE")
        return patterns
    return patterns.with_dictionaries(read_verb_dictionaries(config.verb_files), mode)


def _units(documents: Iterable[Document]) -> Iterator[_Unit]:
    for document in documents:
        spans = work_units(document.text)
        if len(spans) == 1:
            yield _Unit(document, document, 0, True)
            continue
        for position, (start, end) in enumerate(spans):
            part = replace(document, text=document.text[start:end])
            yield _Unit(document, part, start, position == len(spans) - 1)


def _take(units: Iterator[_Unit], count: int, chars: int) -> list[_Unit]:
    """The next units, up to `count` of them and about `chars` characters (at least one)."""
    chunk: list[_Unit] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += len(unit.part.text)
        if len(chunk) >= count or size >= chars:
            break
    return chunk


def split_sentences(doc: Doc, doc_id: str) -> Iterator[Sentence]:
    """Sentences with their character offsets and paragraph number (blank-line separated)."""
    return _sentence_records(doc_text(doc), doc.sents, doc_id)


def _sentence_records(text: str, spans: Iterable[Span], doc_id: str) -> Iterator[Sentence]:
    paragraph, scanned = 0, 0
    for index, sent in enumerate(spans):
        paragraph += text.count("\n\n", scanned, sent.start_char)
        scanned = sent.start_char
        if not text[sent.start_char : sent.end_char].strip():
            continue
        start, end, sentence = sentence_bounds(sent)
        yield Sentence(doc_id, index, start, end, sentence, paragraph)
