"""The dyad summary table printed at the end of an ingest or the demo."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tripolar.actors.lookup import dyad_label_name
from tripolar.store import Store

# A party is a state (its country code) or, for an organisation, its whole code: the EU,
# NATO and the UN are three parties, not one "IGO".
_PARTY = "CASE WHEN {c}_country IN ('IGO', 'NGO', 'IMG') THEN {c} ELSE {c}_country END"
_SOURCE, _TARGET = _PARTY.format(c="source"), _PARTY.format(c="target")

DYAD_SUMMARY_SQL = f"""
WITH parties AS (
    SELECT {_SOURCE} AS a, {_TARGET} AS b, quad_class, goldstein, event_date, mentions
    FROM distinct_events
    WHERE source_country <> '---' AND target_country <> '---'  -- unknown country: no dyad
), dyadic AS (
    SELECT least(a, b) || '-' || greatest(a, b) AS dyad, quad_class, goldstein, event_date,
           mentions
    FROM parties WHERE a <> b
)
SELECT dyad,
       count(*) AS events,
       CAST(sum(mentions) AS INTEGER) AS reports,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS coop,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       round(avg(goldstein), 2) AS goldstein,
       min(event_date) AS first,
       max(event_date) AS last
FROM dyadic
GROUP BY dyad
ORDER BY events DESC, dyad
LIMIT ?
"""


def dyad_summary(store: Store, *, limit: int = 15) -> pd.DataFrame:
    """Undirected dyads by number of distinct events (each real event once).

    Columns: dyad ("CHN-RUS", codes sorted; an organisation by its whole code,
    "IGOWSTNAT-RUS"), parties (the dyad in words, "China – Russia"), events, reports (the
    mentions behind them), coop (quad 1-2 events), conflict (quad 3-4 events), goldstein
    (mean), first, last (event dates).
    Events within one country (e.g. USAGOV -> USALEG) are left out, and so are events with
    a party of unknown country (`---REB`, `---GOV`).
    """
    frame = store.sql(DYAD_SUMMARY_SQL, [limit])
    frame.insert(1, "parties", [dyad_label_name(d) for d in frame["dyad"]])
    return frame


def default_since(store: Store) -> tuple[dt.date | None, int]:
    """Where tables start by default, and how many events lie before it: 1 January of the
    year the first stored document was published. Earlier events are background history the
    articles mention (a 1979 normalisation, a 2001 treaty); the weeks before the first
    article, which it reports, stay in."""
    published, _ = store.published_span()
    if published is None:
        return None, 0
    first = dt.date(published.year, 1, 1)
    row = store.sql("SELECT count(*) AS n FROM current_events WHERE event_date < ?", [first])
    return first, int(row["n"].iloc[0])
