"""Store hardening: document versions (schema 2), migration from schema 1, hostile query
values, failure records, locks between real processes, and a file killed mid-write."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from store_support import SCHEMA_V1
from tripolar.errors import SchemaVersionError, StoreLockedError, TripolarError
from tripolar.model import CodedDocument, Document, Event, Failure, Sentence
from tripolar.store import SCHEMA_VERSION, Store


def coded(
    text: str, *, url: str | None = None, path: str | None = "a.txt", record: str | None = None
) -> CodedDocument:
    doc_id = f"id-{abs(hash(text)) % 10**8}"
    document = Document(
        doc_id=doc_id, text=text, url=url, path=path, record=record,
        published=dt.date(2020, 1, 2), date_basis="metadata",
    )  # fmt: skip
    sentence = Sentence(doc_id, 0, 0, len(text), text)
    event = Event(
        doc_id=doc_id, sentence_index=0, start=0, end=len(text), sentence=text, source="CHN",
        target="RUS", code="042", root="04", goldstein=1.9, quad_class=1,
        event_date=dt.date(2020, 1, 2), date_basis="publication", rule="verb:visit",
    )  # fmt: skip
    return CodedDocument(document, (sentence,), (event,))


def test_store_schema_is_the_current_version(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION >= 4
    assert store.counts()["assessments"] == 0


def test_store_changed_content_of_same_url_is_a_new_version(store: Store) -> None:
    first = coded("Xi visited Moscow.", url="http://n.example/1", path="one.html")
    second = coded("Xi visited Moscow on Monday.", url="http://n.example/1", path="two.html")
    third = coded("Xi visited Moscow on Monday, officials said.", url="http://n.example/1")
    other = coded("Putin hosted Xi.", url="http://n.example/2")
    assert store.add([first, other]) == 2
    assert store.add([first]) == 0  # unchanged content: nothing happens
    assert store.add([second, third]) == 2  # two new versions in one batch chain in order
    docs = store.documents().set_index("doc_id")
    ids = [c.document.doc_id for c in (first, second, third)]
    assert list(docs.loc[ids, "version"]) == [1, 2, 3]
    assert docs.loc[ids, "supersedes"].fillna("").tolist() == ["", ids[0], ids[1]]
    assert store.counts()["documents"] == 4  # old versions stay traceable
    current = store.events()
    assert sorted(current["doc_id"]) == sorted([ids[2], other.document.doc_id])
    assert len(store.events(include_superseded=True)) == 4
    assert store.sql("SELECT count(*) AS n FROM current_events")["n"][0] == 2


def test_store_versions_by_path_only_for_whole_files(store: Store) -> None:
    store.add([coded("Old text of the page.", path="news/a.txt")])
    store.add([coded("New text of the page.", path="news/a.txt")])
    store.add([coded("Record one.", path="rows.jsonl", record="1")])
    store.add([coded("Record two.", path="rows.jsonl", record="2")])
    store.add([coded("Piped text.", path="-"), coded("Other piped text.", path="-")])
    versions = dict(zip(store.documents()["path"] + "|" + store.documents()["doc_id"],
                        store.documents()["version"], strict=True))  # fmt: skip
    assert sorted(versions.values()) == [1, 1, 1, 1, 1, 2]


def test_store_migrates_a_schema_1_file(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_V1)
    con.execute(
        "INSERT INTO documents VALUES "
        "('d1', 'T', 'http://x/1', NULL, 'a.html', NULL, 'html', '2019-06-05', 'metadata', "
        " 'Old text.', '2024-01-01 10:00'),"
        "('d2', 'T', 'http://x/1', NULL, 'a.html', NULL, 'html', '2019-06-05', 'metadata', "
        " 'New text.', '2024-02-01 10:00'),"
        "('d3', NULL, NULL, NULL, 'b.txt', NULL, 'txt', NULL, 'none', 'Other.', '2024-01-01')"
    )
    con.execute("INSERT INTO sentences VALUES ('d1', 0, 0, 9, 0, 'Old text.')")
    con.execute(
        "INSERT INTO events VALUES ('e1', 'd1', 0, 0, 9, 0, 3, 'CHN', 'China', 'RUS', 'Russia', "
        "'042', '04', 1.9, 1, '2019-06-05', 'publication', 'verb:visit', 'Old text.')"
    )
    con.execute("INSERT INTO failures VALUES ('bad.pdf', NULL, '[E010] binary', '2024-01-01')")
    con.close()
    with Store.open(path, read_only=True) as db:  # a reader migrates an older file once
        assert db.schema_version() == SCHEMA_VERSION
    with Store.open(path) as db:
        assert db.schema_version() == SCHEMA_VERSION
        assert db.counts() == {
            "documents": 3,
            "sentences": 1,
            "events": 1,
            "assessments": 0,
            "failures": 1,
        }
        rows = db.connection.execute(
            "SELECT doc_id, version, supersedes FROM documents ORDER BY doc_id"
        ).fetchall()
        assert rows == [("d1", 1, None), ("d2", 2, "d1"), ("d3", 1, None)]
        assert db.events().empty  # d1 was superseded by d2
        assert list(db.events(include_superseded=True)["event_id"]) == ["e1"]
        db.add([coded("Newest text.", url="http://x/1")])
        assert db.sql("SELECT max(version) AS v FROM documents")["v"][0] == 3
    with Store.open(path, read_only=True) as db:
        assert db.schema_version() == SCHEMA_VERSION


def test_store_newer_schema_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(SchemaVersionError, match=r"schema 99.*upgrade tripolar"):
            Store.open(path, read_only=read_only)


@pytest.mark.parametrize(
    "hostile",
    ["CHN'; DROP TABLE events; --", "RUS\"); DELETE FROM documents; --", "' OR 1=1 --",
     "%", "_", "\\", "CHN-RUS'--", "'); ATTACH 'x.db' AS x; --"],
)  # fmt: skip
def test_store_hostile_filter_values_are_parameters(store: Store, hostile: str) -> None:
    store.add([coded("Xi visited Moscow.")])
    for kwargs in (
        {"dyad": f"{hostile}-RUS"},
        {"dyad": f"CHN-{hostile}"},
        {"actors": [hostile, "CHN"]},
        {"code": hostile},
    ):
        try:
            frame = store.events(**kwargs)
        except TripolarError as err:  # a refusal is fine, an executed statement is not
            assert "dyad" in str(err) or "unknown actor" in str(err)
        else:
            assert frame.empty or set(frame["code"]) == {"042"}
    assert store.counts() == {
        "documents": 1,
        "sentences": 1,
        "events": 1,
        "assessments": 0,
        "failures": 0,
    }
    assert len(store.events(code=hostile)) == 0


def test_store_same_failure_twice_is_one_record(store: Store) -> None:
    failure = Failure("notes.jsonl", 4, "[E012] not valid JSON")
    store.add_failure(failure)
    store.add_failure(failure)
    store.add_failure(Failure("notes.jsonl", 5, "[E012] not valid JSON"))
    store.add_failure(Failure("scan.pdf", None, "[E010] binary file"))
    store.add_failure(Failure("scan.pdf", None, "[E010] binary file"))
    assert store.failures()[["path", "line"]].fillna(0).values.tolist() == [
        ["notes.jsonl", 4], ["notes.jsonl", 5], ["scan.pdf", 0]
    ]  # fmt: skip


HOLDER = """
import sys, time
from tripolar.store import Store
db = Store.open(sys.argv[1], read_only=sys.argv[2] == "read")
print("ready", flush=True)
time.sleep(60)
"""


def _hold(path: Path, mode: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def _stop(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


@pytest.mark.slow
def test_store_second_writer_and_reader_get_clear_lock_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a process that keeps the file open for writing: readers wait a bounded time, then fail
    monkeypatch.setattr("tripolar.store.store.READ_WAIT_SECONDS", 0.5)
    monkeypatch.setattr("tripolar.store.store.WRITE_WAIT_SECONDS", 0.5)
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    writer = _hold(path, "write")
    try:
        with pytest.raises(StoreLockedError, match="only one process can write") as caught:
            Store.open(path)
        assert f"PID {writer.pid}" in str(caught.value)
        with pytest.raises(StoreLockedError, match=r"being written by .* try again"):
            Store.open(path, read_only=True)
        status = subprocess.run(
            [sys.executable, "-m", "tripolar", "status", "--db", str(path)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        message = " ".join(status.stderr.split())  # rich wraps long lines
        assert status.returncode == 1
        assert "[E041]" in message and "try again" in message
        assert "Traceback" not in status.stderr
    finally:
        _stop(writer)
    reader = _hold(path, "read")
    try:
        with Store.open(path, read_only=True) as db:  # readers share the file
            assert db.counts()["documents"] == 0
        with pytest.raises(StoreLockedError, match="wait for the other"):
            Store.open(path)
    finally:
        _stop(reader)


WRITER = """
import datetime as dt, sys
from tripolar.model import CodedDocument, Document, Event, Sentence
from tripolar.store import Store
db = Store.open(sys.argv[1])
for n in range(100000):
    docs = []
    for k in range(5):
        text = f"Document {n}-{k}: " + "Officials met and talked. " * 40
        doc_id = f"{n}-{k}"
        sents = tuple(Sentence(doc_id, i, 0, 10, "Officials.") for i in range(20))
        event = Event(doc_id=doc_id, sentence_index=0, start=0, end=10, sentence="x",
                      source="CHN", target="RUS", code="042", root="04", goldstein=1.9,
                      quad_class=1, event_date=None, date_basis="none", rule="r")
        docs.append(CodedDocument(Document(doc_id=doc_id, text=text, path=f"{doc_id}.txt"),
                                  sents, (event,)))
    db.add(docs)
    print(n, flush=True)
"""


@pytest.mark.slow
def test_store_file_killed_mid_write_reopens_consistent(tmp_path: Path) -> None:
    path = tmp_path / "killed.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line and int(line) >= 30:
            break
    wal = Path(str(path) + ".wal")
    os.kill(process.pid, signal.SIGKILL)
    _stop(process)
    assert wal.exists()  # killed with uncheckpointed writes in the log
    with Store.open(path) as db:
        counts = db.counts()
        assert counts["documents"] >= 150 and counts["documents"] % 5 == 0  # whole batches
        assert counts["sentences"] == 20 * counts["documents"]
        assert counts["events"] == counts["documents"]
        orphans = db.sql(
            "SELECT count(*) AS n FROM documents d "
            "WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)"
        )
        assert orphans["n"][0] == 0
