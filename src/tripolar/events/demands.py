"""Demands and directives: the nouns that carry a demand or an appeal ("its demand that X
...", "a call for X to ..."), and the decisions whose clause says what another "shall" or
"must" do ("decided that X shall not export ...")."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

# event nouns that carry a demand or an appeal: "its demand that X ...", "a call for X to ..."
DEMAND_NOUNS = {
    "demand": "demand",
    "call": "appeal",
    "appeal": "appeal",
    "plea": "appeal",
    "request": "appeal",
}

# a decision whose clause says what another "shall" or "must" do is a directive, a demand:
# "reaffirmed its decision that X shall abandon ...", "decided that X shall not export ..."
DIRECTIVE_NOUNS = frozenset({"decision"})

DIRECTIVE_VERBS = frozenset({"decide", "determine", "resolve"})

DIRECTIVE_AUX = frozenset({"shall", "must"})

BETWEEN_DEMAND_AND_CLAUSE = frozenset(
    {"npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod", "punct"}
)


# an order a state carries out itself is the act ordered, not a demand: "ordered X to close
# its consulate" (161), "ordered a cut in X's diplomatic staff" (161), "ordered the seizure of
# X's ships" (17)
ENFORCED_ORDER_VERBS = frozenset({"order"})

ENFORCED_ROOTS = frozenset({"16", "17"})


def enforced_order(verb: Token, asked_code: str) -> bool:
    """The verb orders an act that the one ordering carries out: it codes as that act."""
    return verb.lemma_.lower() in ENFORCED_ORDER_VERBS and asked_code[:2] in ENFORCED_ROOTS


def is_directive(clause: Token) -> bool:
    """A clause that says what its subject "shall" or "must" do: the text of a decision."""
    return any(c.dep_ == "aux" and c.lower_ in DIRECTIVE_AUX for c in clause.children)


def demand_mode(noun: Token) -> Literal["appeal", "demand"]:
    """The mode a demanding noun asks in: a demand or directive (10x), else an appeal (02x)."""
    return "demand" if DEMAND_NOUNS.get(noun.lemma_.lower(), "demand") == "demand" else "appeal"


def demanding_noun(clause: Token) -> Token | None:
    """The demand/appeal noun whose content a clause is: "its demand that X ease ...",
    "their call for X to withdraw", also when the parser hangs the clause on the verb that
    holds the noun ("repeated its demand that X ...")."""
    if clause.dep_ not in ("acl", "ccomp", "advcl") or not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    ):
        return None
    nouns = DEMAND_NOUNS.keys() | (DIRECTIVE_NOUNS if is_directive(clause) else frozenset())
    head = clause.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in nouns and clause.i > head.i:
        return head
    if clause.dep_ == "ccomp" and head.pos_ == "VERB":
        for child in head.children:
            if (
                child.dep_ == "dobj"
                and child.lemma_.lower() in nouns
                and child.i < clause.i
                and all(  # only adverbials in between: "its demand today that X ..."
                    t.dep_ in BETWEEN_DEMAND_AND_CLAUSE
                    for t in head.doc[child.right_edge.i + 1 : clause.left_edge.i]
                )
            ):
                return child
    return None
