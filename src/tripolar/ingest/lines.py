"""Bounded reading: whole files within a byte limit, and record files line by line.

Nothing here reads more than the limit (plus one chunk) into memory, so a 200 MB file or a
record file with one enormous line is refused without being loaded.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from tripolar.errors import IngestError

CHUNK = 1 << 20


def limit_message(size: str, max_bytes: int) -> str:
    return (
        f"{size} is over the limit of {max_bytes:,} bytes - split it into smaller files, "
        f"save it as JSONL (read line by line), or raise the limit with --max-bytes"
    )


def read_bounded(stream: BinaryIO, max_bytes: int | None, *, what: str = "the file") -> bytes:
    """All of ``stream``, or IngestError as soon as it is longer than ``max_bytes``.

    Read a chunk at a time: ``read(max_bytes + 1)`` allocated the whole limit (50 MB) for
    every file, however small, before shrinking it to what was read."""
    if max_bytes is None:
        return stream.read()
    data = bytearray()
    while len(data) <= max_bytes:
        chunk = stream.read(min(CHUNK, max_bytes + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    if len(data) > max_bytes:
        raise IngestError(limit_message(f"{what} (more than {max_bytes:,} bytes)", max_bytes))
    return bytes(data)


class Prefixed(io.RawIOBase):
    """A stream that yields ``head`` first, then the rest of ``rest`` (for unseekable input)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            size = min(len(buffer), self._head.nbytes)
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def rewound(stream: BinaryIO, head: bytes) -> BinaryIO:
    """The stream from its start again, after ``head`` was read from it for sniffing."""
    if stream.seekable():
        stream.seek(0)
        return stream
    return io.BufferedReader(Prefixed(head, stream))


class LineTooLong(Exception):
    """A line longer than the limit; its remainder has been skipped."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class UndecodableLine(Exception):
    """A line holding bytes that are not valid in the file's encoding.

    ``line`` is the line with each such byte as U+FFFD, for readers that must still see
    where a record ends (a CSV row over several lines)."""

    def __init__(self, number: int, line: str = "") -> None:
        super().__init__(number)
        self.number = number
        self.line = line


class BoundedLines:
    """Decoded lines of a binary stream, each at most ``max_chars`` long.

    An over-long line raises LineTooLong (after skipping the rest of it) and a line with bytes
    the encoding cannot read raises UndecodableLine; both leave the iterator usable, so the
    caller reports the line and goes on. ``number`` is the 1-based number of the last line.
    """

    def __init__(
        self, stream: BinaryIO, encoding: str, max_chars: int | None, *, newline: str | None
    ) -> None:
        self._text = io.TextIOWrapper(
            stream, encoding=encoding, errors="surrogateescape", newline=newline
        )
        self._limit = max_chars
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            line, too_long = self._readline()
        except UnicodeDecodeError as err:  # UTF-16/32 damage that surrogateescape cannot hold
            raise IngestError(
                f"bytes that are not valid {err.encoding} after line {self.number} ({err.reason})"
                " - reading stopped here; convert the file to UTF-8 and ingest it again",
                line=self.number + 1,
            ) from None
        if too_long:
            raise LineTooLong(self.number)
        if _has_escapes(line):
            raise UndecodableLine(self.number, _ESCAPED.sub("\ufffd", line))
        return line

    def _readline(self) -> tuple[str, bool]:
        limit = -1 if self._limit is None else self._limit + 1
        line = self._text.readline(limit)
        if not line:
            raise StopIteration
        self.number += 1
        if self._limit is not None and len(line) > self._limit and not line.endswith("\n"):
            while True:  # skip to the end of the line, a bounded chunk at a time
                rest = self._text.readline(CHUNK)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            return "", True
        return line, False

    def skip(self, number: int) -> None:
        """Pass over lines until line ``number`` has been read, unchecked and unkept."""
        try:
            while self.number < number:
                self._readline()
        except StopIteration:
            return

    def detach(self) -> None:
        """Leave the underlying stream open; the caller closes it."""
        self._text.detach()


# surrogateescape turns each undecodable byte into U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]")


def _has_escapes(line: str) -> bool:
    return not line.isascii() and _ESCAPED.search(line) is not None
