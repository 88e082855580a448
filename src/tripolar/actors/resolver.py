"""Finding actor mentions in a spaCy Doc and resolving them to CAMEO codes for a date.

Steps for one document:

1. Match every pattern (PhraseMatcher on LOWER, a second one on ORTH for case-sensitive
   forms, and a prefix index for PETRARCH stem entries). Keep the longest non-overlapping
   matches ("units").
2. Hyphenated compounds ("Sino-Russian", "US-China", "U.S.-China") become one mention
   with the codes of each member.
3. Adjacent units compose: country + agents ("Chinese Foreign Ministry" -> CHNGOV),
   country/title + person ("Russian President Vladimir Putin" -> RUSGOV, one mention),
   agent + "of" + country ("the Foreign Minister of Japan"), agent + "in"/"from" + state
   ("lawmakers in Brazil"), possessives ("China's military"), a title before a user
   dictionary's person ("Prime Minister Romendacil"). A bare agent takes the country of its
   paragraph when only one country has been named there so far; otherwise its country is
   unknown, `---` + agent (with PETRARCH conventions it is always coded so).
4. Coordination shares an agent: "Russian and Chinese officials" (RUSGOV, CHNGOV), "the
   ambassadors of France, Germany and Italy", "lawmakers and officials in Chad" - one
   mention with every code. A state after "pro-"/"anti-" is not an actor.
5. References ("the two countries", "both sides", "he") resolve inside their paragraph
   (see `tripolar.actors.references`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from tripolar.actors.dictionary import (
    NULL_CODE,
    STANDALONE_AGENT_CODES,
    ActorDictionary,
    ActorEntry,
    AgentEntry,
    Pattern,
    attach_agent,
    country_root,
)
from tripolar.actors.references import ParagraphIndex, ParagraphMentions, resolve_references
from tripolar.actors.story import resolve_story_references
from tripolar.model import Mention
from tripolar.nlp.text import doc_text

HYPHENS = frozenset({"-", "–", "‑"})
SPACED_DASHES = frozenset({"-", "–"})  # "US - China trade", "US – China relations"
SLASHES = frozenset({"/"})  # "the US/China dispute"
_JOINER = re.compile("|".join(re.escape(c) for c in sorted(HYPHENS | SLASHES)))
STANCE_PREFIXES = frozenset({"pro", "anti", "pro-", "anti-"})  # "pro-Russia rebels" are not RUS
CONJUNCTIONS = frozenset({("and",), (",",), (",", "and"), ("or",), ("&",)})
# "lawmakers in Brazil", "soldiers from Chad", "students throughout Indonesia"
LOCATIVE_LINKS = frozenset({("in",), ("from",), ("throughout",), ("across",)})
# agents that belong to the place they are in, a capital included: "demonstrators in Baghdad"
# are Iraqi, while "diplomats in Moscow" need not be Russian
RESIDENT_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "HLH", "REF", "REL", "OPP", "REB"})
# before a bare agent they make it a reference to actors named elsewhere, not a new one
REFERRING_WORDS = frozenset({"both", "two", "their", "its", "his", "her", "these", "those", "our"})
# words allowed after "in" before a city: "in the capital city of Algiers"
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


class ActorResolver:
    """Builds its matchers once on `nlp.vocab`; `find_mentions` is then cheap per document."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self.dictionary = dictionary
        self.nlp = nlp
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        # stem entries: last word (lower case) -> [(target, earlier words)]
        self._stems: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        self._targets: list[ActorEntry | AgentEntry] = []
        # single-token state forms for splitting "U.S.-China" style tokens
        self._single_lower: dict[str, ActorEntry] = {}
        self._single_exact: dict[str, ActorEntry] = {}
        self._genders = {
            e.name: e.gender for e in dictionary.actors if e.kind == "person" and e.gender
        }
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        lower: dict[str, list[Pattern]] = defaultdict(list)
        orth: dict[str, list[Pattern]] = defaultdict(list)
        texts: list[tuple[int, Pattern]] = []
        entries: list[ActorEntry | AgentEntry] = [*self.dictionary.actors, *self.dictionary.agents]
        for entry in entries:
            index = len(self._targets)
            self._targets.append(entry)
            texts.extend((index, p) for p in entry.patterns)
        tokenizer: Tokenizer = self.nlp.tokenizer
        docs = tokenizer.pipe(p.text for _, p in texts)
        for (index, pattern), pattern_doc in zip(texts, docs, strict=True):
            if len(pattern_doc) == 0:
                continue
            words = tuple(t.lower_ for t in pattern_doc)
            entry = self._targets[index]
            if pattern.stem:
                self._stems[words[-1]].append((index, words[:-1]))
                continue
            key = str(index)
            if pattern.case_sensitive:
                orth[key].append(pattern)
                self._orth.add(key, [pattern_doc])
            else:
                lower[key].append(pattern)
                self._lower.add(key, [pattern_doc])
            if (
                isinstance(entry, ActorEntry)
                and len(pattern_doc) == 1
                and entry.kind in ("state", "capital", "actor")
            ):
                table = self._single_exact if pattern.case_sensitive else self._single_lower
                table.setdefault(pattern_doc[0].text if pattern.case_sensitive else words[0], entry)
        self._stem_lengths = sorted({len(s) for s in self._stems})

    # -- matching ---------------------------------------------------------------------------

    def _raw_matches(self, doc: Doc) -> dict[tuple[int, int], list[int]]:
        spans: dict[tuple[int, int], list[int]] = defaultdict(list)
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                spans[(start, end)].append(int(self.nlp.vocab.strings[match_id]))
        if self._stems:
            for token in doc:
                text = token.lower_
                for length in self._stem_lengths:
                    if length > len(text):
                        break
                    for index, before in self._stems.get(text[:length], ()):
                        first = token.i - len(before)
                        if first < 0:
                            continue
                        if all(doc[first + k].lower_ == w for k, w in enumerate(before)):
                            spans[(first, token.i + 1)].append(index)
        return spans

    def _select(self, doc: Doc, on: dt.date | None) -> list[Unit]:
        """Longest non-overlapping matches; among entries on the same span, actors beat
        agents, later (user) entries beat earlier ones, people are picked by date."""
        spans = self._raw_matches(doc)
        taken = [False] * len(doc)
        units: list[Unit] = []
        for (start, end), indices in sorted(
            spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
        ):
            if any(taken[start:end]):
                continue
            unit = self._unit(start, end, indices, on)
            for i in range(start, end):
                taken[i] = True
            units.append(unit)
        units.sort(key=lambda u: u.start)
        kept: list[Unit] = []
        for k, unit in enumerate(units):
            if _ethnic(doc, unit):
                nxt = units[k + 1] if k + 1 < len(units) else None
                if nxt is None or nxt.start != unit.end or nxt.agent is None:
                    # "ethnic Albanians" alone: a group noun without a country of its own
                    kept.append(Unit(unit.start - 1, unit.end, agent=ETHNIC_GROUP))
                continue  # "ethnic Albanian guerrillas": the noun after it decides
            if not _not_an_actor(doc, unit):
                kept.append(unit)
        return kept

    def _unit(self, start: int, end: int, indices: list[int], on: dt.date | None) -> Unit:
        entries = [self._targets[i] for i in dict.fromkeys(indices)]
        actors = [e for e in entries if isinstance(e, ActorEntry)]
        if actors:
            people = [a for a in actors if a.kind == "person"]
            if len(people) > 1:
                # shared names ("Bush"): the person whose term is nearest the date
                best = min(enumerate(people), key=lambda ia: (ia[1].distance(on), -ia[0]))[1]
                return Unit(start, end, actor=best)
            return Unit(start, end, actor=actors[-1])
        agents = [e for e in entries if isinstance(e, AgentEntry)]
        return Unit(start, end, agent=agents[-1])

    # -- public -----------------------------------------------------------------------------

    def find_mentions(self, doc: Doc, on: dt.date | None = None) -> list[Mention]:
        """Actor mentions in `doc`, resolved for the date `on`, sorted and non-overlapping."""
        units = self._select(doc, on)
        paragraphs = ParagraphIndex(doc_text(doc))
        mentions: list[Mention] = []
        mentions.extend(self._split_token_compounds(doc, units, on))
        named = ParagraphMentions(paragraphs, mentions)
        i = 0
        while i < len(units):
            compound = self._compound(doc, units, i, on)
            if compound is not None:
                mention, i = compound
                mentions.append(mention)
                named.add(mention)
                continue
            lone = units[i].actor
            if lone is not None and lone.compound_only:
                i += 1  # a lone "Sino" is not an actor
                continue
            group_end = self._group(doc, units, i)
            phrase, group_end = self._coordinate(doc, units, i, group_end)
            composed = self._compose(doc, phrase, on, named, units)
            if composed is not None:
                mentions.append(composed)
                named.add(composed)
            i = group_end
        mentions = [m for m in mentions if any(c != NULL_CODE for c in m.codes)]
        mentions.sort(key=lambda m: m.start)
        references = resolve_references(doc, mentions, paragraphs, self._genders)
        references += resolve_story_references(doc, mentions, references, self._genders)
        merged = sorted([*mentions, *references], key=lambda m: (m.start, -m.end))
        return _drop_overlaps(merged)

    # -- compounds --------------------------------------------------------------------------

    def _compound_member(self, unit: Unit) -> ActorEntry | None:
        actor = unit.actor
        if actor is not None and actor.kind in STATE_KINDS:
            return actor
        return None

    def _compound(
        self, doc: Doc, units: Sequence[Unit], i: int, on: dt.date | None
    ) -> tuple[Mention, int] | None:
        """ "Sino-Russian", "US-China", "Russia-Ukraine-Belarus": state - state (- state)."""
        first = self._compound_member(units[i])
        if first is None:
            return None
        members = [first]
        j = i
        while (
            j + 1 < len(units)
            and units[j + 1].start == units[j].end + 1
            and _joins_compound(doc, units[j].end, units[j + 1].end)
            and (member := self._compound_member(units[j + 1])) is not None
        ):
            members.append(member)
            j += 1
        if len(members) < 2:
            return None
        codes = _unique(code for m in members for code in m.codes_on(on))
        start, end = doc[units[i].start].idx, _end_char(doc, units[j].end)
        names = "-".join(m.name for m in members)
        span_text = doc[units[i].start : units[j].end].text
        return Mention(start, end, span_text, codes, "compound", names), j + 1

    def _split_token_compounds(
        self, doc: Doc, units: Sequence[Unit], on: dt.date | None
    ) -> list[Mention]:
        """Single tokens the tokenizer kept whole, e.g. "U.S.-China"."""
        covered = {i for u in units for i in range(u.start, u.end)}
        out: list[Mention] = []
        for token in _tokens_with_joiners(doc):
            if token.i in covered:
                continue
            text = token.text
            for h in HYPHENS | SLASHES:
                text = text.replace(h, "-")
            parts = [p for p in text.split("-") if p]
            members = [
                self._single_exact.get(p) or self._single_lower.get(p.lower()) for p in parts
            ]
            if len(parts) >= 2 and all(m is not None for m in members):
                codes = _unique(c for m in members if m is not None for c in m.codes_on(on))
                name = "-".join(m.name for m in members if m is not None)
                out.append(
                    Mention(
                        token.idx, token.idx + len(token.text), token.text, codes, "compound", name
                    )
                )
        return out

    # -- composition ------------------------------------------------------------------------

    def _group(self, doc: Doc, units: Sequence[Unit], i: int) -> int:
        """Index just past the last unit that composes with units[i]."""
        j = i
        has_person = units[i].is_person
        has_actor = units[i].actor is not None
        while j + 1 < len(units):
            here, nxt = units[j], units[j + 1]
            if here.actor is not None and here.actor.compound_only:
                break
            gap = [t.lower_ for t in doc[here.end : nxt.start]]
            if not self._links(here, nxt, gap, has_person, has_actor):
                break
            if gap[:1] == ["from"] and _moved(doc, here):
                break  # "withdrew its forces from Syria": where they leave, not whose they are
            has_person = has_person or nxt.is_person
            has_actor = has_actor or nxt.actor is not None
            j += 1
        return j + 1

    def _links(
        self, here: Unit, nxt: Unit, gap: list[str], has_person: bool, has_actor: bool = False
    ) -> bool:
        if nxt.is_person:
            if has_person:
                return False
            if nxt.actor is not None and here.actor is not None and here.actor.kind == "person":
                return False
            fillers_ok = all(w in TITLE_FILLERS or w in POSSESSIVES for w in gap)
            apposition = gap == [","] and here.agent is not None
            return fillers_ok or apposition
        if nxt.agent is not None:
            if here.is_person:
                return False  # "Putin government": leave it to the person
            return all(w in TITLE_FILLERS or w in POSSESSIVES for w in gap)
        if nxt.actor is not None and here.agent is not None:
            if tuple(gap) in OF_LINKS:  # "the Foreign Minister of Japan", "President of Russia"
                return nxt.actor.kind in STATE_KINDS
            if nxt.actor.kind == "capital" and here.agent.code in RESIDENT_SECTORS:
                # "demonstrators in Baghdad", "strikers in the capital city of Algiers"
                return not has_actor and _locative(
                    [w for w in gap if w not in SETTLEMENT_WORDS] if gap[:1] == ["in"] else gap
                )
            if _locative(gap):  # "lawmakers in Brazil", not "in Moscow"
                return not has_actor and nxt.actor.kind in ("state", "actor")
            fillers_only = all(w in TITLE_FILLERS for w in gap)
            # a title before a user dictionary's person ("Prime Minister Romendacil") and a
            # prefix agent before its actor ("MSF Arnor")
            return fillers_only and (
                nxt.actor.kind == "actor" or (here.agent.prefix and not gap and not has_actor)
            )
        if (
            nxt.actor is not None
            and here.actor is not None
            and not gap
            and nxt.actor.kind == "organisation"
            and here.actor.kind in STATE_KINDS
        ):
            # "U.S. Congress", "Russian Gazprom": a country before its own organisation
            own = {country_root(c) for c in nxt.actor.codes_on(None)}
            return bool(own & {country_root(c) for c in here.actor.codes_on(None)})
        return False

    # -- coordination -----------------------------------------------------------------------

    def _coordinate(self, doc: Doc, units: Sequence[Unit], i: int, end: int) -> tuple[Phrase, int]:
        """The phrase starting at units[i] with what coordination adds to it, and the index
        just past its last unit."""
        group = list(units[i:end])
        phrase = Phrase(group)
        if len(group) == 1 and _is_state(group[0]) and _premodifies(doc, group[0]):
            # "Russian and Chinese officials", "US, British and French forces"
            states = [group[0]]
            j = end
            while j < len(units) and _conjoined(doc, units[j - 1].end, units[j].start):
                next_end = self._group(doc, units, j)
                nxt = list(units[j:next_end])
                if len(nxt) == 1 and _is_state(nxt[0]) and _premodifies(doc, nxt[0]):
                    states.append(nxt[0])
                    j = next_end
                    continue
                if len(nxt) >= 2 and _is_state(nxt[0]) and all(u.agent for u in nxt[1:]):
                    members = [u.actor for u in states if u.actor is not None]
                    return Phrase(nxt, first=units[i], members=members), next_end
                break
            return phrase, end
        if (
            all(u.agent is not None for u in group)
            and end < len(units)
            and _conjoined(doc, group[-1].end, units[end].start)
        ):
            # "lawmakers and officials in Chad": bare agents sharing the next phrase's state
            next_end = self._group(doc, units, end)
            nxt = list(units[end:next_end])
            if nxt[0].agent is not None and _ends_in_linked_state(doc, nxt):
                agents = [u.agent for u in group if u.agent is not None]
                phrase = Phrase(nxt, first=group[0], extra_agents=agents)
                group, end = nxt, next_end
        if _ends_in_linked_state(doc, group):
            # "the ambassadors of France, Germany and Italy"
            j = end
            while j < len(units) and _conjoined(doc, units[j - 1].end, units[j].start):
                if self._group(doc, units, j) != j + 1 or not _is_state(units[j]):
                    break
                listed = units[j].actor
                if listed is not None:
                    phrase.members.append(listed)
                phrase.last = units[j]
                j += 1
            end = j
        return phrase, end

    # -- composition ------------------------------------------------------------------------

    def _compose(
        self,
        doc: Doc,
        phrase: Phrase,
        on: dt.date | None,
        named: ParagraphMentions,
        units: Sequence[Unit],
    ) -> Mention | None:
        group = phrase.units
        first, last = phrase.first or group[0], phrase.last or group[-1]
        start = doc[first.start].idx
        end = _end_char(doc, last.end)
        text = doc[first.start : last.end].text
        person = next((u.actor for u in group if u.is_person), None)
        if person is not None:
            return Mention(start, end, text, person.codes_on(on), "person", person.name)
        actors = [u.actor for u in group if u.actor is not None]
        agents = [u.agent for u in group if u.agent is not None]
        organisation = next((a for a in actors if a.kind == "organisation"), None)
        if organisation is not None:
            return Mention(start, end, text, organisation.codes_on(on), "agent", organisation.name)
        former = first.start > 0 and doc[first.start - 1].lower_ in FORMER
        if actors:
            actor = actors[0]
            # pre-modifying states come first, listed ones after: text order
            if phrase.first is not None and not phrase.extra_agents:
                members = [*phrase.members, actor]
            else:
                members = [actor, *phrase.members]
            if not agents:
                codes = _unique(c for m in members for c in m.codes_on(on))
                kind = "igo" if actor.kind == "igo" else "state"
                return Mention(start, end, text, codes, kind, actor.name)
            agent_sets = self._agent_sets(phrase.extra_agents, agents)
            codes = _unique(
                self._apply(c, agent_set, former)
                for m in members
                for agent_set in agent_sets
                for c in m.codes_on(on)
            )
            agent_text = _agent_text(doc, group, agents[0])
            kind = "igo" if actor.kind == "igo" else "agent"
            names = " / ".join(m.name for m in members)
            return Mention(start, end, text, codes, kind, f"{names} + {agent_text}")
        agent_text = _agent_text(doc, group, agents[0])
        if self.dictionary.petrarch_conventions:
            # PETRARCH: an agent with no actor of its own is coded with an unknown country
            code = self._apply(NULL_CODE, agents, former)
            return Mention(start, end, text, (code,), "agent", f"{agent_text} (no country)")
        head = _head_agent(agents)
        if head.code in STANDALONE_AGENT_CODES and not former:
            # "a human rights group", "aid agencies": NGOs on their own, whatever the paragraph
            return Mention(start, end, text, (head.code,), "agent", f"{agent_text} (no country)")
        # a bare agent: the one country its own "of"/"from" phrase names ("the mayor of the
        # Syrian city of Homs"), else the only country named so far in its paragraph; with
        # none or several, the country is unknown ("---REB"): a party, never an anchor
        in_phrase = _phrase_units(doc[last.end - 1], units)
        own = _one_state(in_phrase, on)
        if own is not None:
            roots = {own}
        elif any(u.actor is not None and u.actor.kind not in STATE_KINDS for u in in_phrase):
            roots = set()  # "leaders of the Muslim Brotherhood": that body's, no state's
        else:
            roots = named.roots_before(start)
        if len(roots) != 1:
            if first.start > 0 and doc[first.start - 1].lower_ in REFERRING_WORDS:
                return None  # "both leaders", "their companies": a reference left unresolved
            code = self._apply(NULL_CODE, agents, former)
            return Mention(start, end, text, (code,), "agent", f"{agent_text} (no country)")
        (root,) = roots
        code = self._apply(root, agents, former)
        return Mention(start, end, text, (code,), "agent", f"{agent_text} (context {root})")

    def _agent_sets(
        self, extra: Sequence[AgentEntry], agents: Sequence[AgentEntry]
    ) -> list[list[AgentEntry]]:
        """The agent combinations to apply: one, or one per coordinated agent phrase."""
        if not extra:
            return [list(agents)]
        return [list(extra), list(agents)]

    def _apply(self, code: str, agents: Sequence[AgentEntry], former: bool) -> str:
        """An actor code with its agents: the deciding agent ("military officials" -> MIL),
        or with PETRARCH conventions all of them stacked in text order."""
        if former:
            return attach_agent(code, "ELI") if code != NULL_CODE else NULL_CODE + "ELI"
        if code == NULL_CODE:
            head = _head_agent(agents)
            return head.code + code if head.prefix else code + head.code
        if self.dictionary.petrarch_conventions and len(agents) > 1:
            for agent in agents:
                if agent.prefix:
                    code = agent.code + code
                elif not code.endswith(agent.code):
                    code += agent.code
            return code
        head = _head_agent(agents)
        return attach_agent(code, head.code, prefix=head.prefix)


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


