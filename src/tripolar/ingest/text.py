"""Text clean-up shared by every reader, and the plain-text layout rules.

A plain text is read as: optional header lines (``Title:``, ``Source:``, ``Publisher:``,
``URL:``, ``Link:``) at the very top, then a title line, then a dateline or byline, then the
body. The exact rules are in docs/ingest.md; the code below is their single source.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from tripolar.ingest.dates import dateline_end, scan_dateline

# Characters that are never text: C0/C1 controls except tab and newline, zero-width marks.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*•–]\s|\d{1,3}[.)]\s)")
_TERMINAL = re.compile(r"""[.!?…:]["'”’»)\]]*$""")
_HEADER = re.compile(r"^(title|source|publisher|url|link)\s*:\s*(\S.*)$", re.I)
_BYLINE = re.compile(
    r"^[Bb]y\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April"
    r"|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,7}$"
)

TITLE_MAX = 200
CLOSING_MARKS = "\"'\u201d\u2019\u00bb)]"  # after a sentence's final stop
"""A first line this long or longer is body text, not a title."""
SHORT_LINE = 40
"""Inside a block, a line shorter than this ends its paragraph (headings, sign-offs)."""
TOP_LINES = 4
"""How many content lines after the title are searched for a dateline or byline."""


def clean_line(line: str) -> str:
    """One line with controls removed and every run of spaces (any Unicode space) as one."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def normalize(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, single spaces, lines stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(clean_line(line) for line in text.split("\n"))


def paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    Blank lines always separate paragraphs. Inside a block, a line break is kept as a
    paragraph break when the line ends a sentence (``. ! ? … :`` with optional closing quote
    or bracket), is shorter than SHORT_LINE, or the next line starts a list item; otherwise the
    text was hard-wrapped and the two lines are joined with a space.
    """
    result: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            result.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = _MD_HEADING.sub("", raw)
        if not line:
            flush()
            continue
        if current and (_ends_paragraph(current[-1]) or _BULLET.match(line)):
            flush()
        current.append(line)
    flush()
    return result


def _ends_paragraph(line: str) -> bool:
    return len(line) < SHORT_LINE or _TERMINAL.search(line) is not None


def same_words(first: str, second: str) -> bool:
    """True when two strings differ only in case, punctuation and spacing (title repeats)."""

    def key(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())

    return bool(key(first)) and key(first) == key(second)


@dataclass
class PlainParts:
    """What the plain-text rules found in a text."""

    paragraphs: list[str]
    title: str | None = None
    url: str | None = None
    source: str | None = None
    page_date: dt.date | None = None


def parse_plain(text: str, *, find_title: bool = True) -> PlainParts:
    """Split a plain text into header fields, title, page date and body paragraphs."""
    lines = normalize(text).split("\n")
    found = PlainParts(paragraphs=[])
    index = _consume_headers(lines, found)
    if find_title:
        index = _consume_title(lines, index, found)
    _consume_dateline(lines, index, found)
    found.paragraphs = paragraphs(lines)
    return found


def _consume_headers(lines: list[str], found: PlainParts) -> int:
    """Blank out ``Key: value`` header lines at the very top; return where the rest starts."""
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _HEADER.match(line) if line else None
        if line and not match:
            break
        if match:
            key, value = match.group(1).lower(), match.group(2).strip()
            if key == "title":
                found.title = found.title or value
            elif key in {"url", "link"}:
                found.url = found.url or value
            else:
                found.source = found.source or value
            lines[index] = ""
        index += 1
    return index


def _consume_title(lines: list[str], index: int, found: PlainParts) -> int:
    """Take the first line as title when it is short, unpunctuated and stands alone."""
    while index < len(lines) and not lines[index]:
        index += 1
    if found.title is not None or index >= len(lines):
        return index
    candidate = _MD_HEADING.sub("", lines[index])
    # Datelines and bylines right below the title do not count as body for this rule.
    after = index + 1
    while after < len(lines) and lines[after] and _is_top_matter(lines[after]):
        after += 1
    stands_alone = after < len(lines) and not lines[after]
    has_body = any(lines[after:])
    if (
        stands_alone
        and has_body
        and len(candidate) < TITLE_MAX
        # a lead ending in a quotation ('... "very quickly."') or opened by a dateline
        # ("HAVANA — The minister said ...") is body, not a title
        and not candidate.rstrip(CLOSING_MARKS).endswith((".", "。", "．"))
        and not scan_dateline(candidate)[0]
        and not dateline_end(candidate)
    ):
        found.title = candidate
        lines[index] = ""
        return index + 1
    return index


def _is_top_matter(line: str) -> bool:
    return scan_dateline(line)[0] or _BYLINE.match(line) is not None


def _consume_dateline(lines: list[str], index: int, found: PlainParts) -> None:
    """Blank out the first dateline and byline lines among the next TOP_LINES content lines."""
    seen = 0
    date_done = False
    while index < len(lines) and seen < TOP_LINES:
        line = lines[index]
        if line:
            seen += 1
            is_dateline, value = scan_dateline(line)
            if is_dateline and not date_done:
                found.page_date = value
                date_done = True
                lines[index] = ""
            elif _BYLINE.match(line):
                lines[index] = ""
        index += 1
