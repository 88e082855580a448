"""Distributed coding with Dask gives exactly the database of a one-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripolar.demo import corpus_path
from tripolar.errors import ConfigError
from tripolar.scale.cluster import parse_cluster
from tripolar.store import Store
from tripolar.workflow import ingest

TABLES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id",
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, sentence_index",
    "events": "SELECT * FROM events ORDER BY event_id",
}


def test_cluster_parse_specs() -> None:
    assert parse_cluster("local:3") == ("local", 3)
    assert parse_cluster("tcp://10.1.2.3:8786") == ("address", "tcp://10.1.2.3:8786")
    for bad in ("local:0", "local:two", "scheduler:8786"):
        with pytest.raises(ConfigError):
            parse_cluster(bad)


@pytest.mark.slow
def test_cluster_two_workers_same_database(tmp_path: Path) -> None:
    contents = {}
    for name, options in (("single", {}), ("dask", {"dask": "local:2"})):
        with Store.open(tmp_path / f"{name}.duckdb") as store:
            summary = ingest([corpus_path()], store=store, **options)  # type: ignore[arg-type]
            assert summary.events > 50 and summary.failed == 0
            contents[name] = {table: store.sql(sql) for table, sql in TABLES.items()}
    for table in TABLES:
        single, dask = contents["single"][table], contents["dask"][table]
        assert len(single) > 0
        assert single.equals(dask), table
