"""A writer lets readers in between its batches when one knocks (or after HOLD_SECONDS),
and otherwise keeps the file open: closing and reopening it costs CPU on every batch."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tripolar.model import CodedDocument, Document
from tripolar.store import Store

READER = """
import sys
from tripolar.store import Store
with Store.open(sys.argv[1], read_only=True) as db:
    print(db.counts()["documents"], flush=True)
"""


def _document(text: str) -> CodedDocument:
    document = Document(
        doc_id=f"doc-{text}", text=text, path=f"{text}.txt",
        published=dt.date(2024, 5, 6), date_basis="metadata",
    )  # fmt: skip
    return CodedDocument(document, (), ())


def _reader(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", READER, str(path)], stdout=subprocess.PIPE, text=True
    )


def _wait_for(condition: object, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_store_writer_closes_the_file_when_a_reader_knocks(tmp_path: Path) -> None:
    path = tmp_path / "shared.duckdb"
    knock = Path(f"{path}.readers")
    with Store.open(path) as store, store.bulk_writing():
        store.add([_document("first")])
        store.release()  # no reader has knocked: the writer keeps the file
        reader = _reader(path)
        try:
            _wait_for(knock.exists)  # the reader found the file locked and knocked
            time.sleep(0.3)
            assert reader.poll() is None  # still waiting: the file was not released
            assert store.readers_waiting()  # the ingest writes what it has sooner
            store.add([_document("second")])
            store.release()  # a reader knocked: the file is closed until the next write
            out, _ = reader.communicate(timeout=60)
        finally:
            reader.kill()
            reader.wait()
        assert out.strip() == "2"  # it read both committed batches
        store.add([_document("third")])  # the next write opens the file again
        assert store.counts()["documents"] == 3


@pytest.mark.slow
def test_store_writer_releases_after_hold_seconds_without_a_knock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a reader that cannot write the knock file still gets in within HOLD_SECONDS
    monkeypatch.setattr("tripolar.store.store.HOLD_SECONDS", 0.0)
    path = tmp_path / "shared.duckdb"
    with Store.open(path) as store, store.bulk_writing():
        store.add([_document("first")])
        store.release()
        reader = _reader(path)
        out, _ = reader.communicate(timeout=60)
        assert out.strip() == "1"
        assert not Path(f"{path}.readers").exists()  # it got in without knocking


def test_store_bulk_writing_runs_duckdb_on_one_thread(tmp_path: Path) -> None:
    with Store.open(tmp_path / "threads.duckdb") as store:
        before = store.sql("SELECT current_setting('threads') AS n")["n"][0]
        with store.bulk_writing():
            store.add([_document("first")])
            assert store.sql("SELECT current_setting('threads') AS n")["n"][0] == 1
        assert store.sql("SELECT current_setting('threads') AS n")["n"][0] == before
