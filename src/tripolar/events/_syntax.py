"""Parse helpers shared by the coder modules: where actors sit, subjects, objects, targets.

Private to ``tripolar.events``; the coder (``coder.py``) and the governed-act rules
(``governed.py``) both read the dependency parse through these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tripolar.actors.dictionary import country_root
from tripolar.events.modality import (
    ALLEGE_GOVERNORS,
    APPEAL_GOVERNORS,
    CAUSATIVE_GOVERNORS,
    DEMAND_GOVERNORS,
    OBJECT_APPEAL_GOVERNORS,
    Context,
    is_infinitive,
)
from tripolar.events.patterns import NounPattern, TargetSlot, VerbPattern
from tripolar.events.places import place_mention
from tripolar.model import Mention

ACTOR_MODIFIERS = ("poss", "compound", "amod", "nmod", "appos")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
EXAMPLE_PREPS = ("including", "like")
# a generic party that stands for the state it is placed in: "the relevant parties in the US"
PARTY_HEADS = frozenset(
    {"party", "side", "authority", "institution", "organ"}
)  # "entities including X": the named members stand for it
RELATIVE_TAGS = ("WDT", "WP", "WP$")
# fmt: off
LIGHT_VERBS = frozenset({
    "hold", "have", "pay", "make", "conduct", "stage", "carry", "begin", "start", "launch",
    "open", "conclude", "reach", "seal", "host", "attend", "join", "form", "forge", "announce",
    "complete", "finish", "resume", "continue", "give", "provide", "send", "extend", "lodge",
    "file", "impose", "sign", "ink", "enter", "wrap", "undertake", "renew", "mount", "declare",
    "issue", "express", "organize", "organise", "initiate", "step", "intensify", "end",
    "speed", "accelerate", "tighten", "toughen", "widen", "expand", "broaden",
    "deepen", "strengthen", "enhance", "boost", "bolster", "cement", "develop", "build",
    "approve", "disburse",  # "approved a loan for X"
    "adopt", "unveil",  # "voted to adopt sanctions against X"
    "wage", "wag",  # "waged a war against X" (en_core_web_sm lemmatizes "waged" as "wag")
    "fly",  # "flew a joint patrol"
    "stag",  # en_core_web_sm lemmatizes "staged" as "stag"
})
# verbs that act through a "with" noun: "retaliated with tariffs on X"
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "counter", "hit"})
# a noun phrase headed by one of these stands for the actors of its "of" phrase
# ("thousands of Kurds", "members of the party", "two of its nationals")
PARTITIVE_HEADS = frozenset({
    "thousand", "hundred", "dozen", "million", "score", "member", "group", "some", "many",
    "most", "all", "part", "number", "majority", "minority", "band", "crowd", "team",
    "delegation", "contingent", "unit", "one", "each", "several", "few", "supporter",
    "leader", "representative", "official", "faction", "wing", "patch", "batch",
    "deployment", "detachment", "battalion", "convoy", "wave", "squad", "panel",
})
# people named by what they do stand for the actors of their "of"/"from" phrase
# ("activists from the opposition", "students of Cairo University")
GROUP_HEADS = frozenset({
    "activist", "student", "worker", "protester", "protestor", "demonstrator", "militant",
    "fighter", "refugee", "resident", "villager", "farmer", "employee", "youth", "envoy",
    "guerrilla", "delegate", "elder", "doctor", "physician", "nurse", "volunteer", "expert",
    "lawyer", "teacher", "journalist", "settler", "inhabitant", "citizen", "national",
})
# a place that stands for the people it houses or belongs to: "a camp for Syrian refugees",
# "the offices of the Palestinian administration"
FACILITY_HEADS = frozenset({
    "camp", "office", "home", "house", "headquarters", "residence", "compound", "base",
    "shelter", "settlement", "premises", "building", "hospital", "school",
})
# an object headed by one of these is read through its "of" phrase ("tons of food aid")
QUANTITY_HEADS = frozenset({
    "ton", "tonne", "million", "billion", "thousand", "worth", "amount", "lot", "kind", "part",
    "package", "shipment", "batch", "consignment", "dollar", "round", "wave", "series",
    "number", "quantity", "volume", "load", "supply", "delivery", "kg", "kilogram", "pound",
    "truckload", "planeload", "container", "crate", "bag", "litre", "liter",
    "day", "week", "month", "hour", "year",
})
# a document stands for its author or, failing that, the capital it was released in
# ("a study by X", "the statement issued by X", "a report released in Kigali")
DOCUMENT_HEADS = frozenset({
    "report", "study", "statement", "communique", "communiqué", "document", "dossier",
    "paper", "survey", "assessment", "analysis", "memo", "memorandum", "letter", "note",
})
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
# "X responded by sanctioning Y": the subject of a verb heads its "by/after ..." -ing clause
MEANS_PREPS = frozenset({"by", "after", "before", "while", "without", "in"})
# personal pronouns that, as subject of a speech complement, may stand for the speaker
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# "an agreement with X": the object of such a verb ("endorsed ...") points at the partner
PARTNER_NOUNS = frozenset({
    "agreement", "deal", "treaty", "pact", "accord", "partnership", "alliance", "cooperation",
    "relation", "tie", "contract", "memorandum",
})
# "the border with X" points at X
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "war", "conflict"})
# sectors of a state's own apparatus: they do not protest against their government
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
# participle lemma (as verb or adjective) -> the preposition of its target: "is opposed to"
STANCE_PARTICIPLES = {"oppose": "to", "opposed": "to"}
# fmt: on


@dataclass(slots=True)
class _Candidate:
    """What one trigger yields before it becomes events."""

    code: str
    rule: str
    sources: list[Mention]
    targets: list[Mention]
    recip: bool
    context: Context
    mutual: bool = False  # each target also acts on each source ("X clashed with Y")
    reverse_code: str | None = None  # "[a:b]" dictionary codes: targets -> sources with b


class _MentionIndex:
    """Mentions located on the tokens of one Doc."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
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
        if found is not None and found.kind == "agent" and not head_only:
            # "top diplomats including X and Y": the named members, not the bare agent
            # (whose country may only be guessed from context)
            named = self._example_actors(head)
            if named:
                return named
        if found is not None and not found.anchors:
            # an agent of unknown country is the last resort: "the Biden administration"
            owners = [] if head_only else self._modifier_actors(head)
            if owners:
                return owners
            # "officials in Moscow" need not be Russian; "dissidents in Moscow" are
            preps = ("from",) if found.codes[0][3:6] in STATE_SECTORS else ("from", "in")
            return [_placed(found, self.of_group(o for p in preps for o in _prep_objects(head, p)))]
        if found is not None:
            return [found]
        if head_only:
            return []
        return self._modifier_actors(head)

    def _modifier_actors(self, head: Token) -> list[Mention]:
        """Actors named on a phrase's modifiers: "of"-members of a group, a state adjective,
        a possessive, one level deeper ("Iraqi President Saddam Hussein's proposal")."""
        lemma = head.lemma_.lower()
        if lemma == "counterpart":
            return self._counterpart(head)
        if lemma in PARTITIVE_HEADS or lemma in GROUP_HEADS or head.pos_ == "NUM":
            members = _prep_objects(head, "of") or _prep_objects(head, "from")
            if members:
                return self.of_group(members)
        if lemma in PARTY_HEADS:  # "the relevant parties in the US", "the side of X"
            placed = self.of_group(_prep_objects(head, "in") + _prep_objects(head, "of"))
            if placed:
                return placed
        if lemma in FACILITY_HEADS:
            occupants = self.of_group(_prep_objects(head, "of") + _prep_objects(head, "for"))
            if occupants:
                return occupants
        for dep in ACTOR_MODIFIERS:
            for child in head.children:
                if child.dep_ != dep:
                    continue
                mentions = [
                    m for t in _conjuncts(child) if (m := self.by_head.get(t.i)) is not None
                ]
                if mentions:
                    return _unique(mentions)
        for child in head.children:
            if child.dep_ == "appos":  # "Kenzo Oshima, the UN relief coordinator"
                described = self.of_phrase(child)
                if described:
                    return described
            # one level deeper: "Iraqi President Saddam Hussein's proposal", "US Predator
            # attacks", "the Security Council resolution"
            if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
                deeper = [
                    m
                    for grand in child.children
                    if grand.dep_ in ("compound", "amod", "poss")
                    and (m := self.by_head.get(grand.i)) is not None
                ]
                if deeper:
                    return _unique(deeper)
        named = self._example_actors(head)  # "sanctions on entities, including Russian banks"
        if named:
            return named
        if lemma in DOCUMENT_HEADS:  # "a study by X", "issued by X", else "released in X"
            releases = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            by = _prep_objects(head, "by") + [o for r in releases for o in _prep_objects(r, "by")]
            released_in = [o for r in releases for o in _prep_objects(r, "in")]
            return self.of_group(by) or self.of_group(released_in)
        return []

    def _example_actors(self, head: Token) -> list[Mention]:
        """Actors a phrase names as its members: "entities including X", "states like Y"."""
        members = [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in EXAMPLE_PREPS
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return self.of_group(members) if members else []

    def _counterpart(self, head: Token) -> list[Mention]:
        """ "his Chinese counterpart (Wang Yi)": the counterpart's own state, as an official,
        never the possessor's ("his" is the other side)."""
        owner = next((self.by_token.get(c.i) for c in head.children if c.dep_ == "poss"), None)
        if owner is None:  # "X's defence minister met his ... counterpart": the subject's
            owner = next(iter(self.of_group(_subjects(_clause_verb(head)))), None)
        sector = owner.codes[0][3:6] if owner is not None and owner.codes[0][3:6] else "GOV"
        for dep in ("appos", "compound", "amod", "nmod"):
            for child in head.children:
                if child.dep_ != dep:
                    continue
                found = [m for t in _conjuncts(child) if (m := self.by_head.get(t.i)) is not None]
                if not found and dep == "appos":
                    found = self.of_phrase(child)
                if found:
                    return [_as_official(m, sector) for m in _unique(found)]
        return []

    def of_group(self, tokens: Iterable[Token], *, head_only: bool = False) -> list[Mention]:
        found = _unique(
            m for t in tokens for c in _conjuncts(t) for m in self.of_phrase(c, head_only=head_only)
        )
        # "Russian companies, officials and banks": agents of unknown country only fill a
        # role that no actor of known country fills
        anchored = [m for m in found if m.anchors]
        return anchored or found

    def subjects_of(self, verb: Token) -> list[Mention]:
        """Actors of a verb's subject; an unresolved pronoun subject of a speech complement
        stands for the speaker ("Syria says it is willing to ...", "A and B said they ...")."""
        subjects = _subjects(verb)
        found = self.of_group(subjects)
        if found or len(subjects) != 1:
            return found
        pronoun = subjects[0]
        if pronoun.pos_ != "PRON" or pronoun.lower_ not in SPEAKER_PRONOUNS:
            return []
        clause = pronoun.head
        for _ in range(3):  # "said it had ...", "said it would agree and sign ..."
            if (
                clause.dep_ == "ccomp"
                and clause.head.lemma_.lower() in SAY_VERBS | ALLEGE_GOVERNORS
            ):
                return self.subjects_of(clause.head)
            if clause.dep_ != "conj":
                break
            clause = clause.head
        return []


def _placed(agent: Mention, places: Sequence[Mention]) -> Mention:
    """An agent of unknown country ("---OPP") given the country of the one state its phrase
    places it in or from, which the parse-free resolver could not link ("dissidents from
    military-ruled Myanmar"); else the agent unchanged."""
    root = one_country(places)
    return agent if root is None else placed_in(agent, root)


def one_country(mentions: Iterable[Mention]) -> str | None:
    """The one state all these mentions belong to; None for none, several, or non-states."""
    roots = {country_root(c) for m in mentions for c in m.codes}
    if len(roots) != 1:
        return None
    return next(iter(roots))


def _as_official(mention: Mention, sector: str) -> Mention:
    """A state named as someone's counterpart stands for the same office there: a foreign
    minister's Chinese counterpart is CHNGOV, a defence minister's CHNMIL."""
    if all(len(code) == 3 and code.isalpha() for code in mention.codes):
        return replace(mention, codes=tuple(code + sector for code in mention.codes))
    return mention


def placed_in(agent: Mention, root: str) -> Mention:
    """An agent of unknown country ("---OPP") placed in the state `root` ("SDNOPP")."""
    codes = tuple(dict.fromkeys(f"{root}{c[3:]}" for c in agent.codes))
    return replace(agent, codes=codes, entry=f"{agent.entry}, placed in {root}")


def _clause_verb(token: Token) -> Token:
    """The verb whose clause the token is in: itself for a verb, else its nearest verb
    ancestor, else the root."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("China and Russia"); a list the parser
    reads as an apposition with a conjunct ("the US, Russia, and Switzerland") included."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and any(c.dep_ == "conj" for c in child.children)
            and any(c.dep_ == "cc" for c in child.children)
        ):
            out.extend(_conjuncts(child))
    return out


def _up_to_object(verb: Token) -> Token | None:
    """ "kidnapped up to 16 advisers": "up to" quantifies the object, it is no particle."""
    particle = _child(verb, "prt")
    if particle is None or particle.lower_ != "up":
        return None
    for prep in list(particle.children) + list(verb.children):
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children):
                    return obj
    return None


def _particle(verb: Token) -> Token | None:
    """The verb's particle, unless it is the "up" of a quantifier "up to N"."""
    return None if _up_to_object(verb) is not None else _child(verb, "prt")


def _is_passive(verb: Token) -> bool:
    if _is_stance(verb):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and _child(verb, "nsubj") is None:
        return _is_passive(verb.head)  # "were detained and later deported by X"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _is_stance(verb: Token) -> bool:
    """ "X is opposed to Y": a participle that states the subject's stance, with no agent."""
    preposition = STANCE_PARTICIPLES.get(verb.lemma_.lower())
    return (
        preposition is not None
        and verb.tag_ in ("VBN", "JJ")
        and not any(c.dep_ == "agent" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == preposition for c in verb.children)
    )


def _patient(verb: Token) -> Token | None:
    """The passive subject: "Russia was sanctioned", "sanctions imposed on Russia"."""
    subject = _child(verb, "nsubjpass")
    if subject is not None:
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "conj" and _child(verb, "nsubj") is None:
        # "X were arrested and later released by Y", "X imprisoned ... were released by Y"
        return _patient(verb.head) or _child(verb.head, "nsubj")
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
        subject = _child(verb, "nsubj") or _child(verb, "nsubjpass") or _auxiliary_subject(verb)
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
        elif verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and _is_purpose(verb)):
            controller = _child(head, "dobj")
            if controller is not None and head.lemma_.lower() in OBJECT_CONTROL_GOVERNORS:
                return [controller]  # "urged Y to ...", "led Washington to expel Ankara"
            verb = head  # "X agreed to ...", "began a strike to protest X"
        elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
            if _is_passive(head) and _agent_objects(head):
                return _agent_objects(head)  # "X was attacked by Y, killing ..."
            verb = head  # "..., killing X"
        elif verb.dep_ in ("acomp", "pcomp") or (verb.dep_ == "prep" and head.pos_ == "ADJ"):
            verb = head  # "X is willing to help", "X is committed to opening"
        elif verb.dep_ == "prep" and head.pos_ in ("VERB", "AUX") and verb.lower_ in MEANS_PREPS:
            verb = head  # "responded by sanctioning X", "after meeting X, Y said ..."
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [head]
        else:
            return []
    return []


