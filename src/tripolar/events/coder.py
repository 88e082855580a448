"""The event coder: verb and noun patterns over the dependency parse -> CAMEO events.

An event needs a source, a trigger and a target linked by the parse. Sources are
subjects (or the "by" agent of a passive); targets are direct objects or objects of the
pattern's own prepositions, so actors in locative phrases ("in Moscow") never become
targets. Coordination, compound actors and reciprocal patterns give several events; the
grammar around the trigger (negation, modality, reported speech) is read by
``tripolar.events.modality``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from tripolar.events._syntax import (
    EVENT_HEADS,
    LIGHT_VERBS,
    SUBJECT_DEPS,
    _agent_objects,
    _Candidate,
    _child,
    _clause_verb,
    _distinct_codes,
    _find_targets,
    _has_in_protest,
    _has_modifier,
    _home_government,
    _in_protest,
    _is_passive,
    _is_purpose,
    _is_stance,
    _light_verb,
    _located,
    _MentionIndex,
    _owner_objects,
    _particle,
    _patient,
    _pattern_object,
    _prep_objects,
    _protested,
    _subjects,
    _up_to_object,
)
from tripolar.events.codebook import Codebook
from tripolar.events.dates import DateCache, clause_date, dated_by_next_sentence
from tripolar.events.governed import (
    _act_targets,
    alleged_act,
    governed_act,
    labelled_act,
    noun_demand,
    reported_demand,
    stated_blame,
)
from tripolar.events.implied import (
    DOMESTIC_SECTORS,
    REACTION_NOUNS,
    REACTION_ROOTS,
    VETO_CODE,
    WEAPON_NOUNS,
    by_bomb,
    condition_subjects,
    home_country,
    placed_victims,
    reaction_parties,
    unidentified_forces,
    vetoed_council,
)
from tripolar.events.lists import listed_after
from tripolar.events.modality import (
    Context,
    context_of,
    is_infinitive,
    is_negated,
    is_prospective,
    is_question,
    map_code,
    possibility_of,
)
from tripolar.events.patterns import NounPattern, PatternSet, VerbPattern
from tripolar.events.sides import pairs
from tripolar.events.violence import (
    KILLING_VERBS,
    PROPERTY_DAMAGE_CODES,
    RIOT_CODE,
    figurative,
    force_sense,
    irregular,
    is_violent,
    outcome_of_attack,
    protest_crowd,
    violence_targets,
)
from tripolar.model import UNKNOWN_COUNTRY, Event, Mention, make_event_id
from tripolar.nlp.text import sentence_bounds, span_text


@dataclass(frozen=True, slots=True)
class Rejection:
    """A trigger that matched a pattern but was not coded, and why (for explanations)."""

    sentence_index: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    reason: str

    @classmethod
    def at(cls, sentence_index: int, trigger: Token, rule: str, reason: str) -> Rejection:
        end = trigger.idx + len(trigger.text)
        return cls(sentence_index, trigger.text, trigger.idx, end, rule, reason)


@dataclass(frozen=True, slots=True)
class CodingResult:
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


class EventCoder:
    """Codes CAMEO events in parsed documents with the built-in (or given) patterns."""

    def __init__(self, codebook: Codebook, patterns: PatternSet | None = None) -> None:
        self.codebook = codebook
        self.patterns = patterns if patterns is not None else PatternSet.load(codebook)

    def code_doc(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        doc_id: str,
        published: dt.date | None,
    ) -> list[Event]:
        """Events of a whole document, in sentence and trigger order."""
        return self.explain_doc(doc, mentions, doc_id=doc_id, published=published).events

    def explain_doc(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        doc_id: str,
        published: dt.date | None,
    ) -> CodingResult:
        """Events plus the triggers that matched a pattern but were rejected, with reasons."""
        index = _MentionIndex(doc, mentions)
        result = CodingResult()
        for sentence_index, sent in enumerate(doc.sents):
            if not any((m := index.by_token.get(t.i)) is not None and m.anchors for t in sent):
                continue  # no actor of known country: nothing this project can place
            self._code_sentence(sent, sentence_index, index, doc_id, published, result)
        result.events[:] = dated_by_next_sentence(result.events, list(doc.sents), published)
        return result

    # -- one sentence ------------------------------------------------------------------

    def _code_sentence(
        self,
        sent: Span,
        sentence_index: int,
        index: _MentionIndex,
        doc_id: str,
        published: dt.date | None,
        result: CodingResult,
    ) -> None:
        consumed: set[int] = set()
        bounds = sentence_bounds(sent)
        pending: list[tuple[Token, _Candidate | str, str]] = []
        for token in sent:
            if (token.pos_ == "VERB" or _is_stance(token)) and (
                token.lemma_.lower() in self.patterns.verbs
            ):
                outcome, rule = self._verb(token, index, consumed)
                if rule:
                    pending.append((token, outcome, rule))
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
                continue
            if token.dep_ == "compound":  # "riot police", "protest movement"
                continue
            lemma = token.lemma_.lower()
            if lemma not in self.patterns.nouns and lemma in EVENT_HEADS:
                lemma = next(  # "a mediation effort between", "a peace mission to"
                    (
                        c.lemma_.lower()
                        for c in token.children
                        if c.dep_ == "compound" and c.lemma_.lower() in self.patterns.nouns
                    ),
                    lemma,
                )
            if lemma in self.patterns.nouns:
                outcome, rule = self._noun(token, index, lemma)
                if rule:
                    pending.append((token, outcome, rule))
        coded = {t.i for t, outcome, _ in pending if isinstance(outcome, _Candidate)}
        for token in sent:
            found = (
                governed_act(self, token, index, coded)
                or reported_demand(self, token, index)
                or alleged_act(self, token, index)
                or noun_demand(self, token, index)
                or labelled_act(self, token, index)
                or stated_blame(self, token, index)
            )
            if found is not None:
                pending.append((token, found, found.rule))
        dates: DateCache = {}
        seen: set[tuple[str, str, str]] = set()
        violent = {t.i for t, o, _ in pending if isinstance(o, _Candidate) and is_violent(o.code)}
        asked = is_question(span_text(sent))
        for trigger, outcome, rule in pending:
            if isinstance(outcome, _Candidate) and outcome_of_attack(trigger, outcome, violent):
                outcome = f"the outcome of the attack coded on {trigger.head.text!r}"
            if isinstance(outcome, _Candidate) and asked:
                outcome = "a question, not a report"
            if isinstance(outcome, str):
                result.rejections.append(Rejection.at(sentence_index, trigger, rule, outcome))
                continue
            if not outcome.recip:  # "a ban on food from A, the 27 EU countries, B and C"
                outcome.targets += listed_after(sent.doc, outcome.targets, index.by_token)
            prospective = is_prospective(outcome.context, outcome.code)
            clause = _clause_verb(trigger)
            event_date, basis, precision = clause_date(
                clause, sent, published, prospective, dates, trigger=trigger
            )
            for source, source_code, target, target_code in pairs(outcome):
                rule_text, code = outcome.rule, outcome.code
                home = home_country(source_code, target_code)
                if home is not None:  # "students" of no known country protesting KENGOV
                    source_code, rule_text = home, rule_text + "/source-from-target"
                if code in PROPERTY_DAMAGE_CODES and protest_crowd(sent.doc, source):
                    code, rule_text = RIOT_CODE, rule_text + "/riot"
                key = (source_code, target_code, code)
                if key in seen:
                    continue
                if source_code.startswith(UNKNOWN_COUNTRY) and target_code.startswith(
                    UNKNOWN_COUNTRY
                ):  # "gunmen kidnapped soldiers": no state's relations are in it
                    rejected = Rejection.at(
                        sentence_index, trigger, rule_text, "no party of known country"
                    )
                    result.rejections.append(rejected)
                    continue
                seen.add(key)
                meta = self.codebook.get(code)
                result.events.append(
                    Event(
                        doc_id=doc_id,
                        sentence_index=sentence_index,
                        start=bounds[0],
                        end=bounds[1],
                        sentence=bounds[2],
                        source=source_code,
                        target=target_code,
                        code=code,
                        root=meta.root,
                        goldstein=meta.goldstein,
                        quad_class=meta.quad_class,
                        event_date=event_date,
                        date_basis=basis,
                        date_precision=precision,
                        rule=rule_text,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger.text),
                        source_text=source.text,
                        target_text=target.text,
                        event_id=make_event_id(
                            doc_id,
                            sentence_index,
                            trigger.idx,
                            source_code,
                            target_code,
                            code,
                        ),
                    )
                )

    # -- verbs -------------------------------------------------------------------------

    def _verb(
        self, verb: Token, index: _MentionIndex, consumed: set[int]
    ) -> tuple[_Candidate | str, str]:
        """The first pattern of this verb that yields events, else the best reason why not."""
        # "was headed to X" is a state of moving, "is heading to X": its subject goes there
        passive = _is_passive(verb) and verb.lemma_.lower() not in STATIVE_PASSIVES
        obj = _patient(verb) if passive else (_up_to_object(verb) or _child(verb, "dobj"))
        particle = _particle(verb)
        first_failure: tuple[str, str] | None = None
        for pattern in self.patterns.verbs[verb.lemma_.lower()]:
            if (particle.lemma_.lower() if particle is not None else None) != pattern.particle:
                continue
            pattern_object = _pattern_object(verb, obj, pattern)
            if pattern.objects and pattern_object is None:
                continue
            if pattern_object is not None:
                consumed.add(pattern_object.i)
            rule = "verb:" + pattern.lemma + (f"_{pattern.particle}" if pattern.particle else "")
            if pattern_object is not None:
                rule += f"+{pattern_object.lemma_.lower()}"
            outcome = self._verb_candidate(
                verb,
                self._refined(pattern, pattern_object),
                pattern_object,
                obj,
                passive,
                index,
                rule,
                consumed,
            )
            if isinstance(outcome, _Candidate):
                return outcome, outcome.rule
            if first_failure is None:
                first_failure = (outcome, rule)
        if first_failure is None:
            return "", ""
        return first_failure

    def _verb_candidate(
        self,
        verb: Token,
        pattern: VerbPattern,
        pattern_object: Token | None,
        obj: Token | None,
        passive: bool,
        index: _MentionIndex,
        rule: str,
        consumed: set[int],
    ) -> _Candidate | str:
        context = context_of(verb)
        if context.reason:
            return context.reason
        code = pattern.code
        mode_flag = next((f for f in ("appeal", "demand") if f in pattern.flags), None)
        threatened = _child(verb, "xcomp") if "threat" in pattern.flags else None
        if threatened is not None and self.act_code(threatened) is not None:
            return f"coded by the threatened act {threatened.text!r}"
        if "that" in pattern.flags and not _states_a_view(verb):
            return "no that-clause"
        if "asked" in pattern.flags and not _asks_for_act(verb):
            return "no act asked for"
        if mode_flag is not None:
            asked = _child(verb, "xcomp") or _child(verb, "ccomp")
            asked_code = self.act_code(asked) if asked is not None else None
            if asked_code is None and obj is not None:  # "demanded the withdrawal of ..."
                asked_code = self.noun_code(obj)
                if asked_code is not None:
                    consumed.add(obj.i)  # asked for, not done
            if asked_code is not None:
                code = map_code(asked_code, mode_flag) or code
        sources = index.of_group(_agent_objects(verb)) if passive else index.subjects_of(verb)
        means: list[Token] = []
        unidentified = False  # the source is the place's unidentified forces
        if not sources and passive and is_violent(code):
            # "nine people were killed in an air strike by X", "... in Israeli tank shelling"
            means, sources = self._means_of_violence(verb, index)
            if sources:
                consumed.update(t.i for t in means)
                means_code = next(
                    (c for t in means if (c := self._violent_noun_code(t)) is not None), None
                )
                if means_code is not None:
                    code, rule = means_code, rule + f"+means:{means[-1].lower_}"
        if not sources and is_violent(code) and self._unattributed(verb, passive, index):
            # "three soldiers were killed in X", "a roadside bomb near X killed two soldiers"
            means = [
                o
                for p in ("in", "during", "by")
                for o in _prep_objects(verb, p)
                if self._violent_noun_code(o) is not None
            ]
            sources = unidentified_forces(verb, obj, means, index)
            unidentified = bool(sources)
            if unidentified:
                rule += "+unidentified"
                consumed.update(t.i for t in means)
                means_code = next((c for t in means if (c := self._violent_noun_code(t))), None)
                if means_code is not None:  # "killed in a suicide car bombing": 1831
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
            o.lemma_.lower() in REACTION_NOUNS for o in _prep_objects(verb, "with")
        ):
            return "met with a reaction, not a meeting"
        if code == "041" and _child(verb, "oprd") is not None:
            return "called X something: naming, not a call"
        targets, slot = _find_targets(pattern.targets, verb, obj, pattern_object, index)
        if unidentified:  # "a journalist was killed in Beirut": a Lebanese one
            targets = placed_victims(targets, sources)
        if code == VETO_CODE:  # "vetoed the resolution": the Security Council too
            targets, slot = vetoed_council(obj, targets), slot or "council"
        if not targets and obj is None:
            # "X met and talked with Y": a verb without an object shares its conjunct's
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not _child(conj, "nsubj"):
                    conj_obj = _child(conj, "dobj")
                    targets, slot = _find_targets(pattern.targets, conj, conj_obj, None, index)
                    if targets:
                        break
        if not targets and code[:2] == "14" and _has_in_protest(verb, *filter(None, [obj])):
            return IN_PROTEST_CODES_IT  # "marched in X in protest at Y"
        if not targets and "loc" in pattern.flags:
            targets, slot = _other_actors(_located(index, verb, obj), sources), "in"
        if not targets and "loc" in pattern.flags and code[:2] == "04" and pattern_object:
            # "attended the Beijing Olympics": the host named on the event
            targets, slot = _other_actors(index.of_phrase(pattern_object), sources), "host"
        if not targets and means:
            targets, slot = _other_actors(_located(index, verb, *means), sources), "in"
        if not targets and is_violent(code):
            targets, slot = violence_targets(verb, obj, index)
        if not targets and code[:2] == "14":
            purpose = self._purpose_targets(verb, index)
            if isinstance(purpose, str):
                return purpose
            targets, slot = purpose, "purpose"
        if not targets and code == "0874" and irregular(sources, [sources[0]]):
            targets, slot = _home_government(sources, index), "home"  # rebels surrendered
        if not targets and (code[:2] == "14" or code == "082") and context.mode == "act":
            targets, slot = _home_government(sources, index), "home"
        if (
            not targets
            and obj is None
            and _takes_place_target(code)
            and _distinct_codes(sources) < 2
        ):
            targets, slot = _located(index, verb, obj), "in"  # "X will meet in Geneva"
        if (
            code == "190"
            and verb.lemma_.lower() in KILLING_VERBS
            and not unidentified  # not known to be irregulars
            and irregular(sources, targets)
        ):
            code, rule = "180", rule + "/irregular"
        sense = force_sense(verb, obj, code)  # "fighting X's policies", "fired in a drill"
        code, rule = (sense[0], rule + sense[1]) if sense else (code, rule)
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
            targets, slot = _other_actors(condition_subjects(verb, index), sources), "condition"
        if not targets:
            if "recip" in pattern.flags and _distinct_codes(sources) >= 2:
                return _Candidate(mapped, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the verb"
        if "giver" in pattern.flags:  # "X received arms from Y": Y provides them to X
            sources, targets, rule = targets, sources, rule + "/giver"
        return _Candidate(
            mapped, f"{rule}+{slot}", sources, targets, False, context, "mutual" in pattern.flags
        )

    def _means_of_violence(
        self, verb: Token, index: _MentionIndex
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
                    and following.lower_ in self.patterns.nouns
                ):
                    means.append(following)
                if not any(self._violent_noun_code(t) is not None for t in means):
                    continue
                actors = index.of_group(
                    [o for t in means for o in _agent_objects(t) + _prep_objects(t, "by")]
                ) or index.of_phrase(noun)
                if actors:
                    return means, actors
        return [], []

    def _unattributed(self, verb: Token, passive: bool, index: _MentionIndex) -> bool:
        """Violence with no perpetrator in the sentence: an agentless passive, or a means of
        violence as the subject ("a car bomb killed ...") that names no actor."""
        doers = _agent_objects(verb) if passive else _subjects(verb)
        if passive and not doers:
            return True
        return bool(doers) and all(
            not index.of_phrase(d)
            and (self._violent_noun_code(d) is not None or d.lemma_.lower() in WEAPON_NOUNS)
            for d in doers
        )

    def _violent_noun_code(self, noun: Token) -> str | None:
        lemma = noun.lemma_.lower() if noun.pos_ != "VERB" else noun.lower_
        for noun_pattern in self.patterns.nouns.get(lemma, []):
            if is_violent(noun_pattern.code) and _has_modifier(noun, noun_pattern):
                return noun_pattern.code
        return None

    def _refined(self, pattern: VerbPattern, pattern_object: Token | None) -> VerbPattern:
        """A modifier-specific noun pattern of the same root wins ("provided military aid")."""
        if pattern_object is None:
            return pattern
        for noun_pattern in self.patterns.nouns.get(pattern_object.lemma_.lower(), []):
            if not noun_pattern.modifiers or not _has_modifier(pattern_object, noun_pattern):
                continue
            if noun_pattern.code[:2] == pattern.code[:2]:
                return replace(pattern, code=noun_pattern.code)
            if pattern.code[:2] == "03":  # "offered military support" -> 0332
                intent = map_code(noun_pattern.code, "intent")
                if intent is not None and intent[:2] == "03":
                    return replace(pattern, code=intent)
        return pattern

    def act_code(self, verb: Token) -> str | None:
        """The code a verb (with its object) would have as a plain act, ignoring actors."""
        particle = _particle(verb)
        obj = _patient(verb) if _is_passive(verb) else (_up_to_object(verb) or _child(verb, "dobj"))
        for pattern in self.patterns.verbs.get(verb.lemma_.lower(), []):
            if (particle.lemma_.lower() if particle is not None else None) != pattern.particle:
                continue
            if pattern.objects and _pattern_object(verb, obj, pattern) is None:
                continue
            return pattern.code
        if obj is not None and verb.lemma_.lower() in LIGHT_VERBS:
            for noun_pattern in self.patterns.nouns.get(obj.lemma_.lower(), []):
                if _has_modifier(obj, noun_pattern):
                    return noun_pattern.code
        return None

    def noun_code(self, noun: Token) -> str | None:
        """The code an event noun has as a plain act ("withdrawal" -> 087), ignoring actors."""
        for noun_pattern in self.patterns.nouns.get(noun.lemma_.lower(), []):
            if _has_modifier(noun, noun_pattern):
                return noun_pattern.code
        return None

    def _purpose_targets(self, holder: Token, index: _MentionIndex) -> list[Mention] | str:
        """Targets of a protest from its purpose clause: "went on strike to demand that X ...".

        A purpose clause that is itself a protest ("a strike to protest X's decision") codes
        the event; the trigger then yields a reason instead of a second event."""
        for clause in holder.children:
            if clause.dep_ not in ("advcl", "xcomp") or not _is_purpose(clause):
                continue
            patterns = self.patterns.verbs.get(clause.lemma_.lower(), [])
            if any(p.code[:2] == "14" for p in patterns):
                return f"coded by its purpose clause {clause.text!r}"
            return _act_targets(clause, index)
        return []

    # -- nouns -------------------------------------------------------------------------

    def _asks(self, verb: Token) -> bool:
        """The verb appeals for or demands its object ("urge", "demand", "seek")."""
        patterns = self.patterns.verbs.get(verb.lemma_.lower(), ())
        return verb.pos_ == "VERB" and any({"appeal", "demand"} & p.flags for p in patterns)

    def _noun(self, noun: Token, index: _MentionIndex, lemma: str) -> tuple[_Candidate | str, str]:
        light = _light_verb(noun)
        first_failure: tuple[str, str] | None = None
        for pattern in self.patterns.nouns[lemma]:
            if not _has_modifier(noun, pattern):
                continue
            rule = pattern.rule
            outcome = self._noun_candidate(noun, light, pattern, index, rule)
            if isinstance(outcome, _Candidate):
                return outcome, outcome.rule
            if first_failure is None:
                first_failure = (outcome, rule)
        return first_failure or ("", "")

    def _noun_candidate(
        self,
        noun: Token,
        light: Token | None,
        pattern: NounPattern,
        index: _MentionIndex,
        rule: str,
    ) -> _Candidate | str:
        context = Context("act")
        sources: list[Mention] = []
        hypothetical = possibility_of(noun)
        if hypothetical:
            return hypothetical
        if is_violent(pattern.code) and figurative(noun):
            return "figurative: a war or attack of trade, words or ideas"
        if light is None and "light" in pattern.flags:
            return "a standing relation, not an act: no verb makes it"
        if light is not None:
            context = context_of(light)
            if context.reason:
                return context.reason
            if _is_passive(light):
                sources = index.of_group(_agent_objects(light))
            else:
                sources = index.subjects_of(light)
        elif noun.dep_ in SUBJECT_DEPS and is_negated(noun.head):
            return f"negated ({noun.head.text!r})"
        elif noun.dep_ == "dobj" and self._asks(noun.head):  # "to urge the withdrawal of X"
            return f"asked for by {noun.head.text!r}, not done"
        by_objects = _agent_objects(noun) + _prep_objects(noun, "by")
        if not sources:  # "the visit by X", "an air strike by X", "X's talks"
            sources = index.of_group(by_objects) or index.of_phrase(noun)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPS:
            sources = index.subjects_of(noun.head.head)  # "After talks with X, Y said ..."
        if not sources and "mover" in pattern.flags:  # "the withdrawal of US troops"
            sources = index.of_group(_prep_objects(noun, "of"))
        if not sources and light is None:
            sources = _manner_sources(noun, index, pattern.code)
        reacted_to: list[Mention] = []  # "prompting condemnation from X": X reacts
        if not sources and pattern.code[:2] in REACTION_ROOTS:
            sources, reacted_to = reaction_parties(noun, index)
        if "civil" in pattern.flags and not _civilian(sources):
            return "not a civilian group"
        between = _prep_objects(noun, "between") + (
            _prep_objects(light, "between") if light is not None else []
        )
        if between and any(s.slot == "between" for s in pattern.targets):
            members = index.of_group(between)
            code = map_code(pattern.code, context.mode)
            if code is None:
                return f"no CAMEO code for {context.mode} of {pattern.code}"
            if "recip" not in pattern.flags and sources and members:
                # a mediator acts on each party: "X's mediation between Y and Z"
                return _Candidate(code, f"{rule}+between", sources, members, False, context)
            if _distinct_codes(members) >= 2:
                return _Candidate(code, f"{rule}+between", members, [], True, context)
        targets: list[Mention] = []
        slot = ""
        for target in pattern.targets:
            if target.slot == "between" or not target.is_prep:
                continue
            objects = _prep_objects(noun, target.slot, target.heads)
            if light is not None and not objects:
                objects = _prep_objects(light, target.slot, target.heads)
            if not objects:  # "the visit by X to Y", parsed with "to Y" on X
                objects = [o for b in by_objects for o in _prep_objects(b, target.slot)]
            if not objects and "mover" in pattern.flags:  # "the withdrawal of X from Y"
                movers = _prep_objects(noun, "of")
                objects = [o for m in movers for o in _prep_objects(m, target.slot)]
            targets = index.of_group(objects) or index.of_group(
                [o for n in objects if n.pos_ == "NOUN" for o in _owner_objects(n)]
            )  # "a protest against violations by X"
            if targets:
                slot = target.slot
                break
        if not targets and reacted_to:
            targets, slot = _other_actors(reacted_to, sources), "prompted"
        if not targets and _in_protest(noun):
            targets, slot = index.of_group(_protested(noun)), "in-protest"
        if not targets and light is None:  # "X engaged Y in a firefight"
            engaged = _engaged_object(noun)
            if engaged is not None:
                targets, slot = index.of_group([engaged]), "engaged"
        if not targets and pattern.code[:2] == "14" and _has_in_protest(light or noun.head, noun):
            return IN_PROTEST_CODES_IT  # "a hunger strike in protest of X", "a rally ... at X"
        if not targets and "loc" in pattern.flags:
            targets, slot = _other_actors(_located(index, noun, light), sources), "in"
        if not targets and pattern.code[:2] == "14":
            purpose = self._purpose_targets(light or noun.head, index)
            if isinstance(purpose, str):
                return purpose
            targets, slot = purpose, "purpose"
        if not targets and pattern.code[:2] == "14" and context.mode == "act":
            targets, slot = _home_government(sources, index), "home"
        code = map_code(pattern.code, context.mode)
        if code is None:
            return context.negation or f"no CAMEO code for {context.mode} of {pattern.code}"
        if context.mode != "act":
            rule += f"/{context.mode}"
        if not targets and code[:2] == "13":  # "threatened to hold a strike unless X ..."
            targets = _other_actors(condition_subjects(light or noun.head, index), sources)
            slot = "condition"
        if not sources:
            return "no source actor linked to the noun"
        if not targets:
            if "recip" in pattern.flags and _distinct_codes(sources) >= 2:
                return _Candidate(code, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the noun"
        return _Candidate(
            code, f"{rule}+{slot}", sources, targets, False, context, "mutual" in pattern.flags
        )


def _civilian(sources: Sequence[Mention]) -> bool:
    """Every source is a group of society: students, workers, farmers, the opposition ..."""
    codes = [code for source in sources for code in source.codes]
    return bool(codes) and all(code[3:6] in CIVILIAN_SECTORS for code in codes)


def _other_actors(targets: list[Mention], sources: Sequence[Mention]) -> list[Mention]:
    """Targets that are not just the sources again: protesters "in" their own country take
    their government as the target instead."""
    own = {code for source in sources for code in source.codes}
    return [t for t in targets if not set(t.codes) <= own]


CIVILIAN_SECTORS = DOMESTIC_SECTORS | {"BUS", "MED"}
# an event noun in one of these phrases is the act of the clause's subject: "After a meeting
# with X in Tokyo, Y called for ...", "on a visit to X, Y said ..."
SETTING_PREPS = frozenset({"after", "before", "during", "following", "on", "at"})
# a protest act with an "in protest of/at X" phrase is coded once, through the phrase; checked
# before the act's place, which would otherwise make its own country the target
IN_PROTEST_CODES_IT = "coded by its 'in protest' phrase"
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
    subjects = _subjects(verb)
    if not subjects or any(s.lemma_.lower() not in FORCE_HEADS for s in subjects):
        return ""
    words = {t.lemma_.lower() for s in subjects for t in s.subtree}
    if words & PEACEKEEPING_WORDS:
        return "peacekeepers"
    if words & (FORCE_HEADS - {"deployment", "patch", "batch", "convoy", "unit"}):
        return "troops"
    return ""


def _takes_place_target(code: str) -> bool:
    """Meetings, visits and violence with no other target take the place where they happen
    (PETRARCH's convention); phone calls do not."""
    return code[:2] in ("04", "18", "19", "20") and code != "041"


def _states_a_view(verb: Token) -> bool:
    """ "X and Y agreed that ...": a finite that-clause, not an act to do ("agreed to ...")."""
    clause = _child(verb, "ccomp")
    return clause is not None and _child(verb, "xcomp") is None and not is_infinitive(clause)


def _asks_for_act(verb: Token) -> bool:
    """ "wants Y to <act>": an xcomp, or an infinitival clause with its own subject."""
    if _child(verb, "xcomp") is not None:
        return True
    clause = _child(verb, "ccomp")
    return clause is not None and is_infinitive(clause)


def _manner_sources(noun: Token, index: _MentionIndex, code: str) -> list[Mention]:
    """ "X staged a strike in protest against Y": a noun under "in" on a clause (or on that
    clause's object) is the act of the clause's subject; so is fighting "after/during"
    which a clause happened ("X retook the town after fighting with Y")."""
    prep = noun.head
    preps: tuple[str, ...] = ("in",)
    if code[:2] in ("19", "20"):
        preps = ("in", "after", "during", "following")
    elif code[:2] == "04":  # "X held talks with Y during a visit to Z"
        preps = ("during", "on")
    if noun.dep_ != "pobj" or prep.lower_ not in preps:
        return []
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "nsubjpass"):
        holder = holder.head
    if holder.pos_ not in ("VERB", "AUX") or _is_passive(holder):
        return []  # "X were wounded in an ambush": X suffered it
    return index.subjects_of(holder)


ENGAGE_VERBS = frozenset({"engage"})


def _engaged_object(noun: Token) -> Token | None:
    """The object of "engage" when the noun is what it was engaged in: "rebels engaged
    the peacekeepers in a firefight" -> the peacekeepers."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in ENGAGE_VERBS:
        return None
    return _child(prep.head, "dobj")
