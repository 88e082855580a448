from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tripolar.errors import SchemaVersionError, StoreError
from tripolar.model import CodedDocument, Document, Event, Failure, Sentence
from tripolar.store import SCHEMA_VERSION, Store


def make_coded(doc_id: str = "d1", *, code: str = "042", day: int = 4) -> CodedDocument:
    text = "Xi visited Moscow. Putin hosted Xi."
    document = Document(
        doc_id=doc_id, text=text, published=dt.date(2019, 6, 6), date_basis="metadata"
    )
    sentences = (Sentence(doc_id, 0, 0, 18, text[:18]), Sentence(doc_id, 1, 19, 35, text[19:]))
    event = Event(
        doc_id=doc_id,
        sentence_index=0,
        start=0,
        end=18,
        sentence=text[:18],
        source="CHNGOV",
        target="RUS",
        code=code,
        root=code[:2],
        goldstein=1.9,
        quad_class=1,
        event_date=dt.date(2019, 6, day),
        date_basis="text",
        rule="verb:visit",
        trigger_start=3,
        trigger_end=10,
        source_text="Xi",
        target_text="Moscow",
    )
    return CodedDocument(document, sentences, (event,))


def test_store_add_is_idempotent(store: Store) -> None:
    assert store.add([make_coded()]) == 1
    assert store.add([make_coded()]) == 0
    assert store.counts() == {
        "documents": 1,
        "sentences": 2,
        "events": 1,
        "assessments": 0,
        "failures": 0,
    }


def test_store_events_filters_by_dyad_date_and_code(store: Store) -> None:
    store.add([make_coded("a", code="042", day=4), make_coded("b", code="163", day=20)])
    assert len(store.events(dyad="RUS-CHN")) == 2
    assert len(store.events(dyad="CHN-USA")) == 0
    assert list(store.events(code="16")["code"]) == ["163"]
    assert len(store.events(since=dt.date(2019, 6, 10))) == 1
    assert len(store.events(until=dt.date(2019, 6, 10))) == 1
    row = store.events().iloc[0]
    assert (row["start"], row["end"], row["rule"]) == (0, 18, "verb:visit")


def test_store_keeps_failures(store: Store) -> None:
    store.add_failure(Failure("notes.jsonl", 41, "not valid JSON"))
    failures = store.failures()
    assert list(failures["line"]) == [41]
    assert store.counts()["failures"] == 1


def test_store_refuses_newer_schema(tmp_path) -> None:
    path = tmp_path / "t.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(SchemaVersionError, match="newer tripolar"):
        Store.open(path)


def test_store_read_only_rejects_foreign_file(tmp_path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a tripolar database"):
        Store.open(path, read_only=True)


def test_store_file_survives_reopen(tmp_path) -> None:
    path = tmp_path / "t.duckdb"
    with Store.open(path) as db:
        db.add([make_coded()])
    with Store.open(path, read_only=True) as db:
        assert db.counts()["events"] == 1


@settings(max_examples=25, deadline=None)
@given(st.permutations(["a", "b", "c", "d"]), st.integers(min_value=1, max_value=4))
def test_store_content_independent_of_order_and_repeats(order: list[str], repeats: int) -> None:
    with Store.open(":memory:") as db:
        for _ in range(repeats):
            db.add([make_coded(doc_id) for doc_id in order])
        assert db.counts()["documents"] == 4
        assert sorted(db.events()["doc_id"]) == ["a", "b", "c", "d"]


def make_assessment(doc_id: str, subject: str, polarity: float, holder: str = "author"):
    from tripolar.model import Assessment

    return Assessment(
        doc_id=doc_id, sentence_index=1, start=19, end=35, sentence="Putin hosted Xi.",
        subject=subject, scope="triad" if subject.count("-") == 2 else "dyad",
        polarity=polarity, intensity=0.6, dimension="political", time="present",
        modality="fact", holder=holder, published=dt.date(2019, 6, 6), cues=("closest",),
    )  # fmt: skip


def test_store_assessments_round_trip_and_filters(store: Store) -> None:
    base = make_coded("a")
    coded = CodedDocument(
        base.document,
        base.sentences,
        base.events,
        assessments=(
            make_assessment("a", "CHN-RUS", 0.8),
            make_assessment("a", "CHN-RUS-USA", -0.3, holder="a Harvard scholar"),
        ),
    )
    store.add([coded])
    store.add([coded])  # idempotent
    assert store.counts()["assessments"] == 2
    assert set(store.assessments(dyad="RUS-CHN")["subject"]) == {"CHN-RUS", "CHN-RUS-USA"}
    assert list(store.assessments(dyad="RUS-USA")["subject"]) == ["CHN-RUS-USA"]
    assert list(store.assessments(holder="harvard")["polarity"]) == [-0.3]
    row = store.assessments(dyad="CHN-RUS").iloc[0]
    assert list(row["cues"]) == ["closest"] and row["time_orientation"] == "present"
