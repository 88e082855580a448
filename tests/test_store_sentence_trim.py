"""Files written before stored sentences left out the space around them (the blank line
after a paragraph's last sentence) are trimmed when opened: the sentence in every table,
its offsets moved in by as much, so the document text at the offsets is still the sentence.
The schema step changes nothing the second time, nor rows it cannot trim safely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from tripolar.model import Assessment, CodedDocument, Document, Event, Sentence
from tripolar.store import SCHEMA_VERSION, Store
from tripolar.store.schema import MIGRATIONS, TRIM_SENTENCES_STEP

FIRST = "Russia met China on Monday."
SECOND = "Trust between the two has deepened."
TEXT = f"{FIRST}\n\n\u00a0{SECOND}\n\n  \n\nEnd."
DAY = dt.date(2021, 3, 1)


def _old_style_document() -> CodedDocument:
    """Rows as the writer stored them before the trim: space around, offsets over it."""
    document = Document(doc_id="old", text=TEXT, published=DAY)
    first = FIRST + "\n\n"
    second_start = TEXT.index(SECOND) - 1  # the no-break space before it
    second = TEXT[second_start : TEXT.index("  \n\n")] + "  \n\n"
    blank_start = TEXT.index("End.") - 4
    sentences = (
        Sentence("old", 0, 0, len(first), first),
        Sentence("old", 1, second_start, second_start + len(second), second),
        Sentence("old", 2, blank_start, blank_start + 4, "  \n\n"),  # nothing but space
    )
    event = Event(
        "old", 0, 0, len(first), first, "RUS", "CHN", "040", "04", 1.0, 1, DAY, "publication",
        "test:trim", 7, 10, "Russia", "China", event_id="e-old",
    )  # fmt: skip
    assessment = Assessment(
        "old", 1, second_start, second_start + len(second), second, "CHN-RUS", "dyad", 0.5,
        0.5, "overall", "present", "fact", "author", DAY,
    )  # fmt: skip
    return CodedDocument(document, sentences, (event,), (), (assessment,))


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {
        "sentences": con.execute(
            "SELECT sentence_index, start_char, end_char, text FROM sentences "
            "ORDER BY sentence_index"
        ).fetchall(),
        "events": con.execute("SELECT start_char, end_char, sentence FROM events").fetchall(),
        "assessments": con.execute(
            "SELECT start_char, end_char, sentence FROM assessments"
        ).fetchall(),
        "distinct": con.execute("SELECT sentence FROM distinct_events").fetchall(),
    }


def _schema_7_file(path: Path) -> None:
    with Store.open(path) as store:
        store.add([_old_style_document()])
        store.connection.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
        before = _tables(store.connection)
    assert before["sentences"][0][3] == FIRST + "\n\n"  # the old-style rows are there
    assert before["distinct"] == [(FIRST + "\n\n",)]


def test_store_migration_trims_sentences_and_keeps_offsets(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _schema_7_file(db)
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION == 8
        after = _tables(store.connection)
    first_end = len(FIRST)
    second_start = TEXT.index(SECOND)
    second_end = second_start + len(SECOND)
    blank_start = TEXT.index("End.") - 4
    assert after["sentences"] == [
        (0, 0, first_end, FIRST),
        (1, second_start, second_end, SECOND),
        (2, blank_start, blank_start + 4, "  \n\n"),  # only space: left as it was
    ]
    assert after["events"] == [(0, first_end, FIRST)]
    assert after["assessments"] == [(second_start, second_end, SECOND)]
    assert after["distinct"] == [(FIRST,)]
    for _, start, end, text in after["sentences"]:
        assert TEXT[start:end] == text


def test_store_sentence_trim_step_is_idempotent_and_skips_odd_offsets(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _schema_7_file(db)
    con = duckdb.connect(str(db))
    try:
        # a row whose offsets do not span its text is left alone: moving them could only
        # make them wrong
        con.execute("UPDATE events SET end_char = end_char + 5")
        con.execute(MIGRATIONS[7])
        once = _tables(con)
        con.execute(TRIM_SENTENCES_STEP)
        assert _tables(con) == once
    finally:
        con.close()
    assert once["sentences"][0] == (0, 0, len(FIRST), FIRST)
    assert once["events"] == [(0, len(FIRST) + 2 + 5, FIRST + "\n\n")]


def test_store_fresh_rows_need_no_trim(store: Store) -> None:
    document = Document(doc_id="new", text=f"{FIRST}\n\n{SECOND}")
    second_start = len(FIRST) + 2
    sentences = (
        Sentence("new", 0, 0, len(FIRST), FIRST),
        Sentence("new", 1, second_start, second_start + len(SECOND), SECOND),
    )
    store.add([CodedDocument(document, sentences, ())])
    before = _tables(store.connection)
    store.connection.execute(TRIM_SENTENCES_STEP)
    assert _tables(store.connection) == before
