"""Paths in, Documents (or Failures) out: walking directories, choosing a reader by extension
or content, and turning every per-file problem into a Failure instead of an exception."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
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
        refused = url_failure(name)
        if refused is not None:
            yield refused
        elif name == STDIN:
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


def url_failure(name: str) -> Failure | None:
    """A URL that reached the file reader (``workflow.ingest`` sends URLs to the fetcher,
    ingest/web.py): refused with a clear message, never opened as a file."""
    if not is_url(name):
        return None
    reason = "[E011] a URL is not a file - give it to `tripolar ingest`, which fetches http(s) URLs"
    return Failure(name, None, reason)


def missing_paths(paths: Sequence[str | Path]) -> list[str]:
    """The given paths that name nothing to read (no such file or folder; URLs and "-" are
    never missing): lets a caller refuse a run in which every path is a typo before it
    creates a database."""
    names = [os.fspath(p) for p in paths]
    return [n for n in names if n != STDIN and not is_url(n) and not os.path.lexists(n)]


def read_file(
    path: str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Items:
    """Documents of one file, its format chosen by extension, else by its content.

    A Document's ``path`` is the file's real path (absolute, links resolved), so the same
    file named two ways is one source, and two files of one name in different folders are
    two (versions follow it); a Failure names the file as it was given.
    """
    name = os.fspath(path)
    real: str | None = None
    for item in _read_file(name, default_date, max_bytes):
        if isinstance(item, Document) and item.path == name:
            real = real or os.path.realpath(name)
            item = replace(item, path=real)
        yield item


def _read_file(name: str, default_date: dt.date | None, max_bytes: int | None) -> Items:
    suffix = Path(name).suffix.lower()
    try:
        with open_regular(name) as stream:
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
    except SpecialFileError as err:
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


class SpecialFileError(IngestError):
    """A named pipe, socket or device where a file was expected: never opened for reading
    (opening a pipe waits for a writer, for ever if there is none)."""

    def __init__(self, mode: int) -> None:
        kind = _special_kind(mode)
        advice = " or pipe the data in on standard input ('-')" if stat.S_ISFIFO(mode) else ""
        super().__init__(
            f"{kind}, not a regular file - it was skipped; save the data to a file{advice}"
        )


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def open_regular(name: str) -> BinaryIO:
    """Open a regular file for reading; SpecialFileError for anything else, without waiting.

    The file is opened non-blocking, so a named pipe with no writer is seen for what it is
    instead of blocking the open (and the ingest, and its lock on the database) for ever.
    """
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        mode = os.stat(name).st_mode  # a socket cannot be opened at all: say what it is
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise SpecialFileError(mode) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(name)
        if not stat.S_ISREG(mode):
            raise SpecialFileError(mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _walk(directory: str, visited: set[tuple[int, int]]) -> Iterator[str | Failure]:
    """Files under ``directory`` in sorted order, hidden names skipped, each directory once.

    Iterative (a tree 1,000 folders deep is no recursion limit). Symbolic links are followed
    only to what lies inside ``directory``: a link to ``..`` or to a file elsewhere is
    reported, not read. Special files (pipes, sockets, devices) are reported, not opened.
    """
    root = os.path.realpath(directory)
    first = _listing(directory, visited)
    if isinstance(first, Failure):
        yield first
    if not isinstance(first, list):
        return
    stack: list[Iterator[os.DirEntry[str]]] = [iter(first)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            found = _classify(entry, root)
            is_dir = not isinstance(found, Failure) and entry.is_dir()
        except OSError as err:
            found = Failure(entry.path, None, f"[E010] could not be read ({err.strerror or err})")
            is_dir = False
        if not is_dir:
            yield found  # a regular file's path, or why the entry is not read
            continue
        listing = _listing(entry.path, visited)
        if isinstance(listing, Failure):
            yield listing
        elif listing is not None:
            stack.append(iter(listing))


def _classify(entry: os.DirEntry[str], root: str) -> str | Failure:
    """The entry's path (a directory or a regular file), or a Failure saying why it is not
    read (a broken link, a link out of the tree, a special file)."""
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            return Failure(entry.path, None, "[E010] a broken symbolic link - fix or remove it")
        if os.path.commonpath([root, target]) != root:
            return Failure(
                entry.path,
                None,
                f"[E010] a symbolic link to {target}, outside the directory given - it was "
                "not followed; give that path itself to read it",
            )
    if entry.is_dir() or entry.is_file():
        return entry.path
    error = SpecialFileError(entry.stat().st_mode)
    return Failure(entry.path, None, f"[{error.code}] {error.reason}")


def _listing(
    directory: str, visited: set[tuple[int, int]]
) -> list[os.DirEntry[str]] | Failure | None:
    """The sorted entries of a directory not read before; None when it was."""
    try:
        status = os.stat(directory)
    except OSError as err:
        return Failure(directory, None, f"[E010] could not be read ({err.strerror or err})")
    key = (status.st_dev, status.st_ino)
    if key in visited:
        return None  # a symlink back to a directory already read (or a loop)
    visited.add(key)
    try:
        with os.scandir(directory) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        reason = f"[E010] the directory could not be listed ({err.strerror or err})"
        return Failure(directory, None, reason)
