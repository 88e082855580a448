"""Reported blame: what a speaker says about another party, in words of blame, is
disapproval (CAMEO 111) of that party.

"The minister said the embargo by Chile was unacceptable", "'Peru's move is reckless and
illegal,' the spokesman said", "Norway said the Chilean decision amounted to interference":
the statement names a party and judges it, or its act, with a word of blame (the list
labelled acts use, `governed.BLAME_WORDS`, and a few words of statements). The speaker is
the subject of the speech verb (a pronoun or "we" resolved by the actor stage counts); the
targets are the parties the reported clause names, other than the speaker's own country.
A clause that carries an event of its own is left to that event, and a negated judgement
("was not illegal") or a speech verb under negation or doubt codes nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import Candidate, MentionIndex
from tripolar.events.governed import BLAME_CODE, BLAME_WORDS
from tripolar.events.grammar import SAY_VERBS
from tripolar.events.lexicon import ActLexicon
from tripolar.events.modality import context_of, is_negated
from tripolar.model import Mention

# words of blame used in statements beyond those that label an act
STATEMENT_BLAME_WORDS = BLAME_WORDS | frozenset({
    "inexcusable", "unreasonable", "unjustifiable", "illegitimate", "unlawful", "interfere",
    "meddle", "meddling", "hegemonic", "hegemony", "unilateralism", "provocations",
    "deplorable", "disgraceful", "barbaric", "atrocity", "lawless", "sabotage", "slander",
    "smear", "cynical", "arrogant", "arrogance", "self-interested", "isolated",
})  # fmt: skip
# prepositions whose object may be the blamed party: "the embargo by X", "troops from X",
# "the presence of X's troops" (but not "a violation of X", "interference in X")
AGENT_PREPS = frozenset({"by", "from", "of"})
SPEECH_VERBS = SAY_VERBS | frozenset({"tell", "add", "warn", "complain"})


def reported_blame(
    lexicon: ActLexicon, clause: Token, index: MentionIndex, coded: set[int]
) -> Candidate | None:
    """ "X said <clause naming Y with a word of blame>" -> X -> Y 111."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    subtree = list(clause.subtree)
    if any(t.i in coded for t in subtree):
        return None  # "X said Y attacked Z": the attack is the event
    cues = [t for t in subtree if _blames(t)]
    if not cues:
        return None
    speaker = clause.head
    context = context_of(speaker)
    if context.reason or context.mode != "act" or is_negated(speaker):
        return None
    sources = [m for m in index.subjects_of(speaker) if m.anchors]
    if not sources:  # "the ministry said" of no known country
        return None
    own = {country_root(c) or c for m in sources for c in m.codes}
    targets = _named(subtree, index, own, clause, cues)
    if not targets:
        return None
    rule = f"reported:blame+{cues[0].lemma_.lower()}"
    return Candidate(BLAME_CODE, rule, sources, targets, False, context)


def _blames(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in STATEMENT_BLAME_WORDS and token.lower_ not in STATEMENT_BLAME_WORDS:
        return False
    # "was not illegal", "no provocation": the judgement is denied
    return not (is_negated(token) or is_negated(token.head) or _no_before(token))


def _no_before(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children)


def _named(
    tokens: list[Token], index: MentionIndex, own: set[str], clause: Token, cues: list[Token]
) -> list[Mention]:
    """The parties the clause names as actors, other than the speaker's own, in text
    order: not places, victims or standards ("drills around Taiwan", "aggression against
    Ukraine", "a violation of UN resolutions")."""
    found: list[Mention] = []
    cue_ids = {c.i for c in cues}
    for token in tokens:
        mention = index.by_token.get(token.i)
        if mention is None or mention in found or not mention.anchors:
            continue
        if any((country_root(c) or c) in own for c in mention.codes):
            continue
        if not _acting(token, clause, cue_ids):
            continue
        found.append(mention)
    return found


def _acting(token: Token, clause: Token, cues: set[int]) -> bool:
    """Whether the path from `token` up to the clause passes no preposition of place,
    victim or standard."""
    node = token
    while node.i != clause.i and node.head.i != node.i:
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep":
            preposition = head.lower_
            if preposition not in AGENT_PREPS or head.head.i in cues:
                return False
        node = head
    return True
