"""Building a Document from what a reader found, with the date precedence in one place."""

from __future__ import annotations

import datetime as dt

from tripolar.errors import IngestError
from tripolar.ingest.identity import text_id
from tripolar.ingest.text import clean_line, same_words
from tripolar.model import DateBasis, Document


def build_document(
    paragraphs: list[str],
    *,
    title: str | None,
    url: str | None,
    source: str | None,
    path: str,
    record: str | None,
    fmt: str,
    metadata_date: dt.date | None,
    page_date: dt.date | None,
    default_date: dt.date | None,
) -> Document:
    """A Document, or IngestError when no text is left.

    Date precedence: metadata, then a dateline in the page, then the caller's default.
    A paragraph that only repeats the title at the top is dropped.
    """
    title = clean_line(title) if title else None
    body = [p for p in paragraphs if p]
    if title and len(body) > 1 and same_words(body[0], title):
        body = body[1:]
    text = "\n\n".join(body)
    if not text.strip():
        raise IngestError("no text found - the document has a title or markup but no body text")
    published: dt.date | None
    basis: DateBasis
    if metadata_date is not None:
        published, basis = metadata_date, "metadata"
    elif page_date is not None:
        published, basis = page_date, "page"
    elif default_date is not None:
        published, basis = default_date, "option"
    else:
        published, basis = None, "none"
    return Document(
        doc_id=text_id(text),
        text=text,
        title=title or None,
        url=clean_line(url) if url else None,
        source=clean_line(source) if source else None,
        path=path,
        record=record,
        format=fmt,
        published=published,
        date_basis=basis,
    )
