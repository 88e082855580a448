"""The Store: the only code that talks to DuckDB."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from tripolar.errors import AnalyticsError, SchemaVersionError, StoreError, StoreLockedError
from tripolar.model import Assessment, CodedDocument, Document, Event, Failure, make_event_id
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
    "goldstein", "quad_class", "event_date", "date_basis", "rule", "sentence",
)  # fmt: skip
EVENT_TYPES = (
    pa.string(), pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.int32(), pa.int32(),
    pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.float64(), pa.int8(), pa.date32(), pa.string(), pa.string(), pa.string(),
)  # fmt: skip
COUNTRY_COLUMNS = (
    ("source_country", "upper(left(source, 3))"),
    ("target_country", "upper(left(target, 3))"),
)
"""Event columns the writer derives (the same expressions as the schema-3 migration)."""

DOCUMENT_COLUMNS = (
    "doc_id", "title", "url", "source", "path", "record", "format", "published", "date_basis",
    "text", "ingested_at", "version", "supersedes",
)  # fmt: skip
DOCUMENT_TYPES = (
    pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(), pa.string(),
    pa.date32(), pa.string(), pa.large_string(), pa.timestamp("us"), pa.int32(), pa.string(),
)  # fmt: skip

OWN_DATASET = "tripolar"
"""The ``dataset`` of events tripolar coded itself; imported events carry their dataset's name."""

BULK_MEMORY_LIMIT = 32 * 2**20
"""DuckDB's memory limit during an ingest (`Store.bulk_writing`): 1 M -> 4 M words grew the
peak RSS by 72 MiB with the default limit, by 23 MiB with this one, for 13 % more store time."""
BULK_MEMORY_PER_TEXT_BYTE = 8  # a batch with more text raises the limit to 8 bytes per char