def _is_state(unit: Unit) -> bool:
    actor = unit.actor
    return actor is not None and actor.kind in STATE_KINDS and not actor.compound_only


def _premodifies(doc: Doc, unit: Unit) -> bool:
    """The state modifies a following noun ("Russian" in "Russian and Chinese officials",
    "US" in "US and British forces"); a full name ("Norway and Swedish officials") does not."""
    token = doc[unit.end - 1]
    root = token.head if token.dep_ == "conj" else token
    if root.dep_ not in PREMODIFIER_DEPS:
        return False
    return root.dep_ == "amod" or root.tag_ == "JJ" or root.text.replace(".", "").isupper()


def _conjoined(doc: Doc, left_end: int, right_start: int) -> bool:
    return tuple(t.lower_ for t in doc[left_end:right_start]) in CONJUNCTIONS


def _ends_in_linked_state(doc: Doc, group: Sequence[Unit]) -> bool:
    """agent + of/in/from + state: "ambassadors of France", "lawmakers in Chad"."""
    if len(group) < 2 or group[-2].agent is None or not _is_state(group[-1]):
        return False
    gap = tuple(t.lower_ for t in doc[group[-2].end : group[-1].start])
    return gap in OF_LINKS or _locative(gap)


def _joins_compound(doc: Doc, separator: int, right_end: int) -> bool:
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


