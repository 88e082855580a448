"""Choosing the code of a verb trigger: its pattern, sources, targets and context.

`VerbActs.code` tries the patterns of a verb in order (particle, object) and returns the
first `Candidate` one yields, or the reason the first matching pattern was rejected. For one
pattern it reads the context (``modality``: negation, modality, reported speech), the
sources (subject, or the "by" agent of a passive), the targets (the pattern's slots through
``arguments``, then the fallbacks: place, purpose, condition, home government), and the
transformations (appeal/demand of an act, passive violence, irregular killings, arrivals).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripolar.actors.entries import country_root
from tripolar.events.arguments import (
    IN_PROTEST_CODES_IT,
    Candidate,
    MentionIndex,
    distinct_codes,
    one_country,
)
from tripolar.events.demands import enforced_order
from tripolar.events.dictionary_verbs import actor_ends, dictionary_candidate
from tripolar.events.governed import ACCUSE_CODE
from tripolar.events.grammar import (
    agent_objects,
    dependent,
    direct_object,
    find_pattern_object,
    has_in_protest,
    is_passive,
    owner_objects,
    passive_patient,
    prep_objects,
    subject_heads,
    summoned_envoy,
    verb_particle,
)
from tripolar.events.implied import (
    REACTION_NOUNS,
    VETO_CODE,
    WEAPON_NOUNS,
    by_bomb,
    condition_subjects,
    placed_victims,
    unidentified_forces,
    vetoed_council,
)
from tripolar.events.lexicon import ActLexicon
from tripolar.events.modality import context_of, is_infinitive, map_code
from tripolar.events.patterns import VerbPattern, VerbSite, match_verb, sentence_words
from tripolar.events.prospects import is_promised
from tripolar.events.targets import (
    SPEAKER_SLOT,
    find_targets,
    for_clauses,
    home_government,
    located_actors,
    other_actors,
    participle_targets,
)
from tripolar.events.violence import (
    KILLING_VERBS,
    force_sense,
    irregular,
    is_violent,
    violence_targets,
)
from tripolar.model import Mention


class VerbActs:
    """Candidates of verb triggers, with the patterns of an `ActLexicon`."""

    def __init__(self, lexicon: ActLexicon) -> None:
        self.lexicon = lexicon
        # read once per document (actor ends) and sentence (its words), not once per verb
        self._ends: tuple[MentionIndex, dict[int, int]] | None = None
        self._sentence: tuple[MentionIndex, Span, frozenset[str]] | None = None

    def _actor_ends(self, index: MentionIndex) -> dict[int, int]:
        if self._ends is None or self._ends[0] is not index:
            self._ends = (index, actor_ends(index))
        return self._ends[1]

    def _sentence_of(self, verb: Token, index: MentionIndex) -> tuple[Span, frozenset[str]]:
        """The verb's sentence and its words (`Token.sent` walks the sentence each time)."""
        cached = self._sentence
        if (
            cached is None
            or cached[0] is not index
            or not (cached[1].start <= verb.i < cached[1].end)
        ):
            sent = verb.sent
            cached = self._sentence = (index, sent, sentence_words(sent))
        return cached[1], cached[2]

    def code(
        self, verb: Token, index: MentionIndex, consumed: set[int]
    ) -> tuple[Candidate | str, str]:
        """The first pattern of this verb that yields events, else the best reason why not."""
        # "was headed to X" is a state of moving, "is heading to X": its subject goes there
        passive = is_passive(verb) and verb.lemma_.lower() not in STATIVE_PASSIVES
        obj = passive_patient(verb) if passive else direct_object(verb)
        particle = verb_particle(verb)
        first_failure: tuple[str, str] | None = None
        actors: dict[int, int] | None = None
        site: VerbSite | None = None
        patterns = self.lexicon.patterns.verb_index(verb.lower_, verb.lemma_.lower())
        words = self._sentence_of(verb, index)[1] if patterns.with_words else frozenset()
        for pattern in patterns.select(verb, words):  # those that can match in the sentence
            if pattern.from_dictionary:  # a --verbs dictionary's pattern
                if actors is None:
                    actors = self._actor_ends(index)
                    site = VerbSite(verb, *self._sentence_of(verb, index))
                match = match_verb(verb, pattern, actors=actors, site=site)
                if match is None:
                    continue
                found = dictionary_candidate(verb, match, passive, index)
                if isinstance(found, Candidate):
                    return found, found.rule
                if first_failure is None:
                    first_failure = (found, pattern.rule)
                if pattern.codes_nothing:
                    break  # the user's pattern says: no event
                continue
            match = match_verb(
                verb,
                pattern,
                particle=particle.lemma_.lower() if particle is not None else None,
                object_of=lambda p: find_pattern_object(verb, obj, p),
            )
            if match is None:
                continue
            pattern_object = match.pattern_object
            if pattern_object is not None:
                consumed.add(pattern_object.i)
            rule = "verb:" + pattern.lemma + (f"_{pattern.particle}" if pattern.particle else "")
            if pattern_object is not None:
                rule += f"+{pattern_object.lemma_.lower()}"
            outcome = self._candidate(
                verb,
                self.lexicon.refined(pattern, pattern_object),
                pattern_object,
                obj,
                passive,
                index,
                rule,
                consumed,
            )
            if isinstance(outcome, Candidate):
                return outcome, outcome.rule
            if first_failure is None:
                first_failure = (outcome, rule)
        if first_failure is None:
            return "", ""
        return first_failure

    def _candidate(
        self,
        verb: Token,
        pattern: VerbPattern,
        pattern_object: Token | None,
        obj: Token | None,
        passive: bool,
        index: MentionIndex,
        rule: str,
        consumed: set[int],
    ) -> Candidate | str:
        context = context_of(verb)
        if context.reason:
            return context.reason
        code = pattern.code
        mode_flag = next((f for f in ("appeal", "demand") if f in pattern.flags), None)
        ordered_noun: Token | None = None
        threatened = dependent(verb, "xcomp") if "threat" in pattern.flags else None
        if threatened is not None and self.lexicon.act_code(threatened) is not None:
            return f"coded by the threatened act {threatened.text!r}"
        if "that" in pattern.flags and not _states_a_view(verb):
            return "no that-clause"
        if "asked" in pattern.flags and not _asks_for_act(verb):
            return "no act asked for"
        if "vowed" in pattern.flags and not is_promised(verb, context):
            return "a response made, not promised"
        if mode_flag is not None:
            asked = (
                dependent(verb, "xcomp")
                or dependent(verb, "ccomp")
                or next(iter(for_clauses(verb)), None)  # "called for X to withdraw"
            )
            asked_code = self.lexicon.act_code(asked) if asked is not None else None
            if asked_code is None and obj is not None:  # "demanded the withdrawal of ..."
                asked_code = self.lexicon.noun_code(obj)
                if asked_code is not None:
                    consumed.add(obj.i)  # asked for, not done
            if asked_code is not None and enforced_order(verb, asked_code):
                code, rule = asked_code, rule + "/enforced"  # "ordered X to close its consulate"
                ordered_noun = obj if asked is None else None
            elif asked_code is not None:
                code = map_code(asked_code, mode_flag) or code
        sources = index.of_group(agent_objects(verb)) if passive else index.subjects_of(verb)
        means: list[Token] = []
        unidentified = False  # the source is the place's unidentified forces
        if not sources and passive and is_violent(code):
            # "N people died in an air strike by X", "... in X's artillery shelling"
            means, sources = self._means_of_violence(verb, index)
            if sources:
                consumed.update(t.i for t in means)
                means_code = next(
                    (c for t in means if (c := self.lexicon.violent_noun_code(t)) is not None), None
                )
                if means_code is not None:
                    code, rule = means_code, rule + f"+means:{means[-1].lower_}"
        if not sources and is_violent(code) and self._unattributed(verb, passive, index):
            # "three soldiers were killed in X", "a roadside bomb near X killed two soldiers"
            means = [
                o
                for p in ("in", "during", "by")
                for o in prep_objects(verb, p)
                if self.lexicon.violent_noun_code(o) is not None
            ]
            sources = unidentified_forces(verb, obj, means, index)
            unidentified = bool(sources)
            if unidentified:
                rule += "+unidentified"
                consumed.update(t.i for t in means)
                means_code = next(
                    (c for t in means if (c := self.lexicon.violent_noun_code(t))), None
                )
                if means_code is not None:  # "killed in a suicide bombing": 1831
                    code, rule = means_code, rule + f"+means:{means[0].lower_}"
                elif code[:2] in ("18", "19") and by_bomb(verb, passive):
                    code, rule = "183", rule + "+means:bomb"  # "a roadside bomb killed"
        if not sources:
            return "no source actor linked to the verb"
        if code == "042" and verb.lemma_.lower() in ARRIVAL_VERBS:
            forces = _arriving_forces(verb)
            if forces == "troops":
                return "troops arriving: a deployment, not a visit"
            if forces == "peacekeepers":
                code = "074"  # peacekeepers arriving in X: protection provided to X
                rule += "/peacekeepers"
        if code[:2] == "04" and any(
            o.lemma_.lower() in REACTION_NOUNS for o in prep_objects(verb, "with")
        ):
            return "met with a reaction, not a meeting"
        if code == "041" and dependent(verb, "oprd") is not None:
            return "called X something: naming, not a call"
        targets, slot = find_targets(pattern.targets, verb, obj, pattern_object, index)
        if not targets and ordered_noun is not None:  # "ordered a cut in X's staff": X
            targets = index.of_group(owner_objects(ordered_noun) + prep_objects(ordered_noun, "in"))
        envoy = summoned_envoy(verb.head) if verb.dep_ in ("xcomp", "advcl") else None
        summoned = index.of_group([envoy]) if envoy is not None else []
        if summoned:  # "called in X's envoy to urge the release of Y": aimed at X
            targets, slot = summoned, "summoned"
        if unidentified:  # "a journalist was killed in Beirut": a Lebanese one
            targets = placed_victims(targets, sources)
        if code == VETO_CODE:  # "vetoed the resolution": the Security Council too
            targets, slot = vetoed_council(obj, targets, index), slot or "council"
        if mode_flag == "demand" and (out := _ordered_out(verb, obj, sources, targets)):
            code, rule = out, rule + "/ordered-out"  # "ordered 23 diplomats to leave"
        if not targets and obj is None:
            # "X met and talked with Y": a verb without an object shares its conjunct's
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not dependent(conj, "nsubj"):
                    conj_obj = dependent(conj, "dobj")
                    targets, slot = find_targets(pattern.targets, conj, conj_obj, None, index)
                    if targets:
                        break
        if not targets:  # "urged X to ..., warning the move could ...": at X
            targets, slot = participle_targets(verb, code, index), "participle"
        if not targets and code[:2] == "14" and has_in_protest(verb, *filter(None, [obj])):
            return IN_PROTEST_CODES_IT  # "marched in X in protest at Y"
        if not targets and "loc" in pattern.flags:
            targets, slot = other_actors(located_actors(index, verb, obj), sources), "in"
        if not targets and "loc" in pattern.flags and code[:2] == "04" and pattern_object:
            # "attended the Beijing Olympics": the host named on the event
            targets, slot = other_actors(index.of_phrase(pattern_object), sources), "host"
        if not targets and means:
            targets, slot = other_actors(located_actors(index, verb, *means), sources), "in"
        if not targets and is_violent(code):
            targets, slot = violence_targets(verb, obj, index)
        if not targets and code[:2] == "14":
            purpose = self.lexicon.purpose_targets(verb, index)
            if isinstance(purpose, str):
                return purpose
            targets, slot = purpose, "purpose"
        if not targets and code == "0874" and irregular(sources, [sources[0]]):
            targets, slot = home_government(sources, index), "home"  # rebels surrendered
        if not targets:  # "Japan called for a halt to the exercises": whoever held them
            targets, slot = index.story.reaction_owner(verb, obj, code, sources)
        if not targets and (code[:2] == "14" or code == "082") and context.mode == "act":
            targets, slot = home_government(sources, index), "home"
        if (
            not targets
            and obj is None
            and _takes_place_target(code)
            and distinct_codes(sources) < 2
        ):
            targets, slot = located_actors(index, verb, obj), "in"  # "X will meet in Geneva"
        if (
            code == "190"
            and verb.lemma_.lower() in KILLING_VERBS
            and not unidentified  # not known to be irregulars
            and irregular(sources, targets)
        ):
            code, rule = "180", rule + "/irregular"
        sense = force_sense(verb, obj, code)  # "fighting X's policies", "fired in a drill"
        code, rule = (sense[0], rule + sense[1]) if sense else (code, rule)
        if code in ("140", "141") and context.mode == "act" and _official(verb, sources):
            # "Norway protested the ban": a government complains, it does not march
            code, rule = "114", rule + "/official"
        mapped = map_code(code, context.mode)
        if context.arranged and code[:2] == "04":  # "is scheduled to visit X": 042
            mapped, rule = code, rule + "/arranged"
        elif context.announced and code[:2] == "16":  # "announced it would cut ties": 161
            mapped, rule = code, rule + "/announced"
        elif mapped is None:
            return context.negation or f"no CAMEO code for {context.mode} of {code}"
        elif context.mode != "act":
            rule += f"/{context.mode}"
        if not targets and mapped[:2] == "13":
            targets, slot = other_actors(condition_subjects(verb, index), sources), "condition"
        if not targets and code[:2] in ("11", "12", "14") and _names_a_prior_act(verb, obj):
            # "X has also criticized the move": the move told in the sentence before
            targets, slot = _prior_actors(verb, sources, index), "prior-act"
        if not targets and code[:2] in ("11", "12", "14"):  # "X protested after Y sanctioned
            targets, slot = other_actors(condition_subjects(verb, index), sources), "answered"
        if not targets and mapped != VETO_CODE and not _names_a_prior_act(verb, obj):
            targets, slot = index.story.opponent(verb, obj, mapped, sources)  # "X refuses to"
        if not targets:
            if "recip" in pattern.flags and distinct_codes(sources) >= 2:
                return Candidate(mapped, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the verb"
        if mapped[:2] == "10" and _own_side(sources, targets):
            return "an order to its own side"  # "Putin ordered troops into the regions"
        if "giver" in pattern.flags:  # "X received arms from Y": Y provides them to X
            sources, targets, rule = targets, sources, rule + "/giver"
        if slot == SPEAKER_SLOT and "15" <= mapped[:2] <= "20":
            # "Norway said a foreign cutter struck its trawlers": the victim's account of
            # force used on it is its accusation of the doer (112), as CAMEO codes claims
            sources, targets, mapped = targets, sources, ACCUSE_CODE
            rule += "/reported-by-target"
        return Candidate(
            mapped, f"{rule}+{slot}", sources, targets, False, context, "mutual" in pattern.flags
        )

    def _means_of_violence(
        self, verb: Token, index: MentionIndex
    ) -> tuple[list[Token], list[Mention]]:
        """The event noun a passive act of violence happened "in" and its actors: "killed in
        an air strike by X", "in X's shelling", also when the parser reads "shelling" as a
        verb after its modifiers ("in Israeli tank shelling")."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.pos_ not in ("NOUN", "PROPN"):
                    continue
                means = [noun]
                following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
                if (
                    following is not None
                    and following.head == verb
                    and following.tag_ == "VBG"
                    and following.lower_ in self.lexicon.patterns.nouns
                ):
                    means.append(following)
                if not any(self.lexicon.violent_noun_code(t) is not None for t in means):
                    continue
                actors = index.of_group(
                    [o for t in means for o in agent_objects(t) + prep_objects(t, "by")]
                ) or index.of_phrase(noun)
                if actors:
                    return means, actors
        return [], []

    def _unattributed(self, verb: Token, passive: bool, index: MentionIndex) -> bool:
        """Violence with no perpetrator in the sentence: an agentless passive, or a means of
        violence as the subject ("a car bomb killed ...") that names no actor."""
        doers = agent_objects(verb) if passive else subject_heads(verb)
        if passive and not doers:
            return True
        return bool(doers) and all(
            not index.of_phrase(d)
            and (self.lexicon.violent_noun_code(d) is not None or d.lemma_.lower() in WEAPON_NOUNS)
            for d in doers
        )


ARRIVAL_VERBS = frozenset({"arrive", "travel", "fly"})
STATIVE_PASSIVES = frozenset({"head"})
FORCE_HEADS = frozenset({
    "troop", "soldier", "force", "army", "peacekeeper", "marine", "paratrooper", "contingent",
    "battalion", "brigade", "unit", "detachment", "deployment", "patch", "batch", "convoy",
})  # fmt: skip
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "peacekeepers"})


def _arriving_forces(verb: Token) -> str:
    """ "peacekeepers" when the subject of an arrival is a peacekeeping force, "troops" for
    other armed forces ("French troops arrived in X" is a deployment), else ""."""
    subjects = subject_heads(verb)
    if not subjects or any(s.lemma_.lower() not in FORCE_HEADS for s in subjects):
        return ""
    words = {t.lemma_.lower() for s in subjects for t in s.subtree}
    if words & PEACEKEEPING_WORDS:
        return "peacekeepers"
    if words & (FORCE_HEADS - {"deployment", "patch", "batch", "convoy", "unit"}):
        return "troops"
    return ""


DEPARTURE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
DIPLOMAT_HEADS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul"})


def _ordered_out(
    verb: Token, obj: Token | None, sources: list[Mention], targets: list[Mention]
) -> str | None:
    """ "ordered 23 Russian diplomats to leave (the country)", "told X's envoy to leave",
    "ordered X's diplomats out": an expulsion of another state's people (CAMEO: ORDER ... (TO
    LEAVE) 174; diplomats 161, as `expel`), never a state's order to its own forces ("ordered
    its troops to leave X")."""
    clause = dependent(verb, "xcomp")
    if clause is None and obj is not None:
        # "ordered 30 traders whom it calls smugglers to leave": the parser hangs the
        # infinitive inside the object's relative clause or elsewhere under the verb
        clause = next(
            (
                t
                for t in verb.subtree
                if t.i > obj.i
                and t.lemma_.lower() in DEPARTURE_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            ),
            None,
        )
    leaving = clause is not None and clause.lemma_.lower() in DEPARTURE_VERBS
    if obj is None or not (leaving or any(c.lower_ == "out" for c in verb.children)):
        return None
    home = one_country(sources)
    # each state of a group ("several countries' diplomats": SVKGOV, LTUGOV) counts alone
    if not targets or any(country_root(c) in (None, home) for t in targets for c in t.codes):
        return None
    return "161" if obj.lemma_.lower() in DIPLOMAT_HEADS else "174"


