"""The DuckDB schema and its version.

Bump SCHEMA_VERSION when a table changes and add the step to MIGRATIONS, keyed by the
version it upgrades from, so older files are brought forward when opened.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES = """
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
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
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
    sentence VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
    path VARCHAR NOT NULL,
    line INTEGER,
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
"""

# from_version -> SQL that brings a file to from_version + 1
MIGRATIONS: dict[int, str] = {}