def _moved(doc: Doc, unit: Unit) -> bool:
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


def _locative(gap: Sequence[str]) -> bool:
    """ "in"/"from", optionally with compass words: "in Chad", "in eastern Chad"."""
    return bool(gap) and (gap[0],) in LOCATIVE_LINKS and all(w in COMPASS for w in gap[1:])


def _ethnic(doc: Doc, unit: Unit) -> bool:
    actor = unit.actor
    return (
        actor is not None
        and actor.kind == "state"
        and unit.start >= 1
        and doc[unit.start - 1].lower_ == "ethnic"
    )


def _backed(doc: Doc, unit: Unit) -> bool:
    """ "Iran-backed", "Russian-backed", "US-supported" (one token or three)."""
    end = unit.end
    if end < len(doc) and doc[end].text in HYPHENS and doc[end - 1].whitespace_ == "":
        return end + 1 < len(doc) and doc[end + 1].lower_ in BACKING_WORDS
    return False


def _not_an_actor(doc: Doc, unit: Unit) -> bool:
    """A state after "pro-"/"anti-" ("pro-Russia rebels") or "ethnic" ("ethnic Albanians"
    in Serbia are not Albania), or before a currency sign ("US $50"), is not an actor; nor is
    an agent word the tagger reads as an adjective ("a general strike")."""
    if unit.agent is not None and unit.end - unit.start == 1:
        word = doc[unit.start]
        return word.lower_ in ADJECTIVE_AGENTS and word.tag_ == "JJ"
    if unit.actor is None or unit.actor.kind not in STATE_KINDS:
        return False
    start = unit.start
    if start >= 1 and doc[start - 1].lower_ in (STANCE_PREFIXES - {"pro", "anti"}) | {"ethnic"}:
        return True
    if _backed(doc, unit):
        return True
    if start >= 2 and doc[start - 1].text in HYPHENS and doc[start - 2].lower_ in STANCE_PREFIXES:
        return doc[start - 1].whitespace_ == "" and doc[start - 2].whitespace_ == ""
    return unit.end < len(doc) and doc[unit.end].text.startswith("$")


