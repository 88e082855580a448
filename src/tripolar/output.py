"""Turning event DataFrames into the CLI's output formats (table, csv, jsonl).

The jsonl field names are a contract other tools rely on; see docs/cli.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.table import Table

from tripolar.model import Event, date_precision_of

if TYPE_CHECKING:
    import pandas as pd

CONTRACT_FIELDS = (
    "doc_id", "sentence", "start", "end", "event_date", "date_basis", "date_precision",
    "source", "target", "code", "root", "goldstein", "quad_class", "rule", "event_id",
)  # fmt: skip

DISTINCT_FIELDS = (
    "event_id", "event_date", "date_precision", "date_basis", "source", "target", "code", "root",
    "goldstein", "quad_class", "mentions", "documents", "sources", "first_reported",
    "last_reported", "doc_id", "sentence_index", "sentence", "title", "url", "outlet",
    "mention_id",
)  # fmt: skip
"""`tripolar events --distinct`: one record per distinct event, its best evidence mention's
document and sentence, and the id of that mention."""

TABLE_COLUMNS = ("event_date", "source", "target", "code", "goldstein", "rule", "sentence")
DISTINCT_TABLE_COLUMNS = (
    "event_date", "date_precision", "source", "target", "code", "mentions", "documents",
    "sources", "first_reported", "sentence",
)  # fmt: skip


def mention_records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    """Rows of ``Store.events()`` as contract records: ``event_id`` is the distinct event the
    mention reports (shared by every report of it), ``mention_id`` the row's own id."""
    for record in frame_records(frame):
        if "distinct_id" in record:
            record["mention_id"] = record.pop("event_id", None)
            record["event_id"] = record.pop("distinct_id")
        yield record


def distinct_records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    """Rows of ``Store.distinct_events()`` as contract records (`DISTINCT_FIELDS`)."""
    for record in frame_records(frame):
        record["mention_id"] = record.pop("event_id", None)
        record["event_id"] = record.pop("distinct_id", None)
        yield {name: record.get(name) for name in DISTINCT_FIELDS}


def event_record(event: Event, distinct_id: str | None = None) -> dict[str, Any]:
    """An Event as a contract record (plus the evidence spans); ``distinct_id`` is the id of
    the distinct event it reports (its own id when not given)."""
    return {
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "event_date": event.event_date,
        "date_basis": event.date_basis,
        "source": event.source,
        "source_text": event.source_text,
        "target": event.target,
        "target_text": event.target_text,
        "code": event.code,
        "root": event.root,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "rule": event.rule,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "date_precision": date_precision_of(event.event_date, event.date_precision),
        "event_id": distinct_id or event.event_id,
        "mention_id": event.event_id,
    }


def _plain(value: Any) -> Any:
    pandas = sys.modules.get("pandas")  # not imported by `ingest`; no NaT exists without it
    if pandas is not None and value is pandas.NaT:
        return None
    if isinstance(value, dt.datetime):  # pandas turns DATE columns into midnight timestamps
        is_date = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.date().isoformat() if is_date else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_csv(records: list[dict[str, Any]], out: TextIO) -> int:
    """Records as CSV with a header (the keys of the first record); nothing when empty."""
    if not records:
        return 0
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _plain(v) for k, v in record.items()})
    return len(records)


def frame_records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    for row in frame.to_dict(orient="records"):
        yield {str(k): v for k, v in row.items()}


def render_table(
    records: list[dict[str, Any]],
    console: Console,
    *,
    columns: tuple[str, ...] = TABLE_COLUMNS,
    title: str | None = None,
) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        if column == "sentence":
            table.add_column(column, overflow="fold", max_width=70)
        else:  # short values are never cut; the sentence column gives way instead
            width = max([len(column)] + [len(str(_plain(r.get(column)))) for r in records])
            table.add_column(column, no_wrap=True, min_width=min(width, 24))
    for record in records:
        table.add_row(
            *("" if record.get(c) is None else str(_plain(record.get(c))) for c in columns)
        )
    console.print(table)
