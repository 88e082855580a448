"""Whole jobs that span the stages: ingest (read -> code -> store) and the demo.

The CLI calls these; they report progress through a callback and never print.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from tripolar.config import Config
from tripolar.errors import IngestInterrupted, LocalClusterError
from tripolar.ingest import read_paths
from tripolar.model import CodedDocument, Document, Failure
from tripolar.scale.heap import frozen_heap
from tripolar.store import Store
from tripolar.store.diagnose import is_interrupt

if TYPE_CHECKING:
    from tripolar.pipeline import Pipeline


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
    notes: list[str] = field(default_factory=list)  # how the run went other than asked


ProgressCallback = Callable[[IngestSummary], None]

STORE_BATCH_CHARS = 4_000_000  # characters of document text per store transaction, at most
STORE_BATCH_SECONDS = 1.0  # ... and the time between two writes, at most


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
    summary = IngestSummary()
    try:
        with store.bulk_writing():
            _ingest(paths, store, config, pipeline, progress, workers, dask, summary)
    except BaseException as exc:
        if not is_interrupt(exc):
            raise
        raise IngestInterrupted(
            f"interrupted: {summary.stored} new documents ({summary.sentences} sentences, "
            f"{summary.events} events) were stored before it; the batch in progress was not. "
            "Run the same command again to go on: stored documents are skipped",
            summary=summary,
        ) from None
    return summary


def _ingest(
    paths: Sequence[str | Path],
    store: Store,
    config: Config,
    pipeline: Pipeline | None,
    progress: ProgressCallback | None,
    workers: int,
    dask: str | None,
    summary: IngestSummary,
) -> None:
    items = read_paths(paths, default_date=config.default_date, max_bytes=config.max_bytes)
    new_documents = _fresh_documents(items, store, summary, progress)
    first = next(new_documents, None)
    if first is None:
        # nothing new: no model to load, no cluster to start; but the dictionary files
        # named are still read, so a bad one is reported whatever the input held
        _check_dictionaries(config)
        return
    documents = chain([first], new_documents)
    cluster = dask or (f"local:{workers}" if workers > 1 else None)
    with ExitStack() as stack:
        client = None
        if cluster is not None:
            from tripolar.scale.cluster import open_client

            try:
                client = stack.enter_context(open_client(cluster))
            except LocalClusterError as exc:
                summary.notes.append(f"{exc.message} - coded in this one process instead")
        if client is None:
            if pipeline is None:
                # Imported here: a Dask client never codes, and spaCy costs it half a
                # second of start-up while the workers wait for their first batch.
                from tripolar.pipeline import Pipeline

                pipeline = Pipeline(config)
            coded = pipeline.code_documents(documents, mentions=False)  # the store keeps none
        else:
            from tripolar.scale.cluster import code_distributed

            # The store keeps no mentions: they need not travel back.
            coded = code_distributed(documents, client=client, config=config, mentions=False)
        stack.enter_context(frozen_heap())  # the model and the cluster live on: see heap.py
        _store_all(coded, store, config, summary, progress)


def _check_dictionaries(config: Config) -> None:
    """Raise the DictionaryError (ConfigError) a bad --actors or --agents file would raise."""
    if config.actor_files or config.agent_files:
        from tripolar.actors.dictionary import ActorDictionary

        ActorDictionary.from_petrarch(config.actor_files, config.agent_files)


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
        copies: list[Document] = []
        store.release()  # readers may come in while these documents are coded
        for document in pending:
            if document.doc_id in seen or document.doc_id in known:
                copies.append(document)
                summary.duplicates += 1
                if progress:
                    progress(summary)
                continue
            seen.add(document.doc_id)
            yield document
        pending.clear()
        if copies:  # the same text at another path or URL: kept as a place of the document
            store.add_places(copies)

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


def _store_all(
    coded: Iterable[CodedDocument],
    store: Store,
    config: Config,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    """Write coded documents as they come, `config.store_batch` to a transaction, fewer when
    their text passes STORE_BATCH_CHARS (a transaction's memory follows its text) or a
    second has passed since the last write (progress moves on, and a crash loses little)."""
    batch: list[CodedDocument] = []
    chars = 0
    due = time.monotonic() + STORE_BATCH_SECONDS
    for item in coded:
        batch.append(item)
        chars += len(item.document.text)
        if (
            len(batch) >= config.store_batch
            or chars >= STORE_BATCH_CHARS
            or time.monotonic() >= due
        ):
            _store_coded(batch, store, summary, progress)
            batch, chars = [], 0
            due = time.monotonic() + STORE_BATCH_SECONDS
    if batch:
        _store_coded(batch, store, summary, progress)


def _store_coded(
    coded: list[CodedDocument],
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    summary.stored += store.add(coded)
    store.release()  # readers get in between batches and read this one
    summary.sentences += sum(len(c.sentences) for c in coded)
    summary.events += sum(len(c.events) for c in coded)
    if progress:
        progress(summary)
