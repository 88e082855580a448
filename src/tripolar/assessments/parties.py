"""Which states an assessment is about: actor mentions indexed by token, the countries
they name, the parties a cue reaches (between X and Y, a "regard X as Y" frame, the targets
of "with/toward/of"), the issues and places that are no parties, and the pair a sentence is
about. Used by the assessment extractor; no state is kept here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from tripolar.assessments import syntax
from tripolar.assessments.lexicon import Lexicon, PhraseTable
from tripolar.model import Assessment, Mention
from tripolar.nlp.text import span_text

NON_COUNTRY_PREFIXES = frozenset({"NGO", "MNC", "UAF", "REB", "INS", "SPY", "UIS", "---"})
TARGET_PREPS = frozenset(
    {"with", "toward", "towards", "of", "against", "to", "between", "among", "over", "in", "on"}
)
# "a relationship with X and Y": X and Y are each a partner of a third party, not a pair.
DIRECTED_PREPS = frozenset({"with", "toward", "towards", "against", "to"})
# Prepositions whose object is the issue, not a party: "tensions over Taiwan".
ISSUE_PREPS = frozenset({"over", "regarding", "concerning", "about"})
# Nouns whose "in X" names a place, not a party: "the war in Syria".
PLACE_HEADS = frozenset(
    {"war", "conflict", "crisis", "fighting", "situation", "outbreak", "elections", "election"}
)
# Meetings whose "in X" / "at X" names the venue, not a party: "met in Helsinki", "the
# summit in Samarkand", "held talks in Bishkek".
VENUE_VERBS = frozenset({"meet", "gather", "convene", "confer"})
VENUE_NOUNS = frozenset({"summit", "talks", "meeting", "conference", "forum"})
# Epithets that name a pair of states by what they are. "The world's two largest
# economies": China's economy passed Japan's as the world's second largest in the second
# quarter of 2010 (Japanese Cabinet Office figures, August 2010); Japan's had passed West
# Germany's in 1968. "Inter-Korean", "the two Koreas": the two Korean states; "cross-Strait":
# the two sides of the Taiwan Strait (general usage).
ECONOMIES = (("JPN", "USA"), ("CHN", "USA"))
ECONOMIES_SWITCH = dt.date(2010, 8, 16)
ECONOMY_PHRASES = (
    "world 's two largest economies",
    "world 's two biggest economies",
    "world 's top two economies",
    "world 's two leading economies",
    "two largest economies in the world",
    "two biggest economies in the world",
)
FIXED_EPITHETS = {
    "inter-korean": ("KOR", "PRK"),
    "two koreas": ("KOR", "PRK"),
    "cross-strait": ("CHN", "TWN"),
}
EPITHET_PHRASES = (*ECONOMY_PHRASES, *FIXED_EPITHETS)
SOVIET = re.compile(r"\bSoviets?\b|\bUSSR\b|\bU\.S\.S\.R\b", re.IGNORECASE)


def index_mentions(doc: Doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        bare = mention.kind == "agent" and mention.text.islower()  # "governments"
        if bare and any(c.lower_ in ("two", "both") for c in span.root.children):
            continue  # "the two governments" are a pair, never one country's agents
        for token in span:
            index.setdefault(token.i, mention)
    return index


def mention_countries(mention: Mention) -> set[str]:
    found = {
        code[:3]
        for code in mention.codes
        if len(code) >= 3 and code[:3].isalpha() and code[:3] not in NON_COUNTRY_PREFIXES
    }
    if "RUS" in found and SOVIET.search(mention.text):
        found = (found - {"RUS"}) | {"USR"}  # CAMEO's code for the Soviet Union
    return found


# The Soviet Union ended on 1991-12-26; CAMEO codes it USR before that day.
SOVIET_END = dt.date(1991, 12, 26)
_YEAR = re.compile(r"^(1[89]\d\d)(?:s|'s)?$")
_YEAR_IN_TEXT = re.compile(r"1[89]\d\d")  # in every token _YEAR matches


def soviet_era(sentence: Span, published: dt.date | None) -> bool:
    """Whether a sentence speaks of the time before the Soviet Union ended: published before,
    or naming only years before 1992 ("In 1989 Gorbachev visited China", "in the 1980s",
    not "the early 1990s"),
    not counting the start of a "since/after" span ("the lowest ebb since the 1980s")."""
    if published is not None and published < SOVIET_END:
        return True
    if _YEAR_IN_TEXT.search(span_text(sentence)) is None:
        return False  # no token of the sentence can be a year of those centuries
    years: list[int] = []
    for token in sentence:
        found = _YEAR.match(token.text)
        if found is None:
            continue
        if any(a.dep_ == "prep" and a.lower_ in ("since", "after") for a in token.ancestors):
            continue
        year = int(found.group(1))
        years.append(year + 9 if token.text[4:5] in ("s", "'") else year)  # "the 1990s"
    return bool(years) and max(years) < 1992


def as_soviet(mention: Mention) -> Mention:
    """The mention with its Russian codes as the Soviet Union's (RUSGOV -> USRGOV)."""
    codes = tuple("USR" + code[3:] if code.startswith("RUS") else code for code in mention.codes)
    return replace(mention, codes=codes) if codes != mention.codes else mention


