"""Reading the dependency parse: subjects, objects, particles, passives, light verbs.

These functions look at spaCy tokens only, never at actors: which token is a verb's
subject or its patient, what a preposition governs, whether a verb is passive, which light
verb makes an event noun an act. The coder's stages (``triggers``, ``arguments``,
``verb_acts``, ``noun_acts``) and the rules for governed and violent acts all read the
parse through them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tripolar.events.modality import (
    APPEAL_GOVERNORS,
    CAUSATIVE_GOVERNORS,
    DECISION_NOUNS,
    DEMAND_GOVERNORS,
    ENVOY_HEADS,
    OBJECT_APPEAL_GOVERNORS,
    is_infinitive,
)
from tripolar.events.patterns import NounPattern, VerbPattern

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_TAGS = ("WDT", "WP", "WP$")
# fmt: off
LIGHT_VERBS = frozenset({
    "hold", "have", "pay", "make", "conduct", "stage", "carry", "begin", "start", "launch",
    "open", "conclude", "reach", "seal", "host", "attend", "join", "form", "forge", "announce",
    "complete", "finish", "resume", "continue", "give", "provide", "send", "extend", "lodge",
    "file", "impose", "sign", "ink", "enter", "wrap", "undertake", "renew", "mount", "declare",
    "issue", "express", "organize", "organise", "initiate", "step", "intensify", "end",
    "voice",  # "voiced support for X"
    "perform",  # "performed an unsafe intercept of X's plane"
    "speed", "accelerate", "tighten", "toughen", "widen", "expand", "broaden",
    "deepen", "strengthen", "enhance", "boost", "bolster", "cement", "develop", "build",
    "approve", "disburse",  # "approved a loan for X"
    "adopt", "unveil",  # "voted to adopt sanctions against X"
    "prolong", "roll",  # "prolonged the sanctions on X", "rolled over measures against X"
    "wage", "wag",  # "waged a war against X" (en_core_web_sm lemmatizes "waged" as "wag")
    "fly",  # "flew a joint patrol"
    "stag",  # en_core_web_sm lemmatizes "staged" as "stag"
    "unleash",  # "unleashed a barrage of missiles on X"
})
# verbs that act through a "with" noun: "retaliated with tariffs on X"
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "counter", "hit"})
# an object headed by one of these is read through its "of" phrase ("tons of food aid")
QUANTITY_HEADS = frozenset({
    "ton", "tonne", "million", "billion", "thousand", "worth", "amount", "lot", "kind", "part",
    "package", "shipment", "batch", "consignment", "dollar", "round", "wave", "series",
    "number", "quantity", "volume", "load", "supply", "delivery", "kg", "kilogram", "pound",
    "truckload", "planeload", "container", "crate", "bag", "litre", "liter",
    "day", "week", "month", "hour", "year",
})
# sums of money, read through "in": "$5 million in aid"
AMOUNT_HEADS = frozenset({"million", "billion", "trillion", "thousand", "dollar", "worth"})
# generic heads that take the event of their compound ("mediation effort", "peace mission")
EVENT_HEADS = frozenset({
    "effort", "mission", "process", "bid", "initiative", "campaign", "operation", "plan",
    "move", "attempt", "programme", "program", "action", "session", "drive",
})
# verbs of saying: "X said (that) Y ..." codes the complement as a main clause
SAY_VERBS = frozenset({
    "say", "declare", "announce", "state", "reiterate", "stress", "tell", "conclude", "add",
    "repeat", "argue", "write", "insist", "maintain", "emphasize", "emphasise", "assert",
    "confirm", "reaffirm", "affirm", "report", "indicate", "note", "explain", "signal",
})
# verbs whose object is the subject of their infinitive: "urged Y to ...", "led Y to ..."
OBJECT_CONTROL_GOVERNORS = (
    APPEAL_GOVERNORS | DEMAND_GOVERNORS | OBJECT_APPEAL_GOVERNORS | CAUSATIVE_GOVERNORS
)
# an instrument of state that acts through what it says: "signed an order lifting sanctions
# on X", "issued a decree banning imports from X" - whoever signed it acts
ENACTED_NOUNS = frozenset({
    "order", "decree", "law", "bill", "directive", "regulation", "legislation", "edict",
    "proclamation", "ordinance", "memorandum", "resolution",
})
# nouns of intent whose infinitive is the intent of who states them
INTENT_NOUNS = frozenset({
    "readiness", "willingness", "desire", "intention", "intent", "determination", "wish",
    "resolve", "eagerness", "commitment", "hope",
})
# nouns whose infinitive is their owner's act or intent: "NATO's decision to expel X",
# "Washington's bid to extend the embargo", "China's threat to impose sanctions"
OWNED_ACT_NOUNS = DECISION_NOUNS | INTENT_NOUNS | frozenset({
    "plan", "bid", "attempt", "effort", "threat", "offer", "pledge", "promise", "proposal",
    "push", "drive", "campaign",
})
# verbs that state or make an intent or decision of their subject's
STATING_VERBS = frozenset({
    "express", "voice", "reaffirm", "reiterate", "affirm", "signal", "show", "state",
    "confirm", "indicate", "announce", "declare", "make", "take", "reach",
})
ENACTING_VERBS = frozenset({"sign", "issue", "pass", "adopt", "approve", "enact", "ink"})
# "X responded by sanctioning Y": the subject of a verb heads its "by/after ..." -ing clause
MEANS_PREPS = frozenset({"by", "after", "before", "while", "without", "in"})
# participle lemma (as verb or adjective) -> the preposition of its target: "is opposed to"
STANCE_PARTICIPLES = {"oppose": "to", "opposed": "to"}
# fmt: on


def clause_verb(token: Token) -> Token:
    """The verb whose clause the token is in: itself for a verb, else its nearest verb
    ancestor, else the root."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def dependent(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("China and Russia"); a list the parser
    reads as an apposition with a conjunct ("the US, Russia, and Switzerland") included."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and any(c.dep_ == "conj" for c in child.children)
            and any(  # "and" on the apposition or on its last conjunct ("the UAE, Egypt and")
                c.dep_ == "cc"
                for n in (child, *(c for c in child.children if c.dep_ == "conj"))
                for c in n.children
            )
        ):
            out.extend(conjuncts(child))
    return out


