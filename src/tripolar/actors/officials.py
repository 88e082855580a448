"""Officials and people of a story: who a repeated name or "he"/"she" stands for.

An official introduced by role and name ("Foreign Ministry spokesman Li Wei", "Chile's
envoy, Pablo Rivas,") is found again by the first or last word of the name ("Li
said"); a known person by the words of the dictionary entry ("Kim" of "Kim Jong Un"), even
where the dictionary leaves a shared surname alone. `latest_person` gives what "he" or "she"
stands for when its paragraph names no one: the most recent person of that gender or named
official, unless the sentence naming that one names another. Used by `actors/story.py`.
A leader's surname that is also a word ("May", "Moon") counts only where it reads as a name
(`_reads_as_name`); `surnames_in_office` gives a bare surname the story ties to no one the
one person of it in office on the document's date (used by `actors/resolver.py`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from tripolar.actors.entries import ActorEntry, surname
from tripolar.actors.references import tokens_among
from tripolar.model import Mention

_NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?"
_NAME_AFTER = re.compile(rf"(,?)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})\b(,?)")
_NOT_NAMES = frozenset({
    "The", "A", "An", "On", "In", "At", "For", "And", "But", "Mr", "Mrs", "Ms", "Dr", "Jr",
    "Sr", "President", "Minister", "Secretary", "General", "Ambassador", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
})  # fmt: skip
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Jr", "Sr"})
_CALENDAR = _NOT_NAMES - _TITLES - {"The", "A", "An", "On", "In", "At", "For", "And", "But"}
# words before a name that make it a thing, not the person: "the Moon", "a May evening"
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "every", "each"})


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
            # "Moon" of "Moon Jae-in" and "May" of "Theresa May" too: a word that is also a
            # month or a common noun is read as the person only where `named_official` allows
            words = [w for w in mention.entry.split() if w[:1].isupper() and w not in _TITLES]
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
    if official is None or doc[i].idx < official.end or not _reads_as_name(doc, i):
        return None
    end = i + 1
    while end < len(doc) and officials.get(doc[end].text) is official:
        end += 1
    span = doc[i:end]
    _as_subject(doc, i, end)
    mention = Mention(
        span.start_char, span.end_char, span.text, official.codes, "reference", official.entry
    )
    return mention, end


def surname_index(actors: Iterable[ActorEntry]) -> dict[str, tuple[ActorEntry, ...]]:
    """The surnames of people with names of two or more words ("May", "Moon", "Kim") ->
    the people, for `surnames_in_office`; a surname that is itself a form is left out."""
    out: dict[str, list[ActorEntry]] = defaultdict(list)
    for actor in actors:
        words = actor.name.split()
        if actor.kind != "person" or len(words) < 2:
            continue
        word = surname(words, actor.country)
        if word[:1].isupper() and word.lower() != word.upper() and word[1:] != word[1:].upper():
            if any(p.text == word for p in actor.patterns):
                continue  # already a name on its own ("Putin")
            out[word].append(actor)
    return {word: tuple(people) for word, people in out.items()}


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})


def surnames_in_office(
    doc: Doc,
    found: Sequence[Mention],
    surnames: Mapping[str, Sequence[ActorEntry]],
    on: dt.date | None,
) -> list[Mention]:
    """A surname the story has not tied to anyone ("May ordered ...") is the one person of
    that surname in office on the document's date, where it is a subject or object and reads
    as a name (`_reads_as_name`), unless the story also writes it inside a longer name that
    no entry covers ("Kang Min-seok", "Gorky Park"); of several in office, the state they all
    serve where the story names a state of that surname (`_serving_codes`)."""
    if on is None:
        return []
    covered = {i for m in found for i in range(m.start, m.end)}
    named_states = {code[:3] for m in found for code in m.codes}
    candidates = [doc[i] for i in tokens_among(doc, surnames, ORTH) if doc[i].idx not in covered]
    # a surname that is part of a longer name not in the dictionary anywhere in the story
    # ("Kang Min-seok") leaves every bare use of it to that other person
    shared = {t.text for t in candidates if _in_longer_name(doc, t.i)}
    out = []
    for token in candidates:
        serving = {p.name: p for p in surnames[token.text] if p.distance(on) == 0}
        if token.text in shared or not _reads_as_name(doc, token.i):
            continue
        codes, name = _serving_codes(list(serving.values()), on)
        if len(serving) > 1 and not {p.country for p in surnames[token.text]} & named_states:
            continue  # "Kim said ...": whose Kim, only a Korea named in the story tells
        if not codes:
            continue
        named = token.tag_ in ("NNP", "NNPS") and token.dep_ in _ARGUMENTS
        if not named and not _misread_modal(token):
            continue  # "He said" is no Mr He
        _as_subject(doc, token.i, token.i + 1)
        end = token.idx + len(token.text)
        out.append(Mention(token.idx, end, token.text, codes, "reference", name))
    return out


def _serving_codes(serving: Sequence[ActorEntry], on: dt.date) -> tuple[tuple[str, ...], str]:
    """The codes and entry a bare surname takes from the people of that surname in office:
    the one person's; or, where all of them serve one state ("Kim" in Pyongyang) and the
    story names a state of that surname's people, the codes most of them hold, with no
    entry named; else none."""
    if len(serving) == 1:
        return serving[0].codes_on(on), serving[0].name
    if not serving or len({p.country for p in serving}) != 1:
        return (), ""
    held = Counter(p.codes_on(on) for p in serving)
    return held.most_common(1)[0][0], ""


def _in_longer_name(doc: Doc, i: int) -> bool:
    """Whether a name word stands next to another ("Kim Yo Jong", "Gorky Park")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN":
        return True
    before = doc[i - 1] if i > 0 else None
    return before is not None and before.pos_ == "PROPN" and not doc[i].is_sent_start


def _as_subject(doc: Doc, start: int, end: int) -> None:
    """A name the parser took for a modal before a finite verb ("May ordered", "May says":
    no modal stands there) is made that verb's subject, so the act is neither hedged nor
    left without its source."""
    token = doc[end - 1]
    if not _misread_modal(token):
        return
    for word in doc[start:end]:
        word.tag_, word.pos_ = "NNP", "PROPN"
    token.dep_ = "nsubj"


def _misread_modal(token: Token) -> bool:
    """A modal before a past-tense or third-person verb ("May ordered"): a misread name."""
    return token.tag_ == "MD" and token.dep_ == "aux" and token.head.tag_ in ("VBD", "VBZ")


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


def _reads_as_name(doc: Doc, i: int) -> bool:
    """Whether a repeated name word stands for the person here: never after a determiner or
    possessive ("the Moon", "its Kim"); a month or day name ("May" of "Theresa May") never
    after a preposition or a number or before a number ("in May", "on May 3", "May 2018",
    "3 May") and never as a modal before a bare verb ("May God bless")."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before is not None and (before.lower_ in _DETERMINERS or before.tag_ == "PRP$"):
        return False
    if doc[i].text not in _CALENDAR:
        return True
    if before is not None and (before.like_num or before.tag_ in ("IN", "CD")):
        return False
    if doc[i].tag_ == "MD" and not _misread_modal(doc[i]):
        return False  # "May they find peace"
    return after is None or not (after.like_num or after.tag_ in ("CD", "VB"))
