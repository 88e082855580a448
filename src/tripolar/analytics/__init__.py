"""Analytics: pure functions over the events and assessments of a store.

Each takes the DataFrame of ``Store.events()`` or ``Store.assessments()`` (most also accept
the Store itself, in which case the group-bys run in DuckDB) and returns DataFrames
documented in docs/methods.md.
"""

from tripolar.analytics.assessments import (
    annotate_assessments,
    assessment_series,
    assessment_table,
    assessment_triangle,
    compare_triangles,
    subject_dyads,
    top_assessments,
)
from tripolar.analytics.changepoints import change_points
from tripolar.analytics.compare import Comparison, compare_datasets
from tripolar.analytics.evidence import annotate, top_events
from tripolar.analytics.network import ActorNetwork, network
from tripolar.analytics.series import band, category_table, relation_index, relations
from tripolar.analytics.topics import TOPIC_LABELS, Lexicon, topic_breakdown, topics
from tripolar.analytics.triangle import TYPE_LABELS, classify, transitions, triangle

__all__ = [
    "TOPIC_LABELS",
    "TYPE_LABELS",
    "ActorNetwork",
    "Comparison",
    "Lexicon",
    "annotate",
    "annotate_assessments",
    "assessment_series",
    "assessment_table",
    "assessment_triangle",
    "band",
    "category_table",
    "change_points",
    "classify",
    "compare_datasets",
    "compare_triangles",
    "network",
    "relation_index",
    "relations",
    "subject_dyads",
    "top_assessments",
    "top_events",
    "topic_breakdown",
    "topics",
    "transitions",
    "triangle",
]
