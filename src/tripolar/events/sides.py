"""The ordered (source, target) pairs a coded trigger yields, and which codes are two sides."""

from __future__ import annotations

from tripolar.events.arguments import (
    Candidate,
)
from tripolar.model import Mention


def pairs(candidate: Candidate) -> list[tuple[Mention, str, Mention, str]]:
    """(source mention, source code, target mention, target code) for every event."""
    out = []
    if candidate.recip:
        members = [(m, c) for m in candidate.sources for c in m.codes]
        for source, source_code in members:
            for target, target_code in members:
                if two_parties(source_code, target_code, candidate.code):
                    out.append((source, source_code, target, target_code))
        return out
    answered: set[tuple[str, str]] = set()  # one reply per counterpart country
    for source in candidate.sources:
        for source_code in source.codes:
            for target in candidate.targets:
                for target_code in target.codes:
                    if two_parties(source_code, target_code, candidate.code):
                        out.append((source, source_code, target, target_code))
                        if candidate.mutual and (target_code, source_code[:3]) not in answered:
                            answered.add((target_code, source_code[:3]))
                            out.append((target, target_code, source, source_code))
    return out


# Acts that only ever pass between two states: breaking off relations, expelling
# diplomats, expelling or deporting people (CAMEO 161, 166x, 174).
BETWEEN_STATES_CODES = ("161", "166", "174")


def two_parties(source_code: str, target_code: str, code: str) -> bool:
    """Two codes are two parties unless equal; and no one consults with their own state: a
    meeting, visit or hosting between a bare state and a part of it ("China" and "the
    Chinese government") is one side, never CHN -> CHNGOV. No state expels its own
    diplomats: "Russia expelled seven diplomats", whose diplomats took the sentence's country
    for want of their own, has no target. Domestic acts (protests, curfews, statements about
    one's own country) keep both."""
    if source_code == target_code:
        return False
    same_state = source_code[:3] == target_code[:3] and source_code[:3] != "---"
    if same_state and code.startswith(BETWEEN_STATES_CODES):
        return False
    bare = len(source_code) == 3 or len(target_code) == 3
    return not (bare and same_state and code[:2] == "04")
