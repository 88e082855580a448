"""Reported blame: what a speaker says about another party, in words of blame, is
disapproval (CAMEO 111) of that party.

"The minister said the embargo by Chile was unacceptable", "'Peru's move is reckless and
illegal,' the spokesman said", "Norway said the Chilean decision amounted to interference":
the statement names a party and judges it, or its act, with a word of blame (the list
labelled acts use, `governed.BLAME_WORDS`); words that accuse of an act ("aggression",
"interference", "espionage") make it an accusation (112). The speaker is the subject of the
speech verb (a pronoun or "we" resolved by the actor stage counts); the targets are the
parties what was said names as actors, other than the speaker's own country.
One rule reads the construction from both sides: the speaker's words, and, first, a clause
whose predicate is the word of blame and whose subject is the blamed party or its act
("said the Council's failure was inexcusable", "said the drills X launched were an
escalation"), which is coded even when the act it judges is an event of its own.
Otherwise a clause that carries an event of its own is left to that event, and a negated
judgement ("was not illegal") or a speech verb under negation or doubt codes nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import Candidate, MentionIndex, unique_mentions
from tripolar.events.governed import ACCUSATION_WORDS, ACCUSE_CODE, BLAME_CODE, BLAME_WORDS
from tripolar.events.grammar import SAY_VERBS, SUBJECT_DEPS, owner_objects
from tripolar.events.lexicon import ActLexicon
from tripolar.events.modality import Context, context_of, is_negated
from tripolar.model import Mention

# prepositions whose object may be the blamed party: "the embargo by X", "troops from X",
# "the presence of X's troops" (but not "a violation of X", "interference in X")
AGENT_PREPS = frozenset({"by", "from", "of"})
SPEECH_VERBS = SAY_VERBS | frozenset({"tell", "add", "warn", "complain", "snipe"})
# the speech verb's own arguments that are not what was said: "told the council", "Monday"
OBLIGATIONS = frozenset({"must"})
WISHES = frozenset({
    "hope", "hoped", "hopes", "hoping", "wish", "wished", "wishes", "want", "wanted", "wants",
    "expect", "expected", "expects", "if", "whether", "unless",
})  # fmt: skip
# objects that are the subject's own act, so a word of blame on them blames the subject ("made
# an irresponsible decision"); on another object it only describes that ("hit a terrorist depot")
ACT_OBJECTS = frozenset({
    "decision", "move", "step", "act", "action", "policy", "statement", "remark", "choice",
    "behavior", "behaviour", "comment", "attempt", "measure", "approach", "practice", "plan",
    "mistake", "error", "claim", "accusation", "allegation", "threat", "provocation",
})  # fmt: skip
NOT_SAID = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "npadvmod", "advmod", "punct"})


def reported_blame(
    lexicon: ActLexicon, speaker: Token, index: MentionIndex, coded: set[int]
) -> Candidate | None:
    """ "X said <words naming Y with a word of blame>" -> X -> Y 111 (112 for an act)."""
    if speaker.pos_ != "VERB" or speaker.lemma_.lower() not in SPEECH_VERBS:
        return None
    threat = _reported_threat(speaker, index, coded)
    if threat is not None:
        return threat
    said = _said(speaker)
    if not said:
        return None
    predicated = _predicated_blame(speaker, index, coded)
    if predicated is not None or any(t.i in coded for t in said):
        return predicated  # "X said Y attacked Z": coded already
    cues = [t for t in said if _blames(t)]
    if not cues:
        return None
    context = context_of(speaker)
    if context.reason or context.mode != "act" or is_negated(speaker):
        return None
    sources = [m for m in index.subjects_of(speaker) if m.anchors]
    if not sources:  # "the ministry said" of no known country
        return None
    if any(t.lower_ in OBLIGATIONS or t.lower_ in WISHES for t in said):
        return None  # "Y must abandon ...": a demand (governed.py); "hoped Y would be ..."
    own = {country_root(c) or c for m in sources for c in m.codes}
    targets = unique_mentions(m for cue in cues for m in _blamed(cue, index, own))
    if not targets and not all(_describes_an_object(c) for c in cues):
        # "called the charges baseless ... (one named state elsewhere in the clause)"
        named = _named(said, index, own)
        targets = named if len({m.codes for m in named}) == 1 else []
    if not targets:
        return None
    accused = [c for c in cues if c.lemma_.lower() in ACCUSATION_WORDS]
    code = ACCUSE_CODE if accused else BLAME_CODE
    rule = f"reported:blame+{(accused or cues)[0].lemma_.lower()}"
    return Candidate(code, rule, sources, targets, False, context)


# "X said Y would pay a heavy price / face consequences": the speaker threatens Y
# (CAMEO: WARN ... CONSEQUENCES 130; sanctions to be faced 1312)
PENALTY_VERBS = frozenset({"face", "pay", "suffer", "bear", "incur"})
PENALTY_CODES = {
    **dict.fromkeys(("consequence", "price", "cost", "repercussion", "retaliation"), "130"),
    **dict.fromkeys(("response", "reprisal", "punishment"), "130"),
    **dict.fromkeys(("sanction", "penalty", "embargo"), "1312"),
}
WILL_AUX = frozenset({"will", "would", "'ll", "shall"})


def _reported_threat(speaker: Token, index: MentionIndex, coded: set[int]) -> Candidate | None:
    """ "X said Y would pay a heavy price (if ...)", "X warned Y will face consequences":
    X -> Y 130 (1312 for sanctions), when the clause's penalty is still to come."""
    for clause in speaker.children:
        if (
            clause.dep_ != "ccomp"
            or clause.i in coded
            or clause.lemma_.lower() not in PENALTY_VERBS
            or is_negated(clause)
            or not any(c.dep_ == "aux" and c.lower_ in WILL_AUX for c in clause.children)
        ):
            continue
        penalty = next(
            (c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in PENALTY_CODES),
            None,
        )
        if penalty is None or is_negated(speaker):
            continue
        context = context_of(speaker)
        if context.reason or context.mode != "act":
            continue
        sources = [m for m in index.subjects_of(speaker) if m.anchors]
        own = {country_root(c) or c for m in sources for c in m.codes}
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        targets = _named([t for h in subjects for t in h.subtree], index, own, set(subjects))
        if sources and targets:
            code = PENALTY_CODES[penalty.lemma_.lower()]
            rule = f"reported:threat+{penalty.lemma_.lower()}"
            return Candidate(code, rule, sources, targets, False, context)
    return None


