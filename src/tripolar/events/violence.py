"""Acts of force: which are violent, who the irregular fighters are, where force with no
target in its own slots lands, when a killing is only an attack's outcome, and when damage
done by a crowd is a riot. Read by the trigger stages (``verb_acts``, ``noun_acts``) and
``recording``."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tripolar.actors.units import PHRASE_MODIFIERS
from tripolar.events.arguments import Candidate, MentionIndex, unique_mentions
from tripolar.events.dates import WEEKDAYS
from tripolar.events.grammar import (
    dependent,
    is_passive,
    is_purpose_clause,
    passive_patient,
    prep_objects,
)
from tripolar.events.targets import (
    SEA_NOUNS,
    act_targets,
    event_noun_targets,
    located_actors,
    named_places,
)
from tripolar.model import Mention

KILLING_VERBS = frozenset({"kill", "shoot", "gun"})
# Damage to property by a protesting crowd is a riot (145, "protest violently, riot"), not a
# coercive act (171x) of the state kind: "protesters torched the consulate" -> 145.
PROPERTY_DAMAGE_CODES = frozenset({"171", "1712"})
PROTEST_CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob"})
RIOT_CODE = "145"
IRREGULAR_SECTORS = frozenset({"REB", "UAF"})  # rebels, militants, unidentified gunmen


def irregular(sources: Sequence[Mention], targets: Sequence[Mention]) -> bool:
    """Killings by irregular fighters of anyone but soldiers are unconventional violence
    (CAMEO 18x); combat against armed forces stays 19x."""
    if not targets or not sources:
        return False
    if not all(code[3:6] in IRREGULAR_SECTORS for s in sources for code in s.codes):
        return False
    return not any(code[3:6] in ("MIL", "COP") for t in targets for code in t.codes)


def is_violent(code: str) -> bool:
    return code[:2] in ("17", "18", "19", "20")


def outcome_of_attack(trigger: Token, candidate: Candidate, violent: set[int]) -> bool:
    """ "X shelled Y, killing eight people": the killing is what the coded attack did, not a
    second act."""
    return (
        trigger.dep_ == "advcl"
        and trigger.tag_ == "VBG"
        and trigger.head.i in violent
        and candidate.code[:2] in ("18", "19", "20")
    )


def violence_targets(
    verb: Token, obj: Token | None, index: MentionIndex
) -> tuple[list[Mention], str]:
    """Targets of force with no actor in its own slots: the purpose clause's arguments
    ("opened fire to disperse X"), the main clause's for an "-ing" clause ("shelled X,
    killing ..."), else the place when the object names no actor ("killed three people
    in X")."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and is_purpose_clause(clause):
            found = act_targets(clause, index)
            if found:
                return found, "purpose"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        main = verb.head
        main_object = passive_patient(main) if is_passive(main) else dependent(main, "dobj")
        found = index.of_group([main_object]) if main_object is not None else []
        if not found:
            found = act_targets(main, index)
        if found:
            return found, "clause"
    if obj is None or index.of_group([obj]):
        return [], ""
    found = (
        located_actors(index, verb, obj)
        or unique_mentions(
            m
            for noun in [obj] + [o for p in ("in", "at", "near") for o in prep_objects(verb, p)]
            for m in event_noun_targets(noun, index)
        )
        or named_places([obj])  # "shelled the town of X"
    )
    return found, "in"


def protest_crowd(doc: Doc, mention: Mention) -> bool:
    """The mention names protesters ("Vietnamese demonstrators") or describes them ("a
    Serbian mob": the mention is the adjective, the crowd its head)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    heads = [span.root]
    if span.root.dep_ in PHRASE_MODIFIERS:
        heads.append(span.root.head)
    return any(t.lower_.removesuffix("s") in PROTEST_CROWDS for t in heads)


# What one fights in words, not arms: "fighting the hegemonic policies of X" opposes X.
ABSTRACT_FOES = frozenset({
    "policy", "hegemony", "hegemonism", "unilateralism", "protectionism", "bullying",
    "interference", "meddling", "pressure", "sanction", "corruption", "disinformation",
    "propaganda", "narrative", "plan", "move", "decision", "law", "measure", "practice",
    "influence", "dominance", "containment", "expansion", "expansionism", "ideology",
    "attempt", "claim", "hegemon", "coercion", "tariff", "ban",
})  # fmt: skip
# Force shown rather than used: a missile fired "in a show of force", "during exercises".
DISPLAY_NOUNS = frozenset({
    "show", "display", "demonstration", "exercise", "drill", "test", "maneuver", "manoeuvre",
    "war-game", "wargame",
})  # fmt: skip
SHOW_OF_FORCE = "150"


def force_sense(verb: Token, obj: Token | None, code: str) -> tuple[str, str] | None:
    """(code, rule suffix) when an act of force is not one: a fight against an abstract foe
    ("fight the hegemonic policies of X": 110, opposition) or a weapon fired as a display
    ("fired a missile towards X in a show of force / during drills": 150); else None."""
    if code[:2] not in ("19", "18"):
        return None
    foes = ([obj] if obj is not None else []) + prep_objects(verb, "against")
    if verb.lemma_.lower() in ("fight", "combat", "battle") and any(
        f.lemma_.lower() in ABSTRACT_FOES for f in foes
    ):
        return "110", "/opposition"
    shown = [o for p in ("in", "during", "as") for o in prep_objects(verb, p)]
    if any(o.lemma_.lower() in DISPLAY_NOUNS for o in shown):
        return SHOW_OF_FORCE, "/display"
    if any(c.lower_ == "test" and c.dep_ in ("npadvmod", "compound") for c in verb.children):
        return SHOW_OF_FORCE, "/test"  # "test-fired a missile toward X": a test, no strike
    splashed = [o for h in (verb, obj) if h is not None for o in prep_objects(h, "into")]
    if verb.lemma_.lower() in OVERFLYING_VERBS and any(  # "fired missiles into the sea off X"
        o.lemma_.lower() in SEA_NOUNS for o in splashed
    ):
        return SHOW_OF_FORCE, "/into-sea"
    holders = [verb] + ([obj] if obj is not None else [])
    if (  # "fired a missile over Japan": a flight over a state, not a strike on it
        verb.lemma_.lower() in OVERFLYING_VERBS
        and any(prep_objects(h, "over") for h in holders)
        and not any(  # "on Friday" is no target
            o.lower_ not in WEEKDAYS and not o.like_num
            for h in holders
            for p in ("at", "on", "upon", "into", "against")
            for o in prep_objects(h, p)
        )
    ):
        return SHOW_OF_FORCE, "/overflight"
    return None


OVERFLYING_VERBS = frozenset({"fire", "launch"})


# Wars and attacks of words, trade or ideas: "a trade war with X", "verbal attacks on Y".
FIGURATIVE_MODIFIERS = frozenset({
    "trade", "tariff", "price", "currency", "cold", "information", "propaganda", "culture",
    "word", "words", "tech", "technology", "chip", "verbal", "rhetorical", "media", "legal",
    "diplomatic", "political", "economic", "sanction", "sanctions",
})  # fmt: skip


def figurative(noun: Token) -> bool:
    """An act-of-force noun used figuratively: a trade war, a cold war, a war of words."""
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    of_words = {o.lemma_.lower() for o in prep_objects(noun, "of")}
    return bool(modifiers & FIGURATIVE_MODIFIERS) or "word" in of_words
