"""Whole jobs that span the stages: ingest (read -> code -> store) and the demo.

The CLI calls these; they report progress through a callback and never print.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain, groupby
from pathlib import Path
from typing import TYPE_CHECKING

from tripolar.config import Config
from tripolar.errors import IngestInterrupted, LocalClusterError
from tripolar.ingest import read_paths
from tripolar.ingest.fetch import Fetcher
from tripolar.ingest.reader import is_url
from tripolar.ingest.web import read_urls
from tripolar.model import CodedDocument, Document, Failure, FetchRecord
from tripolar.scale.heap import frozen_heap
from tripolar.scale.units import CodedPart
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
    fetched: int = 0  # pages and feeds downloaded over HTTP
    unchanged: int = 0  # URLs not modified since the last fetch (nothing downloaded)
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the run went other than asked


ProgressCallback = Callable[[IngestSummary], None]

STORE_BATCH_CHARS = 4_000_000  # characters of document text per store transaction, at most
STORE_BATCH_SECONDS = 3.0  # ... and the time between two writes, at most
# (a transaction costs tens of ms whatever its size, mostly linking events: with 1 s, the
# store took 1.4-1.9 CPU s per 150 k words, with 4 s 0.85-1.0, bench/coding_cpu.py)
FIRST_STORE_BATCH_SECONDS = 1.0  # the first write comes sooner: a reader (or a Ctrl-C)
# soon after the start finds the first documents stored, for one transaction more


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
    workers: int = 1,
    dask: str | None = None,
    fetcher: Fetcher | None = None,
    stop: threading.Event | None = None,
) -> IngestSummary:
    """Read, code and store documents; re-ingesting the same content stores nothing new.

    ``paths`` may mix files, directories, ``-`` and http(s) URLs of pages or RSS/Atom feeds
    (a feed gives the pages its items link to). URLs are fetched with ``fetcher`` (or one
    made from ``config.fetch`` for this run); unchanged pages are asked for conditionally
    and neither downloaded nor coded again. Only URLs given here are fetched: files never
    cause a network request. Once ``stop`` is set no new fetch starts; what was fetched is
    still coded and stored.

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
            items = _read_sources(paths, store, config, summary, progress, fetcher, stop)
            _ingest(items, summary, store, config, pipeline, progress, workers, dask)
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
    items: Iterable[Document | Failure],
    summary: IngestSummary,
    store: Store,
    config: Config,
    pipeline: Pipeline | None,
    progress: ProgressCallback | None,
    workers: int,
    dask: str | None,
) -> None:
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
            # a long document comes a work unit at a time, and is stored so (_store_all)
            parts = pipeline.code_parts(documents, mentions=False)  # the store keeps none
        else:
            from tripolar.scale.cluster import code_distributed

            # The store keeps no mentions: they need not travel back.
            coded = code_distributed(documents, client=client, config=config, mentions=False)
            parts = (CodedPart(c, first=True, last=True) for c in coded)
        stack.enter_context(frozen_heap())  # the model and the cluster live on: see heap.py
        _store_all(parts, store, config, summary, progress)


def _check_dictionaries(config: Config) -> None:
    """Raise the DictionaryError (ConfigError) a bad --actors, --agents, --verbs or
    --discards file would raise (a verb dictionary's bad lines are reported, not raised)."""
    if config.actor_files or config.agent_files:
        from tripolar.actors.dictionary import ActorDictionary

        ActorDictionary.from_petrarch(config.actor_files, config.agent_files)
    if config.verb_files or config.verbs_mode != "merge":
        from tripolar.events import Codebook
        from tripolar.pipeline import coding_patterns

        coding_patterns(Codebook.load(), config)
    if config.discard_files:
        from tripolar.events.discards import DiscardList

        DiscardList.from_files(config.discard_files)


def _read_sources(
    paths: Sequence[str | Path],
    store: Store,
    config: Config,
    summary: IngestSummary,
    progress: ProgressCallback | None,
    fetcher: Fetcher | None,
    stop: threading.Event | None,
) -> Iterator[Document | Failure]:
    """Documents of files and URLs in the order given; consecutive URLs are fetched together."""
    with ExitStack() as stack:
        for url_run, group in groupby(paths, key=lambda path: is_url(os.fspath(path))):
            given = [os.fspath(path) for path in group]
            if not url_run:
                yield from read_paths(
                    given, default_date=config.default_date, max_bytes=config.max_bytes
                )
                continue
            if fetcher is None:
                fetcher = stack.enter_context(Fetcher(config.fetch))
            log = _StoreFetchLog(store, summary, progress)
            yield from read_urls(
                given, fetcher=fetcher, log=log, default_date=config.default_date, stop=stop
            )
            log.flush()