def epithet_mentions(doc: Doc, table: PhraseTable, published: dt.date | None) -> list[Mention]:
    """ "The world's two largest economies" as a pair of states (China and the United States
    from August 2010, Japan and the United States before), "inter-Korean" and "the two
    Koreas" as the two Koreas, "cross-Strait" as China and Taiwan; `table` holds
    EPITHET_PHRASES (with either apostrophe)."""
    economies = ECONOMIES[1]
    if published is not None and published < ECONOMIES_SWITCH:
        economies = ECONOMIES[0]
    found: list[Mention] = []
    for match in table.find(doc[:]):
        span = doc[match.start : match.end]
        pair = FIXED_EPITHETS.get(match.term, economies)
        found.append(Mention(span.start_char, span.end_char, span.text, pair, "compound"))
    return found


def names_an_organisation(token: Token, token_mentions: dict[int, Mention]) -> bool:
    """Whether a word is the head of a mention that the actors stage took for an organisation
    ("the alliance" after NATO, "the bloc"): a name of a party, not a judgement of it."""
    mention = token_mentions.get(token.i)
    return (
        mention is not None
        and mention.kind in ("igo", "reference")
        and any(code.startswith("IGO") for code in mention.codes)
    )


def countries(token_mentions: dict[int, Mention], indices: Iterable[int]) -> set[str]:
    found: set[str] = set()
    for i in indices:
        mention = token_mentions.get(i)
        if mention is not None:
            found |= mention_countries(mention)
    return found


def subtree_countries(token: Token, token_mentions: dict[int, Mention]) -> set[str]:
    return countries(token_mentions, (t.i for t in token.subtree))


def as_frame(head: Token, token_mentions: dict[int, Mention]) -> tuple[str, ...] | None:
    """'Beijing regards Moscow as a partner': the subject and the country just before 'as'."""
    marker = head.head
    if head.dep_ != "pobj" or marker.lower_ != "as":
        return None
    verb = next((a for a in marker.ancestors if syntax.is_verbal(a)), None)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    sources = (
        set().union(*(subtree_countries(s, token_mentions) for s in subjects))
        if subjects
        else set()
    )
    targets: set[str] = set()
    for index in range(marker.i - 1, verb.i, -1):
        mention = token_mentions.get(index)
        if mention is not None:
            targets = mention_countries(mention)
            break
    if not targets:  # "China is seen as Russia's tacit supporter"
        targets = countries(token_mentions, (c.i for c in head.children if c.dep_ == "poss"))
    if len(sources) == 1 and len(targets) == 1 and sources != targets:
        return tuple(sorted(sources | targets))
    return None


def claimed_tokens(head: Token, claimers: Sequence[Token]) -> set[int]:
    """Tokens of other evaluative noun phrases: 'American hostility toward China' keeps its
    countries to itself when another cue in the clause looks for its parties."""
    claimed: set[int] = set()
    for other in claimers:
        if other.pos_ not in ("NOUN", "PROPN") or other.i == head.i:
            continue
        subtree = {t.i for t in other.subtree}
        if head.i not in subtree:
            claimed |= subtree
    return claimed


