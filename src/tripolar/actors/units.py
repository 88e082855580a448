"""Dictionary matches ("units") and what the words around them say.

A `Unit` is one selected dictionary match on a span of tokens: an actor (state, capital,
organisation, person) or an agent ("minister", "troops"). A `Phrase` is the units that make
one mention. The functions here read one unit in its sentence: whether it is a state that
premodifies a noun ("Russian officials"), a backer ("Iran-backed"), an ethnic group, the
place people are moved from, or no actor at all ("pro-Russia"). ``matching`` selects the
units of a document; ``resolver`` composes them into mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from tripolar.actors.entries import ActorEntry, AgentEntry, country_root
from tripolar.model import Mention
from tripolar.nlp.text import doc_text

HYPHENS = frozenset({"-", "–", "‑"})
SPACED_DASHES = frozenset({"-", "–"})  # "US - China trade", "US – China relations"
SLASHES = frozenset({"/"})  # "the US/China dispute"
JOINER = re.compile("|".join(re.escape(c) for c in sorted(HYPHENS | SLASHES)))
STANCE_PREFIXES = frozenset({"pro", "anti", "pro-", "anti-"})  # "pro-Russia rebels" are not RUS
CONJUNCTIONS = frozenset({("and",), (",",), (",", "and"), ("or",), ("&",)})
_LONGEST_CONJUNCTION = max(len(c) for c in CONJUNCTIONS)
# "lawmakers in Brazil", "soldiers from Chad", "students throughout Indonesia"
LOCATIVE_LINKS = frozenset({("in",), ("from",), ("throughout",), ("across",)})
# agents that belong to the place they are in, a capital included: "demonstrators in Baghdad"
# are Iraqi, while "diplomats in Moscow" need not be Russian
RESIDENT_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "HLH", "REF", "REL", "OPP", "REB"})
# before a bare agent they make it a reference to actors named elsewhere, not a new one
REFERRING_WORDS = frozenset({"both", "two", "their", "its", "his", "her", "these", "those", "our"})
# words allowed after "in" before a city: "in the capital city of X"
SETTLEMENT_WORDS = frozenset({"the", "capital", "city", "town", "village", "of", "port"})
# words allowed between "in" and the state: "rebels in eastern Congo", "Albanians in south Serbia"
COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "-",
    }
)
# "Iran-backed rebels": the backer is not the group's country (like "pro-Iran rebels")
BACKING_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "armed", "allied"})
PREMODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
OF_LINKS = (("of",), ("of", "the"))
# words that may sit between a title and a name, or inside a title: "President Mr Putin"
TITLE_FILLERS = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "top",
        "senior",
        "chief",
        "deputy",
        "acting",
        "then",
        "incoming",
        "outgoing",
        "new",
        "veteran",
        "hawkish",
        "-",
    }
)
FORMER = frozenset({"former", "ex", "ex-"})
# "ethnic Albanians": a civilian group whose country is where it lives, not the ethnicity's
ETHNIC_GROUP = AgentEntry("agent:ethnic group", (), "CVL")
STATE_KINDS = frozenset({"state", "capital", "actor"})
PHRASE_MODIFIERS = PREMODIFIER_DEPS | {"poss"}  # "the Syrian city", "Syria's capital"
# verbs and nouns that move people out of a place: "pull troops from X" says where they leave
MOVEMENT_WORDS = frozenset({
    "withdraw", "pull", "evacuate", "remove", "recall", "redeploy", "relocate", "repatriate",
    "withdrawal", "pullout", "pull-out", "evacuation", "removal", "redeployment", "departure",
    "exit", "retreat", "repatriation",
})  # fmt: skip
ADJECTIVE_AGENTS = frozenset({"general", "official"})  # agent words that are also adjectives


@dataclass(slots=True)
class Unit:
    """One selected dictionary match: token span plus what it is."""

    start: int  # token indices, end exclusive
    end: int
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None

    @property
    def is_person(self) -> bool:
        return self.actor is not None and self.actor.kind == "person"


@dataclass(slots=True)
class Phrase:
    """Units that make one mention. `members`: more actors that take the same agents
    ("Russian and Chinese officials", "ambassadors of France and Italy"); `extra_agents`:
    agents coordinated before the phrase ("lawmakers and officials in Chad"); `first` and
    `last`: the span's ends when coordination widens it."""

    units: list[Unit]
    first: Unit | None = None
    last: Unit | None = None
    members: list[ActorEntry] = field(default_factory=list)
    extra_agents: list[AgentEntry] = field(default_factory=list)


def is_state_unit(unit: Unit) -> bool:
    actor = unit.actor
    return actor is not None and actor.kind in STATE_KINDS and not actor.compound_only


def premodifies(doc: Doc, unit: Unit) -> bool:
    """The state modifies a following noun ("Russian" in "Russian and Chinese officials",
    "US" in "US and British forces"); a full name ("Norway and Swedish officials") does not."""
    token = doc[unit.end - 1]
    root = token.head if token.dep_ == "conj" else token
    if root.dep_ not in PREMODIFIER_DEPS:
        return False
    return root.dep_ == "amod" or root.tag_ == "JJ" or root.text.replace(".", "").isupper()


