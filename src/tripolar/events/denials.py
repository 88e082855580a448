"""Denials that answer a charge: the denier -> the one who made it, CAMEO 016.

A denial is aimed at whoever made the charge, and news names the two apart:
"X accused Y of arming Z, a charge Y denies" (Y -> X), "X said it will cut ties with Y,
which denies any involvement" (Y -> X, the one whose clause names Y). The verb patterns
code "Y denied X's accusations" themselves; these are the denials whose object names no
one ("a charge", "any role", "responsibility"). Which verbs and objects deny what CAMEO
codes 016: PETRARCH-2's verb dictionary (DENY, REJECT, RULE_OUT, REFUTE with ACCUSATION,
INVOLVEMENT, RESPONSIBILITY), docs/codebook.md.

A denial that names no one answers the story: "Y has denied planning an offensive", "Y
denies that it broke the pact", "Y is not to blame", "Y insists that it does not arm Z"
answer the last charge against Y that the document coded before (an accusation,
disapproval, demand, threat, coercion: roots 10-13, 16, 17), so the one who made it is the
target (`story_denials`). With no such charge, a
denial codes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import Candidate, MentionIndex, implied_mention
from tripolar.events.grammar import (
    agent_objects,
    dependent,
    is_passive,
    owner_objects,
    prep_objects,
    subject_heads,
)
from tripolar.events.modality import (
    DENIAL_GOVERNORS,
    DENIED_CHARGES,
    Context,
    context_of,
    is_negated,
)
from tripolar.events.targets import event_noun_targets
from tripolar.model import Event, Mention

DENIAL_CODE = "016"
DENY_VERBS = frozenset({"deny", "refute", "reject", "dismiss"})
# verbs that make the charge a denial answers
ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "allege", "suspect", "implicate"})
# the roots of a charge a later denial answers
CHARGE_ROOTS = frozenset({"10", "11", "12", "13", "16", "17"})
# a speaker's negated statement about itself: "Y insists it does not ..."
INSISTING_VERBS = frozenset({"insist", "maintain", "reiterate", "assert"})
FUTURE_WORDS = frozenset({"will", "would", "shall", "'ll", "wo"})
Trigger = tuple[Token, Candidate | str, str]


def answered_charge(verb: Token, index: MentionIndex, coded: set[int]) -> Candidate | None:
    """Y -> X 016 for Y's denial of a charge that X made in the same sentence."""
    if verb.i in coded or verb.pos_ != "VERB" or verb.lemma_.lower() not in DENY_VERBS:
        return None
    charge = dependent(verb, "dobj")
    if charge is None and verb.dep_ == "relcl":  # "a charge Y denies"
        charge = verb.head
    if charge is None or charge.lemma_.lower() not in DENIED_CHARGES:
        return None
    context = context_of(verb)
    if context.reason or context.mode != "act":
        return None
    sources = index.subjects_of(verb)
    if not sources:
        return None
    own = {root for m in sources for code in m.codes if (root := country_root(code))}
    targets, slot = _accusers(verb, charge, own, index)
    if not targets:  # "denies any role in the attack on X": a denial about X
        targets = _other(
            [m for o in prep_objects(charge, "in") for m in event_noun_targets(o, index)], own
        )
        slot = "act"
    if not targets:
        return None
    return Candidate(
        DENIAL_CODE, f"denial:{charge.lemma_.lower()}+{slot}", sources, targets, False, context
    )


def _accusers(
    verb: Token, charge: Token, own: set[str], index: MentionIndex
) -> tuple[list[Mention], str]:
    """Who made the charge: its author ("the accusations by X"), the subject of the accusing
    verb the denial hangs on or holds, else (a denial in a relative clause on the denier)
    the subject of the clause naming it."""
    named = owner_objects(charge, ("by", "from")) + prep_objects(verb, "by")
    authors = _other(index.of_group(named), own)
    if authors:
        return authors, "author"
    for clause in (*verb.children, *verb.ancestors):
        if clause.pos_ == "VERB" and clause.lemma_.lower() in ACCUSE_VERBS:
            if is_passive(clause):  # "Y was accused by X of ..., which Y denies"
                return _other(index.of_group(agent_objects(clause)), own), "accuser"
            return _other(index.subjects_of(clause), own), "accuser"
    if verb.dep_ != "relcl":
        return [], ""
    for clause in verb.head.ancestors:  # "X will cut ties with Y, which denies any role"
        if clause.pos_ in ("VERB", "AUX"):
            found = _other(index.subjects_of(clause), own)
            if found:
                return found, "clause"
    return [], ""


