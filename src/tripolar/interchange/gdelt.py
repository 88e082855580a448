"""GDELT 1.0 and 2.0 event exports: tab-separated, no header, a fixed column order.

GDELT 1.0 (Event Database Codebook 1.03): 57 columns in the historical backfiles (1979 to
March 2013), 58 in the daily files (SOURCEURL added at the end). GDELT 2.0 (Event Codebook
V2.0): 61 columns; each of the three geography blocks gains an ADM2Code, and DATEADDED is
YYYYMMDDHHMMSS. The first 35 columns are the same in both: id, dates, the two actors (ten
columns each), IsRootEvent, the three event codes, QuadClass, GoldsteinScale, NumMentions,
NumSources, NumArticles and AvgTone. See docs/interchange.md.
"""

from __future__ import annotations

from tripolar.interchange.record import (
    Context,
    Row,
    RowError,
    compact_date,
    count,
    number,
)

ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
EVENT_FIELDS = (
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
)  # fmt: skip
GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _columns(geo: tuple[str, ...]) -> tuple[str, ...]:
    return (
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
        *EVENT_FIELDS,
        *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in geo),
        "DATEADDED", "SOURCEURL",
    )  # fmt: skip


GDELT1_COLUMNS = _columns(GEO_V1)  # 58 (57 without SOURCEURL in the backfiles)
GDELT2_COLUMNS = _columns(GEO_V2)  # 61

_ID, _DATE = 0, 1
_A1_CODE, _A1_NAME, _A1_COUNTRY = 5, 6, 7
_A2_CODE, _A2_NAME, _A2_COUNTRY = 15, 16, 17
_CODE, _QUAD, _GOLD, _MENTIONS, _SOURCES, _ARTICLES, _TONE = 26, 29, 30, 31, 32, 33, 34


def _parse(fields: list[str], ctx: Context, widths: tuple[int, ...]) -> Row:
    if len(fields) not in widths:
        expected = " or ".join(str(w) for w in widths)
        raise RowError(f"{len(fields)} tab-separated columns, expected {expected}")
    original = fields[_ID].strip()
    if not original:
        raise RowError("GLOBALEVENTID is empty")
    code, root, goldstein, quad = ctx.codes.resolve(fields[_CODE])
    given_gold = number(fields[_GOLD], "GoldsteinScale")
    given_quad = count(fields[_QUAD], "QuadClass")
    if given_quad is not None and not 1 <= given_quad <= 4:
        raise RowError(f"QuadClass {given_quad} is not 1-4")
    url = (fields[-1].strip() or None) if len(fields) == widths[-1] else None
    return (
        original,
        original,
        compact_date(fields[_DATE], "SQLDATE"),
        ctx.actor(fields[_A1_CODE], fields[_A1_COUNTRY], ""),
        fields[_A1_NAME],
        ctx.actor(fields[_A2_CODE], fields[_A2_COUNTRY], ""),
        fields[_A2_NAME],
        code,
        root,
        goldstein if given_gold is None else given_gold,
        quad if given_quad is None else given_quad,
        url,
        count(fields[_MENTIONS], "NumMentions"),
        count(fields[_SOURCES], "NumSources"),
        count(fields[_ARTICLES], "NumArticles"),
        number(fields[_TONE], "AvgTone"),
        "",
    )


def parse_gdelt1(fields: list[str], ctx: Context) -> Row:
    return _parse(fields, ctx, (len(GDELT1_COLUMNS) - 1, len(GDELT1_COLUMNS)))


def parse_gdelt2(fields: list[str], ctx: Context) -> Row:
    return _parse(fields, ctx, (len(GDELT2_COLUMNS),))