def _auxiliary_subject(verb: Token) -> Token | None:
    """A subject the parser hung on the verb's auxiliary ("Chile [is] opposed to ...")."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass"):
            subject = _child(aux, "nsubj") or _child(aux, "nsubjpass")
            if subject is not None:
                return subject
    return None


def _is_purpose(verb: Token) -> bool:
    """An infinitival purpose clause: "(in order) to protest"."""
    return verb.tag_ == "VB" and is_infinitive(verb)


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
        if len(words) > 1:  # "out_of": "pull out of X" parsed as two prepositions
            out += _prep_objects(child, "_".join(words[1:]), heads)
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
    for token in _conjuncts(_through_quantity(obj)):
        if token.lemma_.lower() in pattern.objects:
            return token
        for child in token.children:  # "aid deliveries", "arms shipments"
            if child.dep_ == "compound" and child.lemma_.lower() in pattern.objects:
                return token
    return None


def _through_quantity(noun: Token) -> Token:
    """'70 million dollars of aid' -> aid; other nouns stand for themselves."""
    for _ in range(3):
        if noun.lemma_.lower() not in QUANTITY_HEADS and noun.pos_ != "NUM":
            return noun
        inner = _prep_objects(noun, "of")
        if not inner:
            return noun
        noun = inner[0]
    return noun


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
            if not found and obj is not None and slot.slot == "dobj" and obj.pos_ == "NOUN":
                # "demanded the withdrawal of Serbian forces", "rejected calls by Belarus"
                found = index.of_group(_owner_objects(obj))
                if not found and obj.lemma_.lower() in PARTNER_NOUNS:
                    # "endorsed an association agreement with X": the partner
                    found = index.of_group(_prep_objects(obj, "with"))
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
            found = index.of_group(objects)
            if not found:  # "imposed sanctions on X (on Friday)", "mobilized troops against X"
                holder = pattern_object or obj
                on_object = [  # "artillery and rocket fire against X"
                    o
                    for noun in (_conjuncts(holder) if holder is not None else [])
                    for o in _prep_objects(noun, slot.slot, slot.heads)
                ]
                objects += on_object
                found = index.of_group(on_object)
            if not found:  # "conceded to demands from X", "set fire to the offices of X"
                found = index.of_group(
                    [o for n in objects if n.pos_ == "NOUN" for o in _owner_objects(n)]
                )
            if not found:  # "responsibility for an attack on X", "... a bombing in X"
                found = _unique(
                    m
                    for n in objects
                    if n.pos_ in ("NOUN", "PROPN")
                    for m in _event_noun_targets(n, index)
                )
        if found:
            return found, slot.slot
    return [], ""


def _event_noun_targets(noun: Token, index: _MentionIndex) -> list[Mention]:
    """Who or where an event noun is aimed at: "an attack on X", "an attack targeting X",
    "a bombing at a market in X"."""
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    preps = ("on", "against", "upon") + (("with",) if noun.lemma_.lower() in BORDER_NOUNS else ())
    direct = [o for h in holders for p in preps for o in _prep_objects(h, p)]
    direct += [o for h in holders[1:] if (o := _child(h, "dobj")) is not None]
    found = index.of_group(direct)
    if found:
        return found
    places = [o for h in holders for p in ("in", "at", "near") for o in _prep_objects(h, p)]
    places += [o for p in places if p.pos_ == "NOUN" for o in _prep_objects(p, "in")]
    return index.of_group(places) or _named_places(places)


def _located(index: _MentionIndex, *tokens: Token | None) -> list[Mention]:
    """Actors of "in"/"inside" places on the trigger: the default target of protests etc."""
    preps = ("in", "inside", "outside")
    places = [o for t in tokens for prep in preps for o in _prep_objects(t, prep)]
    for holder in tokens:  # "the curfew imposed in X": the place of a participle on the object
        if holder is not None and holder.pos_ in ("NOUN", "PROPN"):
            places += [
                o
                for clause in holder.children
                if clause.dep_ == "acl" and clause.tag_ == "VBN"
                for prep in preps
                for o in _prep_objects(clause, prep)
            ]
    return (
        index.of_group(places)
        or index.of_group(
            [o for p in places if p.pos_ == "NOUN" for o in _owner_objects(p) if o.pos_ == "PROPN"]
        )
        or _named_places(places)
    )


def _named_places(places: Sequence[Token]) -> list[Mention]:
    """States of listed provinces, regions and cities (``data/places.tsv``) among place
    phrases: "in Kandahar", "in Helmand province", "in the town of Gorazde"."""
    found: list[Mention] = []
    for place in places:
        candidates = [place] + [c for c in place.children if c.dep_ == "compound"]
        candidates += [o for o in _prep_objects(place, "of") if place.pos_ == "NOUN"]
        for token in candidates:
            mention = place_mention(token)
            if mention is not None:
                found.append(mention)
                break
    return _unique(found)


def _home_government(sources: Sequence[Mention], index: _MentionIndex) -> list[Mention]:
    """The implied target of a protest with no stated target or place: the government of
    the protesters' own state ("Kenyan students protested on Friday" -> KENGOV). Only for
    protesters of one state who are not themselves its government or forces."""
    heads = {id(m): i for i, m in index.by_head.items()}
    for source in sources:  # "Japan protested": a state's protest is a diplomatic one
        head = heads.get(id(source))
        if (
            head is not None
            and index.doc[head].tag_ == "NNP"
            and index.doc[head].dep_ not in ("compound", "amod", "poss", "nmod")
            and len(source.codes[0]) == 3
        ):
            return []
    roots = {country_root(code) for source in sources for code in source.codes}
    if len(roots) != 1 or None in roots:
        return []
    root = next(iter(roots))
    assert root is not None
    if any(code[3:6] in STATE_SECTORS for source in sources for code in source.codes):
        return []
    first = sources[0]
    return [
        implied_mention(first, f"(government of {first.text})", f"{root}GOV", "domestic protest")
    ]


def implied_mention(anchor: Mention, text: str, code: str, entry: str) -> Mention:
    """An actor the sentence implies, placed on the mention that implies it."""
    return Mention(anchor.start, anchor.end, text, (code,), kind="implied", entry=entry)


def _owner_objects(noun: Token, preps: Sequence[str] = ("of", "by", "from")) -> list[Token]:
    """Objects of 'of'/'by'/'from' on a noun: whose act or thing the noun is; also the
    agent of a participle on it ("crimes committed by X", "a rally staged by X")."""
    found = [o for prep in preps for o in _prep_objects(noun, prep)]
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            found += _agent_objects(clause)
    return found


def _light_verb(noun: Token) -> Token | None:
    """The light verb whose object the noun is: "held talks", also through a quantity or
    duration ("launched ten days of war games")."""
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
    if not _is_direct_light_object(noun):
        return None
    return noun.head.head if noun.dep_ == "pobj" else noun.head


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


PROTESTED_PREPS = ("of", "at", "against", "over")  # "in protest of/at X"


def _in_protest(noun: Token) -> bool:
    """The idiom "in protest of/at X", where "of" names what is protested, not who protests."""
    return (
        noun.lemma_.lower() == "protest"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss") for c in noun.children)
    )


def _has_in_protest(*holders: Token) -> bool:
    """Whether one of these tokens carries an "in protest of/at X" phrase."""
    return any(
        phrase.dep_ == "prep" and phrase.lower_ == "in" and any(map(_in_protest, phrase.children))
        for holder in holders
        for phrase in holder.children
    )


def _protested(idiom: Token) -> list[Token]:
    """What "in protest of/at X" protests: X (its modifiers included: "at Y's decision") and
    who did it; the parser may hang "at X" on the clause's verb instead of on "protest"."""
    objects = [o for p in PROTESTED_PREPS for o in _prep_objects(idiom, p)]
    if not objects:
        verb = next((a for a in idiom.ancestors if a.pos_ == "VERB"), None)
        if verb is not None:
            objects = [o for p in PROTESTED_PREPS[1:] for o in _prep_objects(verb, p)]
    # whose act it is: "tariffs imposed by X", "a ban by X"; not "of", which after an act
    # names who suffered it ("the arrest of activists")
    return objects + [
        o for n in objects for o in _owner_objects(n, ("by",) if n.pos_ == "NOUN" else ())
    ]
