"""A long document is stored from its work units' results, unit by unit, in one
transaction: the rows equal those of the whole document stored at once; a document stored
already is skipped; a run stopped between two units leaves nothing of the document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from tripolar.model import CodedDocument, Document, Sentence
from tripolar.pipeline import Pipeline
from tripolar.scale.units import work_units
from tripolar.store import Store
from tripolar.workflow import ingest

# Written for these tests: actors, events, a reference, and sentences without actors.
PARAGRAPH = (
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. "
    "Heavy rain fell across the city all afternoon. The two leaders signed an energy "
    "agreement. Washington criticised Beijing over the new tariffs."
)
TEXT = "\n\n".join(f"Report {n}. {PARAGRAPH}" for n in range(12))
TABLES = {
    "documents": "SELECT doc_id, title, path, version, supersedes, text FROM documents",
    "sentences": "SELECT * FROM sentences ORDER BY sentence_index",
    "events": "SELECT * EXCLUDE (distinct_id) FROM events ORDER BY event_id",
    "assessments": "SELECT * FROM assessments ORDER BY sentence_index, subject",
    "distinct": "SELECT * FROM distinct_events ORDER BY distinct_id",
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture
def small_units(monkeypatch: pytest.MonkeyPatch) -> None:
    """Units of three paragraphs: the 12-paragraph text is coded in four."""
    units = partial(work_units, unit_chars=3 * len(PARAGRAPH) + 40, paragraph_chars=1000)
    monkeypatch.setattr("tripolar.pipeline.work_units", units)


def _rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {name: store.connection.execute(sql).fetchall() for name, sql in TABLES.items()}


def _document() -> Document:
    return Document(doc_id="long", text=TEXT, published=dt.date(2021, 3, 4), path="a/long.txt")


def test_store_long_document_parts_equal_the_whole(pipeline: Pipeline, small_units: None) -> None:
    parts = [p.coded for p in pipeline.code_parts([_document()], mentions=False)]
    assert len(parts) == 4 and all(p.document.text == TEXT for p in parts)
    whole = next(pipeline.code_documents([_document()], mentions=False))
    with Store.open(":memory:") as by_parts, Store.open(":memory:") as at_once:
        assert by_parts.add_parts(iter(parts)) == 1
        assert at_once.add([whole]) == 1
        expected = _rows(at_once)
        assert len(expected["events"]) >= 24 and len(expected["sentences"]) >= 48
        assert _rows(by_parts) == expected
        assert by_parts.add_parts(iter(parts)) == 0  # stored already: nothing changes
        assert _rows(by_parts) == expected


def test_store_long_document_parts_are_written_as_they_come(
    pipeline: Pipeline, small_units: None, tmp_path: Path
) -> None:
    written: list[int] = []

    def watched(store: Store) -> Iterator[CodedDocument]:
        for part in pipeline.code_parts([_document()], mentions=False):
            yield part.coded
            rows = store.connection.execute("SELECT count(*) FROM sentences").fetchall()
            written.append(rows[0][0])  # rows of the parts so far, in the transaction

    with Store.open(tmp_path / "w.duckdb") as store:
        assert store.add_parts(watched(store)) == 1
    assert len(written) == 4 and written == sorted(set(written)) and written[0] > 0


def test_store_long_document_stopped_between_units_leaves_nothing(
    pipeline: Pipeline, small_units: None, tmp_path: Path
) -> None:
    def stopped() -> Iterator[CodedDocument]:
        parts = pipeline.code_parts([_document()], mentions=False)
        yield next(parts).coded
        raise KeyboardInterrupt  # Ctrl-C while the second unit is coded

    db = tmp_path / "stop.duckdb"
    with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
        store.add_parts(stopped())
    source = tmp_path / "long.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Store.open(db) as store:
        assert _rows(store)["documents"] == []
        assert store.counts()["events"] == 0
        first = ingest([source], store=store, pipeline=pipeline)  # resumed: stored whole, once
        again = ingest([source], store=store, pipeline=pipeline)
        counts = store.counts()
    assert (first.stored, again.stored, again.duplicates) == (1, 0, 1)
    assert counts["documents"] == 1 and counts["events"] == first.events >= 24


def test_store_long_document_larger_than_the_memory_cap(tmp_path: Path) -> None:
    # The commit pins the document's text in one block: the cap must let it in, as `add`
    # does for a batch, although the parts' rows were written under the small cap.
    text = "Markets were calm and the harvest was large this year.\n\n" * 40_000  # 2.3 M chars
    document = Document(doc_id="memo-long", text=text)
    size = len(text) // 4
    parts = [
        CodedDocument(document, (Sentence("memo-long", k, k * size, k * size + 5, text[:5]),), ())
        for k in range(4)
    ]
    with Store.open(tmp_path / "cap.duckdb") as store:
        with store.bulk_writing(memory_limit=2**20):
            assert store.add_parts(iter(parts)) == 1
        assert store.counts()["sentences"] == 4
        row = store.connection.execute("SELECT length(text) FROM documents").fetchall()
    assert row == [(len(text),)]
