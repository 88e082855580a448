"""The event coder: verb and noun patterns over the dependency parse -> CAMEO events.

An event needs a source, a trigger and a target linked by the parse. Sources are
subjects (or the "by" agent of a passive); targets are direct objects or objects of the
pattern's own prepositions, so actors in locative phrases ("in Moscow") never become
targets. Coordination, compound actors and reciprocal patterns give several events.

`EventCoder` runs the stages over each sentence that names an actor of known country:

1. ``triggers``: find the verbs and nouns a pattern knows, and the governed acts; for each,
   ``verb_acts`` / ``noun_acts`` / ``governed`` choose the code, reading
   - the actors through ``arguments`` (`MentionIndex`, target slots, places),
   - the parse through ``grammar`` (subjects, objects, passives, light verbs),
   - the context through ``modality`` (negation, modality, reported speech, conditions),
   - the patterns through ``lexicon`` (`ActLexicon`);
2. ``recording``: date each event (``dates``), pair sources with targets (``sides``) and
   record the events, or the rejections with their reasons;
3. ``story_dates``: an event its sentence leaves undated takes the date its story gives the
   same act, or the story's news day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tripolar.events.arguments import Candidate, MentionIndex
from tripolar.events.codebook import Codebook
from tripolar.events.denials import story_denials
from tripolar.events.lexicon import ActLexicon
from tripolar.events.patterns import PatternSet
from tripolar.events.recording import CodingResult, Rejection, record_events
from tripolar.events.story_dates import date_story, dated_by_next_sentence
from tripolar.events.triggers import TriggerFinder
from tripolar.model import Event, Mention

__all__ = ["CodingResult", "EventCoder", "Rejection"]

# statements and appeals: no "move" of anyone
STATEMENT_ROOTS = frozenset({"01", "02"})
# demands, disapproval, rejections, threats and protests: reactions to someone's move
REACTION_ROOTS = frozenset({"10", "11", "12", "13", "14"})


def prior_actors(candidates: list[Candidate]) -> list[Mention]:
    """Whose "move" a sentence told, for a reaction in the next ("... has also criticized the
    move"): the doers of its acts, else the targets of its reactions ("X condemned Y's
    drilling": Y)."""
    done = [
        m
        for c in candidates
        if c.code[:2] not in STATEMENT_ROOTS | REACTION_ROOTS
        for m in c.sources
    ]
    return done or [m for c in candidates if c.code[:2] in REACTION_ROOTS for m in c.targets]


class EventCoder:
    """Codes CAMEO events in parsed documents with the built-in (or given) patterns."""

    def __init__(self, codebook: Codebook, patterns: PatternSet | None = None) -> None:
        self.codebook = codebook
        self.patterns = patterns if patterns is not None else PatternSet.load(codebook)
        self.lexicon = ActLexicon(self.patterns)
        self.triggers = TriggerFinder(self.lexicon)

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
        index = MentionIndex(doc, mentions)
        index.story.noun_code = self.lexicon.noun_code
        result = CodingResult()
        for sentence_index, sent in enumerate(doc.sents):
            if not any((m := index.by_token.get(t.i)) is not None and m.anchors for t in sent):
                continue  # no actor of known country: nothing this project can place
            triggers = self.triggers.find(sent, index)
            coded = {t.i for t, outcome, _ in triggers if isinstance(outcome, Candidate)}
            triggers += story_denials(sent, index, result.events, coded)
            record_events(sent, sentence_index, triggers, self.codebook, doc_id, published, result)
            acts = [(t, o) for t, o, _ in triggers if isinstance(o, Candidate)]
            for token, act in acts:
                joint = act.recip or act.mutual
                index.story.note(
                    sentence_index, token, act.code, act.sources, act.targets, joint=joint
                )
            candidates = [act for _, act in acts]
            actors = prior_actors(candidates)
            # who acted: the sources of its events, else who its main clause is about
            index.prior_sources = [m for c in candidates for m in c.sources] or (
                index.subjects_of(sent.root)
            )
            index.prior_sources_end = sent.end
            if actors:
                index.prior_actors, index.prior_sentence = actors, sentence_index
        result.events[:] = dated_by_next_sentence(result.events, list(doc.sents), published)
        result.events[:] = date_story(result.events, doc, index, self.lexicon, published)
        return result

    def act_code(self, verb: Token) -> str | None:
        """The code a verb (with its object) would have as a plain act, ignoring actors."""
        return self.lexicon.act_code(verb)

    def noun_code(self, noun: Token) -> str | None:
        """The code an event noun has as a plain act ("withdrawal" -> 087), ignoring actors."""
        return self.lexicon.noun_code(noun)
