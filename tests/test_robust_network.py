"""Ingest never touches the network: a full ingest runs with every socket call refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tripolar.store import Store

DATA = Path(__file__).parent / "data" / "ingest"

OFFLINE_INGEST = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse

from tripolar.cli import main
sys.argv = ["tripolar", "ingest", "--quiet", "--db", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
def test_network_ingest_of_text_html_and_feeds_needs_no_network(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text(
        "Envoys meet in Beijing\n\nPublished: 5 June 2019\n\n"
        "Russia and China signed an energy agreement in Beijing on Wednesday.\n",
        encoding="utf-8",
    )
    # Pages that point at remote resources: nothing may be fetched for them.
    page = tmp_path / "remote.html"
    page.write_text(
        '<html><head><link rel="canonical" href="http://example.invalid/a">'
        '<base href="http://example.invalid/"><script src="http://example.invalid/x.js">'
        '</script></head><body><article><img src="http://example.invalid/i.png">'
        "<p>The United States criticised Iran over its missile tests on Monday, officials "
        "in Washington said after a long meeting.</p></article></body></html>",
        encoding="utf-8",
    )
    inputs = [text, page, DATA / "news_article.html", DATA / "briefing.rss", DATA / "analysis.atom"]
    db = tmp_path / "offline.duckdb"
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_INGEST, str(db), *map(str, inputs)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "network disabled" not in result.stderr
    with Store.open(db, read_only=True) as store:
        formats = set(store.documents()["format"])
        assert {"txt", "html", "feed"} <= formats
        reasons = list(store.failures()["reason"])
        # the one failure is the fixture's deliberately empty feed entry, not a network error
        assert reasons == ["[E012] entry 3: the entry has no content or summary - it was skipped"]
        assert store.counts()["documents"] >= 5
