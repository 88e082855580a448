"""ICEWS coded event files (Harvard Dataverse, doi:10.7910/DVN/28075): tab-separated with a
header row: Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text,
CAMEO Code, Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence
Number, Publisher, City, District, Province, Country, Latitude, Longitude.

Event ID alone is not unique (the same id recurs with another date), so the key is id and
date. Countries are names ("Russian Federation") mapped to alpha-3; sectors are kept in
the actor text, not turned into agent codes. An actor without a country (an international
organisation) is looked up by name in the actor dictionary ("United Nations" -> IGOUNO).
Intensity is ICEWS's Goldstein-style score (-10 to 10) and is kept as the event's Goldstein
value. See docs/interchange.md.
"""

from __future__ import annotations

from tripolar.interchange.record import Context, Row, RowError, iso_date, number

REQUIRED = ("event id", "event date", "source country", "cameo code", "target country")


def _get(fields: list[str], ctx: Context, name: str) -> str:
    index = ctx.header.get(name)
    return fields[index].strip() if index is not None and index < len(fields) else ""


def _actor_text(name: str, sectors: str) -> str:
    return f"{name} ({sectors})" if name and sectors else name


def parse_icews(fields: list[str], ctx: Context) -> Row:
    if len(fields) < len(ctx.header):
        raise RowError(f"{len(fields)} tab-separated columns, the header has {len(ctx.header)}")
    original = _get(fields, ctx, "event id")
    if not original:
        raise RowError("Event ID is empty")
    day = iso_date(_get(fields, ctx, "event date"), "Event Date")
    code, root, goldstein, quad = ctx.codes.resolve(_get(fields, ctx, "cameo code"), unpadded=True)
    intensity = number(_get(fields, ctx, "intensity"), "Intensity")
    return (
        f"{original}@{day.isoformat()}",
        original,
        day,
        ctx.actor("", _get(fields, ctx, "source country"), _get(fields, ctx, "source name")),
        _actor_text(_get(fields, ctx, "source name"), _get(fields, ctx, "source sectors")),
        ctx.actor("", _get(fields, ctx, "target country"), _get(fields, ctx, "target name")),
        _actor_text(_get(fields, ctx, "target name"), _get(fields, ctx, "target sectors")),
        code,
        root,
        goldstein if intensity is None else intensity,
        quad,
        None,
        None,
        None,
        None,
        None,
        _get(fields, ctx, "event text"),
    )
