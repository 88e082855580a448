"""Actor dictionary entries: surface patterns, terms of office, and CAMEO actor codes.

* `ActorEntry` - something that is an actor on its own: a state, a capital used as a metonym,
  an international organisation, a named organisation (Gazprom, the Pentagon) or a person whose
  code depends on the date (terms of office, `Term`).
* `AgentEntry` - a noun that only becomes an actor when attached to one ("minister" -> GOV,
  "troops" -> MIL): "Russian troops" -> RUSMIL.
* `Pattern` - one surface form of an entry; `country_root`, `attach_agent` and the sector
  codes read and build CAMEO actor codes.

The readers (``builtin`` for the shipped TSV files, ``petrarch`` for TABARI/PETRARCH files)
produce these entries; ``dictionary.ActorDictionary`` holds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# CAMEO sector (role) codes that may follow a three-letter country code.
SECTOR_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "COP",
        "BUS",
        "MED",
        "OPP",
        "REB",
        "CVL",
        "ELI",
        "EDU",
        "REL",
        "LAB",
        "HLH",
        "HRI",
        "NGO",
        "REF",
        "SPY",
        "AGR",
        "DEV",
        "ENV",
        "CRM",
        "MNC",
        "PTY",
        "UAF",
        "IGO",
        "BNK",
        "SET",
        "MOD",
        "RAD",
    }
)

NULL_CODE = "---"  # PETRARCH's "do not code this" marker

# Codes whose first three letters are not a state: international (IGO), non-governmental
# (NGO) and transnational militant (IMG) actors.
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG")
# Agent codes that make an actor on their own when no state is attached: "a human rights
# group" is an NGO, not an NGO of whatever country the paragraph named.
STANDALONE_AGENT_CODES = frozenset({"NGO"})


def normalise_phrase(text: str) -> str:
    """The comparison key of a surface phrase: lower case, single spaces."""
    return " ".join(text.lower().split())


def country_root(code: str) -> str | None:
    """The three-letter state part of a code ("RUSGOV" -> "RUS"), None for IGOs, NGOs,
    transnational groups (IMG) and others."""
    if len(code) < 3 or not code[:3].isalpha() or code.startswith(NON_STATE_PREFIXES):
        return None
    if len(code) == 3 or code[3:6] in SECTOR_CODES:
        return code[:3]
    return None


def attach_agent(actor_code: str, agent_code: str, *, prefix: bool = False) -> str:
    """Combine an actor code with an agent code ("RUS" + "MIL" -> "RUSMIL").

    A single sector already present is replaced ("RUSGOV" + "MIL" -> "RUSMIL"); IGO codes
    are kept as they are; longer codes (user dictionaries) get the agent appended,
    as PETRARCH does. `prefix` agents (`NGO~`) go in front of the actor code.
    """
    if prefix:
        return agent_code + actor_code
    if actor_code.startswith(NON_STATE_PREFIXES) or actor_code == NULL_CODE:
        return actor_code
    if actor_code.endswith(agent_code):
        return actor_code
    root = country_root(actor_code)
    if root is not None and len(actor_code) in (3, 6):
        return root + agent_code
    return actor_code + agent_code


# countries whose leaders' names English writes surname first ("Moon Jae-in", "Kim Jong Un")
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "SGP", "KHM"})


def surname(words: list[str], country: str) -> str:
    """The surname among the words of a person's name."""
    return words[0] if country in SURNAME_FIRST else words[-1]


@dataclass(frozen=True, slots=True)
class Term:
    """Codes that apply from `start` (inclusive) to `end` (exclusive); None is open."""

    codes: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None
    role: str = ""

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def distance(self, on: dt.date) -> int:
        """Days between `on` and this term (0 when covered)."""
        if self.covers(on):
            return 0
        if self.end is not None and on >= self.end:
            return (on - self.end).days + 1
        assert self.start is not None
        return (self.start - on).days


@dataclass(frozen=True, slots=True)
class Pattern:
    """One surface form. Words are separated by spaces and tokenised like the document text.

    `stem`: the last word also matches longer tokens that begin with it (TABARI/PETRARCH
    entries without a trailing underscore). `case_sensitive`: match the exact spelling
    (built-in all-capital forms such as "US", so that the pronoun "us" does not match).
    """

    text: str
    stem: bool = False
    case_sensitive: bool = False

    @property
    def key(self) -> str:
        return normalise_phrase(self.text)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A state, capital, IGO, named organisation, person, or user-dictionary actor."""

    key: str  # unique within a dictionary, e.g. "state:RUS", "person:Vladimir Putin"
    name: str  # the display name
    kind: str  # state, capital, igo, organisation, person, actor (user dictionaries)
    patterns: tuple[Pattern, ...]
    default: tuple[str, ...] = ()  # codes when no term applies (empty: see codes_on)
    terms: tuple[Term, ...] = ()  # date-restricted codes; the first that covers a date wins
    country: str = ""  # persons: the state whose ELI code applies outside their terms
    gender: str = ""  # persons: "m" or "f", used for he/she references
    compound_only: bool = False  # "Sino": a state only inside a hyphenated compound

    def codes_on(self, on: dt.date | None) -> tuple[str, ...]:
        """The codes for a date.

        A term that covers the date wins. Without a date, the default codes, else the most
        recent term's codes. Outside every term: the default codes, else for a person the
        country's elite code (USAELI), else the codes of the nearest term.
        """
        if on is None:
            if self.default:
                return self.default
            if self.terms:
                return max(self.terms, key=_term_order).codes
            return ()
        for term in self.terms:
            if term.covers(on):
                return term.codes
        if self.default:
            return self.default
        if self.kind == "person" and self.country:
            return (self.country + "ELI",)
        if self.terms:
            return min(self.terms, key=lambda t: t.distance(on)).codes
        return ()

    def distance(self, on: dt.date | None) -> int:
        """How far `on` lies from this entry's terms (0 inside one); used to pick among
        people who share a surname ("Bush", "Clinton")."""
        if not self.terms:
            return 0
        if on is None:
            latest = max(self.terms, key=_term_order)
            return 0 if latest.end is None else (dt.date.today() - latest.end).days
        return min(t.distance(on) for t in self.terms)


def _term_order(term: Term) -> dt.date:
    return term.end or dt.date.max


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A sector noun: attached to a neighbouring actor it makes a code."""

    key: str
    patterns: tuple[Pattern, ...]
    code: str  # "GOV", "MIL", "GOVMED" ...
    prefix: bool = False  # PETRARCH `NGO~`: the agent code goes before the actor code
