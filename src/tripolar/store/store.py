"""The Store: the only code that talks to DuckDB."""

from __future__ import annotations

import copy
import datetime as dt
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from tripolar.actors.lookup import resolve_actors, resolve_dyad
from tripolar.errors import (
    AnalyticsError,
    DatabaseNotFoundError,
    SchemaVersionError,
    StoreError,
    StoreLockedError,
)
from tripolar.model import (
    Assessment,
    CodedDocument,
    Document,
    Event,
    Failure,
    FetchRecord,
    date_precision_of,
    make_event_id,
)
from tripolar.store.access import (
    HOLD_SECONDS,
    READ_WAIT_SECONDS,
    WRITE_WAIT_SECONDS,
    WriterLock,
    connect,
    is_lock_error,
    knocked,
    knocking,
)
from tripolar.store.diagnose import database_error
from tripolar.store.distinct import identify, identify_backlog
from tripolar.store.schema import (
    LINEAGE_SQL,
    MIGRATIONS,
    REPAIR_EARLY_V3,
    SCHEMA_VERSION,
    TABLES,
    VIEWS,
)

if TYPE_CHECKING:
    import pandas as pd  # query results are DataFrames; DuckDB imports pandas when asked for one

EVENT_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "start_char", "end_char", "trigger_start",
    "trigger_end", "source", "source_text", "target", "target_text", "code", "root",
    "goldstein", "quad_class", "event_date", "date_basis", "rule", "sentence", "date_precision",
)  # fmt: skip
EVENT_TYPES = (
    pa.string(), pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.int32(), pa.int32(),
    pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.float64(), pa.int8(), pa.date32(), pa.string(), pa.string(), pa.string(), pa.string(),
)  # fmt: skip
COUNTRY_COLUMNS = (
    ("source_country", "upper(left(source, 3))"),
    ("target_country", "upper(left(target, 3))"),
)
"""Event columns the writer derives (the same expressions as the schema-3 migration)."""

DOCUMENT_COLUMNS = (
    "doc_id", "title", "url", "source", "path", "record", "format", "published", "date_basis",
    "text", "ingested_at", "version", "supersedes", "outlet", "requested_url", "final_url",
    "fetched_at", "http_status",
)  # fmt: skip
DOCUMENT_TYPES = (
    pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.date32(), pa.string(), pa.large_string(), pa.timestamp("us"), pa.int32(), pa.string(),
    pa.string(), pa.string(), pa.string(), pa.timestamp("us"), pa.int16(),
)  # fmt: skip
SUPERSEDES = DOCUMENT_COLUMNS.index("supersedes")

OWN_DATASET = "tripolar"
"""The ``dataset`` of events tripolar coded itself; imported events carry their dataset's name."""

BULK_MEMORY_LIMIT = 32 * 2**20
"""DuckDB's memory limit during an ingest (`Store.bulk_writing`): 1 M -> 4 M words grew the
peak RSS by 72 MiB with the default limit, by 23 MiB with this one, for 13 % more store time."""
IDENTITY_MEMORY_LIMIT = 64 * 2**20  # while a batch's events are linked (`Store._identify`)
BULK_MEMORY_PER_TEXT_BYTE = 8  # a batch with more text raises the limit to 8 bytes per char

