"""Actors a sentence implies without naming them in the role the coder needs.

* Unidentified armed forces (UAF) of the place where violence with no named perpetrator
  happened: "two soldiers were killed in X" is X -> the soldiers, as PETRARCH and PLOVER
  code it.
* The home country of a group of a society (students, workers, the opposition) whose own
  country the text does not name, taken from the state institution it acts against.
* The target of a threat with none of its own: the subject of its condition.

Each implied actor is a `Mention` of kind "implied" placed on the words that imply it, so
an explanation can point at them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tripolar.actors.dictionary import country_root
from tripolar.events.arguments import MentionIndex as _MentionIndex
from tripolar.events.arguments import implied_mention, one_country, placed_in
from tripolar.events.arguments import unique_mentions as _unique
from tripolar.events.grammar import agent_objects as _agent_objects
from tripolar.events.grammar import prep_objects as _prep_objects
from tripolar.events.grammar import subject_heads as _subjects
from tripolar.events.targets import named_places as _named_places
from tripolar.model import UNKNOWN_COUNTRY, Mention

# what a non-military bombing (CAMEO 183) is done with
BOMB_WORDS = frozenset({
    "bomb", "bombing", "device", "ied", "explosive", "explosion", "blast", "landmine",
})  # fmt: skip
# Means of violence that can be the subject of "killed" without naming who used them.
WEAPON_NOUNS = BOMB_WORDS | {
    "mine", "grenade", "rocket", "missile", "mortar", "shell", "sniper", "gunfire",
}  # fmt: skip

PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "at", "around"})

# Groups of a society rather than of a state: with no country of their own in the text,
# they act inside the country they act against ("students protested against the Kenyan
# government"). Not forces, rebels or officials, who often act abroad.
DOMESTIC_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "HLH", "REL", "OPP", "ELI", "JUD"})


def unidentified_forces(
    verb: Token, obj: Token | None, means: Sequence[Token], index: _MentionIndex
) -> list[Mention]:
    """UAF of the one state where violence by no named perpetrator happened, when its
    victims (`obj`) are actors; [] otherwise. `means`: the attack nouns it happened in."""
    victims = index.of_group([obj]) if obj is not None else []
    if not victims:
        return []
    # every state or listed place inside the place phrases of the act, its subject or its
    # means: "outside the X city of Y", "in a bomb blast in ... Z"
    holders = [verb, *_subjects(verb), *means]
    tokens = [
        t
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS
        for t in prep.subtree
    ]
    places = _unique(
        [index.by_token[t.i] for t in tokens if t.i in index.by_token] + _named_places(tokens)
    )
    places = [m for m in places if m.anchors]
    root = one_country(places)
    if root is None:
        return []
    place = places[0]
    return [
        implied_mention(
            place,
            f"(unidentified forces in {place.text})",
            f"{root}UAF",
            "violence with no named perpetrator",
        )
    ]


def home_country(source_code: str, target_code: str) -> str | None:
    """The source code with the target's country, for a domestic group of unknown country
    acting against a state's own institutions; None when that does not apply."""
    if not source_code.startswith(UNKNOWN_COUNTRY) or source_code[3:6] not in DOMESTIC_SECTORS:
        return None
    root = country_root(target_code)
    if root is None or target_code.startswith(UNKNOWN_COUNTRY):
        return None
    return root + source_code[3:]


CONDITION_MARKS = frozenset({"if", "unless", "when", "after"})
# "warned that X would pay a heavy price / face consequences / regret it": X is threatened
CONSEQUENCE_VERBS = frozenset({"pay", "face", "suffer", "bear", "regret"})


def condition_subjects(verb: Token, index: _MentionIndex) -> list[Mention]:
    """Whom a threat with no target of its own is aimed at: the subject of its condition
    ("threatened to quit the talks if X goes ahead", "will cut aid unless X withdraws") or of
    the act it answers ("threatened sanctions when X approved the sale"), or whoever is told
    what they will suffer ("warned that X would pay a heavy price")."""
    holders = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    holders += [verb.head] if verb.dep_ == "xcomp" else []
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ == "ccomp" and clause.lemma_.lower() in CONSEQUENCE_VERBS:
                found = index.subjects_of(clause)
                if found:
                    return found
            if clause.dep_ == "advcl" and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKS
                for c in clause.children
            ):
                found = index.subjects_of(clause)
                if found:
                    return found
    return []


def placed_victims(victims: Sequence[Mention], forces: Sequence[Mention]) -> list[Mention]:
    """Victims of unknown country ("a journalist") killed where unidentified forces of one
    state acted take that state: "a journalist was killed in Beirut" -> LBNMED."""
    root = one_country(forces)
    if root is None:
        return list(victims)
    return [v if v.anchors else placed_in(v, root) for v in victims]


