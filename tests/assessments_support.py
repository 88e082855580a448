"""Helpers shared by the assessment tests: actor mentions placed from a name table, so a
rule's test does not depend on the actors stage."""

from __future__ import annotations

import re

from tripolar.model import Mention


def hand_mentions(text: str, names: dict[str, tuple[str, ...]]) -> list[Mention]:
    """Every whole-word occurrence of a name of ``names`` (longest first) as a Mention; a
    hyphenated name ("Sino-Russian") is a compound."""
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?!\w)"
    )
    return [
        Mention(
            m.start(),
            m.end(),
            m.group(),
            names[m.group()],
            "compound" if "-" in m.group() else "state",
        )
        for m in pattern.finditer(text)
    ]
