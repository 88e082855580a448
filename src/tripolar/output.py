"""Turning event DataFrames into the CLI's output formats (table, csv, jsonl).

The jsonl field names are a contract other tools rely on; see docs/cli.md.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.table import Table

from tripolar.model import Event

if TYPE_CHECKING:
    import pandas as pd

CONTRACT_FIELDS = (
    "doc_id", "sentence", "start", "end", "event_date", "date_basis", "source", "target",
    "code", "root", "goldstein", "quad_class", "rule",
)  # fmt: skip

TABLE_COLUMNS = ("event_date", "source", "target", "code", "goldstein", "rule", "sentence")


def event_record(event: Event) -> dict[str, Any]:
    """An Event as a contract record (plus the evidence spans)."""
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
