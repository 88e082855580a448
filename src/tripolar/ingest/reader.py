"""Paths in, Documents (or Failures) out: walking directories, choosing a reader by extension
or content, and turning every per-file problem into a Failure instead of an exception."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from tripolar.errors import IngestError, UnsupportedFormatError
from tripolar.ingest.decode import decode_bytes, sniff_binary
from tripolar.ingest.document import build_document
from tripolar.ingest.feed import parse_feed, read_feed
from tripolar.ingest.html import extract_html
from tripolar.ingest.lines import Prefixed, limit_message, read_bounded
from tripolar.ingest.records import loads, read_csv, read_json, read_jsonl
from tripolar.ingest.text import parse_plain
from tripolar.model import Document, Failure

STDIN = "-"
DEFAULT_MAX_BYTES = 50_000_000
UNEXPECTED = "unexpected error in the reader"
"""Failure reasons containing this mark a reader bug rather than bad input."""
_SNIFF_BYTES = 1 << 20
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

Items = Iterator[Document | Failure]


def read_paths(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Items:
    """Documents from files, directories (recursively) and ``-`` (standard input).

    Never raises for a bad file or record: yields a Failure and goes on with the rest.
    A single-document file (text, HTML, JSON, feed) larger than ``max_bytes`` is refused
    before it is read; JSONL and CSV files are streamed and only a line or record over the
    limit is refused. ``max_bytes=None`` means no limit.
    """
    visited: set[tuple[int, int]] = set()
    for given in paths:
        name = os.fspath(given)
        if name == STDIN:
            source = stdin if stdin is not None else sys.stdin
            yield from read_stream(source, default_date, max_bytes=max_bytes)
        elif os.path.isdir(name):
            for found in _walk(name, visited):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from read_file(found, default_date=default_date, max_bytes=max_bytes)
        else:
            yield from read_file(name, default_date=default_date, max_bytes=max_bytes)


def is_url(name: str) -> bool:
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", name) is not None


def read_file(
    path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Items:
    """Documents of one file, its format chosen by extension, else by its content."""
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    try:
        with open(name, "rb") as stream:
            if suffix in JSONL_SUFFIXES:
                yield from _guarded(
                    name,
                    lambda: read_jsonl(
                        stream, path=name, default_date=default_date, max_bytes=max_bytes
                    ),
                )
                return
            if suffix in {".csv", ".tsv"}:
                delimiter = "\t" if suffix == ".tsv" else None
                yield from _guarded(
                    name,
                    lambda: read_csv(
                        stream,
                        path=name,
                        delimiter=delimiter,
                        default_date=default_date,
                        max_bytes=max_bytes,
                    ),
                )
                return
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                reason = limit_message(f"the file ({size:,} bytes)", max_bytes)
                yield Failure(name, None, f"[{IngestError.code}] {reason}")
                return
            try:
                # Bounded even when stat cannot tell the size (pipes, /proc files).
                data = read_bounded(stream, max_bytes)
            except IngestError as err:
                yield Failure(name, None, f"[{err.code}] {err.reason}")
                return
    except FileNotFoundError:
        yield Failure(name, None, "[E010] no such file or directory - check the path")
        return
    except IsADirectoryError:
        yield Failure(name, None, "[E010] is a directory - pass it to read_paths to read it")
        return
    except PermissionError:
        yield Failure(name, None, "[E010] permission denied - make the file readable")
        return
    except OSError as err:
        yield Failure(name, None, f"[E010] could not be read ({err.strerror or err})")
        return
    yield from _guarded(name, lambda: _read_bytes(data, name, suffix, default_date))


def read_stream(
    stream: TextIO,
    default_date: dt.date | None = None,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Items:
    """Documents from standard input (or any text stream); the format is sniffed.

    JSON Lines on standard input are streamed; anything else is read up to ``max_bytes``.
    """
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (io.StringIO): re-encode it in bounded chunks
        buffer = io.BufferedReader(_EncodedText(stream))
    try:
        head = buffer.read(_SNIFF_BYTES if max_bytes is None else min(max_bytes + 1, _SNIFF_BYTES))
    except (OSError, UnicodeDecodeError) as err:
        yield Failure(STDIN, None, f"[E010] standard input could not be read ({err})")
        return
    yield from _guarded(STDIN, lambda: _read_stdin(head, buffer, default_date, max_bytes))


def _read_stdin(
    head: bytes, rest: BinaryIO, default_date: dt.date | None, max_bytes: int | None
) -> Items:
    if head.strip() and not sniff_binary(head) and _looks_like_jsonl(head):
        stream = io.BufferedReader(Prefixed(head, rest))
        yield from read_jsonl(stream, path=STDIN, default_date=default_date, max_bytes=max_bytes)
        return
    left = None if max_bytes is None else max_bytes - len(head)
    if left is not None and left < 0:
        raise IngestError(limit_message("standard input", max_bytes or 0))
    try:
        tail = read_bounded(rest, left, what="standard input")
    except IngestError:
        raise IngestError(limit_message("standard input", max_bytes or 0)) from None
    yield from _read_bytes(head + tail, STDIN, None, default_date)


class _EncodedText(io.RawIOBase):
    """A text stream seen as UTF-8 bytes, read a bounded piece at a time."""

    def __init__(self, text: TextIO) -> None:
        super().__init__()
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            piece = self._text.read(max(1, len(buffer) // 4))
            if not piece:
                return 0
            self._pending = piece.encode("utf-8", "surrogateescape")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def read_data(
    data: bytes, *, path: str, suffix: str | None, default_date: dt.date | None = None
) -> Items:
    """Documents of bytes already in memory (a fetched page), read as a file named ``path``
    with extension ``suffix`` would be (None: the format is sniffed from the content)."""
    yield from _guarded(path, lambda: _read_bytes(data, path, suffix, default_date))


def _guarded(path: str, reader: Callable[[], Items]) -> Items:
    """Run a reader, turning the error that ends it into a Failure.

    IngestError is the expected way a reader gives up. Anything else is a bug in a reader or
    a parser library; it still must not stop the batch, so it becomes a Failure that says
    so (the fuzz harness counts those as crashes).
    """
    try:
        yield from reader()
    except IngestError as err:
        yield Failure(path, err.line, f"[{err.code}] {err.reason}")
    except Exception as err:
        yield Failure(
            path,
            None,
            f"[{IngestError.code}] {UNEXPECTED} ({type(err).__name__}: "
            f"{str(err)[:200]}) - the file was skipped; please report this",
        )


def _read_bytes(data: bytes, path: str, suffix: str | None, default_date: dt.date | None) -> Items:
    """Dispatch on extension; ``suffix`` None (stdin) or an unknown one means sniff."""
    if not data.strip():
        raise IngestError("empty file - there is nothing to ingest")
    if suffix in HTML_SUFFIXES:
        yield _html_document(data, path, default_date)
    elif suffix == ".json":
        yield from read_json(data, path=path, default_date=default_date)
    elif suffix in FEED_SUFFIXES:
        parsed = parse_feed(data)
        if parsed is None and _sniff(data) == "html":
            yield _html_document(data, path, default_date)
            return
        if parsed is None:
            raise UnsupportedFormatError(
                "an XML file that is not an RSS or Atom feed - only feeds are read from XML; "
                "convert it to JSONL or text"
            )
        yield from read_feed(data, path=path, default_date=default_date, parsed=parsed)
    elif suffix in TEXT_SUFFIXES and suffix != "":
        yield _text_document(data, path, default_date)
    else:
        yield from _read_sniffed(data, path, default_date)


def _read_sniffed(data: bytes, path: str, default_date: dt.date | None) -> Items:
    kind = _sniff(data)
    if kind == "html":
        yield _html_document(data, path, default_date)
    elif kind == "feed":
        yield from read_feed(data, path=path, default_date=default_date)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), path=path, default_date=default_date)
    elif kind == "json":
        yield from read_json(data, path=path, default_date=default_date)
    else:
        yield _text_document(data, path, default_date)


def _sniff(data: bytes) -> str:
    """html, feed, jsonl, json or text, judged from the first bytes."""
    binary = sniff_binary(data)
    if binary:
        raise IngestError(f"binary file ({binary}) - convert it to text, HTML or JSONL first")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<body" in head
    ):
        return "html"
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed" if parse_feed(data) is not None else ("html" if b"<html" in head else "text")
    if _looks_like_jsonl(data):
        return "jsonl"
    if head.startswith(b"["):
        try:
            loads(data.decode("utf-8"))
            return "json"
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    return "text"


def _looks_like_jsonl(data: bytes) -> bool:
    """Is the first non-blank line (of the first 50) a JSON object?"""
    first = next((line for line in data.split(b"\n", 50)[:50] if line.strip()), b"").strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(loads(first.decode("utf-8", "replace")), dict)
    except json.JSONDecodeError:
        return False


def _html_document(data: bytes, path: str, default_date: dt.date | None) -> Document:
    parts = extract_html(decode_bytes(data, declared_ok=True))
    return build_document(
        parts.paragraphs,
        title=parts.title,
        url=parts.url,
        source=parts.source,
        path=path,
        record=None,
        fmt="html",
        metadata_date=parts.metadata_date,
        page_date=parts.page_date,
        default_date=default_date,
    )


def _text_document(data: bytes, path: str, default_date: dt.date | None) -> Document:
    parts = parse_plain(decode_bytes(data))
    return build_document(
        parts.paragraphs,
        title=parts.title,
        url=parts.url,
        source=parts.source,
        path=path,
        record=None,
        fmt="txt",
        metadata_date=None,
        page_date=parts.page_date,
        default_date=default_date,
    )


def _walk(directory: str, visited: set[tuple[int, int]]) -> Iterator[str | Failure]:
    """Files under ``directory`` in sorted order, hidden names skipped, each directory once."""
    try:
        status = os.stat(directory)
    except OSError as err:
        yield Failure(directory, None, f"[E010] could not be read ({err.strerror or err})")
        return
    key = (status.st_dev, status.st_ino)
    if key in visited:
        return  # a symlink back to a directory already read (or a loop)
    visited.add(key)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        reason = f"[E010] the directory could not be listed ({err.strerror or err})"
        yield Failure(directory, None, reason)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        full = os.path.join(directory, entry.name)
        try:
            if entry.is_dir():
                yield from _walk(full, visited)
            elif entry.is_file():
                yield full
            elif entry.is_symlink():
                yield Failure(full, None, "[E010] a broken symbolic link - fix or remove it")
        except OSError as err:
            yield Failure(full, None, f"[E010] could not be read ({err.strerror or err})")
