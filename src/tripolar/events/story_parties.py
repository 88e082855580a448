"""The story's parties: a side a sentence leaves unnamed, taken from what its story told before.

News copy names an act's parties once ("China launched drills around Taiwan on Thursday")
and then reacts to it by its noun alone ("Japan called for a halt to the exercises", "Kyiv
called the veto a shameful cover-up"), or tells a side's next move without its target ("Russia
sent patrol boats into the strait"). The sentence names the acting side; the other
side is the owner of the act its definite noun names, or the one state its story has set
it against, told earlier in the same story.

`StoryParties` is the story's memory of coded acts, kept per document on the `MentionIndex`
(the coder notes each sentence's candidates after recording them, `EventCoder.explain_doc`).
The verb, noun and label stages ask it when an act found no target of its own
(`VerbActs._candidate`, `NounActs._candidate`, `governed.labelled_act`):

- ``story-party:act-owner``: a reaction (an appeal, approval, demand, disapproval, rejection,
  threat or protest: roots 02, 05 and 10-14) whose object, or the object of its reaction
  preposition ("over", "to", "about", "for" ... and one step further: "a halt to the
  exercises"), is a definite act noun with no owner of its own ("the veto", "these
  drills", not "its drills", "Russian drills" or "drills by X") takes as its target the
  source of the latest act of the story (each of its sources when states acted together:
  "the US, Britain and Canada imposed sanctions" ... "opposed the sanctions"), within
  `STORY_SENTENCES`, named by that noun: an act
  whose trigger or object has the noun's lemma ("vetoed" / "the veto", "imposed sanctions" /
  "the sanctions"), or, failing that, an act of the same CAMEO root as the noun's own code
  ("launched drills" / "the exercises"). The reacting state's own acts are never its target.
  A verb that names its object ("called the veto a shameful cover-up") asks for nothing: the
  label stage (`governed.labelled_act`) codes its blame, with the same owner.

- ``story-party:other-side``: an act aimed at someone (a demand, disapproval, rejection,
  threat, show of force, cut in relations or coercion: `SIDE_ROOTS`, not a veto, which is
  aimed at the council) whose sentence names no target, by a state whose subject names it
  ("Peru refuses to accept the ruling"), takes the one state that the acting state's
  coded conflict acts (roots 10-20, either way) have been with so far in the story ("the
  other side" of its dispute); not when it has been in dispute with several, not when its
  sentence names a third party (a state, an organisation, "Western"), and not for a
  reaction to an act of its own ("Chile regretted the move" after Chile's deployment).

The event records the rule in its name (``verb:call+story-party:act-owner``) and keeps the
sentence it was coded in, so a reader sees which sentence and which rule supplied the side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from tripolar.actors.entries import country_root
from tripolar.model import Mention

OWNER_RULE = "story-party:act-owner"
SIDE_RULE = "story-party:other-side"

STORY_SENTENCES = 40
"""How far back (sentences) a definite act noun looks for the act it names."""

REACTING_ROOTS = frozenset({"02", "05", "10", "11", "12", "13", "14"})
"""Codes that answer someone else's act: appeals, approval, demands, disapproval,
rejections, threats and protests."""

DISPUTE_ROOT = "10"
"""Acts from this root on (demands to violence) set two states against each other; a
state's "other side" is the one it has such acts with, not a partner it met or helped."""

JOINT_ROOTS = frozenset({"03", "04", "05", "06"})
"""Intents, meetings, approval and cooperation: acts of two sides, owned by neither."""

SIDE_ROOTS = frozenset({"10", "11", "12", "13", "15", "16", "17"})
"""Codes of acts aimed at the other side of a story's dispute: demands, disapproval,
rejections, threats, shows of force, cuts in relations and coercion."""

DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})

REACTION_PREPS = ("over", "about", "at", "to", "against", "on", "for", "of")

SAME_ACT_NOUNS: tuple[frozenset[str], ...] = (
    frozenset({"drill", "exercise", "maneuver", "manoeuvre", "wargame", "war-game"}),
    frozenset({"sanction", "embargo", "restriction", "penalty", "blacklisting"}),
    frozenset({"expulsion", "expel"}),
    frozenset({"strike", "airstrike", "attack", "raid", "bombing", "shelling"}),
    frozenset({"test", "launch", "test-fire"}),
    frozenset({"incursion", "intrusion", "violation"}),
    frozenset({"seizure", "seize", "detention", "detain", "arrest"}),
)
"""Words that name one act in news copy ("launched drills" ... "the exercises"): a noun
names an earlier act whose trigger or object is a word of its group. A noun's CAMEO code
alone can differ from the act's ("the exercises" is military cooperation as a bare noun,
a show of force when aimed at someone), so these groups come first."""

