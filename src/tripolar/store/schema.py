"""The DuckDB schema and its version.

Bump SCHEMA_VERSION when a table changes and add the step to MIGRATIONS, keyed by the
version it upgrades from, so older files are brought forward when opened.

Written for fast analytics over many events (docs/scale.md, "The store"):

* ``events.source_country`` / ``target_country`` hold ``upper(left(code, 3))``, filled by the
  writer, so dyad filters and group-bys read a short column instead of computing it per row;
* ``superseded`` on events and assessments is true once a newer version of their document
  is stored, so the ``current_*`` views are a plain filter instead of an anti-join;
* sentences and events have no primary key: ``Store.add`` writes a document's rows once, in
  the transaction that stores the document (whose key guards against repeats), and removes
  repeats within a batch itself; the key indexes only cost memory and insert time.
"""

from __future__ import annotations

from tripolar.model import SPACE_CHARACTERS

SCHEMA_VERSION = 8

ASSESSMENTS_TABLE = """
CREATE TABLE IF NOT EXISTS assessments (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    polarity DOUBLE NOT NULL,
    intensity DOUBLE NOT NULL,
    dimension VARCHAR NOT NULL,
    time_orientation VARCHAR NOT NULL,
    modality VARCHAR NOT NULL,
    holder VARCHAR NOT NULL,
    holder_code VARCHAR NOT NULL,
    cues VARCHAR[] NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    negated BOOLEAN NOT NULL,
    hedged BOOLEAN NOT NULL,
    rule VARCHAR NOT NULL,
    published DATE,
    superseded BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (doc_id, sentence_index, subject)
);
"""

FETCHES_TABLE = """
CREATE TABLE IF NOT EXISTS fetches (
    url VARCHAR PRIMARY KEY,
    final_url VARCHAR NOT NULL,
    status SMALLINT NOT NULL,
    etag VARCHAR,
    last_modified VARCHAR,
    content_type VARCHAR,
    doc_id VARCHAR,
    items VARCHAR[],
    fetched_at TIMESTAMP,
    checked_at TIMESTAMP NOT NULL
);
"""
"""One row per URL fetched over HTTP (tripolar ingest URL / watch): the validators for the
next conditional request, the document a page gave or the item links a feed held."""

SENTENCES_TABLE = """
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    text VARCHAR NOT NULL
);
"""

EVENTS_TABLE_V3 = """
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    source_text VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    target_text VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    quad_class TINYINT NOT NULL,
    event_date DATE,
    date_basis VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    source_country VARCHAR NOT NULL,
    target_country VARCHAR NOT NULL,
    superseded BOOLEAN NOT NULL DEFAULT false
);
"""
"""The events table of schema 3 (what the schema-3 rebuild writes; later steps add columns)."""

DATASETS_STEP = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS dataset VARCHAR DEFAULT 'tripolar';
ALTER TABLE events ADD COLUMN IF NOT EXISTS original_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS url VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS dataset_mentions INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS dataset_sources INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS dataset_articles INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS tone DOUBLE;
CREATE TABLE IF NOT EXISTS imports (
    dataset VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    events_stored BIGINT NOT NULL,
    rows_failed BIGINT NOT NULL,
    finished_at TIMESTAMP NOT NULL
);
"""
"""Events of other datasets (GDELT, ICEWS, POLECAT, Phoenix; docs/interchange.md): which
dataset an event belongs to (tripolar's own: ``tripolar``), its id there, its source URL,
mention/source/article counts and tone; ``imports`` lists the files imported completely
(by content fingerprint), so importing one again is a no-op."""

EVENTS_TABLE = EVENTS_TABLE_V3 + DATASETS_STEP

DISTINCT_DATASET_STEP = (
    "ALTER TABLE distinct_events ADD COLUMN IF NOT EXISTS dataset VARCHAR DEFAULT 'tripolar';\n"
)
"""The dataset of each distinct event (schema 7; events of different datasets never link)."""

LOCATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS document_locations (
    doc_id VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    record VARCHAR NOT NULL DEFAULT '',
    first_seen TIMESTAMP NOT NULL,
    PRIMARY KEY (doc_id, location, record)
);
"""
"""Every place a document was seen: its URL, and each file (resolved to its real path, plus
the record within the file) that held the same text. Lineage follows only the document's own
URL or file; this table keeps the other places a copy was found."""


def _char_class(characters: str) -> str:
    """The inside of an RE2 character class matching ``characters`` (runs as ranges)."""
    codes = sorted(map(ord, characters))
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in runs)


