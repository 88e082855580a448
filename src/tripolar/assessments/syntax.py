"""Walks over the dependency parse that the assessment extractor needs.

Clause boundaries, negation, contrast weights, hedges, time and modality, attribution.
Every function takes spaCy tokens and the ``Lexicon``; none keeps state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from tripolar.assessments.lexicon import Lexicon, Match, PhraseTable

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
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
NOMINAL_UP_DEPS = frozenset(
    {"amod", "compound", "pobj", "prep", "dobj", "conj", "appos", "nmod", "poss", "nsubjpass"}
)
STRICT_TEMPORAL_PREPS = frozenset(
    {"during", "since", "after", "before", "until", "till", "throughout"}
)
SETTING_PREPS = STRICT_TEMPORAL_PREPS | {"amid", "despite", "following", "against"}
TIME_NOUNS = frozenset(
    {
        "era",
        "day",
        "height",
        "aftermath",
        "wake",
        "period",
        "year",
        "time",
        "heyday",
        "dawn",
        "end",
        "start",
        "beginning",
        "decade",
        "age",
        "onset",
    }
)
COPULAS = frozenset({"be", "remain", "seem", "look", "appear", "become", "stay", "prove"})
NEGATIVE_SUBJECTS = frozenset({"none", "nothing", "nobody", "neither", "no-one"})
NEGATION_RAISERS = frozenset({"think", "believe", "expect", "suppose", "seem", "appear"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
EXPECTATION_AUX = frozenset({"may", "might", "could", "would", "can"})
# "not only", "no doubt that": the next word makes the negator no negation of a judgement
NEGATOR_EXCEPTIONS = frozenset(
    {"only", "just", "merely", "simply", "doubt", "question", "wonder", "denying"}
)
# "not to mention X", "not to speak of X": X is added to what was said, not negated
NEGATOR_IDIOMS = frozenset({("to", "mention"), ("to", "speak")})
FIRST_PERSON = frozenset({"i", "we"})
PRONOUN_HOLDERS = frozenset({"it", "there"})
REPORTING_NOUNS = frozenset(
    {"warning", "view", "claim", "belief", "assessment", "statement", "assertion", "argument"}
)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
ALL_PRONOUNS = FIRST_PERSON | PRONOUN_HOLDERS | PERSONAL_PRONOUNS | RELATIVE_PRONOUNS | {"you"}


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def clause_root(token: Token) -> Token:
    """The head of the innermost clause that contains the token."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS or (node.dep_ == "conj" and is_verbal(node)):
            return node
        node = node.head
    return node


def clause_chain(token: Token) -> list[Token]:
    """Clause heads from the token's clause outwards to the sentence root."""
    chain = [clause_root(token)]
    while chain[-1].head.i != chain[-1].i:
        chain.append(clause_root(chain[-1].head))
    return chain


def own_clause_tokens(root: Token) -> list[Token]:
    """The tokens of a clause, without the clauses nested inside it."""
    own: list[Token] = []
    stack = [root]
    while stack:
        node = stack.pop()
        own.append(node)
        for child in node.children:
            nested = child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and is_verbal(child))
            if not nested:
                stack.append(child)
    return own


def ancestors_with_self(token: Token) -> list[Token]:
    return [token, *token.ancestors]


BARRIER_DEPS = frozenset({"conj", "cc", "ccomp", "advcl", "relcl", "parataxis"})


def governs(first: Token, second: Token, limit: int = 3) -> int | None:
    """Tree distance between two words when one can modify the other: near, and not
    across a coordination or a clause boundary. None when they are not so linked."""
    chain_first = ancestors_with_self(first)
    depth_of = {node.i: depth for depth, node in enumerate(chain_first)}
    for depth, node in enumerate(ancestors_with_self(second)):
        if node.i in depth_of:
            distance = depth + depth_of[node.i]
            if distance > limit:
                return None
            path = chain_first[: depth_of[node.i]] + ancestors_with_self(second)[:depth]
            if any(step.dep_ in BARRIER_DEPS for step in path):
                return None
            return distance
    return None


def tree_distance(first: Token, second: Token) -> int:
    depth_of = {node.i: depth for depth, node in enumerate(ancestors_with_self(first))}
    for depth, node in enumerate(ancestors_with_self(second)):
        if node.i in depth_of:
            return depth + depth_of[node.i]
    return 1_000


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
            # "neither X nor Y can play with fire and risk a crisis": the shared subject
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
            found.add(head.i)  # "they are unlikely to improve", "refused to cooperate"
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
            # "however precarious the situation may be", "as tempting as it might be to ..."
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


def phrase_core(noun: Token) -> list[Token]:
    """A noun with what names it: its determiners, possessors, modifiers, appositions and
    conjuncts ("each other", "Russia's regime", "China and Russia"), without its
    prepositional phrases and clauses ("the agreement with Tokyo", "a breach targeting X")."""
    core: list[Token] = []
    stack = [noun]
    while stack:
        node = stack.pop()
        core.append(node)
        stack.extend(
            c
            for c in node.children
            if c.dep_ in ("det", "poss", "amod", "compound", "nmod", "appos", "conj", "case")
        )
    return core


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


