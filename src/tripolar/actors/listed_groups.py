"""Groups of countries counted in one sentence and listed in the next or the last one.

Wire copy often counts the countries an act touched in one sentence and lists them in the
sentence beside it: "Russia expelled diplomats from two European nations on Tuesday. The
ministry declared 21 Belgian and 15 Dutch diplomats persona non grata", or a lead placed
after its list ("The diplomats involved are three from A, two from B and one from C. The
ministry ordered several European countries' diplomats to leave."). The counting phrase,
"several / some / a number of / two ... [adjectives] countries (nations, states)", stands
for the listed states when:

- its own sentence lists no states (else its list is there: "several countries, among
  them A, B and C");
- the sentence just before it, else the one just after it, in the same story lists states
  in one run (each joined to the next by a comma, "and" or "or" within a few words: "three
  from A, two from B and one from C", "21 Belgian and 15 Dutch diplomats");
- those states, less any its own sentence names, number exactly the count it gives ("two
  European nations"), or at least two for "several", "some", "a number of".

Otherwise no mention is made. The list always comes from the article; nothing here knows
which countries are "European".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from tripolar.actors.dictionary import country_root
from tripolar.actors.references import GROUP_SIZES, tokens_among
from tripolar.model import Mention
from tripolar.nlp.text import doc_text

GROUP_NOUNS = frozenset({"countries", "nations", "states"})
VAGUE_COUNTS = frozenset({"several", "some", "various", "multiple"})
LIST_GAP = 24
"""The most characters between two listed states ("three from A, two from B")."""
LIST_JOINERS = (",", " and ", " or ")
LISTED_ENTRY = "listed nearby: "
"""How a mention of this module's names its rule (`Mention.entry`)."""
MODIFIERS = 2
"""How many words may stand between the count and the noun ("several European countries")."""
BEFORE = 2
"""How many sentences back the list may stand."""
AFTER = 2
"""How many sentences on: the next one, past a blank line read as a sentence of its own."""
_POSSESSIVE = frozenset({"'", "'s", "’", "’s"})
GENERIC_NOUNS = frozenset({
    "country", "nation", "state", "government", "ministry", "official", "day", "week", "month",
    "year", "time", "statement", "spokesman", "spokeswoman", "spokesperson", "people",
})  # fmt: skip
"""Nouns two sentences share without telling of the same act."""


