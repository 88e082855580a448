"""Record files: JSON Lines, JSON arrays and CSV/TSV exports, one document per record.

Field names are matched case-insensitively, with spaces and dashes read as underscores
("Publish Date" is ``publish_date``). The first non-empty field of each group wins.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import BinaryIO, TypeVar

from tripolar.errors import IngestError, RecordError
from tripolar.ingest.dates import parse_date_value
from tripolar.ingest.decode import decode_bytes, detect_encoding, sniff_binary
from tripolar.ingest.document import build_document
from tripolar.ingest.html import fragment_to_text, looks_like_html
from tripolar.ingest.lines import BoundedLines, LineTooLong, UndecodableLine, rewound
from tripolar.ingest.text import parse_plain
from tripolar.model import Document, Failure

TEXT_FIELDS = ("text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "publish_date", "pubdate", "datetime", "timestamp")
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = ("source", "publisher", "site", "outlet")
ID_FIELDS = ("id",)
JSON_LIST_KEYS = ("articles", "items", "documents", "records", "data")
"""A JSON object with a list of records under one of these keys is read as that list."""

T = TypeVar("T")

CSV_FIELD_LIMIT = 64 * 1024 * 1024
_SAMPLE = 1 << 20


def _field_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _pick(fields: Mapping[str, object], names: tuple[str, ...]) -> object:
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and not value.strip():
            continue
        if value not in (None, [], {}):
            return value
    return None


def _as_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Mapping):  # {"name": "Reuters"} style sources
        inner = _pick({_field_key(str(k)): v for k, v in value.items()}, ("name", "title"))
        return inner if isinstance(inner, str) else None
    return None


def record_document(
    raw: Mapping[str, object],
    *,
    path: str,
    position: str | None,
    fmt: str,
    default_date: dt.date | None,
) -> Document:
    """One record as a Document; RecordError when it has no usable text."""
    fields = {_field_key(str(key)): value for key, value in raw.items()}
    text_value = _pick(fields, TEXT_FIELDS)
    if text_value is None:
        present = ", ".join(sorted(fields)) or "none"
        wanted = ", ".join(TEXT_FIELDS)
        if any(name in fields for name in TEXT_FIELDS):
            raise RecordError("the text field is empty - the record was skipped")
        raise RecordError(
            f"no text field (expected one of {wanted}; found {present}) - the record was skipped"
        )
    if isinstance(text_value, list) and all(isinstance(item, str) for item in text_value):
        text = "\n\n".join(text_value)  # a list of paragraphs
    elif isinstance(text_value, str):
        text = text_value
    else:
        raise RecordError(
            f"the text field holds a JSON {type(text_value).__name__}, not a string - "
            "the record was skipped"
        )
    if looks_like_html(text):
        text = fragment_to_text(text)
    title = _as_text(_pick(fields, TITLE_FIELDS))
    parts = parse_plain(text, find_title=title is None)
    record_id = _as_text(_pick(fields, ID_FIELDS))
    try:
        return build_document(
            parts.paragraphs,
            title=title or parts.title,
            url=_as_text(_pick(fields, URL_FIELDS)) or parts.url,
            source=_as_text(_pick(fields, SOURCE_FIELDS)) or parts.source,
            path=path,
            record=record_id or position,
            fmt=fmt,
            metadata_date=parse_date_value(_pick(fields, DATE_FIELDS)),
            page_date=parts.page_date,
            default_date=default_date,
        )
    except IngestError as err:
        raise RecordError(err.reason + " - the record was skipped") from None


def _failure(path: str, line: int | None, err: IngestError) -> Failure:
    return Failure(path, line, f"[{err.code}] {err.reason}")


def loads(text: str) -> object:
    """json.loads, with nesting or numbers too big for the parser reported as bad JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text[:20], 0) from None
    except ValueError:  # an integer of thousands of digits (Python's int size guard)
        raise json.JSONDecodeError("a number too long to read", text[:20], 0) from None


_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
STRAY_LINE_SHARE = 20
"""A record file is read as UTF-8 when at most one line in this many of its first MiB is not
UTF-8: a few stray lines do not make the file another encoding, and fail alone."""


def record_encoding(head: bytes) -> str:
    """The encoding of a record file (JSONL, CSV) from its first bytes.

    As `detect_encoding`, except that a few lines of stray bytes in otherwise UTF-8 (or
    ASCII) text leave the file UTF-8, so those lines fail alone wherever they are, as they
    do after the first MiB; guessing from them refused the whole file or misread it. When
    the guess is in doubt and most lines are UTF-8, the file is UTF-8 too.
    """
    if head.startswith(_UNICODE_BOMS):
        return detect_encoding(head)
    lines = [line for line in head.split(b"\n")[:-1] if line.strip()] or [head]
    bad = sum(1 for line in lines if not _is_utf8(line))
    if bad > 0 and bad * STRAY_LINE_SHARE <= len(lines):
        return "utf-8"
    try:
        return detect_encoding(head)
    except IngestError:
        if bad * 2 < len(lines):
            return "utf-8"
        raise


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _not_utf8(encoding: str, what: str, where: str = "") -> RecordError:
    advice = "" if encoding != "utf-8" else "; if the whole file is in another encoding, convert it"
    return RecordError(
        f"bytes that are not valid {encoding}{where} - the {what} was skipped{advice}"
    )


