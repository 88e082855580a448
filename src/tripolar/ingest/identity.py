"""Document identity: equal normalised text means equal id, whatever format it came from."""

from __future__ import annotations

import hashlib
import unicodedata


def text_id(text: str) -> str:
    """Document id: hash of the text with Unicode (NFC) and whitespace normalised.

    Line breaks, paragraph breaks and runs of spaces all count as one space, so the same
    article read from a text file, a JSONL record or a web page gets the same id.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
