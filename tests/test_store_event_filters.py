"""`Store.events` and `Store.distinct_events` take the same filters (dyad, actors, dates,
code, dataset) and apply them the same way: on a store where every event is reported once,
both keep the same events for every filter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tripolar.model import CodedDocument, Document, Event, Sentence
from tripolar.store import Store

# (source, target, code, date) of tripolar's own events; no two report one real event
OWN = [
    ("CHNGOV", "RUSGOV", "042", dt.date(2020, 1, 5)),
    ("RUS", "CHN", "190", dt.date(2020, 3, 10)),
    ("USAGOV", "CHN", "163", dt.date(2021, 6, 1)),
    ("IGOWSTNAT", "RUS", "112", dt.date(2020, 7, 1)),
    ("CHNMIL", "USA", "173", dt.date(2022, 2, 2)),
    ("JPN", "IND", "057", None),
]
IMPORTED = [
    ("CHN", "RUS", "042", dt.date(2020, 1, 5)),
    ("USA", "RUS", "111", dt.date(2021, 1, 1)),
]
FILTERS: list[dict[str, Any]] = [
    {},
    {"dyad": "China-Russia"},
    {"dyad": "IGOWSTNAT-RUS"},
    {"actors": ["CHN", "RUS", "USA"]},
    {"since": dt.date(2020, 6, 1)},
    {"until": dt.date(2020, 12, 31)},
    {"code": "04"},
    {"code": "1"},
    {"dyad": "CHN-RUS", "since": dt.date(2020, 2, 1), "code": "19"},
]


def _event(n: int, source: str, target: str, code: str, day: dt.date | None) -> CodedDocument:
    text = f"Report {n}: {source} and {target}."
    document = Document(doc_id=f"doc{n}", text=text, published=day)
    sentence = Sentence(document.doc_id, 0, 0, len(text), text)
    event = Event(
        document.doc_id, 0, 0, len(text), text, source, target, code, code[:2], 1.0, 1, day,
        "text" if day else "none", "test:filters", 0, 6, source, target, event_id=f"e{n}",
    )  # fmt: skip
    return CodedDocument(document, (sentence,), (event,))


@pytest.fixture(scope="module")
def mixed() -> Store:
    db = Store.open(":memory:")
    db.add([_event(n, *row) for n, row in enumerate(OWN)])
    rows = [
        (f"k{n}", f"g{n}", day, source, source, target, target, code, code[:2], 1.0, 1,
         f"https://example.org/{n}", 1, 1, 1, 0.0, "")
        for n, (source, target, code, day) in enumerate(IMPORTED)
    ]  # fmt: skip
    db.add_imported("gdelt2", "import:gdelt2", rows)
    return db


@pytest.mark.parametrize("dataset", [None, "gdelt2", "*"])
@pytest.mark.parametrize("filters", FILTERS)
def test_store_events_and_distinct_events_filter_alike(
    mixed: Store, filters: dict[str, Any], dataset: str | None
) -> None:
    mentions = mixed.events(**filters, dataset=dataset)
    distinct = mixed.distinct_events(**filters, dataset=dataset)
    assert sorted(distinct["distinct_id"]) == sorted(mentions["distinct_id"])
    assert sorted(distinct["event_id"]) == sorted(mentions["event_id"])
    if dataset is not None:
        assert set(distinct["dataset"]) <= ({dataset} if dataset != "*" else {"tripolar", "gdelt2"})


def test_store_event_filters_each_narrow(mixed: Store) -> None:
    # every filter keeps some of tripolar's six events and leaves some out (so the test
    # above compares something), and the scoped store reads its dataset in both
    counts = [len(mixed.distinct_events(**f)) for f in FILTERS[1:]]
    assert all(0 < n < len(OWN) for n in counts), counts
    assert len(mixed.events()) == len(mixed.distinct_events()) == len(OWN)
    assert len(mixed.distinct_events(dataset="*")) == len(OWN) + len(IMPORTED)
    scoped = mixed.scoped("gdelt2")
    assert sorted(scoped.events()["event_id"]) == sorted(scoped.distinct_events()["event_id"])
    assert len(scoped.distinct_events()) == len(IMPORTED)