_SPACE = f"[{_char_class(SPACE_CHARACTERS)}]"  # what str.isspace() is true for
_NOT_SPACE = f"[^{_char_class(SPACE_CHARACTERS)}]"
_OUTLET_HOST = (
    "regexp_replace(regexp_replace(lower(regexp_extract("
    f"regexp_replace(url, '^{_SPACE}+|{_SPACE}+$', '', 'g'), "
    "'^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)', 1)), '[.]+$', ''), '^www[.]', '')"
)
_OUTLET_SOURCE = f"nullif(lower(trim(regexp_replace(source, '{_SPACE}+', ' ', 'g'))), '')"
_OUTLET_FOLDER = (
    "CASE WHEN path <> '-' THEN nullif(lower(regexp_extract("
    "rtrim(replace(path, '\\', '/'), '/'), '([^/]+)/[^/]*$', 1)), '') END"
)
OUTLET_SQL = f"coalesce(nullif({_OUTLET_HOST}, ''), {_OUTLET_SOURCE}, {_OUTLET_FOLDER})"
"""The outlet of a stored document (mirrors tripolar.model.outlet_of, which a property test
holds it to): URL host, else the source field, else the folder of its file."""

DISTINCT_EVENTS_TABLE = """
CREATE TABLE IF NOT EXISTS distinct_events (
    distinct_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    quad_class TINYINT NOT NULL,
    event_date DATE,
    date_basis VARCHAR NOT NULL,
    date_precision VARCHAR NOT NULL,
    source_country VARCHAR NOT NULL,
    target_country VARCHAR NOT NULL,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_reported DATE,
    last_reported DATE,
    dataset VARCHAR DEFAULT 'tripolar'
);
"""
"""One row per distinct event of the current mentions (store/identity.py): its best
evidence mention's fields and how many mentions, documents and outlets report it."""

EVENT_IDENTITY = (
    """
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_precision VARCHAR DEFAULT 'day';
ALTER TABLE events ADD COLUMN IF NOT EXISTS distinct_id VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS outlet VARCHAR;
"""
    + DISTINCT_EVENTS_TABLE
    + f"""
UPDATE events SET date_precision = CASE
    WHEN event_date IS NULL THEN 'unknown'
    WHEN date_basis = 'text' AND month(event_date) = 1 AND day(event_date) = 1 THEN 'year'
    WHEN date_basis = 'text' AND day(event_date) = 1 THEN 'month'
    ELSE 'day' END
WHERE distinct_id IS NULL;
UPDATE events SET distinct_id = event_id WHERE superseded AND distinct_id IS NULL;
UPDATE documents SET outlet = {OUTLET_SQL} WHERE outlet IS NULL;
"""
)
"""Event identity and date precision (schema 4): each event row's ``date_precision`` and the
``distinct_id`` of the real event it reports, each document's ``outlet``, and the
``distinct_events`` table. Rows stored before get a precision guessed from their dates
(a text date on 1 January was a year, on the first of a month a month) and an outlet; the
Store then links their current events (``Store._identify_backlog``)."""

TABLES = f"""
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    path VARCHAR,
    record VARCHAR,
    format VARCHAR NOT NULL,
    published DATE,
    date_basis VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    supersedes VARCHAR,
    outlet VARCHAR,
    requested_url VARCHAR,
    final_url VARCHAR,
    fetched_at TIMESTAMP,
    http_status SMALLINT
);
{SENTENCES_TABLE}{EVENTS_TABLE}{ASSESSMENTS_TABLE}CREATE TABLE IF NOT EXISTS failures (
    path VARCHAR NOT NULL,
    line INTEGER,
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
{LOCATIONS_TABLE}{EVENT_IDENTITY}{FETCHES_TABLE}"""

VIEWS = """
CREATE OR REPLACE VIEW current_documents AS
    SELECT * FROM documents d
    WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = d.doc_id);
CREATE OR REPLACE VIEW current_events AS
    SELECT * EXCLUDE (superseded) FROM events WHERE NOT superseded;
CREATE OR REPLACE VIEW current_assessments AS
    SELECT * EXCLUDE (superseded) FROM assessments WHERE NOT superseded;
"""
"""Documents not replaced by a newer version, and their events: what analytics should count."""

LINEAGE_SQL = (
    "CASE WHEN url IS NOT NULL THEN 'url:' || url "
    "WHEN record IS NULL AND path IS NOT NULL AND path <> '-' THEN 'path:' || path END"
)
"""Which earlier documents a new one can be a version of: the same URL, else the same file
(whole-file documents only; records without a URL and standard input have no lineage)."""

REBUILD_SENTENCES_AND_EVENTS = (
    "ALTER TABLE sentences RENAME TO sentences_v2;\n"
    + SENTENCES_TABLE
    + "INSERT INTO sentences SELECT * FROM sentences_v2;\n"
    + "DROP TABLE sentences_v2;\n"
    + "ALTER TABLE events RENAME TO events_v2;\n"
    + EVENTS_TABLE_V3
    + """
INSERT INTO events
SELECT *, upper(left(source, 3)), upper(left(target, 3)),
       doc_id IN (SELECT supersedes FROM documents WHERE supersedes IS NOT NULL)
FROM events_v2;
DROP TABLE events_v2;
"""
)
"""Sentences and events in their schema-3 form (no primary keys; stored countries and
superseded flag), rebuilt from the older tables: DuckDB can neither drop a key nor add a NOT
NULL column filled by an update to a table with one."""

