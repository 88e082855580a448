"""Choosing the code of a noun trigger: "talks with X", "the visit by X to Y", "a strike".

`NounActs.code` tries the patterns of an event noun (with their modifiers) and returns the
first `Candidate` one yields, or the reason the first matching pattern was rejected. The
light verb that makes the noun an act ("held talks") gives its context and sources;
otherwise the noun's own phrases do ("the visit by X", "X's talks", "the withdrawal of X").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tripolar.events.arguments import IN_PROTEST_CODES_IT, Candidate, MentionIndex, distinct_codes
from tripolar.events.denials import denied_by
from tripolar.events.grammar import (
    LIGHT_VERBS,
    SAY_VERBS,
    SUBJECT_DEPS,
    TRADE_FLOW_NOUNS,
    agent_objects,
    dependent,
    has_in_protest,
    has_pattern_modifier,
    is_in_protest,
    is_passive,
    light_verb_of,
    owner_objects,
    prep_objects,
    protested_objects,
)
from tripolar.events.implied import (
    DOMESTIC_SECTORS,
    REACTION_ROOTS,
    condition_subjects,
    reaction_parties,
    voiced_by,
)
from tripolar.events.lexicon import ActLexicon
from tripolar.events.modality import (
    Context,
    context_of,
    is_negated,
    map_code,
)
from tripolar.events.patterns import NounPattern
from tripolar.events.prospects import possibility_of
from tripolar.events.story_parties import REACTING_ROOTS, reacted_nouns
from tripolar.events.targets import home_government, located_actors, other_actors
from tripolar.events.violence import figurative, is_violent
from tripolar.model import Mention

# a stance noun voiced by its owner is a stance stated: "X's opposition to Y", "objections
# from X"; any other light noun so owned stays a standing relation ("X's contract with Y")
STANCE_ROOTS = frozenset({"11", "12"})


class NounActs:
    """Candidates of noun triggers, with the patterns of an `ActLexicon`."""

    def __init__(self, lexicon: ActLexicon) -> None:
        self.lexicon = lexicon

    def code(self, noun: Token, index: MentionIndex, lemma: str) -> tuple[Candidate | str, str]:
        light = light_verb_of(noun)
        first_failure: tuple[str, str] | None = None
        for pattern in self.lexicon.patterns.nouns[lemma]:
            if not has_pattern_modifier(noun, pattern):
                continue
            rule = pattern.rule
            outcome = self._candidate(noun, light, pattern, index, rule)
            if isinstance(outcome, Candidate):
                return outcome, outcome.rule
            if first_failure is None:
                first_failure = (outcome, rule)
        return first_failure or ("", "")

    def _candidate(
        self,
        noun: Token,
        light: Token | None,
        pattern: NounPattern,
        index: MentionIndex,
        rule: str,
    ) -> Candidate | str:
        context = Context("act")
        sources: list[Mention] = []
        hypothetical = possibility_of(noun)
        if hypothetical:
            return hypothetical
        if is_violent(pattern.code) and figurative(noun):
            return "figurative: a war or attack of trade, words or ideas"
        voiced = pattern.code[:2] in STANCE_ROOTS and bool(voiced_by(noun, index))
        if light is None and "light" in pattern.flags and not voiced:  # "X's opposition to Y"
            return "a standing relation, not an act: no verb makes it"
        if light is not None:
            context = context_of(light)
            if context.reason:
                return context.reason
            if is_passive(light):
                sources = index.of_group(agent_objects(light))
            else:
                sources = index.subjects_of(light)
        elif noun.dep_ in SUBJECT_DEPS and is_negated(noun.head):
            return f"negated ({noun.head.text!r})"
        elif noun.dep_ == "dobj" and self.lexicon.asks(noun.head):  # "to urge the withdrawal of X"
            return f"asked for by {noun.head.text!r}, not done"
        denied = denied_by(noun)
        if denied:
            return denied
        by_objects = agent_objects(noun) + prep_objects(noun, "by") + _made_by(noun)
        if not sources:  # "the visit by X", "an air strike by X", "X's talks"
            sources = index.of_group(by_objects) or _not_the_modifier(
                index.of_phrase(noun), noun, pattern
            )
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPS:
            sources = index.subjects_of(noun.head.head)  # "After talks with X, Y said ..."
        if _captioned(noun):  # "A (L) and B at a joint press conference in Z": not "press"
            pictured = index.of_group([noun.head.head])
            sources = pictured if distinct_codes(pictured) >= 2 else sources
        if not sources and "mover" in pattern.flags:  # "the withdrawal of US troops"
            sources = index.of_group(prep_objects(noun, "of"))
        if not sources and light is None:
            sources = _manner_sources(noun, index, pattern.code)
        if not sources and light is None:  # "X said his visit to Y was productive"
            sources = _speakers_own(noun, index)
        reacted_to: list[Mention] = []  # "prompting condemnation from X": X reacts
        if not sources and pattern.code[:2] in REACTION_ROOTS:
            sources, reacted_to = reaction_parties(noun, index)
        if "civil" in pattern.flags and not _civilian(sources):
            return "not a civilian group"
        between = prep_objects(noun, "between") + (
            prep_objects(light, "between") if light is not None else []
        )
        if between and any(s.slot == "between" for s in pattern.targets):
            members = index.of_group(between)
            code = map_code(pattern.code, context.mode)
            if code is None:
                return f"no CAMEO code for {context.mode} of {pattern.code}"
            if "recip" not in pattern.flags and sources and members:
                # a mediator acts on each party: "X's mediation between Y and Z"
                return Candidate(code, f"{rule}+between", sources, members, False, context)
            if distinct_codes(members) >= 2:
                return Candidate(code, f"{rule}+between", members, [], True, context)
        targets: list[Mention] = []
        slot = ""
        for target in pattern.targets:
            if target.slot == "between" or not target.is_prep:
                continue
            objects = prep_objects(noun, target.slot, target.heads)
            if light is not None and not objects:
                objects = prep_objects(light, target.slot, target.heads)
            if not objects:  # "the visit by X to Y", parsed with "to Y" on X
                objects = [o for b in by_objects for o in prep_objects(b, target.slot)]
            if not objects and noun.lemma_.lower() in TRADE_FLOW_NOUNS:
                # "the sale of 66 jets built by X to Y": "to Y" hung on the goods' phrase
                goods = prep_objects(noun, "of") + prep_objects(noun, "in")  # "$2bn in arms"
                goods += [o for g in goods for o in prep_objects(g, "in")]
                made = [c for g in goods for c in g.children if c.dep_ == "acl"]
                holders = goods + made + [o for m in made for o in agent_objects(m)]
                objects = [o for h in holders for o in prep_objects(h, target.slot)]
            if not objects and "mover" in pattern.flags:  # "the withdrawal of X from Y"
                movers = prep_objects(noun, "of")
                objects = [o for m in movers for o in prep_objects(m, target.slot)]
            targets = (
                index.of_group(objects)
                or index.of_group(  # "a protest against violations by X"
                    [o for n in objects if n.pos_ == "NOUN" for o in owner_objects(n)]
                )
                or index.of_group(  # "airstrikes on targets in X"
                    [o for n in objects if n.pos_ == "NOUN" for o in prep_objects(n, "in")]
                )
            )
            if targets:
                slot = target.slot
                break
        if not targets and reacted_to:
            targets, slot = other_actors(reacted_to, sources), "prompted"
        if not targets and is_in_protest(noun):
            targets, slot = index.of_group(protested_objects(noun)), "in-protest"
        if not targets and light is None:  # "X engaged Y in a firefight"
            engaged = _engaged_object(noun)
            if engaged is not None:
                targets, slot = index.of_group([engaged]), "engaged"
        if not targets and pattern.code[:2] == "14" and has_in_protest(light or noun.head, noun):
            return IN_PROTEST_CODES_IT  # "a sit-in in protest of X", "a rally ... at X"
        if not targets and "loc" in pattern.flags:
            targets, slot = other_actors(located_actors(index, noun, light), sources), "in"
        if not targets and pattern.code[:2] == "14":
            purpose = self.lexicon.purpose_targets(light or noun.head, index)
            if isinstance(purpose, str):
                return purpose
            targets, slot = purpose, "purpose"
        if not targets and sources and pattern.code[:2] in REACTING_ROOTS:
            # "X lodged a protest over the exercises": whoever held them, told before
            nouns = reacted_nouns(noun, None)
            owner = index.story.act_owner(nouns, sources)
            targets, slot = owner, "story-party:act-owner"
        if not targets and pattern.code[:2] == "14" and context.mode == "act":
            targets, slot = home_government(sources, index), "home"
        if not targets and sources and light is None:  # "since Russia's invasion": of whom
            targets, slot = index.story.owner_opponent(noun, pattern.code, sources)
        code = map_code(pattern.code, context.mode)
        if code is None:
            return context.negation or f"no CAMEO code for {context.mode} of {pattern.code}"
        if context.mode != "act":
            rule += f"/{context.mode}"
        if not targets and code[:2] == "13":  # "threatened to hold a strike unless X ..."
            targets = other_actors(condition_subjects(light or noun.head, index), sources)
            slot = "condition"
        if not sources:
            return "no source actor linked to the noun"
        if not targets:
            if "recip" in pattern.flags and distinct_codes(sources) >= 2:
                return Candidate(code, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the noun"
        return Candidate(
            code, f"{rule}+{slot}", sources, targets, False, context, "mutual" in pattern.flags
        )


def _not_the_modifier(sources: list[Mention], noun: Token, pattern: NounPattern) -> list[Mention]:
    """`sources` less the word the pattern requires on the noun: the "press" of "a press
    conference with X" is no party to it."""
    if not pattern.modifiers:
        return sources
    spans = [
        (c.idx, c.idx + len(c.text))
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in pattern.modifiers
    ]
    return [m for m in sources if not any(m.start <= s and e <= m.end for s, e in spans)]


