"""Headless Chromium opens the report offline: every chart renders, no script errors.

How: ``chromium --headless --dump-dom`` with a virtual-time budget prints the DOM after the
page's scripts ran. The report's first script records every error (window 'error',
unhandled rejections, console.error, content-policy violations) into the page itself
(``data-js-errors`` on <html> and the #js-errors box), and its chart loader counts charts
into ``data-charts-rendered``. So the dumped DOM tells us, without a debugging protocol,
whether plotly drew every chart and whether anything failed. Chromium's own console log
(``--enable-logging=stderr``) is checked as a second witness.
"""

from __future__ import annotations

import re
from pathlib import Path

from browser_support import BROWSER_MARKS
from browser_support import dump_dom as browser_dump
from tripolar.report.render import ReportOptions, render_report
from tripolar.report.sample import sample_store

pytestmark = BROWSER_MARKS


def dump_dom(page: Path, profile: Path) -> tuple[str, str]:
    return browser_dump(page, profile, budget_ms=20000, console_log=True)


def test_browser_renders_every_chart_without_errors(tmp_path: Path) -> None:
    store = sample_store(hostile=True)
    page = render_report(store, tmp_path / "report.html", options=ReportOptions(n_boot=40))
    store.close()
    dom, log = dump_dom(page, tmp_path / "profile")
    expected = re.search(r'data-charts-expected="(\d+)"', dom)
    rendered = re.search(r'data-charts-rendered="(\d+)"', dom)
    assert expected and rendered, "the chart loader did not run"
    assert int(expected.group(1)) == 11  # 7 event charts, 3 commentary lines, 1 triangle
    assert rendered.group(1) == expected.group(1)
    assert dom.count('class="main-svg"') >= 11
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and "data-js-errors" not in html_tag.group(0), re.search(
        r'<pre id="js-errors">([^<]*)', dom
    )
    console = [line for line in log.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "error" in line.lower()], console
    # the hostile document's script never ran: no alert text reached the DOM as markup
    assert "<script>alert" not in dom


def test_browser_detects_a_broken_page(tmp_path: Path) -> None:
    """The harness can fail: a page whose script throws is reported."""
    store = sample_store()
    page = render_report(store, tmp_path / "report.html", options=ReportOptions(n_boot=10))
    store.close()
    html = page.read_text(encoding="utf-8").replace(
        "</body>", "<script>undefinedFunctionCall();</script></body>"
    )
    page.write_text(html, encoding="utf-8")
    dom, _ = dump_dom(page, tmp_path / "profile")
    html_tag = re.search(r"<html[^>]*>", dom)
    assert html_tag and 'data-js-errors="1"' in html_tag.group(0)
    assert re.search(r'<pre id="js-errors">[^<]*undefinedFunctionCall', dom)
