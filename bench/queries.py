"""Query times on a large synthetic store (10 M events by default).

    .venv/bin/python bench/queries.py                 # 10 M events
    .venv/bin/python bench/queries.py --events 1000000 --keep /tmp/q.duckdb

The database file is created by `Store.open`, so the schema (tables, views) is the real one;
documents and events are then inserted with DuckDB SQL (generate_series), 20 events a
document, 12 states with a few agent suffixes, dates over 2000-2024. It times, each the
best of three runs:

* dyad series: monthly Goldstein sum, mean and count per undirected dyad (country level);
* triangle: the monthly sign of net Goldstein for the three dyads of CHN, RUS, USA;
* event filtering: `Store.events(dyad=..., since=..., until=...)` over one year, and the
  same filter with ORDER BY ... LIMIT 100 in SQL (Store.events has no limit parameter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tripolar.store import Store

STATES = ["CHN", "RUS", "USA", "JPN", "IND", "DEU", "FRA", "GBR", "IRN", "TUR", "BRA", "KOR"]
SUFFIXES = ["", "GOV", "MIL", "GOV", ""]
CODES = [("010", 0.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 2), ("070", 7.0, 2),
         ("111", -2.0, 3), ("112", -2.0, 3), ("130", -4.4, 3), ("163", -8.0, 4),
         ("190", -10.0, 4)]  # fmt: skip

DYAD_SERIES = """
SELECT least(left(source, 3), left(target, 3)) AS a,
       greatest(left(source, 3), left(target, 3)) AS b,
       date_trunc('month', event_date) AS month,
       sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, count(*) AS n
FROM current_events
WHERE event_date IS NOT NULL AND left(source, 3) <> left(target, 3)
GROUP BY ALL
"""

TRIANGLE = """
WITH dyads AS (
    SELECT least(left(source, 3), left(target, 3)) || '-' ||
           greatest(left(source, 3), left(target, 3)) AS dyad,
           date_trunc('month', event_date) AS month, goldstein
    FROM current_events
    WHERE left(source, 3) IN ('CHN', 'RUS', 'USA') AND left(target, 3) IN ('CHN', 'RUS', 'USA')
      AND left(source, 3) <> left(target, 3) AND event_date IS NOT NULL
)
PIVOT (SELECT dyad, month, sign(sum(goldstein)) AS s FROM dyads GROUP BY ALL)
ON dyad USING first(s) ORDER BY month
"""

FILTER_LIMIT = """
SELECT e.*, d.title, d.url, d.published FROM current_events e JOIN documents d USING (doc_id)
WHERE ((left(e.source, 3) = 'CHN' AND left(e.target, 3) = 'RUS')
    OR (left(e.source, 3) = 'RUS' AND left(e.target, 3) = 'CHN'))
  AND e.event_date BETWEEN DATE '2019-01-01' AND DATE '2019-12-31'
ORDER BY e.event_date, e.doc_id, e.sentence_index, e.trigger_start
LIMIT 100
"""


def build(store: Store, events: int) -> None:
    documents = max(events // 20, 1)
    states = "[" + ", ".join(f"'{s}'" for s in STATES) + "]"
    suffixes = "[" + ", ".join(f"'{s}'" for s in SUFFIXES) + "]"
    codes = "[" + ", ".join(f"'{c}'" for c, _, _ in CODES) + "]"
    goldstein = "[" + ", ".join(str(g) for _, g, _ in CODES) + "]"
    quads = "[" + ", ".join(str(q) for _, _, q in CODES) + "]"
    con = store.connection
    con.execute(
        f"""
        INSERT INTO documents (doc_id, format, published, date_basis, text, ingested_at, version)
        SELECT 'd' || i, 'txt', DATE '2000-01-01' + CAST(i * 9131 // {documents} AS INTEGER),
               'metadata', 'synthetic document', TIMESTAMP '2024-01-01', 1
        FROM generate_series(0, {documents - 1}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (event_id, doc_id, sentence_index, start_char, end_char,
            trigger_start, trigger_end, source, source_text, target, target_text, code, root,
            goldstein, quad_class, event_date, date_basis, rule, sentence)
        SELECT 'e' || i, 'd' || (i // 20), (i % 20), 0, 40, 5, 10,
               {states}[1 + CAST(hash(i) % {len(STATES)} AS BIGINT)]
                   || {suffixes}[1 + CAST(hash(i + 1) % 5 AS BIGINT)],
               'source',
               {states}[1 + CAST(hash(i + 2) % {len(STATES)} AS BIGINT)]
                   || {suffixes}[1 + CAST(hash(i + 3) % 5 AS BIGINT)],
               'target', {codes}[1 + i % {len(CODES)}], left({codes}[1 + i % {len(CODES)}], 2),
               {goldstein}[1 + i % {len(CODES)}], {quads}[1 + i % {len(CODES)}],
               DATE '2000-01-01' + CAST((i // 20) * 9131 // {documents} AS INTEGER),
               'publication', 'verb:synthetic', 'A synthetic sentence for the benchmark.'
        FROM generate_series(0, {events - 1}) t(i)
        """
    )
    con.execute("CHECKPOINT")


def best_of(runs: int, job: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tripolar-queries-") as tmp:
        path = args.keep or Path(tmp) / "queries.duckdb"
        fresh = not path.exists()
        with Store.open(path) as store:
            if fresh:
                start = time.perf_counter()
                build(store, args.events)
                print(f"built {args.events:,} events in {time.perf_counter() - start:.1f} s")
            counts = store.counts()
            print(f"store: {counts['documents']:,} documents, {counts['events']:,} events")
            since, until = dt.date(2019, 1, 1), dt.date(2019, 12, 31)
            timings = [
                ("dyad series (monthly sum/mean/count, all dyads)", lambda: store.sql(DYAD_SERIES)),
                ("triangle CHN-RUS-USA (monthly signs)", lambda: store.sql(TRIANGLE)),
                (
                    "Store.events(dyad=CHN-RUS, one year), all rows",
                    lambda: store.events(dyad="CHN-RUS", since=since, until=until),
                ),
                ("same filter, ORDER BY ... LIMIT 100 (SQL)", lambda: store.sql(FILTER_LIMIT)),
            ]
            for name, job in timings:
                seconds, frame = best_of(3, job)
                verdict = "ok" if seconds < 1.0 else "SLOW"
                print(f"{name}: {seconds:.3f} s ({len(frame):,} rows) {verdict}")


if __name__ == "__main__":
    main()
