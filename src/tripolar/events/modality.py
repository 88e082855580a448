"""How the grammar around a trigger changes what it codes.

A verb that is negated, hedged or conditional codes nothing. A verb under "will" or an
intent verb ("plans to", "vowed to", "agreed to", "is expected to") codes the matching
03x intent code (or a 13x threat for a conflictual act); under "refused to" a 12x
rejection; under "urged ... to" / "demanded" the governing verb codes a 02x appeal or
10x demand refined by what was asked for. The tables map the act's code to those codes,
longest prefix first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from tripolar.events.demands import DIRECTIVE_VERBS, demand_mode, demanding_noun, is_directive

Mode = Literal["act", "intent", "threat", "refuse", "appeal", "demand"]

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
HEDGE_AUX = frozenset({"may", "might", "could", "can", "should", "must", "ca"})
# adverbs that make an act a guess: "would likely impose sanctions"
HEDGE_ADVERBS = frozenset({"likely", "probably", "possibly", "perhaps", "maybe", "conceivably"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
# fmt: off
INTENT_GOVERNORS = frozenset({
    "plan", "intend", "vow", "promise", "pledge", "agree", "offer", "hope", "want", "wish",
    "seek", "aim", "prepare", "decide", "propose", "expect", "schedule", "set", "due",
    "ready", "willing", "eager", "commit", "resolve", "go", "undertake", "consent",
    "prepared", "committed", "determined", "swear", "slate",
    "hop",  # en_core_web_sm lemmatizes "hopes" as "hop"
})
# intent governors that report an arrangement: a consultation so arranged is coded as the
# consultation itself (04x), as PETRARCH does; "will meet", "plans to meet" stay 036
ARRANGED_GOVERNORS = frozenset({"schedule", "set", "due", "slate", "prepare"})
REFUSE_GOVERNORS = frozenset({"refuse", "decline", "reject", "unwilling", "fail"})
THREAT_GOVERNORS = frozenset({"threaten", "warn"})
APPEAL_GOVERNORS = frozenset({
    "urge", "ask", "call", "appeal", "encourage", "invite", "implore", "plead", "press",
    "request",
})
DEMAND_GOVERNORS = frozenset({"demand", "order", "insist", "require", "force"})
# intent verbs that become appeals when someone else is to act: "X wants Y to attack Z"
OBJECT_APPEAL_GOVERNORS = frozenset({"want", "wish", "like"})
# verbs of allegation: "X claimed that Y attacked Z" is X's accusation of Y, not Y's attack
ALLEGE_GOVERNORS = frozenset({"claim", "allege", "charge"})
ASPECT_GOVERNORS = frozenset({"begin", "start", "continue", "resume", "keep", "about"})
# an attempted act is coded as the act ("tried to hack into X's computers")
ATTEMPT_GOVERNORS = frozenset({"try", "attempt", "work", "strive", "endeavour", "endeavor"})
# forces sent up to do something did it: "scrambled jets to intercept X's bombers"
SCRAMBLING_GOVERNORS = frozenset({"scramble"})
# "X announced it would downgrade ties with Y": a decision made public; a cut in relations so
# announced is coded as the act (its date: the announcement's), promises stay intents
ANNOUNCING_GOVERNORS = frozenset({"announce"})
# "X has decided to cut ties with Y": the decision is taken, so the cut is coded as done
DECIDING_GOVERNORS = frozenset({"decide"})
# a body that votes to do something does it: "the council voted to adopt sanctions"
ENACTING_GOVERNORS = frozenset({"vote"})
# "X led/prompted/forced Y to expel Z": Y did expel Z, the object is the act's subject
CAUSATIVE_GOVERNORS = frozenset({"lead", "prompt", "force", "cause", "compel", "drive", "spur"})
DENIAL_GOVERNORS = frozenset({"deny", "dismiss", "refute"})
# what a denial denies when it answers a charge: "X accused Y of ..., a charge Y denies" -
# the accusing clause the parser hangs on "denies" was made, not denied (events/denials.py)
DENIED_CHARGES = frozenset({
    "accusation", "allegation", "charge", "claim", "involvement", "role", "responsibility",
    "wrongdoing", "complicity", "participation", "link", "part",
})  # fmt: skip
# "X's decision to supply drones" reports the act; "efforts/a plan to ..." are intents
DECISION_NOUNS = frozenset({"decision", "move", "step", "order", "vote", "action", "measure"})
CONDITION_MARKERS = frozenset({"if", "unless", "whether"})

INTENT_MAP = {
    "03": "", "04": "036", "045": "039", "05": "032", "050": "030", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "0841": "0353",
    "0842": "0353", "085": "0354", "086": "0355", "087": "0356", "0871": "0356",
    "0872": "0356", "0873": "0356", "0874": "0356",
}
THREAT_MAP = {
    "13": "", "14": "133", "15": "130", "16": "131", "160": "1313", "161": "1313",
    "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136", "17": "130", "172": "132", "175": "137", "18": "1383",
    "19": "138", "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
    "1951": "1384", "1952": "1384", "20": "1383", "204": "1385", "2041": "1385", "2042": "1385",
}
REFUSE_MAP = {
    "04": "125", "045": "126", "05": "120", "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243", "0841": "1243",
    "0842": "1243", "085": "1244", "086": "1245", "087": "1246", "0871": "1246",
    # "will not scrap the pact with X", "will not cut ties": an intent to keep cooperating
    "160": "030", "161": "030",
}
APPEAL_MAP = {
    "04": "026", "045": "028", "05": "022", "06": "021", "061": "0211", "062": "0212",
    "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233",
    "074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024", "084": "0253",
    "0841": "0253", "0842": "0253", "085": "0254", "086": "0255", "087": "0256",
    "0871": "0256",
}
DEMAND_MAP = {
    "04": "106", "045": "108", "05": "102", "06": "101", "061": "1011", "062": "1012",
    "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033",
    "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104", "084": "1053",
    "0841": "1053", "0842": "1053", "085": "1054", "086": "1055", "087": "1056",
    "0871": "1056",
}
MODE_MAPS = {
    "intent": INTENT_MAP, "threat": THREAT_MAP, "refuse": REFUSE_MAP,
    "appeal": APPEAL_MAP, "demand": DEMAND_MAP,
}

# fmt: on


def map_code(code: str, mode: Mode) -> str | None:
    """The code an act becomes in a mode (intent, threat, ...); None when CAMEO has none.

    An empty string in a table means "keep the code as it is" (an intent stays an intent).
    For "intent", conflictual acts are threats: "will impose sanctions" -> 1312.
    """
    if mode == "act":
        return code
    table = MODE_MAPS[mode]
    for length in (4, 3, 2):
        key = code[:length]
        if len(key) == length and key in table:
            return table[key] or code
    if mode == "intent":
        return map_code(code, "threat")
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """What the grammar around a trigger means for it."""

    mode: Mode
    reason: str = ""  # non-empty: the trigger must not be coded, and why
    governor: Token | None = None  # the verb whose subject the trigger inherits, if any
    negation: str = ""  # set when a negated intent became a refusal: the reason if none fits
    arranged: bool = False  # the intent is only an arrangement: "is scheduled/due to meet"
    announced: bool = False  # the intent is a decision made public: "announced it would ..."


def is_negated(token: Token) -> bool:
    return any(
        child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in NEGATORS)
        for child in token.children
    )


def context_of(verb: Token) -> Context:
    """Mode of a verb (or adjective) trigger from its auxiliaries and governing verbs."""
    context = _context_of(verb)
    failed = _failed_above(verb)
    if failed is not None and not context.reason:
        return Context("act", f"not done ({failed.text!r})")
    rejected = _rejected_text(verb)
    if rejected is not None and not context.reason:
        return Context("act", f"what a text {rejected.text!r} says, not done")
    if context.mode == "intent" and not context.reason and _only_arranged(verb):
        return replace(context, arranged=True)
    if context.mode == "intent" and not context.reason and _announced(verb):
        return replace(context, announced=True)
    return context


# verbs that stop a text: what "a resolution, which called for X" says is then not done
REJECTING_VERBS = frozenset({"veto", "reject", "block", "defeat"})


def _rejected_text(verb: Token) -> Token | None:
    """The verb that vetoed or rejected the text a relative clause tells the content of:
    "vetoed a resolution which called for elections in X" called for nothing."""
    if verb.dep_ != "relcl":
        return None
    text = verb.head
    if text.dep_ == "pobj":  # "vetoed a draft at the Council, which ...": the draft's
        holder = text.head.head
        if holder.pos_ == "VERB":
            return holder if holder.lemma_.lower() in REJECTING_VERBS else None
        text = holder
    if text.dep_ not in ("dobj", "nsubjpass"):
        return None
    return text.head if text.head.lemma_.lower() in REJECTING_VERBS else None


def _failed_above(verb: Token) -> Token | None:
    """The "failed" a clause hangs from through a purpose or complement clause: "failed to get
    a resolution passed to strengthen sanctions" strengthened nothing. A direct "failed to
    meet" is read by the governors' rules (a refusal)."""
    token, direct = verb, True
    for _ in range(4):
        if token.dep_ not in ("advcl", "ccomp", "xcomp") or token.head.i == token.i:
            return None
        direct = direct and token.dep_ == "xcomp"
        token = token.head
        if token.lemma_.lower() == "fail":
            return None if direct else token
    return None


