"""Ingest writes coded documents in transactions of many documents, bounded by count, text
and time, and stores every one of them."""

from __future__ import annotations

import pytest

from tripolar import workflow
from tripolar.config import Config
from tripolar.model import CodedDocument, Document
from tripolar.workflow import IngestSummary, _store_all


class CountingStore:
    """Records the size of each `add` (each one transaction in the real Store)."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.released_after: list[int] = []  # batches written when the file was released

    def add(self, coded: list[CodedDocument]) -> int:
        self.batches.append([c.document.doc_id for c in coded])
        return len(coded)

    def release(self) -> None:
        self.released_after.append(len(self.batches))


def _coded(count: int, text: str = "A short text.") -> list[CodedDocument]:
    return [CodedDocument(Document(f"d{i}", text), (), ()) for i in range(count)]


def _write(coded: list[CodedDocument], config: Config) -> tuple[CountingStore, IngestSummary]:
    store, summary, seen = CountingStore(), IngestSummary(), []
    _store_all(coded, store, config, summary, lambda s: seen.append(s.stored))  # type: ignore[arg-type]
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
    monkeypatch.setattr(workflow, "STORE_BATCH_SECONDS", 0.0)
    store, summary = _write(_coded(4), Config(store_batch=100))
    assert [len(b) for b in store.batches] == [1, 1, 1, 1]
    assert summary.stored == 4
