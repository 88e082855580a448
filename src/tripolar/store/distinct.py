"""Keeping the distinct events of a store up to date (the links themselves: identity.py).

After a batch of documents is written (in the same transaction), `identify` finds the stored
mentions the new ones can link to, recomputes the components of every distinct event they
touch (and of every event that lost a mention to a newer document version), writes the new
``distinct_id`` of each changed mention and rebuilds those events' ``distinct_events`` rows.
The components are those of all current mentions, so the result is the same as linking the
whole store at once, whatever the order the documents came in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from tripolar.model import DATED_BY_TEXT
from tripolar.store.identity import Mention, candidate_window, distinct_ids

_MENTION_COLUMNS = (
    "event_id, doc_id, source_country, target_country, code, event_date, date_basis, "
    "date_precision, coalesce(dataset, 'tripolar') AS dataset, distinct_id"
)

BEST_EVIDENCE_KEY = (
    f"struct_pack(t := date_basis NOT IN {DATED_BY_TEXT}, "
    "p := CASE date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 ELSE 3 END, "
    "r := coalesce(published, DATE '9999-12-31'), s := sentence_index, e := event_id)"
)
"""The mention that stands for a distinct event is the least by this key: a date from the
text before a publication date, the most precise date, the earliest report, the earliest
sentence (then the smallest id)."""

_BEST_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "sentence", "source", "target", "code", "root",
    "goldstein", "quad_class", "event_date", "date_basis", "date_precision", "source_country",
    "target_country", "dataset",
)  # fmt: skip

REFRESH_SQL = f"""
INSERT INTO distinct_events (distinct_id, {", ".join(_BEST_COLUMNS)}, mentions, documents,
       sources, first_reported, last_reported)
WITH e AS (
    SELECT distinct_id, {", ".join(_BEST_COLUMNS)} FROM current_events WHERE {{where}}
), d AS (
    SELECT doc_id, coalesce(outlet, 'document:' || doc_id) AS outlet, published FROM documents
    WHERE doc_id IN (SELECT doc_id FROM e)
), per_document AS (
    SELECT distinct_id, doc_id, coalesce(any_value(outlet), 'document:' || doc_id) AS outlet,
           any_value(published) AS published,
           count(*) AS mentions, min({BEST_EVIDENCE_KEY}) AS key,
           arg_min(struct_pack({", ".join(_BEST_COLUMNS)}), {BEST_EVIDENCE_KEY}) AS best
    FROM e LEFT JOIN d USING (doc_id) GROUP BY distinct_id, doc_id
)
SELECT distinct_id, {", ".join(f"best.{c}" for c in _BEST_COLUMNS)}, mentions, documents,
       sources, first_reported, last_reported
