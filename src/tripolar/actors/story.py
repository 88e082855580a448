"""Story references: words that stand for an actor named in another paragraph of the story.

News copy puts most sentences in paragraphs of their own, so a reference that finds no
antecedent in its paragraph (`tripolar.actors.references`) looks back through the story: the
mentions of the same document up to STORY_CHARS characters before it, references included.
Only tokens that no mention covers are read, and a dateline's place ("BEIJING, June 5 -") is
never an antecedent. Everything here is lexical: it runs on unparsed Docs as well.

* "the two/three countries", "both sides", "the two leaders" with no group in their
  paragraph -> the first actors of the story's latest sentence naming that many (leaders:
  people and governments first); "the ministers", "A joint statement" -> that pair;
  "those (other) countries", "the above-mentioned countries" -> the last plural antecedent;
* "they", "he", "she" opening a paragraph's references -> the last plural antecedent, the
  last person of that gender or named official (`actors/officials.py`, which also finds an
  official again by name: "spokesman Li Wei ... Li said");
* "it" before a speech verb ("..., it said") or opening a sentence before a verb of action
  ("It also accused Peru ...", naming another actor) -> the first state, government or
  organisation of the sentence before that names one, or who spoke last (never a person);
  "it is/was/has been/will" are not actors;
* "the alliance", "the bloc", "the council", "the organisation", "the agency", "the union",
  "the watchdog" -> the last organisation of that kind named;
* "the statement said", "read the communique" -> who spoke last before it (a joint one:
  the story's pair);
* "we/us", "I/me" and "our/my country (government, side ...)" inside a quotation -> its
  speaker: the actor named outside the quotation marks in the same sentence (the one next to
  a speech verb first), else the speaker of the nearest of the four sentences before it that
  has one, over quoted sentences but not past a sentence that names actors without a speech
  verb ("The spokesman said on Monday:" then a quoted paragraph).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from tripolar.actors.dictionary import country_root
from tripolar.actors.officials import introduced_officials, latest_person, named_official
from tripolar.actors.quotations import SPEECH_WORDS, quoted_tokens
from tripolar.actors.references import (
    GROUP_STARTS,
    ParagraphIndex,
    first_two,
    group_phrase,
    group_size,
    leaders,
    plural_antecedent,
    sentence_starts,
    tokens_among,
)
from tripolar.model import Mention
from tripolar.nlp.text import doc_text

STORY_CHARS = 6000
"""How far back (characters) a story reference looks for its antecedent."""

_STATE_GROUPS = frozenset({"countries", "nations", "states", "governments", "powers"})
_ALREADY_NAMED = frozenset({"aforementioned", "abovementioned", "afore-mentioned"})
"""Words by which "the ... countries" points back to a list named before it."""
_ROLE_GROUPS = frozenset({"leaders", "ministers", "delegations", "presidents", "premiers"})
_JOINT_TEXTS = frozenset({"statement", "communique", "communiqué", "declaration"})
_DOCUMENTS = _JOINT_TEXTS | frozenset({"document", "readout", "release"})
_DOCUMENT_DETERMINERS = frozenset({"the", "a", "its", "their"})
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_OWN_STATE = frozenset({"country", "nation", "government", "side", "state", "army", "military"})
"""What "our"/"my" must stand before to be the speaker's side ("our country"; "our border
protocols" may be anyone's)."""
_PLURAL = frozenset({"they", "them", "their"})
_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# after "it": the word that shows "it" is no actor ("It is time", "it was unclear")
_NOT_AN_ACT = frozenset({
    "is", "was", "'s", "’s", "will", "would", "may", "might", "could", "can", "should", "must",
    "seems", "seemed", "appears", "appeared", "remains", "remained", "be", "takes", "took",
    "comes", "came", "became", "becomes", "means", "meant", "depends", "matters", "happened",
    "happens", "looks", "looked", "sounds", "feels", "follows", "followed", "marks", "marked",
})  # fmt: skip
_ADVERBS = frozenset({"also", "then", "later", "further", "again", "previously", "earlier"})
_ORGANISATIONS: dict[str, Callable[[str], bool]] = {
    "alliance": lambda code: code.startswith(("IGOWSTNAT", "IGOCASCST")),
    "bloc": lambda code: code.startswith("IGO") and not code.startswith("IGOUNO"),
    "union": lambda code: code.startswith(("IGOEUREEC", "IGOAFRAFU", "IGOCASEAU")),
    "council": lambda code: code.startswith(("IGOUNOSEC", "IGOUNOHRC", "IGOPGSGCC")),
    "organisation": lambda code: code.startswith("IGO"),
    "organization": lambda code: code.startswith("IGO"),
    "agency": lambda code: code.startswith("IGOUNOIAE"),
    "watchdog": lambda code: code.startswith("IGOUNOIAE"),
}
# the first words of every story reference below but a named official's: other tokens are
# never looked at (a Token built for each token of a story was most of this module's time)
_STARTS = frozenset({
    *GROUP_STARTS, "those", "these", "the", "a", "their", *_PLURAL, *_GENDERED, "it",
    *_DOCUMENT_DETERMINERS,
})  # fmt: skip
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'-]+(?:,| [-–—]|[ \t]*(?:\n|$))")


