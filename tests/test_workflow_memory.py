"""Ingest caps DuckDB's buffer memory while it writes, and puts the limit back."""

from __future__ import annotations

import json
from pathlib import Path

from tripolar.config import Config
from tripolar.model import CodedDocument, Document
from tripolar.store import Store
from tripolar.store.store import BULK_MEMORY_LIMIT
from tripolar.workflow import ingest


def _memory_limit(store: Store) -> str:
    row = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def _write_records(path: Path, texts: list[str]) -> None:
    lines = [
        json.dumps({"id": f"memo-{n}", "date": "2021-05-04", "text": text})
        for n, text in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_workflow_bulk_writing_sets_and_restores_memory_limit(tmp_path: Path) -> None:
    with Store.open(tmp_path / "m.duckdb") as store:
        before = _memory_limit(store)
        seen: list[str] = []
        with store.bulk_writing():
            store.add([])  # nothing to store: the limit is set with the first batch
            seen.append(_memory_limit(store))
        assert seen == ["32.0 MiB"] and BULK_MEMORY_LIMIT == 32 * 2**20
        assert _memory_limit(store) == before


def test_workflow_bulk_batch_larger_than_cap_raises_it(tmp_path: Path) -> None:
    # A batch with more text than the cap allows: the limit rises for it and it is stored.
    text = "Markets were calm and the harvest was large this year. " * 16_000  # 0.9 M chars
    document = Document(doc_id="memo-big", text=text)
    with Store.open(tmp_path / "big.duckdb") as store:
        before = _memory_limit(store)
        with store.bulk_writing(memory_limit=2**20):
            assert store.add([CodedDocument(document, (), ())]) == 1
            assert _memory_limit(store) != "1.0 MiB"  # raised to 8 bytes per character
        assert _memory_limit(store) == before
        row = store.connection.execute("SELECT length(text) FROM documents").fetchone()
        assert row is not None and row[0] == len(text)


def test_workflow_ingest_restores_memory_limit(tmp_path: Path) -> None:
    records = tmp_path / "few.jsonl"
    _write_records(records, ["Russia and China signed a gas deal in Beijing.", "Rain fell."])
    with Store.open(tmp_path / "few.duckdb") as store:
        before = _memory_limit(store)
        summary = ingest([records], store=store, config=Config(batch_size=1))
        assert summary.stored == 2 and summary.events >= 1
        assert _memory_limit(store) == before
