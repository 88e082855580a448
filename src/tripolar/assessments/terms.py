"""The evaluative terms of a sentence and their scoring: which lexicon matches count as
terms (`find_items`), which modifier ("erosion", "rising", "poor") goes with which cue
(`attach_modifiers`), and the signed value of a cue after its modifiers and negations
(`score`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tripolar.assessments import framing, parties, syntax
from tripolar.assessments.lexicon import LexEntry, Lexicon, Match, PhraseTable
from tripolar.model import Mention


@dataclass
class Item:
    """One evaluative term in a sentence, with what the parse did to it."""

    match: Match
    entry: LexEntry
    head: Token
    value: float = 0.0
    intensity: float = 0.0
    negators: set[int] = field(default_factory=set)
    modifiers: list[Item] = field(default_factory=list)
    attached: bool = False


def find_items(
    sentence: Span, token_mentions: dict[int, Mention], lexicon: Lexicon, terms: PhraseTable
) -> list[Item]:
    """The evaluative terms of `sentence` (matches of `terms`, the lexicon's phrase table),
    less those that are part of a name, a place's own situation, a domestic matter or an
    act on something that is no relationship."""
    items: list[Item] = []
    doc = sentence.doc
    for match in terms.find(sentence):
        entry = lexicon.entries[match.term]
        span = doc[match.start : match.end]
        head = span.root
        single = match.end - match.start == 1
        if single and head.pos_ == "PROPN" and head.i != sentence.start:
            continue  # part of a name: "Shanghai Cooperation Organisation"
        if single and head.tag_ in ("MD",):
            continue
        if single and entry.kind == "setter" and head.tag_ == "NNS":
            continue  # "consumer goods"
        if single and parties.in_hyphenated_word(doc, match.start):
            continue  # "lower-cost goods", "high-level talks"
        if single and parties.names_an_organisation(head, token_mentions):
            continue  # "the alliance" standing for NATO names a party, judges nothing
        if not _reads_as_its_phrase(span):
            continue  # "the dispute is over Taiwan", "hostility toward each other"
        if framing.is_temporal_anchor(head) or framing.is_reported_act(head, lexicon):
            continue
        if framing.is_asked(head):
            continue  # "it asks whether the two could form an alliance"
        if single and syntax.is_title_word(head):
            continue  # "a conference, Cooperation between X and Y: Prospects"
        if parties.is_located(head, token_mentions):
            continue  # "the crisis in Belarus" is that country's situation
        if parties.is_prefixed_period(doc, match.start) or framing.is_studied(head, lexicon):
            continue  # "the post-Cold War order"; "the report analyses how ties changed"
        governor = head.head if head.dep_ in ("amod", "compound") else head
        listed = {governor, *syntax.conjuncts(governor)}  # "stability and national unity"
        if any(
            c.dep_ in ("compound", "amod", "nmod") and lexicon.has("domestic", c)
            for node in {head, *listed}
            for c in node.children
        ):
            continue  # "a public health crisis", "the worst health crisis"
        if syntax.is_verbal(head) and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and lexicon.has("domestic", c)
            for c in head.children
        ):
            continue  # "China's economy grew", "output slowed": a state's own affairs
        if lexicon.has("actor_object", head) and syntax.is_verbal(head):
            objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objects and not any(
                t.i in token_mentions
                or (lexicon.has("anaphor", t) and t.lower_ not in syntax.POSSESSIVE_PRONOUNS)
                or lexicon.has("relational", t)
                or t.lower_ in ("other", "another")  # "support each other"
                for o in objects
                for t in syntax.phrase_core(o)
            ):
                # "contain the outbreak", "abandoned its agreement with Tokyo" (its:
                # the subject's own), not "support each other", "isolate Russia's regime"
                continue
        items.append(
            Item(
                match=match,
                entry=entry,
                head=head,
                value=entry.polarity,
                intensity=entry.intensity,
            )
        )
    return items


RESULT_DEPS = frozenset({"advmod", "prep", "oprd", "acomp", "attr", "xcomp"})


def weigh_causes(items: list[Item], weights: dict[int, float]) -> None:
    """A cue in the subject of a verb whose result is another term is a cause, and weighs
    as little as a concession: "sanctions have pushed the two capitals towards each other"
    says the two are growing closer; the sanctions keep their own pair."""
    results = set()
    for result in (i.head for i in items if not i.attached and i.entry.kind != "intensifier"):
        if result.dep_ in RESULT_DEPS:
            results.add(result.i)
        elif result.dep_ == "pobj" and result.head.dep_ == "prep":
            results.add(result.head.i)  # "drove their ties to a record low"
    for item in items:
        subject = item.head
        while subject.dep_ not in ("nsubj", "csubj") and subject.dep_ in (
            "amod",
            "compound",
            "pobj",
            "prep",
            "conj",
        ):
            subject = subject.head
        if subject.dep_ not in ("nsubj", "csubj") or subject.head.lemma_.lower() in (
            "be",
            "remain",
            "become",
        ):
            continue
        if any(c.i in results for c in subject.head.children):
            weights[item.head.i] = min(weights.get(item.head.i, 1.0), 0.3)


def _describes_object(modifier: Item, cue: Item) -> bool:
    """Whether what a shifting verb changes is described by the cue's clause: what "avoid
    actions that will inflame Moscow" avoids is the inflaming; what failed in "the gambit
    to split Moscow from Beijing has failed" is the split."""
    relative = cue.head
    if modifier.entry.kind != "shifter" or not syntax.is_verbal(modifier.head):
        return False
    if relative.dep_ not in ("relcl", "acl") or not syntax.is_verbal(relative):
        return False
    thing = relative.head
    return thing.dep_ in ("dobj", "nsubj") and thing.head.i == modifier.head.i


def _is_cause_of(cue: Item, modifier: Item) -> bool:
    """Whether `cue` is the subject of a verb that changes its object, with `modifier` in
    that verb's result: "a border clash drove their ties to a record low" lowers the ties,
    not the clash ("trust fell to a new low" lowers the trust)."""
    verb = cue.head.head
    if cue.head.dep_ not in ("nsubj", "csubj") or not syntax.is_verbal(verb):
        return False
    if modifier.head.i == verb.i or modifier.head.i not in {t.i for t in verb.subtree}:
        return False
    return any(c.dep_ == "dobj" and c.i != modifier.head.i for c in verb.children)


def _has_object(modifier: Item) -> bool:
    """Whether a change verb names what it changes: a direct object, or the object of the
    preposition its term ends in ("stand in the way of X")."""
    last = modifier.head.doc[modifier.match.end - 1]
    if last.dep_ == "prep" and any(c.dep_ == "pobj" for c in last.children):
        return True
    return any(c.dep_ == "dobj" for c in modifier.head.children)


def _copular_predicate(cue: Item, by_head: dict[int, Item]) -> Item | None:
    """The cue a copula predicates of the subject cue `cue` ("the partnership is a
    marriage of convenience", "the rivalry became a new cold war"), if any."""
    verb = cue.head.head
    if cue.head.dep_ != "nsubj" or verb.lemma_.lower() not in ("be", "remain", "become", "prove"):
        return None
    # "every thaw has proved to be a false dawn": the predicate of the verb's "to be"
    linked = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() == "be"]
    for child in (*verb.children, *(g for c in linked for g in c.children)):
        found = by_head.get(child.i)
        if child.dep_ in ("attr", "acomp") and found is not None and found is not cue:
            return found
        if child.dep_ == "prep" and child.lower_ in STATE_PREPS:
            # "the friendship is under strain", "trust is in short supply"
            for state in child.children:
                found = by_head.get(state.i)
                if state.dep_ == "pobj" and found is not None and found is not cue:
                    return found
    return None


