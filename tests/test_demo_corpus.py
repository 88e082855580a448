"""Shape of the bundled demo corpus: counts, dates, formats, HTML boilerplate, documentation."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import trafilatura

from tripolar.demo import corpus_path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "demo-corpus.md"
FIRST_YEAR, LAST_YEAR = 2014, 2022
MIN_WORDS, MAX_WORDS = 120, 350
DATE_LINE = re.compile(r"^Published: (\d{1,2} [A-Z][a-z]+ \d{4})$")


def _txt_files() -> list[Path]:
    return sorted(corpus_path().glob("*.txt"))


def _html_files() -> list[Path]:
    return sorted(corpus_path().glob("*.html"))


def _jsonl_records() -> list[dict[str, str]]:
    records = []
    for path in sorted(corpus_path().glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def _file_date(path: Path) -> dt.date:
    return dt.date.fromisoformat(path.name[:10])


def _words(text: str) -> int:
    return len(text.split())


def _in_range(day: dt.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def test_demo_corpus_path_is_package_folder() -> None:
    folder = corpus_path()
    assert folder.is_dir()
    assert folder.name == "corpus"
    assert folder.parent.name == "demo"


def test_demo_corpus_counts_formats() -> None:
    n_txt, n_html, n_jsonl = len(_txt_files()), len(_html_files()), len(_jsonl_records())
    assert n_html >= 3
    assert n_jsonl >= 2
    assert n_txt > n_html + n_jsonl  # most articles are plain text
    assert 15 <= n_txt + n_html + n_jsonl <= 25  # 21 reports and 4 commentary pieces
    allowed = {".txt", ".html", ".jsonl"}
    assert {p.suffix for p in corpus_path().iterdir()} <= allowed


def test_demo_corpus_no_file_is_empty() -> None:
    for path in corpus_path().iterdir():
        assert path.read_text(encoding="utf-8").strip(), path.name


@pytest.mark.parametrize("path", _txt_files(), ids=lambda p: p.name)
def test_demo_corpus_txt_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].strip() and not lines[0].startswith("Published")
    assert lines[1] == "" and lines[3] == ""
    match = DATE_LINE.match(lines[2])
    assert match, f"{path.name}: line 3 is not a 'Published: D Month YYYY' line"
    published = dt.datetime.strptime(match.group(1), "%d %B %Y").date()
    assert published == _file_date(path)
    body = "\n".join(lines[4:])
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 4
    assert MIN_WORDS <= _words(body) <= MAX_WORDS


def test_demo_corpus_jsonl_records() -> None:
    records = _jsonl_records()
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert set(record) == {"id", "title", "date", "url", "source", "text"}
        assert _in_range(dt.date.fromisoformat(record["date"]))
        assert record["url"].startswith("https://") and ".example." in record["url"]
        assert MIN_WORDS <= _words(record["text"]) <= MAX_WORDS
        assert "\n\n" in record["text"]


@pytest.mark.parametrize("path", _html_files(), ids=lambda p: p.name)
def test_demo_corpus_html_page_has_date_and_boilerplate(path: Path) -> None:
    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    published = tree.xpath('//meta[@property="article:published_time"]/@content')
    assert len(published) == 1
    assert dt.datetime.fromisoformat(published[0]).date() == _file_date(path)
    assert tree.xpath('//meta[@property="og:title"]/@content')
    assert tree.xpath('//meta[@property="og:site_name"]/@content')
    assert tree.xpath("//title/text()")

    nav_links = tree.xpath("//nav//a")
    assert 8 <= len(nav_links) <= 10

    article = tree.xpath("//article")
    assert len(article) == 1
    assert article[0].xpath(".//h1")
    body_words = sum(_words(p.text_content()) for p in article[0].xpath(".//p"))
    assert body_words >= MIN_WORDS

    bio = " ".join(el.text_content() for el in tree.xpath('//*[contains(@class, "author")]'))
    assert "China" in bio and "Russia" in bio

    related = tree.xpath('//*[contains(@class, "related")]//a')
    assert 4 <= len(related) <= 6
    assert tree.xpath('//*[contains(@class, "cookie") or contains(@class, "gdpr")]')
    assert tree.xpath('//*[contains(@class, "share")]')
    assert tree.xpath("//footer")


@pytest.mark.parametrize("path", _html_files(), ids=lambda p: p.name)
def test_demo_corpus_html_boilerplate_is_removable(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    main_text = trafilatura.extract(html, include_comments=False)
    assert main_text is not None
    paragraphs = tree.xpath('//article//p[not(ancestor::*[contains(@class, "author")])]')
    story = [p.text_content().strip() for p in paragraphs if _words(p.text_content()) > 25]
    assert story and all(paragraph in main_text for paragraph in story)

    # Bios and teaser headlines are long enough to be matched anywhere in the text; menu
    # items are single words that also occur in the story, so only whole lines count.
    for element in tree.xpath(
        '//*[contains(@class, "related")]//a | //*[contains(@class, "author-")]//p'
    ):
        assert element.text_content().strip() not in main_text
    lines = {line.strip() for line in main_text.splitlines()}
    for link in tree.xpath("//nav//a | //footer//a"):
        assert link.text_content().strip() not in lines


def test_demo_corpus_documented_and_china_russia_leads() -> None:
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in DOCS.read_text(encoding="utf-8").splitlines()
        if line.startswith("| 20") or line.startswith("| wire-")
    ]
    documented = {row[0].split(" ")[0].strip("`") for row in rows}
    record_ids = {row[0].split("`")[1] for row in rows if "`" in row[0]}
    files = {p.name for p in corpus_path().iterdir()}
    assert documented == files
    assert record_ids == {r["id"] for r in _jsonl_records()}
    assert len(rows) == len(_txt_files()) + len(_html_files()) + len(_jsonl_records())

    dyads = Counter(row[2].split(" ")[0] for row in rows)
    leader, count = dyads.most_common(1)[0]
    assert leader == "CHN-RUS"
    assert count / len(rows) >= 0.4
    for row in rows:
        assert _in_range(dt.date.fromisoformat(row[1]))
