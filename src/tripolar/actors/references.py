"""References inside a paragraph: "the two countries", "both sides", "he", "her".

A reference never reaches outside its paragraph (paragraphs are separated by blank lines).

* "the two countries/nations/neighbours" -> the last two distinct states named before it
  (state codes, "CHN", "RUS"), less those its own sentence names before it when they are
  too few to be the group and the sentences before name enough ("Beijing urged the three
  countries" after a sentence naming three others);
  "the two leaders/presidents/governments/capitals" -> the same
  states as governments ("CHNGOV", "RUSGOV"); "both sides/the two sides" -> the last two
  distinct actors as they were coded (IGOs included). States count once however they were
  named (Russia, Moscow, Putin are one side). A capital named as the venue ("met in
  Helsinki") or the place of a meeting or a war ("talks in Kyrgyzstan", "the war in
  Ukraine") is no side, unless too few sides are left without it.
* "they/them/their" -> the actors of the latest sentence before it that names any, when
  that sentence ends in a plural one: a mention with several codes ("Sino-Russian", "the
  two sides"), two mentions joined by "and" ("Russia and China"), or a plural agent
  ("Chinese officials"). Otherwise no mention is made.
* "he/him/his" and "she/her/hers" -> a person of that gender named earlier in the
  paragraph, only when that is unambiguous: every such person is the same one, or the most
  recent sentence naming one names only one. Otherwise no mention is made.
* "his/her counterpart" -> the same office in the other of the last two states named
  ("Biden spoke with Xi ... warned his counterpart" -> CHNGOV).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in its stubs
from spacy.tokens import Doc

from tripolar.actors.dictionary import country_root
from tripolar.model import UNKNOWN_COUNTRY, Mention
from tripolar.nlp.text import doc_text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")

_NOUNS = {
    "countries": "state",
    "nations": "state",
    "neighbours": "state",
    "neighbors": "state",
    "leaders": "gov",
    "presidents": "gov",
    "governments": "gov",
    "capitals": "gov",
    "ministers": "gov",
    "sides": "any",
    "states": "state",
    "allies": "state",
    "rivals": "state",
    "powers": "state",
    "militaries": "mil",
    "armies": "mil",
    # "the two men" after a meeting of two leaders: named people only, never a place
    "men": "people",
    "women": "people",
}
# words that may stand between "the two" and the noun: "the two foreign ministers"
_NOUN_MODIFIERS = frozenset({"foreign", "prime", "top", "neighbouring", "neighboring", "nuclear"})
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5}
GROUP_STARTS = ("the", "both")  # "the two countries", "both sides"
_COORDINATION = frozenset({"and", ",", ", and", "or"})


class ParagraphIndex:
    """Paragraph numbers of character offsets."""

    def __init__(self, text: str) -> None:
        self._starts = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]

    def of(self, char: int) -> int:
        return bisect.bisect_right(self._starts, char)


class ParagraphMentions:
    """Mentions grouped by paragraph: what was named earlier in a paragraph costs that
    paragraph, not the whole document (a long file of many articles stays linear)."""

    def __init__(self, paragraphs: ParagraphIndex, mentions: Iterable[Mention] = ()) -> None:
        self.paragraphs = paragraphs
        self._groups: dict[int, list[Mention]] = defaultdict(list)
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self._groups[self.paragraphs.of(mention.start)].append(mention)

    def before(self, char: int) -> list[Mention]:
        """Dictionary mentions in the paragraph of `char` that start before it, in order."""
        group = self._groups.get(self.paragraphs.of(char), [])
        earlier = [m for m in group if m.start < char and m.kind != "reference"]
        return sorted(earlier, key=lambda m: m.start)

    def roots_before(self, char: int) -> set[str]:
        return {
            root
            for m in self.before(char)
            for code in m.codes
            if (root := country_root(code)) is not None
        }


def resolve_references(
    doc: Doc,
    mentions: Sequence[Mention],
    paragraphs: ParagraphIndex,
    genders: Mapping[str, str],
) -> list[Mention]:
    named = ParagraphMentions(paragraphs, mentions)
    text = doc_text(doc)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    starts = sentence_starts(doc)
    out: list[Mention] = []
    after = 0  # tokens before this one belong to a reference already made
    for i in _candidates(doc):
        if i < after:
            continue
        token = doc[i]
        if token.idx in covered:
            continue
        phrase = group_phrase(doc, i)
        if phrase is not None:
            length, category = phrase
            span = doc[i : i + length]
            start, end = span.start_char, span.end_char
            named_before, size = named.before(start), group_size(doc, i)
            people_only = category == "people"  # "the two men": named people, never a place
            category = "gov" if people_only else category
            codes: tuple[str, ...] = ()
            # venues and places first left out ("met in Helsinki", "the war in Ukraine"),
            # unless that leaves too few sides
            for every in (without_venues(text, named_before), named_before):
                earlier = _outside_own_sentence(every, starts, start, category, size)
                people = leaders(earlier) if category == "gov" else []
                codes = last_two(people, category, size) if people else ()
                if not people_only and not people:  # one leader and a place ("Putin, isolated
                    codes = last_two(earlier, category, size)  # over the war in Ukraine, said
                if codes or people:  # the two leaders ..."): the story pass reads the other
                    break
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.entry.startswith(("the ", "both "))
                and len(previous.codes) == size
                and paragraphs.of(previous.start) == paragraphs.of(start)
                and not [m for m in named_before if m.start >= previous.end]
            ):  # "the talks of the two leaders ... the pact of the two countries"
                codes = as_category(previous.codes, category)
            if codes:
                out.append(
                    Mention(
                        start,
                        end,
                        span.text,
                        codes,
                        "reference",
                        span.text.lower(),
                    )
                )
            after = i + length
            continue
        if token.lower_ == "that":
            state = demonstrative_state(doc, i, without_venues(text, named.before(token.idx)))
            if state is not None:  # "... against Chile, condemning that country's launches"
                span = doc[i : i + 2]
                words = span.text
                out.append(
                    Mention(span.start_char, span.end_char, words, (state,), "reference", words)
                )
                after = i + 2
            continue
        if token.lower_ in _PLURAL_PRONOUNS:
            earlier = named.before(token.idx)
            codes = plural_antecedent(text, earlier, starts)
            if codes:
                end = token.idx + len(token.text)
                out.append(Mention(token.idx, end, token.text, codes, "reference", token.lower_))
            continue
        gender = _PRONOUNS.get(token.lower_)
        if gender is not None:
            person = person_for(named.before(token.idx), gender, genders, starts)
            following = doc[i + 1] if i + 1 < len(doc) else None
            if following is not None and following.lower_ == "counterpart":
                earlier = named.before(token.idx)
                owner = _in_same_sentence(earlier, token.idx, starts) or person
                other = _other_side(earlier, owner) if owner is not None else None
                if other is not None:  # "his counterpart": the other side's same office
                    end = following.idx + len(following.text)
                    words = text[token.idx : end]
                    out.append(Mention(token.idx, end, words, (other,), "reference", words.lower()))
                    after = i + 2
                    continue
            if person is not None:
                end = token.idx + len(token.text)
                out.append(
                    Mention(token.idx, end, token.text, person.codes, "reference", person.entry)
                )
    return out


def _candidates(doc: Doc) -> list[int]:
    """Indexes of the tokens a reference can start at."""
    return tokens_among(doc, (*GROUP_STARTS, *_PLURAL_PRONOUNS, *_PRONOUNS, "that"))


def demonstrative_state(doc: Doc, i: int, earlier: Sequence[Mention]) -> str | None:
    """The state "that country" at token i stands for: the last one named before it (in its
    paragraph, places of meetings left out); None when the words differ or none was named."""
    if i + 1 >= len(doc) or doc[i + 1].lower_ != "country":
        return None
    if doc.has_annotation("DEP") and doc[i].dep_ != "det":
        return None  # "said that country music ...": no demonstrative
    for mention in reversed(earlier):
        roots = {country_root(c) for c in mention.codes}
        if len(roots) == 1 and None not in roots:
            return next(iter(roots))
    return None


def tokens_among(doc: Doc, words: Iterable[str], attr: int = LOWER) -> list[int]:
    """Indexes of the tokens whose `attr` (lower case by default, ORTH for the text) is one
    of `words`, in order, found on the Doc's arrays: most tokens are none, and building a
    Token for each of them is the cost."""
    wanted = _hashes(frozenset(words))
    if not len(wanted) or not len(doc):
        return []
    values = doc.to_array(attr)
    # membership by binary search in the sorted hashes: np.isin sorts the Doc's array
    # with them at every call, twice the cost for a Doc of a few hundred tokens
    at = np.searchsorted(wanted, values)
    at[at == len(wanted)] = 0
    found: list[int] = np.flatnonzero(wanted[at] == values).tolist()
    return found


def lower_words(doc: Doc, start: int, end: int) -> list[str]:
    """The lower-case forms of tokens start..end, at a cost that follows the gap, not the
    Doc: a Doc's array (`Doc.to_array`) is built for all its tokens at every call, which
    made a long text's actor pass quadratic (a call per pair of adjacent actors), and a
    Span's array costs more than a Token per word."""
    return [doc[i].lower_ for i in range(start, end)]


