"""Event identity: one real event is one distinct event, however often and wherever it is
reported; near-misses stay apart; the grouping does not depend on ingest order."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import time
from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from store_support import SCHEMA_V1
from tripolar.model import CodedDocument, Document, Event, Sentence, outlet_of
from tripolar.sameness import link_key
from tripolar.store import Store
from tripolar.store.identity import Mention, distinct_ids, linked
from tripolar.store.schema import MIGRATIONS

DAY = dt.date(2022, 9, 15)


def mention(
    event_id: str,
    *,
    doc: str = "d1",
    pair: tuple[str, str] = ("CHN", "RUS"),
    code: str = "040",
    day: dt.date | None = DAY,
    basis: str = "text",
    precision: str = "day",
) -> Mention:
    return Mention(event_id, doc, pair[0], pair[1], code, day, basis, precision)


def test_identity_joint_act_coded_both_ways_is_one_event() -> None:
    assert linked(mention("a", code="043"), mention("b", pair=("RUS", "CHN"), code="042"))
    assert link_key("CHN", "RUS", "040") == link_key("RUS", "CHN", "044")


def test_identity_directed_act_keeps_its_direction() -> None:
    sanction = mention("a", pair=("USA", "CHN"), code="163")
    counter = mention("b", pair=("CHN", "USA"), code="163", doc="d2")
    assert not linked(sanction, counter)


def test_identity_near_misses_stay_apart() -> None:
    meeting = mention("a")
    assert not linked(meeting, mention("b", doc="d2", day=DAY + dt.timedelta(days=7)))
    assert not linked(meeting, mention("c", doc="d2", code="041"))  # a phone call that day
    lifting = mention("d", pair=("USA", "RUS"), code="081", doc="d2")
    assert not linked(mention("e", pair=("USA", "RUS"), code="163"), lifting)


def test_identity_report_a_day_later_joins_the_event() -> None:
    later = mention("b", doc="d2", day=DAY + dt.timedelta(days=1), basis="publication")
    assert linked(mention("a"), later)
    assert not linked(mention("a"), mention("c", doc="d2", day=DAY + dt.timedelta(days=5)))


def test_identity_vague_dates_link_only_their_like_across_documents() -> None:
    year = mention("y", doc="d2", day=dt.date(2022, 1, 1), precision="year")
    assert not linked(mention("a"), year)  # "in 2022" is not the 15 September meeting
    assert linked(year, mention("z", doc="d3", day=dt.date(2022, 1, 1), precision="year"))
    assert linked(mention("a"), mention("w", day=dt.date(2022, 1, 1), precision="year"))
    assert not linked(mention("a"), mention("u", doc="d2", day=None, precision="unknown"))
    assert linked(mention("a"), mention("v", day=None, precision="unknown"))


def test_identity_component_id_is_its_smallest_mention_id() -> None:
    mentions = [
        mention("m3", doc="d3"),
        mention("m1", doc="d1", day=DAY + dt.timedelta(days=1)),
        mention("m2", doc="d2", pair=("RUS", "CHN"), code="042"),
        mention("m9", doc="d4", day=DAY + dt.timedelta(days=9)),
    ]
    assert distinct_ids(mentions) == {"m1": "m1", "m2": "m1", "m3": "m1", "m9": "m9"}


def test_identity_outlet_is_host_else_feed_else_folder() -> None:
    assert outlet_of("https://www.Example.com/a/b?c=1", "Feed", "x/y.txt") == "example.com"
    assert outlet_of(None, "  Daily  Wire ", "x/y.txt") == "daily wire"
    assert outlet_of(None, None, "corpus/tass/2022/../a.txt") == ".."
    assert outlet_of(None, None, "corpus/tass/a.txt") == "tass"
    assert outlet_of(None, None, "a.txt") is None and outlet_of(None, None, "-") is None


# -- the store -------------------------------------------------------------------------------

REPORTS = [  # (outlet, day published, sentence day or None, pair, code)
    ("a.example", DAY, DAY, ("CHN", "RUS"), "040"),
    ("b.example", DAY + dt.timedelta(days=1), None, ("RUS", "CHN"), "043"),
    ("c.example", DAY, DAY, ("CHN", "RUS"), "041"),  # a phone call that day: apart
    ("d.example", DAY + dt.timedelta(days=7), None, ("CHN", "RUS"), "040"),  # next week
    ("a.example", DAY + dt.timedelta(days=2), DAY, ("RUS", "CHN"), "040"),
    ("e.example", DAY, DAY, ("USA", "CHN"), "163"),
    ("e.example", DAY + dt.timedelta(days=30), None, ("USA", "CHN"), "081"),  # lifted
]


def report(number: int) -> CodedDocument:
    outlet, published, day, (source, target), code = REPORTS[number]
    text = f"Report {number} from {outlet}."
    doc_id = hashlib.sha1(text.encode()).hexdigest()[:16]
    document = Document(
        doc_id=doc_id, text=text, url=f"https://{outlet}/{number}", published=published,
        date_basis="metadata",
    )  # fmt: skip
    event = Event(
        doc_id=doc_id, sentence_index=0, start=0, end=len(text), sentence=text, source=source,
        target=target, code=code, root=code[:2], goldstein=1.0, quad_class=1,
        event_date=day or published, date_basis="text" if day else "publication", rule="test",
        trigger_start=0, trigger_end=6, event_id=f"e{number}-{doc_id[:6]}",
    )  # fmt: skip
    return CodedDocument(document, (Sentence(doc_id, 0, 0, len(text), text),), (event,))


def grouping(store: Store) -> set[frozenset[str]]:
    rows = store.sql("SELECT distinct_id, list(event_id) AS ids FROM events GROUP BY 1")
    return {frozenset(ids) for ids in rows["ids"]}


def test_store_links_reports_across_outlets_and_counts_them(store: Store) -> None:
    store.add([report(i) for i in range(len(REPORTS))])
    frame = store.distinct_events().set_index("distinct_id")
    assert len(frame) == 5  # meeting, call, next week's meeting, sanction, lifting
    meeting = frame[frame["mentions"] == 3].iloc[0]
    assert (meeting["documents"], meeting["sources"]) == (3, 2)
    reported = [meeting["first_reported"].date(), meeting["last_reported"].date()]
    assert reported == [DAY, DAY + dt.timedelta(days=2)]
    assert meeting["date_basis"] == "text" and meeting["date_precision"] == "day"
    events = store.events()
    assert set(events["distinct_id"]) == set(frame.index)
    assert len(store.mentions(meeting.name)) == 3


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(REPORTS))), st.integers(1, 3))
def test_store_distinct_events_do_not_depend_on_ingest_order(order: list[int], size: int) -> None:
    with Store.open(":memory:") as expected_store, Store.open(":memory:") as store:
        expected_store.add([report(i) for i in range(len(REPORTS))])
        for start in range(0, len(order), size):
            store.add([report(i) for i in order[start : start + size]])
        store.add([report(i) for i in order])  # again: nothing changes
        assert grouping(store) == grouping(expected_store)
        columns = ["distinct_id", "mentions", "documents", "sources", "event_id"]
        assert store.distinct_events()[columns].equals(expected_store.distinct_events()[columns])


def test_store_new_version_of_a_report_relinks_its_event(store: Store) -> None:
    store.add([report(0), report(1)])
    assert len(store.distinct_events()) == 1
    old = report(1)
    changed = Document(
        doc_id="changed", text="Report 1, corrected.", url=old.document.url,
        published=old.document.published, date_basis="metadata",
    )  # fmt: skip
    store.add([CodedDocument(changed, (), ())])
    frame = store.distinct_events()
    assert len(frame) == 1 and frame["mentions"].tolist() == [1]


def test_store_migrates_schema_3_and_links_stored_events(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute(SCHEMA_V1)
    connection.execute(MIGRATIONS[1])
    connection.execute(MIGRATIONS[2])
    connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    for number in (0, 1, 5):
        coded = report(number)
        d, e = coded.document, coded.events[0]
        connection.execute(
            "INSERT INTO documents (doc_id, url, format, published, date_basis, text, "
            "ingested_at) VALUES (?, ?, 'txt', ?, 'metadata', ?, now())",
            [d.doc_id, d.url, d.published, d.text],
        )
        connection.execute(
            "INSERT INTO events VALUES (?, ?, 0, 0, 5, 0, 6, ?, '', ?, '', ?, ?, 1.0, 1, ?, ?, "
            "'test', 's', upper(left(?, 3)), upper(left(?, 3)), false)",
            [e.event_id, d.doc_id, e.source, e.target, e.code, e.root, e.event_date,
             e.date_basis, e.source, e.target],
        )  # fmt: skip
    connection.close()
    with Store.open(path) as store:
        frame = store.distinct_events()
        assert sorted(frame["mentions"]) == [1, 2]
        assert set(store.documents()["doc_id"]) == {report(n).document.doc_id for n in (0, 1, 5)}
        outlets = store.sql("SELECT outlet FROM documents ORDER BY outlet")["outlet"].tolist()
        assert outlets == ["a.example", "b.example", "e.example"]


MENTIONS = st.builds(
    lambda n, doc, pair, code, offset, basis, precision: mention(
        f"m{n:03d}", doc=f"d{doc}", pair=pair, code=code,
        day=None if precision == "unknown" else DAY + dt.timedelta(days=offset),
        basis=basis, precision=precision,
    ),
    st.integers(0, 999), st.integers(0, 4),
    st.sampled_from([("CHN", "RUS"), ("RUS", "CHN"), ("USA", "CHN")]),
    st.sampled_from(["040", "042", "041", "163", "111"]), st.integers(-12, 12),
    st.sampled_from(["text", "publication"]),
    st.sampled_from(["day", "day", "month", "year", "unknown"]),
)  # fmt: skip


def brute_force(mentions: list[Mention]) -> dict[str, str]:
    """Components by comparing every pair: what `distinct_ids` must equal."""
    group = {m.event_id: {m.event_id} for m in mentions}
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if linked(a, b) and group[a.event_id] is not group[b.event_id]:
                merged = group[a.event_id] | group[b.event_id]
                for member in merged:
                    group[member] = merged
    return {m.event_id: min(group[m.event_id]) for m in mentions}


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTIONS, max_size=30, unique_by=lambda m: m.event_id), st.randoms())
def test_identity_components_are_all_links_in_any_order(
    mentions: list[Mention], rng: random.Random
) -> None:
    expected = brute_force(mentions)
    shuffled = mentions[:]
    rng.shuffle(shuffled)
    assert distinct_ids(mentions) == expected == distinct_ids(shuffled)


def test_store_links_rows_written_without_it_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "imported.duckdb"
    with Store.open(path) as store:
        store.add([report(0)])
        store.connection.execute(  # a bulk import in SQL: a second report of the meeting
            "INSERT INTO events SELECT * REPLACE ('imported' AS event_id, NULL AS distinct_id) "
            "FROM events"
        )
    with Store.open(path, read_only=True) as reader:
        assert reader.distinct_events()["mentions"].tolist() == [1]  # readers change nothing
    with Store.open(path) as store:
        assert store.distinct_events()["mentions"].tolist() == [2]
        assert store.link_events() == 0


def test_cli_events_distinct_lists_each_event_once_with_its_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tripolar.cli import app
    from tripolar.output import DISTINCT_FIELDS

    path = tmp_path / "news.duckdb"
    with Store.open(path) as store:
        store.add([report(i) for i in range(len(REPORTS))])
    runner = CliRunner()
    distinct = runner.invoke(app, ["events", "--db", str(path), "--distinct", "-f", "jsonl"])
    rows = [json.loads(line) for line in distinct.stdout.splitlines()]
    assert distinct.exit_code == 0 and len(rows) == 5
    assert all(list(row) == list(DISTINCT_FIELDS) for row in rows)
    meeting = next(row for row in rows if row["mentions"] == 3)
    assert (meeting["documents"], meeting["sources"]) == (3, 2)
    mentions = runner.invoke(app, ["events", "--db", str(path), "-f", "jsonl"])
    reports = [json.loads(line) for line in mentions.stdout.splitlines()]
    assert len(reports) == len(REPORTS)
    assert sum(r["event_id"] == meeting["event_id"] for r in reports) == 3
    assert {r["date_precision"] for r in reports} == {"day"}
    table = runner.invoke(app, ["events", "--db", str(path), "--distinct", "-f", "csv"])
    assert table.stdout.splitlines()[0].startswith("event_id,event_date,date_precision")


def test_identity_long_document_links_without_comparing_every_pair() -> None:
    # One long document: 20,000 undated mentions of one key and 20,000 on its publication
    # day. Comparing every pair took minutes (4e8 pairs); the components are the same.
    undated = [
        mention(f"u{n:05d}", doc="long", day=None, precision="unknown") for n in range(20_000)
    ]
    dated = [mention(f"p{n:05d}", doc="long", basis="publication") for n in range(20_000)]
    others = [
        mention(f"x{n:05d}", doc=f"d{n}", day=DAY + dt.timedelta(days=10 * n)) for n in range(50)
    ]
    started = time.process_time()
    ids = distinct_ids([*undated, *dated, *others])
    assert time.process_time() - started < 10
    assert {ids[m.event_id] for m in [*undated, *dated]} == {"p00000"}
    assert ids["x00000"] == "p00000"  # the same day, in another document
    assert ids["x00001"] == "x00001"  # ten days later: an event of its own
    assert len(set(ids.values())) == 50