def _announced(verb: Token) -> bool:
    """ "X announced it would downgrade its ties with Y": a future act reported by
    an announcing verb; or one decided on ("X has decided to cut ties with Y")."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCING_GOVERNORS:
        return True
    # "X (has) decided to expel Y's envoy", never "will decide to" nor "may decide to"
    governor = verb.head
    return (
        verb.dep_ == "xcomp"
        and governor.lemma_.lower() in DECIDING_GOVERNORS
        and governor.tag_ in ("VBD", "VBN", "VBZ")
        and not _has_future(governor)
        and not is_negated(governor)
    )


CHARGE_NOUNS = frozenset({"charge", "claim", "accusation", "allegation"})


def _charge_before_denial(clause: Token) -> bool:
    """ "X accused Y of Z, a charge Y denies", parsed with the accusation as the clause of
    "denies": the accusation stands as reported; the denial is only the accused's."""
    governor = clause.head
    return clause.i < governor.i and any(
        c.lemma_.lower() in CHARGE_NOUNS and clause.i < c.i < governor.i for c in governor.children
    )


def _only_arranged(verb: Token) -> bool:
    """ "X is scheduled/set/due to meet", "X prepared to attend": the intent comes only from
    an arrangement governor, with no "will" and no other intent verb."""
    token = verb
    found = False
    for _ in range(4):
        if _has_future(token):
            return False
        if token.dep_ != "xcomp":
            return found
        lemma = token.head.lemma_.lower()
        if lemma in ARRANGED_GOVERNORS:
            found = True
        elif lemma in INTENT_GOVERNORS:
            return False
        token = token.head
    return found


