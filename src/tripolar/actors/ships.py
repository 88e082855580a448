"""Navy ships named by their prefix: "USS Curtis Wilbur", "HMS Defender", "BRP Sierra Madre".

Maritime stories name the ship that sailed, shadowed or was rammed, often without its
country ("The destroyer USS ... sailed within 12 nautical miles of ..."); the prefix that a
navy puts before its ships' names says whose ship it is. A prefix of `SHIP_PREFIXES`
followed by one to three capitalised words, not already part of a mention, is that state's
military (`XXXMIL`). Only prefixes that one navy alone uses are listed ("INS" is India's and
Israel's, "JS" and "FS" are also initials, so they are not).

Where the facts come from: each navy's own ship prefix, as the navies write them ("United
States Ship", "His/Her Majesty's Ship", "Barko ng Republika ng Pilipinas", "Republic of
Korea Ship", "Türkiye Cumhuriyeti Gemisi", "Kapal Republik Indonesia", ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc

from tripolar.actors.references import tokens_among
from tripolar.model import Mention

SHIP_PREFIXES = {
    "USS": "USAMIL",  # United States Ship
    "USNS": "USAMIL",  # United States Naval Ship
    "USCGC": "USAMIL",  # United States Coast Guard Cutter
    "HMS": "GBRMIL",  # His/Her Majesty's Ship
    "HMCS": "CANMIL",  # His/Her Majesty's Canadian Ship
    "HMAS": "AUSMIL",  # His/Her Majesty's Australian Ship
    "HMNZS": "NZLMIL",  # His/Her Majesty's New Zealand Ship
    "BRP": "PHLMIL",  # Barko ng Republika ng Pilipinas
    "ROKS": "KORMIL",  # Republic of Korea Ship
    "TCG": "TURMIL",  # Türkiye Cumhuriyeti Gemisi
    "KRI": "IDNMIL",  # Kapal Republik Indonesia
    "HNLMS": "NLDMIL",  # His/Her Netherlands Majesty's Ship
    "HDMS": "DNKMIL",  # His/Her Danish Majesty's Ship
    "HNoMS": "NORMIL",  # His/Her Norwegian Majesty's Ship
    "HSwMS": "SWEMIL",  # His/Her Swedish Majesty's Ship
    "ESPS": "ESPMIL",  # España Buque
    "FGS": "DEUMIL",  # Federal German Ship
}
"""A navy's ship prefix -> that state's military."""

NAME_WORDS = 3
"""How many capitalised words a ship's name may have after its prefix."""


def named_ships(doc: Doc, found: Sequence[Mention]) -> list[Mention]:
    """Mentions for ships named by a prefix of `SHIP_PREFIXES` (see the module docstring)."""
    covered = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    for i in tokens_among(doc, SHIP_PREFIXES, ORTH):
        prefix = doc[i]
        if prefix.idx in covered:
            continue
        j = i + 1
        while j < len(doc) and j <= i + NAME_WORDS and _name_word(doc, j, covered):
            j += 1
        if j == i + 1:
            continue  # "the HMS" with no name after it
        span = doc[i:j]
        code = SHIP_PREFIXES[prefix.text]
        out.append(
            Mention(
                span.start_char, span.end_char, span.text, (code,), "agent", "ship " + span.text
            )
        )
    return out


def _name_word(doc: Doc, j: int, covered: set[int]) -> bool:
    token = doc[j]
    return token.is_title and token.is_alpha and token.idx not in covered
