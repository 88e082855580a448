"""Finding triggers: the words of a sentence that carry an event, each with its outcome.

The first stage of coding a sentence. `TriggerFinder.find` walks the sentence three times:
verbs that a verb pattern knows (``verb_acts``), then event nouns that a noun pattern knows
and no verb pattern took as its object (``noun_acts``), then the acts that only the verb
governing them carries ("agreed to <act>", "said Y must ...", "called X a provocation":
``governed``; "said Y's move was reckless": ``quoted``). Each trigger yields a `Candidate`
(sources, targets, code, context) or the reason it was rejected; ``recording`` turns them
into events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripolar.events.arguments import Candidate, MentionIndex
from tripolar.events.comments import optimistic_outlook, praised_meeting
from tripolar.events.denials import answered_charge
from tripolar.events.dictionary_verbs import reversed_candidate
from tripolar.events.governed import (
    alleged_act,
    governed_act,
    labelled_act,
    noun_demand,
    reported_demand,
    requested_meeting,
    sent_envoy,
)
from tripolar.events.grammar import EVENT_HEADS, is_stance
from tripolar.events.lexicon import ActLexicon
from tripolar.events.lists import listed_after
from tripolar.events.noun_acts import NounActs
from tripolar.events.quoted import reported_blame
from tripolar.events.verb_acts import VerbActs

Trigger = tuple[Token, Candidate | str, str]
"""A trigger token, its candidate (or the reason it was rejected), and the rule that fired."""


class TriggerFinder:
    """The triggers of a sentence, read with the patterns of an `ActLexicon`."""

    def __init__(self, lexicon: ActLexicon) -> None:
        self.lexicon = lexicon
        self.verb_acts = VerbActs(lexicon)
        self.noun_acts = NounActs(lexicon)

    def find(self, sent: Span, index: MentionIndex) -> list[Trigger]:
        """Every trigger of the sentence: verbs, then nouns, then governed acts."""
        patterns = self.lexicon.patterns
        consumed: set[int] = set()
        pending: list[Trigger] = []
        for token in sent:
            if (token.pos_ == "VERB" or is_stance(token)) and (
                patterns.verb_patterns(token.lower_, token.lemma_.lower())
            ):
                outcome, rule = self.verb_acts.code(token, index, consumed)
                if rule:
                    pending.append((token, outcome, rule))
                    other = reversed_candidate(outcome) if isinstance(outcome, Candidate) else None
                    if other is not None:  # "[a:b]": the event the other way
                        pending.append((token, other, other.rule))
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
                continue
            if token.dep_ == "compound":  # "riot police", "protest movement"
                continue
            lemma = token.lemma_.lower()
            if lemma not in patterns.nouns and lemma in EVENT_HEADS:
                lemma = next(  # "a mediation effort between", "a peace mission to"
                    (
                        c.lemma_.lower()
                        for c in token.children
                        if c.dep_ == "compound" and c.lemma_.lower() in patterns.nouns
                    ),
                    lemma,
                )
            if lemma in patterns.nouns:
                outcome, rule = self.noun_acts.code(token, index, lemma)
                if rule:
                    pending.append((token, outcome, rule))
                praised = (
                    praised_meeting(token, outcome)
                    if rule and isinstance(outcome, Candidate)
                    else None
                )
                if praised is not None:  # "the talks with X were productive"
                    pending.append((token, praised, praised.rule))
        coded = {t.i for t, outcome, _ in pending if isinstance(outcome, Candidate)}
        lexicon = self.lexicon
        for token in sent:
            found = (
                governed_act(lexicon, token, index, coded)
                or reported_demand(lexicon, token, index)
                or alleged_act(lexicon, token, index)
                or noun_demand(lexicon, token, index)
                or labelled_act(lexicon, token, index)
                or requested_meeting(lexicon, token, index)
                or answered_charge(token, index, coded)
                or (sent_envoy(token, index) if token.i not in coded else None)
                or optimistic_outlook(token, index)
            )
            if found is not None:
                pending.append((token, found, found.rule))
                coded.add(token.i)
        for token in sent:
            # a speaker's words of blame, unless what was said holds an act coded above
            # ("X said Y attacked Z"); a clause whose predicate blames is read there too
            if token.i not in coded:
                blame = reported_blame(lexicon, token, index, coded)
                if blame is not None:
                    pending.append((token, blame, blame.rule))
        for _, outcome, _ in pending:
            if isinstance(outcome, Candidate) and not outcome.recip:
                # "a ban on food from A, the 27 EU countries, B and C": a list torn apart;
                # a member of the sources' own country is the other side of no event
                own = {code[:3] for m in outcome.sources for code in m.codes}
                outcome.targets += [
                    m
                    for m in listed_after(sent.doc, outcome.targets, index.by_token)
                    if not {code[:3] for code in m.codes} & own
                ]
        return pending