def _civilian(sources: Sequence[Mention]) -> bool:
    """Every source is a group of society: students, workers, farmers, the opposition ..."""
    codes = [code for source in sources for code in source.codes]
    return bool(codes) and all(code[3:6] in CIVILIAN_SECTORS for code in codes)


CIVILIAN_SECTORS = DOMESTIC_SECTORS | {"BUS", "MED"}
# an event noun in one of these phrases is the act of the clause's subject: "After a meeting
# with X in Tokyo, Y called for ...", "on a visit to X, Y said ..."
SETTING_PREPS = frozenset({"after", "before", "during", "following", "on", "at"})


def _manner_sources(noun: Token, index: MentionIndex, code: str) -> list[Mention]:
    """ "X staged a strike in protest against Y": a noun under "in" on a clause (or on that
    clause's object) is the act of the clause's subject; so is fighting "after/during"
    which a clause happened ("X retook the town after fighting with Y")."""
    prep = noun.head
    preps: tuple[str, ...] = ("in",)
    if code[:2] in ("19", "20"):
        preps = ("in", "after", "during", "following")
    elif code[:2] == "04":  # "X held talks with Y during a visit to Z", "X said in a phone
        preps = ("during", "on", "in", "at")  # call with Y", "speaking at a press conference"
    if noun.dep_ != "pobj" or prep.lower_ not in preps:
        return []
    if code[:2] == "04" and prep.lower_ in ("in", "at") and prep.head.lemma_ not in SPEAKING:
        return []  # "agreed to mediation in talks with X": the talks are not the subject's
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "nsubjpass"):
        holder = holder.head
    if holder.pos_ not in ("VERB", "AUX") or is_passive(holder):
        return []  # "X were wounded in an ambush": X suffered it
    return index.subjects_of(holder)