@lru_cache(maxsize=256)
def _hashes(words: frozenset[str]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """The StringStore hashes of `words` (what a Doc's arrays hold)."""
    return np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)


def group_size(doc: Doc, i: int) -> int:
    """How many actors the group phrase at token i names ("the three countries": 3)."""
    return GROUP_SIZES.get(doc[i + 1].lower_, 2) if i + 1 < len(doc) else 2


def group_phrase(doc: Doc, i: int) -> tuple[int, str] | None:
    """(length, category) of "the two X" / "the three X" / "both X" / "both the X" starting
    at token i."""
    if doc[i].lower_ not in GROUP_STARTS:
        return None  # most tokens: no slice of the Doc needed
    words = [t.lower_ for t in doc[i : i + 4]]
    if words[0] == "the" and len(words) >= 3 and words[1] in GROUP_SIZES:
        if words[2] in _NOUNS:
            return 3, _NOUNS[words[2]]
        if len(words) == 4 and words[2] in _NOUN_MODIFIERS and words[3] in _NOUNS:
            return 4, _NOUNS[words[3]]
    words = words[:3]
    if words and words[0] == "both":
        if len(words) >= 2 and words[1] in _NOUNS:
            return 2, _NOUNS[words[1]]
        if len(words) == 3 and words[1] == "the" and words[2] in _NOUNS:
            return 3, _NOUNS[words[2]]
    return None


