"""Attaching arguments: which actors a trigger's subject, objects and places stand for.

`MentionIndex` places the resolved actor mentions on the tokens of a parsed document and
answers "which actors does this noun phrase stand for" (its head, a modifier, the members
of a group, a counterpart). `find_targets` walks a pattern's target slots; `located_actors`,
`named_places` and `home_government` give the fallbacks (the place of an act, the
government of protesters). `Candidate` is what a trigger yields before it becomes events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tripolar.actors.dictionary import country_root
from tripolar.actors.quotations import quoted_tokens
from tripolar.events.grammar import (
    MOVING_FORCES,
    OWNER_PRONOUNS,
    SAY_VERBS,
    TRADE_FLOW_NOUNS,
    clause_verb,
    conjuncts,
    dependent,
    is_purpose_clause,
    owner_objects,
    prep_objects,
    subject_heads,
    that_clauses,
    trade_partners,
)
from tripolar.events.modality import ALLEGE_GOVERNORS, Context
from tripolar.events.patterns import TargetSlot
from tripolar.events.places import place_mention
from tripolar.events.story_parties import StoryParties
from tripolar.model import Mention

ACTOR_MODIFIERS = ("poss", "compound", "amod", "nmod", "appos")
HELD_BY_WORDS = frozenset({"flagged", "owned", "registered", "operated"})
EXAMPLE_PREPS = ("including", "like")
# a generic party that stands for the state it is placed in: "the parties concerned in X"
PARTY_HEADS = frozenset(
    {"party", "side", "authority", "institution", "organ"}
)  # "entities including X": the named members stand for it
# fmt: off
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
# a document stands for its author or, failing that, the capital it was released in
# ("a study by X", "the statement issued by X", "a report released in Kigali")
DOCUMENT_HEADS = frozenset({
    "report", "study", "statement", "communique", "communiqué", "document", "dossier",
    "paper", "survey", "assessment", "analysis", "memo", "memorandum", "letter", "note",
})
# personal pronouns that, as subject of a speech complement, may stand for the speaker
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# "an agreement with X": the object of such a verb ("endorsed ...") points at the partner
# what is offered or asked for: "an offer of talks with X" is aimed at X
OFFER_NOUNS = frozenset({"offer", "proposal", "request", "invitation", "call", "plan"})
# places approached in a show of force: "flew near Alaska" is aimed at the state it lies in
APPROACH_PREPS = frozenset({"near", "over", "toward", "towards", "within", "close", "off"})
PARTNER_NOUNS = frozenset({
    "agreement", "deal", "treaty", "pact", "accord", "partnership", "alliance", "cooperation",
    "relation", "tie", "contract", "memorandum",
})
# "the border with X" points at X
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "war", "conflict"})
# sectors of a state's own apparatus: they do not protest against their government
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
# fmt: on


@dataclass(slots=True)
class Candidate:
    """What one trigger yields before it becomes events."""

    code: str
    rule: str
    sources: list[Mention]
    targets: list[Mention]
    recip: bool
    context: Context
    mutual: bool = False  # each target also acts on each source ("X clashed with Y")
    reverse_code: str | None = None  # "[a:b]" dictionary codes: targets -> sources with b


class MentionIndex:
    """Mentions located on the tokens of one Doc."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self._quoted: set[int] | None = None
        self._counterparts: set[int] = set()  # counterparts whose owner is being looked up
        # who did the acts of the last sentence that coded one (set by the coder, sentence by
        # sentence): what "criticized the move" in the next sentence is about
        self.prior_actors: list[Mention] = []
        self.prior_sentence = -1
        # who acted in the sentence just before (set by the coder): what a main-clause "it"
        # stands for ("The Council ... . It also decided that ..."), and where that sentence ends
        self.prior_sources: list[Mention] = []
        self.prior_sources_end = -1
        self.by_head: dict[int, Mention] = {}
        self.by_token: dict[int, Mention] = {}
        # the acts the story has coded so far, for a side a later sentence leaves unnamed
        self.story = StoryParties(self.by_token)
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
            return [_placed(found, self.of_group(o for p in preps for o in prep_objects(head, p)))]
        if found is not None:
            return [found]
        if head.lower_ == "it" and _asked_to_act(head):
            return self._asked_state(head)
        if head_only:
            return []
        return self._modifier_actors(head)

    def _asked_state(self, pronoun: Token) -> list[Mention]:
        """The state an "it" asked to act stands for ("criticized X and urged it to ...",
        "called for it to accede to ..."): the last state named before it in the sentence,
        other than the asker."""
        asker = pronoun.head if pronoun.dep_ == "dobj" else pronoun.head.head
        askers = {m.start for m in self.of_group(subject_heads(asker))}
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            mention = self.by_head.get(i)
            if mention is None or mention.start in askers:
                continue
            if len({country_root(c) for c in mention.codes} - {None}) == 1 and all(
                country_root(c) is not None for c in mention.codes
            ):
                return [mention]
        return []

    def _modifier_actors(self, head: Token) -> list[Mention]:
        """Actors named on a phrase's modifiers: "of"-members of a group, a state adjective,
        a possessive, one level deeper ("Iraqi President Saddam Hussein's proposal")."""
        lemma = head.lemma_.lower()
        if lemma == "counterpart":
            return self._counterpart(head)
        if lemma in PARTITIVE_HEADS or lemma in GROUP_HEADS or head.pos_ == "NUM":
            members = prep_objects(head, "of") or prep_objects(head, "from")
            if members:
                return self.of_group(members)
        if lemma in PARTY_HEADS:  # "the parties concerned in X", "the side of X"
            placed = self.of_group(prep_objects(head, "in") + prep_objects(head, "of"))
            if placed:
                return placed
        if lemma in FACILITY_HEADS:
            occupants = self.of_group(prep_objects(head, "of") + prep_objects(head, "for"))
            if occupants:
                return occupants
        for dep in ACTOR_MODIFIERS:
            for child in head.children:
                if child.dep_ != dep:
                    continue
                mentions = [m for t in conjuncts(child) if (m := self.by_head.get(t.i)) is not None]
                if mentions:
                    return unique_mentions(mentions)
        for child in head.children:
            if child.dep_ == "appos":  # "Kenzo Oshima, the UN relief coordinator"
                described = self.of_phrase(child)
                if described:
                    return described
            # one level deeper: "Iraqi President Saddam Hussein's proposal", "US Predator
            # attacks", "the Security Council resolution"
            # "a British-flagged tanker", "an Iranian-owned ship": the flag or owner state
            if (child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN")) or (
                child.dep_ == "amod" and child.lower_ in HELD_BY_WORDS
            ):
                deeper = [
                    m
                    for grand in child.children
                    if grand.dep_ in ("compound", "amod", "poss", "npadvmod")
                    and (m := self.by_head.get(grand.i)) is not None
                ]
                if deeper:
                    return unique_mentions(deeper)
        named = self._example_actors(head)  # "sanctions on entities, including Russian banks"
        if named:
            return named
        if lemma in DOCUMENT_HEADS:  # "a study by X", "issued by X", else "released in X"
            releases = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            by = prep_objects(head, "by") + [o for r in releases for o in prep_objects(r, "by")]
            released_in = [o for r in releases for o in prep_objects(r, "in")]
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
        if owner is None and head.i not in self._counterparts:
            # "X's defence minister met his ... counterpart": the subject's; not when the
            # counterpart is that subject ("his counterpart said"): it has no owner there
            self._counterparts.add(head.i)
            try:
                owner = next(iter(self.of_group(subject_heads(clause_verb(head)))), None)
            finally:
                self._counterparts.discard(head.i)
        sector = owner.codes[0][3:6] if owner is not None and owner.codes[0][3:6] else "GOV"
        for dep in ("appos", "compound", "amod", "nmod"):
            for child in head.children:
                if child.dep_ != dep:
                    continue
                found = [m for t in conjuncts(child) if (m := self.by_head.get(t.i)) is not None]
                if not found and dep == "appos":
                    found = self.of_phrase(child)
                if found:
                    return [_as_official(m, sector) for m in unique_mentions(found)]
        return []

    def of_group(self, tokens: Iterable[Token], *, head_only: bool = False) -> list[Mention]:
        found = unique_mentions(
            m for t in tokens for c in conjuncts(t) for m in self.of_phrase(c, head_only=head_only)
        )
        # "Russian companies, officials and banks": agents of unknown country only fill a
        # role that no actor of known country fills
        anchored = [m for m in found if m.anchors]
        return anchored or found

    @property
    def quoted(self) -> set[int]:
        """Indexes of the tokens inside quotation marks (read once, when first asked)."""
        if self._quoted is None:
            self._quoted = quoted_tokens(self.doc)
        return self._quoted

    def subjects_of(self, verb: Token) -> list[Mention]:
        """Actors of a verb's subject; an unresolved pronoun subject of a speech complement
        stands for the speaker ("X says it is ready to ...", "A and B said they ...")."""
        subjects = subject_heads(verb)
        found = self.of_group(subjects)
        if found or len(subjects) != 1:
            return found
        pronoun = subjects[0]
        if pronoun.pos_ != "PRON" or pronoun.lower_ not in SPEAKER_PRONOUNS:
            return []
        if pronoun.lower_ == "they" and pronoun.i in self.quoted:
            return []  # '"They seized our boats," said the admiral': the other side
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
        if (
            pronoun.lower_ == "it"
            and clause.dep_ == "ROOT"
            and pronoun.i not in self.quoted
            and pronoun.sent.start == self.prior_sources_end
            and distinct_codes(self.prior_sources) == 1
        ):  # "The Council adopted ... . It also decided that ...": the one who acted before
            return self.prior_sources
        return []


