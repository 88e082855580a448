"""Analytics: pure functions over the events of a store.

Each takes the DataFrame of ``Store.events()`` (most also accept the Store itself, in which
case the group-bys run in DuckDB) and returns DataFrames documented in docs/methods.md.
"""

from tripolar.analytics.changepoints import change_points
from tripolar.analytics.evidence import annotate, top_events
from tripolar.analytics.network import ActorNetwork, network
from tripolar.analytics.series import band, category_table, relation_index, relations
from tripolar.analytics.topics import TOPIC_LABELS, Lexicon, topic_breakdown, topics
from tripolar.analytics.triangle import TYPE_LABELS, classify, transitions, triangle

__all__ = [
    "TOPIC_LABELS",
    "TYPE_LABELS",
    "ActorNetwork",
    "Lexicon",
    "annotate",
    "band",
    "category_table",
    "change_points",
    "classify",
    "network",
    "relation_index",
    "relations",
    "top_events",
    "topic_breakdown",
    "topics",
    "transitions",
    "triangle",
]
