"""Hostile documents cannot run script in the report (issue 5).

Documents carrying <script>, onerror=, <svg onload=...> and javascript:/data: URLs in their
titles, publishers, URLs and event sentences go through the real ingest workflow (JSON
Lines, plain text and HTML readers, the coder, the store) and into the report, which
headless Chromium then runs. Every payload, if it ran, would write a marker on <html>
(``data-pwned``) or into the page title; the dumped DOM must carry neither. A positive
control injects the same kind of payload unescaped into a copy of the report and shows the
check sees it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser_support import BROWSER_MARKS
from browser_support import dump_dom as browser_dump
from tripolar.report.render import ReportOptions, render_report
from tripolar.store import Store
from tripolar.workflow import ingest

pytestmark = BROWSER_MARKS

MARK = "document.documentElement.dataset.pwned"
TITLE = "Hostile input check"


def payloads(tag: str) -> dict[str, str]:
    """Each kind of payload, writing ``tag`` as its marker if it ever runs."""
    return {
        "script": f"<script>{MARK}='{tag}-script';document.title='PWNED'</script>",
        "img": f"<img src=x onerror=\"{MARK}='{tag}-img'\">",
        "svg": f"<svg onload=\"{MARK}='{tag}-svg'\"></svg>",
        "body": f"<body onload=\"{MARK}='{tag}-body'\">",
        "quote": f"\"><img src=x onerror={MARK}='{tag}-attr'>",
    }


def write_corpus(folder: Path) -> list[Path]:
    j, t, h = payloads("jsonl"), payloads("txt"), payloads("html")
    records = [
        {
            "title": f"{j['script']}Sanctions row {j['quote']}",
            "date": "2023-03-06",
            "url": f"javascript:{MARK}='url'",
            "source": j["img"],
            "text": f"China imposed sanctions on the United States on Monday {j['script']}.\n\n"
            f"Russia signed an energy agreement with China on Monday {j['svg']}.",
        },
        {
            "title": f"{j['svg']}Deal signed",
            "date": "2023-03-07",
            "url": "data:text/html,<script>alert(1)</script>",
            "source": "Wire",
            "text": f"Russia signed an energy agreement with China on Tuesday {j['img']}.",
        },
        {
            "title": "Mixed-case scheme",
            "date": "2023-03-07",
            "url": f" JaVaScRiPt:{MARK}='url2'",
            "source": "Wire",
            "text": f"The United States criticised China on Tuesday {j['body']}.",
        },
    ]
    jsonl = folder / "hostile.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    text = folder / "hostile.txt"
    text.write_text(
        f"{t['img']} US and Russia trade threats\n\nPublished: 8 March 2023\n\n"
        f"The United States criticised Russia on Wednesday {t['svg']} over the arrests.\n\n"
        f"Russia accused the United States of espionage {t['script']} on Wednesday.\n",
        encoding="utf-8",
    )
    escaped = {
        k: v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for k, v in h.items()
    }
    page = folder / "hostile.html"
    page.write_text(
        f"""<!DOCTYPE html><html><head><title>{escaped["script"]} Talks</title>
<meta property="og:url" content="javascript:{MARK}='og'">
<meta property="article:published_time" content="2023-03-09T10:00:00Z"></head>
<body><article><h1>{escaped["script"]} Talks</h1>
<p>China and Russia held talks in Moscow on Thursday {escaped["img"]} about trade.</p>
<p>Russia praised China on Thursday. {h["script"]}{h["img"]}</p>
<p>The United States condemned China on Thursday <a href="javascript:{MARK}='link'">more</a>.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    return [jsonl, text, page]


def dump_dom(page: Path, profile: Path) -> str:
    dom, _ = browser_dump(page, profile, budget_ms=10000)
    assert "</html>" in dom
    return dom


def ran(dom: str) -> list[str]:
    """Evidence in a dumped DOM that an injected payload executed."""
    found = re.findall(r"data-pwned=\"([^\"]*)\"", dom)
    title = re.search(r"<title>([^<]*)</title>", dom)
    if title and "PWNED" in title.group(1):
        found.append("title")
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    store = Store.open(":memory:")
    try:
        summary = ingest(write_corpus(folder), store=store)
        assert summary.stored == 5 and summary.failed == 0
        events = store.events()
        carrying = events[events["sentence"].str.contains("pwned", regex=False)]
        assert len(carrying) >= 4, "the hostile sentences must code events to reach the report"
        assert events["title"].str.contains("<script>", regex=False).any()
        assert events["url"].fillna("").str.contains("javascript:", case=False).any()
        return render_report(
            store, folder / "report.html", title=TITLE, options=ReportOptions(n_boot=20)
        )
    finally:
        store.close()


def test_security_report_escapes_and_drops_dangerous_urls(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.documentElement.dataset.pwned" in html  # shown as text
    assert "onerror=&#34;document" in html or "onerror=&quot;document" in html
    assert not re.search(r"<(img|svg|body)[^>]*\son(error|load)\s*=", html, re.IGNORECASE)
    assert not re.search(r"<a\b[^>]*href\s*=\s*[\"']?\s*(javascript|data|vbscript):", html, re.I)
    body = html[html.index("<body>") :]
    assert f"javascript:{MARK}" not in body  # an unsafe URL is dropped, not printed


def test_security_report_no_injected_script_runs_in_chromium(report: Path, tmp_path: Path) -> None:
    dom = dump_dom(report, tmp_path / "profile")
    assert 'data-charts-done="yes"' in dom  # the page's own scripts ran to the end
    assert ran(dom) == []
    assert re.search(r"<title>([^<]*)</title>", dom).group(1) == TITLE  # type: ignore[union-attr]
    assert "data-js-errors" not in re.search(r"<html[^>]*>", dom).group(0)  # type: ignore[union-attr]
    assert not re.search(r"<a\b[^>]*href\s*=\s*\"\s*(javascript|data|vbscript):", dom, re.I)
    assert "&lt;svg onload=" in dom and "&lt;img src=x onerror=" in dom  # payloads reached it


def test_security_report_check_detects_a_payload_that_runs(report: Path, tmp_path: Path) -> None:
    """Positive control: the same payloads, unescaped, are caught by ``ran``."""
    control = tmp_path / "control.html"
    live = payloads("control")
    html = report.read_text(encoding="utf-8").replace(
        "</main>", f"{live['img']}{live['svg']}</main>", 1
    )
    control.write_text(html, encoding="utf-8")
    found = ran(dump_dom(control, tmp_path / "profile"))
    assert found and found[0] in ("control-img", "control-svg"), found
    scripted = tmp_path / "scripted.html"
    scripted.write_text(
        report.read_text(encoding="utf-8").replace("</main>", live["script"] + "</main>", 1),
        encoding="utf-8",
    )
    assert "title" in ran(dump_dom(scripted, tmp_path / "profile2"))
