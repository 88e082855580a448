"""Events out as GDELT 2.0 or PLOVER rows; the whole store out to (and back from) files.

``write_events`` turns the DataFrame of ``Store.events()`` into GDELT 2.0 export lines (61
tab-separated columns, no header) or a PLOVER/POLECAT-style table with a header; the import
readers read both back. ``export_store`` writes each table with DuckDB's COPY (Parquet or
CSV); ``import_store`` reads a Parquet export into another store, adding only rows it lacks.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tripolar.errors import IngestError, StoreError
from tripolar.interchange.countries import UNKNOWN
from tripolar.interchange.gdelt import GDELT2_COLUMNS
from tripolar.store import Store

if TYPE_CHECKING:
    import pandas as pd

EXPORT_FORMATS = ("parquet", "csv")
PLOVER_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Actor Name",
    "Actor Country", "Recipient Name", "Recipient Country", "Source URL", "CAMEO Code",
)  # fmt: skip
"""POLECAT's column names, plus tripolar's exact CAMEO code (read back by the importer)."""

TABLE_KEYS = {
    "documents": ("doc_id",),
    "sentences": ("doc_id", "sentence_index"),
    "events": ("event_id",),
    "assessments": ("doc_id", "sentence_index", "subject"),
    "failures": ("path", "line", "reason"),
    "imports": ("dataset", "fingerprint"),
}
"""The tables a store export holds and the columns that identify a row of each."""


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA (what a DataFrame holds for SQL NULL)."""
    if value is None:
        return True
    try:
        return bool(value != value) or type(value).__name__ in ("NAType", "NaTType")
    except TypeError:  # pd.NA refuses to be a bool
        return True


def _clean(value: Any) -> str:
    if _missing(value):
        return ""
    text = str(value)
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def _day(value: Any) -> dt.date | None:
    if _missing(value):
        return None
    if hasattr(value, "date") and callable(value.date):
        try:
            return value.date()  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return None
    return value if isinstance(value, dt.date) else None


def _country(code: str) -> str:
    head = code[:3]
    if len(head) < 3 or head == UNKNOWN or head in ("IGO", "NGO", "IMG"):
        return ""
    return head


def _count(value: Any) -> str:
    if _missing(value):
        return ""
    return str(int(value))


def event_key(e: Any) -> str:
    """The id an exported row carries: the event's key in its dataset (unique there; for
    GDELT its GLOBALEVENTID, for ICEWS id@date), tripolar's event id for its own events."""
    event_id = _clean(e.event_id)
    prefix = f"{e.dataset}:"
    return event_id[len(prefix) :] if event_id.startswith(prefix) else event_id


def gdelt_line(e: Any) -> str | None:
    """One event (a row of ``Store.events()``) as a GDELT 2.0 export line; None if undated."""
    day = _day(e.event_date)
    if day is None:
        return None
    fields = [""] * len(GDELT2_COLUMNS)
    start = dt.date(day.year, 1, 1)
    fraction = day.year + ((day - start).days + 1) / 365
    fields[0] = event_key(e)
    fields[1:5] = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]
    fields[5:8] = [_clean(e.source), _clean(e.source_text), _country(str(e.source))]
    fields[15:18] = [_clean(e.target), _clean(e.target_text), _country(str(e.target))]
    fields[25] = "1" if int(e.sentence_index) == 0 else "0"
    fields[26:31] = [str(e.code), str(e.code)[:3], str(e.root), str(int(e.quad_class)),
                     repr(float(e.goldstein))]  # fmt: skip
    fields[31:34] = [
        _count(e.dataset_mentions),
        _count(e.dataset_sources),
        _count(e.dataset_articles),
    ]
    fields[34] = "" if _missing(e.tone) else repr(float(e.tone))
    fields[59] = day.strftime("%Y%m%d") + "000000"
    fields[60] = _clean(e.url)
    return "\t".join(fields)


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, tuple[str, str]]:
    """CAMEO code prefix -> (PLOVER type, mode), from events/data/plover.tsv ("-": none)."""
    text = resources.files("tripolar.events").joinpath("data/plover.tsv").read_text("utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cameo\t"):
            continue
        cameo, plover, mode = ([*line.split("\t"), "", ""])[:3]
        table[cameo.strip()] = (plover.strip(), mode.strip())
    return table


