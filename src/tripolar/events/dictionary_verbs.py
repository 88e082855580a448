"""Events of verbs whose pattern came from a user's verb dictionary (``--verbs FILE``).

The coder's verb stage matches every pattern, built-in or not, with
`tripolar.events.patterns.match_verb`; this module turns a dictionary pattern's match into a
candidate event. Sources and targets are the actors at the pattern's ``$``/``+`` places, and
otherwise the verb's subject (or passive agent) and its object (or first actor of its
phrase); ``%`` makes the coordinated actors at that place act on each other; ``[a:b]`` adds
the event in the other direction with code b. docs/verb-dictionaries.md has the details.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from tripolar.events.arguments import Candidate, MentionIndex, distinct_codes, unique_mentions
from tripolar.events.grammar import agent_objects, conjuncts, passive_patient
from tripolar.events.modality import NEGATORS, Context, context_of, is_negated, map_code
from tripolar.events.patterns import NULL_CODE, PatternMatch
from tripolar.model import Mention

TARGET_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "npadvmod"})
NEGATION_WORDS = NEGATORS | {"neither", "nor"}
GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})
LOST_SUBJECT_DEPS = frozenset({"compound", "npadvmod", "nmod", "dep"})


def actor_ends(index: MentionIndex) -> dict[int, int]:
    """Token index -> index after the last token of the actor mention it is part of."""
    ends: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, mention in index.by_token.items():
        key = id(mention)
        last[key] = max(last.get(key, i), i)
    for i, mention in index.by_token.items():
        ends[i] = last[id(mention)] + 1
    return ends


def dictionary_candidate(
    verb: Token, match: PatternMatch, passive: bool, index: MentionIndex
) -> Candidate | str:
    """The candidate event of a dictionary pattern's match, or why there is none."""
    pattern = match.pattern
    rule = pattern.rule
    if pattern.codes_nothing:
        return f"the pattern codes nothing ([---]): {pattern.where}"
    # The dictionary's patterns carry their own modality ("WILL NOT *", "INDICATED WOULD *"):
    # the code is the pattern's; only a negation the pattern does not spell out stops it.
    spelled = any(t.lower_ in NEGATION_WORDS for t in match.words)
    if is_negated(verb) and not spelled:
        return f"negated ({verb.text!r}), and the pattern does not say so"
    # words before the verb in the pattern read its context themselves ("INDICATED SHOULD *",
    # "INCHING &SYN *"); otherwise the grammar's reasons not to code apply
    around = context_of(verb)
    if around.reason and not spelled and not any(t.i < verb.i for t in match.words):
        return around.reason  # a question, a condition, a hypothetical, reported denial ...
    context = Context("act")
    mode = context.mode
    code, reverse = pattern.code, pattern.reverse_code
    if code == NULL_CODE and reverse:  # "[:173]": only the other direction
        code, reverse = reverse, None
        match = replace(match, sources=match.targets, targets=match.sources)
    mapped = map_code(code, mode)
    if mapped is None:
        return context.negation or f"no code for {mode} of {code}"
    if mode != "act":
        rule += f"/{mode}"
    reverse_mapped = map_code(reverse, mode) if reverse else None
    worded = {t.i for t in match.words}  # "swiss francs" is a currency here, no actor
    before = [t for t in match.compounds if t.i < verb.i]
    if before:  # "X and Y agreed": the coordinated actors act on each other
        members = _compound(before, index)
        if distinct_codes(members) < 2:
            return "no compound actor at '%'"
        if reverse_mapped is None or reverse_mapped == mapped:
            return Candidate(mapped, rule + "+compound", members, [], True, context)
        first = [m for m in members if m.codes[0] == members[0].codes[0]]
        rest = [m for m in members if m not in first]
        return Candidate(mapped, rule + "+compound", first, rest, False, context, False,
                          reverse_mapped)  # fmt: skip
    sources = _mentions(match.sources, index)
    if not sources:
        sources = index.of_group(agent_objects(verb)) if passive else index.subjects_of(verb)
    if not sources and not passive:  # "Ethiopia act on ...": a subject the parser missed
        sources = index.of_group(
            c for c in verb.lefts if c.dep_ in LOST_SUBJECT_DEPS and c.pos_ == "PROPN"
        )
    marked = _mentions(match.targets, index)
    if not match.sources and marked and set(marked) & set(sources):
        # "X noted + Y regretted": "+" on the verb's own subject makes it the target; the
        # source is the subject of the clause the verb's clause depends on
        governor = verb.head if verb.dep_ in GOVERNED_DEPS else None
        sources = index.subjects_of(governor) if governor is not None else []
    if not sources:
        return "no source actor linked to the verb"
    after = [t for t in match.compounds if t.i > verb.i]  # "agreed with X and Y": both
    targets = _mentions(match.targets, index) or _compound(after, index)
    slot = "+" if targets else ""
    if not targets:
        targets, slot = _default_targets(verb, passive, index, sources, worded), "phrase"
    if not targets:
        return "no target actor linked to the verb"
    return Candidate(
        mapped, f"{rule}+{slot}", sources, targets, False, context, False, reverse_mapped
    )


def reversed_candidate(candidate: Candidate) -> Candidate | None:
    """The event in the other direction that a "[a:b]" code adds, if any."""
    if candidate.reverse_code is None:
        return None
    return replace(
        candidate,
        code=candidate.reverse_code,
        sources=candidate.targets,
        targets=candidate.sources,
        rule=candidate.rule + "/reverse",
        reverse_code=None,
    )


def _mentions(tokens: Iterable[Token], index: MentionIndex) -> list[Mention]:
    return unique_mentions(m for t in tokens for m in index.of_phrase(_mention_head(t, index)))


def _mention_head(token: Token, index: MentionIndex) -> Token:
    """The syntactic head of the actor mention a token is part of ("the" -> "Philippines")."""
    mention = index.by_token.get(token.i)
    while token.head.i != token.i and index.by_token.get(token.head.i) is mention:
        token = token.head
    return token


def _compound(tokens: Iterable[Token], index: MentionIndex) -> list[Mention]:
    """The coordinated actors a "%" token belongs to: "Gondor and Osgiliath"."""
    heads = []
    for token in tokens:
        token = _mention_head(token, index)
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        heads.extend(conjuncts(token))
    return index.of_group(heads)


def _default_targets(
    verb: Token, passive: bool, index: MentionIndex, sources: list[Mention], worded: set[int]
) -> list[Mention]:
    """The patient of a passive; else the first actor, in text order, standing as an object
    in the verb's phrase (its object, the object of a preposition on it or on its object)
    or as the subject of a clause under it ("believes X can cope"); words the pattern
    matched are no actors."""
    own = {code for source in sources for code in source.codes}
    if passive:
        patient = passive_patient(verb)
        found = index.of_group([patient]) if patient is not None else []
        return [m for m in found if not set(m.codes) <= own]
    for token in verb.subtree:
        if token.i <= verb.i or token.i in worded:
            continue
        embedded_subject = token.dep_ in ("nsubj", "nsubjpass") and token.head.i != verb.i
        if token.dep_ not in TARGET_DEPS and not embedded_subject:
            continue
        found = [m for m in index.of_phrase(token) if not set(m.codes) <= own]
        if found:
            return unique_mentions(m for t in conjuncts(token) for m in index.of_phrase(t)) or found
    return []