STATE_PREPS = frozenset({"in", "under", "at", "on"})


DRAWING_VERBS = frozenset({"move", "gravitate", "drift", "lean", "grow", "edge", "inch", "tilt"})


def _reads_as_its_phrase(span: Span) -> bool:
    """Whether a multi-word term is used as the phrase the lexicon means. A verb and a
    particle ("be over") do not hold when the particle is a preposition with an object
    ("the honeymoon is over", not "the dispute is over Taiwan"); a direction ("toward each
    other") judges only as the complement of a verb that draws or moves the parties ("pushed
    them toward each other", "gravitated towards each other"), not as a noun's ("hostility
    toward each other") or a march's ("troops advanced towards each other")."""
    head, last = span.root, span[-1]
    if len(span) == 1:
        return True
    if last.lower_ == "to" and last.pos_ == "PART":
        return False  # "a threat to trigger sanctions" is no "threat to" something
    if (
        len(span) == 2
        and syntax.is_verbal(head)
        and last.dep_ == "prep"
        and any(c.dep_ == "pobj" for c in last.children)
    ):
        return False
    if head.pos_ != "ADP" or head.lower_ not in ("toward", "towards"):
        return True
    verb = head.head
    if head.dep_ != "prep" or not syntax.is_verbal(verb):
        return False
    # "sanctions pushed the two toward each other", "they gravitated towards each other";
    # not "troops advanced towards each other"
    return verb.lemma_.lower() in DRAWING_VERBS or any(c.dep_ == "dobj" for c in verb.children)