FETCH_COLUMNS = (
    "url", "final_url", "status", "etag", "last_modified", "content_type", "doc_id", "items",
    "fetched_at", "checked_at",
)  # fmt: skip
FETCH_TYPES = (
    pa.string(), pa.string(), pa.int16(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.list_(pa.string()), pa.timestamp("us"), pa.timestamp("us"),
)  # fmt: skip

IMPORTED_COLUMNS = (
    "key", "original_id", "event_date", "source", "source_text", "target", "target_text",
    "code", "root", "goldstein", "quad_class", "url", "dataset_mentions", "dataset_sources",
    "dataset_articles",
    "tone", "sentence",
)  # fmt: skip
"""One imported event (tripolar.interchange.record.ROW_FIELDS)."""
IMPORTED_TYPES = (
    pa.string(), pa.string(), pa.date32(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.string(), pa.string(), pa.float64(), pa.int8(), pa.string(), pa.int32(), pa.int32(),
    pa.int32(), pa.float64(), pa.string(),
)  # fmt: skip

SENTENCE_COLUMNS = ("doc_id", "sentence_index", "start_char", "end_char", "paragraph", "text")
SENTENCE_TYPES = (pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.int32(), pa.string())


def lineage(document: Document) -> str | None:
    """The key a new version of ``document`` shares with it (mirrors schema.LINEAGE_SQL)."""
    if document.url is not None:
        return "url:" + document.url
    if document.record is None and document.path is not None and document.path != "-":
        return "path:" + storable(document.path)
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """A path or message DuckDB can hold: a file name's undecodable bytes (surrogate escapes,
    U+DC80-U+DCFF) are written as \\xNN, other lone surrogates as \\uNNNN."""
    return _SURROGATE.sub(_escape_surrogate, text)


def _escape_surrogate(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def places(document: Document) -> list[tuple[str, str]]:
    """(location, record) pairs where ``document`` was seen: its URL, and its file with the
    record within it; standard input is no place."""
    found = [(document.url, "")] if document.url else []
    if document.path and document.path != "-":
        found.append((storable(document.path), document.record or ""))
    return found


LOCATION_COLUMNS = ("doc_id", "location", "record", "first_seen")
LOCATION_TYPES = (pa.string(), pa.string(), pa.string(), pa.timestamp("us"))


def _locked_message(target: str, detail: str, read_only: bool) -> str:
    found = re.search(r"PID (\d+)", detail)
    holder = f"another process (PID {found.group(1)})" if found else "another process"
    if read_only:
        return (
            f"{target} is being written by {holder}, which kept it locked for "
            f"{READ_WAIT_SECONDS:.0f} s - try again; an ingest lets readers in between its "
            "batches, but a process that keeps the database open for writing does not"
        )
    return (
        f"{target} is in use by {holder} - only one process can write a database at a time; "
        "wait for the other ingest (or reader) to finish, or write to a different --db file"
    )


ASSESSMENT_COLUMNS = (
    "doc_id", "sentence_index", "start_char", "end_char", "sentence", "subject", "scope",
    "polarity", "intensity", "dimension", "time_orientation", "modality", "holder",
    "holder_code", "cues", "cue_start", "cue_end", "negated", "hedged", "rule", "published",
)  # fmt: skip
ASSESSMENT_TYPES = (
    pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.string(), pa.string(), pa.string(),
    pa.float64(), pa.float64(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.string(), pa.list_(pa.string()), pa.int32(), pa.int32(), pa.bool_(), pa.bool_(),
    pa.string(), pa.date32(),
)  # fmt: skip


def _dyad_codes(dyad: str) -> list[str]:
    """ "CHN-RUS" (or "China-Russia", "chn_rus") -> ["CHN", "RUS"]: the parties of a dyad
    option, each a country code or a longer actor code (IGOWSTNAT); unknown ones refused."""
    first, second, _ = resolve_dyad(dyad)
    return [first, second]


def _party(column: str, code: str) -> str:
    """SQL matching one party: a country by its stored country column, a longer code
    (IGOWSTNAT, RUSMIL) by prefix. The one parameter is ``code``."""
    if len(code) == 3:
        return f"e.{column}_country = ?"
    return f"starts_with(e.{column}, ?)"


def _event_filters(
    dyad: str | None,
    actors: Sequence[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    code: str | None,
    *,
    dataset: str,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions (over alias ``e``) and their parameters for the event filters of
    `Store.events` and `Store.distinct_events`; ``dataset`` "*" reads every dataset."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if dataset != "*":
        where.append("e.dataset = ?")
        params.append(dataset)
    if dyad:
        a, b = _dyad_codes(dyad)
        where.append(
            f"(({_party('source', a)} AND {_party('target', b)}) OR "
            f"({_party('source', b)} AND {_party('target', a)}))"
        )
        params += [a, b, b, a]
    if actors:
        codes = resolve_actors(actors)
        for column in ("source", "target"):
            where.append("(" + " OR ".join(_party(column, c) for c in codes) + ")")
            params += codes
    if since:
        where.append("e.event_date >= ?")
        params.append(since)
    if until:
        where.append("e.event_date <= ?")
        params.append(until)
    if code:
        where.append("starts_with(e.code, ?)")
        params.append(code)
    return where, params


def _limit(limit: int | None, params: list[Any]) -> str:
    if limit is None:
        return ""
    if limit < 0:
        raise AnalyticsError(f"limit must be >= 0, got {limit}")
    params.append(int(limit))
    return " LIMIT ?"


_SCOPED_TABLES = ("current_events", "distinct_events")
_UNSCOPED = {t: re.compile(rf"(?<![\w.])(?<!INTO ){t}\b", re.IGNORECASE) for t in _SCOPED_TABLES}


def _scope_events(query: str) -> tuple[str, int]:
    """``query`` with ``current_events`` and ``distinct_events`` bound to one dataset's rows
    (leading CTEs whose parameters come first), and how many such parameters it takes."""
    ctes = [
        f"{t} AS (SELECT * FROM main.{t} WHERE dataset = ?)"
        for t, pattern in _UNSCOPED.items()
        if pattern.search(query)
    ]
    if not ctes:
        return query, 0
    cte = ", ".join(ctes)
    head = query.lstrip()
    if head[:5].upper() == "WITH ":
        return f"WITH {cte}, {head[5:]}", len(ctes)
    return f"WITH {cte} {head}", len(ctes)


def _assessment_row(a: Assessment) -> tuple[Any, ...]:
    return (
        a.doc_id, a.sentence_index, a.start, a.end, a.sentence, a.subject, a.scope, a.polarity,
        a.intensity, a.dimension, a.time, a.modality, a.holder, a.holder_code, list(a.cues),
        a.cue_start, a.cue_end, a.negated, a.hedged, a.rule, a.published,
    )  # fmt: skip


def _fallback_id(event: Event) -> str:
    """For events built by hand without an id (the coder always sets one)."""
    return make_event_id(
        event.doc_id, event.sentence_index, event.trigger_start, event.source, event.target,
        event.code,
    )  # fmt: skip


def _event_row(event: Event) -> tuple[Any, ...]:
    return (
        event.event_id or _fallback_id(event), event.doc_id, event.sentence_index, event.start,
        event.end, event.trigger_start, event.trigger_end, event.source, event.source_text,
        event.target, event.target_text, event.code, event.root, event.goldstein,
        event.quad_class, event.event_date, event.date_basis, event.rule, event.sentence,
        date_precision_of(event.event_date, event.date_precision),
    )  # fmt: skip


_IGNORE_REPEATS = frozenset({"assessments", "document_locations"})
"""Tables with a primary key, where a row already stored is left as it is."""


class Store:
    """A tripolar database: open it, add coded documents, query events as DataFrames."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        path: str,
        writer_lock: WriterLock | None = None,
        dataset: str = OWN_DATASET,
    ) -> None:
        self._connection: duckdb.DuckDBPyConnection | None = connection
        self.path = path
        self._writer_lock = writer_lock  # held from open to close by a file's writer
        self.dataset = dataset  # whose events `events()` and the analytics' SQL read
        self._bulk_limit: int | None = None  # bytes, while `bulk_writing` is on
        self._memory_limit: int | None = None  # the memory_limit now set, if bulk set it
        self._held_since = time.monotonic()  # when this writer last opened the file
        self._one_thread = False  # whether bulk writing has set DuckDB to one thread

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection; opened again (waiting for readers) after `release`."""
        if self._connection is None:
            try:
                self._connection = connect(self.path, read_only=False, wait=WRITE_WAIT_SECONDS)
            except duckdb.Error as exc:
                if is_lock_error(exc):
                    raise StoreLockedError(_locked_message(self.path, str(exc), False)) from exc
                raise StoreError(f"cannot open {self.path}: {exc}") from exc
            self._connection.execute("SET enable_progress_bar = false")
            self._memory_limit = None  # a new connection starts with DuckDB's defaults
            self._one_thread = False
            self._held_since = time.monotonic()
        return self._connection

    def readers_waiting(self) -> bool:
        """Whether a reader has knocked at this writer's file (`tripolar.store.access`): the
        ingest then writes what it has coded sooner, so that `release` lets the reader in."""
        return self._writer_lock is not None and knocking(self.path)

    def release(self) -> None:
        """Close a writer's file until its next statement, so that readers can get in: when
        a reader has knocked, or the file has been held `HOLD_SECONDS` (closing costs a
        checkpoint, opening the catalog's load: `tripolar.store.access`).

        The writer keeps its `WriterLock`: no other writer gets in meanwhile. A throwaway
        in-memory database is kept (its data lives nowhere else)."""
        if self._connection is None or self._writer_lock is None:
            return
        if knocked(self.path) or time.monotonic() - self._held_since >= HOLD_SECONDS:
            self._connection.close()
            self._connection = None

    @contextmanager
    def bulk_writing(self, memory_limit: int = BULK_MEMORY_LIMIT) -> Iterator[None]:
        """Cap DuckDB's buffer memory while a long run of `add` calls goes on.

        DuckDB keeps the blocks it has written in its buffer pool up to its memory limit (by
        default most of the machine's memory), so an ingest's memory grew with the size of
        the database. Under the cap the written blocks are evicted instead (they are on disk
        already); a batch larger than the cap raises it for that batch. The previous limit
        is restored on exit. An in-memory database is left alone: its blocks live nowhere
        else. DuckDB also runs on one thread meanwhile: a batch's inserts and links are
        small, and its worker threads cost CPU time that the coding needs (about a quarter
        of the store's, more on a busy machine).
        """
        if self.path == ":memory:" or self._bulk_limit is not None:
            yield
            return
        row = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        previous = row[0] if row else None
        self._bulk_limit = memory_limit
        failed = False
        try:
            yield
        except BaseException:
            failed = True
            raise
        finally:
            self._bulk_limit = None
            if self._one_thread and self._connection is not None:
                self._one_thread = False
                with suppress(duckdb.Error):
                    self._connection.execute("RESET threads")
            if self._memory_limit is not None and self._connection is not None:
                self._memory_limit = None
                try:
                    self._restore_memory_limit(previous)
                except duckdb.Error:
                    if not failed:  # else the error in flight is the one to report
                        raise

    def _restore_memory_limit(self, previous: str | None) -> None:
        """Back to `previous`; RESET first, since the setting prints rounded (18.8 GiB)."""
        self.connection.execute("RESET memory_limit")
        row = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        if previous is not None and (row is None or row[0] != previous):
            self.connection.execute(f"SET memory_limit = '{previous}'")

    def _bound_memory(self, text: int) -> None:
        """Under `bulk_writing`, DuckDB's memory limit for a write of ``text`` characters."""
        if self._bulk_limit is None:
            return
        if not self._one_thread:
            self.connection.execute("SET threads = 1")
            self._one_thread = True
        limit = max(self._bulk_limit, BULK_MEMORY_PER_TEXT_BYTE * text)
        if limit != self._memory_limit:
            self.connection.execute(f"SET memory_limit = '{limit}B'")
            self._memory_limit = limit

    @classmethod
    def open(
        cls, path: str | Path = "tripolar.duckdb", *, read_only: bool = False, create: bool = True
    ) -> Store:
        """Open (and create or migrate) a database file; ``":memory:"`` for a throwaway one.

        A file that does not exist is created only when writing with ``create`` (the
        default); reading it, or ``create=False``, raises DatabaseNotFoundError instead.
        """
        target = str(path)
        if target != ":memory:" and not Path(target).exists() and (read_only or not create):
            raise DatabaseNotFoundError(
                f"{target} does not exist - ingest documents into it first "
                f"(tripolar ingest FILES --db {target})",
                path=target,
            )
        lock = None
        if not read_only and target != ":memory:":
            lock = WriterLock(target)
            holder = lock.acquire()
            if holder is not None:
                raise StoreLockedError(_locked_message(target, f"PID {holder}", read_only))
        try:
            connection = connect(
                target,
                read_only=read_only,
                wait=READ_WAIT_SECONDS if read_only else WRITE_WAIT_SECONDS,
            )
        except duckdb.Error as exc:
            if lock is not None:
                lock.release()
            if is_lock_error(exc):
                raise StoreLockedError(_locked_message(target, str(exc), read_only)) from exc
            raise database_error(exc, target) or StoreError(
                f"cannot open {target}: {exc}"
            ) from None
        store = cls(connection, target, lock)
        try:
            # DuckDB draws a progress bar on the terminal for long statements (a migration);
            # the library never prints.
            connection.execute("SET enable_progress_bar = false")
            if read_only and store._needs_migration():
                # A reader meeting an older file migrates it once, then reads as asked.
                connection.close()
                cls.open(target, read_only=False).close()
                return cls.open(target, read_only=True)
            store._prepare(read_only=read_only)
        except duckdb.Error as exc:
            store.close()
            raise database_error(exc, target) or StoreError(
                f"cannot open {target}: {exc}"
            ) from None
        except StoreError:
            store.close()
            raise
        return store

    def _needs_migration(self) -> bool:
        has_meta = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not (has_meta and has_meta[0]):
            return False
        return self.schema_version() < SCHEMA_VERSION or self._is_early_v3()

    def _is_early_v3(self) -> bool:
        """A schema-3 file from a development build, without stored countries and flags."""
        if self.schema_version() != 3:
            return False
        row = self.connection.execute(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = 'events' AND column_name = 'superseded'"
        ).fetchone()
        return not (row and row[0])

    def _prepare(self, *, read_only: bool) -> None:
        has_meta = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not has_meta or has_meta[0] == 0:
            if read_only:
                raise StoreError(f"{self.path} is not a tripolar database (no meta table)")
            with self.transaction():
                self.connection.execute(TABLES)
                self.connection.execute(VIEWS)
                self._set_version(SCHEMA_VERSION)
            return
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} was written by a newer tripolar (schema {version}, this one "
                f"reads up to {SCHEMA_VERSION}) - upgrade tripolar to open it"
            )
        if self._is_early_v3():  # brought to the released schema 3 before any later step
            with self.transaction():
                self.connection.execute(REPAIR_EARLY_V3)
                self.connection.execute(VIEWS)
        if version < SCHEMA_VERSION:
            self._migrate(version)
        if not read_only:
            self.link_events()

    def link_events(self) -> int:
        """Link current events that have no distinct event yet into distinct events.

        `add` links what it stores; this catches rows written another way (a bulk import
        in SQL, an older tripolar) and runs whenever the store is opened for writing.
        Returns how many documents had such events.
        """
        pending = self.connection.execute(
            "SELECT 1 FROM events WHERE distinct_id IS NULL AND NOT superseded LIMIT 1"
        ).fetchone()
        if pending is None:
            return 0
        with self.transaction():
            return identify_backlog(self.connection)

    def _migrate(self, version: int) -> None:
        with self.transaction():
            if self._is_early_v3():
                self.connection.execute(REPAIR_EARLY_V3)
            while version < SCHEMA_VERSION:
                self.connection.execute(MIGRATIONS[version])
                version += 1
            self.connection.execute(VIEWS)
            identify_backlog(self.connection)  # rows stored before event identity
            self._set_version(version)

    def _set_version(self, version: int) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
        )

    def schema_version(self) -> int:
        row = self.connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
        return int(row[0]) if row else 0

    # -- writing ---------------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        return _Transaction(self.connection)

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return set()
        rows = self.connection.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def add(self, coded: Sequence[CodedDocument]) -> int:
        """Store coded documents in one transaction; documents already stored are skipped.

        A document with the URL (or, for a whole-file document, the path) of one already
        stored but different text is a new version: ``version`` counts up and ``supersedes``
        names the document it replaces, which stays in the store; the replaced document's
        events and assessments are flagged ``superseded``. Rows repeated within the batch
        (same event id; same document and sentence index; same document, sentence and
        subject) are stored once, the first. Each table is written as one Arrow table.
        Returns how many documents were new.
        """
        try:
            return self._add(coded)
        except duckdb.Error as exc:
            raise database_error(exc, self.path) or exc from None

    def _add(self, coded: Sequence[CodedDocument]) -> int:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._bound_memory(sum(len(c.document.text) for c in coded))
        with self.transaction():
            fresh, replaced = self._add_documents(coded, now)
            if not fresh:
                return 0
            self._add_rows(fresh.values(), replaced)
            self._supersede_and_link(list(fresh), replaced)
        return len(fresh)

    def add_parts(self, parts: Iterable[CodedDocument]) -> int:
        """Store one document given as its results a work unit at a time, in text order
        (`Pipeline.code_parts`: the same `Document`, whole-document offsets), in one
        transaction written unit by unit, so memory follows the unit, not the document.

        Otherwise as `add`: a document stored already is skipped (its parts are read all
        the same). Returns 1 when the document was new, else 0."""
        try:
            return self._add_parts(iter(parts))
        except duckdb.Error as exc:
            raise database_error(exc, self.path) or exc from None

    def _add_parts(self, parts: Iterator[CodedDocument]) -> int:
        first = next(parts, None)
        if first is None:
            return 0
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._bound_memory(len(first.document.text))  # the document row holds the text
        with self.transaction():
            fresh, replaced = self._add_documents([first], now)
            if fresh:
                self._bound_memory(0)  # the parts' rows are small tables
                for part in chain([first], parts):
                    self._add_rows([part], replaced)
                self._supersede_and_link(list(fresh), replaced)
                self._bound_memory(len(first.document.text))  # the commit pins the text
        for _ in parts:  # a known document: its parts are consumed, nothing is written
            pass
        return len(fresh)

    def _add_documents(
        self, coded: Sequence[CodedDocument], now: dt.datetime
    ) -> tuple[dict[str, CodedDocument], set[str]]:
        """Write the rows of the documents not stored yet, with their versions, and the
        places of all; the new ones by id, and the ids of the documents they replace."""
        known = self.known_documents(c.document.doc_id for c in coded)
        fresh: dict[str, CodedDocument] = {}
        for item in coded:
            if item.document.doc_id not in known:
                fresh.setdefault(item.document.doc_id, item)
        if not fresh:
            self._insert_places([c.document for c in coded], now)
            return fresh, set()
        latest = self._latest_versions([c.document for c in fresh.values()])
        documents = []
        for d in (c.document for c in fresh.values()):
            key = lineage(d)
            version, supersedes = 1, None
            if key is not None and key in latest:
                previous_id, previous_version = latest[key]
                version, supersedes = previous_version + 1, previous_id
            if key is not None:
                latest[key] = (d.doc_id, version)
            path = storable(d.path) if d.path else d.path
            documents.append(
                (d.doc_id, d.title, d.url, d.source, path, d.record, d.format, d.published,
                 d.date_basis, d.text, now, version, supersedes, d.outlet, d.requested_url,
                 d.final_url, d.fetched_at, d.http_status)
            )  # fmt: skip
        replaced = {str(row[SUPERSEDES]) for row in documents if row[SUPERSEDES] is not None}
        self._insert("documents", DOCUMENT_COLUMNS, DOCUMENT_TYPES, documents)
        self._insert_places([c.document for c in coded], now)
        return fresh, replaced

    def _add_rows(self, coded: Iterable[CodedDocument], replaced: set[str]) -> None:
        """Write the sentences, events and assessments of new documents; rows repeated
        within ``coded`` are written once, the first."""
        coded = list(coded)
        sentences: dict[tuple[str, int], tuple[Any, ...]] = {}
        for x in (x for c in coded for x in c.sentences):
            sentences.setdefault(
                (x.doc_id, x.index), (x.doc_id, x.index, x.start, x.end, x.paragraph, x.text)
            )
        self._insert("sentences", SENTENCE_COLUMNS, SENTENCE_TYPES, list(sentences.values()))
        events: dict[str, tuple[Any, ...]] = {}
        for e in (e for c in coded for e in c.events):
            row = _event_row(e)
            events.setdefault(row[0], (*row, e.doc_id in replaced))
        self._insert(
            "events",
            (*EVENT_COLUMNS, "superseded"),
            (*EVENT_TYPES, pa.bool_()),
            list(events.values()),
            derived=COUNTRY_COLUMNS,
        )
        assessments: dict[tuple[str, int, str], tuple[Any, ...]] = {}
        for a in (a for c in coded for a in c.assessments):
            key3 = (a.doc_id, a.sentence_index, a.subject)
            assessments.setdefault(key3, (*_assessment_row(a), a.doc_id in replaced))
        self._insert(
            "assessments",
            (*ASSESSMENT_COLUMNS, "superseded"),
            (*ASSESSMENT_TYPES, pa.bool_()),
            list(assessments.values()),
        )

    def _supersede_and_link(self, new_docs: list[str], replaced: set[str]) -> None:
        """Flag the rows of stored documents that new ones replace, then link the new
        mentions into distinct events."""
        stored_replaced = sorted(replaced - set(new_docs))
        if stored_replaced:
            for table in ("events", "assessments"):
                self.connection.execute(
                    f"UPDATE {table} SET superseded = true "
                    "WHERE doc_id IN (SELECT unnest(?)) AND NOT superseded",
                    [stored_replaced],
                )
        self._identify(new_docs, sorted(replaced))

    def add_places(self, documents: Sequence[Document]) -> None:
        """Record where ``documents`` (stored already, or on their way) were seen: a copy of a
        stored text met at another path or URL is kept as a place of that document."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.transaction():
            self._insert_places(documents, now)

    def _insert_places(self, documents: Sequence[Document], now: dt.datetime) -> None:
        rows = {(d.doc_id, *place): now for d in documents for place in places(d)}
        values = [(*key, seen) for key, seen in rows.items()]
        self._insert("document_locations", LOCATION_COLUMNS, LOCATION_TYPES, values)

    def _identify(self, new_docs: list[str], replaced: list[str]) -> None:
        """Link the new mentions into distinct events (store/distinct.py). Under the bulk
        memory cap DuckDB's per-thread aggregation tables need more room than the cap leaves;
        the linking touches only the events near the new ones, so its memory follows the
        batch, not the store, and the cap returns right after."""
        if self._memory_limit is None or self._memory_limit >= IDENTITY_MEMORY_LIMIT:
            identify(self.connection, new_docs, replaced)
            return
        self.connection.execute(f"SET memory_limit = '{IDENTITY_MEMORY_LIMIT}B'")
        try:
            identify(self.connection, new_docs, replaced)
        finally:
            self.connection.execute(f"SET memory_limit = '{self._memory_limit}B'")

    def _insert(
        self,
        table: str,
        columns: Sequence[str],
        types: Sequence[pa.DataType],
        rows: Sequence[tuple[Any, ...]],
        *,
        derived: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Append ``rows`` (tuples in ``columns`` order) to ``table`` as one Arrow table.

        ``derived`` adds (column, SQL expression over the batch) pairs computed on insert.
        """
        if not rows:
            return
        arrays = [
            pa.array(values, type=kind)
            for values, kind in zip(zip(*rows, strict=True), types, strict=True)
        ]
        batch = pa.Table.from_arrays(arrays, names=list(columns))
        name = f"tripolar_batch_{table}"
        targets = [*columns, *(column for column, _ in derived)]
        sources = [*columns, *(expression for _, expression in derived)]
        self.connection.register(name, batch)
        try:
            self.connection.execute(
                f"INSERT {'OR IGNORE ' if table in _IGNORE_REPEATS else ''}INTO {table} "
                f"({', '.join(targets)}) SELECT {', '.join(sources)} FROM {name}"
            )
        finally:
            self.connection.unregister(name)

    def _latest_versions(self, documents: Sequence[Document]) -> dict[str, tuple[str, int]]:
        """lineage key -> (doc_id, version) of the newest stored document of that lineage."""
        keys = list({key for key in map(lineage, documents) if key is not None})
        if not keys:
            return {}
        rows = self.connection.execute(
            f"SELECT lineage, doc_id, version FROM ("
            f"  SELECT {LINEAGE_SQL} AS lineage, doc_id, coalesce(version, 1) AS version"
            f"  FROM documents) WHERE lineage IN (SELECT unnest(?))"
            f" ORDER BY version",
            [keys],
        ).fetchall()
        return {key: (doc_id, int(version)) for key, doc_id, version in rows}

    def add_imported(self, dataset: str, rule: str, rows: Sequence[tuple[Any, ...]]) -> int:
        """Store events of another dataset; returns how many were new.

        ``rows`` are tuples in ``IMPORTED_COLUMNS`` order (``tripolar.interchange`` builds
        them). An event whose id (dataset + its key there) is stored already is skipped, so
        importing a file twice, or again after an interruption, adds nothing twice.
        """
        if not rows:
            return 0
        if self._bulk_limit is not None and self._memory_limit != self._bulk_limit:
            self.connection.execute(f"SET memory_limit = '{self._bulk_limit}B'")
            self._memory_limit = self._bulk_limit
        unique = list({row[0]: row for row in rows}.values())
        arrays = [
            pa.array(values, type=kind)
            for values, kind in zip(zip(*unique, strict=True), IMPORTED_TYPES, strict=True)
        ]
        batch = pa.Table.from_arrays(arrays, names=list(IMPORTED_COLUMNS))
        self.connection.register("tripolar_import_batch", batch)
        try:
            with self.transaction():
                before = self._event_count(dataset)
                self.connection.execute(
                    f"""
                    INSERT INTO events (event_id, doc_id, sentence_index, start_char, end_char,
                        trigger_start, trigger_end, source, source_text, target, target_text,
                        code, root, goldstein, quad_class, event_date, date_basis, rule,
                        sentence, source_country, target_country, superseded, dataset,
                        original_id, url, dataset_mentions, dataset_sources,
                        dataset_articles, tone, date_precision)
                    SELECT ? || ':' || b.key, ? || ':' || b.key, 0, 0, 0, 0, 0, source,
                        source_text, target, target_text, code, root, goldstein, quad_class,
                        event_date, 'dataset', ?, sentence, {COUNTRY_COLUMNS[0][1]},
                        {COUNTRY_COLUMNS[1][1]}, false, ?, original_id, url, dataset_mentions,
                        dataset_sources, dataset_articles, tone,
                        CASE WHEN event_date IS NULL THEN 'unknown' ELSE 'day' END
                    FROM tripolar_import_batch b
                    WHERE NOT EXISTS (SELECT 1 FROM events e
                        WHERE e.dataset = ? AND e.event_id = ? || ':' || b.key)
                    """,
                    [dataset, dataset, rule, dataset, dataset, dataset],
                )
                added = self._event_count(dataset) - before
        finally:
            self.connection.unregister("tripolar_import_batch")
        self.link_events()  # the new events join distinct events of their own dataset
        return added

    def _event_count(self, dataset: str) -> int:
        rows = self.connection.execute(
            "SELECT count(*) FROM events WHERE dataset = ?", [dataset]
        ).fetchall()  # fetched to the end: DuckDB refuses `register` after an open result
        return int(rows[0][0]) if rows else 0

    def imported(self, dataset: str, fingerprint: str) -> bool:
        """Whether a file with this content was imported completely into ``dataset``."""
        rows = self.connection.execute(
            "SELECT count(*) FROM imports WHERE dataset = ? AND fingerprint = ?",
            [dataset, fingerprint],
        ).fetchall()
        return bool(rows and rows[0][0])

    def record_import(
        self, dataset: str, path: str, fingerprint: str, rows: int, stored: int, failed: int
    ) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.connection.execute(
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?)",
            [dataset, path, fingerprint, rows, stored, failed, now],
        )

    def add_failure(self, failure: Failure) -> None:
        """Record a failed file or record; the same failure met again only updates its time."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        where = [storable(failure.path), failure.line, storable(failure.reason)]
        with self.transaction():
            self.connection.execute(
                "DELETE FROM failures WHERE path = ? AND line IS NOT DISTINCT FROM ? "
                "AND reason = ?",
                where,
            )
            self.connection.execute("INSERT INTO failures VALUES (?, ?, ?, ?)", [*where, now])

    def fetch_records(self, urls: Iterable[str]) -> dict[str, FetchRecord]:
        """Records of URLs fetched before that a conditional request may rely on.

        A page's record counts only while the document it gave is stored (a run that
        stopped between fetching and storing must fetch the page again in full); a feed's
        counts when it lists its items. Keyed by the URL as asked for.
        """
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        rows = self.connection.execute(
            f"SELECT {', '.join(FETCH_COLUMNS[:-1])} FROM fetches "
            "WHERE url IN (SELECT unnest(?)) AND (items IS NOT NULL "
            "OR doc_id IN (SELECT doc_id FROM documents))",
            [wanted],
        ).fetchall()
        return {
            url: FetchRecord(
                url=url,
                final_url=final,
                status=status,
                etag=etag,
                last_modified=modified,
                content_type=media,
                doc_id=doc_id,
                fetched_at=fetched_at,
                items=tuple(items) if items is not None else None,
            )
            for url, final, status, etag, modified, media, doc_id, items, fetched_at in rows
        }

    def record_fetches(self, records: Sequence[FetchRecord]) -> None:
        """Remember URLs just fetched (status 200), replacing what was known of them; one
        transaction for all (a commit per URL cost more than the fetch)."""
        if not records:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        latest = {r.url: r for r in records}  # one row per URL: the last fetch of it
        rows = [
            (r.url, r.final_url, r.status, r.etag, r.last_modified, r.content_type, r.doc_id,
             list(r.items) if r.items is not None else None, r.fetched_at or now, now)
            for r in latest.values()
        ]  # fmt: skip
        arrays = [
            pa.array(values, type=kind)
            for values, kind in zip(zip(*rows, strict=True), FETCH_TYPES, strict=True)
        ]
        self.connection.register(
            "tripolar_batch_fetches", pa.Table.from_arrays(arrays, names=list(FETCH_COLUMNS))
        )
        try:
            self.connection.execute(
                f"INSERT OR REPLACE INTO fetches ({', '.join(FETCH_COLUMNS)}) "
                f"SELECT {', '.join(FETCH_COLUMNS)} FROM tripolar_batch_fetches"
            )
        finally:
            self.connection.unregister("tripolar_batch_fetches")

    def record_unchanged(self, urls: Sequence[str]) -> None:
        """Conditional requests for ``urls`` were answered 304 Not Modified."""
        if not urls:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.connection.execute(
            "UPDATE fetches SET checked_at = ? WHERE url IN (SELECT unnest(?))", [now, list(urls)]
        )

    def fetches(self) -> pd.DataFrame:
        """Every URL fetched over HTTP with its last status and times, newest first."""
        return self.sql(
            "SELECT url, final_url, status, content_type, doc_id, len(items) AS n_items, "
            "fetched_at, checked_at FROM fetches ORDER BY checked_at DESC, url"
        )

    # -- reading ---------------------------------------------------------------------------

    def scoped(self, dataset: str) -> Store:
        """This store (the same connection) reading the events of ``dataset``.

        ``events()`` and every query of ``sql()`` that reads ``current_events`` then see that
        dataset's events only, so every analytic over a Store works on one dataset.
        """
        view = copy.copy(self)
        view.dataset = dataset
        return view

    def datasets(self) -> pd.DataFrame:
        """Each dataset in the store with its number of current events, first and last date."""
        return self.sql(
            "SELECT dataset, count(*) AS events, min(event_date) AS first, "
            "max(event_date) AS last FROM main.current_events GROUP BY dataset ORDER BY dataset"
        )

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a parameterised query and return a DataFrame.

        ``current_events`` and ``distinct_events`` in the query mean those of this store's
        dataset (``main.current_events`` and ``main.distinct_events`` are the whole tables).
        """
        values = list(params or [])
        query, scoped = _scope_events(query)
        values = [self.dataset] * scoped + values
        try:
            return self.connection.execute(query, values).df()
        except duckdb.Error as exc:
            raise database_error(exc, self.path) or exc from None

    def events(
        self,
        *,
        dyad: str | None = None,
        actors: Sequence[str] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        code: str | None = None,
        include_superseded: bool = False,
        limit: int | None = None,
        dataset: str | None = None,
    ) -> pd.DataFrame:
        """Events as a DataFrame, in the column order of the output contract.

        Events of documents replaced by a newer version are left out unless
        ``include_superseded``. ``limit`` keeps the first rows of the ordered result.
        ``dataset`` picks whose events (default: the store's, ``tripolar`` unless `scoped`);
        ``"*"`` reads every dataset. Imported events have no document: their title and
        publisher are empty and ``url`` is the dataset's source URL.

        dyad "CHN-RUS" (or "China-Russia") matches both directions by country (the first
        three letters of the actor codes, upper case: the stored ``source_country``/
        ``target_country``); a longer code (IGOWSTNAT) matches codes starting with it. actors
        keeps events whose source and target are both in the list. Unknown actors raise
        UnknownActorError with a suggestion (tripolar.actors.lookup). code "04" matches every
        code starting with 04.
        """
        chosen = self.dataset if dataset is None else dataset
        where, params = _event_filters(dyad, actors, since, until, code, dataset=chosen)
        # The semi-join lets DuckDB read only the documents of the chosen events; a plain join
        # hashed every document (twice as slow for one dyad-year of a 10 M-event store).
        query = f"""
            WITH e AS (
                SELECT * FROM {"events" if include_superseded else "main.current_events"} e
                WHERE {" AND ".join(where)}
            )
            SELECT e.doc_id, e.sentence_index, e.sentence, e.start_char AS start,
                   e.end_char AS "end", e.event_date, e.date_basis, e.source, e.target,
                   e.code, e.root, e.goldstein, e.quad_class, e.rule, e.source_text,
                   e.target_text, e.trigger_start, e.trigger_end, e.event_id,
                   d.title, coalesce(e.url, d.url) AS url, d.source AS publisher, d.published,
                   e.date_precision, coalesce(e.distinct_id, e.event_id) AS distinct_id,
                   x.mentions, x.documents, x.sources, x.first_reported, x.last_reported,
                   d.outlet, e.dataset, e.original_id, e.dataset_mentions, e.dataset_sources,
                   e.dataset_articles, e.tone
            FROM e LEFT JOIN (
                SELECT doc_id, title, url, source, published, outlet FROM documents
                WHERE doc_id IN (SELECT doc_id FROM e)
            ) d USING (doc_id)
            LEFT JOIN (
                SELECT distinct_id, mentions, documents, sources, first_reported, last_reported
                FROM main.distinct_events WHERE distinct_id IN (SELECT distinct_id FROM e)
            ) x ON x.distinct_id = e.distinct_id
            ORDER BY e.event_date NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start
        """
        return self.sql(query + _limit(limit, params), params)

    def distinct_events(
        self,
        *,
        dyad: str | None = None,
        actors: Sequence[str] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        code: str | None = None,
        limit: int | None = None,
        dataset: str | None = None,
    ) -> pd.DataFrame:
        """One row per distinct real event (store/identity.py) of the current documents.

        Each row is the event's best evidence mention (``event_id``, its sentence and
        document) with the event's ``distinct_id``, ``date_precision``, ``mentions``,
        ``documents``, ``sources`` (outlets), ``first_reported`` and ``last_reported``.
        Filters (``dataset`` too) as in `events`, applied to the distinct event's own fields.
        """
        chosen = self.dataset if dataset is None else dataset
        where, params = _event_filters(dyad, actors, since, until, code, dataset=chosen)
        order = "ORDER BY e.event_date NULLS LAST, e.distinct_id"
        # the limit applies before the join: only the kept rows look up their documents
        query = f"""
            WITH e AS MATERIALIZED (
                SELECT * FROM main.distinct_events e WHERE {" AND ".join(where)}
                {order}{_limit(limit, params)}
            )
            SELECT e.distinct_id, e.event_date, e.date_precision, e.date_basis, e.source,
                   e.target, e.code, e.root, e.goldstein, e.quad_class, e.mentions,
                   e.documents, e.sources, e.first_reported, e.last_reported, e.event_id,
                   e.doc_id, e.sentence_index, e.sentence, d.title, d.url, d.outlet, e.dataset
            FROM e LEFT JOIN (
                SELECT doc_id, title, url, outlet FROM documents
                WHERE doc_id IN (SELECT doc_id FROM e)
            ) d USING (doc_id)
            {order}
        """
        return self.sql(query, params)

    def mentions(self, distinct_id: str) -> pd.DataFrame:
        """The current mentions (reports) of one distinct event, earliest report first."""
        return self.sql(
            "SELECT e.event_id, e.doc_id, e.sentence_index, e.sentence, e.event_date, "
            "e.date_basis, e.date_precision, e.source, e.target, e.code, d.title, d.url, "
            "d.outlet, d.published FROM current_events e JOIN documents d USING (doc_id) "
            "WHERE e.distinct_id = ? ORDER BY d.published NULLS LAST, e.doc_id, "
            "e.sentence_index, e.event_id",
            [distinct_id],
        )

    def assessments(
        self,
        *,
        dyad: str | None = None,
        holder: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> pd.DataFrame:
        """Assessments (judgements in commentary) of current document versions.

        dyad "CHN-RUS" matches dyad records of that pair and triad records that contain both;
        holder matches the holder's words or actor code (case-insensitive substring).
        Dates filter on the publication date: a judgement is dated when it was written.
        """
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if dyad:
            pair = [code[:3] for code in _dyad_codes(dyad)]  # subjects are countries
            where.append("list_has_all(string_split(a.subject, '-'), ?)")
            params.append(pair)
        if holder:
            where.append("(a.holder ILIKE ? OR a.holder_code ILIKE ?)")
            params += [f"%{holder}%", f"%{holder}%"]
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("a.published <= ?")
            params.append(until)
        query = f"""
            SELECT a.doc_id, a.sentence_index, a.sentence, a.start_char AS start,
                   a.end_char AS "end", a.published, a.subject, a.scope, a.polarity,
                   a.intensity, a.dimension, a.time_orientation, a.modality, a.holder,
                   a.holder_code, a.cues, a.cue_start, a.cue_end, a.negated, a.hedged, a.rule,
                   d.title, d.url
            FROM current_assessments a JOIN documents d USING (doc_id)
            WHERE {" AND ".join(where)}
            ORDER BY a.published NULLS LAST, a.doc_id, a.sentence_index, a.subject
        """
        return self.sql(query, params)

    def documents(self) -> pd.DataFrame:
        return self.sql(
            "SELECT doc_id, title, url, source, path, record, format, published, date_basis, "
            "length(text) AS n_chars, ingested_at, version, supersedes, outlet, requested_url, "
            "final_url, fetched_at, http_status FROM documents "
            "ORDER BY published, doc_id, version"
        )

    def published_span(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last publication dates of the stored documents (None when none)."""
        row = self.connection.execute("SELECT min(published), max(published) FROM documents")
        first, last = row.fetchone() or (None, None)
        return first, last

    def places(self, doc_id: str | None = None) -> pd.DataFrame:
        """Where documents were seen (URL, or real file path and record), first seen first."""
        where, params = ("WHERE doc_id = ?", [doc_id]) if doc_id is not None else ("", [])
        return self.sql(
            f"SELECT doc_id, location, record, first_seen FROM document_locations {where} "
            "ORDER BY first_seen, doc_id, location, record",
            params,
        )

    def failures(self) -> pd.DataFrame:
        return self.sql("SELECT path, line, reason, failed_at FROM failures ORDER BY failed_at")

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "events", "assessments", "failures"):
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def close(self) -> None:
        try:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        finally:
            if self._writer_lock is not None:
                self._writer_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.connection.execute("COMMIT")
            return
        # After a fatal error (a full disk) DuckDB has dropped the transaction and refuses
        # every statement; the error that ended the transaction is the one to report.
        with suppress(duckdb.Error):
            self.connection.execute("ROLLBACK")