# "X said in a phone call with Y", "X, speaking at a press conference with Y"
SPEAKING = SAY_VERBS | {"speak"}
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my"})


def _speakers_own(noun: Token, index: MentionIndex) -> list[Mention]:
    """The speaker, for the event noun a possessive pronoun gives to the one who speaks of
    it as the subject of what was said: "X said that his visit to Y was productive"."""
    if noun.dep_ != "nsubj" or not any(
        c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in noun.children
    ):
        return []  # "X said Y would stop gas supplies amid its invasion": Y's, not X's
    clause = noun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAY_VERBS:
        return []
    return index.subjects_of(clause.head)


ENGAGE_VERBS = frozenset({"engage"})


def _engaged_object(noun: Token) -> Token | None:
    """The object of "engage" when the noun is what it was engaged in: "rebels engaged
    the peacekeepers in a firefight" -> the peacekeepers."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in ENGAGE_VERBS:
        return None
    return dependent(prep.head, "dobj")


def _made_by(noun: Token) -> list[Token]:
    """The agents of a participle that makes the noun's act ("negotiations led by X and Y",
    "sanctions imposed by X", "a patrol carried out by X"): the act's own parties."""
    return [
        o
        for clause in noun.children
        if clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and clause.lemma_.lower() in LIGHT_VERBS | LEADING_VERBS
        for o in agent_objects(clause)
    ]


LEADING_VERBS = frozenset({"lead", "head", "chair"})


def _captioned(noun: Token) -> bool:
    """The noun is the setting of a caption, a sentence without a verb that names who is
    where: "A and B at a joint press conference in Vienna on January 16"."""
    holder = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("at", "during")
        and holder.dep_ == "ROOT"
        and holder.pos_ in ("PROPN", "NOUN")
        and not any(t.pos_ in ("VERB", "AUX") for t in noun.sent)
    )