OWNED_DEPS = frozenset({"poss", "compound", "acl", "relcl", "nmod"})
"""Dependents by which a noun names its own owner or its own act ("its drills", "drills
launched by X", "drills that X held")."""


@dataclass(frozen=True, slots=True)
class StoryAct:
    """An act coded in the story: where, by which words, with which code and parties."""

    sentence_index: int
    lemmas: frozenset[str]  # the trigger's lemma and its object's ("impose", "sanction")
    code: str
    sources: tuple[Mention, ...]


class StoryParties:
    """The acts a document has coded so far, for the sides its later sentences leave out."""

    def __init__(self, by_token: Mapping[int, Mention]) -> None:
        self.by_token = by_token  # the document's mentions by token (`MentionIndex.by_token`)
        # the CAMEO code of a bare act noun; the coder gives its lexicon's (`ActLexicon`)
        self.noun_code: Callable[[Token], str | None] = lambda noun: None
        self.acts: list[StoryAct] = []
        self.dyads: set[frozenset[str]] = set()  # state pairs of the acts so far
        self.named: dict[str, Mention] = {}  # each state's latest mention as a party

    def note(
        self,
        sentence_index: int,
        trigger: Token,
        code: str,
        sources: Sequence[Mention],
        targets: Sequence[Mention] = (),
        *,
        joint: bool = False,
    ) -> None:
        """Remember a coded act of the sentence `sentence_index`. A joint act ("X and Y met",
        "clashes between X and Y", a meeting or cooperation) has no one owner, and is not
        remembered; a reaction is remembered by its own word only ("called the veto a
        cover-up" is no veto)."""
        for source in sources:
            for target in targets:
                a, b = _state(source), _state(target)
                if a is not None and b is not None and a != b and code[:2] >= DISPUTE_ROOT:
                    self.dyads.add(frozenset((a, b)))
                    self.named[a], self.named[b] = source, target
        if joint or code[:2] in JOINT_ROOTS:
            return
        lemmas = {trigger.lemma_.lower()}
        if code[:2] not in REACTING_ROOTS:  # "imposed sanctions": "the sanctions"
            lemmas.update(
                c.lemma_.lower() for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
            )
        self.acts.append(StoryAct(sentence_index, frozenset(lemmas), code, tuple(sources)))

    def act_owner(self, nouns: Sequence[Token], reacting: Sequence[Mention]) -> list[Mention]:
        """The sources of the latest earlier act that one of the definite nouns names, other
        than the reacting side's own state; [] when none."""
        if any(_names_a_doer(_governor(n), self.by_token) for n in nouns[:1]):
            return []  # "condemned the exercises by X", parsed with "by X" on the verb
        for noun in nouns:
            if definite_act_noun(noun, self.by_token):
                owners = self._owner(noun, self.noun_code(noun), reacting)
                if owners:
                    return owners
        return []

    def _owner(
        self, noun: Token, noun_code: str | None, reacting: Sequence[Mention]
    ) -> list[Mention]:
        home = {_country(m) for m in reacting}
        for act in reversed(self._named(noun, noun_code)):
            owners = [m for m in act.sources if _country(m) not in home]
            countries = {_country(m) for m in owners}
            if owners and None not in countries and len(owners) == len(act.sources):
                return owners  # one state's act, or the joint act of several listed states
            if act.sources:
                return []  # the latest such act is the reacting side's own, or shared with it
        return []

    def _named(self, noun: Token, noun_code: str | None) -> list[StoryAct]:
        """The earlier acts of the story that a noun names, in story order."""
        lemma = noun.lemma_.lower()
        here = sentence_index(noun)
        earlier = [a for a in self.acts if here - STORY_SENTENCES <= a.sentence_index < here]
        words = next((g for g in SAME_ACT_NOUNS if lemma in g), frozenset({lemma}))
        named = [a for a in earlier if words & a.lemmas]
        if not named and noun_code is not None:
            named = [a for a in earlier if a.code[:2] == noun_code[:2]]
        return named

    def own_act(self, nouns: Sequence[Token], reacting: Sequence[Mention]) -> bool:
        """Whether a definite noun names an earlier act of the reacting state itself ("Chile
        regretted the deployment" after "Chile deployed troops"): a reaction to it is aimed
        at no other side."""
        home = {_country(m) for m in reacting}
        for noun in nouns:
            if definite_act_noun(noun, self.by_token):
                named = self._named(noun, self.noun_code(noun))
                if named and {_country(m) for m in named[-1].sources} <= home:
                    return True
        return False

    def reaction_owner(
        self, verb: Token, obj: Token | None, code: str, reacting: Sequence[Mention]
    ) -> tuple[list[Mention], str]:
        """`act_owner` for a reaction verb (`REACTING_ROOTS`) that asks for something, not
        one that names its object ("called the veto a shameful cover-up"), with its rule."""
        if code[:2] not in REACTING_ROOTS or names_something(verb):
            return [], ""
        nouns = reacted_nouns(verb, obj)
        return self.act_owner(nouns, reacting), OWNER_RULE

    def opponent(
        self, verb: Token, obj: Token | None, code: str, reacting: Sequence[Mention]
    ) -> tuple[list[Mention], str]:
        """`other_side` for an act aimed at someone (`SIDE_ROOTS`) that does not answer an
        act of the reacting state's own, with its rule."""
        if code[:2] not in SIDE_ROOTS:
            return [], ""
        if self.own_act(reacted_nouns(verb, obj), reacting):
            return [], ""
        return self.other_side(verb, reacting), SIDE_RULE

    def owner_opponent(
        self, noun: Token, code: str, owners: Sequence[Mention]
    ) -> tuple[list[Mention], str]:
        """`other_side` for an act noun its owner names ("since Russia's invasion", "its war"),
        aimed at someone (`SIDE_ROOTS`, or fighting), with its rule."""
        if code[:2] not in SIDE_ROOTS | {"19"}:
            return [], ""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return self._other_side(owner, noun, owners), SIDE_RULE

    def other_side(self, verb: Token, reacting: Sequence[Mention]) -> list[Mention]:
        """The one state the reacting state has been in dispute with in the story so far
        (acts of roots 10-20 either way), for its act whose sentence names no third party
        ("Peru refuses to accept the ruling", in a story whose disputes were between
        Russia and Ukraine only); [] when there is none or several. The verb's subject must
        name the reacting side itself ("a showdown between X and Y threatens ..." is no act
        of X)."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self._other_side(subject, verb, reacting)

    def _other_side(
        self, subject: Token | None, verb: Token, reacting: Sequence[Mention]
    ) -> list[Mention]:
        if subject is None:
            return []
        heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
        if not any(t.i in self.by_token for t in heads):  # "the destroyer USS X" names it
            return []
        home = {_state(m) for m in reacting}
        if len(home) != 1 or None in home:
            return []
        partners = {state for dyad in self.dyads for state in dyad - home if home < dyad}
        if len(partners) != 1:
            return []
        named = {
            _state(m) for t in verb.sent if (m := self.by_token.get(t.i)) is not None and m.anchors
        }
        if not named <= home | partners:
            return []  # a third party in the sentence ("Western criticism"): it may be aimed at it
        (other,) = partners
        return [self.named[other]]


def sentence_index(token: Token) -> int:
    """The index of the token's sentence in its document."""
    return next(i for i, s in enumerate(token.doc.sents) if s.start <= token.i < s.end)


