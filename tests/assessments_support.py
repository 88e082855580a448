"""Helpers shared by the assessment tests: actor mentions placed from a name table, so a
rule's test does not depend on the actors stage."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.language import Language

from tripolar.assessments import AssessmentExtractor, sign
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


# Names of the states and capitals the case tables of the assessment tests use.
CASE_NAMES: dict[str, tuple[str, ...]] = {
    "Beijing": ("CHNGOV",),
    "China": ("CHN",),
    "Chinese": ("CHN",),
    "India": ("IND",),
    "New Delhi": ("INDGOV",),
    "Japan": ("JPN",),
    "Tokyo": ("JPNGOV",),
    "Seoul": ("KORGOV",),
    "Pyongyang": ("PRKGOV",),
    "Taiwan": ("TWN",),
    "Syria": ("SYR",),
    "Russia": ("RUS",),
    "Russian": ("RUS",),
    "Moscow": ("RUSGOV",),
    "Ukraine": ("UKR",),
    "Washington": ("USAGOV",),
    "U.S.": ("USA",),
    "Indo-Japanese": ("IND", "JPN"),
    "Sino-American": ("CHN", "USA"),
}


def last_sentence_signs(records: list[Assessment]) -> dict[str, int]:
    """Subject -> sign of the assessments of the last sentence that has any."""
    final = max((r.sentence_index for r in records), default=-1)
    return {r.subject: sign(r.polarity) for r in records if r.sentence_index == final}


def judge_cases(nlp: Language, text: str) -> list[Assessment]:
    """``judge`` with the case-table names (CASE_NAMES)."""
    return judge(nlp, text, CASE_NAMES, dt.date(2021, 3, 1))
