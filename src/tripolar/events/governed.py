"""Events carried by the verb that governs an act, when the act itself has no pattern.

"Jordan and Britain agreed to hold joint manoeuvres" is coded by the verb pattern of the
embedded act (its intent, 0312). But most governed acts have no pattern of their own
("agreed to set up a research centre", "threatened to stop gas deliveries to X",
"refused to send soldiers to Y"). CAMEO still codes them by the governor: an
agreement, offer or promise to act is an intent to cooperate (030), a threat to act a
threat (130), a refusal to act a rejection (120). The target is found among the
embedded act's arguments. Reported obligations ("X said Y must ...") are demands (10x).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tripolar.events.arguments import Candidate, MentionIndex, distinct_codes
from tripolar.events.demands import DIRECTIVE_VERBS, demand_mode, demanding_noun, is_directive
from tripolar.events.grammar import (
    SAY_VERBS,
    agent_objects,
    dependent,
    is_passive,
    light_verb_of,
    owner_objects,
    prep_objects,
    subject_heads,
)
from tripolar.events.lexicon import ActLexicon
from tripolar.events.modality import (
    ALLEGE_GOVERNORS,
    context_of,
    is_infinitive,
    is_negated,
    map_code,
    sent_envoy_object,
)
from tripolar.events.targets import act_targets

# governor lemma -> the code of "<governor> to <act without a pattern>"
GENERIC_CODES = {
    **dict.fromkeys(
        (
            "agree", "offer", "promise", "pledge", "consent", "undertake", "willing", "ready",
            "prepared", "committed", "commit", "volunteer",
        ),
        "030",
    ),
    "threaten": "130",
    "reserve": "130",  # "reserved the right to retaliate against X"
    **dict.fromkeys(("refuse", "decline", "unwilling"), "120"),
    "deny": "016",  # "denied planning an offensive against X": a denial about X
}  # fmt: skip
# acts of pushing back: being ready or prepared to do them is a threat, not an offer
# ("is ready to confront X if ...", "stands ready to respond to X")
CONFRONT_VERBS = frozenset({
    "confront", "respond", "retaliate", "counter", "counterattack", "punish", "resist",
    "crush", "repel", "defend", "hit", "strike", "fight", "react",
})  # fmt: skip
# nouns an agreement can be "to/on/upon" ("agreed to a ceasefire", "agreed on a plan")
AGREE_PREPS = ("to", "on", "upon")
OBLIGATION_AUX = frozenset({"must"})
# verbs that make or restate a demand held as their object ("reiterated its demand that ...")
DEMAND_HOLDERS = frozenset({
    "repeat", "reiterate", "renew", "restate", "reaffirm", "voice", "issue", "make", "press",
    "insist", "stand", "present", "submit", "put", "send", "deliver", "echo", "stress",
    "underline", "underscore", "maintain", "step",
})  # fmt: skip


def governed_act(
    lexicon: ActLexicon, governor: Token, index: MentionIndex, coded: set[int]
) -> Candidate | None:
    """The 030/130/120 event of "<agree|threaten|refuse> to <act>" when the act codes nothing."""
    lemma = governor.lemma_.lower()
    base = GENERIC_CODES.get(lemma)
    if base is None or governor.i in coded:
        return None
    act = _embedded_act(governor)
    noun = None
    if act is None and base == "030" and lemma in ("agree", "consent", "committed"):
        noun = next(
            (o for prep in AGREE_PREPS for o in prep_objects(governor, prep) if o.pos_ == "NOUN"),
            None,
        )
    if act is None and noun is None:
        return None
    if act is not None and any(t.i in coded for t in act.subtree):
        return None  # the act has its own event (its intent, threat or refusal)
    context = context_of(governor)
    if context.reason or context.mode in ("appeal", "demand", "threat"):
        return None
    code = base
    if base == "030" and act is not None and act.lemma_.lower() in CONFRONT_VERBS:
        code, lemma = "130", f"{lemma}-to-{act.lemma_.lower()}"
    if context.mode == "refuse":  # "would not agree to ..."
        if code != "030":
            return None
        code = "120"
    sources = index.subjects_of(governor)
    if not sources:
        return None
    if act is not None:
        targets = act_targets(act, index)
    else:
        assert noun is not None
        targets = index.of_phrase(noun) or index.of_group(owner_objects(noun))
        targets += index.of_group(
            [o for prep in ("with", "between") for o in prep_objects(noun, prep)]
        )
    rule = f"governed:{lemma}"
    if distinct_codes(sources) >= 2 and not any(t.anchors for t in targets):
        targets = []  # "the two sides agreed to resume military talks": no "---MIL" side
    if not targets:
        if code == "030" and distinct_codes(sources) >= 2:
            return Candidate(code, f"{rule}+recip", sources, [], True, context)
        return None
    return Candidate(code, f"{rule}+args", sources, targets, False, context)


def reported_demand(lexicon: ActLexicon, clause: Token, index: MentionIndex) -> Candidate | None:
    """ "X said Y must do Z" -> X demands of Y (10x, refined by Z's code); so does a decision
    "X decided that Y shall (not) do Z" (a plain 100 when negated)."""
    if clause.dep_ != "ccomp":
        return None
    governing = clause.head.lemma_.lower()
    if governing in DIRECTIVE_VERBS:
        if not is_directive(clause):
            return None
    elif governing not in SAY_VERBS or not any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children
    ):
        return None
    speaker = clause.head
    context = context_of(speaker)
    if context.reason:
        return None
    sources = index.subjects_of(speaker)
    targets = index.of_group(subject_heads(clause))
    if not sources or not targets:
        return None
    act = None if is_negated(clause) else lexicon.act_code(clause)
    code = (map_code(act, "demand") if act is not None else None) or "100"
    return Candidate(code, "reported:must+ccomp.subj", sources, targets, False, context)


def noun_demand(lexicon: ActLexicon, clause: Token, index: MentionIndex) -> Candidate | None:
    """ "X reiterated its demand that Y <act>" -> X demands of Y (10x, refined by the act);
    "X renewed its call for Y to <act>" -> X's appeal to Y (02x)."""
    noun = demanding_noun(clause)
    if noun is None:
        return None
    holder = noun.head
    if noun.dep_ == "pobj" and holder.lower_ in ("on", "by"):  # "insisted on its demand"
        holder = holder.head
    elif noun.dep_ != "dobj":
        return None
    if holder.pos_ != "VERB" or holder.lemma_.lower() not in DEMAND_HOLDERS:
        return None
    context = context_of(holder)
    if context.reason or context.mode != "act":
        return None
    sources = index.subjects_of(holder)
    targets = index.of_group(subject_heads(clause))
    if not sources or not targets:
        return None
    mode = demand_mode(noun)
    act = None if is_negated(clause) else lexicon.act_code(clause)  # "that X shall not ..."
    code = (map_code(act, mode) if act is not None else None) or (
        "100" if mode == "demand" else "020"
    )
    rule = f"noun:{noun.lemma_.lower()}+clause.subj"
    return Candidate(code, rule, sources, targets, False, context)


def alleged_act(lexicon: ActLexicon, clause: Token, index: MentionIndex) -> Candidate | None:
    """ "X claimed/charged that Y <conflict act>", "X alleged that Y ..." -> X accuses Y (112).

    When Y is X itself ("the group claimed that it had attacked Z"), X claims
    responsibility (015) toward the act's target."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ALLEGE_GOVERNORS:
        return None
    claimer = clause.head
    context = context_of(claimer)
    if context.reason or context.mode != "act":
        return None
    act = lexicon.act_code(clause)
    # "allege" accuses whatever follows ("alleged that X was aware of the plans"); "claim"
    # and "charge" only when the claimed act is itself one of conflict
    conflict = act is not None and "11" <= act[:2] <= "20"
    if not conflict and claimer.lemma_.lower() != "allege":
        return None
    sources = index.subjects_of(claimer)
    accused = index.subjects_of(clause)
    if not sources or not accused:
        return None
    own = {code for m in sources for code in m.codes}
    if {code for m in accused for code in m.codes} <= own:
        if not conflict:
            return None
        targets = act_targets(clause, index)
        if not targets:
            return None
        return Candidate("015", "alleged:own+args", sources, targets, False, context)
    return Candidate("112", "alleged:ccomp.subj", sources, accused, False, context)


def _embedded_act(governor: Token) -> Token | None:
    """The verb of "agreed to <verb>", "is willing to <verb>", "committed to <verb>ing"."""
    act = dependent(governor, "xcomp") or dependent(governor, "ccomp")
    if (
        act is not None
        and act.pos_ in ("VERB", "AUX")
        and (
            act.dep_ == "xcomp" or act.tag_ == "VBG"  # "denied planning an attack"
        )
    ):
        return act
    right = dependent(governor, "dobj")
    if governor.lemma_.lower() == "reserve" and right is not None and right.lemma_ == "right":
        return next((c for c in right.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    for prep in governor.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            pcomp = dependent(prep, "pcomp")
            if pcomp is not None and pcomp.pos_ == "VERB":
                return pcomp
    return None


# Naming an act or a state with a word of blame is disapproval (111): "described the visit
# as a reckless provocation", "called the veto a shameful cover-up", "branded X a rogue state".
LABEL_VERBS = frozenset({
    "describe", "call", "label", "brand", "term", "dub", "characterize", "characterise",
    "portray", "paint",
})  # fmt: skip
BLAME_WORDS = frozenset({
    "provocation", "provocative", "escalation", "violation", "interference", "aggression",
    "aggressor", "threat", "mistake", "error", "ploy", "trick", "farce", "lie", "crime",
    "criminal", "blackmail", "bullying", "bully", "hypocrisy", "hypocritical", "enabler",
    "terrorist", "rogue", "dictator", "liar", "danger", "dangerous", "disaster", "insult",
    "affront", "outrage", "outrageous", "guilty", "irresponsible", "unacceptable", "illegal",
    "reckless", "egregious", "hostile", "absurd", "groundless", "baseless", "unjustified",
    "unfounded", "destabilizing", "destabilising", "inhumane", "brutal", "evil", "shameful",
    "irrational", "wrong", "abuse", "collusion", "warmonger", "menace", "pariah",
    # words of statements ("said the move was inexcusable"): events/quoted.py
    "inexcusable", "unreasonable", "unjustifiable", "illegitimate", "unlawful", "interfere",
    "meddle", "meddling", "hegemonic", "hegemony", "deplorable",
    "disgraceful", "barbaric", "atrocity", "lawless", "sabotage", "slander", "smear",
    "cynical", "arrogant", "arrogance", "theft", "espionage",
    "spying", "hacking", "unprovoked",
})  # fmt: skip
# words of betrayal and complicity, blame only as a label ("called the raid a stab in the
# back", "branded X an accomplice of smugglers"): in a statement they name no state
BETRAYAL_WORDS = frozenset(
    {"stab", "backstab", "betrayal", "treachery", "treacherous", "accomplice"}
)
BLAME_CODE = "111"
# words that accuse a party of an act (112) rather than judge it (111): labels and statements
ACCUSATION_WORDS = frozenset({
    "aggression", "aggressor", "crime", "criminal", "atrocity", "theft", "espionage", "spying",
    "hacking", "sabotage", "collusion", "violation", "violate", "interference", "interfere",
    "meddling", "meddle", "terrorist", "terror", "terrorism", "genocide", "invasion",
    "accomplice",
})  # fmt: skip
ACCUSE_CODE = "112"


def labelled_act(lexicon: ActLexicon, verb: Token, index: MentionIndex) -> Candidate | None:
    """X names Y (or Y's act) with a word of blame: X -> Y 111; a word that accuses of an act
    ("called the mission a hub of espionage") makes it an accusation, 112."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in LABEL_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    labels = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    if not objects:  # "called X's test a provocation", parsed with the label under the test
        acts = [c for c in labels if c.pos_ in ("NOUN", "PROPN")][:1]
        labels = [c for n in acts for c in n.children if c.dep_ in ("dobj", "oprd")]
        objects = acts if labels else []
    labels += prep_objects(verb, "as") + objects[1:]  # "labelled the call a ploy"
    labels += [c for o in objects[:1] for c in o.children if c.dep_ == "appos"]  # parsed so
    labels += [c for o in objects[:1] for c in prep_objects(o, "as")]  # "X's raid as a crime"
    words = {t.lemma_.lower() for label in labels for t in label.subtree}
    if not objects or not words & (BLAME_WORDS | BETRAYAL_WORDS):
        return None
    context = context_of(verb)
    if context.reason or context.mode != "act":
        return None
    sources = index.subjects_of(verb)
    named = objects[0]
    targets = index.of_group([named]) or index.of_group(owner_objects(named))
    slot = "dobj"
    if not targets and not is_passive(verb):  # "called the veto by X a ...", "a ploy by X"
        targets = index.of_group(prep_objects(verb, "by") + agent_objects(verb))
    if not targets:  # "labelled the visit a provocation by X"
        targets = index.of_group(
            [o for label in labels if label.pos_ == "NOUN" for o in prep_objects(label, "by")]
        )
    if not targets:  # "described the raid as open Chilean aggression", "X's espionage efforts"
        owners = [
            c
            for label in labels
            for t in label.subtree
            if t.lemma_.lower() in BLAME_WORDS
            for c in [*t.children, *(t.head.children if t.dep_ == "compound" else ())]
            if c.dep_ in ("amod", "poss", "compound") and c.i != t.i
        ]
        targets, slot = index.of_group(owners), "label-owner"
    if not targets:  # "described the incident as an act of Russian aggression"
        targets = [m for label in labels if label.pos_ == "NOUN" for m in index.of_phrase(label)]
    if not targets:  # "called the veto a shameful cover-up": the veto told before in the story
        targets = index.story.act_owner([named], sources)
        slot = "story-party:act-owner"
    targets = [t for t in targets if t not in sources]
    if not sources or not targets:
        return None
    code = ACCUSE_CODE if words & ACCUSATION_WORDS else BLAME_CODE  # "the epicentre of espionage"
    return Candidate(
        code, f"labelled:{verb.lemma_.lower()}+{slot}", sources, targets, False, context
    )


REQUEST_NOUNS = frozenset({"request", "behest"})
REQUESTED_CODE = "036"  # asking to meet: an intent to meet, as CAMEO codes a request for talks


def requested_meeting(lexicon: ActLexicon, noun: Token, index: MentionIndex) -> Candidate | None:
    """ "X and Y met ... at the request of the X side" (or "at X's request"): X asked
    for it, 036 toward the other participants."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in REQUEST_NOUNS:
        return None
    if noun.head.lower_ != "at":
        return None
    meeting = noun.head.head
    if meeting.pos_ in ("NOUN", "PROPN"):
        code, verb = lexicon.noun_code(meeting), light_verb_of(meeting)
    else:
        code, verb = lexicon.act_code(meeting), meeting
    if code is None or code[:2] != "04" or verb is None:
        return None
    context = context_of(verb)
    if context.reason or context.mode != "act":
        return None
    requesters = index.of_group(owner_objects(noun)) or index.of_phrase(noun)
    own = {c[:3] for m in requesters for c in m.codes}
    met = [o for o in [dependent(verb, "dobj")] if o is not None and o.i != meeting.i]
    parties = index.subjects_of(verb) + index.of_group(
        met + prep_objects(verb, "with") + prep_objects(meeting, "with")
    )
    # "the Norwegian and Chilean leaders" is one mention of two sides: keep the other side
    targets = [
        replace(p, codes=others)
        for p in parties
        if (others := tuple(c for c in p.codes if c[:3] not in own))
    ]
    if not requesters or not targets:
        return None
    return Candidate(REQUESTED_CODE, "requested:meeting", requesters, targets, False, context)


# Sending an envoy is an intent to meet or negotiate (036, PETRARCH-2's SEND + FOREIGN
# MINISTER / MISSION / TEAM): "X is sending its foreign minister to work with Y", "sent a
# delegation to Y for talks"; what the envoy is sent to do is not yet done (modality.py).
ENVOY_CODE = "036"


def sent_envoy(verb: Token, index: MentionIndex) -> Candidate | None:
    """X -> Y 036 for "X sent <an envoy> to Y" or "... to <act with Y>"."""
    envoy = sent_envoy_object(verb)
    if envoy is None:
        return None
    context = context_of(verb)
    if context.reason or context.mode not in ("act", "intent"):
        return None
    sources = index.subjects_of(verb)
    if not sources:
        return None
    own = {code[:3] for m in sources for code in m.codes}
    places = [o for o in prep_objects(verb, "to")]
    places += [
        o for d in verb.children if d.dep_ == "dative" for o in d.children if o.dep_ == "pobj"
    ]
    targets = index.of_group(places)
    for purpose in verb.children:
        if purpose.dep_ == "advcl" and is_infinitive(purpose) and not targets:
            # whom the envoy is to meet or work with, not whatever the errand names
            partners = prep_objects(purpose, "with") + prep_objects(purpose, "to")
            targets = index.of_group([*partners, *filter(None, [dependent(purpose, "dobj")])])
    targets = [m for m in targets if not {code[:3] for code in m.codes} & own]
    if not targets:
        return None
    return Candidate(ENVOY_CODE, f"sent:{envoy.lemma_.lower()}", sources, targets, False, context)
