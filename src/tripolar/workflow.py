"""Whole jobs that span the stages: ingest (read -> code -> store) and the demo.

The CLI calls these; they report progress through a callback and never print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tripolar.config import Config
from tripolar.ingest import read_paths
from tripolar.model import Document, Failure
from tripolar.pipeline import Pipeline
from tripolar.store import Store


@dataclass
class IngestSummary:
    """What one ingest run did; the CLI prints it as the closing summary."""

    read: int = 0  # documents read from the input (before de-duplication)
    stored: int = 0  # new documents written
    duplicates: int = 0  # already in the store, or repeated in this input
    failed: int = 0  # files or records that could not be read
    sentences: int = 0  # in the new documents
    events: int = 0  # in the new documents
    failures: list[Failure] = field(default_factory=list)


ProgressCallback = Callable[[IngestSummary], None]


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, code and store documents; re-ingesting the same content stores nothing new.

    Bad files and records are recorded as failures (in the summary and the store) and the
    rest of the batch goes on. Each batch of documents is written in one transaction.
    """
    config = config or Config()
    summary = IngestSummary()
    items = read_paths(paths, default_date=config.default_date)
    new_documents = _fresh_documents(items, store, summary, progress)
    batch: list[Document] = []
    pipe: Pipeline | None = pipeline
    for document in new_documents:
        batch.append(document)
        if len(batch) >= config.batch_size:
            pipe = pipe or Pipeline(config)
            _code_and_store(batch, pipe, store, summary, progress)
            batch = []
    if batch:
        pipe = pipe or Pipeline(config)
        _code_and_store(batch, pipe, store, summary, progress)
    return summary


def _fresh_documents(
    items: Iterable[Document | Failure],
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> Iterator[Document]:
    """Documents not yet stored; failures are recorded as they pass."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            summary.failed += 1
            summary.failures.append(item)
            store.add_failure(item)
            if progress:
                progress(summary)
            continue
        summary.read += 1
        if item.doc_id in seen or store.known_documents([item.doc_id]):
            summary.duplicates += 1
            if progress:
                progress(summary)
            continue
        seen.add(item.doc_id)
        yield item


def _code_and_store(
    batch: list[Document],
    pipe: Pipeline,
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    coded = list(pipe.code_documents(batch))
    summary.stored += store.add(coded)
    summary.sentences += sum(len(c.sentences) for c in coded)
    summary.events += sum(len(c.events) for c in coded)
    if progress:
        progress(summary)


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date from a command-line option (YYYY-MM-DD)."""
    if value is None or value == "":
        return None
    return dt.date.fromisoformat(value)