def between_targets(head: Token, token_mentions: dict[int, Mention]) -> set[str]:
    """'tensions between Beijing and Washington' names both parties."""
    for node in (head, head.head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                return subtree_countries(child, token_mentions)
    return set()


def prep_targets(
    head: Token, token_mentions: dict[int, Mention], preps: frozenset[str] = TARGET_PREPS
) -> set[str]:
    """Countries a cue is directed at: 'suspicion of Washington', 'rivalry with Moscow'."""
    targets: set[str] = set()
    for node in (head, head.head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                targets |= subtree_countries(child, token_mentions)
            if child.dep_ == "dobj" and node.i == head.i:
                targets |= subtree_countries(child, token_mentions)
        if targets:
            break
    return targets


def in_hyphenated_word(doc: Doc, index: int) -> bool:
    """A word that is the first part of a hyphenated compound ('lower-cost'), not a term."""
    if index + 2 >= len(doc) or doc[index + 1].text != "-":
        return False
    if doc[index + 2].lower_ in ("like", "style", "type"):
        return False  # "an alliance-like relationship" keeps its alliance
    return not doc[index].whitespace_ and not doc[index + 1].whitespace_


def is_prefixed_period(doc: Doc, start: int) -> bool:
    """'post-Cold War', 'pre-war': the term names a period, not a state of relations."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("post", "pre")


def sidelined_tokens(
    sentence: Span,
    reporting: Callable[[Token], bool] | None = None,
    token_mentions: dict[int, Mention] | None = None,
) -> frozenset[int]:
    """Tokens naming an issue or a place rather than a party: 'tensions over Taiwan',
    'disagreements such as those over Hong Kong', 'the war in Syria'; and, given a test for
    verbs of saying, the speaker of an aside ('just as Putin pointed out at the SCO meeting,
    the region faces risks': neither Putin nor the SCO is judged)."""
    found: set[int] = set()
    for token in sentence:
        if reporting is not None and _is_reporting_aside(token, reporting):
            found.update(t.i for t in token.subtree)
            continue
        if token.dep_ != "prep":
            continue
        word = token.lower_
        issue = word in ISSUE_PREPS or (
            word == "as" and any(c.lower_ == "such" for c in token.children)
        )
        place = word == "in" and (
            (token.head.pos_ == "NOUN" and token.head.lemma_.lower() in PLACE_HEADS)
            or token.head.pos_ == "PROPN"
        )  # "the war in Syria", "Doklam in Bhutan"
        place = place or (word in ("in", "at") and is_venue_of_meeting(token.head))
        if place and token_mentions is not None and _names_a_pair(token, token_mentions):
            place = False  # "the crisis in U.S.-Russia relations"
        temporal = word in syntax.STRICT_TEMPORAL_PREPS | {"following"} or (
            word == "to" and token.head.lower_ == "prior"
        )  # "prior to Russia's invasion of Ukraine", "following Russia's invasion of Ukraine"
        venue = word in ("on", "at") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in ("sideline", "sidelines", "margin", "margins")
            for c in token.children
        )  # "met on the sidelines of the APEC summit": the summit is no party
        matter = is_fronted_topic(token) or is_stance_on_matter(token, token_mentions or {})
        if issue or place or temporal or venue or matter:
            found.update(t.i for t in token.subtree)
    if token_mentions is not None:  # "at the Helsinki summit, Trump and Putin ..."
        found.update(t.i for t in sentence if names_a_venue(t.doc, t.i, token_mentions))
    return frozenset(found)


# Nouns of a stance whose "on X" names the matter taken a stand on: "neutrality on the war".
STANCE_NOUNS = frozenset(
    {"neutrality", "position", "stance", "posture", "silence", "ambivalence", "line", "view"}
)


def is_stance_on_matter(prep: Token, token_mentions: dict[int, Mention]) -> bool:
    """'China's neutrality on Russia's war in Ukraine': a stance "on" a matter (a noun that
    names no party) is about that matter; the states named in it are not parties to the
    judgement ("its position on Russia" keeps Russia)."""
    if prep.lower_ != "on" or prep.head.pos_ != "NOUN":
        return False
    if prep.head.lemma_.lower() not in STANCE_NOUNS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.i not in token_mentions for o in objects)


def is_fronted_topic(prep: Token) -> bool:
    """'On Ukraine, China pursued a balance': "on X" set before its clause's verb and closed
    by a comma names the matter the clause speaks of, not a party."""
    head = prep.head
    if prep.lower_ != "on" or head.pos_ not in ("VERB", "AUX") or prep.i > head.i:
        return False
    after = prep.right_edge.i + 1
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        after < len(prep.doc)
        and prep.doc[after].text == ","
        and (subject is None or prep.i < subject.i)
    )


