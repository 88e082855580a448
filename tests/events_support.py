"""Helpers shared by the event-coder tests: actor mentions placed from a phrase table, so a
rule's test does not depend on the actors stage."""

from __future__ import annotations

from tripolar.model import Mention


def mentions_from_table(text: str, actors: dict[str, str]) -> list[Mention]:
    """Every occurrence of a phrase of ``actors`` (longest first, no overlaps) as a Mention."""
    found: list[Mention] = []
    taken: set[int] = set()
    for phrase in sorted(actors, key=len, reverse=True):
        start = 0
        while (i := text.find(phrase, start)) >= 0:
            start = i + len(phrase)
            span = set(range(i, start))
            if span & taken:
                continue
            taken |= span
            found.append(Mention(i, start, phrase, (actors[phrase],)))
    return sorted(found, key=lambda m: m.start)
