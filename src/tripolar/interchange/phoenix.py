"""Phoenix event data and PETRARCH output lines (tab-separated, no header).

* The Phoenix data set (Open Event Data Alliance, coded by PETRARCH; Phoenix Event Data Set
  Documentation and phoenixdata.org): 26 columns - EventID, Date (YYYYMMDD), Year, Month,
  Day, SourceActorFull, SourceActorEntity, SourceActorRole, SourceActorAttribute,
  TargetActorFull, TargetActorEntity, TargetActorRole, TargetActorAttribute, EventCode,
  EventRootCode, PentaClass, GoldsteinScore, Issues, Lat, Lon, LocationName, StateName,
  CountryCode, SentenceID, URLs, NewsSources.
* PETRARCH's own event file (``PETRwriter.write_events``): date (YYYYMMDD), source, target,
  CAMEO code, then optional fields - issues, the story/sentence ids, the URL and the story
  source. The key is the ids field with the event (a story yields several events).

The full actor code (``SYRREB``) is the actor; its first three letters the country.
"""

from __future__ import annotations

from tripolar.interchange.record import Context, Row, RowError, compact_date, number

PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "PentaClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
)  # fmt: skip


def _phoenix(fields: list[str], ctx: Context) -> Row:
    original = fields[0].strip()
    if not original:
        raise RowError("EventID is empty")
    code, root, goldstein, quad = ctx.codes.resolve(fields[13])
    given = number(fields[16].strip(), "GoldsteinScore")
    source, target = fields[5].strip(), fields[9].strip()
    return (
        original,
        original,
        compact_date(fields[1], "Date"),
        ctx.actor(source, "", ""),
        source,
        ctx.actor(target, "", ""),
        target,
        code,
        root,
        goldstein if given is None else given,
        quad,
        fields[24].strip() or None,
        None,
        None,
        None,
        None,
        "",
    )


def _petrarch(fields: list[str], ctx: Context) -> Row:
    day = compact_date(fields[0], "date")
    source, target = fields[1].strip(), fields[2].strip()
    code, root, goldstein, quad = ctx.codes.resolve(fields[3])
    rest = [f.strip() for f in fields[4:]]
    url = next((f for f in rest if f.startswith(("http://", "https://"))), None)
    ids = next((f for f in reversed(rest) if f and f != url and any(c.isdigit() for c in f)), "")
    key = "\t".join((ids, fields[0].strip(), source, target, code))
    return (
        key, ids or None, day, ctx.actor(source, "", ""), source, ctx.actor(target, "", ""), target,
        code, root, goldstein, quad, url, None, None, None, None, "",
    )  # fmt: skip


def parse_phoenix(fields: list[str], ctx: Context) -> Row:
    if len(fields) == len(PHOENIX_COLUMNS):
        return _phoenix(fields, ctx)
    if len(fields) >= 4 and len(fields[0].strip()) == 8 and fields[0].strip().isdigit():
        return _petrarch(fields, ctx)
    raise RowError(
        f"{len(fields)} tab-separated columns: neither a Phoenix row "
        f"({len(PHOENIX_COLUMNS)} columns) nor a PETRARCH line (date, source, target, code, ...)"
    )
