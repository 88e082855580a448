"""POLECAT event files (Harvard Dataverse, doi:10.7910/DVN/AJGVIT): PLOVER-coded events,
tab-separated with a header row. Columns are found by name (case, spaces and underscores
ignored): Event ID, Event Date, Event Type, Event Mode, Contexts, Actor Name, Actor Country,
Recipient Name, Recipient Country, and where present a URL column (Source URL, URL) and
tripolar's own "CAMEO Code" column (written by ``tripolar events --format plover``), which
wins over the PLOVER type when it is a CAMEO code.

PLOVER types become CAMEO codes through ``data/plover_cameo.tsv`` (docs/interchange.md,
"PLOVER to CAMEO"); a type the table lacks (CRIME, OTHER) is reported, never guessed.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tripolar.interchange.record import Context, Row, RowError, iso_date

HEADER_ALIASES = {
    "id": ("eventid", "id"),
    "date": ("eventdate", "date", "storydate"),
    "type": ("eventtype", "type", "ploverevent", "plovertype"),
    "mode": ("eventmode", "mode"),
    "contexts": ("contexts", "context", "eventcontexts"),
    "actor": ("actorname", "actor", "source"),
    "actor_country": ("actorcountry", "sourcecountry"),
    "recipient": ("recipientname", "recipient", "target"),
    "recipient_country": ("recipientcountry", "targetcountry"),
    "url": ("sourceurl", "url", "storyurl"),
    "cameo": ("cameocode",),
    "text": ("eventtext", "headline"),
}


def normalise_header(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


@lru_cache(maxsize=1)
def plover_table() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode or "") -> CAMEO code, from data/plover_cameo.tsv."""
    text = (
        resources.files("tripolar.interchange").joinpath("data/plover_cameo.tsv").read_text("utf-8")
    )
    table: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("plover\t"):
            continue
        plover, mode, cameo = ([*line.split("\t"), "", ""])[:3]
        table[(plover.strip().upper(), mode.strip().lower())] = cameo.strip()
    return table


def cameo_for(plover: str, mode: str) -> str:
    table = plover_table()
    kind = plover.strip().upper()
    found = table.get((kind, mode.strip().lower())) or table.get((kind, ""))
    if found is None:
        raise RowError(f"PLOVER event type {plover!r} has no CAMEO equivalent")
    return found


def _get(fields: list[str], ctx: Context, name: str) -> str:
    index = ctx.header.get(name)
    return fields[index].strip() if index is not None and index < len(fields) else ""


def parse_polecat(fields: list[str], ctx: Context) -> Row:
    original = _get(fields, ctx, "id")
    if not original:
        raise RowError("Event ID is empty")
    day = iso_date(_get(fields, ctx, "date"), "Event Date")
    given = _get(fields, ctx, "cameo")
    raw = given or cameo_for(_get(fields, ctx, "type"), _get(fields, ctx, "mode"))
    code, root, goldstein, quad = ctx.codes.resolve(raw)
    return (
        original,
        original,
        day,
        ctx.actor("", _get(fields, ctx, "actor_country"), _get(fields, ctx, "actor")),
        _get(fields, ctx, "actor"),
        ctx.actor("", _get(fields, ctx, "recipient_country"), _get(fields, ctx, "recipient")),
        _get(fields, ctx, "recipient"),
        code,
        root,
        goldstein,
        quad,
        _get(fields, ctx, "url") or None,
        None,
        None,
        None,
        None,
        _get(fields, ctx, "text"),
    )


def header_map(names: list[str]) -> dict[str, int]:
    """Column name -> index for the aliases above (first match wins)."""
    positions = {normalise_header(n): i for i, n in reversed(list(enumerate(names)))}
    found: dict[str, int] = {}
    for key, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            if alias in positions:
                found[key] = positions[alias]
                break
    return found