def _context_of(verb: Token) -> Context:
    mode: Mode = "act"
    token = verb
    negated: Token | None = None
    prescriber = prescribed_by(verb)
    if prescriber:  # "what is needed is for X to hold talks with Y"
        return Context("act", f"prescribed ({prescriber!r})")
    draft = drafted_in(verb)
    if draft:  # "vetoed a draft resolution deploring X": proposed, never adopted
        return Context("act", f"proposed in a draft ({draft!r})")
    for _ in range(4):  # a few levels: "said it would agree to hold talks"
        if is_negated(token):
            if not _has_future(token) and token.lemma_.lower() not in INTENT_GOVERNORS:
                return Context("act", f"negated ({token.text!r})")
            negated = token  # "will not meet", "is not willing to help": a refusal, if any
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS:
                return Context("act", f"conditional ({child.text!r})")
            if child.dep_ in ("aux", "auxpass") and child.lower_ in HEDGE_AUX:
                return Context("act", f"hedged ({child.text!r})")
            if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
                return Context("act", f"hedged ({child.text!r})")
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX and mode == "act":
                mode = "intent"
        asking_noun = demanding_noun(token)
        if asking_noun is not None:
            asked = f"asked for by {asking_noun.text!r}, coded there"
            return Context(demand_mode(asking_noun), asked)
        if (
            token.dep_ in ("advcl", "relcl")
            and token.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "mark" and c.lower_ in ("before", "until") for c in token.children)
        ):  # "comes a day before X heads to Beijing": not yet done
            return Context("act", f"not yet done ({token.text!r} in a before-clause)")
        if token.dep_ == "pcomp" and token.head.lower_ == "without":
            return Context("act", f"negated ({token.head.text!r})")  # "without returning to X"
        ensurer = _ensured_by(token)
        if ensurer:  # "we must make sure that X and Y keep to the accord": a wish
            return Context("act", f"prescribed ({ensurer!r})")
        if token.dep_ != "xcomp":
            governing = token.head.lemma_.lower()
            if token.dep_ == "relcl" and token.head.dep_ == "ROOT" and is_infinitive(token):
                mode = "intent" if mode == "act" else mode  # a headline "X, Y to hold talks"
            clause = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token
            if (
                clause.dep_ == "acl"
                and is_infinitive(clause)
                and clause.head.dep_ != "attr"
                and clause.head.lemma_.lower() not in DECISION_NOUNS
            ):
                mode = "intent" if mode == "act" else mode  # "welcomed efforts to expand trade"
            if token.dep_ == "relcl" and _perfect(token) and _relative_subject(token):
                # "the group, which has seized parts of Iraq": what it is, not today's news
                return Context("act", "background (a perfect in a relative clause)")
            if (
                token.dep_ == "ccomp"
                and governing in DENIAL_GOVERNORS
                and not _denies_a_charge(token.head)
                and not _charge_before_denial(token)
            ):
                return Context("act", f"denied ({token.head.text!r})")
            if (
                token.dep_ == "ccomp"
                and governing in OBJECT_APPEAL_GOVERNORS
                and is_infinitive(token)
            ):  # "X wants Y to attack Z", parsed with Y as the clause's subject
                return Context("appeal", f"asked for by {token.head.text!r}, coded there")
            if token.dep_ == "ccomp" and governing in ALLEGE_GOVERNORS:
                return Context("act", f"alleged by {token.head.text!r}, coded there")
            if token.dep_ == "ccomp" and governing in DEMAND_GOVERNORS | APPEAL_GOVERNORS:
                return Context("demand", f"demanded by {token.head.text!r}, coded there")
            if token.dep_ == "ccomp" and governing in DIRECTIVE_VERBS and is_directive(token):
                return Context("demand", f"directed by {token.head.text!r}, coded there")
            if token.dep_ == "ccomp" and is_infinitive(token):
                # "few expect Russia to withdraw": an infinitive reports no act
                return Context("act", f"embedded under {token.head.text!r}")
            if (
                token.dep_ == "advcl"
                and is_infinitive(token)
                and sent_envoy_object(token.head) is not None
            ):  # "sent its foreign minister to work with Y": the envoy is sent, not done
                return Context("act", f"purpose of sending ({token.head.text!r}), coded there")
            if token.dep_ == "advcl" and _asked_by_infinitive(token):
                # "was pressured by X to help Y", "gave permission to X to help Y"
                return Context("appeal", f"asked for by {token.head.text!r}, coded there")
            return _negated_mode(mode, negated)
        governor = token.head
        lemma = governor.lemma_.lower()
        if lemma == "call" and _calls_in_envoy(governor):
            return _negated_mode(mode, negated)  # "called in X's envoy to urge ...": done
        if lemma in OBJECT_APPEAL_GOVERNORS and any(c.dep_ == "dobj" for c in governor.children):
            return Context("appeal", f"asked for by {governor.text!r}, coded there")
        if lemma in (
            ASPECT_GOVERNORS | ENACTING_GOVERNORS | ATTEMPT_GOVERNORS | CAUSATIVE_GOVERNORS
        ) or (lemma in SCRAMBLING_GOVERNORS and token.dep_ in ("xcomp", "advcl")):
            pass
        elif lemma in INTENT_GOVERNORS:
            mode = "intent" if mode in ("act", "intent") else mode
        elif lemma in THREAT_GOVERNORS:
            mode = "threat"
        elif lemma in REFUSE_GOVERNORS:
            mode = "refuse"
        elif lemma in APPEAL_GOVERNORS:
            return Context("appeal", f"asked for by {governor.text!r}, coded there")
        elif lemma in DEMAND_GOVERNORS:
            return Context("demand", f"demanded by {governor.text!r}, coded there")
        elif _performative(governor, token):  # "I would like to thank you": done so
            return _negated_mode(mode, negated)
        else:
            return Context("act", f"embedded under {governor.text!r}")
        token = governor
    return _negated_mode(mode, negated)


