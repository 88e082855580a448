"""Helpers shared by the assessment tests: actor mentions placed from a name table, so a
rule's test does not depend on the actors stage."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.language import Language

from tripolar.assessments import AssessmentExtractor
from tripolar.model import Assessment, Mention


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


@cache
def builtin_extractor() -> AssessmentExtractor:
    """The extractor with the built-in lexicons, built once for all assessment tests."""
    return AssessmentExtractor()


def judge(
    nlp: Language,
    text: str,
    names: dict[str, tuple[str, ...]],
    published: dt.date = dt.date(2022, 1, 1),
) -> list[Assessment]:
    """The assessments of ``text`` parsed by ``nlp``, with actors placed from ``names``."""
    doc = nlp(text)
    return builtin_extractor().extract(
        doc, hand_mentions(text, names), doc_id="test", published=published
    )
