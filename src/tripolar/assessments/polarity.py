"""The sign of a judgement from the parse: the negators that apply to a cue, the weight of
what a contrast or concession only concedes, and hedges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from tripolar.assessments.lexicon import Lexicon, Match, PhraseTable
from tripolar.assessments.syntax import ancestors_with_self, clause_root, is_verbal

NEGATIVE_SUBJECTS = frozenset({"none", "nothing", "nobody", "neither", "no-one", "few"})


NEGATION_RAISERS = frozenset({"think", "believe", "expect", "suppose", "seem", "appear"})


# "not only", "no doubt that": the next word makes the negator no negation of a judgement
NEGATOR_EXCEPTIONS = frozenset(
    {"only", "just", "merely", "simply", "doubt", "question", "wonder", "denying"}
)


# "not to mention X", "not to speak of X": X is added to what was said, not negated
NEGATOR_IDIOMS = frozenset({("to", "mention"), ("to", "speak")})


PLAIN_NEGATIONS = frozenset({"not", "n't", "n’t"})


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
                and not _is_exception(child)
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
        if node.i != token.i:
            # "the prospects are dim for a thaw", "it would be naive to expect a thaw"
            found.update(_rejecting_predicates(node, lexicon))
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
        if node.dep_ in ("nsubj", "csubj") and head.lemma_.lower() in COPULAS:
            # "a reset would be a mistake", "seeking a thaw now would be naive", "hopes
            # of a thaw proved elusive"; "cooperation is no illusion" rejects nothing
            linked = [c for c in head.children if c.dep_ == "xcomp" and c.lemma_.lower() == "be"]
            for c in (*head.children, *(g for x in linked for g in x.children)):
                if c.dep_ in ("attr", "acomp", "oprd") and _is_rejecting(c, lexicon):
                    denied = {g.i for g in c.children if _is_negating_child(g, lexicon)}
                    found.symmetric_difference_update(denied or {c.i})
        if node.dep_ in ("xcomp", "acl") and lexicon.has("negating_head", head):
            found.add(head.i)  # "unlikely to get better", "refused to cooperate", "a refusal to"
        if (
            node.dep_ == "dobj"
            and node.lemma_.lower() in CLAIM_NOUNS
            and lexicon.has("negating_head", head)
        ):
            found.add(head.i)  # "dismissed talk of a decoupling", "rejected the idea of a thaw"
        if node.dep_ == "pobj" and is_departure(head):
            found.add(head.i)  # "went from hostile to businesslike", "away from rivalry"
        raised = node.dep_ == "ccomp" and head.lemma_.lower() in NEGATION_RAISERS
        # "deepening cooperation is not on the agenda": a negated copula's clausal subject
        predicated = node.dep_ == "csubj" and head.lemma_.lower() in COPULAS
        if node.dep_ in LOCAL_UP_DEPS or raised or predicated:
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
    found |= _dissuading_concession(token, sentence)
    found |= _better_then(token)
    return _collapse_phrases(found - _degree_negators(token, found), token.doc)


DISSUADING = frozenset({"tempting", "appealing", "attractive", "satisfying", "understandable"})


def _dissuading_concession(token: Token, sentence: Span) -> set[int]:
    """ "As tempting as it is to punish X, ...": the act a concession calls tempting is
    advised against, so a cue inside its infinitive is negated."""
    doc = sentence.doc
    for start in (t.i for t in sentence if _concession_starts(t)):
        adjective = doc[start + 1]
        if adjective.lower_ not in DISSUADING or token.i <= start:
            continue
        between = doc[start : token.i]
        if any(t.text in (",", ";", ":") for t in between):
            continue
        if any(t.lower_ == "to" for t in between):
            return {adjective.i}
    return set()


# what a rejecting verb can reject without rejecting the relationship it names
CLAIM_NOUNS = frozenset(
    {
        "talk",
        "idea",
        "notion",
        "prospect",
        "possibility",
        "speculation",
        "suggestion",
        "claim",
        "fear",
        "rumour",
        "rumor",
        "report",
        "prediction",
        "proposal",
        "offer",
        "overture",
        "invitation",
    }
)


NOW_WORDS = frozenset({"now", "today", "nowadays", "present"})


def _is_now(token: Token) -> bool:
    return token.lower_ in NOW_WORDS and token.dep_ in ("advmod", "npadvmod", "pcomp", "pobj")


def _better_then(token: Token) -> set[int]:
    """A judgement of another time measured against the present ("there was more trust in
    the 1990s than there is now", "ties were warmer a decade ago than today") says the
    present falls short of it: the "than" negates what the clause holds."""
    clause = clause_root(token)
    for child in clause.children:
        compared = [g for g in child.children if child.dep_ == "prep" and child.lower_ == "than"]
        if any(_is_now(g) or any(_is_now(h) for h in g.children) for g in compared):
            return {child.i}
        if child.dep_ == "advcl":
            marks = [g for g in child.children if g.dep_ == "mark" and g.lower_ == "than"]
            if marks and any(_is_now(g) for g in child.children):
                return {marks[0].i}
    return set()


DEPARTURE_TARGETS = frozenset({"to", "into", "toward", "towards"})


DEPARTURE_VERBS = frozenset({"emerge", "recover", "escape", "rebound", "retreat", "depart"})


def is_departure(preposition: Token) -> bool:
    """A "from" that names what a change leaves behind: "from hostile to businesslike", "away
    from confrontation"; not "split Moscow from Beijing" or "from Iran to Venezuela" (which
    holds no judgement to leave)."""
    if preposition.lower_ != "from" or preposition.dep_ != "prep":
        return False
    governor = preposition.head
    if governor.lemma_.lower() in DEPARTURE_VERBS:
        return True  # "recovered from its lowest point"
    if governor.lower_ == "away" or any(
        c.lower_ == "away" and c.i < preposition.i for c in governor.children
    ):
        return True
    return _has_target(preposition)


def _has_target(preposition: Token) -> bool:
    """Whether a "from" has the "to/into" of where the change arrives."""
    return any(
        c.dep_ == "prep" and c.lower_ in DEPARTURE_TARGETS and c.i > preposition.i
        for c in (*preposition.head.children, *preposition.children)
    )


DEGREE_MODALS = frozenset({"could", "can", "ca"})


def _degree_negators(token: Token, found: set[int]) -> set[int]:
    """Negators that make a comparative a superlative rather than its opposite: "have
    never been closer", "could not be better", "could hardly be worse" keep the
    comparative's sign ("are not better" does not)."""
    if token.tag_ not in ("JJR", "RBR") or not found:
        return set()
    doc = token.doc
    head = token.head
    modal = any(c.dep_ == "aux" and c.lower_ in DEGREE_MODALS for c in head.children)
    return {n for n in found if doc[n].lower_ == "never" or (modal and doc[n].head.i == head.i)}


