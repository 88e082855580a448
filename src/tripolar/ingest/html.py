"""HTML pages: main text and metadata with trafilatura, then a light clean-up of what it leaves.

trafilatura already drops navigation, comments, cookie banners, share bars, author boxes and
most "related" blocks. What it sometimes keeps is handled here: a trailing "Read more:" /
"Related" label with teaser headlines after it, and stray one-line interface labels.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import lxml.html

from tripolar.errors import IngestError
from tripolar.ingest.dates import parse_date_value, scan_dateline
from tripolar.ingest.text import clean_line, paragraphs, same_words

_RELATED_LABEL = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content|coverage|reading|news|posts?|links?))?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|further\s+reading|most\s+(?:read|popular)"
    r"|more\s+(?:on\s+this(?:\s+(?:topic|story))?|from\s+.{1,40}|stories|news)"
    r"|recommended(?:\s+(?:for\s+you|reading|stories))?|you\s+(?:may|might)\s+also\s+like"
    r"|trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories))\s*:?$",
    re.I,
)
_INLINE_RELATED = re.compile(
    r"^(?:read\s+(?:more|also)|related|see\s+also|also\s+read)\s*:\s", re.I
)
_UI_LABEL = re.compile(
    r"^(?:share(?:\s+(?:on|via|this(?:\s+\w+)?)\s*\w*)?|accept(?:\s+all)?\s+cookies"
    r"|manage\s+(?:cookie\s+)?(?:preferences|settings)|cookie\s+settings|advertisement"
    r"|sign\s+up(?:\s+for\s+\w+(?:\s+\w+)?)?|subscribe(?:\s+now)?|copy\s+link"
    r"|skip\s+to\s+(?:main\s+)?content|print(?:\s+this\s+(?:page|article))?|email\s+this\s+\w+)"
    r"[.!]?$",
    re.I,
)
_MARKUP = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|ul|ol|li|em|strong|b|i|blockquote)\b[^>]*>", re.I
)
_TEASER_MAX = 150
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head")
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "aside", "main", "ul", "ol", "li"}
    | {"dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "figcaption", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "address", "details", "summary"}
)


@dataclass
class HtmlParts:
    paragraphs: list[str]
    title: str | None
    url: str | None
    source: str | None
    metadata_date: dt.date | None
    page_date: dt.date | None


def extract_html(html: str, *, url: str | None = None) -> HtmlParts:
    """Main text and metadata of a web page; IngestError when no main text is found."""
    import trafilatura  # heavy import; only pages need it

    def extract(precise: bool) -> Any:
        return trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=precise,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Dates only from markup (meta tags, JSON-LD, <time>), never guessed from prose.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )

    try:
        # Precision first; a page it finds empty gets a second, default-settings attempt.
        result = extract(True)
        if result is None or not (result.text or "").strip():
            result = extract(False)
    except Exception as err:  # a parser bug on one odd page must not stop the batch
        raise IngestError(
            f"the HTML could not be parsed ({type(err).__name__}: {err}) - "
            "check that the file is a web page"
        ) from None
    if result is None or not (result.text or "").strip():
        raise IngestError(
            "no main text found in the page - it may be an index, a login wall or a page "
            "built by JavaScript; save the article text as .txt instead"
        )
    title = clean_line(result.title) if result.title else None
    lines = [clean_line(line) for line in str(result.text).split("\n")]
    lines, page_date = _drop_top_matter(lines, title)
    lines = _drop_trailing_related(lines)
    lines = [line for line in lines if not _UI_LABEL.match(line)]
    if not any(len(line) >= 40 or len(line.split()) >= 6 for line in lines):
        raise IngestError(
            "no main text found in the page, only short fragments such as menu items - "
            "if it is an article, save its text as .txt instead"
        )
    return HtmlParts(
        # trafilatura writes one block per line: every line is a paragraph.
        paragraphs=[p for line in lines for p in paragraphs([line])],
        title=title,
        url=result.url or url,
        source=result.sitename or None,
        metadata_date=parse_date_value(result.date) if result.date else None,
        page_date=page_date,
    )


def _drop_top_matter(lines: list[str], title: str | None) -> tuple[list[str], dt.date | None]:
    """Remove a repeated title and a dateline among the first lines; return the page date."""
    lines = [line for line in lines if line]
    if title and lines and same_words(lines[0], title):
        lines = lines[1:]
    page_date: dt.date | None = None
    for index, line in enumerate(lines[:3]):
        is_dateline, value = scan_dateline(line)
        if is_dateline:
            page_date = value
            del lines[index]
            break
    return lines, page_date


def _drop_trailing_related(lines: list[str]) -> list[str]:
    """Cut a "Related"/"Read more" label near the end and the teaser headlines after it."""
    while lines and _INLINE_RELATED.match(lines[-1]) and len(lines[-1]) <= _TEASER_MAX:
        lines = lines[:-1]
    for index in range(len(lines) - 1, max(len(lines) - 12, 0) - 1, -1):
        if _RELATED_LABEL.match(lines[index]):
            teasers = lines[index + 1 :]
            if all(_is_teaser(line) for line in teasers):
                return lines[:index]
            break
    return lines


def _is_teaser(line: str) -> bool:
    return len(line) <= _TEASER_MAX and not line.endswith(".")


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML snippet (feed summary, HTML in a JSON field): blocks become paragraphs."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml rejects some fragments outright; keep the text without tags
        return re.sub(r"<[^>]+>", " ", fragment)
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    pieces: list[str] = []
    # An explicit stack instead of recursion: hostile markup may nest thousands deep.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        block = tag in _BLOCK_TAGS
        if closing:
            if block:
                pieces.append("\n\n")
            if element is not root and element.tail:
                pieces.append(element.tail)
            continue
        if block:
            pieces.append("\n\n")
        if tag == "br":
            pieces.append("\n")
        if element.text and tag:
            pieces.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "".join(pieces)


def looks_like_html(text: str) -> bool:
    """True when a text field holds markup rather than plain text."""
    return _MARKUP.search(text) is not None