def _asked_to_act(pronoun: Token) -> bool:
    """A pronoun that is to do what it is asked: the subject of an infinitive ("called for it
    to accede") or the object of a verb with one ("urged it to return")."""

    def infinitive(verb: Token | None) -> bool:
        return verb is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    if pronoun.dep_ == "nsubj":
        return pronoun.head.dep_ == "advcl" and infinitive(pronoun.head)
    return pronoun.dep_ == "dobj" and infinitive(dependent(pronoun.head, "xcomp"))


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


def find_targets(
    slots: tuple[TargetSlot, ...],
    verb: Token,
    obj: Token | None,
    pattern_object: Token | None,
    index: MentionIndex,
) -> tuple[list[Mention], str]:
    for slot in slots:
        found: list[Mention] = []
        if slot.slot in ("dobj", "dobj.head"):
            if obj is not None:
                found = index.of_group([obj], head_only=slot.slot == "dobj.head")
            if not found and obj is not None and slot.slot == "dobj" and obj.pos_ == "NOUN":
                # "demanded the pullout of X's forces", "rejected calls by Y"
                found = index.of_group(owner_objects(obj))
                if not found and obj.lemma_.lower() in PARTNER_NOUNS:
                    # "endorsed an association agreement with X": the partner
                    found = index.of_group(prep_objects(obj, "with"))
                if not found and obj.lemma_.lower() in OFFER_NOUNS:
                    # "turned down an offer of direct talks with X": the partner offered
                    offered = prep_objects(obj, "of") + prep_objects(obj, "for")
                    found = index.of_group(o for n in offered for o in prep_objects(n, "with"))
        elif slot.slot == "dative":
            dative = dependent(verb, "dative")
            if dative is not None and dative.pos_ != "ADP":
                found = index.of_group([dative])
        elif slot.slot == "ccomp.subj":
            clause = dependent(verb, "ccomp")
            if clause is not None:
                found = index.of_group(subject_heads(clause))
        elif slot.slot == "that.subj":  # "voiced concern that X was expanding its navy"
            holder = pattern_object or obj
            found = index.of_group(
                [s for c in that_clauses(holder) for s in subject_heads(c)] if holder else []
            )
        else:
            objects = prep_objects(verb, slot.slot, slot.heads)
            found = index.of_group(objects)
            if not found and slot.slot == "for":  # "called for the body to approve ..."
                found = index.of_group(
                    [s for c in for_clauses(verb) for s in subject_heads(c)], head_only=True
                )
            if not found:  # "imposed sanctions on X (on Friday)", "mobilized troops against X"
                holder = pattern_object or obj
                on_object = [  # "artillery and rocket fire against X"
                    o
                    for noun in (conjuncts(holder) if holder is not None else [])
                    for o in prep_objects(noun, slot.slot, slot.heads)
                ]
                objects += on_object
                found = index.of_group(on_object)
            if not found:  # "conceded to demands from X", "set fire to the embassy of X"
                found = index.of_group(
                    [o for n in objects if n.pos_ == "NOUN" for o in owner_objects(n)]
                )
            if not found:  # "imposed curbs on exports of rare earths to X"
                partners = [o for n in objects for o in trade_partners(n)]
                if not partners and any(n.lemma_.lower() in TRADE_FLOW_NOUNS for n in objects):
                    partners = prep_objects(verb, "to")  # the parser hung "to X" on the verb
                found = index.of_group(partners)
            if not found and slot.slot in APPROACH_PREPS:  # "flew near Alaska": its state
                found = named_places(objects)
            if not found:  # "responsibility for an attack on X", "... a bombing in X"
                found = unique_mentions(
                    m
                    for n in objects
                    if n.pos_ in ("NOUN", "PROPN")
                    for m in event_noun_targets(n, index)
                )
            if not found:  # "tariffs on $40 million in/of/worth of X goods": the goods' owner
                amounts = [a for a in objects if _amount(a)]
                goods = [g for a in amounts for p in ("of", "in") for g in prep_objects(a, p)]
                goods += prep_objects(verb, "in") if amounts and not goods else []
                found = index.of_group(goods)
        if not found and (slot.slot == "dobj" or slot.is_prep):
            holder = pattern_object or obj
            nouns = [obj] if slot.slot == "dobj" else prep_objects(verb, slot.slot, slot.heads)
            if slot.is_prep and holder is not None:
                nouns += prep_objects(holder, slot.slot, slot.heads)
            found = speaker_owned(verb, [n for n in nouns if n is not None], index)
            if found:
                return found, SPEAKER_SLOT
        if found:
            return found, slot.slot
    return [], ""