class _Story:
    """The antecedents of a document in text order: dictionary mentions, paragraph
    references and the story references made so far."""

    def __init__(self, text: str, mentions: Sequence[Mention], quoted: set[int]) -> None:
        self.text = text
        self.quoted = quoted  # character offsets of the tokens inside quotation marks
        self.items = sorted(
            (m for m in mentions if not _dateline_place(text, m)), key=lambda m: m.start
        )
        self.starts = [m.start for m in self.items]

    def add(self, mention: Mention) -> None:
        at = bisect.bisect_left(self.starts, mention.start)
        self.starts.insert(at, mention.start)
        self.items.insert(at, mention)

    def before(self, char: int, *, unquoted: bool = False) -> list[Mention]:
        """Antecedents within STORY_CHARS before `char`, in text order (outside quotation
        marks only when `unquoted`: "Taiwan" in a quoted sentence is nobody's "it")."""
        low = bisect.bisect_left(self.starts, char - STORY_CHARS)
        high = bisect.bisect_left(self.starts, char)
        return [
            m
            for m in self.items[low:high]
            if m.end <= char and not (unquoted and m.start in self.quoted)
        ]

    def last_pair(
        self, char: int, category: str, sentences: Sequence[int], size: int = 2
    ) -> tuple[str, ...]:
        """The pair of the last dyad before `char`: the first two distinct actors of the
        latest sentence that names two (its own sentence first); for "gov" people and
        governments are read first ("the two leaders": Putin and Xi, not the Ukraine their
        sentence is about)."""
        earlier = [m for m in self.before(char, unquoted=True) if m.anchors]
        by_sentence: dict[int, list[Mention]] = {}
        for mention in earlier:
            by_sentence.setdefault(bisect.bisect_right(sentences, mention.start), []).append(
                mention
            )
        fallback: tuple[str, ...] = ()
        people_only = category == "people"  # "the two men": named people, never a place
        category = "gov" if people_only else category
        for sentence in sorted(by_sentence, reverse=True):
            group = by_sentence[sentence]
            pair: tuple[str, ...] = ()
            if people_only:
                pair = first_two(leaders(group), category, size)
                if pair:
                    return pair
                continue
            if category == "gov":
                people = leaders(group)
                pair = first_two(people, category, size)
                if not pair and people:  # one leader and a place its sentence names: the
                    fallback = fallback or first_two(group, category, size)  # other is earlier
                    continue
            pair = pair or first_two(group, category, size)
            if pair:
                return pair
        return fallback


