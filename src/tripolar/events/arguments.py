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
    SAY_VERBS,
    clause_verb,
    conjuncts,
    dependent,
    prep_objects,
    subject_heads,
)
from tripolar.events.modality import ALLEGE_GOVERNORS, Context
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
            places = [o for p in preps for o in prep_objects(head, p)] + _served(head)
            return [_placed(found, self.of_group(places))]
        if found is not None and found.kind == "agent" and "(context " in found.entry:
            # a country guessed from the story yields to the body the phrase says they serve
            served = self.of_group(_served(head)) if not head_only else []
            return [_placed(found, served) if served else found]
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
            members = self.of_group(prep_objects(head, "of") or prep_objects(head, "from"))
            if members:  # else its modifiers: "the US deployment of THAAD" is the US's
                return members
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


# "officials serving on the U.S. commission", "staff working for X's embassy": whom they serve
SERVING_VERBS = frozenset({"serve", "work", "sit"})
SERVED_PREPS = ("on", "in", "at", "for", "with")


def _served(head: Token) -> list[Token]:
    return [
        o
        for clause in head.children
        if clause.dep_ == "acl" and clause.lemma_.lower() in SERVING_VERBS
        for p in SERVED_PREPS
        for o in prep_objects(clause, p)
    ]


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


# a protest act with an "in protest of/at X" phrase is coded once, through the phrase; checked
# before the act's place, which would otherwise make its own country the target
IN_PROTEST_CODES_IT = "coded by its 'in protest' phrase"