def up_to_object(verb: Token) -> Token | None:
    """ "kidnapped up to 16 advisers": "up to" quantifies the object, it is no particle."""
    particle = dependent(verb, "prt")
    if particle is None or particle.lower_ != "up":
        return None
    for prep in list(particle.children) + list(verb.children):
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children):
                    return obj
    return None


def direct_object(verb: Token) -> Token | None:
    """The verb's direct object: "up to N" objects; else its dobj; else the subject of an
    infinitive clause the parser hangs on it ("ordered X to leave"); else the object the parser
    hangs as an apposition on a manner phrase ("condemned in the strongest terms X's launches",
    "in no uncertain terms")."""
    found = up_to_object(verb) or dependent(verb, "dobj")
    if found is not None:
        return found
    clause = dependent(verb, "ccomp")
    if clause is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        # "ordered several countries' diplomats to leave": the parser takes the object for
        # the subject of an infinitive clause, which has none in English
        subject = dependent(clause, "nsubj")
        if subject is not None:
            return subject
    for term in prep_objects(verb, "in", frozenset({"term"})):
        # or as a clause on "terms" when it takes the plural noun for a verb ("launches");
        # "in terms agreed with X" is a true clause
        for child in term.children:
            if child.dep_ == "appos" or (
                child.dep_ == "acl" and child.tag_ in ("NN", "NNS", "VBZ")
            ):
                return child
    return None


def verb_particle(verb: Token) -> Token | None:
    """The verb's particle, unless it is the "up" of a quantifier "up to N"."""
    return None if up_to_object(verb) is not None else dependent(verb, "prt")


def is_passive(verb: Token) -> bool:
    if is_stance(verb):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and dependent(verb, "nsubj") is None:
        return is_passive(verb.head)  # "were detained and later deported by X"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def is_stance(verb: Token) -> bool:
    """ "X is opposed to Y": a participle that states the subject's stance, with no agent."""
    preposition = STANCE_PARTICIPLES.get(verb.lemma_.lower())
    return (
        preposition is not None
        and verb.tag_ in ("VBN", "JJ")
        and not any(c.dep_ == "agent" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == preposition for c in verb.children)
    )


