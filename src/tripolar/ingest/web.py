"""URLs in, Documents (or Failures) out: pages and feeds fetched over HTTP.

    with Fetcher(FetchOptions()) as fetcher:
        for item in read_urls(["https://example.org/feed.xml"], fetcher=fetcher, log=log):
            ...  # Document, or Failure(url, None, reason)

A page gives one document; a feed gives the pages its items link to (an item without a
link gives the text the feed itself holds for it). URLs are fetched concurrently (see
fetch.py) and yielded in a fixed order. ``log`` is where fetch records come from and go:
the caller keeps them in the store, and this module never touches it.

Conditional requests: a URL with a usable record is asked for with its validators, and a
304 answer yields nothing. When a feed answers 304, its items whose pages are known are
not asked for at all; items never stored are fetched in full.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from tripolar.errors import FetchError
from tripolar.ingest.decode import with_transport_charset
from tripolar.ingest.feed import entry_date, parse_feed, read_feed
from tripolar.ingest.fetch import FEED_TYPES, HTML_TYPES, TEXT_TYPES, Fetched, Fetcher
from tripolar.ingest.reader import UNEXPECTED, read_data
from tripolar.model import Document, Failure, FetchRecord

_ENTRY = re.compile(r"^\[E\d+\] entry (\d+):")
_FEED_START = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")


class FetchLog(Protocol):
    """Where fetch records are looked up and written (the workflow backs it with the store)."""

    def known(self, urls: Sequence[str]) -> Mapping[str, FetchRecord]:
        """Usable records of these URLs (see Store.fetch_records)."""
        ...

    def fetched(self, record: FetchRecord) -> None:
        """A URL was downloaded (status 200)."""
        ...

    def unchanged(self, url: str, *, asked: bool) -> None:
        """A URL is unchanged: answered 304 (``asked``), or known and not asked for."""
        ...


@dataclass(frozen=True, slots=True)
class _Task:
    url: str
    date: dt.date | None = None  # the feed entry's date, used when the page gives none
    from_unchanged_feed: bool = False  # skip it when its page is known


def read_urls(
    urls: Iterable[str],
    *,
    fetcher: Fetcher,
    log: FetchLog,
    default_date: dt.date | None = None,
    stop: threading.Event | None = None,
    window: int | None = None,
) -> Iterator[Document | Failure]:
    """Documents of the pages and feeds at ``urls``; a URL that fails gives a Failure.

    At most ``window`` fetches (default 16 per connection: enough to keep fetching while a
    coding batch of 96 documents is parsed, and at 100 KB a page about 13 MB held) run ahead
    of what has been consumed. Once ``stop`` is set no
    new fetch starts (queued ones are dropped); those under way are finished and yielded.
    """
    queue = deque(_Task(url.strip()) for url in dict.fromkeys(urls))
    seen = {task.url for task in queue}
    pending: deque[tuple[_Task, FetchRecord | None, Future[Fetched]]] = deque()
    ahead = window or 16 * fetcher.options.connections
    while queue or pending:
        if stop is None or not stop.is_set():
            _start(queue, pending, ahead, fetcher, log)
        else:  # fetches not begun yet are dropped; those under way are finished
            queue.clear()
            pending = deque(entry for entry in pending if not entry[2].cancel())
        if not pending:
            continue
        task, record, future = pending.popleft()
        try:
            fetched = future.result()
        except FetchError as err:
            yield Failure(task.url, None, f"[{err.code}] {err.reason}")
            continue
        except Exception as err:  # a bug in the client or below: the rest still goes on
            reason = f"{UNEXPECTED} ({type(err).__name__}: {str(err)[:200]}) - please report this"
            yield Failure(task.url, None, f"[{FetchError.code}] {reason}")
            continue
        if fetched.status == 304:
            log.unchanged(task.url, asked=True)
            if record is not None and record.items is not None:
                _enqueue(queue, seen, record.items, {}, unchanged=True)
            continue
        yield from _read_fetched(fetched, task, queue, seen, log, default_date)


def _start(
    queue: deque[_Task],
    pending: deque[tuple[_Task, FetchRecord | None, Future[Fetched]]],
    ahead: int,
    fetcher: Fetcher,
    log: FetchLog,
) -> None:
    """Start fetches from the front of the queue until ``ahead`` are under way."""
    while queue and len(pending) < ahead:
        batch = [queue.popleft() for _ in range(min(len(queue), ahead - len(pending)))]
        known = log.known([task.url for task in batch])
        for task in batch:
            record = known.get(task.url)
            if task.from_unchanged_feed and record is not None and record.items is None:
                log.unchanged(task.url, asked=False)
                continue
            pending.append((task, record, fetcher.submit(task.url, record)))


def _enqueue(
    queue: deque[_Task],
    seen: set[str],
    links: Iterable[str],
    dates: Mapping[str, dt.date | None],
    *,
    unchanged: bool,
) -> None:
    """Put a feed's item links at the front of the queue, in feed order, each URL once."""
    fresh = []
    for link in links:
        if link not in seen:
            seen.add(link)
            fresh.append(_Task(link, dates.get(link), unchanged))
    queue.extendleft(reversed(fresh))


