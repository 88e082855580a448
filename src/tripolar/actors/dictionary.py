"""The actor dictionary: entries, their surface patterns and their codes over time.

An `ActorDictionary` holds two kinds of entries (defined in ``tripolar.actors.entries`` and
re-exported here):

* `ActorEntry` - something that is an actor on its own: a state, a capital used as a metonym,
  an international organisation, a named organisation (Gazprom, the Pentagon) or a person whose
  code depends on the date (terms of office).
* `AgentEntry` - a noun that only becomes an actor when attached to one ("minister" -> GOV,
  "troops" -> MIL): "Russian troops" -> RUSMIL.

The readers sit below it: ``builtin`` reads the shipped TSV files, ``petrarch`` reads
TABARI/PETRARCH files; both produce entries and never import this module. The dictionary
knows nothing about spaCy; `tripolar.actors.resolver.ActorResolver` turns its patterns into
matchers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from tripolar.actors.entries import (
    NON_STATE_PREFIXES,
    NULL_CODE,
    SECTOR_CODES,
    STANDALONE_AGENT_CODES,
    ActorEntry,
    AgentEntry,
    Pattern,
    Term,
    attach_agent,
    country_root,
    normalise_phrase,
)
from tripolar.actors.petrarch import read_actor_file, read_agent_file

__all__ = [
    "NON_STATE_PREFIXES",
    "NULL_CODE",
    "SECTOR_CODES",
    "STANDALONE_AGENT_CODES",
    "ActorDictionary",
    "ActorEntry",
    "AgentEntry",
    "Pattern",
    "Term",
    "attach_agent",
    "country_root",
    "load_builtin",
    "normalise_phrase",
]


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


def load_builtin() -> ActorDictionary:
    """A fresh copy of the dictionary shipped in `tripolar/actors/data` (uncached)."""
    # imported here: reading the shipped files needs pycountry, which the store and the
    # CLI, reading only a user's codes, need not load
    from tripolar.actors.builtin import builtin_entries

    actors, agents = builtin_entries()
    return ActorDictionary(actors, agents, origin="builtin")


@lru_cache(maxsize=1)
def _builtin() -> ActorDictionary:
    return load_builtin()
