"""Denials that answer a charge: the denier -> the one who made it, CAMEO 016.

A denial is aimed at whoever made the charge, and news names the two apart:
"X accused Y of arming Z, a charge Y denies" (Y -> X), "X said it will cut ties with Y,
which denies any involvement" (Y -> X, the one whose clause names Y). The verb patterns
code "Y denied X's accusations" themselves; these are the denials whose object names no
one ("a charge", "any role", "responsibility"). Which verbs and objects deny what CAMEO
codes 016: PETRARCH-2's verb dictionary (DENY, REJECT, RULE_OUT, REFUTE with ACCUSATION,
INVOLVEMENT, RESPONSIBILITY), docs/codebook.md.
"""

from __future__ import annotations

from spacy.tokens import Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import Candidate, MentionIndex, event_noun_targets
from tripolar.events.grammar import (
    agent_objects,
    dependent,
    is_passive,
    owner_objects,
    prep_objects,
)
from tripolar.events.modality import DENIED_CHARGES, context_of
from tripolar.model import Mention

DENIAL_CODE = "016"
DENY_VERBS = frozenset({"deny", "refute", "reject", "dismiss"})
# verbs that make the charge a denial answers
ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "allege", "suspect", "implicate"})


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