SPEAKER_SLOT = "speaker"  # the target is the speaker whose "its" the act's object bears


def speaker_owned(verb: Token, nouns: Sequence[Token], index: MentionIndex) -> list[Mention]:
    """ "Norway said a foreign cutter struck its trawlers", "Japan said Chinese ships entered its
    waters": "its" in what a state says of another is the speaker's own."""
    nouns = [*nouns, *(o for n in nouns for o in prep_objects(n, "of"))]  # "two of its ships"
    owned = [
        n for n in nouns if any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in n.children)
    ]
    if not owned or any(c.lower_ == "own" for n in owned for c in n.children):
        return []  # "shelled its own cities": the doer's
    if not all(s.lemma_.lower() in MOVING_FORCES for s in subject_heads(verb) or [verb]):
        return []  # "Russia abused its veto": a state's "its" is its own
    clause = verb
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAY_VERBS:
            speakers = index.subjects_of(clause.head)
            return other_actors(speakers, index.subjects_of(verb))
        if clause.dep_ != "conj":
            return []
        clause = clause.head
    return []


AMOUNT_WORDS = frozenset({"worth", "billion", "million", "trillion"})


def _amount(token: Token) -> bool:
    """A sum or quantity standing for the goods it measures ("$40 million", "worth")."""
    return token.pos_ == "NUM" or token.lemma_.lower() in AMOUNT_WORDS


