"""The coding pipeline: document text in, sentences + mentions + events out.

Composes the language layer (spaCy), the actor resolver and the event coder. Built once
per process (workers included) and reused for every document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from tripolar.actors import ActorDictionary, ActorResolver
from tripolar.config import Config
from tripolar.events import Codebook, EventCoder
from tripolar.ingest import text_id
from tripolar.model import CodedDocument, Document, Sentence
from tripolar.nlp import load_pipeline


class Pipeline:
    """nlp -> actors -> events for one configuration."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp = load_pipeline(self.config.model)
        dictionary = ActorDictionary.builtin()
        if self.config.actor_files or self.config.agent_files:
            user = ActorDictionary.from_petrarch(self.config.actor_files, self.config.agent_files)
            dictionary = dictionary.merged(user)
        self.resolver = ActorResolver(dictionary, self.nlp)
        self.coder = EventCoder(Codebook.load())

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in spaCy batches, yielding them in input order."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size):
            yield self._code(doc, document)

    def code_document(self, document: Document) -> CodedDocument:
        return self._code(self.nlp(document.text), document)

    def code_text(self, text: str, date: dt.date | None = None, *, doc_id: str | None = None) -> CodedDocument:
        """Code a bare text, e.g. one sentence from the command line."""
        document = Document(
            doc_id=doc_id or text_id(text),
            text=text,
            published=date,
            date_basis="option" if date else "none",
        )
        return self.code_document(document)

    def _code(self, doc: Doc, document: Document) -> CodedDocument:
        mentions = self.resolver.find_mentions(doc, document.published)
        events = self.coder.code_doc(
            doc, mentions, doc_id=document.doc_id, published=document.published
        )
        return CodedDocument(
            document=document,
            sentences=tuple(split_sentences(doc, document.doc_id)),
            events=tuple(events),
            mentions=tuple(mentions),
        )


def split_sentences(doc: Doc, doc_id: str) -> Iterator[Sentence]:
    """Sentences with their character offsets and paragraph number (blank-line separated)."""
    text = doc.text
    paragraph, scanned = 0, 0
    for index, sent in enumerate(doc.sents):
        paragraph += text.count("\n\n", scanned, sent.start_char)
        scanned = sent.start_char
        stripped = sent.text.strip()
        if not stripped:
            continue
        yield Sentence(doc_id, index, sent.start_char, sent.end_char, sent.text, paragraph)
