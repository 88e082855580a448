"""Paths in, Documents (or Failures) out: walking directories, choosing a reader by extension
or content, and turning every per-file problem into a Failure instead of an exception."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tripolar.errors import IngestError, UnsupportedFormatError
from tripolar.ingest.decode import decode_bytes, sniff_binary
from tripolar.ingest.document import build_document
from tripolar.ingest.feed import parse_feed, read_feed
from tripolar.ingest.html import extract_html
from tripolar.ingest.records import read_csv, read_json, read_jsonl
from tripolar.ingest.text import parse_plain
from tripolar.model import Document, Failure

STDIN = "-"
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
) -> Items:
    """Documents from files, directories (recursively) and ``-`` (standard input).

    Never raises for a bad file or record: yields a Failure and goes on with the rest.
    """
    visited: set[tuple[int, int]] = set()
    for given in paths:
        name = os.fspath(given)
        if name == STDIN:
            yield from read_stream(stdin if stdin is not None else sys.stdin, default_date)
        elif os.path.isdir(name):
            for found in _walk(name, visited):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from read_file(found, default_date=default_date)
        else:
            yield from read_file(name, default_date=default_date)


def read_file(path: str | Path, *, default_date: dt.date | None = None) -> Items:
    """Documents of one file, its format chosen by extension, else by its content."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as stream:
            suffix = Path(name).suffix.lower()
            if suffix in JSONL_SUFFIXES:
                yield from _guarded(
                    name, lambda: read_jsonl(stream, path=name, default_date=default_date)
                )
                return
            if suffix in {".csv", ".tsv"}:
                delimiter = "\t" if suffix == ".tsv" else None
                yield from _guarded(
                    name,
                    lambda: read_csv(
                        stream, path=name, delimiter=delimiter, default_date=default_date
                    ),
                )
                return
            data = stream.read()
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


def read_stream(stream: TextIO, default_date: dt.date | None = None) -> Items:
    """Documents from standard input (or any text stream); the format is sniffed."""
    buffer = getattr(stream, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        yield Failure(STDIN, None, f"[E010] standard input could not be read ({err})")
        return
    yield from _guarded(STDIN, lambda: _read_bytes(data, STDIN, None, default_date))


def _guarded(path: str, reader: Callable[[], Items]) -> Items:
    """Run a reader, turning the IngestError that ends it into a Failure."""
    try:
        yield from reader()
    except IngestError as err:
        yield Failure(path, err.line, f"[{err.code}] {err.reason}")


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
    first = next((line for line in data.split(b"\n", 50)[:50] if line.strip()), b"").strip()
    if first.startswith(b"{"):
        try:
            if isinstance(json.loads(first.decode("utf-8", "replace")), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    if head.startswith(b"["):
        try:
            json.loads(data)
            return "json"
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    return "text"


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
