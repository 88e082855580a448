"""Turning event DataFrames into the CLI's output formats (table, csv, jsonl), and the
console that shows them on a terminal.

The jsonl field names are a contract other tools rely on; see docs/cli.md. Everything shown
on a terminal goes through `TerminalConsole`, which shows text as text: no rich markup or
emoji codes are read from it and control characters are escaped (`visible`), so a file
name or sentence can neither crash a table nor write to the terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

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


_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What a terminal would act on or hide rather than show: C0/C1 controls (ESC starts colour,
cursor and OSC title/hyperlink sequences; CR and LF forge lines), line and paragraph
separators, bidirectional overrides and isolates, and lone surrogates (undecodable bytes in
file names, which cannot even be encoded for output)."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape (\\x1b, \\n)."""
    return _HIDDEN.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


class TerminalConsole(Console):
    """A rich Console that shows every string as plain text.

    Strings are never parsed for markup (``[/b]`` in a sentence crashed rich; ``[link=…]``
    in a file name would forge a hyperlink) or emoji codes, and pass through `visible`.
    Style goes in `rich.text.Text` objects (see `styled`), never in markup. A printed
    message is one line however long (``soft_wrap``; the terminal folds it), so each record
    of `tripolar status` or the ingest summary is one line in a file or a pipe; tables still
    fit the width.
    """

    def __init__(self, **options: Any) -> None:
        options.setdefault("soft_wrap", True)
        super().__init__(markup=False, emoji=False, highlight=False, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False)
        return super().render_str(visible(text), **options)


def styled(text: str, style: str | Style) -> Text:
    """A label in a style, for `TerminalConsole.print` beside plain strings."""
    return Text(visible(text), style=style)


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
    if isinstance(value, list | tuple) or getattr(value, "ndim", 0) > 0:
        return [_plain(v) for v in value]  # list columns (an assessment's cues) stay lists
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


LIST_SEPARATOR = "|"
"""How a list value (an assessment's cues) is written into one CSV cell: ``expand|deepen``."""


def csv_value(value: Any) -> Any:
    """A value as one CSV cell: lists joined with LIST_SEPARATOR, gaps empty."""
    plain = _plain(value)
    if isinstance(plain, list):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in plain)
    return plain


def write_csv(frame: pd.DataFrame, out: TextIO) -> None:
    """A DataFrame as CSV with the documented cell forms (see csv_value); only columns that
    hold lists are converted cell by cell, the rest is pandas' own writer."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object and values.map(_is_list).any():
            frame[column] = values.map(csv_value)
    frame.to_csv(out, index=False)


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple) or getattr(value, "ndim", 0) > 0


def display(value: Any, *, whole: bool = False) -> str:
    """A value as a table cell: blank for a gap, figures to two decimals (``whole``: a
    column of whole numbers, such as signs, without decimals), lists joined with ", ",
    text without surrounding whitespace. Every table cell goes through here."""
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, list):
        return ", ".join(display(v) for v in plain)
    if isinstance(plain, float):
        return str(int(plain)) if whole else f"{plain:.2f}"
    return str(plain).strip()


def _whole_column(records: list[dict[str, Any]], column: str) -> bool:
    values = [_plain(r.get(column)) for r in records]
    floats = [v for v in values if isinstance(v, float)]
    return all(v.is_integer() for v in floats)


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
    whole = {c: _whole_column(records, c) for c in columns}
    cells = [[display(r.get(c), whole=whole[c]) for c in columns] for r in records]
    for i, column in enumerate(columns):
        if column == "sentence":
            table.add_column(column, overflow="fold", max_width=70)
        else:  # short values are never cut; the sentence column gives way instead
            width = max([len(column)] + [len(row[i]) for row in cells])
            table.add_column(column, no_wrap=True, min_width=min(width, 24))
    for row in cells:
        table.add_row(*row)
    console.print(table)
