"""The actor dictionary: entries, their surface patterns and their codes over time.

An `ActorDictionary` holds two kinds of entries:

* `ActorEntry` - something that is an actor on its own: a state, a capital used as a metonym,
  an international organisation, a named organisation (Gazprom, the Pentagon) or a person whose
  code depends on the date (terms of office).
* `AgentEntry` - a noun that only becomes an actor when attached to one ("minister" -> GOV,
  "troops" -> MIL): "Russian troops" -> RUSMIL.

The dictionary knows nothing about spaCy; `tripolar.actors.resolver.ActorResolver` turns its
patterns into matchers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

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


class ActorDictionary:
    """Actor and agent entries; immutable once built.

    `complete_agents`: the agents are a whole agent dictionary (a user's PETRARCH file), so
    `merged` lays them over another dictionary by replacing its agents rather than adding to
    them. `petrarch_conventions`: code as PETRARCH does - a bare agent is `---` + its code
    ("a senior official" -> `---GOV`) instead of borrowing a country from the paragraph, and
    several agents on one actor are stacked in order (`DNK` + `MUS` + `MED` -> `DNKMUSMED`).
    """

    def __init__(
        self,
        actors: Iterable[ActorEntry] = (),
        agents: Iterable[AgentEntry] = (),
        *,
        origin: str = "",
        complete_agents: bool = False,
        petrarch_conventions: bool = False,
    ) -> None:
        self.actors: tuple[ActorEntry, ...] = tuple(actors)
        self.agents: tuple[AgentEntry, ...] = tuple(agents)
        self.origin = origin
        self.complete_agents = complete_agents
        self.petrarch_conventions = petrarch_conventions

    def __repr__(self) -> str:
        return (
            f"ActorDictionary({len(self.actors)} actors, {len(self.agents)} agents"
            + (f", {self.origin}" if self.origin else "")
            + ")"
        )

    @classmethod
    def builtin(cls) -> ActorDictionary:
        """The dictionary shipped in `tripolar/actors/data` (loaded once per process)."""
        return _builtin()

    @classmethod
    def from_petrarch(
        cls, actor_files: Sequence[Path | str] = (), agent_files: Sequence[Path | str] = ()
    ) -> ActorDictionary:
        """Read TABARI/PETRARCH actor and agent dictionaries (see `tripolar.actors.petrarch`).

        The result follows PETRARCH's conventions (see the class docstring); given agent
        files, its agents replace the built-in ones when merged.
        """
        from tripolar.actors.petrarch import read_actor_file, read_agent_file

        actors: list[ActorEntry] = []
        agents: list[AgentEntry] = []
        for path in actor_files:
            actors.extend(read_actor_file(Path(path)))
        for path in agent_files:
            agents.extend(read_agent_file(Path(path)))
        return cls(
            actors,
            agents,
            origin="petrarch",
            complete_agents=bool(agent_files),
            petrarch_conventions=bool(actor_files or agent_files),
        )

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary with `other` laid over it.

        A surface form that `other` defines (as an actor or an agent) is removed from this
        dictionary's entries, so `other` decides what that phrase means; everything else is
        kept. Entries left with no pattern are dropped. When `other` has `complete_agents`,
        its agents replace these ones altogether (a PETRARCH agent file is a whole coding
        scheme: words it leaves out, such as "militia", are not agents there).
        """
        # a phrase `other` defines, as actor or as agent, means what `other` says ("MSF" as
        # a user's NGO~ agent is no longer the built-in organisation)
        keys = {p.key for entry in other.actors for p in entry.patterns}
        keys |= {p.key for entry in other.agents for p in entry.patterns}
        kept_actors = [_without(entry, keys) for entry in self.actors]
        kept_agents = (
            [] if other.complete_agents else [_without(entry, keys) for entry in self.agents]
        )
        return ActorDictionary(
            [e for e in kept_actors if e.patterns] + list(other.actors),
            [e for e in kept_agents if e.patterns] + list(other.agents),
            origin="+".join(o for o in (self.origin, other.origin) if o),
            complete_agents=self.complete_agents or other.complete_agents,
            petrarch_conventions=self.petrarch_conventions or other.petrarch_conventions,
        )

    def lookup(self, phrase: str) -> list[ActorEntry]:
        """Actor entries with a pattern equal to `phrase` (case-insensitive, exact)."""
        key = normalise_phrase(phrase)
        return [e for e in self.actors if any(p.key == key for p in e.patterns)]

    def lookup_agent(self, phrase: str) -> list[AgentEntry]:
        key = normalise_phrase(phrase)
        return [e for e in self.agents if any(p.key == key for p in e.patterns)]

    def codes_for(self, phrase: str, on: dt.date | None = None) -> tuple[str, ...]:
        """The codes of the best entry named `phrase` on a date; () when unknown."""
        entries = self.lookup(phrase)
        if not entries:
            return ()
        best = min(entries, key=lambda e: e.distance(on))
        return best.codes_on(on)


_E = TypeVar("_E", ActorEntry, AgentEntry)


def _without(entry: _E, keys: set[str]) -> _E:
    patterns = tuple(p for p in entry.patterns if p.key not in keys)
    return entry if len(patterns) == len(entry.patterns) else replace(entry, patterns=patterns)


@lru_cache(maxsize=1)
def _builtin() -> ActorDictionary:
    from tripolar.actors.builtin import load_builtin

    return load_builtin()
