"""When two coded events report the same act: the same countries and the same code family.

One notion, used twice: the store links mentions of one real event across sentences and
documents (`tripolar.store.identity`, which adds compatible dates), and the story date pass
dates an undated mention by the same act dated elsewhere in its story
(`tripolar.events.story_dates`).
"""

from __future__ import annotations

RECIPROCAL_ROOTS = frozenset({"04", "05", "06", "19"})
"""Roots whose acts are joint by nature: a mention coded in either direction is one act."""

OWN_FAMILY_CODES = frozenset({"041"})
"""Codes that form a family of their own instead of joining their root's (a phone call)."""


def family(code: str) -> str:
    """The code family two mentions must share: the root, or the code itself for a few."""
    return code if code in OWN_FAMILY_CODES else code[:2]


def link_key(source_country: str, target_country: str, code: str) -> str:
    """Mentions can be linked only when their keys are equal: family and country pair (in
    order, or sorted for a joint act)."""
    a, b = source_country.upper(), target_country.upper()
    if code[:2] in RECIPROCAL_ROOTS and b < a:
        a, b = b, a
    return f"{family(code)}|{a}|{b}"