def passive_patient(verb: Token) -> Token | None:
    """The passive subject: "Russia was sanctioned", "sanctions imposed on Russia"."""
    subject = dependent(verb, "nsubjpass")
    if subject is not None:
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "conj" and dependent(verb, "nsubj") is None:
        # "X were arrested and later released by Y", "X imprisoned ... were released by Y"
        return passive_patient(verb.head) or dependent(verb.head, "nsubj")
    return None


def agent_objects(token: Token) -> list[Token]:
    return [
        obj
        for agent in token.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
    ]


def subject_heads(verb: Token) -> list[Token]:
    """Subject heads of an active verb, following coordination, control and relative clauses."""
    for _ in range(5):
        subject = (
            dependent(verb, "nsubj") or dependent(verb, "nsubjpass") or _auxiliary_subject(verb)
        )
        if subject is not None:
            if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                return [verb.head]
            # "Japan, China and Korea met": the parser may give a list two subjects
            return [subject] + [
                c
                for c in verb.children
                if c.dep_ == subject.dep_
                and c.i > subject.i
                and c.left_edge.i > 0
                and c.doc[c.left_edge.i - 1].text == ","
            ]
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            verb = head
        elif verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and is_purpose_clause(verb)):
            controller = dependent(head, "dobj")
            if controller is not None and head.lemma_.lower() in OBJECT_CONTROL_GOVERNORS:
                return [controller]  # "urged Y to ...", "led Washington to expel Ankara"
            verb = head  # "X agreed to ...", "began a strike to protest X"
        elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
            if is_passive(head) and agent_objects(head):
                return agent_objects(head)  # "X was attacked by Y, killing ..."
            verb = head  # "..., killing X"
        elif verb.dep_ in ("acomp", "pcomp") or (verb.dep_ == "prep" and head.pos_ == "ADJ"):
            verb = head  # "X is willing to help", "X is committed to opening"
        elif verb.dep_ == "prep" and head.pos_ in ("VERB", "AUX") and verb.lower_ in MEANS_PREPS:
            verb = head  # "responded by sanctioning X", "after meeting X, Y said ..."
        elif verb.dep_ in ("acl", "relcl") and is_infinitive(verb) and head.dep_ == "attr":
            verb = head.head  # "X was the first country to recognize Y": X
        elif verb.dep_ == "relcl" and is_infinitive(verb) and head.dep_ == "ROOT":
            # a headline "X, Y to hold talks", parsed as a noun with an appended name
            return [head] + [
                c for c in head.children if c.dep_ in ("appos", "npadvmod", "conj") and c.i < verb.i
            ]
        elif verb.dep_ in ("acl", "relcl") and is_infinitive(verb) and _stated_intent(head):
            verb = head.head  # "X expressed readiness to cooperate with Y", "took steps to": X
        elif verb.dep_ == "acl" and is_infinitive(verb) and head.lemma_.lower() in OWNED_ACT_NOUNS:
            # "NATO's decision to expel eight diplomats", "a bid by X to ...": the owner
            return [
                c for c in head.children if c.dep_ in ("poss", "compound", "amod")
            ] + prep_objects(head, "by")
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and _enacted(head):
            verb = head.head  # "signed an order lifting sanctions on X": the signer
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [head]
        else:
            return []
    return []


def summoned_envoy(verb: Token) -> Token | None:
    """The envoy a verb summons ("summoned X's ambassador", "called in X's envoy"), else None:
    what the summoner does "to urge ..." or "to lodge a protest" is aimed at the envoy."""
    lemma = verb.lemma_.lower()
    envoys = [c for c in verb.children if c.dep_ == "dobj"] if lemma == "summon" else []
    if lemma == "call" and any(
        c.dep_ in ("prt", "prep") and c.lower_ == "in" for c in verb.children
    ):
        envoys = [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, "in")
    return next((e for e in envoys if e.lemma_.lower() in ENVOY_HEADS), None)


def _stated_intent(noun: Token) -> bool:
    """A noun of intent or decision that its verb states: "expressed readiness to", "made the
    decision to"."""
    return (
        noun.lemma_.lower() in INTENT_NOUNS | DECISION_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in STATING_VERBS  # not "condemned Y's decision to"
    )


