"""``import_events``: stream event files of another dataset into the store.

Lines are read one at a time and stored in batches (one transaction each). A line that
cannot become an event is a ``Failure`` with file and line, and the rest goes on. A file
imported completely is listed in the ``imports`` table by its content fingerprint, so
importing it again reads nothing; an import that was interrupted is simply run again: the
events stored before the interruption are recognised by their ids and skipped.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from tripolar.errors import IngestError
from tripolar.interchange.countries import CountryMapper
from tripolar.interchange.formats import Format, get_format
from tripolar.interchange.record import Context, EventCodes, Row, RowError
from tripolar.interchange.source import Input, inputs, open_lines
from tripolar.model import Failure
from tripolar.store import Store

BATCH_ROWS = 50_000
FAILURES_KEPT_PER_FILE = 100
"""Bad rows recorded one by one in the failures table; beyond this a file gets one summary
line (the count is always in the ImportSummary)."""
IMPORT_MEMORY_LIMIT = 256 * 2**20


@dataclass
class ImportSummary:
    """What an import did; ``unmapped`` counts country values no table could map."""

    files: int = 0
    files_skipped: int = 0  # imported completely before: not read again
    rows: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    def line(self, dataset: str) -> str:
        text = (
            f"Files read: {self.files}, already imported: {self.files_skipped}; rows: "
            f"{self.rows}, events stored: {self.stored}, already stored: {self.duplicates}, "
            f"bad rows: {self.failed} -> dataset {dataset!r}"
        )
        if self.unmapped:
            top = ", ".join(f"{k} ({v})" for k, v in self.unmapped.most_common(8))
            text += f"; unmapped actor/country values: {sum(self.unmapped.values())} ({top})"
        return text


def import_events(
    paths: Sequence[str],
    *,
    store: Store,
    format: str,
    dataset: str | None = None,
    stdin: BinaryIO | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: Callable[[ImportSummary], None] | None = None,
) -> ImportSummary:
    """Import event files in ``format`` (gdelt1, gdelt2, icews, polecat, phoenix) into
    ``store`` as ``dataset`` (default: the format's name). ``progress`` is called with the
    summary so far after each stored batch."""
    kind = get_format(format)
    name = dataset or kind.name
    if not name or name == "*" or name == "tripolar":
        raise IngestError(f"dataset name {name!r} is reserved - choose another with --dataset")
    summary = ImportSummary()
    mapper = CountryMapper()
    context = Context(codes=EventCodes(), actor=mapper.actor)
    with store.bulk_writing(IMPORT_MEMORY_LIMIT):
        for item in inputs(list(paths)):
            if isinstance(item, IngestError):
                _fail(store, summary, Failure(item.path or "", item.line, item.reason))
                continue
            fingerprint = item.fingerprint()
            if fingerprint is not None and store.imported(name, fingerprint):
                summary.files_skipped += 1
                continue
            summary.files += 1
            try:
                rows, stored, failed = _import_file(
                    item, kind, name, context, store, summary, stdin, batch_rows, progress
                )
            except (OSError, EOFError, ValueError, zlib.error) as exc:  # a broken archive
                reason = f"could not be read to the end ({exc}) - the rows before were stored"
                _fail(store, summary, Failure(item.name, None, reason))
                continue
            except IngestError as exc:
                _fail(store, summary, Failure(exc.path or item.name, exc.line, exc.reason))
                continue
            if fingerprint is not None:
                store.record_import(name, item.name, fingerprint, rows, stored, failed)
    summary.unmapped = mapper.unmapped
    return summary


def _import_file(
    item: Input,
    kind: Format,
    dataset: str,
    context: Context,
    store: Store,
    summary: ImportSummary,
    stdin: BinaryIO | None,
    batch_rows: int,
    progress: Callable[[ImportSummary], None] | None,
) -> tuple[int, int, int]:
    rule = f"import:{kind.name}"
    parse = kind.parse
    batch: list[Row] = []
    rows = stored = failed = 0
    header_done = kind.header is None
    context.header = {}

    def flush() -> None:
        nonlocal stored
        new = store.add_imported(dataset, rule, batch)
        stored += new
        summary.stored += new
        summary.duplicates += len(batch) - new
        batch.clear()
        if progress is not None:
            progress(summary)

    with open_lines(item, stdin) as lines:
        for number, line in enumerate(lines, 1):
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            fields = text.split("\t")
            if not header_done:
                assert kind.header is not None
                context.header = kind.header(fields)
                missing = [c for c in kind.required if c not in context.header]
                if missing:
                    raise IngestError(
                        f"the header row lacks column(s) {', '.join(missing)} - is this a "
                        f"{kind.description}?",
                        path=item.name,
                        line=number,
                    )
                header_done = True
                continue
            rows += 1
            try:
                batch.append(parse(fields, context))
            except RowError as exc:
                failed += 1
                summary.failed += 1
                if failed <= FAILURES_KEPT_PER_FILE:
                    _fail(store, summary, Failure(item.name, number, f"{exc} - row skipped"))
                continue
            if len(batch) >= batch_rows:
                flush()
    flush()
    summary.rows += rows
    if failed > FAILURES_KEPT_PER_FILE:
        more = failed - FAILURES_KEPT_PER_FILE
        _fail(store, summary, Failure(item.name, None, f"{more} more bad rows not listed"))
    return rows, stored, failed


def _fail(store: Store, summary: ImportSummary, failure: Failure) -> None:
    summary.failures.append(failure)
    store.add_failure(failure)
