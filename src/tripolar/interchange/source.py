"""Inputs of an import: files (plain, .gz, .bz2, .zip, .zst), directories and standard input,
read as numbered text lines, one stream at a time, never whole."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, cast

from tripolar.errors import IngestError

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Input:
    """One stream to read: its name in messages, and how to open it (binary)."""

    name: str
    path: Path | None  # the file on disk (None for standard input)
    member: str | None = None  # the member of a zip archive

    def fingerprint(self) -> str | None:
        """SHA-256 of the file's bytes (with the member name for zip members); None for
        standard input, which cannot be read twice."""
        if self.path is None:
            return None
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        if self.member is not None:
            digest.update(b"\0" + self.member.encode())
        return digest.hexdigest()


def inputs(paths: list[str]) -> Iterator[Input | IngestError]:
    """Each path as one or more inputs: a directory's files in name order (hidden files
    skipped), each member of a zip archive; '-' is standard input. A path that cannot be
    read is an IngestError in the stream, and the rest goes on."""
    for raw in paths:
        if raw == "-":
            yield Input("-", None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                yield from _file_inputs(file)
        elif path.is_file():
            yield from _file_inputs(path)
        else:
            yield IngestError("no such file or directory", path=raw)


def _file_inputs(path: Path) -> Iterator[Input | IngestError]:
    if path.suffix.lower() != ".zip":
        yield Input(str(path), path)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (OSError, zipfile.BadZipFile) as exc:
        yield IngestError(f"not a readable zip archive ({exc})", path=str(path))
        return
    for name in names:
        yield Input(f"{path}:{name}", path, name)


@contextmanager
def open_lines(item: Input, stdin: BinaryIO | None = None) -> Iterator[IO[str]]:
    """A text stream of the input (UTF-8, bad bytes replaced), decompressed by file suffix."""
    with _open_binary(item, stdin) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        try:
            yield text
        finally:
            text.detach()


@contextmanager
def _open_binary(item: Input, stdin: BinaryIO | None) -> Iterator[BinaryIO]:
    if item.path is None:
        yield stdin if stdin is not None else sys.stdin.buffer  # left open (detached)
        return
    if item.member is not None:
        with zipfile.ZipFile(item.path) as archive, archive.open(item.member) as member:
            yield _decompressed(member, item.member)
        return
    try:
        handle = item.path.open("rb")
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})", path=item.name) from exc
    with handle:
        yield _decompressed(handle, item.path.name)


def _decompressed(handle: IO[bytes], name: str) -> BinaryIO:
    lower = name.lower()
    if lower.endswith(".gz"):
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    if lower.endswith(".bz2"):
        return bz2.BZ2File(handle)  # type: ignore[return-value]
    if lower.endswith((".zst", ".zstd")):
        try:
            import zstandard
        except ImportError:
            raise IngestError(
                "zstd files need the zstandard package (pip install zstandard)", path=name
            ) from None
        return cast(BinaryIO, zstandard.ZstdDecompressor().stream_reader(handle))
    return handle  # type: ignore[return-value]
