"""Officials and people of a story: who a repeated name or "he"/"she" stands for.

An official introduced by role and name ("Foreign Ministry spokesman Li Wei", "Chile's
envoy, Pablo Rivas,") is found again by the first or last word of the name ("Li
said"); a known person by the words of the dictionary entry ("Kim" of "Kim Jong Un"), even
where the dictionary leaves a shared surname alone. `latest_person` gives what "he" or "she"
stands for when its paragraph names no one: the most recent person of that gender or named
official, unless the sentence naming that one names another. Used by `actors/story.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from tripolar.model import Mention

_NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?"
_NAME_AFTER = re.compile(rf"(,?)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})\b(,?)")
_NOT_NAMES = frozenset({
    "The", "A", "An", "On", "In", "At", "For", "And", "But", "Mr", "Mrs", "Ms", "Dr", "Jr",
    "Sr", "President", "Minister", "Secretary", "General", "Ambassador", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Official:
    """An official introduced by role and name: where the name ends and the role's codes."""

    end: int
    codes: tuple[str, ...]
    entry: str


def introduced_officials(text: str, mentions: Sequence[Mention]) -> dict[str, Official]:
    """Words of the names that follow a role ("spokesman Li Wei", "envoy, Pablo
    Rivas,"): first and last word -> the official, the latest introduction winning."""
    out: dict[str, Official] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.kind not in ("agent", "person") or not mention.anchors:
            continue
        if mention.kind == "person" and len(mention.codes) == 1:
            # a known person's words ("Kim" of "Kim Jong Un") stand for that person here
            # even where the dictionary leaves a shared surname alone
            words = [w for w in mention.entry.split() if w.istitle() and w not in _NOT_NAMES]
            if len(words) >= 2:
                person = Official(mention.end, mention.codes, mention.entry)
                for word in {words[0], words[-1]}:
                    out[word] = person
            continue
        found = _NAME_AFTER.match(text, mention.end)
        if found is None or bool(found.group(1)) != bool(found.group(3)):
            continue  # "envoy, Pablo Rivas," needs both commas
        words = found.group(2).split()
        if any(w in _NOT_NAMES for w in words):
            continue
        official = Official(found.end(2), mention.codes, f"{mention.text} {found.group(2)}")
        for word in {words[0], words[-1]}:
            out[word] = official
    return out


def named_official(
    doc: Doc, i: int, officials: Mapping[str, Official]
) -> tuple[Mention, int] | None:
    """A repeated name of an official ("Li said"), with the words of the name after it."""
    official = officials.get(doc[i].text)
    if official is None or doc[i].idx < official.end:
        return None
    end = i + 1
    while end < len(doc) and officials.get(doc[end].text) is official:
        end += 1
    span = doc[i:end]
    mention = Mention(
        span.start_char, span.end_char, span.text, official.codes, "reference", official.entry
    )
    return mention, end


def latest_person(
    earlier: Sequence[Mention],
    gender: str,
    genders: Mapping[str, str],
    officials: Mapping[str, Official],
    sentences: Sequence[int],
) -> Mention | None:
    """The most recent person of that gender, or official introduced by name, before; None
    when the sentence naming that one names another ("Putin met Xi." ... "He said")."""
    named_ends = {o.end for o in officials.values()}
    entries = {o.entry for o in officials.values()}

    def compatible(mention: Mention) -> bool:
        if mention.kind == "person":
            return genders.get(mention.entry, gender) == gender
        if mention.kind == "agent":
            return mention.anchors and _introduces(mention, named_ends)
        return mention.kind == "reference" and mention.entry in entries

    found = [m for m in earlier if compatible(m)]
    if not found:
        return None
    last = found[-1]
    sentence = bisect.bisect_right(sentences, last.start)
    same = {m.entry for m in found if bisect.bisect_right(sentences, m.start) == sentence}
    return last if len(same) == 1 else None


def _introduces(mention: Mention, named_ends: set[int]) -> bool:
    """Whether a name follows the role mention (the name ends within 40 characters)."""
    return any(mention.end < end <= mention.end + 40 for end in named_ends)