def resolve_listed_groups(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions for counted groups of countries whose members a neighbouring sentence
    lists (see the module docstring)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return []
    at = tokens_among(doc, GROUP_NOUNS, LOWER)
    if not at:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    states = sorted(
        (m for m in mentions if m.anchors and _state(m) is not None), key=lambda m: m.start
    )
    out: list[Mention] = []
    for i in at:
        noun = doc[i]
        if noun.idx in covered:
            continue
        counted = _counted(doc, noun)
        if counted is None:
            continue
        first, size = counted
        sent = noun.sent
        named = _within(states, sent)
        if _listed(doc, named):
            continue  # "several countries, including A, B and C": its list is its own
        own = {s for m in named if (s := _state(m)) is not None}
        codes = _neighbour_list(doc, sent, states, own, size)
        if not codes:
            continue
        span = doc[first.i : noun.i + 1]
        start, end = span.start_char, span.end_char
        agent = _their_agent(doc, span, mentions)
        if agent is not None:  # "several countries' diplomats", "envoys from two nations"
            start, end = min(start, agent.start), max(end, agent.end)
            codes = tuple(state + agent.codes[0][3:] for state in codes)
        text = doc_text(doc)[start:end]
        out.append(Mention(start, end, text, codes, "reference", LISTED_ENTRY + span.text.lower()))
    return out


def _their_agent(doc: Doc, group: Span, mentions: Sequence[Mention]) -> Mention | None:
    """An agent of no named country that belongs to the group: after its possessive
    ("several countries' diplomats") or before "from"/"of" it ("diplomats from two
    nations")."""
    text = doc_text(doc)
    agents = [m for m in mentions if m.kind == "agent" and len(m.codes) == 1]
    after = text[group.end_char : group.end_char + 3]
    for mention in agents:
        between = text[group.end_char : mention.start].strip()
        if (
            mention.start > group.end_char
            and after.startswith(("'", "’"))
            and between in _POSSESSIVE
        ):
            return mention
        before = text[mention.end : group.start_char].strip()
        if mention.end < group.start_char and before in ("from", "of"):
            return mention
    return None


def _counted(doc: Doc, noun: Token) -> tuple[Token, int | None] | None:
    """The first token of "several European countries", "two nations", "a number of Gulf
    states" and the count it gives (None for a vague one); None when the noun is not
    counted so. Read on the words alone (up to `MODIFIERS` words between, none of them a
    stop word: "several other countries" is no count of a list)."""
    j = noun.i - 1
    start = noun.sent.start
    while j >= start and j >= noun.i - MODIFIERS and _modifier(doc[j]):
        j -= 1
    if j < start:
        return None
    word = doc[j].lower_
    if word in VAGUE_COUNTS:
        return doc[j], None
    if word in GROUP_SIZES:
        return doc[j], GROUP_SIZES[word]
    if word == "of" and j - 2 >= start and [t.lower_ for t in doc[j - 2 : j]] == ["a", "number"]:
        return doc[j - 2], None
    return None


def _modifier(token: Token) -> bool:
    word = token.lower_
    return (
        token.is_alpha
        and not token.is_stop
        and word not in VAGUE_COUNTS
        and word not in GROUP_SIZES
    )


def _neighbour_list(
    doc: Doc, sent: Span, states: Sequence[Mention], own: set[str], size: int | None
) -> tuple[str, ...]:
    """The states listed in the nearest of the `BEFORE` sentences before `sent` that names
    two (a dateline torn off as a sentence of its own names one city), else in the nearest
    of the `AFTER` sentences after it that does (a blank line may stand between)."""
    neighbours: list[Span] = []
    at = sent.start
    for _ in range(BEFORE):
        if at == 0:
            break
        earlier = doc[at - 1].sent
        at = earlier.start
        if len({_state(m) for m in _within(states, earlier)}) >= 2:
            neighbours.append(earlier)
            break
    at = sent.end
    for _ in range(AFTER):
        if at >= len(doc):
            break
        later = doc[at].sent
        at = later.end
        if len({_state(m) for m in _within(states, later)}) >= 2:
            neighbours.append(later)
            break
    own_nouns = _nouns(sent)
    for neighbour in neighbours:
        if not own_nouns & _nouns(neighbour):
            continue  # "sanctions on several states" beside a list of trading partners
        listed = _listed(doc, _within(states, neighbour))
        members = tuple(dict.fromkeys(s for s in listed if s not in own))
        if (size is None and len(members) >= 2) or (size is not None and len(members) == size):
            return members
    return ()


def _listed(doc: Doc, named: Sequence[Mention]) -> list[str]:
    """The states of a sentence's one list (each joined to the next by a comma, "and" or
    "or" within `LIST_GAP` characters, the list closed by "and"/"or"); [] when none, or
    when its states stand in several runs (a list broken by a phrase: which part the group
    counts is not known)."""
    text = doc_text(doc)
    runs: list[list[Mention]] = [[m] for m in named[:1]]
    closed = [False] * len(runs)  # whether a run has its "and"/"or" ("in Ukraine, Russia")
    for before, after in pairwise(named):
        gap = text[before.end : after.start]
        if len(gap) <= LIST_GAP and any(j in gap for j in LIST_JOINERS):
            runs[-1].append(after)
            closed[-1] = closed[-1] or any(j in gap for j in LIST_JOINERS[1:])
        else:
            runs.append([after])
            closed.append(False)
    lists = [run for run, shut in zip(runs, closed, strict=True) if len(run) >= 2 and shut]
    if len(lists) != 1:
        return []
    return [s for m in lists[0] if (s := _state(m)) is not None]


def _nouns(sent: Span) -> set[str]:
    """The lemmas of a sentence's common nouns, less `GENERIC_NOUNS`."""
    return {
        t.lemma_.lower() for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() not in GENERIC_NOUNS
    }


def _within(states: Sequence[Mention], sent: Span) -> list[Mention]:
    return [m for m in states if sent.start_char <= m.start < sent.end_char]


def _state(mention: Mention) -> str | None:
    """The one state a mention names; None for several, none, or a news outlet ("Xinhua" is
    no party to a list)."""
    if any(c.endswith("MED") for c in mention.codes):
        return None
    roots = {country_root(c) for c in mention.codes}
    return next(iter(roots)) if len(roots) == 1 and None not in roots else None


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})


def group_pronouns(
    doc: Doc, references: Sequence[Mention], groups: Sequence[Mention], others: Sequence[Mention]
) -> list[Mention]:
    """`references` with each "they/them/their" that follows a listed group in its sentence,
    with no other actor (of `others`) between them, recoded as that group: "ordered several
    countries' diplomats to leave in retaliation for their expulsions of ..." (the paragraph
    pass read "their" before the group was known)."""
    if not groups:
        return list(references)
    text = doc_text(doc)
    starts = sorted(m.start for m in others)
    out: list[Mention] = []
    for mention in references:
        group = None
        if mention.text.lower() in PLURAL_PRONOUNS:
            group = next(
                (
                    g
                    for g in reversed(groups)
                    if g.end <= mention.start and _same_sentence(doc, g, mention)
                ),
                None,
            )
        if group is not None and any(group.end <= s < mention.start for s in starts):
            group = None  # another actor stands between: the pronoun may be its
        if group is None:
            out.append(mention)
            continue
        entry = LISTED_ENTRY + text[mention.start : mention.end].lower()
        out.append(replace(mention, codes=group.codes, entry=entry))
    return out


def _same_sentence(doc: Doc, first: Mention, second: Mention) -> bool:
    a = doc.char_span(first.start, first.end, alignment_mode="expand")
    b = doc.char_span(second.start, second.end, alignment_mode="expand")
    return a is not None and b is not None and a[0].sent.start == b[0].sent.start