def resolve_story_references(
    doc: Doc,
    mentions: Sequence[Mention],
    references: Sequence[Mention],
    genders: Mapping[str, str],
) -> list[Mention]:
    """References the paragraph pass left unresolved, resolved from the whole story."""
    text = doc_text(doc)
    if not mentions or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return []  # a story is read sentence by sentence
    quoted = quoted_tokens(doc)
    story = _Story(text, [*mentions, *references], {doc[i].idx for i in quoted})
    covered = {i for m in (*mentions, *references) for i in range(m.start, m.end)}
    paragraphs = ParagraphIndex(text)
    starts = sentence_starts(doc)
    officials = introduced_officials(text, mentions)
    out: list[Mention] = []

    def made(mention: Mention) -> None:
        out.append(mention)
        story.add(mention)
        covered.update(range(mention.start, mention.end))

    def opens_paragraph(char: int) -> bool:
        """Whether the paragraph of `char` names no actor before it (references aside:
        "They said they ..." has none)."""
        named = [m for m in story.before(char) if m.kind != "reference"]
        return not named or paragraphs.of(named[-1].start) != paragraphs.of(char)

    after = 0
    starts_at = set(tokens_among(doc, _STARTS)) | set(tokens_among(doc, officials, ORTH))
    for i in sorted(starts_at):
        if i < after:
            continue
        token = doc[i]
        if token.idx in covered or token.is_space:
            continue
        lower = token.lower_
        found = _group(doc, i, story, text, starts)
        if found is not None:
            mention, after = found
            made(mention)
            continue
        if i in quoted and lower in (*_PLURAL, *_GENDERED):
            continue  # '"They seized our boats," said the admiral': the other side
        if lower in _PLURAL:
            earlier = [m for m in story.before(token.idx, unquoted=True) if m.anchors]
            group = earlier[-1] if earlier else None
            if opens_paragraph(token.idx) or (
                # "... negotiate with the three countries and meet them"
                group is not None and group.kind == "reference" and len(group.codes) >= 2
            ):
                codes = plural_antecedent(text, earlier, starts)
                if codes:
                    made(_single(token, codes, lower))
            continue
        if lower in _GENDERED and opens_paragraph(token.idx):
            earlier = story.before(token.idx, unquoted=True)
            person = latest_person(earlier, _GENDERED[lower], genders, officials, starts)
            if person is not None:
                made(_single(token, person.codes, person.entry))
            continue
        if lower == "it":
            it = _it_antecedent(doc, token, story, quoted)
            if it is not None:
                made(_single(token, it.codes, "it: " + it.entry))
            continue
        organisation = _organisation(doc, i, story) or _document(doc, i, story, quoted, starts)
        if organisation is not None:
            mention, after = organisation
            made(mention)
            continue
        named = named_official(doc, i, officials)
        if named is not None:
            mention, after = named
            made(mention)
            continue
    # first person last: the speakers above ("Li said", "it said") may be references
    for i in tokens_among(doc, _FIRST_PERSON):
        token = doc[i]
        if token.idx in covered or i not in quoted:
            continue
        if token.lower_ in ("our", "my") and (
            i + 1 >= len(doc) or doc[i + 1].lower_ not in _OWN_STATE
        ):
            continue
        speaker = _speaker(doc, token, story, quoted)
        if speaker is not None:
            made(_single(token, speaker.codes, "speaker: " + speaker.text))
    return sorted(out, key=lambda m: m.start)


def _single(token: Token, codes: tuple[str, ...], entry: str) -> Mention:
    return Mention(token.idx, token.idx + len(token.text), token.text, codes, "reference", entry)


def _dateline_place(text: str, mention: Mention) -> bool:
    """A place in capitals opening a paragraph before a comma or dash ("MOSCOW, March 3")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip():
        return False
    return bool(mention.text.isupper() and _DATELINE_PLACE.match(text, mention.start))


# -- groups ------------------------------------------------------------------------------


def _group(
    doc: Doc, i: int, story: _Story, text: str, sentences: Sequence[int]
) -> tuple[Mention, int] | None:
    """A group phrase ("the two countries", "the ministers", "A joint statement") at token
    i resolved to the story's last pair, and the token after it."""
    phrase = group_phrase(doc, i)
    size = 2
    if phrase is not None:
        length, category = phrase
        size = group_size(doc, i)
    else:
        demonstrative = _demonstrative_group(doc, i)
        if demonstrative is not None:  # "those other countries": the last plural
            span = doc[i : i + demonstrative]
            earlier = [m for m in story.before(span.start_char, unquoted=True) if m.anchors]
            codes: tuple[str, ...] = ()
            for end in range(len(earlier), max(len(earlier) - 30, 0), -1):
                codes = plural_antecedent(text, earlier[:end], sentences)
                if codes and all(country_root(c) for c in codes):
                    break
            words = span.text
            if not codes:
                return None
            found = Mention(span.start_char, span.end_char, words, codes, "reference", words)
            return found, i + demonstrative
        role = _role_group(doc, i)
        if role is None:
            return None
        length, category = role, "gov"
    span = doc[i : i + length]
    codes = story.last_pair(span.start_char, category, sentences, size)
    if not codes:
        return None
    words = text[span.start_char : span.end_char]
    mention = Mention(span.start_char, span.end_char, words, codes, "reference", words.lower())
    return mention, i + length


