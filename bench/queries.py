"""Query times on a large synthetic store (10 M events by default).

    .venv/bin/python bench/queries.py                 # 10 M events
    .venv/bin/python bench/queries.py --events 1000000 --keep /tmp/q.duckdb

The database file is created by `Store.open`, so the schema (tables, views) is the real one;
documents and events are then inserted with DuckDB SQL (generate_series), 20 events a
document, 12 states with a few agent suffixes, dates over 2000-2024; one document in 50 is
an older version of another (its events are superseded). It times, each the best of three
runs:

* raw SQL over `current_events`: the monthly dyad series (Goldstein sum, mean and count per
  undirected country dyad), a CHN-RUS-USA triangle of monthly signs, and one year of CHN-RUS
  events with ORDER BY ... LIMIT 100;
* the real API: `category_table` (the SQL part of the series), `relations(store,
  actors=("CHN", "RUS", "USA"), freq="month")` without and with the bootstrap (n_boot=200),
  `triangle(store, "CHN", "RUS", "USA", freq="quarter")`, and `Store.events(dyad="CHN-RUS",
  since=..., until=...)` over one year, all rows and with limit=100.

Event identity (issue 17): every two consecutive events of a document are mentions of one
distinct event, one event in 20 has a month-precision date and one in 50 a year; the
``distinct_events`` table is filled by the store's own refresh SQL (store/distinct.py). It
times `Store.distinct_events` (what `tripolar events --distinct` runs) over one CHN-RUS year,
with limit=100 over all, and all distinct events of one year; and `relations` counting
per mention (the old default) next to the distinct default above.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tripolar.analytics import category_table, relations, triangle
from tripolar.store import Store
from tripolar.store.distinct import REFRESH_SQL

STATES = ["CHN", "RUS", "USA", "JPN", "IND", "DEU", "FRA", "GBR", "IRN", "TUR", "BRA", "KOR"]
SUFFIXES = ["", "GOV", "MIL", "GOV", ""]
CODES = [("010", 0.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 2), ("070", 7.0, 2),
         ("111", -2.0, 3), ("112", -2.0, 3), ("130", -4.4, 3), ("163", -8.0, 4),
         ("190", -10.0, 4)]  # fmt: skip

DYAD_SERIES = """
SELECT least(source_country, target_country) AS a,
       greatest(source_country, target_country) AS b,
       date_trunc('month', event_date) AS month,
       sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, count(*) AS n
FROM current_events
WHERE event_date IS NOT NULL AND source_country <> target_country
GROUP BY ALL
"""

TRIANGLE = """
WITH dyads AS (
    SELECT least(source_country, target_country) || '-' ||
           greatest(source_country, target_country) AS dyad,
           date_trunc('month', event_date) AS month, goldstein
    FROM current_events
    WHERE source_country IN ('CHN', 'RUS', 'USA') AND target_country IN ('CHN', 'RUS', 'USA')
      AND source_country <> target_country AND event_date IS NOT NULL
)
PIVOT (SELECT dyad, month, sign(sum(goldstein)) AS s FROM dyads GROUP BY ALL)
ON dyad USING first(s) ORDER BY month
"""

FILTER_LIMIT = """
SELECT e.*, d.title, d.url, d.published FROM current_events e JOIN documents d USING (doc_id)
WHERE ((e.source_country = 'CHN' AND e.target_country = 'RUS')
    OR (e.source_country = 'RUS' AND e.target_country = 'CHN'))
  AND e.event_date BETWEEN DATE '2019-01-01' AND DATE '2019-12-31'