def conjoined(doc: Doc, left_end: int, right_start: int) -> bool:
    if not 0 < right_start - left_end <= _LONGEST_CONJUNCTION:
        return False  # no Token built for a longer gap: it cannot be one
    return tuple(t.lower_ for t in doc[left_end:right_start]) in CONJUNCTIONS


def ends_in_linked_state(doc: Doc, group: Sequence[Unit]) -> bool:
    """agent + of/in/from + state: "ambassadors of France", "lawmakers in Chad"."""
    if len(group) < 2 or group[-2].agent is None or not is_state_unit(group[-1]):
        return False
    gap = tuple(t.lower_ for t in doc[group[-2].end : group[-1].start])
    return gap in OF_LINKS or is_locative_gap(gap)


def joins_compound(doc: Doc, separator: int, right_end: int) -> bool:
    """Whether the token at `separator` joins two states into a compound: "Sino-Russian",
    "US/China", or a spaced dash followed by a common noun ("US - China talks")."""
    token = doc[separator]
    before = doc[separator - 1]
    if token.text in SLASHES:
        return True
    if token.text not in HYPHENS:
        return False
    if token.whitespace_ == "" and before.whitespace_ == "":
        return True
    after = doc[right_end] if right_end < len(doc) else None
    return (
        token.text in SPACED_DASHES
        and bool(token.whitespace_)
        and bool(before.whitespace_)
        and after is not None
        and after.is_lower
        and after.pos_ in ("NOUN", "ADJ")
    )


def moved_from(doc: Doc, unit: Unit) -> bool:
    """Whether the unit's phrase is what a movement moves ("withdrew its forces", "the
    withdrawal of troops"), so that a "from" after it is where they leave."""
    if unit.agent is None or not doc.has_annotation("DEP"):
        return False
    return _moved_head(doc[unit.end - 1])


def _moved_head(head: Token) -> bool:
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in MOVEMENT_WORDS
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lemma_.lower() in MOVEMENT_WORDS
    return False


def is_locative_gap(gap: Sequence[str]) -> bool:
    """ "in"/"from", optionally with compass words: "in Chad", "in eastern Chad"."""
    return bool(gap) and (gap[0],) in LOCATIVE_LINKS and all(w in COMPASS for w in gap[1:])


def is_ethnic(doc: Doc, unit: Unit) -> bool:
    actor = unit.actor
    return (
        actor is not None
        and actor.kind == "state"
        and unit.start >= 1
        and doc[unit.start - 1].lower_ == "ethnic"
    )


# an agent word that is also a stance: "opposition to X" / "from X" is no opposition party
STANCE_WORDS = frozenset({"opposition"})
STANCE_PREPS = frozenset({"to", "against", "from"})
# what a state sponsors as its own proposal: "a US-sponsored resolution" names the US
SPONSORED_TEXTS = frozenset({"resolution", "draft", "text", "motion", "proposal"})


# a state's name inside a sea's: "the South China Sea", "the Sea of Japan" are places
SEA_WORDS = frozenset({"sea", "ocean"})


def names_a_sea(doc: Doc, unit: Unit) -> bool:
    """The state's name is part of a sea's name: "(East) China Sea", "Sea of Japan"."""
    after = doc[unit.end] if unit.end < len(doc) else None
    if after is not None and after.lower_ in SEA_WORDS and after.text[:1].isupper():
        # not a body named after the sea: "Vietnamese Sea Guard vessels"
        beyond = doc[unit.end + 1] if unit.end + 1 < len(doc) else None
        return beyond is None or not beyond.text[:1].isupper()
    start = unit.start
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in ("Sea", "Ocean")


def is_backed(doc: Doc, unit: Unit) -> bool:
    """ "Iran-backed", "Russian-backed", "US-supported" (one token or three); not a text the
    state put forward ("a US-sponsored resolution": the US is its sponsor)."""
    end = unit.end
    if end < len(doc) and doc[end].text in HYPHENS and doc[end - 1].whitespace_ == "":
        if end + 1 >= len(doc) or doc[end + 1].lower_ not in BACKING_WORDS:
            return False
        if not doc.has_annotation("DEP"):  # a pre-filter may read a doc without a parse
            return True
        return doc[end + 1].head.lemma_.lower() not in SPONSORED_TEXTS
    return False