CAUSE_PREPS = frozenset({"because", "due", "owing", "amid", "amidst", "thanks"})


def _is_cause(verb: Token, cue: Token) -> bool:
    """Whether `cue` sits in what a change word names as its cause: "ties soured because of
    their dispute" sours the ties, not the dispute."""
    if verb not in cue.ancestors:
        return False
    node = cue
    while node.i != verb.i:
        if node.dep_ == "prep" and (node.lower_ in CAUSE_PREPS or node.head.lower_ in CAUSE_PREPS):
            return True
        node = node.head
    return False


def attach_modifiers(items: list[Item]) -> None:
    """Pair every shifter, intensifier and setter with the nearest cue it governs."""
    cues = [i for i in items if i.entry.kind == "cue"]
    by_head = {cue.head.i: cue for cue in cues}
    for cue in cues:
        # "a dangerous adversary": an evaluative adjective inside a cue's noun phrase
        # strengthens that cue rather than standing alone.
        governor = by_head.get(cue.head.head.i)
        if cue.head.dep_ in ("amod", "compound") and governor is not None and governor is not cue:
            governor.modifiers.append(cue)
            cue.attached = True
            continue
        predicate = _copular_predicate(cue, by_head)
        if predicate is not None:
            # "the partnership is a marriage of convenience": what the sentence says of its
            # subject decides, the subject only names what is judged
            predicate.modifiers.append(cue)
            cue.attached = True
    for modifier in items:
        if modifier.entry.kind == "cue":
            continue
        candidates = []
        for n, cue in enumerate(cues):
            reach = 4 if modifier.entry.kind == "shifter" and syntax.is_verbal(modifier.head) else 3
            distance = syntax.governs(modifier.head, cue.head, reach)
            if distance is None and _describes_object(modifier, cue):
                distance = 2  # "avoid steps that would inflame X", "efforts to X failed"
            if (
                distance is not None
                and not parties.in_issue_of(modifier.head, cue.head)
                and not _is_cause(modifier.head, cue.head)
            ):
                # a change verb changes its object, not its subject: "the crisis put an
                # end to cooperation" ends the cooperation
                cause = syntax.is_verbal(modifier.head) and cue.head.dep_ in ("nsubj", "csubj")
                cause = cause and cue.head.head.i == modifier.head.i
                if (cause and _has_object(modifier)) or _is_cause_of(cue, modifier):
                    continue  # "old quarrels stand in the way of ties": the ties suffer
                candidates.append((int(cause), distance, abs(modifier.head.i - cue.head.i), n))
        if not candidates:
            continue
        *_, best = min(candidates)
        cues[best].modifiers.append(modifier)
        modifier.attached = True


def score(item: Item) -> tuple[float, float, set[int], tuple[str, ...]]:
    """The signed value of a cue after its modifiers and negations."""
    value, intensity = item.value, item.intensity
    negators = set(item.negators)
    terms = [item.match.term]
    order = sorted(item.modifiers, key=lambda m: syntax.tree_distance(m.head, item.head))
    for modifier in order:
        kind = modifier.entry.kind
        if kind == "cue":
            intensity += 0.15
        elif kind == "shifter":
            value = -value
        elif kind == "setter":
            strength = max(abs(value), abs(modifier.entry.polarity))
            value = strength if modifier.entry.polarity > 0 else -strength
        else:
            intensity += 0.15
        if kind == "cue" or (
            modifier.head.head.i == item.head.i and modifier.head.dep_ in ("amod", "compound")
        ):
            negators |= modifier.negators  # "no real breakthrough": the phrase's negation
        else:
            negators |= modifier.negators  # a negation shared by both counts once
        terms.append(modifier.match.term)
        intensity = max(intensity, modifier.entry.intensity)
    if len(negators) % 2 == 1:
        value = -value
        intensity *= 0.7
    return value, intensity, negators, tuple(terms)
