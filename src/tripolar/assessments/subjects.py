"""The subject choice: which dyad, triad or actor a cue judges (`subjects_of`), from the actor
mentions named with the cue, in its clause, in the sentence, or in the discourse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from tripolar.assessments import parties, syntax
from tripolar.assessments.lexicon import Lexicon, PhraseTable
from tripolar.model import Mention


def governs_relation(head: Token, token_mentions: dict[int, Mention], lexicon: Lexicon) -> bool:
    """Whether a change word bears on a relationship or an actor: what it changes (its
    object, else its subject) or the noun it modifies names a relationship ("ties",
    "the two sides") or an actor. "The invasion shook the order" changes the order."""
    objects = [
        c  # "any time soon" is no object
        for c in head.children
        if c.dep_ == "dobj" and c.lemma_.lower() not in syntax.TIME_NOUNS
    ]
    arguments = ("dobj", "poss", "attr") if objects else ("nsubj", "nsubjpass", "poss", "attr")
    near = [c for c in head.children if c.dep_ in arguments]
    near += [g for c in head.children if c.dep_ == "prep" for g in c.children]
    verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
    while verb is not None and not objects:  # "relations are far from healthy"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        near += subjects
        if verb.dep_ == "relcl":  # "a relationship that is constructive"
            near.append(verb.head)
        if subjects or verb.dep_ not in ("conj", "xcomp", "acomp"):
            break
        # "officials complain and grow wary", "they are unlikely to improve"
        verb = verb.head
    if head.dep_ in ("amod", "compound", "acl", "relcl", "nsubj") or head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        near.append(head.head)
    if head.pos_ in ("NOUN", "PROPN"):
        near.append(head)
    near += [  # "the relationship ... and it is eroding"; not "China ... it had grown"
        antecedent
        for t in near
        if (antecedent := it_antecedent(t)) is not None and lexicon.has("relational", antecedent)
    ]
    for token in near:
        parts = [token, *(c for c in token.children if c.dep_ in ("amod", "compound", "poss"))]
        if any(part.i in token_mentions for part in parts):
            return True
        # a relationship may also be named further down: "the basis of bilateral ties"
        parts += [g for c in token.children if c.dep_ == "prep" for g in c.subtree]
        for part in parts:
            if lexicon.has("relational", part) or lexicon.has("anaphor", part):
                return True
            entry = lexicon.entries.get(part.lemma_.lower())
            if entry is not None and entry.kind == "cue" and part.i not in token_mentions:
                return True
    return False


def possessive_antecedents(
    sentence: Span, token_mentions: dict[int, Mention]
) -> dict[int, Mention]:
    """ "Its" before a stance toward another party ("its alienation from the United States",
    "its hostility toward the EU") resolved to the state its sentence last named as a
    possessor or a subject before it ("... China's growth, although its alienation ..."), as
    that state's mention; any other "its" ("its armed forces") is left alone."""
    found: dict[int, Mention] = {}
    last: Mention | None = None
    for token in sentence:
        mention = token_mentions.get(token.i)
        roles = {token.dep_, token.head.dep_} & {"poss", "nsubj", "nsubjpass"}
        if mention and mention.kind != "compound" and len(parties.mention_countries(mention)) == 1:
            last = mention if roles else last
        elif token.lower_ == "its" and mention is None and last is not None and _aimed(token):
            found[token.i] = replace(last, start=token.idx, end=token.idx + 3, text=token.text)
    return found


def _aimed(possessor: Token) -> bool:
    """Whether a possessive's noun is aimed at someone: "its ties with X", "its distance from X";
    not the object of a verb, whose subject owns it ("Seoul abandoned its pact with Tokyo")."""
    return possessor.head.dep_ != "dobj" and any(
        c.dep_ == "prep" and c.lower_ in parties.DIRECTED_PREPS | {"from"}
        for c in possessor.head.children
    )


