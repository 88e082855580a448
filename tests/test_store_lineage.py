"""Document versions follow the real file (or the URL), not the path as typed, and every
place a document was seen is kept (issue 15, item 1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.ingest import read_paths
from tripolar.model import CodedDocument, Document
from tripolar.store import SCHEMA_VERSION, Store

STORY_A = "Russia and China signed an energy agreement in Moscow on Tuesday."
STORY_B = "The United States imposed new tariffs on China on Friday."


def _ingest(store: Store, *paths: str | Path) -> None:
    """What the ingest job stores, without coding: documents read from ``paths``."""
    documents = [i for i in read_paths(list(paths)) if isinstance(i, Document)]
    store.add([CodedDocument(d, (), ()) for d in documents])


def _current(store: Store) -> list[str]:
    return sorted(store.sql("SELECT text FROM current_documents")["text"])


def test_lineage_same_name_in_two_folders_is_two_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for desk, text in (("deskA", STORY_A), ("deskB", STORY_B)):
        (tmp_path / desk).mkdir()
        (tmp_path / desk / "story.txt").write_text(text + "\n", encoding="utf-8")
    with Store.open(":memory:") as store:
        for desk in ("deskA", "deskB"):
            monkeypatch.chdir(tmp_path / desk)
            _ingest(store, "story.txt")
        assert _current(store) == sorted([STORY_A, STORY_B])
        assert sorted(store.documents()["version"]) == [1, 1]
        paths = sorted(store.documents()["path"])
        assert paths == [str((tmp_path / d / "story.txt").resolve()) for d in ("deskA", "deskB")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_lineage_one_file_named_three_ways_is_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "p1"
    (tmp_path / "link").symlink_to(path)
    with Store.open(":memory:") as store:
        for number, name in enumerate(["p1", "./p1", str(path), "link"]):
            path.write_text(f"{STORY_A} Edit {number}.\n", encoding="utf-8")
            _ingest(store, name)
        versions = store.documents().sort_values("version")
        assert list(versions["version"]) == [1, 2, 3, 4]
        assert _current(store) == [f"{STORY_A} Edit 3."]


def test_lineage_cli_desks_do_not_hide_each_others_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "x.duckdb")
    for desk, text in (("deskA", STORY_A), ("deskB", STORY_B)):
        (tmp_path / desk).mkdir()
        (tmp_path / desk / "story.txt").write_text(text + "\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path / desk)
        result = CliRunner().invoke(app, ["ingest", "story.txt", "--db", db, "--quiet"])
        assert result.exit_code == 0, result.stderr
    result = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl"])
    sentences = {json.loads(line)["sentence"] for line in result.stdout.splitlines()}
    assert sentences == {STORY_A, STORY_B}


def test_lineage_copies_at_other_paths_and_urls_are_recorded(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "story.txt", tmp_path / "b" / "copy.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(STORY_A + "\n", encoding="utf-8")
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        json.dumps({"text": STORY_A, "url": "http://news.example/1"}) + "\n", encoding="utf-8"
    )
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(first), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.stderr
    for again in (second, feed, second):  # duplicates: nothing new is coded, places are kept
        result = CliRunner().invoke(app, ["ingest", str(again), "--db", str(db), "--quiet"])
        assert result.exit_code == 0 and "skipped as duplicates: 1" in result.stderr
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        places = store.places()
        assert set(zip(places["location"], places["record"], strict=True)) == {
            (str(first.resolve()), ""),
            (str(second.resolve()), ""),
            ("http://news.example/1", ""),
            (str(feed.resolve()), "1"),
        }
        assert len(places) == 4 and places["location"][0] == str(first.resolve())


def test_lineage_migrates_a_schema_3_file_keeping_its_places(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with Store.open(path) as store:
        _ingest(store, *_write(tmp_path, STORY_A, STORY_B))
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE document_locations")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store.open(path, read_only=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert sorted(store.places()["location"]) == sorted(store.documents()["path"])


def _write(folder: Path, *texts: str) -> list[Path]:
    paths = []
    for number, text in enumerate(texts):
        paths.append(folder / f"{number}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    return paths


def test_lineage_records_without_url_still_have_no_lineage(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    with Store.open(":memory:") as store:
        for text in (STORY_A, STORY_B):
            rows.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
            _ingest(store, rows)
        assert _current(store) == sorted([STORY_A, STORY_B])
