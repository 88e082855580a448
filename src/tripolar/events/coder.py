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
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from tripolar.events.codebook import Codebook
from tripolar.events.dates import resolve_event_date
from tripolar.events.modality import (
    APPEAL_GOVERNORS,
    DEMAND_GOVERNORS,
    Context,
    context_of,
    is_negated,
    map_code,
)
from tripolar.events.patterns import NounPattern, PatternSet, TargetSlot, VerbPattern
from tripolar.model import Event, EventDateBasis, Mention

ACTOR_MODIFIERS = ("poss", "compound", "amod", "nmod", "appos")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_TAGS = ("WDT", "WP", "WP$")
# fmt: off
LIGHT_VERBS = frozenset({
    "hold", "have", "pay", "make", "conduct", "stage", "carry", "begin", "start", "launch",
    "open", "conclude", "reach", "seal", "host", "attend", "join", "form", "forge", "announce",
    "complete", "finish", "resume", "continue", "give", "provide", "send", "extend", "lodge",
    "file", "impose", "sign", "ink", "enter", "wrap",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Rejection:
    """A trigger that matched a pattern but was not coded, and why (for explanations)."""

    sentence_index: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class CodingResult:
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    """What one trigger yields before it becomes events."""

    code: str
    rule: str
    sources: list[Mention]
    targets: list[Mention]
    recip: bool
    context: Context


class _MentionIndex:
    """Mentions located on the tokens of one Doc."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_head: dict[int, Mention] = {}
        self.by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
                if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
                    self.by_head.setdefault(token.i, mention)

    def of_phrase(self, head: Token, *, head_only: bool = False) -> list[Mention]:
        """Actors a noun phrase stands for: its head, else a modifier of its head."""
        found = self.by_head.get(head.i) or self.by_token.get(head.i)
        if found is not None:
            return [found]
        if head_only:
            return []
        for dep in ACTOR_MODIFIERS:
            for child in head.children:
                if child.dep_ != dep:
                    continue
                mentions = [
                    m for t in _conjuncts(child) if (m := self.by_head.get(t.i)) is not None
                ]
                if mentions:
                    return _unique(mentions)
        return []

    def of_group(self, tokens: Iterable[Token], *, head_only: bool = False) -> list[Mention]:
        return _unique(
            m for t in tokens for c in _conjuncts(t) for m in self.of_phrase(c, head_only=head_only)
        )


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
            if not any(t.i in index.by_token for t in sent):
                continue
            self._code_sentence(sent, sentence_index, index, doc_id, published, result)
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
        pending: list[tuple[Token, _Candidate | str, str]] = []
        for token in sent:
            if token.pos_ == "VERB" and token.lemma_.lower() in self.patterns.verbs:
                outcome, rule = self._verb(token, index, consumed)
                if rule:
                    pending.append((token, outcome, rule))
        for token in sent:
            if (
                token.pos_ in ("NOUN", "PROPN")
                and token.i not in consumed
                and token.lemma_.lower() in self.patterns.nouns
            ):
                outcome, rule = self._noun(token, index)
                if rule:
                    pending.append((token, outcome, rule))
        event_date: dt.date | None = None
        basis: EventDateBasis = "none"
        if pending:
            event_date, basis = resolve_event_date(sent.text, published)
        seen: set[tuple[str, str, str]] = set()
        for trigger, outcome, rule in pending:
            if isinstance(outcome, str):
                result.rejections.append(
                    Rejection(
                        sentence_index,
                        trigger.text,
                        trigger.idx,
                        trigger.idx + len(trigger.text),
                        rule,
                        outcome,
                    )
                )
                continue
            for source, source_code, target, target_code in _pairs(outcome):
                key = (source_code, target_code, outcome.code)
                if key in seen:
                    continue
                seen.add(key)
                meta = self.codebook.get(outcome.code)
                result.events.append(
                    Event(
                        doc_id=doc_id,
                        sentence_index=sentence_index,
                        start=sent.start_char,
                        end=sent.end_char,
                        sentence=sent.text,
                        source=source_code,
                        target=target_code,
                        code=outcome.code,
                        root=meta.root,
                        goldstein=meta.goldstein,
                        quad_class=meta.quad_class,
                        event_date=event_date,
                        date_basis=basis,
                        rule=outcome.rule,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger.text),
                        source_text=source.text,
                        target_text=target.text,
                        event_id=_event_id(
                            doc_id,
                            sentence_index,
                            trigger.idx,
                            source_code,
                            target_code,
                            outcome.code,
                        ),
                    )
                )

    # -- verbs -------------------------------------------------------------------------

    def _verb(
        self, verb: Token, index: _MentionIndex, consumed: set[int]
    ) -> tuple[_Candidate | str, str]:
        """The first pattern of this verb that yields events, else the best reason why not."""
        passive = _is_passive(verb)
        obj = _patient(verb) if passive else _child(verb, "dobj")
        particle = _child(verb, "prt")
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
    ) -> _Candidate | str:
        context = context_of(verb)
        if context.reason:
            return context.reason
        code = pattern.code
        mode_flag = next((f for f in ("appeal", "demand") if f in pattern.flags), None)
        if mode_flag is not None:
            asked = _child(verb, "xcomp") or _child(verb, "ccomp")
            asked_code = self.act_code(asked) if asked is not None else None
            if asked_code is not None:
                code = map_code(asked_code, mode_flag) or code
        if passive:
            sources = index.of_group(_agent_objects(verb))
        else:
            sources = index.of_group(_subjects(verb))
        if not sources:
            return "no source actor linked to the verb"
        targets, slot = _find_targets(pattern.targets, verb, obj, pattern_object, index)
        if not targets and obj is None:
            # "X met and talked with Y": a verb without an object shares its conjunct's
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not _child(conj, "nsubj"):
                    conj_obj = _child(conj, "dobj")
                    targets, slot = _find_targets(pattern.targets, conj, conj_obj, None, index)
                    if targets:
                        break
        mapped = map_code(code, context.mode)
        if mapped is None:
            return f"no CAMEO code for {context.mode} of {code}"
        if context.mode != "act":
            rule += f"/{context.mode}"
        if not targets:
            if "recip" in pattern.flags and _distinct_codes(sources) >= 2:
                return _Candidate(mapped, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the verb"
        return _Candidate(mapped, f"{rule}+{slot}", sources, targets, False, context)

    def _refined(self, pattern: VerbPattern, pattern_object: Token | None) -> VerbPattern:
        """A modifier-specific noun pattern of the same root wins ("provided military aid")."""
        if pattern_object is None:
            return pattern
        for noun_pattern in self.patterns.nouns.get(pattern_object.lemma_.lower(), []):
            if (
                noun_pattern.modifiers
                and noun_pattern.code[:2] == pattern.code[:2]
                and _has_modifier(pattern_object, noun_pattern)
            ):
                return replace(pattern, code=noun_pattern.code)
        return pattern

    def act_code(self, verb: Token) -> str | None:
        """The code a verb (with its object) would have as a plain act, ignoring actors."""
        particle = _child(verb, "prt")
        obj = _patient(verb) if _is_passive(verb) else _child(verb, "dobj")
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

    # -- nouns -------------------------------------------------------------------------

    def _noun(self, noun: Token, index: _MentionIndex) -> tuple[_Candidate | str, str]:
        light = noun.head if _is_light_object(noun) else None
        first_failure: tuple[str, str] | None = None
        for pattern in self.patterns.nouns[noun.lemma_.lower()]:
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
        if light is not None:
            context = context_of(light)
            if context.reason:
                return context.reason
            agents = _agent_objects(light) if _is_passive(light) else _subjects(light)
            sources = index.of_group(agents)
        elif noun.dep_ in SUBJECT_DEPS and is_negated(noun.head):
            return f"negated ({noun.head.text!r})"
        if not sources:
            sources = index.of_group(_agent_objects(noun)) or index.of_phrase(noun)
        between = _prep_objects(noun, "between") + (
            _prep_objects(light, "between") if light is not None else []
        )
        if between and any(s.slot == "between" for s in pattern.targets):
            members = index.of_group(between)
            if _distinct_codes(members) >= 2:
                code = map_code(pattern.code, context.mode)
                if code is None:
                    return f"no CAMEO code for {context.mode} of {pattern.code}"
                return _Candidate(code, f"{rule}+between", members, [], True, context)
        targets: list[Mention] = []
        slot = ""
        for target in pattern.targets:
            if target.slot == "between" or not target.is_prep:
                continue
            objects = _prep_objects(noun, target.slot, target.heads)
            if light is not None and not objects:
                objects = _prep_objects(light, target.slot, target.heads)
            targets = index.of_group(objects)
            if targets:
                slot = target.slot
                break
        code = map_code(pattern.code, context.mode)
        if code is None:
            return f"no CAMEO code for {context.mode} of {pattern.code}"
        if context.mode != "act":
            rule += f"/{context.mode}"
        if not sources:
            return "no source actor linked to the noun"
        if not targets:
            if "recip" in pattern.flags and _distinct_codes(sources) >= 2:
                return _Candidate(code, f"{rule}+recip", sources, [], True, context)
            return "no target actor linked to the noun"
        return _Candidate(code, f"{rule}+{slot}", sources, targets, False, context)


# -- syntax helpers ----------------------------------------------------------------------


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("China and Russia")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _patient(verb: Token) -> Token | None:
    """The passive subject: "Russia was sanctioned", "sanctions imposed on Russia"."""
    subject = _child(verb, "nsubjpass")
    if subject is not None:
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return None


def _agent_objects(token: Token) -> list[Token]:
    return [
        obj
        for agent in token.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
    ]


def _subjects(verb: Token) -> list[Token]:
    """Subject heads of an active verb, following coordination, control and relative clauses."""
    for _ in range(5):
        subject = _child(verb, "nsubj") or _child(verb, "nsubjpass")
        if subject is not None:
            if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                return [verb.head]
            return [subject]
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            verb = head
        elif verb.dep_ == "xcomp":
            controller = _child(head, "dobj")
            if (
                controller is not None
                and head.lemma_.lower() in APPEAL_GOVERNORS | DEMAND_GOVERNORS
            ):
                return [controller]
            verb = head
        elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
            verb = head
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [head]
        else:
            return []
    return []


def _prep_objects(
    token: Token | None, prep: str, heads: frozenset[str] = frozenset()
) -> list[Token]:
    if token is None:
        return []
    words = prep.split("_")
    out = []
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative") or child.lower_ != words[0]:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (not heads or obj.lemma_.lower() in heads):
                out.append(obj)
    return out


def _pattern_object(verb: Token, obj: Token | None, pattern: VerbPattern) -> Token | None:
    if not pattern.objects:
        return None
    if pattern.object_prep:
        found = _prep_objects(verb, pattern.object_prep, pattern.objects)
        return found[0] if found else None
    if obj is None:
        return None
    return next((t for t in _conjuncts(obj) if t.lemma_.lower() in pattern.objects), None)


def _find_targets(
    slots: tuple[TargetSlot, ...],
    verb: Token,
    obj: Token | None,
    pattern_object: Token | None,
    index: _MentionIndex,
) -> tuple[list[Mention], str]:
    for slot in slots:
        found: list[Mention] = []
        if slot.slot in ("dobj", "dobj.head"):
            if obj is not None:
                found = index.of_group([obj], head_only=slot.slot == "dobj.head")
        elif slot.slot == "dative":
            dative = _child(verb, "dative")
            if dative is not None and dative.pos_ != "ADP":
                found = index.of_group([dative])
        elif slot.slot == "ccomp.subj":
            clause = _child(verb, "ccomp")
            if clause is not None:
                found = index.of_group(_subjects(clause))
        else:
            objects = _prep_objects(verb, slot.slot, slot.heads)
            if not objects:  # "imposed sanctions on X", "mobilized troops against X"
                objects = _prep_objects(pattern_object or obj, slot.slot, slot.heads)
            found = index.of_group(objects)
        if found:
            return found, slot.slot
    return [], ""


def _is_light_object(noun: Token) -> bool:
    head = noun.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in LIGHT_VERBS:
        return False
    return noun.dep_ in ("dobj", "nsubjpass") or (noun.dep_ == "conj" and _is_light_object(head))


def _has_modifier(noun: Token, pattern: NounPattern) -> bool:
    if not pattern.modifiers:
        return True
    return any(
        c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in pattern.modifiers
        for c in noun.children
    )


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if mention not in out:
            out.append(mention)
    return out


def _distinct_codes(mentions: Sequence[Mention]) -> int:
    return len({code for m in mentions for code in m.codes})


def _pairs(candidate: _Candidate) -> list[tuple[Mention, str, Mention, str]]:
    """(source mention, source code, target mention, target code) for every event."""
    out = []
    if candidate.recip:
        members = [(m, c) for m in candidate.sources for c in m.codes]
        for source, source_code in members:
            for target, target_code in members:
                if source_code != target_code:
                    out.append((source, source_code, target, target_code))
        return out
    for source in candidate.sources:
        for source_code in source.codes:
            for target in candidate.targets:
                for target_code in target.codes:
                    if source_code != target_code:
                        out.append((source, source_code, target, target_code))
    return out


def _event_id(doc_id: str, sentence: int, trigger: int, source: str, target: str, code: str) -> str:
    key = f"{doc_id}|{sentence}|{trigger}|{source}|{target}|{code}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