def for_clauses(verb: Token) -> list[Token]:
    """The clauses of "<verb> for X to <act>": X is the one the verb is aimed at."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
    ]


def event_noun_targets(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who or where an event noun is aimed at: "an attack on X", "an attack targeting X",
    "a bombing at a market in X"."""
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    preps = ("on", "against", "upon") + (("with",) if noun.lemma_.lower() in BORDER_NOUNS else ())
    direct = [o for h in holders for p in preps for o in prep_objects(h, p)]
    direct += [o for h in holders[1:] if (o := dependent(h, "dobj")) is not None]
    found = index.of_group(direct)
    if found:
        return found
    places = [o for h in holders for p in ("in", "at", "near") for o in prep_objects(h, p)]
    places += [o for p in places if p.pos_ == "NOUN" for o in prep_objects(p, "in")]
    places += [
        o for d in direct if d.pos_ == "NOUN" for o in prep_objects(d, "in")
    ]  # "on targets in X"
    return index.of_group(places) or named_places(places)


def located_actors(index: MentionIndex, *tokens: Token | None) -> list[Mention]:
    """Actors of "in"/"inside" places on the trigger: the default target of protests etc."""
    preps = ("in", "inside", "outside")
    places = [o for t in tokens for prep in preps for o in prep_objects(t, prep)]
    for holder in tokens:  # "the curfew imposed in X": the place of a participle on the object
        if holder is not None and holder.pos_ in ("NOUN", "PROPN"):
            places += [
                o
                for clause in holder.children
                if clause.dep_ == "acl" and clause.tag_ == "VBN"
                for prep in preps
                for o in prep_objects(clause, prep)
            ]
    return (
        index.of_group(places)
        or index.of_group(
            [o for p in places if p.pos_ == "NOUN" for o in owner_objects(p) if o.pos_ == "PROPN"]
        )
        or named_places(places)
    )