def _enacted(noun: Token) -> bool:
    """An order, decree or law that its governing verb signs, issues or passes."""
    return (
        noun.lemma_.lower() in ENACTED_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in ENACTING_VERBS
    )


def _auxiliary_subject(verb: Token) -> Token | None:
    """A subject the parser hung on the verb's auxiliary ("Chile [is] opposed to ...")."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass"):
            subject = dependent(aux, "nsubj") or dependent(aux, "nsubjpass")
            if subject is not None:
                return subject
    return None


def is_purpose_clause(verb: Token) -> bool:
    """An infinitival purpose clause: "(in order) to protest"."""
    return verb.tag_ == "VB" and is_infinitive(verb)


def prep_objects(
    token: Token | None, prep: str, heads: frozenset[str] = frozenset()
) -> list[Token]:
    if token is None:
        return []
    words = prep.split("_")
    out = []
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative") or child.lower_ != words[0]:
            continue
        if len(words) > 1:  # "out_of": "pull out of X" parsed as two prepositions
            out += prep_objects(child, "_".join(words[1:]), heads)
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (not heads or obj.lemma_.lower() in heads):
                out.append(obj)
    return out


def find_pattern_object(verb: Token, obj: Token | None, pattern: VerbPattern) -> Token | None:
    if not pattern.objects:
        return None
    if pattern.object_prep:
        found = prep_objects(verb, pattern.object_prep, pattern.objects)
        return found[0] if found else None
    if obj is None:
        return None
    for token in conjuncts(through_quantity(obj)):
        if token.lemma_.lower() in pattern.objects:
            return token
        for child in token.children:  # "aid deliveries", "arms shipments"
            if child.dep_ == "compound" and child.lemma_.lower() in pattern.objects:
                return token
    return None


def through_quantity(noun: Token) -> Token:
    """'70 million dollars of aid', '$5 million in aid' -> aid; other nouns stand for
    themselves."""
    for _ in range(3):
        if noun.lemma_.lower() not in QUANTITY_HEADS and noun.pos_ != "NUM":
            return noun
        inner = prep_objects(noun, "of")
        if not inner and (noun.pos_ == "NUM" or noun.lemma_.lower() in AMOUNT_HEADS):
            inner = prep_objects(noun, "in")  # "$5 million in aid", not "deliveries in X"
        if not inner:
            return noun
        noun = inner[0]
    return noun


def owner_objects(noun: Token, preps: Sequence[str] = ("of", "by", "from")) -> list[Token]:
    """Objects of 'of'/'by'/'from' on a noun: whose act or thing the noun is; also the
    agent of a participle on it ("crimes committed by X", "a rally staged by X") and the
    subject of a relative clause it is the object of ("the drills X launched")."""
    found = [o for prep in preps for o in prep_objects(noun, prep)]
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            found += agent_objects(clause)
        elif (subject := object_relative_subject(clause)) is not None:
            found.append(subject)  # "the drills X launched", "the plan that X proposed"
    return found


def light_verb_of(noun: Token) -> Token | None:
    """The light verb whose object the noun is: "held talks", also through a quantity or
    duration ("launched ten days of war games"); a conjoined noun shares its first
    conjunct's ("imposed asset freezes and visa bans")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        noun = noun.head
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in QUANTITY_HEADS
        and noun.head.head.dep_ == "dobj"
    ):
        noun = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ == "head":
        noun = noun.head.head  # "entered into heads of agreement"
    if noun.dep_ == "pobj" and noun.head.lower_ == "into" and noun.head.head.lemma_ == "enter":
        return noun.head.head  # "entered into an agreement with X"
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "embark":
        return noun.head.head  # "embarked on a joint exercise with X"
    if not _is_direct_light_object(noun):
        return _relative_light_verb(noun)
    return noun.head.head if noun.dep_ == "pobj" else noun.head


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _relative_light_verb(noun: Token) -> Token | None:
    """The light verb of a relative clause whose object the noun is: "the drills (that) X
    launched around Y", "the sanctions X imposed on Y"."""
    for clause in noun.children:
        if clause.lemma_.lower() in LIGHT_VERBS and object_relative_subject(clause) is not None:
            return clause
    return None