def _predicated_blame(speaker: Token, index: MentionIndex, coded: set[int]) -> Candidate | None:
    """X says Y (or Y's act) is to blame: "said the Council's failure was inexcusable", "said
    Y had taken a reckless decision", "said Y's arms sale was meddling in
    X's affairs" -> X -> Y 111. The word of blame must be the clause's predicate (or
    modify it), its subject the blamed actor or that actor's act; never one's own state. A
    clause coded as an act itself ("said Y must ...": a demand) is left to that act."""
    if speaker.lemma_.lower() not in SAY_VERBS:
        return None
    context: Context | None = None  # the speaker's, read once a clause blames
    for clause in speaker.children:
        if clause.dep_ != "ccomp" or clause.i in coded or is_negated(clause):
            continue
        if clause.lemma_.lower() == "be":  # "was inexcusable", "was a threat to peace"
            heads = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
            words = heads + [a for h in heads for a in h.children if a.dep_ == "amod"]
        else:  # "was interfering with", "had made an irresponsible decision"
            objects = [c for c in clause.children if c.dep_ in ("dobj", "oprd")]
            objects = [o for o in objects if o.lemma_.lower() in ACT_OBJECTS]
            words = [clause] + [a for o in objects for a in o.children if a.dep_ == "amod"]
        if not {w.lemma_.lower() for w in words} & BLAME_WORDS:
            continue
        if context is None:
            context = context_of(speaker)
        if context.reason or context.mode != "act":
            return None
        sources = [m for m in index.subjects_of(speaker) if m.anchors]  # of a known country
        blamed = [s for s in clause.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]
        own = {code[:3] for m in sources for code in m.codes}
        targets = [t for t in index.of_group(blamed) if not {c[:3] for c in t.codes} & own]
        if not targets:  # "the military drills China launched": the drills' owner
            owners = index.of_group([o for b in blamed for o in owner_objects(b)])
            targets = [t for t in owners if not {c[:3] for c in t.codes} & own]
        if sources and targets:
            return Candidate(BLAME_CODE, "stated:blame", sources, targets, False, context)
    return None


def _said(speaker: Token) -> list[Token]:
    """The tokens of what the speech verb reports: its clause, or a prepositional phrase
    that holds one ("said at a briefing that ...", which the parser may hang there)."""
    out: list[Token] = []
    for child in speaker.children:
        if child.dep_ in NOT_SAID:
            continue
        tokens = list(child.subtree)
        if child.dep_ == "prep" and not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            continue  # "at a press conference", "in a statement"
        out += tokens
    return sorted(out, key=lambda t: t.i)


def _blames(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in BLAME_WORDS and token.lower_ not in BLAME_WORDS:
        return False
    # "was not illegal", "no provocation": the judgement is denied
    return not (is_negated(token) or is_negated(token.head) or _no_before(token))


def _no_before(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children)


def _blamed(cue: Token, index: MentionIndex, own: set[str]) -> list[Mention]:
    """The parties a word of blame is about: the owners of its phrase ("Peru's reckless
    move", "the aggression by Peru") and the subject of its clause ("Peru's drills were an
    escalation", "Peru blocked it, wrong and alone"), a conjoined verb sharing the subject
    of the first."""
    heads = [c for c in cue.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    heads += [o for p in cue.children if p.lower_ in ("by", "from") for o in p.children]
    if _describes_an_object(cue):  # "Y hit a terrorist depot": the depot's, not Y's
        return _named([t for h in heads for t in h.subtree], index, own, stop=set(heads))
    verb = cue
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    heads += subjects
    return _named([t for h in heads for t in h.subtree], index, own, stop=set(heads))


def _describes_an_object(cue: Token) -> bool:
    """The word of blame modifies an object that is not the subject's own act ("hit a
    terrorist depot"), so it blames no subject ("made an irresponsible decision" does)."""
    return (
        cue.dep_ == "amod"
        and cue.head.dep_ in ("dobj", "pobj")
        and cue.head.lemma_.lower() not in ACT_OBJECTS
    )


def _named(
    tokens: list[Token], index: MentionIndex, own: set[str], stop: set[Token] | None = None
) -> list[Mention]:
    """The parties the words name as actors, other than the speaker's own, in text order:
    not places, victims or standards ("drills around Ecuador", "aggression against Peru",
    "a breach of the treaty")."""
    found: list[Mention] = []
    for token in tokens:
        mention = index.by_token.get(token.i)
        if mention is None or mention in found or not mention.anchors:
            continue
        if any((country_root(c) or c) in own for c in mention.codes):
            continue
        if not _acting(token, stop or set()):
            continue
        found.append(mention)
    return found


def _acting(token: Token, stop: set[Token]) -> bool:
    """Whether the path from `token` up to its clause's verb (or to a token of `stop`)
    passes no preposition of place, victim or standard."""
    node = token
    while node not in stop and node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in AGENT_PREPS:
            return False
        node = head
    return True
