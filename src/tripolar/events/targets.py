"""Where an act's target is found: the pattern's target slots and their fallbacks, the
places an act names, the speaker whose "its" an object bears, the parties of an event noun,
and the home government a protest is aimed at."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import (
    STATE_SECTORS,
    MentionIndex,
    implied_mention,
    unique_mentions,
)
from tripolar.events.grammar import (
    MOVING_FORCES,
    OWNER_PRONOUNS,
    SAY_VERBS,
    TRADE_FLOW_NOUNS,
    agent_objects,
    conjuncts,
    dependent,
    is_purpose_clause,
    owner_objects,
    prep_objects,
    subject_heads,
    that_clauses,
    trade_partners,
)
from tripolar.events.patterns import TargetSlot
from tripolar.events.places import place_mention
from tripolar.model import Mention

# what is offered or asked for: "an offer of talks with X" is aimed at X
OFFER_NOUNS = frozenset({"offer", "proposal", "request", "invitation", "call", "plan"})
# places approached in a show of force: "flew near Alaska" is aimed at the state it lies in
APPROACH_PREPS = frozenset({"near", "over", "toward", "towards", "within", "close", "off"})
# "an agreement with X": the object of such a verb ("endorsed ...") points at the partner
PARTNER_NOUNS = frozenset({
    "agreement", "deal", "treaty", "pact", "accord", "partnership", "alliance", "cooperation",
    "relation", "tie", "contract", "memorandum",
})  # fmt: skip
# "the border with X" points at X
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "war", "conflict"})


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
            if not found:  # "fired missiles into the sea off Japan", "into Japan's waters"
                found = index.of_group(o for n in objects for o in coastal_states(n))
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


# waters that a state borders or claims: "the sea off Japan", "Japan's exclusive economic zone"
SEA_NOUNS = frozenset({"sea", "water", "waters", "zone", "ocean", "strait", "gulf", "coast"})


# who holds a place: "an island claimed / controlled / administered by X"
CLAIMING_VERBS = frozenset({"claim", "control", "administer", "hold", "occupy"})


def coastal_states(place: Token) -> list[Token]:
    """The phrases naming whose waters or border a place noun is: "the sea off X", "near X",
    "X's zone", "the waters of X", "the border with X"."""
    lemma = place.lemma_.lower()
    claimants = [  # "sailed near an island claimed by X"
        o
        for c in place.children
        if c.dep_ == "acl" and c.lemma_.lower() in CLAIMING_VERBS
        for o in agent_objects(c)
    ]
    if claimants:
        return claimants
    if lemma in BORDER_NOUNS:  # "massed on the border with X"
        return prep_objects(place, "with")
    if lemma not in SEA_NOUNS:
        return []
    owners = [c for c in place.children if c.dep_ == "poss"]
    return owners + [o for p in ("off", "near", "of") for o in prep_objects(place, p)]


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


# a participle that says more of the same stance: "urged X to ..., warning (that) ...",
# "criticized X, accusing it of ...": warnings and blame aimed at the main verb's object
PARTICIPLE_ROOTS = frozenset({"11", "13"})


def participle_targets(verb: Token, code: str, index: MentionIndex) -> list[Mention]:
    """The main verb's object, for a warning or blame participle with no target of its own."""
    if code[:2] not in PARTICIPLE_ROOTS or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    main = verb.head
    if main.pos_ != "VERB" or main.i > verb.i:
        return []
    return index.of_group(c for c in main.children if c.dep_ == "dobj")