def _too_long(max_bytes: int | None, what: str) -> RecordError:
    return RecordError(
        f"{what} is longer than the limit of {max_bytes:,} characters - it was skipped; "
        "raise the limit with --max-bytes if the record is genuine"
    )


def read_jsonl(
    stream: BinaryIO,
    *,
    path: str,
    default_date: dt.date | None,
    max_bytes: int | None = None,
) -> Iterator[Document | Failure]:
    """JSON Lines, streamed: one object per line; blank lines are ignored.

    A line longer than ``max_bytes`` characters is refused without being held in memory.
    """
    objects = jsonl_objects(stream, path=path, max_bytes=max_bytes)
    yield from _each_object(
        objects,
        path,
        lambda value, number: record_document(
            value, path=path, position=str(number), fmt="jsonl", default_date=default_date
        ),
    )


def _each_object(
    objects: Iterator[tuple[int, dict[str, object]] | Failure],
    path: str,
    make: Callable[[dict[str, object], int], T],
) -> Iterator[T | Failure]:
    """``make(object, line)`` for each object; its IngestError becomes that line's Failure."""
    for item in objects:
        if isinstance(item, Failure):
            yield item
            continue
        number, value = item
        try:
            yield make(value, number)
        except IngestError as err:
            yield _failure(path, number, err)


def jsonl_objects(
    stream: BinaryIO, *, path: str, max_bytes: int | None = None
) -> Iterator[tuple[int, dict[str, object]] | Failure]:
    """(line number, object) for each JSON object line of a stream; a Failure for each line
    that is not one (bad bytes, bad JSON, another JSON type, over ``max_bytes``)."""
    head = stream.read(_SAMPLE)
    if not head.strip():
        raise IngestError("empty file - there is nothing to ingest")
    binary = sniff_binary(head)
    if binary:
        raise IngestError(f"binary file ({binary}) - convert it to JSONL text first")
    encoding = record_encoding(head)
    lines = BoundedLines(rewound(stream, head), encoding, max_bytes, newline=None)
    try:
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except LineTooLong as err:
                yield _failure(path, err.number, _too_long(max_bytes, "the line"))
                continue
            except UndecodableLine as err:
                yield _failure(path, err.number, _not_utf8(encoding, "line"))
                continue
            yield from _jsonl_line(line, lines.number, path=path)
    finally:
        lines.detach()


def _jsonl_line(
    line: str, number: int, *, path: str
) -> Iterator[tuple[int, dict[str, object]] | Failure]:
    line = line.strip().lstrip("\ufeff")
    if not line:
        return
    try:
        value = loads(line)
    except json.JSONDecodeError as err:
        reason = f"not valid JSON ({err.msg} at column {err.colno}) - the line was skipped"
        yield _failure(path, number, RecordError(reason))
        return
    if not isinstance(value, dict):
        kind = json_kind(value)
        reason = f"a JSON {kind} where an object {{...}} was expected - the line was skipped"
        yield _failure(path, number, RecordError(reason))
        return
    yield number, value


def json_kind(value: object) -> str:
    """The JSON name of a parsed value's type, for messages ("a JSON number")."""
    kinds = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return kinds.get(type(value), "number")


def read_text_records(
    path: str, *, stdin: BinaryIO | None = None, max_bytes: int | None = None
) -> Iterator[tuple[str, str, dt.date | None] | Failure]:
    """(id, text, date) of each line of a JSONL file of ``{"id", "text", "date"}`` records, as
    `tripolar code --input` reads them (``path`` "-": ``stdin``); a Failure for each line
    that is not such a record. The text is taken as it is; the date must be YYYY-MM-DD."""
    try:
        stream = stdin if path == "-" and stdin is not None else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        raise IngestError(f"cannot be read ({err.strerror or err})", path=path) from None
    with stream:
        objects = jsonl_objects(stream, path=path, max_bytes=max_bytes)
        yield from _each_object(objects, path, _text_record)


