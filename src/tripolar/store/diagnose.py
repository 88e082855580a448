"""What went wrong with a database file, in words: a full disk, a damaged file, Ctrl-C.

DuckDB reports these as its own exceptions (`FatalException: ... No space left on device`,
then `database has been invalidated` for every later statement; `Error: Corrupt database
file: computed checksum ...`; `InterruptException`). `database_error` turns them into one
`StoreError` that names the file and says what to do; `check_database` reads every row of
every table to find damage that a count would not touch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from tripolar.errors import StoreCorruptError, StoreError, StoreFullError
from tripolar.store.access import READ_WAIT_SECONDS, connect

_FULL = ("no space left on device", "disk quota exceeded", "file too large")
_CORRUPT = ("corrupt database file", "checksum", "not a valid duckdb database")
RECOVERY = (
    "restore it from a copy (a backup of the file), or move it aside and ingest the sources "
    "again into a new file (documents already in the new file are skipped, so this can be "
    "done in parts)"
)


def is_interrupt(exc: BaseException) -> bool:
    """Ctrl-C, as Python or as DuckDB reports it when it lands inside a query."""
    if isinstance(exc, KeyboardInterrupt | duckdb.InterruptException):
        return True
    return isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()


def database_error(exc: BaseException, path: str | Path) -> StoreError | None:
    """The StoreError a DuckDB exception stands for, or None if it is not one."""
    if not isinstance(exc, duckdb.Error) or isinstance(exc, duckdb.InterruptException):
        return None
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = str(exc).lower()
    if any(word in lowered for word in _FULL):
        return StoreFullError(
            f"{path}: no room to write ({detail}) - the batch being written was not stored; "
            "free disk space (or use --db on another disk) and run the same command again: "
            "what was stored before is kept and skipped"
        )
    if any(word in lowered for word in _CORRUPT):
        return StoreCorruptError(
            f"{path} is damaged ({detail}) - run `tripolar check --db {path}` to see which "
            f"tables can still be read, then {RECOVERY}"
        )
    if "invalidated" in lowered:
        return StoreError(
            f"{path}: DuckDB stopped using the file after an earlier error ({detail}) - "
            "nothing more was written; run the command again"
        )
    return None


@dataclass(frozen=True, slots=True)
class TableCheck:
    table: str
    rows: int  # rows read before the end or the error
    error: str | None  # None when every row of every column was read


def check_database(path: str | Path) -> list[TableCheck]:
    """Read every column of every row of every table of the file (read-only).

    DuckDB checks a checksum on each block it reads, so a damaged block shows up as an error
    in the table that owns it; counts alone read only metadata. Raises StoreCorruptError if
    the file cannot even be opened, StoreError if it is not there.
    """
    target = str(path)
    if target != ":memory:" and not Path(target).exists():
        raise StoreError(f"{target} does not exist")
    try:
        connection = connect(target, read_only=True, wait=READ_WAIT_SECONDS)
    except duckdb.Error as exc:
        raise database_error(exc, target) or StoreCorruptError(
            f"{target} cannot be opened ({exc}) - {RECOVERY}"
        ) from None
    try:
        try:
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_type = 'BASE TABLE' ORDER BY table_name"
                ).fetchall()
            ]
        except duckdb.Error as exc:
            return [TableCheck("(catalog)", 0, str(exc).strip().splitlines()[0])]
        return [_check_table(connection, table) for table in tables]
    finally:
        connection.close()


def _check_table(connection: duckdb.DuckDBPyConnection, table: str) -> TableCheck:
    rows = 0
    try:
        reader = connection.sql(f'SELECT * FROM "{table}"').to_arrow_reader(50_000)
        for batch in reader:
            rows += batch.num_rows
    except (duckdb.Error, pa.ArrowException) as exc:  # either way the table is unreadable
        return TableCheck(table, rows, str(exc).strip().splitlines()[0] or type(exc).__name__)
    return TableCheck(table, rows, None)
