"""Places that are not actors: provinces, regions and cities named as where an event happened.

``data/places.tsv`` maps a place name to its state. The coder consults it only where a rule
takes the place of an event as its target ("lifted the curfew in Kandahar" -> AFG); a place
never becomes a source and never stands for an actor inside a noun phrase.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from tripolar.errors import DictionaryError
from tripolar.events.tsv import table_rows
from tripolar.model import Mention

MAX_WORDS = 4


@lru_cache(maxsize=1)
def place_table() -> dict[str, str]:
    """Lower-cased place name -> ISO 3166 alpha-3 code of its state."""
    text = resources.files("tripolar.events").joinpath("data", "places.tsv").read_text("utf-8")
    where = "events/data/places.tsv"
    table: dict[str, str] = {}
    for number, (name, code) in table_rows(text, 2, where, header="name", columns="name, ISO code"):
        if len(code) != 3 or not code.isupper():
            raise DictionaryError("expected 'name<TAB>ISO code'", path=where, line=number)
        table[name.lower()] = code
    return table


def place_mention(token: Token) -> Mention | None:
    """The state of the named place a token belongs to ("West Darfur State" -> SDN), as a
    Mention of kind ``place``; None when the token is not part of a listed proper name."""
    if token.pos_ != "PROPN":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and token.i - start < MAX_WORDS:
        start -= 1
    end = token.i + 1
    table = place_table()
    for length in range(min(MAX_WORDS, end - start), 0, -1):
        for first in range(start, end - length + 1):
            span = doc[first : first + length]
            code = table.get(span.text.lower())
            if code is not None:
                return Mention(
                    span.start_char, span.end_char, span.text, (code,), kind="place", entry="place"
                )
    return None
