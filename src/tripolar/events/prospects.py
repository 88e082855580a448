"""Whether a noun or a sentence tells of a done act: an event noun that is only a
possibility, a plan or sought ("the possibility of an attack", "a scheduled meeting",
"pushed for sanctions"), a statement of an act still to come, a response promised rather
than made ("will respond to X"), and questions."""

from __future__ import annotations

import re

from spacy.tokens import Token

from tripolar.events.modality import Context, context_of, is_infinitive, prescribed_by

# nouns and adjectives that make an event noun a mere possibility
POSSIBILITY_NOUNS = frozenset({
    "possibility", "prospect", "risk", "danger", "fear", "likelihood", "chance", "scenario",
    "spectre", "specter", "idea", "notion", "hypothesis", "rumour", "rumor", "threat",
})  # fmt: skip

POSSIBILITY_ADJECTIVES = frozenset({"possible", "potential", "hypothetical", "future", "feared"})

# an event noun so modified is planned, not done: "a scheduled meeting", "the planned visit"
PLANNED_ADJECTIVES = frozenset({
    "scheduled", "planned", "proposed", "expected", "upcoming", "forthcoming",
    "mooted", "prospective", "impending", "intended",
})  # fmt: skip


# verbs that seek an act rather than do it: "seek new sanctions on X", "push for sanctions"
SEEKING_VERBS = frozenset({
    "seek", "pursue", "trigger", "propose", "consider", "weigh", "mull", "contemplate",
    "push", "press", "lobby", "campaign", "argue",
})  # fmt: skip
# nouns through which an act is sought: "seek a return of sanctions on X"
RETURN_NOUNS = frozenset({"return", "reimposition", "restoration", "imposition", "snapback"})


def sought_by(noun: Token) -> str:
    """The verb that only seeks the act a noun names ("sought new sanctions on X", "pushed
    for sanctions", "to trigger a return of sanctions"), or ""."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in RETURN_NOUNS:
        noun = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = noun.head.head
    elif noun.dep_ == "dobj":
        verb = noun.head
    else:
        return ""
    return verb.text if verb.lemma_.lower() in SEEKING_VERBS else ""


# what makes a "possible" or "proposed" act approved: "approved the possible sale of arms"
# is the approval of a sale, the act (as arms-sale notices word it)
APPROVAL_VERBS = frozenset({"approve", "clear", "authorize", "authorise", "greenlight", "okay"})


def possibility_of(noun: Token) -> str:
    """Why an event noun is only a possibility ("the possibility of a Russian attack", "a
    potential invasion"), or "" when it is not."""
    approved = noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in APPROVAL_VERBS
    for child in () if approved else noun.children:
        if child.dep_ == "amod" and child.lower_ in POSSIBILITY_ADJECTIVES:
            return f"a possibility ({child.text!r})"
        if child.dep_ == "amod" and child.lower_ in PLANNED_ADJECTIVES:
            return f"planned, not done ({child.text!r})"
    prescriber = prescribed_by(noun)
    if prescriber:
        return f"prescribed ({prescriber!r})"
    seeker = sought_by(noun)
    if seeker:
        return f"sought, not done ({seeker!r})"
    holder = noun.head.head  # "possibility" in "the possibility of an attack"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and holder.lemma_.lower() in POSSIBILITY_NOUNS
    ):
        return f"a possibility ({holder.text!r})"
    return ""


PROMISED_MODES = frozenset({"intent", "threat"})
# what one answers in words, not in deeds: "will respond to the proposal" is no threat
ANSWERED_NOUNS = frozenset({
    "proposal", "offer", "letter", "question", "request", "invitation", "message", "query",
    "inquiry", "note", "call", "appeal", "criticism", "remark", "comment", "report", "survey",
})  # fmt: skip


def is_promised(verb: Token, context: Context) -> bool:
    """The act is promised or warned of, not done: "will respond to X", "vowed to retaliate",
    or the purpose of such an act ("would take measures to respond to X"); never an answer
    in words ("will respond to the proposal")."""
    answered = (o for p in verb.children if p.dep_ == "prep" for o in p.children)
    if any(o.dep_ == "pobj" and o.lemma_.lower() in ANSWERED_NOUNS for o in answered):
        return False
    if context.mode in PROMISED_MODES:
        return True
    token = verb
    for _ in range(3):  # "would work with allies to take measures to respond to X"
        if token.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not is_infinitive(token):
            return False
        token = token.head  # "measures to respond": the verb that takes them
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return False
        if context_of(token).mode in PROMISED_MODES:
            return True
    return False


# appeals, intents, demands and threats: acts of saying what is still to come
PROSPECTIVE_ROOTS = frozenset({"02", "03", "10", "13"})


def is_prospective(context: Context, code: str) -> bool:
    """The event is a statement about an act still to come, dated when it is voiced."""
    return context.mode != "act" or context.arranged or code[:2] in PROSPECTIVE_ROOTS


_QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question)\s*[:.]", re.IGNORECASE)


def is_question(sentence: str) -> bool:
    """A question reports nothing as done: "Will China retaliate?", a journalist's "Q: ..."
    at a briefing."""
    return sentence.rstrip().rstrip("\"'\u201d\u2019)").endswith("?") or bool(
        _QUESTION_LABEL.match(sentence)
    )
