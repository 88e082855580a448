"""Document identity: equal normalised text means equal id, whatever format it came from;
and the outlet (site) a URL belongs to, so that reports of one outlet count once."""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import urlsplit


def text_id(text: str) -> str:
    """Document id: hash of the text with Unicode (NFC) and whitespace normalised.

    Line breaks, paragraph breaks and runs of spaces all count as one space, so the same
    article read from a text file, a JSONL record or a web page gets the same id.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def outlet(url: str | None) -> str | None:
    """The site a URL belongs to: its host, lower case, without a leading ``www.``.

    ``https://www.Reuters.com/world/x`` -> ``reuters.com``; ``http://news.example.org:8080/``
    -> ``news.example.org``. None for anything without a host (a path, ``mailto:``, junk).
    The store fills ``documents.outlet`` with it (schema.OUTLET_SQL is the same rule in SQL).
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed IPv6 literal or port
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host.removeprefix("www.") or None