def _demonstrative_group(doc: Doc, i: int) -> int | None:
    """Tokens of "those countries", "these remaining states", "those other nations", "the
    above-mentioned countries", "the aforementioned states"."""
    j = i + 1
    if doc[i].lower_ == "the":
        words = [t.lower_ for t in doc[j : j + 3]]
        if words[:1] and words[0] in _ALREADY_NAMED:
            j += 1
        elif words == ["above", "-", "mentioned"]:
            j += 3
        else:
            return None
    elif doc[i].lower_ not in ("those", "these"):
        return None
    if j < len(doc) and doc[j].lower_ in ("remaining", "other"):
        j += 1
    if j < len(doc) and doc[j].lower_ in _STATE_GROUPS:
        return j + 1 - i
    return None


def _role_group(doc: Doc, i: int) -> int | None:
    """Tokens of "the ministers" (not followed by "of"/"from") or of a sentence-opening
    "A joint statement"; None otherwise."""
    token = doc[i]
    if token.lower_ not in ("the", "a", "their") or i + 1 >= len(doc):
        return None
    following = doc[i + 2] if i + 2 < len(doc) else None
    if (
        token.lower_ == "the"
        and doc[i + 1].lower_ in _ROLE_GROUPS
        and (following is None or following.lower_ not in ("of", "from", "in", "who"))
    ):
        return 2
    if (
        token.is_sent_start
        and doc[i + 1].lower_ == "joint"
        and following is not None
        and following.lower_ in _JOINT_TEXTS
    ):
        return 3
    return None


# -- "it" --------------------------------------------------------------------------------


def _it_antecedent(doc: Doc, token: Token, story: _Story, quoted: set[int]) -> Mention | None:
    """The organisation "it" stands for, when "it" acts or speaks (see the docstring)."""
    if token.i in quoted:
        return None
    j = token.i + 1
    while j < len(doc) and doc[j].lower_ in _ADVERBS:
        j += 1
    if j >= len(doc):
        return None
    word = doc[j].lower_
    if word in _NOT_AN_ACT or not doc[j].is_lower:
        return None
    if word in ("has", "had"):
        if j + 1 >= len(doc) or doc[j + 1].lower_ in ("been", "to") or not token.is_sent_start:
            return None
        word = doc[j + 1].lower_
    if word in SPEECH_WORDS:  # "..., it said": who spoke last, or the subject of that
        speaker = _earlier_speaker(doc, token.sent, story, quoted, limit=4)
        if speaker is None or (len(speaker.codes) == 1 and speaker.kind != "person"):
            return speaker
        subject = _previous_named_sentence(story, speaker.start + 1, doc)
        return subject[0] if subject else None
    if not token.is_sent_start or not (
        word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
    ):
        return None
    else:  # "It also accused Peru ...": the subject of the sentence before
        previous = _previous_named_sentence(story, token.idx, doc)
        if not previous or not _names_another(doc, token, previous[0], story):
            return None
        return previous[0]
    for mention in reversed(story.before(token.idx, unquoted=True)):
        if mention.kind not in ("person", "reference") and len(mention.codes) == 1:
            return mention if mention.anchors else None
    return None


def _names_another(doc: Doc, token: Token, antecedent: Mention, story: _Story) -> bool:
    """Whether the sentence of `token` names an actor other than `antecedent` after it: an
    "it" that acts acts on someone ("It rained." is no act)."""
    low = bisect.bisect_right(story.starts, token.idx)
    high = bisect.bisect_left(story.starts, token.sent.end_char)
    return any(m.anchors and m.codes != antecedent.codes for m in story.items[low:high])


def _previous_named_sentence(story: _Story, char: int, doc: Doc) -> list[Mention]:
    """The organisations named (outside quotations) in the latest earlier sentence that
    names one, in text order."""
    earlier = [
        m
        for m in story.before(char, unquoted=True)
        if m.anchors and m.kind not in ("person", "reference") and len(m.codes) == 1
    ]
    if not earlier:
        return []
    sentence = doc.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand")
    if sentence is None:
        return [earlier[-1]]
    bounds = sentence.sent
    return [m for m in earlier if bounds.start_char <= m.start < bounds.end_char]


# -- organisations -----------------------------------------------------------------------


def _organisation(doc: Doc, i: int, story: _Story) -> tuple[Mention, int] | None:
    """ "the alliance" (not "the alliance of/between ...") as the last organisation of that
    kind named before it."""
    if doc[i].lower_ != "the" or i + 1 >= len(doc):
        return None
    wanted = _ORGANISATIONS.get(doc[i + 1].lower_)
    if wanted is None:
        return None
    if i + 2 < len(doc) and doc[i + 2].lower_ in ("of", "between", "with"):
        return None
    span = doc[i : i + 2]
    for mention in reversed(story.before(span.start_char)):
        for code in mention.codes:
            if wanted(code):
                words = span.text
                found = Mention(
                    span.start_char, span.end_char, words, (code,), "reference", words.lower()
                )
                return found, i + 2
    return None