def _read_fetched(
    fetched: Fetched,
    task: _Task,
    queue: deque[_Task],
    seen: set[str],
    log: FetchLog,
    default_date: dt.date | None,
) -> Iterator[Document | Failure]:
    parsed = _as_feed(fetched)
    if parsed is not None:
        links, dates, linkless = _feed_items(parsed, fetched.final_url)
        log.fetched(fetched.record(items=tuple(links)))
        _enqueue(queue, seen, links, dates, unchanged=False)
        if linkless:
            yield from _linkless_entries(fetched, parsed, linkless, default_date)
        return
    suffix = ".html" if fetched.media_type in HTML_TYPES else None
    if fetched.media_type in TEXT_TYPES:
        suffix = ".txt"
    body = with_transport_charset(fetched.body, fetched.charset)
    items = list(
        read_data(body, path=task.url, suffix=suffix, default_date=task.date or default_date)
    )
    documents = [item for item in items if isinstance(item, Document)]
    log.fetched(fetched.record(doc_id=documents[0].doc_id if documents else None))
    for item in items:
        if isinstance(item, Document):
            basis = item.date_basis
            if task.date is not None and basis == "option" and item.published == task.date:
                basis = "metadata"  # the date the feed gave the item
            yield _with_fetch(item, fetched, basis)
        else:
            yield item


def _with_fetch(document: Document, fetched: Fetched, basis: Any = None) -> Document:
    return replace(
        document,
        url=fetched.final_url,
        requested_url=fetched.url,
        final_url=fetched.final_url,
        fetched_at=fetched.fetched_at,
        http_status=fetched.status,
        date_basis=basis or document.date_basis,
    )


def _as_feed(fetched: Fetched) -> Any | None:
    """The parsed feed when the answer is an RSS/Atom feed, else None (a page)."""
    if fetched.media_type in HTML_TYPES or fetched.media_type in TEXT_TYPES:
        return None
    head = fetched.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if fetched.media_type in FEED_TYPES or head.startswith(_FEED_START):
        parsed = parse_feed(fetched.body)
        if parsed is not None and parsed.get("entries"):
            return parsed
    return None


def _feed_items(parsed: Any, base: str) -> tuple[list[str], dict[str, dt.date | None], set[str]]:
    """Item links (absolute, http/https, each once), their entry dates, and the numbers of
    entries without such a link (as feed.read_feed numbers them, from 1)."""
    links: list[str] = []
    dates: dict[str, dt.date | None] = {}
    linkless: set[str] = set()
    for number, entry in enumerate(parsed.get("entries") or [], start=1):
        link = (entry.get("link") or "").strip()
        try:
            url = urljoin(base, link) if link else ""
            scheme = urlsplit(url).scheme.lower()
        except ValueError:  # a malformed link ("http://[oops")
            url, scheme = "", ""
        if scheme not in ("http", "https"):
            linkless.add(str(number))
            continue
        url = url.split("#", 1)[0]
        if url not in dates:
            links.append(url)
            dates[url] = entry_date(entry)
    return links, dates, linkless


def _linkless_entries(
    fetched: Fetched, parsed: Any, numbers: set[str], default_date: dt.date | None
) -> Iterator[Document | Failure]:
    """The feed's own text for entries that link to no page."""
    for item in read_feed(fetched.body, path=fetched.url, default_date=default_date, parsed=parsed):
        if isinstance(item, Document):
            if item.record in numbers:
                yield replace(_with_fetch(item, fetched), url=item.url)
        else:
            found = _ENTRY.search(item.reason)
            if found is not None and found.group(1) in numbers:
                yield item