REPAIR_EARLY_V3 = (
    REBUILD_SENTENCES_AND_EVENTS
    + """
ALTER TABLE assessments ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT false;
UPDATE assessments SET superseded = true
WHERE doc_id IN (SELECT supersedes FROM documents WHERE supersedes IS NOT NULL);
"""
)
"""Brings a file written by a development build of schema 3 (before the stored countries and
superseded flags) to the released schema 3."""

ADD_DOCUMENT_LOCATIONS = (
    LOCATIONS_TABLE
    + """
INSERT OR IGNORE INTO document_locations
SELECT doc_id, url, '', ingested_at FROM documents WHERE url IS NOT NULL;
INSERT OR IGNORE INTO document_locations
SELECT doc_id, path, coalesce(record, ''), ingested_at FROM documents
WHERE path IS NOT NULL AND path <> '-';
"""
)
"""The places of the documents already stored, as they were recorded (paths as typed then:
older files kept no resolved path)."""

FETCH_STEP = f"""
{FETCHES_TABLE}
ALTER TABLE documents ADD COLUMN IF NOT EXISTS outlet VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS requested_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS final_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS fetched_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS http_status SMALLINT;
UPDATE documents SET outlet = {OUTLET_SQL} WHERE outlet IS NULL;
"""
"""Live sources: the fetch record table, and per document the outlet (Document.outlet; filled
for rows already stored) and what was fetched: URL asked for, final URL, time, status. The
outlet column and its backfill are shared with the event-identity step (both idempotent)."""


def _trim_step(table: str, text: str, offsets: bool) -> str:
    """UPDATE trimming the space around ``text`` in rows of ``table`` that have some, moving
    their sentence offsets in by as much (only rows whose offsets span their text)."""
    lead = f"length(regexp_extract({text}, '^{_SPACE}+'))"
    trail = f"length(regexp_extract({text}, '{_SPACE}+$'))"
    moved = f", start_char = start_char + {lead}, end_char = end_char - {trail}" if offsets else ""
    spans = f" AND end_char - start_char = length({text})" if offsets else ""
    return (
        f"UPDATE {table} SET {text} = substring({text}, 1 + {lead}, "
        f"length({text}) - {lead} - {trail}){moved}\n"
        f"WHERE regexp_matches({text}, '^{_SPACE}|{_SPACE}$') "
        f"AND regexp_matches({text}, '{_NOT_SPACE}'){spans};\n"
    )


TRIM_SENTENCES_STEP = (
    _trim_step("sentences", "text", offsets=True)
    + _trim_step("events", "sentence", offsets=True)
    + _trim_step("assessments", "sentence", offsets=True)
    + _trim_step("distinct_events", "sentence", offsets=False)
)
"""Sentences stored before the space around them was left out (``nlp.text.sentence_bounds``:
the blank line after a paragraph's last sentence) are trimmed, in every table that keeps a
sentence, and their offsets move in by as much, so ``documents.text[start:end]`` is still
the sentence. The tables are unchanged; running the step twice changes nothing."""

# from_version -> SQL that brings a file to from_version + 1
MIGRATIONS: dict[int, str] = {
    # 2: document versions. Rows already stored are chained per URL/file by ingest time.
    1: f"""
ALTER TABLE documents ADD COLUMN version INTEGER DEFAULT 1;
ALTER TABLE documents ADD COLUMN supersedes VARCHAR;
UPDATE documents SET version = chain.version, supersedes = chain.previous
FROM (
    SELECT doc_id,
           row_number() OVER lineage AS version,
           lag(doc_id) OVER lineage AS previous
    FROM documents
    WHERE ({LINEAGE_SQL}) IS NOT NULL
    WINDOW lineage AS (PARTITION BY ({LINEAGE_SQL}) ORDER BY ingested_at, doc_id)
) AS chain
WHERE documents.doc_id = chain.doc_id;
""",
    # 3: assessments (judgements stated in commentary), kept apart from events; events get
    # stored country columns and a superseded flag; sentences and events lose their primary
    # keys. Both tables are rebuilt (DuckDB cannot drop a key or add NOT NULL after an update).
    2: ASSESSMENTS_TABLE + REBUILD_SENTENCES_AND_EVENTS,
    # 4: document_locations, every path and URL a document was seen at (issue 15, item 1).
    3: ADD_DOCUMENT_LOCATIONS,
    # 5: event identity (one real event, one row) and date precision (issue 17).
    4: EVENT_IDENTITY,
    # 6: live sources (fetch records; outlet and fetch columns on documents; issue 22).
    5: FETCH_STEP,
    # 7: events of other datasets (dataset, original id, URL, their mention counts) and
    # imports (issue 21); distinct events keep their dataset (never linked across datasets).
    6: DATASETS_STEP + DISTINCT_DATASET_STEP,
    # 8: sentences stored with the blank lines after them are trimmed (no table changes).
    7: TRIM_SENTENCES_STEP,
}
