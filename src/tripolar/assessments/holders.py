"""Holders and voices: whom a view is attributed to (`holder_of_view`), and who has spoken so far
in the document (`Voices`, carried from sentence to sentence by `next_voices`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripolar.assessments import syntax
from tripolar.assessments.lexicon import Lexicon
from tripolar.model import Mention
from tripolar.nlp.text import span_text


@dataclass(frozen=True)
class Voices:
    """Who has spoken so far: the last named holder, and the speaker of a quotation that
    is still open (both as (holder, holder code))."""

    last: tuple[str, str] | None = None
    quoted: tuple[str, str] | None = None
    person: tuple[str, str] | None = None  # the last person named, for "he" and "she"
    group: tuple[str, str] | None = None  # the last group of people named, for "they"


def holder_of_view(
    head: Token,
    sentence: Span,
    token_mentions: dict[int, Mention],
    voices: Voices,
    lexicon: Lexicon,
) -> tuple[str, str]:
    """(holder, holder code): the named person or body a view is attributed to; a
    pronoun is resolved to the last named speaker; inside a quotation opened in an
    earlier sentence, the quoted speaker."""
    holder_head = holder_of(head, sentence, lexicon)
    if holder_head is None or is_time(holder_head):
        # "The final months of 2019 saw no improvement": a time sees nothing
        return voices.quoted or ("author", "")
    if holder_head.dep_ == "nsubjpass":
        # "it was noted that ...": the holder is unnamed; "could be described as" is
        # the author's own wording
        verb = holder_head.head
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
        return ("author", "") if modal else ("unattributed", "")
    lowered = holder_head.lower_
    if lowered in syntax.FIRST_PERSON:
        return "author", ""
    if lowered in syntax.RELATIVE_PRONOUNS and holder_head.head.dep_ == "relcl":
        holder_head = holder_head.head.head  # "a report that warned ..." -> the report
        lowered = holder_head.lower_
    if lowered in ("they", "them") and voices.group is not None:
        # "... interviews with Russian China-watchers. They conclude that ..."
        return voices.group
    if lowered in syntax.PERSONAL_PRONOUNS:
        # "the senator faulted her own party, as she put it, ...": the person named before it
        return (
            person_before(holder_head, sentence, token_mentions)
            or voices.last
            or voices.person
            or ("unattributed", "")
        )
    if lowered in syntax.PRONOUN_HOLDERS:
        return "unattributed", ""
    owner = next(
        (c for c in holder_head.children if c.dep_ == "poss" and c.i in token_mentions), None
    )
    if owner is not None and owner.lower_ in syntax.POSSESSIVE_PRONOUNS:
        # "His New Year address reiterated ...": the person the pronoun stands for
        code = token_mentions[owner.i].codes[:1]
        for voice in (voices.person, voices.last):
            if voice is not None and (voice[1],) == code:
                return voice
    return named_holder(holder_head, token_mentions)


TIME_HOLDERS = syntax.TIME_NOUNS | {"month", "week", "quarter", "season", "century", "summer"}


def is_time(token: Token) -> bool:
    """Whether a subject names a time ("2019", "the final months of the year"), not a holder."""
    return token.lemma_.lower() in TIME_HOLDERS or token.ent_type_ in ("DATE", "TIME")


def named_holder(holder_head: Token, token_mentions: dict[int, Mention]) -> tuple[str, str]:
    """(holder, holder code) of a named holder: its words, and the code of its mention."""
    text = holder_text(holder_head) or holder_head.text
    mention = token_mentions.get(holder_head.i) or next(
        (token_mentions[t.i] for t in holder_head.subtree if t.i in token_mentions), None
    )
    return text, (mention.codes[0] if mention is not None and mention.codes else "")


def next_voices(
    voices: Voices, sentence: Span, token_mentions: dict[int, Mention], lexicon: Lexicon
) -> Voices:
    """The last named speaker after this sentence, and whether a quotation of theirs
    stays open into the next sentence."""
    last = voices.last
    person = person_before(sentence[-1], sentence, token_mentions, inclusive=True) or voices.person
    groups = [t for t in sentence if t.tag_ == "NNS" and t.lemma_.lower() in PEOPLE_NOUNS]
    group = named_holder(groups[-1], token_mentions) if groups else voices.group
    for token in sentence:
        if not (syntax.is_verbal(token) and lexicon.has("reporting", token)):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in syntax.ALL_PRONOUNS:
            continue
        last = named_holder(subject, token_mentions)
    text = span_text(sentence)
    opened = text.count("“") > text.count("”") or text.count('"') % 2 == 1
    if voices.quoted and not opened:
        closes = text.count("”") > text.count("“") or text.count('"') % 2 == 1
        return Voices(last, None if closes else voices.quoted, person, group)
    return Voices(last, last if opened and last is not None else None, person, group)


# Plural nouns of people whose views commentary reports: "they" after them is those people.
PEOPLE_NOUNS = frozenset(
    {
        "analyst",
        "expert",
        "observer",
        "scholar",
        "watcher",
        "commentator",
        "specialist",
        "researcher",
        "academic",
        "critic",
        "diplomat",
        "official",
        "strategist",
        "historian",
        "economist",
        "policymaker",
    }
)


def person_before(
    token: Token, sentence: Span, token_mentions: dict[int, Mention], *, inclusive: bool = False
) -> tuple[str, str] | None:
    """(name, code) of the person a "he" or "she" at `token` most likely stands for, from the
    people its sentence names before it: the only one, else the last one named as a
    clause's subject ("Trump praised Putin. He said ..." is Trump); None when none is."""
    people: list[tuple[Mention, bool]] = []
    for t in sentence:
        if t.i > token.i or (t.i == token.i and not inclusive):
            break
        mention = token_mentions.get(t.i)
        if mention is None or mention.kind != "person" or not mention.codes:
            continue
        subject = t.dep_ in ("nsubj", "nsubjpass")
        if people and people[-1][0] is mention:
            people[-1] = (mention, people[-1][1] or subject)
        else:
            people.append((mention, subject))
    if not people:
        return None
    if len({m.entry or m.text for m, _ in people}) > 1:
        people = [p for p in people if p[1]]
        if not people:
            return None
    chosen = people[-1][0]
    return chosen.text, chosen.codes[0]


REPORTING_NOUNS = frozenset(
    {"warning", "view", "claim", "belief", "assessment", "statement", "assertion", "argument"}
)


def holder_of(token: Token, sentence: Span, lexicon: Lexicon) -> Token | None:
    """The head word of whoever a view is attributed to, or None for the author."""
    previous = token
    for node in token.ancestors:
        if lexicon.has("reporting", node) and syntax.is_verbal(node) and previous.dep_ != "nsubj":
            subject = _subject_of(node)
            if subject is not None:
                return subject
        if node.lemma_.lower() in REPORTING_NOUNS and previous.dep_ in ("acl", "ccomp"):
            # "warnings from the ministry that ties are shaken", "Tokyo's view that ..."
            for child in node.children:
                if child.dep_ == "poss" and child.lower_ not in syntax.POSSESSIVE_PRONOUNS:
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
    if verb.dep_ == "pcomp" and syntax.is_verbal(verb.head.head):  # "Trump went on by saying ..."
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