def _text_record(record: Mapping[str, object], number: int) -> tuple[str, str, dt.date | None]:
    text, date = record.get("text"), record.get("date")
    if text is None:
        raise RecordError('no "text" field - the record was skipped')
    if not isinstance(text, str):
        raise RecordError(
            f'the "text" field holds a JSON {json_kind(text)}, not a string - the record was '
            "skipped"
        )
    published = None
    if date is not None:
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(date) if isinstance(date, str) else None
        if published is None:
            raise RecordError(
                f'the "date" field {json.dumps(date)[:40]} is not a date written YYYY-MM-DD - '
                "the record was skipped"
            )
    record_id = record.get("id", number)
    return str(record_id) if not isinstance(record_id, str) else record_id, text, published


def read_json(
    data: bytes, *, path: str, default_date: dt.date | None
) -> Iterator[Document | Failure]:
    """A whole JSON document: an array of records, an object holding one, or one record.

    A file that is not one JSON document but whose lines are JSON objects is read as JSONL.
    """
    text = decode_bytes(data)
    try:
        value = loads(text)
    except json.JSONDecodeError as err:
        first = next((line for line in text.splitlines() if line.strip()), "")
        if first.lstrip().startswith("{"):
            yield from read_jsonl(io.BytesIO(text.encode()), path=path, default_date=default_date)
            return
        raise IngestError(
            f"not valid JSON ({err.msg} at line {err.lineno} column {err.colno}) - "
            "fix the file or export it as JSON Lines"
        ) from None
    items: object = value
    if isinstance(value, dict):
        keys = {_field_key(str(k)): v for k, v in value.items()}
        listed = next((keys[k] for k in JSON_LIST_KEYS if isinstance(keys.get(k), list)), None)
        items = listed if listed is not None else [value]
    if not isinstance(items, list):
        raise IngestError("the JSON holds neither records nor a list of records - nothing read")
    single = len(items) == 1 and items[0] is value
    for number, item in enumerate(items, start=1):
        where = "" if single else f"item {number}: "
        if not isinstance(item, dict):
            reason = f"{where}a JSON {type(item).__name__} where an object was expected - skipped"
            yield _failure(path, None, RecordError(reason))
            continue
        try:
            yield record_document(
                item,
                path=path,
                position=None if single else str(number),
                fmt="json",
                default_date=default_date,
            )
        except IngestError as err:
            yield Failure(path, None, f"[{err.code}] {where}{err.reason}")


def read_csv(
    stream: BinaryIO,
    *,
    path: str,
    delimiter: str | None,
    default_date: dt.date | None,
    max_bytes: int | None = None,
) -> Iterator[Document | Failure]:
    """CSV/TSV with a header row, streamed. ``delimiter`` None means sniff , ; or tab.

    A line or field longer than ``max_bytes`` characters is refused without being held in
    memory; the rows after it are read on. A quote that is never closed would make the rest
    of the file one field: that row fails, and the lines after it are read again as rows
    (a file is re-read from the start; standard input cannot be, so the rest is reported).
    """
    head = stream.read(_SAMPLE)
    if not head.strip():
        raise IngestError("empty file - there is nothing to ingest")
    binary = sniff_binary(head)
    if binary:
        raise IngestError(f"binary file ({binary}) - export the table as CSV text first")
    encoding = record_encoding(head)
    field_limit = min(max_bytes, CSV_FIELD_LIMIT) if max_bytes else CSV_FIELD_LIMIT
    if csv.field_size_limit() < field_limit:
        csv.field_size_limit(field_limit)
    if delimiter is None:
        delimiter = _sniff_delimiter(head, encoding)
    source = rewound(stream, head)
    lines = BoundedLines(source, encoding, max_bytes, newline="")
    try:
        names = _csv_header(lines, delimiter)
        rows = _CsvRows(path, names, delimiter, default_date, encoding, max_bytes)
        resume = yield from rows.read(lines, again=source.seekable())
        for _ in range(MAX_CSV_RESTARTS):
            if resume is None or not source.seekable():
                return
            lines.detach()
            source.seek(0)
            lines = BoundedLines(source, encoding, max_bytes, newline="")
            lines.skip(resume)
            resume = yield from rows.read(lines, again=True)
        if resume is not None:
            reason = (
                f"more than {MAX_CSV_RESTARTS} quotes are never closed - the lines after "
                f"line {resume} were not read; fix the quoting and ingest the file again"
            )
            yield _failure(path, resume, RecordError(reason))
    finally:
        lines.detach()  # leave the caller's stream open; the caller closes it


MAX_CSV_RESTARTS = 50
"""Unclosed quotes after which the rest of a CSV file is reported rather than re-read."""


def _csv_header(lines: BoundedLines, delimiter: str) -> list[str]:
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise IngestError("empty file - there is nothing to ingest") from None
    except (csv.Error, LineTooLong, UndecodableLine) as err:
        raise IngestError(f"the header row could not be read ({_describe(err)})", line=1) from None
    names = [_field_key(name) for name in header]
    if not any(name in TEXT_FIELDS for name in names):
        shown = ", ".join(header)[:300]
        raise IngestError(
            f"no text column (the header has {shown}); name the column holding "
            f"the article text one of {', '.join(TEXT_FIELDS)} - the file was skipped",
            line=1,
        )
    return names


