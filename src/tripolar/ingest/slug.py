"""The title words a URL spells in its path ('/2020/05/us-china-ties-sour/' -> 'US China
Ties Sour'), for documents read without a title of their own; a page title without the site
name after it ('Putin praises ties - Times of India' -> 'Putin praises ties')."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# A path segment of three or more words joined by hyphens or underscores.
_SLUG = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){2,}")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014)\s+")
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cfm|ece)$", re.IGNORECASE)
# A page id with a dot after the slug: ".../india-russia-ties-1.1426167".
_DOTTED_ID = re.compile(r"[-_]\d+(?:\.\d+)+$")
# Two-letter words that stay words; any other two-letter word of a slug is an initialism
# ("us", "uk", "eu", "un" -> "US", "UK", "EU", "UN").
_SHORT_WORDS = frozenset(
    [
        "a",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "we",
        "vs",
    ]
)

# Two-letter surnames of leaders, which stay names: "putin-xi-summit" -> "Putin Xi Summit".
_SHORT_NAMES = frozenset(["xi", "hu", "li", "wu", "ma"])

# Combining forms of state names, written with a hyphen before the next word.
_COMBINING = re.compile(r"\b(Sino|Russo|Indo|Anglo|Franco|Afro|Euro) (?=\S)")


def url_title(url: str | None) -> str | None:
    """The words of the URL path's slug (its segment with the most words, the last on a
    tie; spaces and "+" join words like hyphens), capitalised as a headline; a run of single
    letters is an initialism ('u-s-china' -> 'U.S. China'), a combining form keeps its hyphen
    ('sino-us' -> 'Sino-US'); numbers of five or more digits and dotted ids ('-1.1426167')
    (page ids) are dropped. None
    for a URL without such a segment."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    best: list[str] = []
    for segment in unquote(path).split("/"):
        # "China-Russia%20Relations", "china+russia+ties": spaces and "+" join words too
        segment = re.sub(r"[\s+]+", "-", _EXTENSION.sub("", segment).strip())
        segment = _DOTTED_ID.sub("", segment)
        if not _SLUG.fullmatch(segment):
            continue
        words = [w for w in re.split(r"[-_]", segment) if not (w.isdigit() and len(w) >= 5)]
        if len(words) >= 3 and len(words) >= len(best):
            best = words
    if not best:
        return None
    out: list[str] = []
    letters: list[str] = []
    for word in [*best, ""]:
        if len(word) == 1 and word.isalpha():
            letters.append(word.upper())
            continue
        if letters:
            out.append(".".join(letters) + "." if len(letters) > 1 else letters[0])
            letters = []
        if not word:
            continue
        lowered = word.lower()
        if len(word) == 2 and word.isalpha() and lowered not in _SHORT_WORDS | _SHORT_NAMES:
            out.append(word.upper())
        else:
            out.append(lowered.capitalize())
    # a combining form keeps its hyphen: "sino-russian" -> "Sino-Russian", "Indo-Pacific"
    title = " ".join(out)
    return _COMBINING.sub(lambda m: m.group(1) + "-", title)


def without_site_name(title: str) -> str:
    """A page title without the site name that follows a spaced bar or dash ('Xi visits
    Moscow | The Japan Times' -> 'Xi visits Moscow'); the title itself when the last part is
    not the shorter one."""
    parts = _SITE_SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    head, site = " - ".join(parts[:-1]), parts[-1]
    return head if len(site) < len(head) else title.strip()
