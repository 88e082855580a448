"""Whole jobs that span the stages: ingest (read -> code -> store) and the demo.

The CLI calls these; they report progress through a callback and never print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from tripolar.config import Config
from tripolar.ingest import read_paths
from tripolar.model import CodedDocument, Document, Failure
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
    workers: int = 1,
    dask: str | None = None,
) -> IngestSummary:
    """Read, code and store documents; re-ingesting the same content stores nothing new.

    Bad files and records are recorded as failures (in the summary and the store) and the
    rest of the batch goes on. Each batch of documents is written in one transaction.

    ``workers`` > 1 codes on that many local Dask worker processes; ``dask`` ("local:N" or
    a scheduler address "tcp://HOST:PORT") names the cluster. Either way documents are read
    and the store is written here, in input order, so the result equals a one-process run.
    """
    config = config or Config()
    with store.bulk_writing():
        return _ingest(paths, store, config, pipeline, progress, workers, dask)


def _ingest(
    paths: Sequence[str | Path],
    store: Store,
    config: Config,
    pipeline: Pipeline | None,
    progress: ProgressCallback | None,
    workers: int,
    dask: str | None,
) -> IngestSummary:
    summary = IngestSummary()
    items = read_paths(paths, default_date=config.default_date, max_bytes=config.max_bytes)
    new_documents = _fresh_documents(items, store, summary, progress)
    cluster = dask or (f"local:{workers}" if workers > 1 else None)
    if cluster is not None:
        _ingest_distributed(new_documents, cluster, store, config, summary, progress)
        return summary
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
    chunk: int = 256,
) -> Iterator[Document]:
    """Documents not yet stored; failures are recorded as they pass.

    The store is asked about `chunk` documents at a time (one query, not one per document):
    documents of this run are caught by `seen`, so a chunk's answer cannot go stale.
    """
    seen: set[str] = set()
    pending: list[Document] = []

    def flush() -> Iterator[Document]:
        known = store.known_documents(d.doc_id for d in pending)
        for document in pending:
            if document.doc_id in seen or document.doc_id in known:
                summary.duplicates += 1
                if progress:
                    progress(summary)
                continue
            seen.add(document.doc_id)
            yield document
        pending.clear()

    for item in items:
        if isinstance(item, Failure):
            summary.failed += 1
            summary.failures.append(item)
            store.add_failure(item)
            if progress:
                progress(summary)
            continue
        summary.read += 1
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def _code_and_store(
    batch: list[Document],
    pipe: Pipeline,
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    _store_coded(list(pipe.code_documents(batch)), store, summary, progress)


def _ingest_distributed(
    documents: Iterator[Document],
    cluster: str,
    store: Store,
    config: Config,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    from tripolar.scale.cluster import code_distributed, open_client

    first = next(documents, None)
    if first is None:
        return  # nothing new: no cluster to start
    with open_client(cluster) as client:
        batch: list[CodedDocument] = []
        for coded in code_distributed(chain([first], documents), client=client, config=config):
            batch.append(coded)
            if len(batch) >= config.batch_size:
                _store_coded(batch, store, summary, progress)
                batch = []
        if batch:
            _store_coded(batch, store, summary, progress)


def _store_coded(
    coded: list[CodedDocument],
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
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