class _Watched:
    """Lines for csv.reader, noting when they run out (a row returned after that was still
    inside a quoted field at the end of the file: csv.reader returns it without a word) and
    which lines held undecodable bytes (given to the reader with U+FFFD in their place, so
    the row they belong to ends where it should, and then fails)."""

    def __init__(self, lines: BoundedLines) -> None:
        self.lines = lines
        self.ended = False
        self.undecodable: list[int] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            return next(self.lines)
        except StopIteration:
            self.ended = True
            raise
        except UndecodableLine as err:
            self.undecodable.append(err.number)
            return err.line


class _CsvRows:
    """The rows after the header, as Documents or Failures."""

    def __init__(
        self,
        path: str,
        names: list[str],
        delimiter: str,
        default_date: dt.date | None,
        encoding: str,
        max_bytes: int | None,
    ) -> None:
        self.path = path
        self.names = names
        self.delimiter = delimiter
        self.default_date = default_date
        self.encoding = encoding
        self.max_bytes = max_bytes
        self.reported: set[int] = set()

    def read(
        self, lines: BoundedLines, *, again: bool
    ) -> Generator[Document | Failure, None, int | None]:
        """Rows to the end; returns the first line of a row that could not be completed (a
        quote never closed, or a line it runs into that could not be read: that row has
        failed), after which reading should start again, else None. A line fails once,
        however often it is read again."""
        watched = _Watched(lines)
        reader = csv.reader(watched, delimiter=self.delimiter)
        start: int | None = None
        while True:
            if start is None:
                start = lines.number + 1
            try:
                row = next(reader)
            except StopIteration:
                return None
            except LineTooLong as err:
                watched.undecodable.clear()
                yield from self._once(err.number, _too_long(self.max_bytes, "the row"))
                if err.number > start:  # inside a row of several lines: the row is cut
                    yield from self._once(start, _cut_row(start, err.number, again=again))
                    return start
                start = None
                continue
            except csv.Error as err:
                watched.undecodable.clear()
                yield from self._once(start, RecordError(f"not valid CSV ({err}) - skipped"))
                start = None
                continue
            if watched.ended:
                yield from self._once(start, _unclosed_quote(start, lines.number, again=again))
                return start
            row_start, start = start, None
            if watched.undecodable:
                named = ", ".join(map(str, watched.undecodable))
                where = "" if watched.undecodable == [row_start] else f" in line {named}"
                yield from self._once(row_start, _not_utf8(self.encoding, "row", where))
                watched.undecodable.clear()
                continue
            yield from self._row(row, row_start)

    def _once(self, line: int, err: IngestError) -> Iterator[Failure]:
        if line not in self.reported:
            self.reported.add(line)
            yield _failure(self.path, line, err)

    def _row(self, row: list[str], start: int) -> Iterator[Document | Failure]:
        if not any(cell.strip() for cell in row):
            return
        if len(row) > len(self.names):
            reason = (
                f"the row has {len(row)} fields but the header has {len(self.names)} - an "
                "unquoted delimiter inside a field? The row was skipped"
            )
            yield from self._once(start, RecordError(reason))
            return
        record = dict(zip(self.names, row, strict=False))
        try:
            yield record_document(
                record, path=self.path, position=str(start), fmt="csv",
                default_date=self.default_date,
            )  # fmt: skip
        except IngestError as err:
            yield from self._once(start, err)


def _rest(start: int, end: int, *, again: bool) -> str:
    if again:
        return "the lines after it were read again as rows"
    return (
        f"lines {start + 1}-{end} after it, read into it, were lost (standard input cannot "
        "be read again)"
    )


def _unclosed_quote(start: int, end: int, *, again: bool) -> RecordError:
    return RecordError(
        f"a quote opened in this row is never closed (it runs to the end of the file, line "
        f"{end}) - the row was skipped and {_rest(start, end, again=again)}; close the quote, "
        'or double a quote inside a field ("")'
    )


def _cut_row(start: int, end: int, *, again: bool) -> RecordError:
    return RecordError(
        f"the row runs on to line {end}, which could not be read - the row was skipped and "
        f"{_rest(start, end - 1, again=again)}; if a quote opened in it is not meant to hold "
        'several lines, close it or double it ("")'
    )


def _describe(err: Exception) -> str:
    if isinstance(err, LineTooLong):
        return "it is longer than the --max-bytes limit"
    if isinstance(err, UndecodableLine):
        return "it holds bytes that do not decode"
    return str(err)


def _sniff_delimiter(head: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    first = decoder.decode(head[:65536]).split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