def object_relative_subject(clause: Token) -> Token | None:
    """The subject of a relative clause whose object is the noun it modifies ("the plan (that)
    X proposed": X), or None ("the plan that failed")."""
    if clause.dep_ != "relcl":
        return None
    subject = dependent(clause, "nsubj")
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    return subject if all(o.lower_ in RELATIVE_PRONOUNS for o in objects) else None


def _is_direct_light_object(noun: Token) -> bool:
    head = noun.head
    if (  # "retaliated with tariffs", "responded with sanctions": the act is the noun
        noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in RESPONSE_VERBS
    ):
        return True
    if head.pos_ != "VERB" or head.lemma_.lower() not in LIGHT_VERBS:
        return False
    return noun.dep_ in ("dobj", "nsubjpass") or (
        noun.dep_ == "conj" and _is_direct_light_object(head)
    )


def has_pattern_modifier(noun: Token, pattern: NounPattern) -> bool:
    """The noun carries one of the pattern's modifiers; a flow of goods may name them in its
    "of" phrase instead ("the sale of 40 tanks", "the sale of $2bn in arms")."""
    if not pattern.modifiers:
        return True
    words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    if noun.lemma_.lower() in TRADE_FLOW_NOUNS:
        goods = prep_objects(noun, "of")
        words += goods + [o for g in [*goods, noun] for o in prep_objects(g, "in")]
    return any(w.lemma_.lower() in pattern.modifiers for w in words)


PROTESTED_PREPS = ("of", "at", "against", "over")  # "in protest of/at X"


def is_in_protest(noun: Token) -> bool:
    """The idiom "in protest of/at X", where "of" names what is protested, not who protests."""
    return (
        noun.lemma_.lower() == "protest"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss") for c in noun.children)
    )


def has_in_protest(*holders: Token) -> bool:
    """Whether one of these tokens carries an "in protest of/at X" phrase."""
    return any(
        phrase.dep_ == "prep" and phrase.lower_ == "in" and any(map(is_in_protest, phrase.children))
        for holder in holders
        for phrase in holder.children
    )


def protested_objects(idiom: Token) -> list[Token]:
    """What "in protest of/at X" protests: X (its modifiers included: "at Y's decision") and
    who did it; the parser may hang "at X" on the clause's verb instead of on "protest"."""
    objects = [o for p in PROTESTED_PREPS for o in prep_objects(idiom, p)]
    if not objects:
        verb = next((a for a in idiom.ancestors if a.pos_ == "VERB"), None)
        if verb is not None:
            objects = [o for p in PROTESTED_PREPS[1:] for o in prep_objects(verb, p)]
    # whose act it is: "tariffs imposed by X", "a ban by X"; not "of", which after an act
    # names who suffered it ("the arrest of activists")
    return objects + [
        o for n in objects for o in owner_objects(n, ("by",) if n.pos_ == "NOUN" else ())
    ]


OWNER_PRONOUNS = frozenset({"its", "their"})
# craft and troops, whose "its" cannot be their own: "a foreign cutter struck its trawlers"
MOVING_FORCES = frozenset({
    "vessel", "ship", "boat", "warship", "frigate", "destroyer", "submarine", "jet", "plane",
    "aircraft", "bomber", "fighter", "warplane", "drone", "helicopter", "missile", "rocket",
    "balloon", "troop", "soldier", "trawler", "cutter",
})  # fmt: skip


# goods that flow between states: the state at the other end is the one a measure on the
# flow is aimed at ("curbs on exports of rare earths to X", "a ban on imports from X")
TRADE_FLOW_NOUNS = frozenset({"export", "import", "shipment", "sale", "supply", "delivery"})


def trade_partners(noun: Token) -> list[Token]:
    """The "to"/"from" objects of a trade noun, on it or on its "of" goods phrase."""
    if noun.lemma_.lower() not in TRADE_FLOW_NOUNS:
        return []
    holders = [noun, *prep_objects(noun, "of")]
    return [o for h in holders for p in ("to", "from") for o in prep_objects(h, p)]


def that_clauses(noun: Token) -> list[Token]:
    """The "that" clauses a noun heads: "concern that X was expanding its navy"."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
