"""The actors stage: a date-aware actor dictionary and the resolver that finds mentions.

dictionary = ActorDictionary.builtin()
dictionary = dictionary.merged(ActorDictionary.from_petrarch(actor_files, agent_files))
resolver = ActorResolver(dictionary, nlp)
resolver.find_mentions(doc, on=date(2017, 5, 1)) -> list[Mention]
"""

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
from tripolar.actors.resolver import ActorResolver

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
