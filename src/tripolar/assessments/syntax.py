"""Walks over the dependency parse shared by the assessment stages: clauses, tree
distances, noun phrases and the pronoun and preposition vocabularies.

Sign (negation, contrast, hedges) is in `polarity`, time, modality and what counts as a
reported act in `framing`, attribution in `holders`. No function keeps state.
"""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})


STRICT_TEMPORAL_PREPS = frozenset(
    {"during", "since", "after", "before", "until", "till", "throughout"}
)


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


FIRST_PERSON = frozenset({"i", "we"})


PRONOUN_HOLDERS = frozenset({"it", "there"})


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