def _head_agent(agents: Sequence[AgentEntry]) -> AgentEntry:
    """The agent that decides the sector: the first one that is not plain GOV
    ("military officials" -> MIL, "government troops" -> MIL), else the first."""
    return next((a for a in agents if a.code != "GOV"), agents[0])


def _agent_text(doc: Doc, group: Sequence[Unit], agent: AgentEntry) -> str:
    unit = next(u for u in group if u.agent is agent)
    return doc[unit.start : unit.end].text.lower()


def _phrase_units(head: Token, units: Sequence[Unit]) -> list[Unit]:
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


def _one_state(units: Sequence[Unit], on: dt.date | None) -> str | None:
    """The one state these units name, if exactly one."""
    roots = {
        root
        for unit in units
        if unit.actor is not None and unit.actor.kind in STATE_KINDS
        for code in unit.actor.codes_on(on)
        if (root := country_root(code)) is not None
    }
    return roots.pop() if len(roots) == 1 else None


def _tokens_with_joiners(doc: Doc) -> list[Token]:
    """The tokens with a hyphen or slash inside, found in the text: few tokens have one."""
    text = doc_text(doc)
    chars = [m.start() for m in _JOINER.finditer(text)]
    if not chars:
        return []
    starts = doc.to_array([IDX]).reshape(-1)
    at = np.searchsorted(starts, np.asarray(chars), side="right") - 1
    return [doc[int(i)] for i in dict.fromkeys(at.tolist()) if i >= 0]


def _end_char(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def _unique(codes: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))  # type: ignore[call-overload]


def _drop_overlaps(mentions: Sequence[Mention]) -> list[Mention]:
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