ORDER BY e.event_date, e.doc_id, e.sentence_index, e.trigger_start
LIMIT 100
"""

VERSION_EVERY = 50
"""One document in this many is replaced by the next one (a later version of the same URL)."""


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
        INSERT INTO documents (doc_id, url, format, published, date_basis, text, ingested_at,
                               version, supersedes)
        SELECT 'd' || i, 'http://bench.example/' || (i - (i % {VERSION_EVERY} = 1)::INT),
               'txt', DATE '2000-01-01' + CAST(i * 9131 // {documents} AS INTEGER),
               'metadata', 'synthetic document', TIMESTAMP '2024-01-01',
               1 + (i % {VERSION_EVERY} = 1)::INT,
               CASE WHEN i % {VERSION_EVERY} = 1 THEN 'd' || (i - 1) END
        FROM generate_series(0, {documents - 1}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (event_id, doc_id, sentence_index, start_char, end_char,
            trigger_start, trigger_end, source, source_text, target, target_text, code, root,
            goldstein, quad_class, event_date, date_basis, rule, sentence, source_country,
            target_country, superseded)
        SELECT * EXCLUDE (doc), upper(left(source, 3)), upper(left(target, 3)),
               doc % {VERSION_EVERY} = 0 AND doc + 1 < {documents}
        FROM (
            SELECT 'e' || i, 'd' || (i // 20), (i % 20), 0, 40, 5, 10,
                   {states}[1 + CAST(hash(i) % {len(STATES)} AS BIGINT)]
                       || {suffixes}[1 + CAST(hash(i + 1) % 5 AS BIGINT)] AS source,
                   'source',
                   {states}[1 + CAST(hash(i + 2) % {len(STATES)} AS BIGINT)]
                       || {suffixes}[1 + CAST(hash(i + 3) % 5 AS BIGINT)] AS target,
                   'target', {codes}[1 + i % {len(CODES)}],
                   left({codes}[1 + i % {len(CODES)}], 2),
                   {goldstein}[1 + i % {len(CODES)}], {quads}[1 + i % {len(CODES)}],
                   DATE '2000-01-01' + CAST((i // 20) * 9131 // {documents} AS INTEGER),
                   'publication', 'verb:synthetic', 'A synthetic sentence for the benchmark.',
                   i // 20 AS doc
            FROM generate_series(0, {events - 1}) t(i)
        )
        """
    )
    # event identity: pairs of mentions, some coarse dates
    con.execute(
        """
        UPDATE events SET distinct_id = 'e' || (i - i % 2),
            date_precision = CASE WHEN i % 50 = 7 THEN 'year' WHEN i % 20 = 3 THEN 'month'
                                  ELSE 'day' END
        FROM (SELECT event_id AS id, CAST(substr(event_id, 2) AS BIGINT) AS i FROM events) n
        WHERE events.event_id = n.id
        """
    )
    con.execute(REFRESH_SQL.format(where="TRUE"))
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
            trio = ("CHN", "RUS", "USA")
            timings: list[tuple[str, Callable[[], Any]]] = [
                ("SQL dyad series (monthly sum/mean/count, all dyads)",
                 lambda: store.sql(DYAD_SERIES)),
                ("SQL triangle CHN-RUS-USA (monthly signs)", lambda: store.sql(TRIANGLE)),
                ("SQL one year of CHN-RUS, ORDER BY ... LIMIT 100",
                 lambda: store.sql(FILTER_LIMIT)),
                ("category_table(store, CHN/RUS/USA, month) (SQL part of relations)",
                 lambda: category_table(store, actors=trio, freq="month", directed=False)),
                ("relations(store, CHN/RUS/USA, month, n_boot=0)",
                 lambda: relations(store, actors=trio, freq="month", n_boot=0)),
                ("relations(store, CHN/RUS/USA, month, n_boot=200)",
                 lambda: relations(store, actors=trio, freq="month", n_boot=200)),
                ('triangle(store, "CHN", "RUS", "USA", freq="quarter")',
                 lambda: triangle(store, "CHN", "RUS", "USA", freq="quarter")),
                ("Store.events(dyad=CHN-RUS, one year), all rows",
                 lambda: store.events(dyad="CHN-RUS", since=since, until=until)),
                ("Store.events(dyad=CHN-RUS, one year, limit=100)",
                 lambda: store.events(dyad="CHN-RUS", since=since, until=until, limit=100)),
                ("relations(store, CHN/RUS/USA, month, n_boot=0, weighting=mention)",
                 lambda: relations(store, actors=trio, freq="month", n_boot=0,
                                   weighting="mention")),
                ("Store.distinct_events(dyad=CHN-RUS, one year) (events --distinct)",
                 lambda: store.distinct_events(dyad="CHN-RUS", since=since, until=until)),
                ("Store.distinct_events(limit=100), all years",
                 lambda: store.distinct_events(limit=100)),
                ("Store.distinct_events(one year), all dyads",
                 lambda: store.distinct_events(since=since, until=until)),
            ]  # fmt: skip
            for name, job in timings:
                seconds, frame = best_of(3, job)
                verdict = "ok" if seconds < 1.0 else "SLOW"
                print(f"{name}: {seconds:.3f} s ({len(frame):,} rows) {verdict}", flush=True)


if __name__ == "__main__":
    main()