def plover_of(code: str) -> tuple[str, str] | None:
    """The PLOVER type and mode of a CAMEO code by longest prefix; None where PLOVER has no
    category (CAMEO 01 statements, 02 appeals)."""
    table = cameo_to_plover()
    for length in range(len(code), 1, -1):
        found = table.get(code[:length])
        if found is not None:
            return None if found[0] == "-" else found
    return None


def plover_line(e: Any) -> str | None:
    kind = plover_of(str(e.code))
    day = _day(e.event_date)
    if kind is None or day is None:
        return None
    values = (
        event_key(e), day.isoformat(), kind[0], kind[1], "",
        _clean(e.source_text), _country(str(e.source)), _clean(e.target_text),
        _country(str(e.target)), _clean(e.url), str(e.code),
    )  # fmt: skip
    return "\t".join(values)


def write_events(frame: pd.DataFrame, fmt: str, out: TextIO) -> tuple[int, int]:
    """Write events as ``gdelt`` (GDELT 2.0) or ``plover`` rows; returns (written, skipped):
    undated events, and for PLOVER events of CAMEO 01/02, have no row in these formats."""
    if fmt not in ("gdelt", "plover"):
        raise IngestError(f"unknown event export format {fmt!r} - use gdelt or plover")
    make = gdelt_line if fmt == "gdelt" else plover_line
    if fmt == "plover":
        out.write("\t".join(PLOVER_COLUMNS) + "\n")
    written = skipped = 0
    for event in frame.itertuples(index=False):
        line = make(event)
        if line is None:
            skipped += 1
            continue
        out.write(line + "\n")
        written += 1
    return written, skipped


def write_parquet(store: Store, frame: pd.DataFrame, path: str | Path) -> None:
    """The events DataFrame as one Parquet file, written by DuckDB's COPY."""
    store.connection.register("tripolar_export_events", frame)
    try:
        store.connection.execute(
            "COPY (SELECT * FROM tripolar_export_events) TO ? (FORMAT parquet)", [str(path)]
        )
    except Exception as exc:  # duckdb.Error, OSError under it
        raise StoreError(f"cannot write {path}: {exc}") from exc
    finally:
        store.connection.unregister("tripolar_export_events")


def export_store(store: Store, directory: str | Path, fmt: str = "parquet") -> list[Path]:
    """Copy every table of the store to ``directory/<table>.<fmt>`` with DuckDB's COPY."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r} - use parquet or csv")
    target = Path(directory)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create {target}: {exc}") from exc
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    written = []
    for table in (*TABLE_KEYS, "meta"):
        path = target / f"{table}.{fmt}"
        order = ", ".join(TABLE_KEYS.get(table, ("key",)))
        try:
            store.connection.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {order}) TO ? {options}", [str(path)]
            )
        except Exception as exc:
            raise StoreError(f"cannot write {path}: {exc}") from exc
        written.append(path)
    return written


def import_store(store: Store, directory: str | Path) -> dict[str, int]:
    """Read a Parquet export (``export_store``) into ``store``; rows it holds already (by
    the keys of TABLE_KEYS) are skipped. Returns the rows added per table."""
    source = Path(directory)
    added: dict[str, int] = {}
    with store.transaction():
        for table, keys in TABLE_KEYS.items():
            path = source / f"{table}.parquet"
            if not path.is_file():
                continue
            match = " AND ".join(f"t.{k} IS NOT DISTINCT FROM f.{k}" for k in keys)
            before = _count_rows(store, table)
            try:
                store.connection.execute(
                    f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?) f "
                    f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})",
                    [str(path)],
                )
            except Exception as exc:
                raise StoreError(f"cannot import {path}: {exc}") from exc
            added[table] = _count_rows(store, table) - before
    if not added:
        raise IngestError("no <table>.parquet files of a tripolar export here", path=str(source))
    return added


def _count_rows(store: Store, table: str) -> int:
    rows = store.connection.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(rows[0][0]) if rows else 0
