"""URLs and feeds to Documents (ingest.web) against a local server, with an in-memory log."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

import pytest

from tripolar.config import FetchOptions
from tripolar.ingest.fetch import Fetcher
from tripolar.ingest.reader import is_url
from tripolar.ingest.web import read_urls
from tripolar.model import Document, Failure, FetchRecord
from web_support import LocalSite, article, rss

FAST = FetchOptions(allow_private=True, rate=0, timeout=2.0, backoff=0.01, retries=1)


class MemoryLog:
    """Fetch records in a dict; ``stored`` stands for the documents the store holds."""

    def __init__(self) -> None:
        self.records: dict[str, FetchRecord] = {}
        self.stored: set[str] = set()
        self.unchanged_urls: list[tuple[str, bool]] = []

    def known(self, urls: Sequence[str]) -> Mapping[str, FetchRecord]:
        return {
            url: record
            for url in urls
            if (record := self.records.get(url)) is not None
            and (record.items is not None or record.doc_id in self.stored)
        }

    def fetched(self, record: FetchRecord) -> None:
        self.records[record.url] = record

    def unchanged(self, url: str, *, asked: bool) -> None:
        self.unchanged_urls.append((url, asked))


def _read(
    urls: list[str], log: MemoryLog, *, store: bool = True, **options: object
) -> list[Document | Failure]:
    with Fetcher(FAST) as fetcher:
        items = list(read_urls(urls, fetcher=fetcher, log=log, **options))  # type: ignore[arg-type]
    if store:
        log.stored.update(item.doc_id for item in items if isinstance(item, Document))
    return items


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as local:
        local.page("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        local.page("/one", article("Gas deal", "Russia and China signed a gas deal in Moscow."))
        local.page(
            "/two",
            article("Talks", "The United States criticised Iran on Monday.", date=None),
        )
        local.page(
            "/feed.xml",
            rss("Wire", [("Gas deal", "/one"), ("Talks", "/two"), ("Gone", "/gone")]),
            content_type="application/rss+xml",
        )
        yield local


def test_web_is_url_tells_urls_from_paths() -> None:
    assert is_url("https://example.org/a") and is_url("ftp://x/y") and is_url("HTTP://X")
    assert not is_url("news/today.html") and not is_url("C:\\news\\a.txt") and not is_url("-")


def test_web_feed_gives_the_pages_its_items_link_to(site: LocalSite) -> None:
    items = _read([site.url("/feed.xml")], MemoryLog())
    documents = [item for item in items if isinstance(item, Document)]
    assert [d.requested_url for d in documents] == [site.url("/one"), site.url("/two")]
    first = documents[0]
    assert first.text.startswith("Russia and China signed a gas deal")
    assert first.url == first.final_url == site.url("/one")
    assert first.outlet == "127.0.0.1" and first.http_status == 200
    assert first.fetched_at is not None and first.format == "html"
    assert first.published == dt.date(2021, 6, 2)
    # the page without a date takes the date its feed item gave, as metadata
    assert (documents[1].published, documents[1].date_basis) == (dt.date(2021, 6, 2), "metadata")
    failures = [item for item in items if isinstance(item, Failure)]
    assert [(f.path, f.reason) for f in failures] == [
        (site.url("/gone"), "[E013] HTTP 404 Not Found")
    ]


def test_web_second_pass_over_an_unchanged_feed_asks_only_conditionally(site: LocalSite) -> None:
    log = MemoryLog()
    _read([site.url("/feed.xml")], log)
    before = len(site.requests)
    gone = Failure(site.url("/gone"), None, "[E013] HTTP 404 Not Found")
    assert _read([site.url("/feed.xml")], log) == [gone]
    # (a new fetcher reads robots.txt again; watch keeps one fetcher and reads it once a day)
    again = [request for request in site.requests[before:] if request[0] != "/robots.txt"]
    # the feed answered 304; of its items only the page that failed is asked for again
    assert [path for path, _ in again] == ["/feed.xml", "/gone"]
    assert "if-none-match" in again[0][1]
    assert (site.url("/one"), False) in log.unchanged_urls


def test_web_page_fetched_but_not_stored_is_fetched_in_full_again(site: LocalSite) -> None:
    log = MemoryLog()
    _read([site.url("/feed.xml")], log, store=False)  # as if the run stopped before storing
    before = len(site.requests)
    items = _read([site.url("/feed.xml")], log)
    assert len([item for item in items if isinstance(item, Document)]) == 2
    asked = {path: headers for path, headers in site.requests[before:]}
    assert "if-none-match" in asked["/feed.xml"]
    assert "if-none-match" not in asked["/one"] and "if-none-match" not in asked["/two"]


def test_web_changed_page_is_read_again(site: LocalSite) -> None:
    log = MemoryLog()
    (first,) = _read([site.url("/one")], log)
    site.page("/one", article("Gas deal", "Russia and China signed a larger gas deal."))
    (second,) = _read([site.url("/one")], log)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_id != second.doc_id and "larger" in second.text


def test_web_failures_name_the_url_and_the_rest_goes_on(site: LocalSite) -> None:
    site.page("/pdf", b"%PDF-1.4", content_type="application/pdf")
    site.page("/empty", "<html><body></body></html>")
    urls = [site.url("/pdf"), "gopher://old.example/", site.url("/empty"), site.url("/one")]
    items = _read(urls, MemoryLog())
    assert [type(item).__name__ for item in items] == ["Failure", "Failure", "Failure", "Document"]
    assert [item.path for item in items[:3]] == urls[:3]  # type: ignore[union-attr]
    assert "only http and https" in items[1].reason  # type: ignore[union-attr]


def test_web_entries_without_links_are_read_from_the_feed(site: LocalSite) -> None:
    site.page(
        "/bare.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>'
        "<item><title>Note</title><description>China and Russia held joint naval drills in "
        "the Sea of Japan.</description></item><item><title>Odd</title><link>http://[oops/</link>"
        "<description>India and Japan agreed to expand defence cooperation in Tokyo on Monday."
        "</description></item></channel></rss>",
        content_type="text/xml",
    )
    document, odd = _read([site.url("/bare.xml")], MemoryLog())
    assert isinstance(odd, Document) and "defence cooperation" in odd.text
    assert isinstance(document, Document) and document.format == "feed"
    assert "joint naval drills" in document.text
    assert document.requested_url == site.url("/bare.xml") and document.url is None


def test_web_stop_starts_no_new_fetch(site: LocalSite) -> None:
    stop = threading.Event()
    stop.set()
    assert _read([site.url("/one"), site.url("/two")], MemoryLog(), stop=stop) == []
    assert site.requests == []


def test_web_each_url_is_fetched_once_per_run(site: LocalSite) -> None:
    items = _read([site.url("/one"), site.url("/feed.xml"), site.url("/one")], MemoryLog())
    assert site.paths().count("/one") == 1
    assert len([item for item in items if isinstance(item, Document)]) == 2


def test_web_stop_during_a_run_finishes_only_the_fetches_under_way(site: LocalSite) -> None:
    for number in range(8):
        text = f"Russia and China signed agreement number {number} on gas supplies in Moscow."
        page = article("Gas deal", text, "The two sides also discussed a new pipeline.")
        site.page(f"/s{number}", page, delay=0.5)
    stop = threading.Event()
    urls = [site.url(f"/s{number}") for number in range(8)]
    items = []
    with Fetcher(replace(FAST, connections=1)) as fetcher:
        for item in read_urls(urls, fetcher=fetcher, log=MemoryLog(), stop=stop):
            items.append(item)
            stop.set()
    # one fetch at a time: what had begun when the first page was read is finished, the rest
    # is never asked for
    assert 1 <= len(items) < 8 and all(isinstance(item, Document) for item in items)
    assert len([path for path in site.paths() if path.startswith("/s")]) == len(items)


def test_web_page_is_decoded_with_the_charset_http_names(site: LocalSite) -> None:
    # too short for the encoding to be guessed (KOI8-R or a Windows code page?): the header
    # tells
    text = "Russia and China signed a gas agreement in Moscow on Tuesday, officials said.\n\n"
    text += "Россия и Китай подписали соглашение."
    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
    page = f"<html><head><title>Gas</title></head><body><article>{paragraphs}</article>"
    site.page("/ru", page.encode("koi8-r"), content_type="text/html; charset=KOI8-R")
    (document,) = _read([site.url("/ru")], MemoryLog())
    assert isinstance(document, Document) and document.text == text


def test_web_charset_declared_in_the_page_wins_over_http(site: LocalSite) -> None:
    text = "Le ministre a salué l'accord signé à Pékin mercredi, selon l'agence."
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Accord</title></head><body><article>'
        f"<p>{text}</p></article></body></html>"
    )
    site.page("/fr", page.encode("latin-1"), content_type="text/html; charset=koi8-r")
    (document,) = _read([site.url("/fr")], MemoryLog())
    assert isinstance(document, Document) and document.text == text
