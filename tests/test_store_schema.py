"""Schema 3 for fast analytics: stored countries, superseded flags, no row keys on sentences
and events, Arrow batch writes, and the migrations that bring older files to it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from store_support import SCHEMA_V1
from tripolar.errors import AnalyticsError
from tripolar.model import Assessment, CodedDocument, Document, Event, Sentence
from tripolar.store import SCHEMA_VERSION, Store
from tripolar.store.schema import MIGRATIONS

# A schema-2 file as tripolar wrote it before schema 3 (tables of schema 1, the version
# columns of MIGRATIONS[1] and these views). A record of the past: do not edit.
SCHEMA_V2_VIEWS = """
CREATE OR REPLACE VIEW current_documents AS
    SELECT * FROM documents d
    WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = d.doc_id);
CREATE OR REPLACE VIEW current_events AS
    SELECT e.* FROM events e
    WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = e.doc_id);
"""


# The assessments table of the development build of schema 3 (no superseded flag).
EARLY_V3_ASSESSMENTS = """
CREATE TABLE assessments (
    doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, sentence VARCHAR NOT NULL, subject VARCHAR NOT NULL,
    scope VARCHAR NOT NULL, polarity DOUBLE NOT NULL, intensity DOUBLE NOT NULL,
    dimension VARCHAR NOT NULL, time_orientation VARCHAR NOT NULL, modality VARCHAR NOT NULL,
    holder VARCHAR NOT NULL, holder_code VARCHAR NOT NULL, cues VARCHAR[] NOT NULL,
    cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, negated BOOLEAN NOT NULL,
    hedged BOOLEAN NOT NULL, rule VARCHAR NOT NULL, published DATE,
    PRIMARY KEY (doc_id, sentence_index, subject)
);
"""


def _event(doc_id: str, source: str, target: str, *, trigger: int = 3) -> Event:
    return Event(
        doc_id=doc_id, sentence_index=0, start=0, end=20, sentence="Beijing thanked Moscow.",
        source=source, target=target, code="051", root="05", goldstein=3.4, quad_class=1,
        event_date=dt.date(2021, 3, 9), date_basis="text", rule="verb:praise",
        trigger_start=trigger, trigger_end=trigger + 7,
    )  # fmt: skip


def _assessment(doc_id: str, polarity: float) -> Assessment:
    return Assessment(
        doc_id=doc_id, sentence_index=0, start=0, end=20, sentence="Ties are warm.",
        subject="CHN-RUS", scope="dyad", polarity=polarity, intensity=0.5,
        dimension="political", time="present", modality="fact", holder="author",
        published=dt.date(2021, 3, 9), cues=("warm",),
    )  # fmt: skip


def _coded(text: str, *, url: str | None = None, events: int = 1) -> CodedDocument:
    doc_id = "doc-" + hashlib.sha1(text.encode()).hexdigest()[:12]
    document = Document(
        doc_id=doc_id, text=text, url=url, published=dt.date(2021, 3, 9), date_basis="metadata"
    )
    sentences = (Sentence(doc_id, 0, 0, len(text), text),)
    found = tuple(_event(doc_id, "CHNGOV", "RUSMIL", trigger=3 + i) for i in range(events))
    return CodedDocument(document, sentences, found, assessments=(_assessment(doc_id, 0.6),))


def _flags(db: Store, table: str) -> dict[str, bool]:
    rows = db.connection.execute(f"SELECT doc_id, superseded FROM {table}").fetchall()
    return {doc_id: bool(flag) for doc_id, flag in rows}


def _primary_keys(db: Store) -> set[str]:
    rows = db.connection.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    ).fetchall()
    return {row[0] for row in rows}


def test_store_fresh_file_has_countries_flags_and_no_row_keys(store: Store) -> None:
    store.add([_coded("Beijing thanked Moscow.")])
    row = store.sql("SELECT source, source_country, target, target_country FROM events")
    assert row.iloc[0].tolist() == ["CHNGOV", "CHN", "RUSMIL", "RUS"]
    assert {"sentences", "events"}.isdisjoint(_primary_keys(store))
    assert "superseded" not in store.sql("SELECT * FROM current_events").columns
    assert "superseded" not in store.sql("SELECT * FROM current_assessments").columns


def test_store_country_columns_are_upper_case(store: Store) -> None:
    coded = _coded("Lower-case codes.")
    odd = _event(coded.document.doc_id, "chnGOV", "rus")
    store.add([CodedDocument(coded.document, coded.sentences, (odd,))])
    frame = store.sql("SELECT source_country, target_country FROM events")
    assert frame.iloc[0].tolist() == ["CHN", "RUS"]
    assert len(store.events(dyad="CHN-RUS")) == 1


def test_store_new_versions_flag_older_rows_in_store_and_in_batch(store: Store) -> None:
    url = "http://news.example/thanks"
    first = _coded("Beijing thanked Moscow.", url=url)
    second = _coded("Beijing thanked Moscow warmly.", url=url)
    third = _coded("Beijing thanked Moscow warmly on Tuesday.", url=url)
    other = _coded("Moscow thanked Beijing.", url="http://news.example/other")
    store.add([first, other])
    assert not any(_flags(store, "events").values())
    store.add([second, third])  # second replaces the stored first, third replaces second
    ids = [c.document.doc_id for c in (first, second, third, other)]
    expected = dict(zip(ids, [True, True, False, False], strict=True))
    assert _flags(store, "events") == expected
    assert _flags(store, "assessments") == expected
    assert sorted(store.events()["doc_id"]) == sorted([ids[2], ids[3]])
    assert sorted(store.assessments()["doc_id"]) == sorted([ids[2], ids[3]])
    current = store.sql("SELECT doc_id FROM current_documents")["doc_id"]
    assert sorted(current) == sorted([ids[2], ids[3]])


def test_store_add_keeps_the_first_of_repeated_rows_in_a_batch(store: Store) -> None:
    coded = _coded("Beijing thanked Moscow.")
    event = coded.events[0]
    twice = CodedDocument(
        coded.document,
        coded.sentences + coded.sentences,
        (event, event, _event(event.doc_id, "CHN", "RUS", trigger=9)),
        assessments=(*coded.assessments, _assessment(event.doc_id, -0.9)),
    )
    assert store.add([twice, twice]) == 1
    assert store.counts() == {
        "documents": 1, "sentences": 1, "events": 2, "assessments": 1, "failures": 0,
    }  # fmt: skip
    assert list(store.assessments()["polarity"]) == [0.6]
    assert store.add([twice]) == 0
    assert store.counts()["events"] == 2


def test_store_failed_add_leaves_nothing_and_the_store_usable(store: Store) -> None:
    good = _coded("Beijing thanked Moscow.")
    broken = _coded("Moscow thanked Beijing.")
    unreadable = dataclasses.replace(broken.assessments[0], holder=None)  # NOT NULL column
    bad = CodedDocument(broken.document, broken.sentences, broken.events, (), (unreadable,))
    with pytest.raises(duckdb.Error):
        store.add([good, bad])
    assert store.counts()["documents"] == 0
    assert store.add([good]) == 1
    assert store.counts() == {
        "documents": 1, "sentences": 1, "events": 1, "assessments": 1, "failures": 0,
    }  # fmt: skip


def test_store_events_limit_keeps_the_first_rows(store: Store) -> None:
    store.add([_coded("Beijing thanked Moscow.", events=5)])
    every = store.events()
    first = store.events(limit=2)
    assert list(first["event_id"]) == list(every["event_id"][:2])
    assert store.events(limit=0).empty
    assert len(store.events(dyad="CHN-RUS", limit=10)) == 5
    with pytest.raises(AnalyticsError, match="limit"):
        store.events(limit=-1)


def _write_v2(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_V1)
    con.execute(MIGRATIONS[1])
    con.execute(SCHEMA_V2_VIEWS)
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.execute(
        "INSERT INTO documents VALUES "
        "('d1', 'T', 'http://x/1', NULL, 'a.html', NULL, 'html', '2019-06-05', 'metadata', "
        " 'Old text.', '2024-01-01 10:00', 1, NULL),"
        "('d2', 'T', 'http://x/1', NULL, 'a.html', NULL, 'html', '2019-06-05', 'metadata', "
        " 'New text.', '2024-02-01 10:00', 2, 'd1')"
    )
    con.execute("INSERT INTO sentences VALUES ('d1', 0, 0, 9, 0, 'Old text.')")
    con.execute(
        "INSERT INTO events VALUES "
        "('e1', 'd1', 0, 0, 9, 0, 3, 'CHNGOV', 'China', 'RUS', 'Russia', '042', '04', 1.9, 1, "
        " '2019-06-05', 'publication', 'verb:visit', 'Old text.'),"
        "('e2', 'd2', 0, 0, 9, 0, 3, 'USA', 'America', 'rusmil', 'Russia', '042', '04', 1.9, 1, "
        " '2019-06-05', 'publication', 'verb:visit', 'New text.')"
    )
    con.close()


def test_store_migrates_a_schema_2_file_with_its_views(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    _write_v2(path)
    with Store.open(path, read_only=True) as db:
        assert db.schema_version() == SCHEMA_VERSION
        rows = db.sql(
            "SELECT event_id, source_country, target_country, superseded FROM events ORDER BY 1"
        ).values.tolist()
        assert rows == [["e1", "CHN", "RUS", True], ["e2", "USA", "RUS", False]]
        assert list(db.events()["event_id"]) == ["e2"]
        assert list(db.events(dyad="RUS-USA")["event_id"]) == ["e2"]
        assert db.counts()["sentences"] == 1
        assert {"sentences", "events"}.isdisjoint(_primary_keys(db))
        assert {"meta", "documents", "assessments"} <= _primary_keys(db)


def test_store_repairs_a_development_schema_3_file(tmp_path: Path) -> None:
    path = tmp_path / "early.duckdb"
    _write_v2(path)
    con = duckdb.connect(str(path))
    con.execute(EARLY_V3_ASSESSMENTS)
    con.execute(
        "INSERT INTO assessments VALUES "
        "('d1', 0, 0, 9, 'Old text.', 'CHN-RUS', 'dyad', 0.5, 0.5, 'political', 'present', "
        " 'fact', 'author', '', ['close'], 0, 3, false, false, 'lexicon', '2019-06-05'),"
        "('d2', 0, 0, 9, 'New text.', 'CHN-RUS', 'dyad', -0.5, 0.5, 'political', 'present', "
        " 'fact', 'author', '', ['cold'], 0, 3, false, false, 'lexicon', '2019-06-05')"
    )
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store.open(path, read_only=True) as db:
        assert list(db.assessments()["polarity"]) == [-0.5]
        assert list(db.events()["event_id"]) == ["e2"]
    with Store.open(path) as db:
        db.add([_coded("Beijing thanked Moscow.")])
        assert db.counts()["events"] == 3