class _StoreFetchLog:
    """Fetch records kept in the store, written in batches; downloads and unchanged URLs
    counted in the summary. A record not yet written when a run stops only means that URL
    is fetched in full next time."""

    def __init__(
        self, store: Store, summary: IngestSummary, progress: ProgressCallback | None
    ) -> None:
        self.store = store
        self.summary = summary
        self.progress = progress
        self.records: list[FetchRecord] = []
        self.checked: list[str] = []
        self.due = time.monotonic() + STORE_BATCH_SECONDS

    def known(self, urls: Sequence[str]) -> dict[str, FetchRecord]:
        return self.store.fetch_records(urls)

    def fetched(self, record: FetchRecord) -> None:
        self.records.append(record)
        self.summary.fetched += 1
        self._counted()

    def unchanged(self, url: str, *, asked: bool) -> None:
        if asked:
            self.checked.append(url)
        self.summary.unchanged += 1
        self._counted()

    def _counted(self) -> None:
        if len(self.records) + len(self.checked) >= 256 or time.monotonic() >= self.due:
            self.flush()
        if self.progress:
            self.progress(self.summary)

    def flush(self) -> None:
        self.store.record_fetches(self.records)
        self.store.record_unchanged(self.checked)
        self.records, self.checked = [], []
        self.due = time.monotonic() + STORE_BATCH_SECONDS


def watch(
    sources: Sequence[str | Path],
    *,
    store: Store,
    every: float,
    config: Config | None = None,
    stop: threading.Event | None = None,
    cycles: int | None = None,
    on_cycle: Callable[[int, IngestSummary], None] | None = None,
    progress: ProgressCallback | None = None,
    pipeline: Pipeline | None = None,
) -> int:
    """Ingest ``sources`` every ``every`` seconds until ``stop`` is set (or ``cycles`` ran).

    One fetcher serves all cycles (robots.txt is read once a day, connections are reused)
    and one pipeline codes them. Setting ``stop`` ends the watch after the batch under way
    is stored, or at once while it waits. Returns the number of cycles run.
    """
    config = config or Config()
    stop = stop or threading.Event()
    done = 0
    with Fetcher(config.fetch) as fetcher:
        while not stop.is_set():
            summary = ingest(
                sources, store=store, config=config, pipeline=pipeline, progress=progress,
                fetcher=fetcher, stop=stop,
            )  # fmt: skip
            done += 1
            if on_cycle is not None:
                on_cycle(done, summary)
            if cycles is not None and done >= cycles:
                break
            stop.wait(every)
    return done


DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in a duration option: ``90s``, ``30m``, ``1h30m``, ``2h``, ``1d`` (or seconds)."""
    text = value.strip().lower()
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", text)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        seconds = float(text)
    elif parts and re.fullmatch(r"(?:\s*\d+(?:\.\d+)?\s*[smhd])+\s*", text):
        seconds = sum(float(number) * DURATION_UNITS[unit] for number, unit in parts)
    else:
        raise ValueError(f"not a duration: {value!r} - write it like 90s, 30m, 1h30m or 1d")
    if seconds <= 0:
        raise ValueError(f"the interval must be longer than zero, got {value!r}")
    return seconds


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
    parts: Iterable[CodedPart],
    store: Store,
    config: Config,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    """Write coded documents as they come, `config.store_batch` to a transaction, fewer when
    their text passes STORE_BATCH_CHARS (a transaction's memory follows its text) or
    STORE_BATCH_SECONDS have passed since the last write (FIRST_STORE_BATCH_SECONDS since
    the start), so progress moves on and a crash loses little. A reader waiting for the
    file gets what is coded sooner: FIRST_STORE_BATCH_SECONDS after the last write.
    A document coded in several work units is a transaction of its own, written a unit at
    a time (its rows never all wait in memory)."""
    batch: list[CodedDocument] = []
    chars = 0
    due = soonest = time.monotonic() + FIRST_STORE_BATCH_SECONDS
    stream = iter(parts)
    for part in stream:
        if not part.last or not part.first:
            if batch:
                _store_coded(batch, store, summary, progress)
                batch, chars = [], 0
            _store_parts(part, stream, store, summary, progress)
            due, soonest = _next_writes()
            continue
        item = part.coded
        batch.append(item)
        chars += len(item.document.text)
        now = time.monotonic()
        if (
            len(batch) >= config.store_batch
            or chars >= STORE_BATCH_CHARS
            or now >= due
            or (now >= soonest and store.readers_waiting())
        ):
            _store_coded(batch, store, summary, progress)
            batch, chars = [], 0
            due, soonest = _next_writes()
    if batch:
        _store_coded(batch, store, summary, progress)


def _next_writes() -> tuple[float, float]:
    """After a write: when the next one is due, and the soonest it may come for a reader."""
    written = time.monotonic()
    return written + STORE_BATCH_SECONDS, written + FIRST_STORE_BATCH_SECONDS


def _store_parts(
    first: CodedPart,
    rest: Iterator[CodedPart],
    store: Store,
    summary: IngestSummary,
    progress: ProgressCallback | None,
) -> None:
    """Store one document from its parts: `first`, then those `rest` yields up to its last."""
    sentences = events = 0

    def document_parts() -> Iterator[CodedDocument]:
        nonlocal sentences, events
        part: CodedPart | None = first
        while part is not None:
            sentences += len(part.coded.sentences)
            events += len(part.coded.events)
            yield part.coded
            part = None if part.last else next(rest, None)

    summary.stored += store.add_parts(document_parts())
    store.release()  # readers get in between documents and read this one
    summary.sentences += sentences
    summary.events += events
    if progress:
        progress(summary)


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