def as_category(codes: Sequence[str], category: str) -> tuple[str, ...]:
    """Codes of a group read as states, governments or militaries ("the two leaders" ->
    "the two countries": CHNGOV -> CHN)."""
    if category == "any":
        return tuple(codes)
    suffix = {"state": "", "gov": "GOV", "mil": "MIL"}[category]
    roots = [country_root(c) for c in codes]
    if any(r is None for r in roots):
        return tuple(codes)
    return tuple(dict.fromkeys(f"{r}{suffix}" for r in roots))


def leaders(mentions: Sequence[Mention]) -> list[Mention]:
    """The people and governments among `mentions`: "the two leaders" after "Lula met Macron at
    a Spanish resort" are Lula and Macron, not the resort's country."""
    return [
        m
        for m in mentions
        if m.kind == "person" or (m.kind != "agent" and any(c.endswith("GOV") for c in m.codes))
    ]


def without_venues(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` without the places named as where something happened: "Trump and Putin met
    in Helsinki. The two leaders ..." are Trump and Putin, not Finland's government; "the
    war in Ukraine" is no side either."""
    return [m for m in mentions if not _is_venue(text, m)]


_VENUE = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|summit|talks|gathered|convened"
    r"|wars?|conflicts?|crisis|fighting)"
    r"(?:\s+[\w'’.-]+){0,3}?\s+(?:in|at)\s+$",
    re.IGNORECASE,
)


def _is_venue(text: str, mention: Mention) -> bool:
    """A state after "in"/"at": a capital ("in Helsinki"), or a state just after a word of
    meeting or war ("held talks in Kyrgyzstan", "the war in Ukraine"; not "invested in
    Russia")."""
    if mention.kind != "state":
        return False
    before = text[max(0, mention.start - 60) : mention.start]
    if not re.search(r"(?:^|\s)(?:in|at)\s+$", before):
        return False
    return all(code.endswith("GOV") for code in mention.codes) or bool(_VENUE.search(before))


def _outside_own_sentence(
    earlier: Sequence[Mention], starts: Sequence[int], start: int, category: str, size: int
) -> Sequence[Mention]:
    """`earlier` less the states its group's own sentence names before it, when those are
    too few to be the group and the sentences before hold enough without them ("The US,
    Britain and Canada imposed sanctions. Beijing urged the three countries to ...": not
    China); `earlier` as it is otherwise ("China and Russia said the two countries ...")."""
    own_start = starts[bisect.bisect_right(starts, start) - 1] if starts else 0
    own = [m for m in earlier if m.start >= own_start]
    if not own or last_two(own, category, size):
        return earlier
    own_codes = {c for m in own for c in m.codes}
    own_states = {country_root(c) or c for c in own_codes}
    before = [
        m
        for m in earlier
        if m.start < own_start and not {country_root(c) or c for c in m.codes} & own_states
    ]
    return before if last_two(before, category, size) else earlier


def last_two(earlier: Sequence[Mention], category: str, size: int = 2) -> tuple[str, ...]:
    """Codes of the last two (or `size`) distinct actors, in text order."""
    return _some(earlier, category, size, latest=True)


def first_two(mentions: Sequence[Mention], category: str, size: int = 2) -> tuple[str, ...]:
    """Codes of the first two (or `size`) distinct actors, in text order."""
    return _some(mentions, category, size, latest=False)


def _some(
    mentions: Sequence[Mention], category: str, size: int, *, latest: bool
) -> tuple[str, ...]:
    seen: dict[str, str] = {}  # identity key -> code, in reading order
    for mention in reversed(mentions) if latest else mentions:
        for code in reversed(mention.codes) if latest else mention.codes:
            root = country_root(code)
            if (category != "any" and root is None) or code.startswith(UNKNOWN_COUNTRY):
                continue  # "military" of no known country is no side
            if code.endswith("MED"):
                continue  # "state media said the two sides ...": the press is no side
            key = root or code
            if key in seen:
                continue
            if category == "state":
                seen[key] = key
            elif category in ("gov", "mil"):
                seen[key] = key + category.upper()
            else:
                seen[key] = code
            if len(seen) == size:
                found = list(seen.values())
                return tuple(reversed(found) if latest else found)
    return ()


def _in_same_sentence(
    earlier: Sequence[Mention], char: int, sentence_starts: Sequence[int]
) -> Mention | None:
    """The last mention before ``char`` in its sentence ("The US president warned his ...")."""
    if not earlier:
        return None
    sentence = bisect.bisect_right(sentence_starts, char)
    last = earlier[-1]
    return last if bisect.bisect_right(sentence_starts, last.start) == sentence else None


def _other_side(earlier: Sequence[Mention], person: Mention) -> str | None:
    """The office of the person's counterpart: of the last two states named, the one that is
    not the person's, with the person's sector ("Biden ... Xi ... his counterpart" -> CHNGOV)."""
    own = country_root(person.codes[0])
    sector = person.codes[0][3:6] or "GOV"
    others = [c for c in last_two(earlier, "state") if c != own]
    return others[0] + sector if own is not None and len(others) == 1 else None


def sentence_starts(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start_char for sent in doc.sents]


def person_for(
    earlier: Sequence[Mention],
    gender: str,
    genders: Mapping[str, str],
    sentence_starts: Sequence[int],
) -> Mention | None:
    candidates = [m for m in earlier if m.kind == "person" and genders.get(m.entry) == gender]
    if not candidates:
        return None
    last = candidates[-1]
    if len({m.entry for m in candidates}) == 1:
        return last
    sentence = bisect.bisect_right(sentence_starts, last.start)
    same_sentence = {
        m.entry for m in candidates if bisect.bisect_right(sentence_starts, m.start) == sentence
    }
    return last if len(same_sentence) == 1 else None


def plural_antecedent(
    text: str, earlier: Sequence[Mention], sentence_starts: Sequence[int]
) -> tuple[str, ...]:
    """Codes "they" stands for: see the module docstring."""
    if not earlier:
        return ()
    last = earlier[-1]
    sentence = bisect.bisect_right(sentence_starts, last.start)
    same = [m for m in earlier if bisect.bisect_right(sentence_starts, m.start) == sentence]
    if len(last.codes) >= 2:
        return last.codes
    chain = [last]  # "Germany, France and Britain": every conjunct
    for before in reversed(same[:-1]):
        between = " ".join(text[before.end : chain[-1].start].split())
        if between not in _COORDINATION:
            break
        chain.append(before)
    if len(chain) >= 2:
        return tuple(dict.fromkeys(c for m in reversed(chain) for c in m.codes))
    if last.kind == "agent" and last.text.lower().endswith("s"):
        return last.codes
    return ()
