"""What the verb and noun patterns say about a word, whoever the actors are.

`ActLexicon` wraps the `PatternSet`: the code a verb or an event noun has as a plain act
(`act_code`, `noun_code`), whether a noun names violence (`violent_noun_code`), the
modifier-specific code of a verb's object (`refined`), whether a verb asks for its object
(`asks`), and the targets of a protest's purpose clause (`purpose_targets`). The trigger
stages (`verb_acts`, `noun_acts`) and the governed-act rules (`governed`) consult it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tripolar.events.arguments import MentionIndex
from tripolar.events.grammar import (
    LIGHT_VERBS,
    direct_object,
    find_pattern_object,
    has_pattern_modifier,
    is_passive,
    is_purpose_clause,
    passive_patient,
    verb_particle,
)
from tripolar.events.modality import map_code
from tripolar.events.patterns import PatternSet, VerbPattern, VerbSite, match_verb
from tripolar.events.targets import act_targets
from tripolar.events.violence import is_violent
from tripolar.model import Mention


class ActLexicon:
    """The built-in (or given) patterns, read word by word."""

    def __init__(self, patterns: PatternSet) -> None:
        self.patterns = patterns

    def act_code(self, verb: Token) -> str | None:
        """The code a verb (with its object) would have as a plain act, ignoring actors."""
        particle = verb_particle(verb)
        obj = passive_patient(verb) if is_passive(verb) else direct_object(verb)
        particle_lemma = particle.lemma_.lower() if particle is not None else None
        patterns = self.patterns.verb_index(verb.lower_, verb.lemma_.lower())
        site = VerbSite.of(verb) if patterns.with_words else None  # read once for all
        for pattern in patterns.select(verb, site.words if site is not None else frozenset()):
            match = match_verb(
                verb,
                pattern,
                particle=particle_lemma,
                object_of=lambda p: find_pattern_object(verb, obj, p),
                site=site,
            )
            if match is not None and not pattern.codes_nothing:
                return pattern.code
        if obj is not None and verb.lemma_.lower() in LIGHT_VERBS:
            for noun_pattern in self.patterns.nouns.get(obj.lemma_.lower(), []):
                if has_pattern_modifier(obj, noun_pattern):
                    return noun_pattern.code
        return None

    def noun_code(self, noun: Token) -> str | None:
        """The code an event noun has as a plain act ("withdrawal" -> 087), ignoring actors."""
        for noun_pattern in self.patterns.nouns.get(noun.lemma_.lower(), []):
            if has_pattern_modifier(noun, noun_pattern):
                return noun_pattern.code
        return None

    def violent_noun_code(self, noun: Token) -> str | None:
        lemma = noun.lemma_.lower() if noun.pos_ != "VERB" else noun.lower_
        for noun_pattern in self.patterns.nouns.get(lemma, []):
            if is_violent(noun_pattern.code) and has_pattern_modifier(noun, noun_pattern):
                return noun_pattern.code
        return None

    def refined(self, pattern: VerbPattern, pattern_object: Token | None) -> VerbPattern:
        """A modifier-specific noun pattern of the same root wins ("provided military aid")."""
        if pattern_object is None:
            return pattern
        for noun_pattern in self.patterns.nouns.get(pattern_object.lemma_.lower(), []):
            if not noun_pattern.modifiers or not has_pattern_modifier(pattern_object, noun_pattern):
                continue
            if noun_pattern.code[:2] == pattern.code[:2]:
                return replace(pattern, code=noun_pattern.code)
            if pattern.code[:2] == "03":  # "offered military support" -> 0332
                intent = map_code(noun_pattern.code, "intent")
                if intent is not None and intent[:2] == "03":
                    return replace(pattern, code=intent)
        return pattern

    def asks(self, verb: Token) -> bool:
        """The verb appeals for or demands its object ("urge", "demand", "seek")."""
        patterns = self.patterns.verbs.get(verb.lemma_.lower(), ())
        return verb.pos_ == "VERB" and any({"appeal", "demand"} & p.flags for p in patterns)

    def purpose_targets(self, holder: Token, index: MentionIndex) -> list[Mention] | str:
        """Targets of a protest from its purpose clause: "went on strike to demand that X ...".

        A purpose clause that is itself a protest ("a strike to protest X's decision") codes
        the event; the trigger then yields a reason instead of a second event."""
        for clause in holder.children:
            if clause.dep_ not in ("advcl", "xcomp") or not is_purpose_clause(clause):
                continue
            patterns = self.patterns.verbs.get(clause.lemma_.lower(), [])
            if any(p.code[:2] == "14" for p in patterns):
                return f"coded by its purpose clause {clause.text!r}"
            return act_targets(clause, index)
        return []
