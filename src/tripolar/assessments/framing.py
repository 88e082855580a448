"""How a judgement is framed: its time and modality, and whether the words sit in a reported
act, a period named in passing, an open question or a title of research rather than a
judgement."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripolar.assessments.lexicon import Lexicon, PhraseTable
from tripolar.assessments.syntax import (
    STRICT_TEMPORAL_PREPS,
    TIME_NOUNS,
    ancestors_with_self,
    clause_root,
    is_verbal,
    own_clause_tokens,
)

SETTING_PREPS = STRICT_TEMPORAL_PREPS | {"amid", "despite", "following", "against"}


FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


EXPECTATION_AUX = frozenset({"may", "might", "could", "would", "can"})


NOMINAL_UP_DEPS = frozenset(
    {"amod", "compound", "pobj", "prep", "dobj", "conj", "appos", "nmod", "poss", "nsubjpass"}
)


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
        if node.i == token.i and token.dep_ == "amod" and token.tag_ in ("JJS", "JJR"):
            pass  # "in their worst period since 1989": the period itself is judged
        elif head.lemma_.lower() in TIME_NOUNS and head.pos_ == "NOUN":
            if any(c.dep_ in ("nummod", "amod") and c.like_num for c in head.children) or any(
                c.lower_ in ("several", "many", "years", "decades") for c in head.children
            ):
                return False  # "after three years of growing friction": what filled the period
            saw_time_noun = True
        node = head
    return False


def _is_act_noun(noun: Token, lexicon: Lexicon) -> bool:
    """'the Year of Friendship' names an event; 'three years of tension' a stretch of time,
    'a difficult year' a judgement of one."""
    if not lexicon.has("act_noun", noun):
        return False
    if noun.lemma_.lower() == "talk" and noun.tag_ == "NN":
        return False  # "talk of a new cold war" is what people say, not talks held
    if noun.lemma_.lower() in TIME_NOUNS:
        # an event's name is capitalised: "the Year of Friendship", not "a challenging year"
        named = noun.text[:1].isupper() and noun.i != noun.sent.start
        return named and noun.tag_ != "NNS" and not any(c.dep_ == "nummod" for c in noun.children)
    return True


def is_reported_act(token: Token, lexicon: Lexicon) -> bool:
    """The cue sits inside the object of a reported act ('signed a friendship treaty'), or
    is itself a verb of a reported act ('Moscow threatened to cut supplies', 'Washington
    sanctioned three banks')."""
    if lexicon.has("act", token) and _is_reported(token, lexicon):
        return True
    node = token
    while (
        node.dep_ in NOMINAL_UP_DEPS | {"xcomp", "acl"} or _is_infinitive_relative(node)
    ) and node.head.i != node.i:
        head = node.head
        if any(
            t.dep_ == "prep" and any(c.lower_ in ("instead", "rather") for c in t.children)
            for t in (node, head)
        ):
            return False  # "meetings instead of confrontations": the alternative, no act
        if (
            head.pos_ in ("NOUN", "PROPN")
            and _is_act_noun(head, lexicon)
            and (
                node.dep_ in ("compound", "amod", "prep", "pobj", "nmod", "acl")
                or _is_infinitive_relative(node)
            )
        ):  # "a friendship treaty", "a deal to limit arms sales"
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


def _is_infinitive_relative(node: Token) -> bool:
    """'a deal to limit arms sales': an infinitive the parser hangs on its noun as a
    relative clause."""
    return node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _is_reported(verb: Token, lexicon: Lexicon) -> bool:
    """A verb in the past, neither modal nor negated, in its clause's own voice: what
    happened, not what may or should happen."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ in ("amod", "acl", "xcomp", "pcomp"):
        return False
    return not any(
        c.dep_ == "neg"
        or (c.dep_ == "aux" and (c.lower_ in EXPECTATION_AUX or c.lower_ in FUTURE_AUX))
        or (c.dep_ == "aux" and lexicon.has("prescription", c))
        for c in verb.children
    )


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


ASKING = frozenset(
    {"ask", "wonder", "question", "debate", "examine", "explore", "consider", "discuss", "topic"}
)


def is_asked(token: Token) -> bool:
    """The word is inside an indirect question, which asserts nothing: "it asks whether the
    two could form an alliance", "whether they are allies has become a hot topic"."""
    for node in (token, *token.ancestors):
        if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            continue
        if node.dep_ == "csubj" and any(c.lower_ == "whether" for c in node.children):
            return True
        governor = node.head
        if governor.dep_ == "prep" and governor.head.i != governor.i:
            governor = governor.head  # "the question of whether ..."
        return governor.lemma_.lower() in ASKING
    return False


def is_studied(token: Token, lexicon: Lexicon) -> bool:
    """The term sits in what a text studies or is titled ('the report analyses how ties have
    changed', 'a paper titled "A Strategic Partnership"'), not in a judgement."""
    return any(lexicon.has("research", node) and is_verbal(node) for node in token.ancestors)