PRIOR_ACT_NOUNS = frozenset({"move", "decision", "step", "action", "deployment", "launch"})


REACTION_PREPS = ("over", "about", "at", "to", "against", "on")


# sectors of a state's executive: its protest is an official complaint
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "ELI", "SPY"})


def _official(verb: Token, sources: list[Mention]) -> bool:
    """The sources are the state itself, its subject a singular proper name ("China", not
    "Iraqi Kurds" or "Palestinians"), or its executive ("the foreign ministry", "Beijing")."""
    executive = all(len(c) == 6 and c[3:6] in OFFICIAL_SECTORS for m in sources for c in m.codes)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = bool(subjects) and all(s.tag_ == "NNP" for s in subjects)
    return bool(sources) and (executive or named)


def _names_a_prior_act(verb: Token, obj: Token | None) -> bool:
    """The reaction is about an act told before, with nothing of its own: "criticized the
    move", "expressed regret over this decision", "objected to such actions" (no owner, no
    modifier naming anyone)."""
    nouns = [obj] if obj is not None else []
    nouns += [o for p in REACTION_PREPS for o in prep_objects(verb, p)]
    nouns += [o for n in nouns[:1] for p in REACTION_PREPS for o in prep_objects(n, p)]
    return any(_bare_act(noun) for noun in nouns)