def named_places(places: Sequence[Token]) -> list[Mention]:
    """States of listed provinces, regions and cities (``data/places.tsv``) among place
    phrases: "in Kandahar", "in Helmand province", "in the town of Gorazde"."""
    found: list[Mention] = []
    for place in places:
        candidates = [place] + [c for c in place.children if c.dep_ == "compound"]
        candidates += [o for o in prep_objects(place, "of") if place.pos_ == "NOUN"]
        for token in candidates:
            mention = place_mention(token)
            if mention is not None:
                found.append(mention)
                break
    return unique_mentions(found)


def home_government(sources: Sequence[Mention], index: MentionIndex) -> list[Mention]:
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


def unique_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if mention not in out:
            out.append(mention)
    return out


def distinct_codes(mentions: Sequence[Mention]) -> int:
    return len({code for m in mentions for code in m.codes})


ARGUMENT_PREPS = (
    "to", "with", "for", "from", "against", "on", "upon", "into", "toward", "towards", "over",
    "at",
)  # fmt: skip


def act_targets(act: Token, index: MentionIndex) -> list[Mention]:
    """Actors among the arguments of an act: object, recipient, prepositional objects."""
    for _ in range(3):
        obj = dependent(act, "dobj")
        found = index.of_group([obj]) if obj is not None else []
        if not found and obj is not None:
            found = index.of_group(owner_objects(obj))
        dative = dependent(act, "dative")
        if not found and dative is not None and dative.pos_ != "ADP":
            found = index.of_group([dative])
        groups = [prep_objects(holder, p) for holder in (act, obj) for p in ARGUMENT_PREPS]
        for group in groups:
            if not found:
                found = index.of_group(group)
        if not found:  # "refused to meet a demand from X": whose demand
            found = index.of_group(
                [o for g in groups for n in g if n.pos_ == "NOUN" for o in owner_objects(n)]
            )
        if found:
            return found
        deeper = dependent(act, "xcomp")  # "agreed to allow X to return"
        if deeper is None and act.lemma_.lower() == "take":  # "take action to retaliate"
            deeper = next((c for c in act.children if is_purpose_clause(c)), None)
        if deeper is None or deeper.pos_ != "VERB":
            break
        act = deeper
    return located_actors(index, act, dependent(act, "dobj"))


def other_actors(targets: list[Mention], sources: Sequence[Mention]) -> list[Mention]:
    """Targets that are not just the sources again: protesters "in" their own country take
    their government as the target instead."""
    own = {code for source in sources for code in source.codes}
    return [t for t in targets if not set(t.codes) <= own]


# a protest act with an "in protest of/at X" phrase is coded once, through the phrase; checked
# before the act's place, which would otherwise make its own country the target
IN_PROTEST_CODES_IT = "coded by its 'in protest' phrase"
