"""The HTML report: self-contained, escaped, every section present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripolar.report.render import ReportOptions, highlight, render_report, safe_url
from tripolar.report.sample import sample_store

# The sample's synthetic reports fall on random days, so some of one dyad's acts merge into
# one distinct event; counted per report, its story keeps the two CHN-USA change points.
FAST = ReportOptions(n_boot=40, weighting="mention")
pytestmark = pytest.mark.slow  # builds a 1,400-document store


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = sample_store(hostile=True)
    path = render_report(store, tmp_path_factory.mktemp("r") / "report.html", options=FAST)
    store.close()
    return Path(path).read_text(encoding="utf-8")


def test_render_is_self_contained(report: str) -> None:
    assert "Plotly" in report and len(report) > 3_000_000  # the bundle is inlined
    assert not re.search(r"<script[^>]+src=", report)
    assert not re.search(r"<link[^>]+href=", report)
    assert "cdn." not in report.split("<script>", 2)[1][:200]


def test_render_has_every_section(report: str) -> None:
    for anchor in ("overview", "index", "dyads", "triangle", "network", "topics", "quality"):
        assert f'id="{anchor}"' in report
    # the thaw of late 2023 lifts the China-USA index to neutral: stable marriage -> open
    assert "Stable marriage" in report and "Open (a neutral side)" in report
    assert 'id="tri-CHNUSA-2023Q4"' in report  # a triangle cell's evidence, one click away
    assert report.count('href="#tri-') >= 20  # the period table links to it as well
    assert 'id="ev-CHNRUS-202406"' in report  # per dyad and month evidence
    assert "not valid JSON (Expecting" in report  # failures and why
    assert report.count('class="chart"') == 7 + 3 + 1  # + commentary lines and triangle


def test_render_commentary_beside_events(report: str) -> None:
    for slug in ("CHNRUS", "CHNUSA", "RUSUSA"):
        assert f'id="fig-dyad-{slug}-commentary"' in report
    assert 'id="as-CHNUSA-2023Q4"' in report  # judgements behind a point of the line
    # commentary doubts the late-2023 China-USA thaw that the events show
    table = report[report.index("Where events and commentary disagree") :]
    table = table[: table.index("</table>")]
    assert "<td>2023Q4</td><td>CHN-USA</td><td><b>events say 0, commentary says −" in table
    assert "CHN-RUS" not in table and "RUS-USA" not in table


def test_render_escapes_hostile_text(report: str) -> None:
    assert "<script>alert" not in report
    assert not re.search(r"<[a-z]+[^>]*\sonerror=", report)
    assert "<img src=x" not in report
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in report
    assert "<b onmouseover" not in report
    assert 'href="javascript:' not in report.lower()
    assert "javascript:alert" not in report  # the URL is dropped, the title stays as text
    assert "<i>Evil</i>" not in report
    # the hostile commentary: sentence, holder, cues and title stay text
    assert "<svg onload" not in report and "&lt;svg onload=&#34;alert(6)&#34;&gt;Analyst" in report
    assert "is &lt;script&gt;alert(5)&lt;/script&gt; deep." in report
    assert "<b>deep</b>" not in report and "javascript:alert(7)" not in report


def test_render_safe_url() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" HTTP://example.org ") == "HTTP://example.org"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "java\tscript:alert(1)",
        "//evil.example",
        "https://",
        None,
        "vbscript:x",
        "https://ex ample.org",
    ):
        assert safe_url(bad) is None, bad


def test_render_highlight_escapes_around_trigger() -> None:
    sentence = "A <b>signed</b> & deal"
    html = str(highlight(sentence, 10, 10 + 5, 10 + 11))
    assert html == "A &lt;b&gt;<mark>signed</mark>&lt;/b&gt; &amp; deal"
    assert str(highlight("plain text", 0, -1, -1)) == "plain text"
    assert str(highlight("short", 0, 3, 99)) == "short"


def test_render_change_points_always_show_their_evidence(report: str) -> None:
    assert report.count("Change points (") == 1 and "Change points (2)" in report  # CHN-USA
    blocks = re.findall(r"<p><b>(\d{4}-\d{2})</b>: mean Goldstein.*?</tbody>", report, re.S)
    assert blocks == ["2023-10", "2024-03"]
    for block in re.findall(r"<p><b>\d{4}-\d{2}</b>: mean Goldstein.*?</tbody>", report, re.S):
        assert block.count("<tr>") >= 2  # header and at least one event