FROM (
    SELECT distinct_id, arg_min(best, key) AS best, sum(mentions) AS mentions,
           count(*) AS documents, count(DISTINCT outlet) AS sources,
           min(published) AS first_reported, max(published) AS last_reported
    FROM per_document GROUP BY distinct_id
)
ORDER BY best.event_date, distinct_id
"""
"""Distinct-event rows from their current mentions; a document of no known outlet counts as
an outlet of its own (so does an imported event, which has no document). Rows are written in
date order, so that date filters can skip DuckDB's row groups (as they do on events, which
arrive roughly in date order)."""


def _mentions(rows: Sequence[tuple[Any, ...]]) -> dict[str, tuple[Mention, str | None]]:
    return {
        row[0]: (Mention(*row[:9]), row[9])
        for row in rows  # event_id -> (mention, its stored distinct_id)
    }


def _select(connection: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[Any]:
    return connection.execute(
        f"SELECT {_MENTION_COLUMNS} FROM current_events WHERE {where}", params
    ).fetchall()


def identify(
    connection: duckdb.DuckDBPyConnection, new_docs: Sequence[str], replaced: Sequence[str]
) -> None:
    """Link the current mentions of ``new_docs`` into distinct events, and re-link the
    events that mentions of the ``replaced`` documents (now superseded) belonged to."""
    fresh = _mentions(_select(connection, "doc_id IN (SELECT unnest(?))", [list(new_docs)]))
    touched: set[str] = set()
    if replaced:
        rows = connection.execute(
            "SELECT DISTINCT distinct_id FROM events WHERE doc_id IN (SELECT unnest(?)) "
            "AND distinct_id IS NOT NULL",
            [list(replaced)],
        ).fetchall()
        touched.update(row[0] for row in rows)
        connection.execute(
            "UPDATE events SET distinct_id = event_id WHERE doc_id IN (SELECT unnest(?))",
            [list(replaced)],
        )
    touched.update(_neighbours(connection, [m for m, _ in fresh.values()], new_docs))
    members = dict(fresh)
    if touched:
        where = "distinct_id IN (SELECT unnest(?))"
        members.update(_mentions(_select(connection, where, [sorted(touched)])))
    _relink(connection, members, touched)


def _neighbours(
    connection: duckdb.DuckDBPyConnection, mentions: Sequence[Mention], new_docs: Sequence[str]
) -> set[str]:
    """Distinct ids of stored mentions (of other documents) that new mentions may link to."""
    windows = []
    for m in mentions:
        window = candidate_window(m)
        if window is not None:
            a, b = sorted((m.source_country, m.target_country))
            windows.append((a, b, m.code[:2], m.dataset, window[0], window[1]))
    if not windows:
        return set()
    columns = list(zip(*windows, strict=True))
    probe = pa.Table.from_arrays(
        [pa.array(columns[i], type=pa.string()) for i in range(4)]
        + [pa.array(columns[i], type=pa.date32()) for i in (4, 5)],
        names=["a", "b", "root", "dataset", "lo", "hi"],
    )
    connection.register("tripolar_identity_probe", probe)
    try:
        rows = connection.execute(
            """
            SELECT DISTINCT e.distinct_id FROM current_events e
            JOIN (SELECT DISTINCT * FROM tripolar_identity_probe) p
              ON least(e.source_country, e.target_country) = p.a
             AND greatest(e.source_country, e.target_country) = p.b
             AND e.root = p.root AND coalesce(e.dataset, 'tripolar') = p.dataset
             AND e.event_date BETWEEN p.lo AND p.hi
            WHERE e.doc_id NOT IN (SELECT unnest(?)) AND e.distinct_id IS NOT NULL
            """,
            [list(new_docs)],
        ).fetchall()
    finally:
        connection.unregister("tripolar_identity_probe")
    return {row[0] for row in rows}


def _relink(
    connection: duckdb.DuckDBPyConnection,
    members: dict[str, tuple[Mention, str | None]],
    touched: set[str],
) -> None:
    if not members:
        return
    assigned = distinct_ids([m for m, _ in members.values()])
    changed = [(eid, did) for eid, did in assigned.items() if members[eid][1] != did]
    if changed:
        table = pa.Table.from_arrays(
            [pa.array([c[0] for c in changed]), pa.array([c[1] for c in changed])],
            names=["event_id", "distinct_id"],
        )
        connection.register("tripolar_identity_ids", table)
        try:
            connection.execute(
                "UPDATE events SET distinct_id = n.distinct_id FROM tripolar_identity_ids n "
                "WHERE events.event_id = n.event_id AND NOT events.superseded"
            )
        finally:
            connection.unregister("tripolar_identity_ids")
    stale = sorted(touched | set(assigned.values()))
    connection.execute(
        "DELETE FROM distinct_events WHERE distinct_id IN (SELECT unnest(?))", [stale]
    )
    connection.execute(REFRESH_SQL.format(where="distinct_id IN (SELECT unnest(?))"), [stale])


def identify_backlog(connection: duckdb.DuckDBPyConnection) -> int:
    """Link every current mention that has no distinct event yet (rows stored by an older
    tripolar, after the schema-4 migration). Returns how many mentions were linked."""
    rows = connection.execute(
        "SELECT DISTINCT doc_id FROM current_events WHERE distinct_id IS NULL"
    ).fetchall()
    docs = [row[0] for row in rows]
    if docs:
        identify(connection, docs, [])
    return len(docs)
