"""The registry of event-data formats ``tripolar import`` reads (one module per format)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tripolar.errors import UnsupportedFormatError
from tripolar.interchange.gdelt import parse_gdelt1, parse_gdelt2
from tripolar.interchange.icews import REQUIRED as ICEWS_REQUIRED
from tripolar.interchange.icews import parse_icews
from tripolar.interchange.phoenix import parse_phoenix
from tripolar.interchange.polecat import header_map, parse_polecat
from tripolar.interchange.record import Context, Row


def _icews_header(names: list[str]) -> dict[str, int]:
    return {name.strip().lower(): i for i, name in reversed(list(enumerate(names)))}


@dataclass(frozen=True, slots=True)
class Format:
    """One format: its name (the default dataset name), how a line becomes a row, and, for
    formats with a header row, how the header is read and which columns it must name."""

    name: str
    description: str
    parse: Callable[[list[str], Context], Row]
    header: Callable[[list[str]], dict[str, int]] | None = None
    required: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("gdelt1", "GDELT 1.0 event export (57/58 columns, no header)", parse_gdelt1),
        Format("gdelt2", "GDELT 2.0 event export (61 columns, no header)", parse_gdelt2),
        Format(
            "icews",
            "ICEWS coded event file (header row)",
            parse_icews,
            _icews_header,
            ICEWS_REQUIRED,
        ),
        Format(
            "polecat",
            "POLECAT / PLOVER event file (header row)",
            parse_polecat,
            header_map,
            ("id", "date", "type"),
        ),
        Format("phoenix", "Phoenix data set or PETRARCH output lines", parse_phoenix),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnsupportedFormatError(
            f"unknown import format {name!r} - use one of {known}"
        ) from None