def it_antecedent(token: Token) -> Token | None:
    """The subject an "it" that is a clause's subject takes up from earlier in its sentence:
    "the relationship looks stable, yet it is eroding"."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    earlier = [
        t
        for t in token.sent
        if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
    ]
    return earlier[-1] if earlier else None


def own_countries(head: Token, named: dict[int, Mention]) -> set[str]:
    """Countries whose own standing a cue judges: its possessor, or the subject of the
    clause it predicates ("Russia's turn to Asia will be slow"); not a source ("pressure
    from the United States"), a target ("sanctions against China") or a name on an
    event ("the U.S. trade war", "the Ukraine conflict"), whose other party is unsaid."""
    found = parties.countries(
        named, (t.i for c in head.children if c.dep_ == "poss" for t in c.subtree)
    )
    if head.i in named:
        found |= parties.countries(named, [head.i])
    node = head
    while node.dep_ in ("amod", "compound", "pobj", "prep", "dobj") and node.head is not node:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            found |= parties.countries(named, (c.i for c in node.children if c.dep_ == "poss"))
    verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and head not in child.subtree:
                found |= parties.subtree_countries(child, named)
    return found


ANAPHORIC_DETERMINERS = frozenset({"this", "that", "these", "those", "their", "such"})


def is_anaphoric_relation(head: Token, named: dict[int, Mention], lexicon: Lexicon) -> bool:
    """Whether a cue is, or sits in, a noun phrase that points back at a relationship and
    names no state ("this close partnership", "their growing rivalry", "the relationship"):
    its parties are those named before, not a state elsewhere in the sentence."""
    noun = head
    if head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN":
        noun = head.head
    if noun.pos_ != "NOUN" or parties.subtree_countries(noun, named):
        return False
    first = noun.left_edge.lower_  # "this close military, economic ... partnership"
    return first in ANAPHORIC_DETERMINERS or (first == "the" and lexicon.has("relational", noun))


def relation_pair(
    head: Token, named: dict[int, Mention], claimed: set[int], lexicon: Lexicon
) -> tuple[int, tuple[str, ...]] | None:
    """The pair named by the relationship a cue judges: the relationship noun the cue
    sits in ("the 'no limits' relationship announced by Xi and Putin"), else one in the
    cue's clause ("brought instability to Sino-American relations"); with the rank of
    ``subjects_of`` (0 for the cue's own relationship noun)."""
    candidates: list[Token] = []
    node = head
    for _ in range(3):
        if node.pos_ == "NOUN" and lexicon.has("relational", node):
            candidates.append(node)
            break
        if node.dep_ not in ("amod", "compound", "nmod", "pobj", "prep") or node.head is node:
            break
        node = node.head
    clause = syntax.own_clause_tokens(syntax.clause_root(head))
    candidates += [
        t
        for t in clause
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in ("relation", "relationship", "tie")
        and t.i not in claimed
    ]
    for position, noun in enumerate(candidates):
        pair = parties.subtree_countries(noun, named)
        if len(pair) == 2 and parties.prep_targets(noun, named, parties.DIRECTED_PREPS) != pair:
            own = position == 0 and noun.i in {a.i for a in syntax.ancestors_with_self(head)}
            return (0 if own else 1), tuple(sorted(pair))
    return None


def subjects_of(
    head: Token,
    sentence: Span,
    token_mentions: dict[int, Mention],
    context: tuple[str, ...],
    lexicon: Lexicon,
    terms: PhraseTable,
    anaphors: PhraseTable,
    claimers: Sequence[Token] = (),
    topic: tuple[str, ...] = (),
    sidelined: frozenset[int] = frozenset(),
) -> tuple[int, list[tuple[str, ...]]]:
    """The subjects a cue judges, and how directly the text ties them to it: 0 named
    with the cue ("ties between X and Y", "Sino-Russian trust"), 1 found in its clause,
    2 taken from the sentence or the discourse. `context` is the pair of the previous sentence
    of the paragraph, `topic` the pair the article is about; `terms` and `anaphors` are the
    lexicon's phrase tables of all terms and of anaphors (built once by the extractor)."""
    named = {i: m for i, m in token_mentions.items() if i not in sidelined}
    whole = parties.countries(named, (t.i for t in sentence))
    between = parties.between_targets(head, named)
    if len(between) >= 2:
        return 0, [tuple(sorted(between))] if len(between) <= 3 else []
    if head.pos_ in ("NOUN", "PROPN"):
        local = parties.subtree_countries(head, named)
        aimed = (
            parties.prep_targets(head, named, parties.DIRECTED_PREPS)
            if head.pos_ == "NOUN"
            else set()
        )
        if len(local) == 2 and not (len(aimed) == 2 and aimed == local):
            return 0, [tuple(sorted(local))]
    framed = parties.as_frame(head, named)
    if framed:
        return 0, [framed]
    claimed = parties.claimed_tokens(head, claimers)
    related = relation_pair(head, named, claimed, lexicon)
    if related:
        return related[0], [related[1]]
    found: set[str] = set()
    for root in syntax.clause_chain(head):
        own = (t.i for t in syntax.own_clause_tokens(root) if t.i not in claimed)
        found |= parties.countries(named, own)
        if len(found) >= 2:
            break
    aimed = parties.prep_targets(head, named, parties.DIRECTED_PREPS)
    if len(found) == 2 and aimed == found and whole - found:
        # "mired in an uneasy relationship with X and Y": each with the source
        return 1, parties.pairs(whole - found, found)
    triadic = any(lexicon.has("triad", t) for t in sentence)
    if triadic and (len(found) >= 3 or (len(found) < 2 and len(whole) >= 3)):
        return 1, [tuple(sorted(found if len(found) >= 3 else whole))]
    if len(found) < 2 and len(whole) > len(found) and len(whole) == 2:
        found = set(whole)
    if len(found) == 2:
        return 1, [tuple(sorted(found))]
    if len(found) != 2:
        # "Under pressure from Washington, Beijing and Moscow drew closer", parsed as one list
        stray = parties.stray_subject(head, token_mentions)
        if len(stray) == 2:
            return 1, [tuple(sorted(stray))]
    if len(found) >= 3:
        targets = parties.prep_targets(head, named)
        sources = found - targets
        if targets and sources:
            return 1, parties.pairs(sources, targets)
        if len(topic) == 2 and set(topic) <= found:
            return 1, [topic]
        # three or more parties and no triangle: no pair can be told apart
        return 1, [tuple(sorted(found))] if len(found) == 3 and triadic else []
    anaphoric = any(True for _ in anaphors.find(sentence))
    if len(found) == 1:
        (country,) = found
        if anaphoric and context:
            if country in context:
                return 2, [context] if len(context) == 2 else [(country,)]
            if len(context) == 2 and is_anaphoric_relation(head, named, lexicon):
                # "This partnership poses a challenge for the United States": the pair of
                # the sentence before, not the third state the sentence names
                return 2, [context]
            return 2, parties.pairs(set(context), {country})
        if country in topic:
            # "On the U.S. side, frustration grew": one party of the pair in discussion
            return 2, [topic]
        if country in own_countries(head, named):
            return 1, [(country,)]  # "Russia's standing has weakened"
        return 2, []
    if anaphoric and len(context) == 2:
        return 2, [context]
    if topic and parties.has_other_subject(head, named, lexicon, terms):
        return 2, []  # "Eurasia faces security risks": the clause names what it judges
    if topic and (
        head.pos_ in ("NOUN", "PROPN")
        or anaphoric
        or governs_relation(head, token_mentions, lexicon)
    ):
        # "Tensions had been building for years.": the pair the article is about; a
        # verb or adjective only in a sentence that points at a relationship ("they
        # were shaken", "we hope the two can mend the relationship"), not "medicine
        # should not be more threatening than the disease"
        return 2, [topic]
    return 2, []
