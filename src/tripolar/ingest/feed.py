"""RSS and Atom feeds: one document per entry, the entry date as metadata."""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections.abc import Iterator
from typing import Any

from tripolar.errors import IngestError, RecordError
from tripolar.ingest.dates import parse_date_value, plausible
from tripolar.ingest.document import build_document
from tripolar.ingest.html import fragment_to_text
from tripolar.ingest.text import parse_plain
from tripolar.model import Document, Failure


def parse_feed(data: bytes) -> Any | None:
    """The feedparser result when ``data`` is an RSS/Atom feed with entries, else None."""
    import feedparser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = feedparser.parse(data)  # bytes: never read as a URL or file name
    except Exception:  # feedparser's own parser bugs: the file is simply not a usable feed
        return None
    if not parsed.get("version") and not parsed.get("entries"):
        return None
    return parsed


def read_feed(
    data: bytes, *, path: str, default_date: dt.date | None, parsed: Any | None = None
) -> Iterator[Document | Failure]:
    """Documents for the entries of a feed; entries are numbered from 1 in ``record``."""
    parsed = parsed if parsed is not None else parse_feed(data)
    if parsed is None:
        raise IngestError(
            "not an RSS or Atom feed (no feed elements or entries found) - "
            "save the articles as HTML, text or JSONL instead"
        )
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise IngestError(f"the feed has no entries{detail} - nothing to ingest")
    channel = parsed.get("feed", {})
    source = channel.get("title") or None
    for number, entry in enumerate(entries, start=1):
        try:
            with warnings.catch_warnings():
                # feedparser warns when "updated" falls back to "published"; that is fine here.
                warnings.simplefilter("ignore", DeprecationWarning)
                document = _entry_document(
                    entry, number, source, path=path, default_date=default_date
                )
        except IngestError as err:
            yield Failure(path, None, f"[{err.code}] entry {number}: {err.reason}")
            continue
        yield document


def _entry_document(
    entry: Any, number: int, source: str | None, *, path: str, default_date: dt.date | None
) -> Document:
    bodies = [item.get("value", "") for item in entry.get("content") or []]
    body = max(bodies, key=len) if bodies else ""
    summary = entry.get("summary") or ""
    if len(summary) > len(body):
        body = summary
    if not body.strip():
        raise RecordError("the entry has no content or summary - it was skipped")
    parts = parse_plain(fragment_to_text(body), find_title=False)
    entry_source = (entry.get("source") or {}).get("title") or source
    try:
        return build_document(
            parts.paragraphs,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            source=entry_source,
            path=path,
            record=str(number),
            fmt="feed",
            metadata_date=entry_date(entry),
            page_date=parts.page_date,
            default_date=default_date,
        )
    except IngestError as err:
        raise RecordError(err.reason + " - the entry was skipped") from None


def entry_date(entry: Any) -> dt.date | None:
    """The entry's own date as written (local to the publisher), else feedparser's UTC date."""
    for key in ("published", "updated", "created"):
        value = parse_date_value(entry.get(key))
        if value is not None:
            return value
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            value = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            if plausible(value):
                return value
    return None