def not_an_actor(doc: Doc, unit: Unit) -> bool:
    """A state after "pro-"/"anti-" ("pro-Russia rebels") or "ethnic" ("ethnic Albanians"
    in Serbia are not Albania), or before a currency sign ("US $50"), is not an actor; nor is
    an agent word the tagger reads as an adjective ("a general strike"), nor a capital that
    names a text ("the Paris climate accord", "the Minsk agreements")."""
    if unit.agent is not None and unit.end - unit.start == 1:
        word = doc[unit.start]
        if (
            word.lower_ in STANCE_WORDS
            and doc.has_annotation("DEP")  # a pre-filter may read a doc without a parse
            and any(c.dep_ == "prep" and c.lower_ in STANCE_PREPS for c in word.children)
        ):
            return True  # "China's opposition to X", "opposition from X": a stance voiced
        return word.lower_ in ADJECTIVE_AGENTS and word.tag_ == "JJ"
    if unit.actor is None or unit.actor.kind not in STATE_KINDS:
        return False
    if unit.actor.kind == "capital" and names_a_text(doc, unit.end):
        return True
    start = unit.start
    if start >= 1 and doc[start - 1].lower_ in (STANCE_PREFIXES - {"pro", "anti"}) | {"ethnic"}:
        return True
    if is_backed(doc, unit):
        return True
    if names_a_sea(doc, unit):
        return True
    if start >= 2 and doc[start - 1].text in HYPHENS and doc[start - 2].lower_ in STANCE_PREFIXES:
        return doc[start - 1].whitespace_ == "" and doc[start - 2].whitespace_ == ""
    return unit.end < len(doc) and doc[unit.end].text.startswith("$")


# texts named after the city where they were made: "the Paris agreement", "the Minsk
# accords", "the Budapest Memorandum", "the Normandy format" - the city is no party to them
NAMED_TEXTS = frozenset({
    "accord", "accords", "agreement", "agreements", "treaty", "protocol", "convention",
    "conventions", "memorandum", "format", "process", "declaration", "communique", "charter",
    "consensus", "framework", "understanding",
})  # fmt: skip
# words that may stand between the city and the text: "the Paris climate accord"
TEXT_TOPICS = frozenset({"climate", "peace", "nuclear", "ceasefire", "trade", "ii", "2", "-"})


def names_a_text(doc: Doc, end: int) -> bool:
    """The words from token `end` on are a text's name: "(Paris) (climate) accord"."""
    for token in doc[end : end + 3]:
        if token.lower_ in NAMED_TEXTS:
            return True
        if token.lower_ not in TEXT_TOPICS:
            return False
    return False


def head_agent(agents: Sequence[AgentEntry]) -> AgentEntry:
    """The agent that decides the sector: the first one that is not plain GOV
    ("military officials" -> MIL, "government troops" -> MIL), else the first."""
    return next((a for a in agents if a.code != "GOV"), agents[0])


def agent_phrase_text(doc: Doc, group: Sequence[Unit], agent: AgentEntry) -> str:
    unit = next(u for u in group if u.agent is agent)
    return doc[unit.start : unit.end].text.lower()


def phrase_units(head: Token, units: Sequence[Unit]) -> list[Unit]:
    """The units named in the "of"/"from" phrase of an agent's head token, in the phrase's
    noun, its modifiers and a nested "of" ("the city of Homs"); relative clauses and other
    attachments are not searched. Nothing without a parse (the pre-filter pass)."""
    if not head.doc.has_annotation("DEP"):
        return []  # the pre-filter's unparsed pass: no tree to walk
    inside: set[int] = set()
    preps = ("of",) if _moved_head(head) else ("of", "from")
    stack = [
        (obj, 2)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    while stack:
        noun, depth = stack.pop()
        inside.add(noun.i)
        for child in noun.children:
            if child.dep_ in PHRASE_MODIFIERS:
                inside.update(t.i for t in child.subtree)
            elif child.dep_ == "prep" and child.lower_ == "of" and depth:
                stack += [(o, depth - 1) for o in child.children if o.dep_ == "pobj"]
    return [unit for unit in units if unit.start in inside]


def one_state(units: Sequence[Unit], on: dt.date | None) -> str | None:
    """The one state these units name, if exactly one."""
    roots = {
        root
        for unit in units
        if unit.actor is not None and unit.actor.kind in STATE_KINDS
        for code in unit.actor.codes_on(on)
        if (root := country_root(code)) is not None
    }
    return roots.pop() if len(roots) == 1 else None


def tokens_with_joiners(doc: Doc) -> list[Token]:
    """The tokens with a hyphen or slash inside, found in the text: few tokens have one."""
    text = doc_text(doc)
    chars = [m.start() for m in JOINER.finditer(text)]
    if not chars:
        return []
    starts = doc.to_array([IDX]).reshape(-1)
    at = np.searchsorted(starts, np.asarray(chars), side="right") - 1
    return [doc[int(i)] for i in dict.fromkeys(at.tolist()) if i >= 0]


def end_char(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def unique_codes(codes: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))  # type: ignore[call-overload]


def drop_overlaps(mentions: Sequence[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (input sorted by start)."""
    kept: list[Mention] = []  # non-overlapping, sorted by start: two neighbours to check
    starts: list[int] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        at = bisect.bisect_left(starts, mention.start)
        if at > 0 and kept[at - 1].end > mention.start:
            continue
        if at < len(kept) and kept[at].start < mention.end:
            continue
        kept.insert(at, mention)
        starts.insert(at, mention.start)
    return kept
