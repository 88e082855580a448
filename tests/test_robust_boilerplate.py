"""Scraped-page boilerplate (menus, author bios, related-article teasers, cookie banners,
share buttons) yields no events: the demo corpus's scraped pages are the regression tests."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from tripolar.demo import corpus_path
from tripolar.ingest import read_paths
from tripolar.model import Document
from tripolar.pipeline import Pipeline

BOILERPLATE = (
    "//nav | //aside | //footer | //header"
    " | //*[contains(@class, 'related') or contains(@class, 'author') or contains(@class, 'bio')"
    " or contains(@class, 'cookie') or contains(@id, 'cookie') or contains(@class, 'share')"
    " or contains(@class, 'comment') or contains(@class, 'sidebar')]"
)
PAGES = sorted(corpus_path().glob("*.html"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def boilerplate_snippets(page: Path) -> list[str]:
    """Texts of the page's non-article blocks that are long enough to be a sentence."""
    tree = lxml.html.fromstring(page.read_bytes())
    snippets = []
    for element in tree.xpath(BOILERPLATE):
        for piece in element.itertext():
            text = _squash(piece)
            if len(text.split()) >= 4:
                snippets.append(text)
    return snippets


@pytest.fixture(scope="module")
def coded_pages() -> dict[Path, object]:
    pipe = Pipeline()
    out = {}
    for page in PAGES:
        (document,) = [d for d in read_paths([page]) if isinstance(d, Document)]
        out[page] = pipe.code_document(document)
    return out


def test_boilerplate_pages_exist_and_carry_bait() -> None:
    assert len(PAGES) >= 3
    for page in PAGES:
        snippets = " ".join(boilerplate_snippets(page))
        # the bait: the blocks name states, so leaking them would create actors and events
        assert re.search(r"China|Chinese|Russia|Moscow|Beijing", snippets), page.name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_boilerplate_never_reaches_text_or_events(page: Path, coded_pages) -> None:
    coded = coded_pages[page]
    text = _squash(coded.document.text)
    leaked = [s for s in boilerplate_snippets(page) if s in text]
    assert leaked == []
    assert coded.events, "the article itself reports events"
    for event in coded.events:
        assert not any(_squash(event.sentence) in s for s in boilerplate_snippets(page))
