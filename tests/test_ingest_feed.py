"""RSS and Atom feeds: one document per entry, entry dates as metadata."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tripolar.ingest import read_file
from tripolar.model import Document, Failure

DATA = Path(__file__).parent / "data" / "ingest"


def test_feed_rss_entries(tmp_path: Path) -> None:
    items = list(read_file(DATA / "briefing.rss", default_date=dt.date(2022, 2, 2)))
    first, second, third = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == (
        "Trade envoys from the two largest economies held a first round of talks in Vienna."
        "\n\nBoth sides called the meeting constructive."
    )
    assert (first.title, first.url, first.source, first.record, first.format) == (
        "Trade envoys hold a first round in Vienna",
        "https://briefing.example.org/notes/101",
        "Evening Briefing",
        "1",
        "feed",
    )
    # The publisher's own date, not shifted to UTC (which would be 11 January).
    assert (first.published, first.date_basis) == (dt.date(2022, 1, 10), "metadata")
    assert (second.published, second.date_basis, second.record) == (
        dt.date(2022, 2, 2),
        "option",
        "2",
    )
    assert isinstance(third, Failure)
    assert third.reason.startswith("[E012] entry 3: the entry has no content or summary")


def test_feed_atom_prefers_full_content(tmp_path: Path) -> None:
    (entry,) = list(read_file(DATA / "analysis.atom"))
    assert isinstance(entry, Document)
    assert entry.text.endswith("Officials gave no reason for the early end of the drills.")
    assert entry.text.count("\n\n") == 1
    assert (entry.published, entry.source) == (dt.date(2023, 5, 1), "Strait Watch")


def test_feed_xml_extension_is_sniffed(tmp_path: Path) -> None:
    feed = tmp_path / "export.xml"
    shutil.copy(DATA / "analysis.atom", feed)
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    assert isinstance(next(iter(read_file(feed))), Document)
    (failure,) = list(read_file(other))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("[E011] an XML file that is not an RSS or Atom feed")
