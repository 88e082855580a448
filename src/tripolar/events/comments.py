"""Optimistic comments on a meeting: "X said its talks with Y were productive" is, besides
the talks, an optimistic comment (CAMEO 013) by X on Y - the parties of the meeting, visit or
talks that the clause judges with a word of praise. Which words: CAMEO's 013 ("make
optimistic comment"), docs/codebook.md.
"""

from __future__ import annotations

from spacy.tokens import Token

from tripolar.events.arguments import Candidate, MentionIndex
from tripolar.events.grammar import prep_objects
from tripolar.events.modality import context_of, is_negated

OPTIMISM_CODE = "013"
# words that judge a meeting well: "the visit was productive", "talks proved fruitful"
PRAISE_WORDS = frozenset({
    "productive", "fruitful", "successful", "constructive", "positive", "useful", "excellent",
    "good", "great", "historic", "cordial", "friendly", "warm", "encouraging", "substantive",
    "meaningful", "success", "breakthrough", "milestone",
})  # fmt: skip
COPULAS = frozenset({"be", "prove", "seem", "appear", "turn"})


def praised_meeting(noun: Token, meeting: Candidate) -> Candidate | None:
    """The 013 of a meeting (04) whose clause praises it: "the talks with Y were productive"."""
    if meeting.code[:2] != "04" or noun.dep_ != "nsubj" or meeting.context.mode != "act":
        return None
    copula = noun.head
    if copula.lemma_.lower() not in COPULAS or is_negated(copula):
        return None
    judged = [c for c in copula.children if c.dep_ in ("acomp", "attr", "oprd", "dobj")]
    judged += [c for j in judged for c in j.conjuncts]
    if not any(j.lemma_.lower() in PRAISE_WORDS and not is_negated(j) for j in judged):
        return None
    return Candidate(
        OPTIMISM_CODE,
        f"praised:{noun.lemma_.lower()}",
        meeting.sources,
        meeting.targets,
        meeting.recip,
        meeting.context,
    )


# a speaker's outlook: "X is optimistic about its relations with Y"
OPTIMISTIC_WORDS = frozenset({"optimistic", "hopeful", "upbeat", "confident", "positive"})


def optimistic_outlook(adjective: Token, index: MentionIndex) -> Candidate | None:
    """X -> Y 013 for "X is optimistic about (its ties with) Y"."""
    if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in OPTIMISTIC_WORDS:
        return None
    copula = adjective.head
    if is_negated(copula) or is_negated(adjective):
        return None
    context = context_of(copula)
    if context.reason or context.mode != "act":
        return None
    sources = index.subjects_of(copula)
    own = {code[:3] for m in sources for code in m.codes}
    about = [o for p in ("about", "on", "over") for o in prep_objects(adjective, p)]
    named = index.of_group([t for o in about for t in o.subtree])
    targets = [m for m in named if not {code[:3] for code in m.codes} & own]
    if not sources or not targets:
        return None
    return Candidate(OPTIMISM_CODE, "optimistic:about", sources, targets, False, context)