PERFORMATIVE_VERBS = frozenset({
    "thank", "congratulate", "express", "extend", "welcome", "commend", "apologize", "apologise",
})  # fmt: skip
"""Acts a speaker performs by saying that he would like (wishes) to perform them."""


def _performative(governor: Token, verb: Token) -> bool:
    """ "I would like to thank you", "we wish to express our condolences": a first-person
    speaker's courtesy done by saying so, not a wish."""
    lemma = governor.lemma_.lower()
    if verb.lemma_.lower() not in PERFORMATIVE_VERBS or lemma not in ("like", "wish"):
        return False
    if lemma == "like" and not any(c.lower_ in ("would", "'d", "’d") for c in governor.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in governor.children)


def is_infinitive(verb: Token) -> bool:
    """A "to" clause: "(expects Russia) to withdraw"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# whom a state sends to meet or negotiate (events/governed.py, sent_envoy)
ENVOY_NOUNS = frozenset({
    "minister", "envoy", "delegation", "mission", "team", "negotiator", "emissary",
    "representative", "secretary", "delegate",
})  # fmt: skip
SENDING_VERBS = frozenset({"send", "dispatch"})


def sent_envoy_object(verb: Token) -> Token | None:
    """The envoy of "sent/dispatched <an envoy>", else None."""
    if verb.lemma_.lower() not in SENDING_VERBS:
        return None
    envoy = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if envoy is None or envoy.lemma_.lower() not in ENVOY_NOUNS:
        return None
    return envoy


# the envoy of a summons: "summoned X's ambassador", "called in X's top envoy"
ENVOY_HEADS = frozenset({
    "ambassador", "envoy", "diplomat", "attache", "attaché", "charge", "chargé", "consul",
})  # fmt: skip


def _calls_in_envoy(verb: Token) -> bool:
    """ "called in X's ambassador": a summons, not an appeal ("called on X to ...")."""
    return any(
        c.lower_ == "in"
        and (c.dep_ == "prt" or any(o.lemma_.lower() in ENVOY_HEADS for o in c.children))
        for c in verb.children
    )


def _denies_a_charge(denial: Token) -> bool:
    """ "X accused Y ..., a charge Y denies", parsed with the accusation as the complement of
    "denies": the charge is the fronted object, the clause before it was made."""
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in DENIED_CHARGES and c.i < denial.i
        for c in denial.children
    ) and any(c.dep_ == "ccomp" and c.i < denial.i for c in denial.children)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _relative_subject(clause: Token) -> bool:
    """ "which has seized ...": the relative pronoun is the clause's subject, so the clause
    says what its antecedent has done; "which X have called on Y to reverse" is X's act."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children
    )