IMPORTED_COLUMNS = (
    "key", "original_id", "event_date", "source", "source_text", "target", "target_text",
    "code", "root", "goldstein", "quad_class", "url", "mentions", "sources", "articles",
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
        return "path:" + document.path
    return None


def _locked_message(target: str, detail: str, read_only: bool) -> str:
    found = re.search(r"PID (\d+)", detail)
    holder = f"another process (PID {found.group(1)})" if found else "another process"
    if read_only:
        return (
            f"{target} is being written by {holder}, probably an ingest - try again when it "
            "has finished; DuckDB lets no reader in while a writer holds the file"
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
    """ "CHN-RUS" (or "chn_rus") -> ["CHN", "RUS"]: the country parts of a dyad option."""
    parts = [p.strip().upper()[:3] for p in dyad.replace("_", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise AnalyticsError(f"dyad {dyad!r} must be two codes joined by '-', e.g. CHN-RUS")
    return parts


_UNSCOPED_EVENTS = re.compile(r"(?<![\w.])current_events\b")


def _scope_events(query: str) -> str:
    """``query`` with ``current_events`` bound to one dataset's events (a leading CTE whose
    one parameter comes first)."""
    cte = "current_events AS (SELECT * FROM main.current_events WHERE dataset = ?)"
    head = query.lstrip()
    if head[:5].upper() == "WITH ":
        return f"WITH {cte}, {head[5:]}"
    return f"WITH {cte} {head}"


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
    )  # fmt: skip


class Store:
    """A tripolar database: open it, add coded documents, query events as DataFrames."""

    def __init__(
        self, connection: duckdb.DuckDBPyConnection, path: str, dataset: str = OWN_DATASET
    ) -> None:
        self.connection = connection
        self.path = path
        self.dataset = dataset  # whose events `events()` and the analytics' SQL read
        self._bulk_limit: int | None = None  # bytes, while `bulk_writing` is on
        self._memory_limit: int | None = None  # the memory_limit now set, if bulk set it

    @contextmanager
    def bulk_writing(self, memory_limit: int = BULK_MEMORY_LIMIT) -> Iterator[None]:
        """Cap DuckDB's buffer memory while a long run of `add` calls goes on.

        DuckDB keeps the blocks it has written in its buffer pool up to its memory limit (by
        default most of the machine's memory), so an ingest's memory grew with the size of
        the database. Under the cap the written blocks are evicted instead (they are on disk
        already); a batch larger than the cap raises it for that batch. The previous limit
        is restored on exit. An in-memory database is left alone: its blocks live nowhere
        else.
        """
        if self.path == ":memory:" or self._bulk_limit is not None:
            yield
            return
        row = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        previous = row[0] if row else None
        self._bulk_limit = memory_limit
        try:
            yield
        finally:
            self._bulk_limit = None
            if self._memory_limit is not None:
                self._memory_limit = None
                self._restore_memory_limit(previous)

    def _restore_memory_limit(self, previous: str | None) -> None:
        """Back to `previous`; RESET first, since the setting prints rounded (18.8 GiB)."""
        self.connection.execute("RESET memory_limit")
        row = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        if previous is not None and (row is None or row[0] != previous):
            self.connection.execute(f"SET memory_limit = '{previous}'")

    def _bound_memory(self, coded: Sequence[CodedDocument]) -> None:
        if self._bulk_limit is None:
            return
        text = sum(len(c.document.text) for c in coded)
        limit = max(self._bulk_limit, BULK_MEMORY_PER_TEXT_BYTE * text)
        if limit != self._memory_limit:
            self.connection.execute(f"SET memory_limit = '{limit}B'")
            self._memory_limit = limit

    @classmethod
    def open(cls, path: str | Path = "tripolar.duckdb", *, read_only: bool = False) -> Store:
        """Open (and create or migrate) a database file; ``":memory:"`` for a throwaway one."""
        target = str(path)
        try:
            connection = duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(_locked_message(target, str(exc), read_only)) from exc
            raise StoreError(f"cannot open {target}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {target}: {exc}") from exc
        store = cls(connection, target)
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
            connection.close()
            raise StoreError(f"cannot open {target}: {exc}") from exc
        except StoreError:
            connection.close()
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
        if version < SCHEMA_VERSION:
            self._migrate(version)
        elif self._is_early_v3():
            with self.transaction():
                self.connection.execute(REPAIR_EARLY_V3)
                self.connection.execute(VIEWS)

    def _migrate(self, version: int) -> None:
        with self.transaction():
            if self._is_early_v3():
                self.connection.execute(REPAIR_EARLY_V3)
            while version < SCHEMA_VERSION:
                self.connection.execute(MIGRATIONS[version])
                version += 1
            self.connection.execute(VIEWS)
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
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._bound_memory(coded)
        with self.transaction():
            known = self.known_documents(c.document.doc_id for c in coded)
            fresh: dict[str, CodedDocument] = {}
            for item in coded:
                if item.document.doc_id not in known:
                    fresh.setdefault(item.document.doc_id, item)
            if not fresh:
                return 0
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
                documents.append(
                    (d.doc_id, d.title, d.url, d.source, d.path, d.record, d.format, d.published,
                     d.date_basis, d.text, now, version, supersedes)
                )  # fmt: skip
            replaced = {row[-1] for row in documents if row[-1] is not None}
            self._insert("documents", DOCUMENT_COLUMNS, DOCUMENT_TYPES, documents)
            sentences: dict[tuple[str, int], tuple[Any, ...]] = {}
            for x in (x for c in fresh.values() for x in c.sentences):
                sentences.setdefault(
                    (x.doc_id, x.index), (x.doc_id, x.index, x.start, x.end, x.paragraph, x.text)
                )
            self._insert("sentences", SENTENCE_COLUMNS, SENTENCE_TYPES, list(sentences.values()))
            events: dict[str, tuple[Any, ...]] = {}
            for e in (e for c in fresh.values() for e in c.events):
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
            for a in (a for c in fresh.values() for a in c.assessments):
                key3 = (a.doc_id, a.sentence_index, a.subject)
                assessments.setdefault(key3, (*_assessment_row(a), a.doc_id in replaced))
            self._insert(
                "assessments",
                (*ASSESSMENT_COLUMNS, "superseded"),
                (*ASSESSMENT_TYPES, pa.bool_()),
                list(assessments.values()),
            )
            stored_replaced = sorted(replaced - fresh.keys())
            if stored_replaced:
                for table in ("events", "assessments"):
                    self.connection.execute(
                        f"UPDATE {table} SET superseded = true "
                        "WHERE doc_id IN (SELECT unnest(?)) AND NOT superseded",
                        [stored_replaced],
                    )
        return len(fresh)

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
                f"INSERT {'OR IGNORE ' if table == 'assessments' else ''}INTO {table} "
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
                        original_id, url, mentions, sources, articles, tone)
                    SELECT ? || ':' || b.key, ? || ':' || b.key, 0, 0, 0, 0, 0, source,
                        source_text, target, target_text, code, root, goldstein, quad_class,
                        event_date, 'dataset', ?, sentence, {COUNTRY_COLUMNS[0][1]},
                        {COUNTRY_COLUMNS[1][1]}, false, ?, original_id, url, mentions,
                        sources, articles, tone
                    FROM tripolar_import_batch b
                    WHERE NOT EXISTS (SELECT 1 FROM events e
                        WHERE e.dataset = ? AND e.event_id = ? || ':' || b.key)
                    """,
                    [dataset, dataset, rule, dataset, dataset, dataset],
                )
                return self._event_count(dataset) - before
        finally:
            self.connection.unregister("tripolar_import_batch")

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
        where = [failure.path, failure.line, failure.reason]
        with self.transaction():
            self.connection.execute(
                "DELETE FROM failures WHERE path = ? AND line IS NOT DISTINCT FROM ? "
                "AND reason = ?",
                where,
            )
            self.connection.execute("INSERT INTO failures VALUES (?, ?, ?, ?)", [*where, now])

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

        ``current_events`` in the query means the current events of this store's dataset
        (``main.current_events`` is the whole view).
        """
        values = list(params or [])
        if _UNSCOPED_EVENTS.search(query):
            query, values = _scope_events(query), [self.dataset, *values]
        return self.connection.execute(query, values).df()

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

        dyad "CHN-RUS" matches both directions by country (the first three letters of
        the actor codes, upper case: the stored ``source_country``/``target_country``);
        actors keeps events whose source and target countries are both in the list; code "04"
        matches every code starting with 04.
        """
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        chosen = self.dataset if dataset is None else dataset
        if chosen != "*":
            where.append("e.dataset = ?")
            params.append(chosen)
        if dyad:
            parts = _dyad_codes(dyad)
            where.append(
                "((e.source_country = ? AND e.target_country = ?) OR "
                "(e.source_country = ? AND e.target_country = ?))"
            )
            params += [parts[0], parts[1], parts[1], parts[0]]
        if actors:
            codes = [a.strip().upper()[:3] for a in actors]
            where.append(
                "e.source_country IN (SELECT unnest(?)) AND e.target_country IN (SELECT unnest(?))"
            )
            params += [codes, codes]
        if since:
            where.append("e.event_date >= ?")
            params.append(since)
        if until:
            where.append("e.event_date <= ?")
            params.append(until)
        if code:
            where.append("starts_with(e.code, ?)")
            params.append(code)
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
                   e.dataset, e.original_id, e.mentions, e.sources, e.articles, e.tone
            FROM e LEFT JOIN (
                SELECT doc_id, title, url, source, published FROM documents
                WHERE doc_id IN (SELECT doc_id FROM e)
            ) d USING (doc_id)
            ORDER BY e.event_date NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start
        """
        if limit is not None:
            if limit < 0:
                raise AnalyticsError(f"limit must be >= 0, got {limit}")
            query += " LIMIT ?"
            params.append(int(limit))
        return self.sql(query, params)

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
            pair = _dyad_codes(dyad)
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
            "length(text) AS n_chars, ingested_at, version, supersedes FROM documents "
            "ORDER BY published, doc_id, version"
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
        self.connection.close()

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
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
