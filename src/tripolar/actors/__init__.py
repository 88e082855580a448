"""The actors stage: a date-aware actor dictionary and the resolver that finds mentions.

dictionary = ActorDictionary.builtin()
dictionary = dictionary.merged(ActorDictionary.from_petrarch(actor_files, agent_files))
resolver = ActorResolver(dictionary, nlp)
resolver.find_mentions(doc, on=date(2017, 5, 1)) -> list[Mention]
"""

from typing import TYPE_CHECKING, Any

from tripolar.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    AgentEntry,
    Pattern,
    Term,
    attach_agent,
    country_root,
)
from tripolar.actors.petrarch import parse_petrarch_date

if TYPE_CHECKING:
    from tripolar.actors.resolver import ActorResolver


def __getattr__(name: str) -> Any:
    """The resolver (and spaCy with it) loads when first used: the store and the CLI read
    the dictionary (tripolar.actors.lookup) without parsing anything."""
    if name == "ActorResolver":
        from tripolar.actors.resolver import ActorResolver

        return ActorResolver
    raise AttributeError(f"module 'tripolar.actors' has no attribute {name!r}")


__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorResolver",
    "AgentEntry",
    "Pattern",
    "Term",
    "attach_agent",
    "country_root",
    "parse_petrarch_date",
]
