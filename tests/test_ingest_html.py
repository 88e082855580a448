"""Web pages: main text without boilerplate, metadata, dates, and the light post-filter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tripolar.ingest import read_file
from tripolar.ingest.html import _drop_trailing_related, fragment_to_text
from tripolar.model import Document, Failure

DATA = Path(__file__).parent / "data" / "ingest"

# Phrases from the navigation, banners, bios, teasers, comments and footers of the fixtures.
BOILERPLATE = {
    "news_article.html": [
        "Subscribe for one dollar",
        "cookies",
        "Share on",
        "About the author",
        "diplomatic correspondent",
        "Related articles",
        "Port strike enters",
        "Five things to know",
        "mark my words",
        "All rights reserved",
        "Privacy policy",
        "Mira Ostrova",
    ],
    "commentary.html": [
        "This site uses cookies",
        "Donate",
        "senior fellow",
        "weekly briefing",
        "Sign up",
        "More on this topic",
        "Arms control without treaties",
        "Most read",
        "Ten charts",
        "Registered charity",
        "Commentary",
    ],
    "wire_story.html": [
        "Skip to content",
        "Podcasts",
        "Your privacy matters",
        "I agree",
        "Read more",
        "Power cuts spread",
        "Timeline:",
        "WhatsApp",
        "Recommended for you",
        "rebuild the grid",
        "Copyright",
        "Updated 8 July",
    ],
    "blog_no_meta.html": ["Archive", "You may also like", "Old maps", "Powered by", "Published:"],
}


def read_one(name: str, **options: object) -> Document:
    items = list(read_file(DATA / name, **options))  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_html_boilerplate_is_not_in_text(name: str) -> None:
    doc = read_one(name)
    for phrase in BOILERPLATE[name]:
        assert phrase.lower() not in doc.text.lower(), phrase
    assert doc.title is not None and doc.title not in doc.text
    assert "\n\n\n" not in doc.text and "\n" not in doc.text.replace("\n\n", "")


def test_html_keeps_every_article_paragraph() -> None:
    doc = read_one("news_article.html")
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Foreign ministers from the three coastal states")
    assert paragraphs[2].startswith('"Nobody gains when the ships sit in port,"')
    assert paragraphs[4].endswith("far above their pre-dispute level.")


def test_html_metadata_from_meta_tags() -> None:
    doc = read_one("news_article.html", default_date=dt.date(2000, 1, 1))
    assert doc.title == "Ministers agree on grain corridor talks"
    assert doc.source == "The Harbour Ledger"
    assert doc.url == "https://ledger.example.com/world/2021/03/grain-corridor-talks"
    assert (doc.published, doc.date_basis) == (dt.date(2021, 3, 14), "metadata")  # not modified
    assert doc.format == "html"


def test_html_date_from_json_ld() -> None:
    doc = read_one("commentary.html")
    assert (doc.published, doc.date_basis) == (dt.date(2022, 11, 2), "metadata")
    assert doc.source == "Meridian Policy Forum"


def test_html_date_from_page_text_when_no_metadata() -> None:
    doc = read_one("blog_no_meta.html")
    assert (doc.published, doc.date_basis) == (dt.date(2019, 6, 5), "page")
    assert doc.text.startswith("Negotiators from the two neighbouring republics")


def test_html_without_any_date_uses_option(tmp_path: Path) -> None:
    page = tmp_path / "p.htm"
    body = "".join(
        f"<p>Paragraph {n} tells how the delegations argued over the wording of the final "
        f"statement until late at night, and how the mediators kept them talking.</p>"
        for n in range(3)
    )
    page.write_text(f"<html><head><title>Late night</title></head><body>{body}</body></html>")
    items = list(read_file(page, default_date=dt.date(2024, 2, 29)))
    assert isinstance(items[0], Document)
    assert (items[0].published, items[0].date_basis) == (dt.date(2024, 2, 29), "option")


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    first = "Министр заявил, что переговоры о поставках зерна продолжатся на следующей неделе."
    second = "По его словам, обе стороны готовы обсудить график поставок и цены."
    html = (
        '<html><head><meta charset="windows-1251"><title>Переговоры</title></head><body>'
        + f"<article><p>{first}</p><p>{second}</p></article></body></html>"
    )
    page = tmp_path / "ru.html"
    page.write_bytes(html.encode("cp1251"))
    items = list(read_file(page))
    assert isinstance(items[0], Document)
    assert items[0].text == f"{first}\n\n{second}"


def test_html_page_without_text_is_failure(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    items = list(read_file(page))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "no main text" in items[0].reason


def test_html_post_filter_drops_trailing_related_teasers() -> None:
    body = ["The envoys met for three hours.", "No statement followed."]
    teasers = ["Related coverage", "Why the port strike matters", "Grid repairs: what next?"]
    assert _drop_trailing_related(body + teasers) == body
    assert _drop_trailing_related([*body, "Read more: Why the strike matters"]) == body


def test_html_post_filter_keeps_real_paragraphs_after_a_label() -> None:
    lines = [
        "The envoys met for three hours.",
        "Related",
        "Officials said a second meeting would follow next month in the same city.",
    ]
    assert _drop_trailing_related(lines) == lines


def test_html_fragment_to_text_makes_paragraphs() -> None:
    text = fragment_to_text("<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>tail")
    assert [part.strip() for part in text.split("\n\n") if part.strip()] == [
        "One & two.",
        "Three\nfour",
        "tail",
    ]