def _bare_act(noun: Token) -> bool:
    if noun.lemma_.lower() not in PRIOR_ACT_NOUNS:
        return False
    if not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such") for c in noun.children
    ):
        return False
    return not any(c.dep_ in ("poss", "compound", "prep", "acl", "relcl") for c in noun.children)


def _prior_actors(verb: Token, sources: list[Mention], index: MentionIndex) -> list[Mention]:
    """Who did the acts coded in the sentence before (or the one before it), other than the
    reacting state."""
    sent_index = next(i for i, s in enumerate(verb.doc.sents) if s.start <= verb.i < s.end)
    if index.prior_sentence < sent_index - 2 or index.prior_sentence >= sent_index:
        return []
    home = {one_country([s]) for s in sources}
    actors = [m for m in index.prior_actors if one_country([m]) not in home | {None}]
    return actors if len({one_country([m]) for m in actors}) == 1 else []


def _takes_place_target(code: str) -> bool:
    """Meetings, visits and violence with no other target take the place where they happen
    (PETRARCH's convention); phone calls do not."""
    return code[:2] in ("04", "18", "19", "20") and code != "041"


def _states_a_view(verb: Token) -> bool:
    """ "X and Y agreed that ...": a finite that-clause, not an act to do ("agreed to ...")."""
    clause = dependent(verb, "ccomp")
    return clause is not None and dependent(verb, "xcomp") is None and not is_infinitive(clause)


def _asks_for_act(verb: Token) -> bool:
    """ "wants Y to <act>": an xcomp, or an infinitival clause with its own subject."""
    if dependent(verb, "xcomp") is not None:
        return True
    clause = dependent(verb, "ccomp")
    return clause is not None and is_infinitive(clause)


COMMANDING_SECTORS = frozenset({"GOV", "ELI", "MIL"})


def _own_side(sources: list[Mention], targets: list[Mention]) -> bool:
    """Every target is the sources' own state's troops or officials: a state's orders to
    them are no demand between states (its demands of its protesters or rebels are)."""
    commanders = all(c[3:6] in COMMANDING_SECTORS for m in sources for c in m.codes)
    roots = {one_country([m]) for m in sources}
    return (
        commanders
        and None not in roots
        and all(
            one_country([t]) in roots and all(c[3:6] in ("MIL", "GOV") for c in t.codes)
            for t in targets
        )
    )
