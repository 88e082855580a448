"""The dyad summary table printed at the end of an ingest or the demo."""

from __future__ import annotations

import pandas as pd

from tripolar.store import Store

DYAD_SUMMARY_SQL = """
WITH dyadic AS (
    SELECT least(source_country, target_country) || '-' ||
           greatest(source_country, target_country) AS dyad,
           quad_class, goldstein, event_date, mentions
    FROM distinct_events
    WHERE source_country <> target_country
      AND source_country <> '---' AND target_country <> '---'  -- unknown country: no dyad
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
    """Undirected country dyads by number of distinct events (each real event once).

    Columns: dyad ("CHN-RUS", codes sorted), events, reports (the mentions behind them),
    coop (quad 1-2 events),
    conflict (quad 3-4 events), goldstein (mean), first, last (event dates).
    Events within one country (e.g. USAGOV -> USALEG) are left out, and so are events with
    a party of unknown country (`---REB`, `---GOV`).
    """
    return store.sql(DYAD_SUMMARY_SQL, [limit])