def _is_rejecting(word: Token, lexicon: Lexicon) -> bool:
    """A predicate that rejects its subject: "a mistake", "naive", "wishful thinking"."""
    return lexicon.has("negating_predicate", word) or any(
        c.dep_ == "amod" and lexicon.has("negating_predicate", c) for c in word.children
    )


def _rejecting_predicates(node: Token, lexicon: Lexicon) -> set[int]:
    """A rejecting predicate ("dim", "naive", "a mistake") that `node` is, or that the
    copula `node` takes with an extraposed "it" ("it would be naive to expect X"), unless
    it is itself negated."""

    def rejects(word: Token) -> bool:
        return _is_rejecting(word, lexicon) and not any(
            _is_negating_child(g, lexicon) for g in word.children
        )

    if node.pos_ in ("ADJ", "NOUN") and rejects(node):
        linked = node.dep_ in ("attr", "acomp", "oprd") and node.head.lemma_.lower() in COPULAS
        if linked or any(c.lemma_.lower() == "be" for c in node.children):
            return {node.i}
    if node.lemma_.lower() in COPULAS and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in node.children
    ):
        return {c.i for c in node.children if c.dep_ in ("attr", "acomp") and rejects(c)}
    return set()


def _is_negating_child(child: Token, lexicon: Lexicon) -> bool:
    if _is_exception(child):
        return False
    if child.dep_ == "neg" or child.lower_ in PLAIN_NEGATIONS:
        return True  # "doesn’t" is sometimes parsed with "n’t" as the verb's subject
    return child.dep_ in ("det", "advmod", "preconj", "amod") and lexicon.has("negator", child)


def _is_exception(negator: Token) -> bool:
    doc = negator.doc
    if negator.lower_ == "once" and not _is_past_once(negator):
        return True
    if negator.lower_ == "few" and negator.i > 0 and doc[negator.i - 1].lower_ in ("a", "quite"):
        return True  # "a few" are some, "few" are hardly any
    following = tuple(t.lower_ for t in doc[negator.i + 1 : negator.i + 3])
    if following in NEGATOR_IDIOMS:
        return True  # "not to mention the provocative flights" adds, it does not negate
    return bool(following) and following[0] in NEGATOR_EXCEPTIONS


def _is_past_once(word: Token) -> bool:
    """ "Once" of a state that has passed ("were once allies", "once enjoyed close ties"),
    not "once again", "at once", "more than once" or "once trust returns"."""
    doc = word.doc
    after = doc[word.i + 1].lower_ if word.i + 1 < len(doc) else ""
    before = doc[word.i - 1].lower_ if word.i > 0 else ""
    if word.dep_ == "mark" or after in ("again", "more") or before in ("at", "than", "all"):
        return False
    verb = word.head if is_verbal(word.head) else None
    if verb is None and word.head.head.i != word.head.i and is_verbal(word.head.head):
        verb = word.head.head  # "a once close partner"
    if verb is None:
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > word.i for c in verb.children):
        return False  # "once trust is restored, ...": a conjunction before its clause
    return verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children
    )


def _collapse_phrases(indices: set[int], doc: Doc) -> set[int]:
    """One index per run of adjacent negator tokens, so "far from" counts once; a litotes
    ("not without its problems") negates nothing."""
    kept: set[int] = set()
    for index in sorted(indices):
        if index - 1 in indices:
            continue
        end = index
        while end + 1 in indices:
            end += 1
        if end > index and doc[end].lower_ == "without" and doc[end - 1].lower_ in PLAIN_NEGATIONS:
            continue
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
        if is_departure(token) and _has_target(token):
            for left in token.subtree:  # "grew from a poor, isolated state into a rival"
                weights[left.i] = min(weights[left.i], 0.3)
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
