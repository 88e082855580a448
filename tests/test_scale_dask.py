"""Distributed coding with Dask gives exactly the database of a one-process run."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tripolar.config import Config
from tripolar.demo import corpus_path
from tripolar.errors import ConfigError
from tripolar.ingest import read_paths
from tripolar.model import Document
from tripolar.scale.cluster import _batches, code_batch, parse_cluster
from tripolar.scale.heap import frozen_heap
from tripolar.store import Store
from tripolar.workflow import ingest

TABLES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id",
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, sentence_index",
    "events": "SELECT * FROM events ORDER BY event_id",  # with each mention's distinct event
    "distinct_events": "SELECT * FROM distinct_events ORDER BY distinct_id",
    "assessments": "SELECT * FROM assessments ORDER BY doc_id, sentence_index, subject",
}


def test_cluster_parse_specs() -> None:
    assert parse_cluster("local:3") == ("local", 3)
    assert parse_cluster("tcp://10.1.2.3:8786") == ("address", "tcp://10.1.2.3:8786")
    for bad in ("local:0", "local:two", "scheduler:8786"):
        with pytest.raises(ConfigError):
            parse_cluster(bad)


def test_batches_end_in_quarter_batches_in_input_order() -> None:
    items = list(range(1000))
    batches = list(_batches(items, 96, lookahead=192))  # type: ignore[arg-type]
    assert [x for b in batches for x in b] == items
    sizes = [len(b) for b in batches]
    full = sizes.index(24)
    assert set(sizes[:full]) == {96}  # while the input lasts
    assert sum(sizes[full:]) >= 192 and max(sizes[full:]) <= 24  # the tail is cut finer
    assert [len(b) for b in _batches(range(10), 96, lookahead=192)] == [10]  # type: ignore[arg-type]


def test_frozen_heap_unfreezes_after_the_block() -> None:
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == 0


def test_code_batch_leaves_out_only_the_mentions_when_asked() -> None:
    """What ingest asks the workers for: the same results, without the mentions it never stores."""
    documents = [d for d in read_paths([corpus_path()]) if isinstance(d, Document)][:6]
    config = Config()
    full = code_batch(config, documents)
    lean = code_batch(config, documents, mentions=False)
    assert gc.get_freeze_count() == 0  # only a Dask worker process freezes its heap
    assert sum(len(mentions) for _, _, mentions, _ in full) > 10
    assert all(mentions == () for _, _, mentions, _ in lean)
    assert [(s, e, a) for s, e, _, a in full] == [(s, e, a) for s, e, _, a in lean]
    assert sum(len(events) for _, events, _, _ in lean) > 0


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


@pytest.mark.slow
def test_cluster_local_refuses_clients_without_this_runs_key() -> None:
    # another user of the machine ran `Client("tcp://127.0.0.1:PORT").run(os.getuid)` on an
    # open local cluster; now scheduler and workers speak TLS and demand this run's client cert
    import os

    from distributed import Client
    from distributed.security import Security

    from tripolar.scale.cluster import open_client

    with open_client("local:1") as client:
        genuine = client.security
        targets = [client.scheduler.address, *client.scheduler_info()["workers"]]
        assert all(t.startswith("tls://127.0.0.1:") for t in targets), targets
        assert client.run(os.getpid)  # the run's own client works
        forged = Security.temporary()  # type: ignore[no-untyped-call]
        # trusts the cluster's (public) certificate, presents a certificate of its own
        intruder = Security(  # type: ignore[no-untyped-call]
            require_encryption=True,
            tls_ca_file=genuine.tls_ca_file,
            tls_client_cert=forged.tls_client_cert,
            tls_client_key=forged.tls_client_key,
        )
        for target in targets:
            for address, security in (
                (target.replace("tls://", "tcp://"), None),  # plain TCP, as in the audit
                (target, forged),  # TLS with credentials of its own
                (target, intruder),
            ):
                with pytest.raises((OSError, TimeoutError)):
                    other = Client(address, security=security, timeout="3s")  # type: ignore[no-untyped-call]
                    other.run(os.getuid)


@pytest.mark.slow
def test_cluster_without_loopback_falls_back_to_one_process(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rn", "true"]).returncode:
        pytest.skip("needs unshare -rn (a user namespace without network)")
    (tmp_path / "a.txt").write_text("China criticised Russia over the border incident.\n")
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "tripolar", "ingest", str(tmp_path / "a.txt"),
         "--workers", "2", "--db", str(tmp_path / "x.duckdb"), "--quiet"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    message = " ".join(result.stderr.split())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Cluster failed to start" not in message
    assert "[E003]" not in message and "coded in this one process instead" in message
    assert "stored: 1" in message
