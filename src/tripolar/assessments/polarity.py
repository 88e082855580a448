"""The sign of a judgement from the parse: the negators that apply to a cue, the weight of
what a contrast or concession only concedes, and hedges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from tripolar.assessments.lexicon import Lexicon, Match, PhraseTable
from tripolar.assessments.syntax import ancestors_with_self, is_verbal

NEGATIVE_SUBJECTS = frozenset({"none", "nothing", "nobody", "neither", "no-one"})


NEGATION_RAISERS = frozenset({"think", "believe", "expect", "suppose", "seem", "appear"})


# "not only", "no doubt that": the next word makes the negator no negation of a judgement
NEGATOR_EXCEPTIONS = frozenset(
    {"only", "just", "merely", "simply", "doubt", "question", "wonder", "denying"}
)


# "not to mention X", "not to speak of X": X is added to what was said, not negated
NEGATOR_IDIOMS = frozenset({("to", "mention"), ("to", "speak")})


COPULAS = frozenset({"be", "remain", "seem", "look", "appear", "become", "stay", "prove"})


# Deps climbed when looking for the words that govern a cue inside its own clause.
LOCAL_UP_DEPS = frozenset(
    {
        "amod",
        "compound",
        "pobj",
        "prep",
        "dobj",
        "attr",
        "acomp",
        "nsubj",
        "nsubjpass",
        "oprd",
        "appos",
        "advmod",
        "npadvmod",
        "poss",
        "xcomp",
        "nmod",
        "dative",
        "pcomp",
    }
)


def negators_of(
    token: Token,
    span_start: int,
    sentence: Span,
    lexicon: Lexicon,
    negator_matches: Sequence[Match],
    stop_at: set[int],
) -> set[int]:
    """Indices of the negating words that apply to a cue (or modifier) headed by ``token``."""
    found: set[int] = set()
    node = token
    while True:
        for child in node.children:
            if child.i == token.i or child.i in stop_at:
                continue
            if _is_negating_child(child, lexicon):
                found.add(child.i)
            if (
                is_verbal(node)
                and child.dep_ in ("nsubj", "nsubjpass")
                and child.lower_ in NEGATIVE_SUBJECTS
            ):
                found.add(child.i)  # "None of this makes an alliance"
            if is_verbal(node) and child.dep_ in ("nsubj", "nsubjpass"):
                # "hardly anyone expects a breakthrough"
                found.update(
                    g.i
                    for g in child.children
                    if g.dep_ == "advmod" and g.lower_ in ("hardly", "scarcely", "barely")
                )
            if is_verbal(node) and child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i:
                # "neither Beijing nor Washington can risk a crisis", "no country wants war"
                found.update(
                    g.i
                    for g in child.children
                    if g.dep_ in ("preconj", "det") and g.lower_ in ("neither", "no")
                )
        head = node.head
        if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN") and head.i not in stop_at:
            # "little chemistry or warmth": a negating determiner of the first conjunct
            found.update(
                c.i
                for c in head.children
                if c.dep_ in ("det", "amod") and _is_negating_child(c, lexicon)
            )
        if node.dep_ == "conj" and is_verbal(node) and is_verbal(head) and head.i not in stop_at:
            # "neither X nor Y would welcome or risk a crisis": the shared subject
            found.update(
                g.i
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass")
                and not any(d.dep_ in ("nsubj", "nsubjpass") for d in node.children)
                for g in (c, *c.children)
                if g.lower_ in NEGATIVE_SUBJECTS
                or (g.dep_ in ("preconj", "det") and g.lower_ in ("neither", "no"))
            )
        if head.i == node.i or head.i in stop_at:
            break
        if node.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in COPULAS:
            # "Trust is far from complete": a phrase negator in the predicate.
            for match in negator_matches:
                if head.i < match.start <= head.i + 3 and not _is_exception(
                    sentence.doc[match.start]
                ):
                    found.update(range(match.start, match.end))
        if node.dep_ == "xcomp" and lexicon.has("negating_head", head):
            found.add(head.i)  # "ties are unlikely to get better", "refused to cooperate"
        raised = node.dep_ == "ccomp" and head.lemma_.lower() in NEGATION_RAISERS
        if node.dep_ in LOCAL_UP_DEPS or raised:
            node = head
        else:
            break
    # Linear window: "no longer rivals", "far from cordial", "partners rather than rivals".
    for match in negator_matches:
        if not (span_start - 3 <= match.end <= span_start):
            continue
        between = sentence.doc[match.end : span_start]
        if any(t.is_punct and t.text != "-" for t in between):
            continue
        if any(lexicon.has("contrast", t) for t in between):
            continue
        if any(t.i in stop_at for t in between):
            continue  # "will not repair the strained ties": the negation is the verb's
        if _is_exception(sentence.doc[match.start]):
            continue
        found.update(range(match.start, match.end))
    return _collapse_phrases(found)


def _is_negating_child(child: Token, lexicon: Lexicon) -> bool:
    if _is_exception(child):
        return False
    if child.dep_ == "neg":
        return True
    return child.dep_ in ("det", "advmod", "preconj", "amod") and lexicon.has("negator", child)


def _is_exception(negator: Token) -> bool:
    doc = negator.doc
    following = tuple(t.lower_ for t in doc[negator.i + 1 : negator.i + 3])
    if following in NEGATOR_IDIOMS:
        return True  # "not to mention the provocative flights" adds, it does not negate
    return bool(following) and following[0] in NEGATOR_EXCEPTIONS


def _collapse_phrases(indices: set[int]) -> set[int]:
    """One index per run of adjacent negator tokens, so "far from" counts once."""
    kept: set[int] = set()
    for index in sorted(indices):
        if index - 1 not in indices:
            kept.add(index)
    return kept


def contrast_weights(sentence: Span, lexicon: Lexicon, concessive: PhraseTable) -> dict[int, float]:
    """Weight of each token: what a contrast concedes counts less than what it asserts."""
    weights = dict.fromkeys(range(sentence.start, sentence.end), 1.0)
    for match in concessive.find(sentence):
        marker = sentence.doc[match.start]
        last = sentence.doc[match.end - 1]
        if last.dep_ == "mark" and last.head.i != last.i:
            conceded: Iterable[Token] = last.head.subtree
        elif last.dep_ == "prep" or marker.dep_ == "prep":
            conceded = last.subtree if last.dep_ == "prep" else marker.subtree
        else:
            continue
        for token in conceded:
            weights[token.i] = min(weights[token.i], 0.2)
    for token in sentence:
        for start in _concession_starts(token):
            # "however precarious the situation may be", "tempting as it may be to ..."
            for index in range(start, sentence.end):
                word = sentence.doc[index]
                if index > start and word.text in (",", ";", ":", "’", "'", "”", '"'):
                    break
                weights[index] = min(weights[index], 0.2)
        if _is_span_left_behind(token):
            for past in token.subtree:  # "after five years of tension, a thaw began"
                weights[past.i] = min(weights[past.i], 0.2)
        if token.lower_ == "than" and token.dep_ in ("prep", "mark"):
            for compared in token.subtree:  # "worse than in the days when trust was high"
                weights[compared.i] = min(weights[compared.i], 0.3)
    pivot = None
    for token in sentence:
        if not lexicon.has("contrast", token) or token.dep_ == "mark":
            continue
        if _concession_starts(token):
            continue
        if token.i + 1 < sentence.end and sentence.doc[token.i + 1].lower_ == "also":
            continue
        if token.i > sentence.start and sentence.doc[token.i - 1].lower_ in (
            "nothing",
            "anything",
            "all",
        ):
            continue
        pivot = token.i
    if pivot is not None:
        for index in range(sentence.start, pivot):
            weights[index] = min(weights[index], 0.3)
    return weights


def _is_span_left_behind(token: Token) -> bool:
    """'after years of tension', 'after two decades of rivalry': a stretch of time the
    sentence reports as over, which weighs as little as a concession."""
    return (
        token.dep_ == "prep"
        and token.lower_ == "after"
        and any(
            c.dep_ == "pobj"
            and c.lemma_.lower() in ("year", "month", "decade", "week")
            and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
            for c in token.children
        )
    )


def _concession_starts(token: Token) -> list[int]:
    """Where a concession of the 'however ADJ' or 'as ADJ as' shape starts, if ``token``
    opens one."""
    if token.lower_ not in ("however", "as"):
        return []
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or following.pos_ not in ("ADJ", "ADV"):
        return []
    if token.lower_ == "however":
        return [token.i]
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    first_word = token.i == token.sent.start or doc[token.i - 1].is_punct
    if token.lower_ == "as" and first_word and after is not None and after.lower_ == "as":
        return [token.i]
    return []


def is_hedged(token: Token, lexicon: Lexicon) -> bool:
    for node in ancestors_with_self(token):
        if (
            node.i != token.i
            and lexicon.has("hedge", node)
            and node.pos_ in ("VERB", "AUX", "ADV", "ADJ")
        ):
            return True
        for child in node.children:
            if child.dep_ in ("aux", "advmod", "neg") and lexicon.has("hedge", child):
                return True
    return False