def is_venue_of_meeting(head: Token) -> bool:
    """Whether "in/at X" under `head` is where a meeting took place: "met in Helsinki", "the
    summit in Samarkand", "held talks in Bishkek" (not "invested in Russia")."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        return lemma in VENUE_VERBS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in VENUE_NOUNS | {"talk"} for c in head.children
        )
    return head.pos_ == "NOUN" and (lemma in VENUE_NOUNS or head.lower_ in VENUE_NOUNS)


def names_a_venue(doc: Doc, index: int, token_mentions: dict[int, Mention]) -> bool:
    """Whether the state named at `index` names the meeting after it ("the Helsinki summit",
    "the Singapore talks"): the place, not a party (an organisation's summit keeps it). Read
    from the next word, so that it works on an unparsed title too."""
    mention = token_mentions.get(index)
    if mention is None or mention.kind != "state" or len(mention_countries(mention)) != 1:
        return False
    end = index
    while end + 1 < len(doc) and token_mentions.get(end + 1) is mention:
        end += 1
    if end + 1 >= len(doc):
        return False
    following = doc[end + 1]  # not "talks": "Moscow talks of partnership" is Moscow talking
    names = VENUE_NOUNS - {"talks"} | {"summits"}
    return following.lower_ in names and following.pos_ in ("", "NOUN", "PROPN")


def _names_a_pair(token: Token, token_mentions: dict[int, Mention]) -> bool:
    return any(
        t.i in token_mentions and len(mention_countries(token_mentions[t.i])) >= 2
        for t in token.subtree
    )


def _is_reporting_aside(token: Token, reporting: Callable[[Token], bool]) -> bool:
    """'as X pointed out', 'as X has said': an adverbial clause of saying opened by 'as'."""
    return (
        token.dep_ == "advcl"
        and syntax.is_verbal(token)
        and reporting(token)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and not any(c.dep_ in ("ccomp", "dobj") for c in token.children)
    )


def sentence_pair(
    judged: Sequence[Assessment],
    present: set[str],
    sentence: Span,
    token_mentions: dict[int, Mention],
) -> tuple[str, ...] | None:
    """The pair a sentence is about: the dyad it judged, else the two countries it names,
    else a compound ('Sino-Russian') or 'between X and Y' in it."""
    for record in judged:
        if record.scope == "dyad":
            return tuple(record.subject.split("-"))
    if len(present) == 2:
        return tuple(sorted(present))
    for token in sentence:
        mention = token_mentions.get(token.i)
        if mention is not None and mention.kind == "compound":
            pair = mention_countries(mention)
            if len(pair) == 2:
                return tuple(sorted(pair))
        if token.dep_ == "prep" and token.lower_ == "between":
            pair = subtree_countries(token, token_mentions)
            if len(pair) == 2:
                return tuple(sorted(pair))
    return None


def stray_subject(head: Token, token_mentions: dict[int, Mention]) -> set[str]:
    """The countries of a clause's subject that the parser hung on a fronted phrase: "Under
    pressure from Washington, Beijing and Moscow have drawn closer" parses "Beijing and
    Moscow" as conjuncts of "Washington". Only for a verb with no subject of its own, and
    conjuncts after a comma."""
    verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return set()
    doc = head.doc
    for child in verb.children:
        if child.dep_ not in ("prep", "advcl") or child.i > verb.i or head in child.subtree:
            continue
        for token in child.subtree:
            if token.dep_ != "pobj" or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
                continue
            joined = [c for c in token.children if c.dep_ == "conj" and c.i > token.i + 1]
            if joined:
                return set().union(*(subtree_countries(c, token_mentions) for c in joined))
    return set()


def subject_pair(
    sentence: Span, token_mentions: dict[int, Mention], sidelined: frozenset[int]
) -> tuple[str, ...]:
    """The two states a sentence that names more has as its subject: "Russia and China
    oppose US sanctions on Iran" -> (CHN, RUS); () when the subject names another number."""
    found: set[str] = set()
    for child in sentence.root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            found |= countries(token_mentions, (t.i for t in child.subtree if t.i not in sidelined))
    return tuple(sorted(found)) if len(found) == 2 else ()


def pairs(sources: set[str], targets: set[str]) -> list[tuple[str, ...]]:
    pairs = {tuple(sorted((s, t))) for s in sources for t in targets if s != t}
    if not pairs and len(targets) >= 2:
        pairs = {tuple(sorted(p)) for p in combinations(sorted(targets), 2)}
    return sorted(pairs)


def is_place(token: Token) -> bool:
    """A region named as where something is, not as a party: the object of 'in', 'across'
    or 'throughout', or a member of a list that is."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "across", "throughout")


def is_located(head: Token, token_mentions: dict[int, Mention]) -> bool:
    """'the crisis in Belarus', 'the fighting in Syria': a situation placed in a country by
    'in', with no party of its own (not 'Russia's war in Ukraine')."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in PLACE_HEADS:
        return False
    placed = [  # the place itself, not "the crisis in U.S.-Russia relations"
        c
        for c in head.children
        if c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.dep_ == "pobj" and g.i in token_mentions for g in c.children)
        and not _names_a_pair(c, token_mentions)
    ]
    if not placed:
        return False
    return not any(
        c.dep_ in ("poss", "amod", "compound") and subtree_countries(c, token_mentions)
        for c in head.children
    )


def source_countries(head: Token, token_mentions: dict[int, Mention]) -> set[str]:
    """Countries a cue comes from: 'pressure from the West', 'the threat emanating from X'."""
    found: set[str] = set()
    nodes = [head, *(c for c in head.children if c.dep_ == "acl")]
    if head.dep_ == "compound":  # "the threat emanating from X" parsed as one noun phrase
        nodes.append(head.head)
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                found |= subtree_countries(child, token_mentions)
    return found


def has_other_subject(
    head: Token, named: dict[int, Mention], lexicon: Lexicon, terms: PhraseTable
) -> bool:
    """Whether the cue's clause has a named subject that is no party, no relationship and
    no pronoun ("Eurasia is facing risks", "the Indo-Pacific faces a crisis"), so that the
    judgement is about it rather than about the pair the article discusses."""
    verb = next((a for a in syntax.ancestors_with_self(head) if syntax.is_verbal(a)), None)
    if verb is None or verb.i == head.i or lexicon.has("reporting", verb):
        return False  # "Abe called the pact an alliance": Abe holds the view
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.pos_ != "PROPN":
            continue
        if any(t.i in named for t in child.subtree):
            continue
        words = list(child.subtree)
        if any(lexicon.has("relational", t) or lexicon.has("anaphor", t) for t in words):
            continue
        if next(terms.find(words), None) is not None:
            continue  # "the old rivalry has become a thing of the past" judges through its subject
        return True
    return False


def in_issue_of(token: Token, cue: Token) -> bool:
    """Whether a word sits in the issue a cue is about ("differences on arms reductions",
    "tensions over troop cuts"), where it changes nothing of the cue."""
    for node in syntax.ancestors_with_self(token):
        if node.i == cue.i:
            return False
        if node.dep_ == "prep" and node.head.i == cue.i and node.lower_ in ISSUE_PREPS | {"on"}:
            return True
    return False