# verbs and their objects that ask for, press for or permit an act in a "to" clause
ASKING_GOVERNORS = frozenset({"pressure", "push", "allow", "permit", "authorize", "authorise"})
PERMISSION_NOUNS = frozenset({"permission", "approval", "authorization", "authorisation"})


def _asked_by_infinitive(clause: Token) -> bool:
    """An infinitival clause that another party's verb asks for or permits, so it is not
    (yet) an act: "was pressured to help Y", "gave X permission to help Y"."""
    if not is_infinitive(clause):
        return False
    governor = clause.head
    if governor.lemma_.lower() in APPEAL_GOVERNORS | DEMAND_GOVERNORS | ASKING_GOVERNORS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PERMISSION_NOUNS for c in governor.children)


def _has_future(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children)


def _negated_mode(mode: Mode, negated: Token | None) -> Context:
    """A negated intent is a refusal ("will not meet" -> 125); other negations reject."""
    if negated is None:
        return Context(mode)
    if mode == "intent":
        return Context("refuse", negation=f"negated ({negated.text!r})")
    return Context("act", f"negated ({negated.text!r})")


# "What is needed is X": a prescription, not a report
PRESCRIBING_WORDS = frozenset({"need", "necessary", "require", "essential", "important", "want"})


DRAFT_WORDS = frozenset({"draft", "proposed"})


def drafted_in(verb: Token) -> str:
    """The draft whose text the verb is ("a draft resolution deploring X and demanding Y",
    "the draft said it 'deplores' X"), or "": a text put to a vote proposes, it does not act."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    holder: Token | None = None
    if verb.dep_ == "acl":
        holder = verb.head
    elif verb.dep_ == "ccomp":
        holder = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if holder is None:
        return ""
    words = [t for t in holder.subtree if t.i <= holder.i]  # "a draft UN Council resolution"
    return next((w.text for w in words if w.lemma_.lower() in DRAFT_WORDS), "")


ENSURING_VERBS = frozenset({"ensure", "insure"})


def _ensured_by(clause: Token) -> str:
    """The word that makes a that-clause a state of affairs to bring about ("make sure that
    X talks to Y", "ensure that X and Y meet"), or "": a wish, not a report."""
    governor = clause.head
    if clause.dep_ != "ccomp" or not any(m.lower_ == "that" for m in clause.children):
        return ""
    if governor.lower_ == "sure" and governor.head.lemma_.lower() == "make":
        return "make sure"
    return governor.text if governor.lemma_.lower() in ENSURING_VERBS else ""


def prescribed_by(token: Token) -> str:
    """The word of a pseudo-cleft that prescribes the token's clause ("What is needed is
    dialogue between X and Y", "what matters is for X to ..."), or "" when there is none."""
    root = token.sent.root
    if root.lemma_.lower() != "be" or not any(a.i == root.i for a in token.ancestors):
        return ""
    for subject in root.children:
        if subject.dep_ != "csubj":
            continue
        for word in subject.subtree:
            if word.lemma_.lower() in PRESCRIBING_WORDS:
                return word.text
    return ""
