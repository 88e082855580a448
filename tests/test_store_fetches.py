"""The fetch record table: what a conditional request may rely on, written in batches."""

from __future__ import annotations

import datetime as dt

from tripolar.model import CodedDocument, Document, FetchRecord
from tripolar.store import Store


def _page(url: str, doc_id: str | None, etag: str = '"v1"') -> FetchRecord:
    return FetchRecord(url=url, final_url=url, status=200, etag=etag, doc_id=doc_id)


def test_store_fetch_record_of_a_page_counts_only_once_its_document_is_stored(
    store: Store,
) -> None:
    store.record_fetches([_page("http://a.example/1", "d1"), _page("http://a.example/2", "d2")])
    assert store.fetch_records(["http://a.example/1", "http://a.example/2"]) == {}
    document = Document(doc_id="d1", text="Russia thanked China.", url="http://a.example/1")
    store.add([CodedDocument(document, (), ())])
    assert list(store.fetch_records(["http://a.example/1", "http://a.example/2"])) == [
        "http://a.example/1"
    ]


def test_store_fetch_record_of_a_feed_keeps_its_items(store: Store) -> None:
    feed = FetchRecord(
        url="http://a.example/feed", final_url="http://a.example/rss", status=200,
        last_modified="Wed, 02 Jun 2021 10:00:00 GMT", items=("http://a.example/1",),
        fetched_at=dt.datetime(2021, 6, 2, 10, 0),
    )  # fmt: skip
    store.record_fetches([feed])
    assert store.fetch_records([feed.url]) == {feed.url: feed}


def test_store_record_fetches_keeps_the_last_of_a_url(store: Store) -> None:
    url = "http://a.example/feed"
    first = FetchRecord(url=url, final_url=url, status=200, etag='"v1"', items=())
    second = FetchRecord(url=url, final_url=url, status=200, etag='"v2"', items=())
    store.record_fetches([first, second])
    store.record_fetches([second])
    assert store.fetch_records([url])[url].etag == '"v2"'
    assert len(store.fetches()) == 1
    before = store.fetches()["checked_at"][0]
    store.record_unchanged([url])
    assert store.fetches()["checked_at"][0] >= before
