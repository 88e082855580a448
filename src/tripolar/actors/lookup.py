"""Actor arguments typed by people: codes, country names and demonyms -> actor codes.

One parser for every place that takes actors from a user (the CLI's ``--dyad``/``--actors``
and the triangle's three actors, the Python API, the analytics): ``CHN``, ``China``,
``Chinese``, ``People's Republic of China``, ``NATO`` and ``IGOWSTNAT`` are all accepted;
anything else is refused with a suggestion ("did you mean CHN (China)?") instead of being cut
to three letters and matching nothing. Names come from the built-in actor dictionary (which
includes pycountry's ISO names), so the parser knows what the coder knows.

``describe`` answers ``tripolar actors QUERY``: what a code or a name stands for, its terms of
office and which data file it comes from; ``code_name`` gives the names shown beside codes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tripolar.actors.dictionary import (
    SECTOR_CODES,
    ActorDictionary,
    ActorEntry,
    Term,
    country_root,
    normalise_phrase,
)
from tripolar.errors import UnknownActorError

GROUP_CODES: dict[str, str] = {
    "IGO": "international organisations (all)",
    "NGO": "non-governmental organisations (all)",
    "IMG": "transnational militant groups (all)",
    "---": "unknown country",
}
"""Three-letter prefixes that are no state; the analytics treat each as one party."""

SECTOR_NAMES: dict[str, str] = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "BUS": "business", "MED": "media", "OPP": "opposition", "REB": "rebels",
    "CVL": "civilians", "ELI": "elites", "EDU": "education", "REL": "religion", "LAB": "labour",
    "HLH": "health", "HRI": "human rights", "NGO": "non-governmental organisation",
    "REF": "refugees", "SPY": "intelligence services", "AGR": "agriculture",
    "DEV": "development", "ENV": "environment", "CRM": "criminals", "MNC": "multinationals",
    "PTY": "political party", "UAF": "armed forces (unaffiliated)", "IGO": "international body",
    "BNK": "banks", "SET": "settlers", "MOD": "moderates", "RAD": "radicals",
}  # fmt: skip
"""CAMEO sector (role) codes in words (CAMEO actor codebook, Schrodt 2012, ch. 3)."""

SOURCES: dict[str, str] = {
    "state": "actors/data/states.tsv and pycountry (ISO 3166)",
    "capital": "actors/data/states.tsv (capitals)",
    "igo": "actors/data/igos.tsv",
    "organisation": "actors/data/organisations.tsv",
    "person": "actors/data/persons.tsv (terms of office)",
}
"""Where each kind of built-in entry comes from (see docs/data/actors.md)."""

PARTY_KINDS = ("state", "capital", "igo", "organisation")
"""Entries that can stand for a party of a dyad; a person stands for their country's code."""


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One answer of ``describe``: a code, what it means and where that comes from."""

    code: str
    name: str
    kind: str
    source: str
    terms: tuple[Term, ...] = ()
    forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Index:
    names: dict[str, str]  # normalised phrase -> code (parties only)
    code_names: dict[str, str]  # code -> display name
    entries: tuple[ActorEntry, ...]


@lru_cache(maxsize=1)
def _index() -> _Index:
    dictionary = ActorDictionary.builtin()
    names: dict[str, str] = {}
    code_names: dict[str, str] = {}
    for entry in dictionary.actors:
        if entry.kind not in PARTY_KINDS or entry.compound_only or len(entry.default) != 1:
            continue
        code = entry.default[0]
        # a state or IGO names its code; an organisation only a code of its own (the
        # Central Bank of Russia is RUSGOV, which reads "Russia: government")
        if entry.kind in ("state", "igo") or (
            entry.kind == "organisation" and country_root(code) is None
        ):
            code_names.setdefault(code, entry.name)
        for key in (normalise_phrase(entry.name), *(p.key for p in entry.patterns)):
            if entry.kind == "capital" and key == normalise_phrase(entry.name):
                continue  # "Russia (capital)" is not a phrase anyone types
            names.setdefault(key, code)
    return _Index(names, code_names, dictionary.actors)


def is_known_code(code: str) -> bool:
    """A code of the built-in dictionary, a group prefix (IGO), or a state code + sectors."""
    code = code.upper()
    index = _index()
    if code in index.code_names or code in GROUP_CODES:
        return True
    root = country_root(code)
    if root is None or root not in index.code_names:
        return False
    rest = code[3:]
    return all(rest[i : i + 3] in SECTOR_CODES for i in range(0, len(rest), 3))


def resolve_actor(text: str) -> str:
    """A code, name or demonym -> the actor code (``China`` -> ``CHN``, ``NATO`` ->
    ``IGOWSTNAT``); raises UnknownActorError with the nearest codes and names."""
    phrase = text.strip()
    if not phrase:
        raise UnknownActorError("an actor is empty - give a code such as CHN or a name")
    if phrase.isupper() and is_known_code(phrase):
        return phrase
    code = _index().names.get(normalise_phrase(phrase))
    if code is not None:
        return code
    if is_known_code(phrase):  # a code in lower case ("chn"); names were tried first
        return phrase.upper()
    person = _person_country(phrase)
    hint = f"{phrase!r} is a person; use their country, e.g. {person}" if person else None
    raise UnknownActorError(hint or f"unknown actor {phrase!r}{suggestion(phrase)}")


def resolve_country(text: str) -> str:
    """``resolve_actor`` reduced to the three-letter party the analytics compare
    (``RUSGOV`` -> ``RUS``; an organisation -> its group, ``IGO``)."""
    code = resolve_actor(text)
    return code if len(code) == 3 else code[:3]


def resolve_actors(values: str | Iterable[str]) -> tuple[str, ...]:
    """A comma-separated string or a list of actors -> codes, in order, without repeats."""
    items = split_list(values) if isinstance(values, str) else [v for v in values if v.strip()]
    if not items:
        raise UnknownActorError("no actors given - give codes or names such as CHN,RUS,USA")
    return tuple(dict.fromkeys(resolve_actor(v) for v in items))


def split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", value) if part.strip()]


_SEPARATORS = ("->", ">", ",", "-", "_", "/", " ")


def resolve_dyad(text: str) -> tuple[str, str, bool]:
    """``"CHN-RUS"``, ``"China-Russia"``, ``"CHN RUS"``, ``"CHN_RUS"`` -> (CHN, RUS,
    undirected); ``"CHN->RUS"`` -> directed. Hyphenated names ("Guinea-Bissau") survive:
    every split point is tried and the first whose two halves are both actors wins."""
    value = text.strip()
    first_error: UnknownActorError | None = None
    for sep in _SEPARATORS:
        for match in re.finditer(re.escape(sep), value):
            left, right = value[: match.start()].strip(), value[match.end() :].strip()
            if not left or not right:
                continue
            try:
                pair = resolve_actor(left), resolve_actor(right)
            except UnknownActorError as exc:
                first_error = first_error or exc
                continue
            return pair[0], pair[1], sep in ("->", ">")
    if first_error is not None:
        raise UnknownActorError(f"dyad {text!r}: {first_error.message}")
    raise UnknownActorError(
        f"dyad {text!r} must be two actors joined by '-' (undirected, e.g. CHN-RUS or "
        "China-Russia) or '->' (directed, e.g. CHN->RUS)"
    )


def code_name(code: str) -> str:
    """A code in words: ``CHN`` -> China, ``RUSGOV`` -> Russia: government, ``IGOWSTNAT`` ->
    NATO; a code the dictionary does not know -> ''."""
    index = _index()
    if code in index.code_names:
        return index.code_names[code]
    if code in GROUP_CODES:
        return GROUP_CODES[code]
    for length in range(len(code) - 3, 2, -3):  # longest known prefix + sector words
        head, rest = code[:length], code[length:]
        if head in index.code_names and len(rest) % 3 == 0:
            sectors = [
                SECTOR_NAMES.get(rest[i : i + 3], rest[i : i + 3]) for i in range(0, len(rest), 3)
            ]
            return f"{index.code_names[head]}: {', '.join(sectors)}"
    if code.startswith("---") and code[3:6] in SECTOR_NAMES:
        return f"unknown country (the text does not say whose): {SECTOR_NAMES[code[3:6]]}"
    return ""


def dyad_label_name(dyad: str) -> str:
    """``CHN-RUS`` -> ``China – Russia``; ``CHN->RUS`` -> ``China → Russia``."""
    directed = "->" in dyad
    parts = dyad.split("->" if directed else "-", 1)
    return (" → " if directed else " – ").join(code_name(p) or p for p in parts)


def describe(query: str, *, limit: int = 20) -> list[ActorInfo]:
    """What a code or a name stands for: every built-in entry with that code (for a state
    code: the state itself and its capital) or with that name among its forms, then entries
    whose display name contains the query."""
    text = query.strip()
    if not text:
        return []
    index = _index()
    upper = text.upper()
    found: list[ActorEntry] = []
    key = normalise_phrase(text)
    for entry in (e for e in index.entries if not e.compound_only):
        codes = {*entry.default, *(c for t in entry.terms for c in t.codes)}
        if upper in codes or any(p.key == key for p in entry.patterns):
            found.append(entry)
    if not found and not text.isupper():  # a name in part ("Stoltenb"), never a code ("IGO")
        found = [e for e in index.entries if key in normalise_phrase(e.name)]
    return [_info(e) for e in dict.fromkeys(found)][:limit]


def _info(entry: ActorEntry) -> ActorInfo:
    codes = entry.default or tuple(dict.fromkeys(c for t in entry.terms for c in t.codes))
    forms = tuple(dict.fromkeys(p.text for p in entry.patterns))
    return ActorInfo(
        code=", ".join(codes) or entry.country,
        name=entry.name,
        kind=entry.kind,
        source=SOURCES.get(entry.kind, entry.kind),
        terms=entry.terms,
        forms=forms[:8],
    )


def _person_country(phrase: str) -> str | None:
    key = normalise_phrase(phrase)
    for entry in _index().entries:
        if entry.kind == "person" and any(p.key == key for p in entry.patterns):
            return entry.country or None
    return None


def suggestion(phrase: str) -> str:
    """' - did you mean CHN (China)?' (or how to find a code), for unknown actors."""
    index = _index()
    upper, key = phrase.strip().upper(), normalise_phrase(phrase)
    states = [c for c in index.code_names if len(c) == 3]
    codes = [
        c for c in states if len(key) >= 3 and normalise_phrase(index.code_names[c]).startswith(key)
    ]
    codes += [
        index.names[n] for n in difflib.get_close_matches(key, list(index.names), n=2, cutoff=0.75)
    ]
    codes += [c for c in states if len(upper) == 3 and c[:2] == upper[:2]]
    codes += difflib.get_close_matches(upper, list(index.code_names), n=2, cutoff=0.6)
    chosen = list(dict.fromkeys(codes))[:3]
    if not chosen:
        return " - give a code such as CHN, a name such as China, or see `tripolar actors QUERY`"
    return " - did you mean " + " or ".join(f"{c} ({code_name(c) or c})" for c in chosen) + "?"


def country_list(codes: Sequence[str]) -> str:
    """``CHN, RUS`` -> ``CHN (China), RUS (Russia)`` for notes and titles."""
    return ", ".join(f"{c} ({code_name(c)})" if code_name(c) else c for c in codes)
