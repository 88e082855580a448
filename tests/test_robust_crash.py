"""Real `tripolar ingest` processes: killed mid-run and resumed, and run side by side with
readers and a second writer. The killed-and-resumed database must equal one from an
uninterrupted run: the same documents, sentences and events, none lost, none twice."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tripolar.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from corpus import write_dispatches

# documents: enough for several store transactions (they close at least once a second)
CORPUS = 400


def make_corpus(root: Path, count: int = CORPUS) -> Path:
    """The dispatches of bench/corpus.py (shared with bench/reader_latency.py) and one
    broken file, which each run records as a failure."""
    write_dispatches(root, count)
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    return root


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "tripolar", "ingest", str(corpus), "--db", str(db), "--quiet",
            "--date", "2020-03-01"]  # fmt: skip


def stored_documents(db: Path, scratch: Path) -> int:
    """Documents committed so far, read from a copy (the writer holds the file's lock)."""
    scratch.mkdir(exist_ok=True)
    copy = scratch / "peek.duckdb"
    for suffix in ("", ".wal"):
        target = Path(str(copy) + suffix)
        target.unlink(missing_ok=True)
        source = Path(str(db) + suffix)
        if source.exists():
            shutil.copyfile(source, target)
    try:
        con = duckdb.connect(str(copy))
        try:
            row = con.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            con.close()
    except duckdb.Error:  # a copy taken mid-write, or no table yet
        return 0
    return int(row[0]) if row else 0


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        return {
            "documents": con.execute(
                "SELECT doc_id, title, path, format, published, text, version, supersedes "
                "FROM documents ORDER BY doc_id"
            ).fetchall(),
            "sentences": con.execute(
                "SELECT * FROM sentences ORDER BY doc_id, sentence_index"
            ).fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "failures": con.execute("SELECT DISTINCT path, line, reason FROM failures").fetchall(),
        }


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tripolar", *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_crash_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    with subprocess.Popen(ingest_command(corpus, killed_db), stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 240
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            stored = stored_documents(killed_db, tmp_path / "scratch")
            if stored > 0:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert 0 < stored < CORPUS

    with Store.open(killed_db) as store:  # the killed file (and its WAL) opens cleanly
        partial = store.counts()
    assert 0 < partial["documents"] < CORPUS

    resumed = run_cli(*ingest_command(corpus, killed_db)[3:])
    assert resumed.returncode == 0, resumed.stderr
    summary = " ".join(resumed.stderr.split())
    assert f"skipped as duplicates: {partial['documents']}," in summary
    assert "failed: 1" in summary

    clean = run_cli(*ingest_command(corpus, clean_db)[3:])
    assert clean.returncode == 0, clean.stderr

    after_kill, uninterrupted = snapshot(killed_db), snapshot(clean_db)
    assert len(uninterrupted["documents"]) == CORPUS
    assert len(uninterrupted["events"]) > CORPUS
    for table in ("documents", "sentences", "events", "failures"):
        assert after_kill[table] == uninterrupted[table], table
        assert len(set(after_kill[table])) == len(after_kill[table]), table  # no duplicates

    again = run_cli(*ingest_command(corpus, killed_db)[3:])  # a third run changes nothing
    assert again.returncode == 0
    assert snapshot(killed_db) == uninterrupted


@pytest.mark.slow
def test_crash_readers_during_ingest_read_committed_batches(tmp_path: Path) -> None:
    # the writer holds the file only while it writes a batch: readers get in between two
    # batches within seconds and see whole batches; a second writer is refused. The corpus
    # takes several batches (a batch is up to STORE_BATCH_SECONDS of coding), so that the
    # second writer starts while the first still runs
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "busy.duckdb"
    seen: list[tuple[float, int, int]] = []  # (seconds to answer, documents, events)
    second = None
    with subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True) as writer:
        deadline = time.monotonic() + 300
        while writer.poll() is None and time.monotonic() < deadline:
            if not db.exists():
                time.sleep(0.05)
                continue
            started = time.monotonic()
            with Store.open(db, read_only=True) as store:
                counts = store.counts()
                orphans = store.sql(
                    "SELECT count(*) AS n FROM events WHERE doc_id NOT IN "
                    "(SELECT doc_id FROM documents)"
                )["n"][0]
            seen.append((time.monotonic() - started, counts["documents"], counts["events"]))
            assert orphans == 0  # never half a batch
            if second is None:  # as early as possible: the first writer still runs
                second = run_cli(*ingest_command(corpus, db)[3:])
            time.sleep(0.2)
        _, writer_err = writer.communicate(timeout=300)
    assert writer.returncode == 0, writer_err
    assert second is not None
    message = " ".join(second.stderr.split())
    assert second.returncode == 1 and "[E041]" in message, message
    assert "only one process can write" in message and "Traceback" not in second.stderr
    during = [documents for _, documents, _ in seen]
    assert during == sorted(during)  # committed batches only ever grow
    assert any(0 < n < CORPUS for n in during), during  # read mid-ingest, not only after
    assert max(seconds for seconds, _, _ in seen) < 10, seen
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == CORPUS
