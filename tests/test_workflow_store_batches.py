"""Ingest writes coded documents in transactions of many documents, bounded by count, text
and time, and stores every one of them; a document coded in several work units is a
transaction of its own, written a unit at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from tripolar import workflow
from tripolar.config import Config
from tripolar.model import CodedDocument, Document, Sentence
from tripolar.scale.units import CodedPart
from tripolar.workflow import IngestSummary, _store_all


class CountingStore:
    """Records the size of each `add` (each one transaction in the real Store)."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.released_after: list[int] = []  # batches written when the file was released
        self.parts_seen: list[int] = []  # for each part of a long document: parts coded then
        self.knock_after: int | None = None  # a reader knocks once this many were coded

    def add(self, coded: list[CodedDocument]) -> int:
        self.batches.append([c.document.doc_id for c in coded])
        return len(coded)

    def add_parts(self, parts: Iterator[CodedDocument]) -> int:
        ids = []
        for part in parts:  # each part is written before the next one is asked for
            ids.append(part.document.doc_id)
            self.parts_seen.append(CODED[0])
        self.batches.append(ids[:1])
        assert set(ids) == set(ids[:1])
        return 1

    def release(self) -> None:
        self.released_after.append(len(self.batches))

    def readers_waiting(self) -> bool:
        return self.knock_after is not None and CODED_WHOLE[0] >= self.knock_after


CODED = [0]  # parts the stand-in pipeline has yielded so far
CODED_WHOLE = [0]  # whole documents counted by `_counted`


def _coded(count: int, text: str = "A short text.") -> list[CodedDocument]:
    return [CodedDocument(Document(f"d{i}", text), (), ()) for i in range(count)]


def _whole(coded: list[CodedDocument]) -> list[CodedPart]:
    return [CodedPart(c, first=True, last=True) for c in coded]


def _counted(parts: list[CodedPart]) -> Iterator[CodedPart]:
    CODED_WHOLE[0] = 0
    for part in parts:
        CODED_WHOLE[0] += 1
        yield part


def _write(
    coded: list[CodedDocument] | Iterable[CodedPart],
    config: Config,
    knock_after: int | None = None,
) -> tuple[CountingStore, IngestSummary]:
    store, summary, seen = CountingStore(), IngestSummary(), []
    store.knock_after = knock_after
    parts = _counted(_whole(coded)) if isinstance(coded, list) else coded  # type: ignore[arg-type]
    _store_all(parts, store, config, summary, lambda s: seen.append(s.stored))  # type: ignore[arg-type]
    assert seen == [sum(len(b) for b in store.batches[: k + 1]) for k in range(len(seen))]
    return store, summary


def test_workflow_store_batches_by_document_count() -> None:
    store, summary = _write(_coded(7), Config(store_batch=3))
    assert [len(b) for b in store.batches] == [3, 3, 1]
    assert [d for b in store.batches for d in b] == [f"d{i}" for i in range(7)]
    assert summary.stored == 7
    assert store.released_after == [1, 2, 3]  # readers get in after every batch


def test_workflow_store_batches_by_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workflow, "STORE_BATCH_CHARS", 25)
    store, _ = _write(_coded(5, text="ten chars."), Config(store_batch=100))
    assert [len(b) for b in store.batches] == [3, 2]  # 30 characters close a transaction


def test_workflow_store_batches_by_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workflow, "FIRST_STORE_BATCH_SECONDS", 0.0)
    monkeypatch.setattr(workflow, "STORE_BATCH_SECONDS", 0.0)
    store, summary = _write(_coded(4), Config(store_batch=100))
    assert [len(b) for b in store.batches] == [1, 1, 1, 1]
    assert summary.stored == 4


def test_workflow_store_first_batch_comes_sooner(monkeypatch: pytest.MonkeyPatch) -> None:
    # readers soon after the start see documents; later writes wait the longer interval
    monkeypatch.setattr(workflow, "FIRST_STORE_BATCH_SECONDS", 0.0)
    monkeypatch.setattr(workflow, "STORE_BATCH_SECONDS", 3600.0)
    store, summary = _write(_coded(4), Config(store_batch=100))
    assert [len(b) for b in store.batches] == [1, 3]
    assert summary.stored == 4


def test_workflow_store_writes_sooner_when_a_reader_knocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no interval is due, but a reader waits: what is coded is written (and the file
    # released) once FIRST_STORE_BATCH_SECONDS have passed since the last write
    monkeypatch.setattr(workflow, "FIRST_STORE_BATCH_SECONDS", 0.0)
    monkeypatch.setattr(workflow, "STORE_BATCH_SECONDS", 3600.0)
    quiet, _ = _write(_coded(6), Config(store_batch=100))
    assert [len(b) for b in quiet.batches] == [1, 5]
    store, summary = _write(_coded(6), Config(store_batch=100), knock_after=4)
    assert [len(b) for b in store.batches] == [1, 3, 1, 1]
    assert summary.stored == 6


def test_workflow_store_long_document_unit_by_unit() -> None:
    # d0, d1 whole; "long" in three parts; d2 whole. The long document is its own
    # transaction, after the batch before it, and each part reaches the store as soon as
    # it is coded (the pipeline has not coded the next one yet).
    long = Document("long", "x" * 30)

    def part(k: int, first: bool, last: bool) -> CodedPart:
        sentence = Sentence("long", k, 10 * k, 10 * k + 9, "x" * 9)
        return CodedPart(CodedDocument(long, (sentence,), ()), first=first, last=last)

    def pipeline() -> Iterator[CodedPart]:
        items = [*_whole(_coded(2)), part(0, True, False), part(1, False, False)]
        items += [part(2, False, True), *_whole([CodedDocument(Document("d2", "y"), (), ())])]
        CODED[0] = 0
        for item in items:
            CODED[0] += 1
            yield item

    store, summary = _write(pipeline(), Config(store_batch=100))
    assert store.batches == [["d0", "d1"], ["long"], ["d2"]]
    assert store.parts_seen == [3, 4, 5]  # part k written when k parts (+2 before) were coded
    assert summary.stored == 4 and summary.sentences == 3
    assert store.released_after == [1, 2, 3]
