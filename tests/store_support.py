"""Shared by the store tests."""

# The schema-1 tables exactly as tripolar 0.1 created them, to build old files for the
# migration tests. Do not edit: it is a record of the past.
SCHEMA_V1 = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, source VARCHAR, path VARCHAR,
    record VARCHAR, format VARCHAR NOT NULL, published DATE, date_basis VARCHAR NOT NULL,
    text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE sentences (
    doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, paragraph INTEGER NOT NULL, text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL, source VARCHAR NOT NULL, source_text VARCHAR NOT NULL,
    target VARCHAR NOT NULL, target_text VARCHAR NOT NULL, code VARCHAR NOT NULL,
    root VARCHAR NOT NULL, goldstein DOUBLE NOT NULL, quad_class TINYINT NOT NULL,
    event_date DATE, date_basis VARCHAR NOT NULL, rule VARCHAR NOT NULL, sentence VARCHAR NOT NULL
);
CREATE TABLE failures (
    path VARCHAR NOT NULL, line INTEGER, reason VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL
);
INSERT INTO meta VALUES ('schema_version', '1');
"""