def reacted_nouns(verb: Token, obj: Token | None) -> list[Token]:
    """The nouns a reaction is about: its object and the objects of its reaction
    prepositions, and theirs one step further ("called for a halt to the exercises")."""
    first = [obj] if obj is not None else []
    first += _prep_objects(verb)
    second = [o for n in first for o in _prep_objects(n)]
    return first + second


def names_something(verb: Token) -> bool:
    """ "called the veto a shameful cover-up", "described the drills as ...": the verb gives its
    object a name (an object predicate, a second object or an apposition), it asks for
    nothing."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1 or any(c.dep_ == "oprd" for c in verb.children):
        return True
    return any(c.dep_ == "appos" for o in objects for c in o.children)


def definite_act_noun(noun: Token, by_token: Mapping[int, Mention]) -> bool:
    """A noun with a definite determiner and no owner or actor of its own: "the veto",
    "these military drills", not "Russia's veto" or "drills held by X"."""
    if noun.pos_ != "NOUN" or noun.i in by_token:
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    if any(c.dep_ in OWNED_DEPS for c in noun.children):
        return False
    # "the drills around Taiwan", "the sanctions on Iran": the sentence names the parties
    # ("the military drills": an agent of no known country names no party)
    return not any(
        (m := by_token.get(c.i)) is not None and m.anchors for c in noun.subtree if c.i != noun.i
    )


def _governor(noun: Token) -> Token:
    """The verb or noun a noun is the object of ("condemned the drills", "an end to it")."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def _names_a_doer(head: Token, by_token: Mapping[int, Mention]) -> bool:
    return any(
        (m := by_token.get(t.i)) is not None and m.anchors
        for c in head.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for t in c.subtree
    )


def _prep_objects(head: Token) -> list[Token]:
    return [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in REACTION_PREPS
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _state(mention: Mention) -> str | None:
    roots = {country_root(c) for c in mention.codes}
    return next(iter(roots)) if len(roots) == 1 else None


def _country(mention: Mention) -> str | None:
    roots = {country_root(c) or c for c in mention.codes}
    return next(iter(roots)) if len(roots) == 1 else None