def by_bomb(verb: Token, passive: bool) -> bool:
    """Whether an act of violence was done with a bomb: its subject, its "by" agent or what
    it happened "in" is a bomb or an explosion, or has one as a modifier ("a car bomb
    explosion", "an improvised explosive device")."""
    doers = _agent_objects(verb) if passive else _subjects(verb)
    means = doers + _prep_objects(verb, "in")
    words = {t.lemma_.lower() for m in means for t in [m, *m.children] if t.dep_ != "det"}
    return bool(words & BOMB_WORDS)


# What a veto blocks: a (draft) resolution put to the UN Security Council.
VETO_CODE = "129"
VETOED_TEXTS = frozenset({"resolution", "draft", "text"})
SECURITY_COUNCIL = "IGOUNOSEC"


# "a US-sponsored resolution", "a French-drafted text": the state before the hyphen
SPONSOR_VERBS = frozenset({"sponsor", "co-sponsor", "draft", "author", "table", "propose", "back"})


def vetoed_council(
    obj: Token | None, targets: Sequence[Mention], index: _MentionIndex
) -> list[Mention]:
    """A veto of a resolution acts on the Security Council that voted (CAMEO codes it so)
    and on each sponsor the sentence names ("vetoed a draft sponsored by X", "vetoed a
    X-sponsored resolution": X and the Council); a body named on the text ("a General
    Assembly resolution") stays alone."""
    if obj is None:
        return list(targets)
    sponsoring = [a for a in obj.children if a.dep_ == "amod" and a.lemma_.lower() in SPONSOR_VERBS]
    sponsors = [c for a in sponsoring for c in a.children if c.dep_ in ("npadvmod", "compound")]
    targets = _unique([*targets, *index.of_group(sponsors)])
    if any(code.startswith("IGO") for m in targets for code in m.codes):
        return targets
    words = {obj.lemma_.lower()} | {
        c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")
    }
    if not words & VETOED_TEXTS:
        return list(targets)
    council = Mention(
        obj.idx, obj.idx + len(obj.text), "(UN Security Council)", (SECURITY_COUNCIL,),
        kind="implied", entry="the council a vetoed resolution was put to",
    )  # fmt: skip
    return [*targets, council]


# A reaction drawn by someone's act: "X's test drew criticism from Y", ", prompting
# condemnation from Y", "met with protests from Y". The reacting parties come "from".
REACTION_ROOTS = frozenset({"01", "05", "11", "12", "13"})
PROMPTING_VERBS = frozenset({
    "prompt", "draw", "spark", "trigger", "provoke", "attract", "earn", "elicit", "bring",
    "face", "receive", "meet", "win", "invite", "cause",
})  # fmt: skip
# What one "meets with" that is no meeting: "the plan met with criticism from X"
REACTION_NOUNS = frozenset({
    "criticism", "condemnation", "protest", "opposition", "resistance", "scepticism",
    "skepticism", "approval", "praise", "anger", "outrage", "silence", "derision", "rejection",
    "disapproval", "concern", "hostility", "suspicion", "applause", "response", "reaction",
})  # fmt: skip


def _owners(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "poss"]


def voiced_by(noun: Token, index: _MentionIndex) -> list[Mention]:
    """Who voices a stance noun: its owner ("China's opposition to X") or the party it comes
    "from" ("objections from X"): a stance stated, not a standing relation."""
    return index.of_group(_owners(noun) + _prep_objects(noun, "from"))


def reaction_parties(noun: Token, index: _MentionIndex) -> tuple[list[Mention], list[Mention]]:
    """Who reacts ("from" on the noun) and to whom: the subject of the verb that drew the
    reaction ("Y's test drew criticism from X": X -> Y), or of the clause its participle
    hangs on ("Y fired a missile, prompting condemnation from X")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "despite":  # "Y went ahead despite X's protests"
        givers = index.of_group(_prep_objects(noun, "from") + _owners(noun))
        return givers, (index.subjects_of(verb.head) if givers else [])
    if noun.dep_ == "pobj" and verb.lower_ == "with":  # "met with criticism from X"
        verb = verb.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return index.of_group(_prep_objects(noun, "from")), []
    prompted = verb.lemma_.lower() in PROMPTING_VERBS
    # "drew criticism from X" is often parsed with "from X" on the verb
    froms = _prep_objects(noun, "from") or (_prep_objects(verb, "from") if prompted else [])
    givers = index.of_group(froms)
    if not givers or not prompted:
        return givers, []
    subjects = index.subjects_of(verb)
    if not subjects and verb.dep_ in ("advcl", "conj", "xcomp"):
        subjects = index.subjects_of(verb.head)
    if not subjects:  # "the test drew criticism": whose test
        subjects = index.of_group(_subjects(verb))
    return givers, subjects
