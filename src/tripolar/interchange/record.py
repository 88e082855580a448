"""What every reader produces: one row per event, in the order of ``ROW_FIELDS``.

Rows are plain tuples (a million of them are built per minute); ``RowError`` says why a line
could not become one. ``EventCodes`` turns a dataset's CAMEO code into tripolar's code, root,
Goldstein value and quad class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tripolar.events.codebook import Codebook

ROW_FIELDS = (
    "key", "original_id", "event_date", "source", "source_text", "target", "target_text",
    "code", "root", "goldstein", "quad_class", "url", "dataset_mentions",
    "dataset_sources", "dataset_articles", "tone", "sentence",
)  # fmt: skip
"""``key`` is unique within the dataset (the original id, or id + date where ids repeat)."""

Row = tuple[Any, ...]


class RowError(ValueError):
    """A line that cannot become an event; the message says why (the importer adds where)."""


@dataclass
class Context:
    """What a reader needs besides the line: the code table and the country mapper."""

    codes: EventCodes
    actor: Callable[[str, str, str], str]  # (code, country, name) -> actor code
    header: dict[str, int] = field(default_factory=dict)  # column name -> index, if any


class EventCodes:
    """A dataset's CAMEO code -> (code, root, Goldstein, quad class) from the codebook.

    Codes are compared as strings. ICEWS writes them as numbers without leading zeros
    ("42" for 042, "20" for 020, "311" for 0311): with ``unpadded`` a code of one or two
    digits is read as three digits first, and a code not in the codebook is tried with a
    leading zero. A code that is still unknown is an error for that row (never guessed).
    """

    def __init__(self, codebook: Codebook | None = None) -> None:
        book = codebook or Codebook.load()
        self._known = {c.code: (c.code, c.root, c.goldstein, c.quad_class) for c in book}
        self._cache: dict[tuple[str, bool], tuple[str, str, float, int]] = {}

    def resolve(self, raw: str, *, unpadded: bool = False) -> tuple[str, str, float, int]:
        try:
            return self._cache[(raw, unpadded)]
        except KeyError:
            pass
        text = raw.strip()
        candidates = (text.zfill(3), text, "0" + text) if unpadded else (text,)
        for candidate in candidates:
            found = self._known.get(candidate)
            if found is not None:
                self._cache[(raw, unpadded)] = found
                return found
        raise RowError(f"event code {raw!r} is not a CAMEO code")


def number(value: str, name: str) -> float | None:
    """A float field; empty -> None; anything else that is not a number -> RowError."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise RowError(f"{name} {value!r} is not a number") from None


def count(value: str, name: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise RowError(f"{name} {value!r} is not a whole number") from None


_DATES: dict[str, dt.date] = {}


def compact_date(value: str, name: str = "date") -> dt.date:
    """YYYYMMDD (GDELT's SQLDATE, Phoenix) -> date (dates repeat: a cache of the parsed)."""
    found = _DATES.get(value)
    if found is not None:
        return found
    if len(_DATES) > 100_000:
        _DATES.clear()
    _DATES[value] = day = _parse_compact(value, name)
    return day


def _parse_compact(value: str, name: str) -> dt.date:
    text = value.strip()
    if len(text) != 8 or not text.isdigit():
        raise RowError(f"{name} {value!r} is not a YYYYMMDD date")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise RowError(f"{name} {value!r} is not a valid date") from None


def iso_date(value: str, name: str = "date") -> dt.date:
    """YYYY-MM-DD (also with a time after it, or YYYYMMDD) -> date."""
    text = value.strip()
    if len(text) == 8 and text.isdigit():
        return compact_date(text, name)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise RowError(f"{name} {value!r} is not a YYYY-MM-DD date") from None