def time_of(token: Token, lexicon: Lexicon, future: PhraseTable, past: PhraseTable) -> str:
    """past, present or future, from the clause's auxiliaries, tense and time words."""
    root = clause_root(token)
    own = sorted(own_clause_tokens(root), key=lambda t: t.i)
    verbs = [n for n in ancestors_with_self(token) if is_verbal(n) and n.i in {t.i for t in own}]
    for verb in verbs or [root]:
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return "future"
    if any(True for _ in future.find(own)):
        return "future"
    for node in ancestors_with_self(root):
        if node.lemma_.lower() in ("predict", "expect", "foresee", "forecast"):
            return "future"
    if any(True for _ in past.find(own)):
        return "past"
    verb = verbs[0] if verbs else root
    tags = [verb.tag_] + [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "VBD" in tags and not _reported_from_past(root, lexicon):
        return "past"
    return "present"


def _reported_from_past(root: Token, lexicon: Lexicon) -> bool:
    """'He said ties were strong' is backshifted present, not a statement about the past."""
    head = root.head
    return root.dep_ == "ccomp" and head.tag_ == "VBD" and lexicon.has("reporting", head)


def modality_of(token: Token, sentence: Span, lexicon: Lexicon, conditional: PhraseTable) -> str:
    """conditional, prescription, expectation or fact."""
    for match in conditional.find(sentence):
        first = sentence.doc[match.start]
        if first.lower_ in ("handle", "handled", "mismanage", "mismanaged"):
            if first.tag_ == "VBN" and first.dep_ in ("advcl", "ROOT", "amod", "acl"):
                return "conditional"
            continue
        if first.lower_ == "provided" and first.dep_ not in ("mark", "prep", "advmod", "advcl"):
            continue
        return "conditional"
    chain = ancestors_with_self(token)
    for node in chain:
        if lexicon.has("prescription", node) and node.pos_ in ("VERB", "AUX"):
            return "prescription"
        for child in node.children:
            if child.dep_ == "aux" and lexicon.has("prescription", child):
                return "prescription"
    for node in chain:
        for child in node.children:
            if child.dep_ == "aux" and (
                child.lower_ in FUTURE_AUX or child.lower_ in EXPECTATION_AUX
            ):
                return "expectation"
        if node.lemma_.lower() in ("expect", "predict", "foresee", "forecast", "likely"):
            return "expectation"
    return "fact"


def holder_of(token: Token, sentence: Span, lexicon: Lexicon) -> Token | None:
    """The head word of whoever a view is attributed to, or None for the author."""
    previous = token
    for node in token.ancestors:
        if lexicon.has("reporting", node) and is_verbal(node) and previous.dep_ != "nsubj":
            subject = _subject_of(node)
            if subject is not None:
                return subject
        if node.lemma_.lower() in REPORTING_NOUNS and previous.dep_ in ("acl", "ccomp"):
            # "warnings from the ministry that ties are shaken", "Tokyo's view that ..."
            for child in node.children:
                if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
                    return child
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        previous = node
    for candidate in sentence:
        if candidate.lower_ == "according" and candidate.dep_ == "prep":
            for child in candidate.children:
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if candidate.lemma_.lower() == "view" and candidate.dep_ == "pobj":
            for child in candidate.children:
                if child.dep_ == "poss":
                    return child
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ == "pcomp" and is_verbal(verb.head.head):  # "Trump went on by saying ..."
        return _subject_of(verb.head.head)
    return None


def holder_text(head: Token) -> str:
    """The holder's noun phrase: its left modifiers and head, plus a short 'of/at' tail."""
    if head.pos_ != "PROPN":
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return holder_text(child)  # "China's foreign minister, Wang Yi," is Wang Yi
    aside = {
        t.i
        for c in head.children
        if c.dep_ in ("appos", "relcl", "acl", "punct")
        for t in c.subtree
    }  # "Marta Ilves, a historian in Tallinn," is Marta Ilves
    tokens = [t for t in head.subtree if t.i not in aside]
    if len(tokens) > 10:
        tokens = [*[t for t in head.lefts], head]
    return " ".join(t.text for t in tokens if not t.is_punct or t.text in "-'").strip()


def is_temporal_anchor(token: Token) -> bool:
    """The cue names a period ('during the cold war', 'since the end of the thaw')."""
    node = token
    saw_time_noun = False
    while node.dep_ in NOMINAL_UP_DEPS and node.head.i != node.i:
        head = node.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            word = head.lower_
            if word in STRICT_TEMPORAL_PREPS:
                return True
            if saw_time_noun and word in ("at", "by", "in", "from"):
                return True
        if head.lemma_.lower() in TIME_NOUNS and head.pos_ == "NOUN":
            if any(c.dep_ in ("nummod", "amod") and c.like_num for c in head.children) or any(
                c.lower_ in ("several", "many", "years", "decades") for c in head.children
            ):
                return False  # "after two years of mounting tensions": what filled the period
            saw_time_noun = True
        node = head
    return False


def _is_act_noun(noun: Token, lexicon: Lexicon) -> bool:
    """'the Year of Friendship' names an event; 'three years of tension' a stretch of time,
    'a difficult year' a judgement of one."""
    if not lexicon.has("act_noun", noun):
        return False
    if noun.lemma_.lower() in TIME_NOUNS:
        # an event's name is capitalised: "the Year of Friendship", not "a challenging year"
        named = noun.text[:1].isupper() and noun.i != noun.sent.start
        return named and noun.tag_ != "NNS" and not any(c.dep_ == "nummod" for c in noun.children)
    return True


def is_reported_act(token: Token, lexicon: Lexicon) -> bool:
    """The cue sits inside the object of a reported act ('signed a friendship treaty')."""
    node = token
    while node.dep_ in NOMINAL_UP_DEPS | {"xcomp"} and node.head.i != node.i:
        head = node.head
        if any(
            t.dep_ == "prep" and any(c.lower_ in ("instead", "rather") for c in t.children)
            for t in (node, head)
        ):
            return False  # "meetings instead of confrontations": the alternative, no act
        if (
            head.pos_ in ("NOUN", "PROPN")
            and _is_act_noun(head, lexicon)
            and node.dep_ in ("compound", "amod", "prep", "pobj", "nmod")
        ):
            return True
        if (
            head.pos_ == "ADP"
            and head.head.pos_ in ("NOUN", "PROPN")
            and _is_act_noun(head.head, lexicon)
        ):
            return True
        if is_verbal(head):
            if node.dep_ == "prep" and node.lower_ in SETTING_PREPS:
                return False  # "after years of tension, they signed a deal": the setting
            if lexicon.has("act", head) and node.dep_ in ("dobj", "prep", "xcomp", "nsubjpass"):
                modal = any(
                    c.dep_ == "aux"
                    and (
                        c.lower_ in EXPECTATION_AUX
                        or c.lower_ in FUTURE_AUX
                        or lexicon.has("prescription", c)
                    )
                    for c in head.children
                )
                negated = any(c.dep_ == "neg" for c in head.children) or any(
                    c.dep_ == "det" and c.lower_ in ("no", "neither") for c in node.children
                )  # "no breakthrough was achieved" judges
                return (
                    not modal and not negated and head.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")
                )
            if node.dep_ != "xcomp":
                return False
        node = head
    return False


RHETORICAL_OPENERS = frozenset(
    {"why", "isn't", "aren't", "doesn't", "don't", "wasn't", "weren't", "shouldn't", "can't"}
)


def is_open_question(sentence: Span) -> bool:
    """A genuine question ('Will it try to mediate?') states no judgement; a rhetorical one
    ('Why should the two be enemies?', 'Isn't this a new cold war?') does."""
    for token in reversed(sentence):  # most sentences end in no "?": known at once
        if token.text == "?":
            break
        if not token.is_space and not token.is_punct:
            return False
    else:
        return False
    words = [t for t in sentence if not t.is_space]
    while words and (words[-1].is_punct and words[-1].text != "?"):
        words.pop()
    if not words or words[-1].text != "?":
        return False
    opening = [t for t in words if not t.is_punct and t.lower_ not in ("and", "but", "or", "so")]
    if not opening:
        return True
    for index, word in enumerate(words[1:-1], start=1):
        after = words[index + 1]
        if word.lower_ in ("but", "yet") and (
            after.tag_ in ("WDT", "WP", "WRB", "MD")
            or (after.pos_ == "AUX" and after.i + 1 < len(after.doc))
        ):
            return False  # "X is seen as Y's ally, but what do Y's experts think?"
    first = opening[0].lower_
    second = opening[1].lower_ if len(opening) > 1 else ""
    return first not in RHETORICAL_OPENERS and not second.startswith("n't")


def is_studied(token: Token, lexicon: Lexicon) -> bool:
    """The term sits in what a text studies or is titled ('the report analyses how ties have
    changed', 'a paper titled "A Strategic Partnership"'), not in a judgement."""
    return any(lexicon.has("research", node) and is_verbal(node) for node in token.ancestors)


def conjuncts(token: Token) -> list[Token]:
    """The other members of a coordination a noun is part of ("stability, harmony and
    unity")."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = [first]
    stack = [first]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj":
                members.append(child)
                stack.append(child)
    return [m for m in members if m.i != token.i]


def is_title_word(head: Token) -> bool:
    """A capitalised common noun inside a sentence, not opening a quotation or a clause
    after a colon: a word of a title ("hosted a conference, Cooperation between X and Y:
    Prospects"), not a judgement."""
    if head.pos_ != "NOUN" or not head.text[:1].isupper() or head.i == head.sent.start:
        return False
    before = head.doc[head.i - 1]
    return not (before.is_punct and before.text in (":", '"', "“", "‘", "'", "(", "—"))
