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

SCHEMA_VERSION = 4

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
ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS sources INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS articles INTEGER;
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
    supersedes VARCHAR
);
{SENTENCES_TABLE}{EVENTS_TABLE}{ASSESSMENTS_TABLE}CREATE TABLE IF NOT EXISTS failures (
    path VARCHAR NOT NULL,
    line INTEGER,
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
"""

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
    # 4: events of other datasets (dataset, original id, URL, mention counts) and imports.
    3: DATASETS_STEP,
}