def _other(mentions: list[Mention], own: set[str]) -> list[Mention]:
    """The mentions of no country of ``own``."""
    return [m for m in mentions if not {country_root(c) for c in m.codes} & own]


def charges_against(events: Sequence[Event]) -> dict[str, tuple[str, str]]:
    """Country of the charged -> (code, words) of the last party that charged it."""
    charged: dict[str, tuple[str, str]] = {}
    for event in events:
        root = country_root(event.target)
        if event.root in CHARGE_ROOTS and root and country_root(event.source) != root:
            charged[root] = (event.source, event.source_text or event.source)
    return charged


def story_denials(
    sent: Span, index: MentionIndex, earlier: Sequence[Event], coded: set[int]
) -> list[Trigger]:
    """Denials of the sentence that name no one, aimed at who last charged the denier in the
    document's `earlier` events (read only when the sentence holds such a denial)."""
    found: list[Trigger] = []
    charged: dict[str, tuple[str, str]] | None = None
    for token in sent:
        if token.i in coded or token.pos_ not in ("VERB", "AUX"):
            continue
        form = _denial_form(token)
        if not form:
            continue
        context = context_of(token)
        if form == "not-to-blame":  # the negation is the denial: "Y is not to blame"
            said = context_of(token.head)
            context = Context("act") if said.reason.startswith("negated") else said
        if context.reason or context.mode != "act":
            continue
        sources = index.subjects_of(token)
        roots = {country_root(code) for m in sources for code in m.codes}
        if charged is None:
            charged = charges_against(earlier)
        accusers = [charged[r] for r in roots if r in charged]
        if len(roots) != 1 or not accusers:
            continue
        code, words = accusers[0]
        target = implied_mention(sources[0], f"({words}, who charged it)", code, "story charge")
        rule = f"denial:{form}+story"
        found.append((token, Candidate(DENIAL_CODE, rule, sources, [target], False, context), rule))
    return found


def _denial_form(token: Token) -> str:
    """How the token denies, if it does: "denied planning ...", "denied the charges", "is not
    to blame", "insists (that) it does not ...", else ""."""
    lemma = token.lemma_.lower()
    if lemma in DENY_VERBS and lemma != "reject":
        charge = dependent(token, "dobj")
        if charge is not None and charge.lemma_.lower() in DENIED_CHARGES:
            return charge.lemma_.lower()
        act = dependent(token, "xcomp") or dependent(token, "ccomp")
        if act is not None and act.tag_ == "VBG":  # "has denied planning an offensive"
            return "act"
        if (
            act is not None
            and act.dep_ == "ccomp"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in act.children)
            and any(s.pos_ == "PRON" for s in subject_heads(act))
        ):
            return "that-it"  # "denies that it has been in violation"
        return ""
    if lemma == "blame" and token.dep_ == "xcomp" and is_negated(token.head):
        return "not-to-blame"  # "Y is not to blame (for ...)"
    if lemma in INSISTING_VERBS and not is_negated(token):
        said = dependent(token, "ccomp")
        if (
            said is not None
            and is_negated(said)
            and not any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in said.children)
            and any(s.pos_ == "PRON" for s in subject_heads(said))
        ):
            return "says-it-does-not"  # "Y insists that it does not arm Z"
    return ""


def denied_by(noun: Token) -> str:
    """ "denies any role in the attack on X": the act a denial is about was not admitted."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return ""
    charge = noun.head.head
    denial = charge.head
    if (
        charge.lemma_.lower() in DENIED_CHARGES
        and charge.dep_ == "dobj"
        and denial.lemma_.lower() in DENIAL_GOVERNORS | {"reject"}
        and not is_negated(denial)
    ):
        return f"denied ({denial.text!r})"
    return ""
