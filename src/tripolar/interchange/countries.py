"""Country names and codes of other datasets -> ISO 3166 alpha-3, and actor codes built on them.

Codes are looked up in pycountry (alpha-3, alpha-2, names, official and common names) and then
in tripolar's actor dictionary (which adds short names such as "Russia" or "South Korea" and
the codes it uses for places pycountry lacks, such as XKX for Kosovo). What neither knows is
not guessed: the caller gets None and counts it (docs/interchange.md, "Countries").
"""

from __future__ import annotations

from collections import Counter

import pycountry

from tripolar.actors import ActorDictionary
from tripolar.actors.dictionary import NON_STATE_PREFIXES, NULL_CODE, normalise_phrase

UNKNOWN = NULL_CODE
"""The country part of an actor whose country is unknown (``---GOV``); analytics skip it."""


class CountryMapper:
    """Maps country names and codes to alpha-3 and counts what it could not map.

    One mapper serves one import; ``unmapped`` counts each value that was not mapped.
    """

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self._dictionary = dictionary
        self._cache: dict[str, str | None] = {"": None}
        self._actors: dict[tuple[str, str, str], tuple[str, str | None]] = {}
        self._named: dict[str, str] | None = None
        self.unmapped: Counter[str] = Counter()

    def country(self, value: str) -> str | None:
        """An alpha-3 code for a country name or code, else None (counted when not empty)."""
        found = self._country(value)
        if found is None and value.strip():
            self.unmapped[value.strip()] += 1
        return found

    def _country(self, value: str) -> str | None:
        text = value.strip()
        try:
            return self._cache[text]
        except KeyError:
            found = self._cache[text] = self._lookup(text)
            return found

    def actor(self, code: str, country: str = "", name: str = "") -> str:
        """A CAMEO-style actor code whose first three letters are an alpha-3 country.

        ``code`` is the dataset's actor code (``CHNGOV``, ``GOV``, ``IGOUNO``; may be empty),
        ``country`` its country field (code or name; may be empty), ``name`` the actor's
        name, used only when there is neither code nor country: an organisation the actor
        dictionary names ("United Nations" -> ``IGOUNO``). Non-state codes (IGO, NGO, IMG)
        are kept; an actor without a known country becomes ``---`` + its sector (``---GOV``),
        and one with no code at all ``---`` (counted, as ``(none)`` when nothing was given).
        """
        key = (code, country, name)
        try:
            found, missed = self._actors[key]
        except KeyError:
            found, missed = self._actors[key] = self._map_actor(code, country, name)
        if missed is not None:
            self.unmapped[missed] += 1
        return found

    def _map_actor(self, raw: str, country: str, name: str) -> tuple[str, str | None]:
        """(actor code, the value that could not be mapped or None)."""
        code = raw.strip().upper()
        if code.startswith(NON_STATE_PREFIXES):
            return code, None
        if code.startswith(UNKNOWN):  # already unknown (tripolar's own exports)
            return code, code
        given = country.strip()
        if given:
            prefixed = len(given) == 3 and code.startswith(given.upper())
            iso, rest = self._country(given), code[3:] if prefixed else code
            return (iso or UNKNOWN) + rest, None if iso else given
        if len(code) >= 3:
            iso = self._country(code[:3])
            return (iso + code[3:], None) if iso else (UNKNOWN + code, code)
        if not code and name.strip():
            named = self._organisation(name)
            if named is not None:
                return named, None
            return UNKNOWN, name.strip()
        return UNKNOWN + code, code or "(none)"

    def _organisation(self, name: str) -> str | None:
        """The one code of an IGO or organisation the actor dictionary names exactly."""
        if self._named is None:
            if self._dictionary is None:
                self._dictionary = ActorDictionary.builtin()
            index: dict[str, set[str]] = {}
            for entry in self._dictionary.actors:
                if entry.kind in ("igo", "organisation") and entry.default and not entry.terms:
                    for pattern in entry.patterns:
                        index.setdefault(pattern.key, set()).update(entry.default)
            self._named = {k: next(iter(v)) for k, v in index.items() if len(v) == 1}
        return self._named.get(normalise_phrase(name))

    def _lookup(self, text: str) -> str | None:
        upper = text.upper()
        if len(text) == 3 and text.isalpha():
            found = pycountry.countries.get(alpha_3=upper)
            if found is not None:
                return str(found.alpha_3)
        if len(text) == 2 and text.isalpha():
            found = pycountry.countries.get(alpha_2=upper)
            if found is not None:
                return str(found.alpha_3)
        try:
            match = pycountry.countries.lookup(text)
        except LookupError:
            match = None
        if match is not None:
            return str(match.alpha_3)
        return self._from_dictionary(text)

    def _from_dictionary(self, text: str) -> str | None:
        if self._dictionary is None:
            self._dictionary = ActorDictionary.builtin()
        codes = self._dictionary.codes_for(text)
        roots = {c[:3] for c in codes if len(c) >= 3 and not c.startswith(NON_STATE_PREFIXES)}
        if len(roots) == 1:
            return roots.pop()
        if len(text) == 3 and text.isalpha() and self._known_code(text.upper()):
            return text.upper()
        return None

    def _known_code(self, code: str) -> bool:
        """A three-letter code the actor dictionary uses as a country (XKX)."""
        assert self._dictionary is not None
        return any(
            c[:3] == code for e in self._dictionary.actors if e.kind == "state" for c in e.default
        )
