"""A full disk, a damaged database and Ctrl-C: one clear message each, never a traceback,
and a way on (what was stored is kept; the same command resumes)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.model import CodedDocument, Document, Event, Sentence
from tripolar.store import Store
from tripolar.store.diagnose import check_database

sys.path.insert(0, str(Path(__file__).parent))
from test_robust_crash import ingest_command, make_corpus, stored_documents


def _cli(*args: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a file size limit stands in for a full disk (no root needed)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        assert limit_bytes is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "tripolar", *args],
        capture_output=True, text=True, timeout=300,
        preexec_fn=limit if limit_bytes else None,
    )  # fmt: skip


def _default_ctrl_c() -> None:
    """In the ingest's process before it starts: Ctrl-C does what it does at a terminal, even
    if the test process inherited an ignored SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _one_line(stderr: str) -> str:
    return " ".join(stderr.split())  # rich wraps long lines


@pytest.mark.slow
def test_robust_disk_full_is_one_message_and_the_rerun_resumes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", count=200)
    db = tmp_path / "full.duckdb"
    full = _cli(*ingest_command(corpus, db)[3:], limit_bytes=1_000_000)
    message = _one_line(full.stderr)
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr and "invalidated" not in message
    assert "[E045]" in message and str(db) in message and "run the same command again" in message
    assert message.count("[E0") == 1 and message.startswith("Error: [E045]")
    again = _cli(*ingest_command(corpus, db)[3:])
    assert again.returncode == 0, again.stderr
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 200
        assert store.sql("SELECT count(*) - count(DISTINCT doc_id) AS n FROM events")["n"][0] >= 0


def _filled(path: Path, documents: int = 60) -> None:
    with Store.open(path) as store:
        batch = []
        for n in range(documents):
            doc_id = f"doc-{n}"
            text = f"Report {n}. " + "Officials of both countries met and talked. " * 800
            sentence = Sentence(doc_id, 0, 0, 10, text[:10])
            event = Event(
                doc_id=doc_id, sentence_index=0, start=0, end=10, sentence=text[:10],
                source="CHN", target="RUS", code="040", root="04", goldstein=1.0, quad_class=1,
                event_date=None, date_basis="none", rule="test",
            )  # fmt: skip
            batch.append(CodedDocument(Document(doc_id=doc_id, text=text), (sentence,), (event,)))
        store.add(batch)


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(size // 3, size - 4096, 262_144):
            handle.seek(offset)
            handle.write(b"\xff" * 4096)


@pytest.mark.slow
def test_robust_damaged_database_is_named_and_checked(tmp_path: Path) -> None:
    db = tmp_path / "damaged.duckdb"
    _filled(db)
    healthy = _cli("check", "--db", str(db))
    assert healthy.returncode == 0, healthy.stderr
    assert "no damage found" in healthy.stdout and "documents: 60 rows read, ok" in healthy.stdout
    _damage(db)
    for command in ("events", "report", "ingest"):
        args = [command, "--db", str(db)]
        if command == "report":
            args += ["--output", str(tmp_path / "r.html")]
        if command == "ingest":
            (tmp_path / "new.txt").write_text("China criticised Russia on Monday.\n")
            args += [str(tmp_path / "new.txt"), "--quiet"]
        result = _cli(*args)
        message = _one_line(result.stderr)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "[E046]" in message and str(db) in message, (command, message)
        assert f"tripolar check --db {db}" in message and "from a copy" in message
    check = _cli("check", "--db", str(db))
    assert check.returncode == 1 and "DAMAGED" in check.stdout, check.stdout
    assert "restore it from a copy" in _one_line(check.stderr)
    assert any(result.error for result in check_database(db))


def test_robust_check_reports_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 1000)
    result = CliRunner().invoke(app, ["check", "--db", str(junk)])
    assert result.exit_code == 1 and "from a copy" in " ".join(result.output.split())


@pytest.mark.slow
@pytest.mark.parametrize("workers", [[], ["--workers", "2"]], ids=["one-process", "workers"])
def test_robust_ctrl_c_during_ingest_says_what_was_stored(
    tmp_path: Path, workers: list[str]
) -> None:
    # long enough that the run is still coding when a reader first sees stored documents
    # (a store batch is up to 3 s of coding, and the run ends with the last one)
    corpus = make_corpus(tmp_path / "corpus", count=1000)
    db = tmp_path / "stopped.duckdb"
    command = [*ingest_command(corpus, db), *workers]
    # a terminal sends Ctrl-C to the whole process group, Dask's worker processes included
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_default_ctrl_c,
    ) as run:  # fmt: skip
        deadline = time.monotonic() + 240
        stored = 0
        while stored == 0 and run.poll() is None:  # a batch is committed: stop it now
            assert time.monotonic() < deadline
            time.sleep(0.3)
            stored = stored_documents(db, tmp_path / "peek")
        os.killpg(run.pid, signal.SIGINT)
        _, stderr = run.communicate(timeout=120)
    message = _one_line(stderr)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "Interrupted:" in message and "new documents" in message
    assert "Run the same command again" in message
    resumed = _cli(*ingest_command(corpus, db)[3:])
    assert resumed.returncode == 0, resumed.stderr
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 1000


@pytest.mark.parametrize(
    "interruption",
    [
        KeyboardInterrupt(),
        duckdb.InterruptException("INTERRUPT Error: Interrupted!"),
        RuntimeError("Query interrupted"),
    ],
)
def test_cli_ctrl_c_inside_a_query_exits_130_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: BaseException
) -> None:
    db = tmp_path / "q.duckdb"
    Store.open(db).close()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise interruption

    monkeypatch.setattr(Store, "events", interrupted)
    result = CliRunner().invoke(app, ["events", "--db", str(db)])
    assert result.exit_code == 130
    assert "Interrupted" in result.output and "Traceback" not in result.output


def test_cli_unknown_database_errors_still_surface(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # only errors that are known to mean a full disk, damage or Ctrl-C are translated
    db = tmp_path / "q.duckdb"
    Store.open(db).close()

    def broken(*args: object, **kwargs: object) -> None:
        raise duckdb.BinderException("a bug in a query")

    monkeypatch.setattr(Store, "events", broken)
    result = CliRunner().invoke(app, ["events", "--db", str(db)])
    assert isinstance(result.exception, duckdb.BinderException)
    assert os.fspath(db)  # the file is left as it was
