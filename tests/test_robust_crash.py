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

COUNTRIES = ["China", "Russia", "the United States", "Japan", "India", "France", "Iran"]
VERBS = [
    "signed a trade agreement with", "criticised", "met officials from", "threatened",
    "praised", "imposed sanctions on", "hosted a delegation from", "accused",
]  # fmt: skip


# documents: enough for several store transactions (they close at least once a second)
CORPUS = 400


def make_corpus(root: Path, count: int = CORPUS) -> Path:
    root.mkdir()
    for number in range(count):
        lines = [f"Dispatch number {number}", ""]
        for k in range(12):
            first = COUNTRIES[(number + k) % len(COUNTRIES)]
            second = COUNTRIES[(number + 3 * k + 1) % len(COUNTRIES)]
            verb = VERBS[(number * 7 + k) % len(VERBS)]
            lines.append(f"{first} {verb} {second} on Monday, according to report {number}-{k}.")
        (root / f"doc{number:04d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
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
def test_crash_readers_and_second_writer_during_ingest_get_clear_messages(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus", count=60)
    db = tmp_path / "busy.duckdb"
    with subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True) as writer:
        deadline = time.monotonic() + 120
        while not Path(str(db) + ".wal").exists() and not db.exists():
            assert time.monotonic() < deadline and writer.poll() is None
            time.sleep(0.05)
        checks = [
            ("events", run_cli("events", "--db", str(db), "--format", "csv")),
            ("status", run_cli("status", "--db", str(db))),
            ("ingest", run_cli(*ingest_command(corpus, db)[3:])),
        ]
        writer_running = writer.poll() is None
        _, writer_err = writer.communicate(timeout=300)
    assert writer.returncode == 0, writer_err
    for name, result in checks:
        message = " ".join(result.stderr.split())
        assert "Traceback" not in result.stderr, (name, result.stderr)
        if result.returncode != 0:
            assert result.returncode == 1 and "[E041]" in message, (name, message)
            expected = "only one process can write" if name == "ingest" else "try again"
            assert expected in message, (name, message)
    if writer_running:  # the checks ran while the writer held the file: all were refused
        assert [result.returncode for _, result in checks] == [1, 1, 1]
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 60
        duplicates = store.sql("SELECT count(*) - count(DISTINCT event_id) AS n FROM events")["n"][
            0
        ]
        assert duplicates == 0
