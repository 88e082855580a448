"""Live sources end to end: URLs and feeds ingested into a store, watched, and shown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.config import Config, FetchOptions
from tripolar.pipeline import Pipeline
from tripolar.store import Store
from tripolar.workflow import IngestSummary, ingest, parse_duration, watch
from web_support import LocalSite, article, rss

pytestmark = pytest.mark.slow
CONFIG = Config(fetch=FetchOptions(allow_private=True, rate=0, timeout=2.0, retries=0))
LOCAL = ["--allow-private", "--rate", "0"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(CONFIG)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as local:
        local.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        local.page("/a", article("Gas deal", "Russia and China signed a gas deal in Moscow."))
        local.page("/b", article("Drills", "China and Russia held joint naval drills on Monday."))
        local.page("/private/c", article("Closed", "Japan protested to China on Friday."))
        local.page(
            "/feed.xml",
            rss("Wire", [("Gas", "/a"), ("Drills", "/b"), ("Closed", "/private/c")]),
            content_type="application/rss+xml",
        )
        yield local


def test_workflow_ingest_of_a_feed_stores_pages_with_their_fetch_record(
    site: LocalSite, store: Store, pipeline: Pipeline
) -> None:
    summary = ingest([site.url("/feed.xml")], store=store, config=CONFIG, pipeline=pipeline)
    assert (summary.read, summary.stored, summary.failed, summary.fetched) == (2, 2, 1, 3)
    assert summary.events > 0
    documents = store.sql(
        "SELECT url, requested_url, final_url, outlet, http_status, fetched_at FROM documents "
        "ORDER BY url"
    )
    assert list(documents["requested_url"]) == [site.url("/a"), site.url("/b")]
    assert list(documents["final_url"]) == list(documents["url"])
    assert set(documents["outlet"]) == {"127.0.0.1"} and set(documents["http_status"]) == {200}
    assert documents["fetched_at"].notna().all()
    failures = store.failures()
    assert list(failures["path"]) == [site.url("/private/c")]
    assert "robots.txt" in failures["reason"][0]
    fetched = store.fetches()
    assert set(fetched["url"]) == {site.url(p) for p in ("/feed.xml", "/a", "/b")}


def test_workflow_watch_second_cycle_asks_conditionally_and_stores_nothing(
    site: LocalSite, store: Store, pipeline: Pipeline
) -> None:
    counts: list[dict[str, int]] = []
    marks: list[int] = []

    def cycle(number: int, summary: IngestSummary) -> None:
        counts.append(store.counts())
        marks.append(len(site.requests))

    done = watch(
        [site.url("/feed.xml"), site.url("/a")], store=store, every=0.01, config=CONFIG,
        cycles=2, on_cycle=cycle, pipeline=pipeline,
    )  # fmt: skip
    assert done == 2
    assert counts[1] == counts[0] and counts[0]["documents"] == 2
    second = site.requests[marks[0] :]
    assert second and all(
        "if-none-match" in headers or "if-modified-since" in headers for _, headers in second
    )
    assert sorted(path for path, _ in second) == ["/a", "/feed.xml"]  # fetched concurrently


def test_workflow_watch_ends_when_stopped(site: LocalSite, store: Store) -> None:
    stop = threading.Event()
    started = time.monotonic()
    done = watch(
        [site.url("/a")], store=store, every=3600, config=CONFIG, stop=stop,
        on_cycle=lambda number, summary: stop.set(),
    )  # fmt: skip
    assert done == 1 and time.monotonic() - started < 60


def test_workflow_changed_page_becomes_a_new_version(
    site: LocalSite, store: Store, pipeline: Pipeline
) -> None:
    ingest([site.url("/a")], store=store, config=CONFIG, pipeline=pipeline)
    site.page("/a", article("Gas deal", "Russia and China signed a second gas deal in Moscow."))
    summary = ingest([site.url("/a")], store=store, config=CONFIG, pipeline=pipeline)
    assert summary.stored == 1
    versions = store.sql("SELECT version, supersedes FROM documents ORDER BY version")
    assert list(versions["version"]) == [1, 2] and versions["supersedes"][1] is not None


def test_workflow_files_never_fetch_the_urls_they_name(
    tmp_path: Path, site: LocalSite, store: Store, pipeline: Pipeline
) -> None:
    feed = tmp_path / "saved.rss"
    feed.write_text(rss("Saved", [("Gas", site.url("/a"))]), encoding="utf-8")
    ingest([feed], store=store, config=CONFIG, pipeline=pipeline)
    assert site.requests == []
    # files and URLs in one run: only the URL given is fetched
    summary = ingest([feed, site.url("/b")], store=store, config=CONFIG, pipeline=pipeline)
    assert site.paths() == ["/robots.txt", "/b"]
    assert (summary.read, summary.duplicates, summary.stored) == (2, 1, 1)


def test_workflow_parse_duration_reads_units() -> None:
    assert parse_duration("30m") == 1800 and parse_duration("1h30m") == 5400
    assert parse_duration("90s") == 90 and parse_duration("2") == 2
    for bad in ("soon", "0m", "5x"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_cli_ingest_url_and_status_show_fetches_and_failures(
    tmp_path: Path, site: LocalSite
) -> None:
    db = tmp_path / "live.duckdb"
    runner = CliRunner()
    urls = [site.url("/a"), site.url("/missing")]
    result = runner.invoke(app, ["ingest", *urls, "--db", str(db), "--quiet", *LOCAL])
    assert result.exit_code == 0, result.output
    assert "pages fetched: 1" in result.output and "no such file" not in result.output
    assert f"skipped {site.url('/missing')}: [E013] HTTP 404 Not Found" in result.output
    status = runner.invoke(app, ["status", "--db", str(db)])
    assert "1 URLs fetched" in status.output
    assert f"failed {site.url('/missing')}: [E013] HTTP 404 Not Found" in status.output


def test_cli_ingest_refuses_local_urls_without_allow_private(
    tmp_path: Path, site: LocalSite
) -> None:
    db = tmp_path / "live.duckdb"
    result = CliRunner().invoke(app, ["ingest", site.url("/a"), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    assert "--allow-private" in result.output and site.requests == []


def test_cli_watch_ends_cleanly_on_ctrl_c(tmp_path: Path, site: LocalSite) -> None:
    db = tmp_path / "watched.duckdb"
    command = [sys.executable, "-m", "tripolar", "watch", site.url("/feed.xml"), "--db", str(db),
               "--every", "1h", "--quiet", *LOCAL]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env) as process:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:
            lines.append(line)
            if line.startswith("Documents read"):
                break
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0, "".join(lines) + process.stderr.read()
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 2


def test_store_fetch_migration_fills_the_outlet_of_stored_documents(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with Store.open(path) as store:
        store.connection.execute(
            "INSERT INTO documents (doc_id, url, format, date_basis, text, ingested_at) VALUES "
            "('d1', 'https://www.Example.com/a', 'html', 'none', 'x', now()), "
            "('d2', NULL, 'txt', 'none', 'y', now())"
        )
    connection = duckdb.connect(str(path))
    connection.execute("DROP TABLE fetches")
    for column in ("outlet", "requested_url", "final_url", "fetched_at", "http_status"):
        connection.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    connection.close()
    with Store.open(path) as store:
        outlets = dict(store.connection.execute("SELECT doc_id, outlet FROM documents").fetchall())
        assert outlets["d1"] == "example.com"
        assert store.fetches().empty


def test_workflow_config_fetch_options_are_polite_by_default() -> None:
    options = replace(Config().fetch)
    assert not options.allow_private and options.rate > 0 and options.per_host <= 2