# -- documents ---------------------------------------------------------------------------


def _document(
    doc: Doc, i: int, story: _Story, quoted: set[int], sentences: Sequence[int]
) -> tuple[Mention, int] | None:
    """A statement that speaks ("the statement said", "read the communique") as who issued
    it: the one who spoke last before it, or the story's pair for a joint one."""
    if doc[i].lower_ not in _DOCUMENT_DETERMINERS or i in quoted:
        return None
    end = i + 1
    joint = end < len(doc) and doc[end].lower_ in ("joint", "final")
    end += joint
    if end >= len(doc) or doc[end].lower_ not in _DOCUMENTS:
        return None
    end += 1
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    if after not in SPEECH_WORDS and before not in SPEECH_WORDS:
        return None
    span = doc[i:end]
    if joint:
        codes = story.last_pair(span.start_char, "gov", sentences)
    else:
        issuer = _earlier_speaker(doc, span.sent, story, quoted, limit=4)
        codes = issuer.codes if issuer is not None else ()
    if not codes:
        return None
    words = span.text
    return Mention(span.start_char, span.end_char, words, codes, "reference", words.lower()), end


# -- quotations --------------------------------------------------------------------------


def _speaker(doc: Doc, token: Token, story: _Story, quoted: set[int]) -> Mention | None:
    """Who speaks the quotation holding `token` (see the module docstring)."""
    sent = token.sent
    own = _sentence_speaker(sent, story, quoted)
    if own is not None:
        return own
    return _earlier_speaker(doc, sent, story, quoted, limit=4)


def _earlier_speaker(
    doc: Doc, sent: Span, story: _Story, quoted: set[int], *, limit: int
) -> Mention | None:
    """The speaker of the nearest of the `limit` sentences before `sent` that has one,
    passing over quoted sentences; a sentence naming actors without a speech verb ends
    the search."""
    previous = sent.start
    for _ in range(limit):
        if previous <= 0:
            return None
        earlier = doc[previous - 1].sent
        found = _sentence_speaker(earlier, story, quoted, needs_verb=True)
        if found is not None:
            return found
        if _sentence_speaker(earlier, story, quoted) is not None:
            return None  # a narrative sentence between: the quotation is not theirs
        previous = earlier.start
    return None


def _sentence_speaker(
    sent: Span, story: _Story, quoted: set[int], *, needs_verb: bool = False
) -> Mention | None:
    """The actor named outside quotation marks in `sent` nearest a speech verb; when that
    is a role of no known country ("..., the foreign ministry said"), the sentence's first
    actor of known country (its subject)."""
    outside = [
        m
        for m in story.before(sent.end_char + 1)
        if m.start >= sent.start_char
        and not _starts_quoted(sent, m, quoted)
        and not all(c.endswith("MED") for c in m.codes)  # "at a press briefing"
    ]
    known = [m for m in outside if m.anchors]
    if not known:
        return None
    verbs = [t for t in sent if t.lower_ in SPEECH_WORDS and t.i not in quoted]
    if not verbs:
        return None if needs_verb else known[0]
    gaps = [(gap, m) for m in outside for v in verbs if (gap := _speech_gap(m, v)) is not None]
    if not gaps:
        return known[0]
    nearest = min(gaps, key=lambda gm: gm[0])[1]
    return nearest if nearest.anchors else known[0]


def _speech_gap(mention: Mention, verb: Token) -> int | None:
    """Characters between a speaker and its speech verb: the mention ends before the verb
    ("the ministry said"), or follows a verb that follows a quotation ('," said Rivas');
    None when the mention cannot be that verb's speaker ("said China had ...")."""
    if mention.end <= verb.idx:
        return verb.idx - mention.end
    text = doc_text(verb.doc)
    lead = text[: verb.idx].rstrip()
    if mention.start >= verb.idx + len(verb.text) and lead.endswith((",", '"', "”", "'")):
        return mention.start - verb.idx - len(verb.text)
    return None


def _starts_quoted(sent: Span, mention: Mention, quoted: set[int]) -> bool:
    for t in sent:
        if t.idx >= mention.start:
            return t.i in quoted
    return False
