"""Finding actor mentions in a spaCy Doc and resolving them to CAMEO codes for a date.

Steps for one document:

1. Match every pattern (PhraseMatcher on LOWER, a second one on ORTH for case-sensitive
   forms, and a prefix index for PETRARCH stem entries). Keep the longest non-overlapping
   matches ("units"): ``tripolar.actors.matching``; what the words around a unit say is read
   by ``tripolar.actors.units``.
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

import datetime as dt
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from tripolar.actors.addressees import resolve_addressees
from tripolar.actors.dictionary import (
    NULL_CODE,
    STANDALONE_AGENT_CODES,
    ActorDictionary,
    ActorEntry,
    AgentEntry,
    attach_agent,
    country_root,
)
from tripolar.actors.listed_groups import group_pronouns, resolve_listed_groups
from tripolar.actors.matching import DictionaryMatcher
from tripolar.actors.officials import surname_index, surnames_in_office
from tripolar.actors.references import (
    ParagraphIndex,
    ParagraphMentions,
    lower_words,
    resolve_references,
)
from tripolar.actors.ships import named_ships
from tripolar.actors.story import resolve_story_references
from tripolar.actors.units import (
    FORMER,
    HYPHENS,
    OF_LINKS,
    POSSESSIVES,
    REFERRING_WORDS,
    RESIDENT_SECTORS,
    SETTLEMENT_WORDS,
    SLASHES,
    STATE_KINDS,
    TITLE_FILLERS,
    Phrase,
    Unit,
    agent_phrase_text,
    conjoined,
    drop_overlaps,
    end_char,
    ends_in_linked_state,
    head_agent,
    is_locative_gap,
    is_state_unit,
    joins_compound,
    moved_from,
    one_state,
    phrase_units,
    premodifies,
    tokens_with_joiners,
    unique_codes,
)
from tripolar.model import Mention
from tripolar.nlp.text import doc_text


class ActorResolver:
    """Builds its matchers once on `nlp.vocab`; `find_mentions` is then cheap per document."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self.dictionary = dictionary
        self.nlp = nlp
        self.matcher = DictionaryMatcher(dictionary, nlp)
        self._surnames = surname_index(dictionary.actors)
        self._genders = {
            e.name: e.gender for e in dictionary.actors if e.kind == "person" and e.gender
        }

    # -- public -----------------------------------------------------------------------------

    def find_mentions(self, doc: Doc, on: dt.date | None = None) -> list[Mention]:
        """Actor mentions in `doc`, resolved for the date `on`, sorted and non-overlapping."""
        units = self.matcher.select(doc, on)
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
        mentions += named_ships(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        references = resolve_references(doc, mentions, paragraphs, self._genders)
        references += resolve_story_references(doc, mentions, references, self._genders)
        references += resolve_addressees(doc, [*mentions, *references])
        groups = resolve_listed_groups(doc, [*mentions, *references])
        references = [*group_pronouns(doc, references, groups, mentions), *groups]
        references += surnames_in_office(doc, [*mentions, *references], self._surnames, on)
        merged = sorted([*mentions, *references], key=lambda m: (m.start, -m.end))
        return drop_overlaps(merged)

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
            and joins_compound(doc, units[j].end, units[j + 1].end)
            and (member := self._compound_member(units[j + 1])) is not None
        ):
            members.append(member)
            j += 1
        if len(members) < 2:
            return None
        codes = unique_codes(code for m in members for code in m.codes_on(on))
        start, end = doc[units[i].start].idx, end_char(doc, units[j].end)
        names = "-".join(m.name for m in members)
        span_text = doc[units[i].start : units[j].end].text
        return Mention(start, end, span_text, codes, "compound", names), j + 1

    def _split_token_compounds(
        self, doc: Doc, units: Sequence[Unit], on: dt.date | None
    ) -> list[Mention]:
        """Single tokens the tokenizer kept whole, e.g. "U.S.-China"."""
        covered = {i for u in units for i in range(u.start, u.end)}
        out: list[Mention] = []
        for token in tokens_with_joiners(doc):
            if token.i in covered:
                continue
            text = token.text
            for h in HYPHENS | SLASHES:
                text = text.replace(h, "-")
            parts = [p for p in text.split("-") if p]
            members = [
                self.matcher.single_exact.get(p) or self.matcher.single_lower.get(p.lower())
                for p in parts
            ]
            end = token.idx + len(token.text)
            if len(parts) >= 2 and members[-1] is None and token.i + 1 < len(doc):
                # "U.S.-South Korean": the last member goes on into the next word
                following = doc[token.i + 1]
                found = [
                    e
                    for e in self.dictionary.lookup(f"{parts[-1]} {following.text}")
                    if e.kind in STATE_KINDS
                ]
                if found:
                    members[-1] = found[0]
                    end = following.idx + len(following.text)
            if len(parts) >= 2 and all(m is not None for m in members):
                codes = unique_codes(c for m in members if m is not None for c in m.codes_on(on))
                name = "-".join(m.name for m in members if m is not None)
                words = doc_text(doc)[token.idx : end]
                out.append(Mention(token.idx, end, words, codes, "compound", name))
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
            gap = lower_words(doc, here.end, nxt.start)
            if not self._links(here, nxt, gap, has_person, has_actor):
                break
            if gap[:1] == ["from"] and moved_from(doc, here):
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
                # "demonstrators in Baghdad", "strikers in the capital city of X"
                return not has_actor and is_locative_gap(
                    [w for w in gap if w not in SETTLEMENT_WORDS] if gap[:1] == ["in"] else gap
                )
            if is_locative_gap(gap):  # "lawmakers in Brazil", not "in Moscow"
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
        if len(group) == 1 and is_state_unit(group[0]) and premodifies(doc, group[0]):
            # "Russian and Chinese officials", "US, British and French forces"
            states = [group[0]]
            j = end
            while j < len(units) and conjoined(doc, units[j - 1].end, units[j].start):
                next_end = self._group(doc, units, j)
                nxt = list(units[j:next_end])
                if len(nxt) == 1 and is_state_unit(nxt[0]) and premodifies(doc, nxt[0]):
                    states.append(nxt[0])
                    j = next_end
                    continue
                if len(nxt) >= 2 and is_state_unit(nxt[0]) and all(u.agent for u in nxt[1:]):
                    members = [u.actor for u in states if u.actor is not None]
                    return Phrase(nxt, first=units[i], members=members), next_end
                break
            return phrase, end
        if (
            all(u.agent is not None for u in group)
            and end < len(units)
            and conjoined(doc, group[-1].end, units[end].start)
        ):
            # "lawmakers and officials in Chad": bare agents sharing the next phrase's state
            next_end = self._group(doc, units, end)
            nxt = list(units[end:next_end])
            if nxt[0].agent is not None and ends_in_linked_state(doc, nxt):
                agents = [u.agent for u in group if u.agent is not None]
                phrase = Phrase(nxt, first=group[0], extra_agents=agents)
                group, end = nxt, next_end
        if ends_in_linked_state(doc, group):
            # "the ambassadors of France, Germany and Italy"
            j = end
            while j < len(units) and conjoined(doc, units[j - 1].end, units[j].start):
                if self._group(doc, units, j) != j + 1 or not is_state_unit(units[j]):
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
        end = end_char(doc, last.end)
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
                codes = unique_codes(c for m in members for c in m.codes_on(on))
                kind = "igo" if actor.kind == "igo" else "state"
                return Mention(start, end, text, codes, kind, actor.name)
            agent_sets = self._agent_sets(phrase.extra_agents, agents)
            codes = unique_codes(
                self._apply(c, agent_set, former)
                for m in members
                for agent_set in agent_sets
                for c in m.codes_on(on)
            )
            agent_text = agent_phrase_text(doc, group, agents[0])
            kind = "igo" if actor.kind == "igo" else "agent"
            names = " / ".join(m.name for m in members)
            return Mention(start, end, text, codes, kind, f"{names} + {agent_text}")
        agent_text = agent_phrase_text(doc, group, agents[0])
        if self.dictionary.petrarch_conventions:
            # PETRARCH: an agent with no actor of its own is coded with an unknown country
            code = self._apply(NULL_CODE, agents, former)
            return Mention(start, end, text, (code,), "agent", f"{agent_text} (no country)")
        head = head_agent(agents)
        if head.code in STANDALONE_AGENT_CODES and not former:
            # "a human rights group", "aid agencies": NGOs on their own, whatever the paragraph
            return Mention(start, end, text, (head.code,), "agent", f"{agent_text} (no country)")
        # a bare agent: the one country its own "of"/"from" phrase names ("the mayor of the
        # Syrian city of Homs"), else the only country named so far in its paragraph; with
        # none or several, the country is unknown ("---REB"): a party, never an anchor
        in_phrase = phrase_units(doc[last.end - 1], units)
        own = one_state(in_phrase, on)
        if own is not None:
            roots = {own}
        elif any(u.actor is not None and u.actor.kind not in STATE_KINDS for u in in_phrase):
            roots = set()  # "leaders of the Muslim Brotherhood": that body's, no state's
        else:
            roots = named.roots_before(start)
        speaker_owned = first.start > 0 and doc[first.start - 1].lower_ == "our"
        if len(roots) != 1 or speaker_owned:  # "our diplomats": the speaker's, not the paragraph's
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
            head = head_agent(agents)
            return head.code + code if head.prefix else code + head.code
        if self.dictionary.petrarch_conventions and len(agents) > 1:
            for agent in agents:
                if agent.prefix:
                    code = agent.code + code
                elif not code.endswith(agent.code):
                    code += agent.code
            return code
        head = head_agent(agents)
        return attach_agent(code, head.code, prefix=head.prefix)
