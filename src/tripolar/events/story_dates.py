"""The story's dates: an event its sentence leaves undated takes the date its story gives it.

News copy dates an act once ("Oslo banned Chilean fish on Monday") and then talks of it
without a date ("... after Norway's ban", "the decision ..."), and a wire story told on one
day reports the reactions of that day without repeating it ("Chile demanded that ...",
"..., the minister said in a statement"). After a document is coded
(`EventCoder.explain_doc`), each event dated only by its publication (basis
"publication") takes, in this order:

1. the date of the same act coded elsewhere in the story with a day from the text: the
   same countries and code family, as event identity links them (`tripolar.sameness`), and
   the same kind of act or the family's general code (a summons is not an accusation; a
   phone call is the discussion it is later called);
2. the date of the same act named by a noun in another sentence that names its source
   (the nearest first, within `STORY_SENTENCES`): a noun of the trigger's own word or of
   its object's ("the ban" ... "imposed a ban on Monday"), or, where the sentence
   names both countries, a noun of the same code family ("a meeting" ... "at a summit on
   Monday"); an act at an occasion ("criticised X at a meeting") takes the occasion's day;
3. the story's news day, for an act told in the simple past (or
   voiced in the past: "the statement said they would hold talks"): the day of the story's
   first event dated by a day in the text, when that event is in the lead
   (`LEAD_SENTENCES`).

Before it, ``dated_by_next_sentence`` dates a headline by the news day of the sentence under
it. Only days within the week before publication (or the day after it, in a time zone ahead)
are taken (`dates.NEWS_WINDOW`), except in step 1: the same act dated by a day in the text
keeps that day however long before ("the strike hurt the talks", of a strike dated March 28).
An event in a clause about another event ("... as Chilean envoys were headed to Lima",
"after Peru sold jets to Chile", "the sanctions imposed by Norway") keeps its publication
date, and so do a present-tense state ("Chile accuses Norway of ...") and an act under way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tripolar.events.arguments import MentionIndex
from tripolar.events.clause_dates import (
    DateCache,
    clause_date,
    dateline_tokens,
    named_in_passing,
    text_outside,
    told_aside,
)
from tripolar.events.dates import NEWS_WINDOW, news_day
from tripolar.events.grammar import clause_verb, dependent
from tripolar.events.lexicon import ActLexicon
from tripolar.model import DATED_BY_TEXT, Event
from tripolar.sameness import family, link_key

_AHEAD = dt.timedelta(days=1)

STORY_SENTENCES = 40
"""How far (sentences) a mention looks for its act named elsewhere in the story."""

LEAD_SENTENCES = 6
"""The story's news day is told in its lead: the headline, captions, dateline and first
paragraphs, within this many sentences; a day named only further down dates a side story."""


def dated_by_next_sentence(
    events: Sequence[Event], sents: Sequence[Span], published: dt.date | None
) -> list[Event]:
    """A document's first sentence (a headline, or a lead without a date) tells the same news
    as the sentence after it ("Russia blocks renewal of UN panel" / "The move on Thursday
    ..."): its events that carry only the publication date take the news day the next
    sentence names (`news_day`), when that lies in the week before publication."""
    if published is None or len(sents) < 2:
        return list(events)
    if not any(e.sentence_index == 0 and e.date_basis == "publication" for e in events):
        return list(events)
    following = sents[1]
    skipped = dateline_tokens(following)
    day = news_day(text_outside(following, following.start, following.end, skipped), published)
    if day is None or not published - NEWS_WINDOW <= day < published:
        return list(events)
    return [
        replace(e, event_date=day, date_basis="story", date_precision="day")
        if e.sentence_index == 0 and e.date_basis == "publication"
        else e
        for e in events
    ]


def date_story(
    events: Sequence[Event],
    doc: Doc,
    index: MentionIndex,
    lexicon: ActLexicon,
    published: dt.date | None,
) -> list[Event]:
    """The document's events, those dated only by publication dated by their story where it
    can (see the module's docstring)."""
    if published is None or not any(e.date_basis == "publication" for e in events):
        return list(events)
    story = _Story(doc, index, lexicon, published, events)
    out = []
    for event in events:
        day = story.day_of(event) if event.date_basis == "publication" else None
        if day is None or day == published:  # the publication day already
            out.append(event)
        else:
            out.append(replace(event, event_date=day, date_basis="story", date_precision="day"))
    return out


class _Story:
    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        lexicon: ActLexicon,
        published: dt.date,
        events: Sequence[Event],
    ) -> None:
        self.doc = doc
        self.index = index
        self.lexicon = lexicon
        self.published = published
        self.sents = list(doc.sents)
        self.events = events
        self.dated_any = [
            e
            for e in events
            if e.date_basis in DATED_BY_TEXT
            and e.date_precision == "day"
            and e.event_date is not None
        ]
        self.dated = [e for e in self.dated_any if e.event_date and self.in_window(e.event_date)]
        # the news day is a main clause's, not that of an act told aside ("a day after X
        # attacked Y", "..., which Z blames on W")
        news = [e for e in self.dated if not self.told_aside(e) and not self.dated_on_noun(e)]
        first = min(news, key=lambda e: e.sentence_index, default=None)
        lead = first is not None and first.sentence_index < LEAD_SENTENCES
        self.news_day = first.event_date if first is not None and lead else None
        if first is None:  # no act dated in the story: the day its lead names, if any
            self.news_day = self.lead_day()
        self._countries: dict[int, set[str]] = {}
        self._caches: dict[int, DateCache] = {}

    def lead_day(self) -> dt.date | None:
        """The first day and month a sentence of the lead names outside its dateline ("At
        a press conference on February 3, ..."), in the story's window. (A weekday there,
        when no act of the story is dated, is as often another act's: "slammed X's launch
        on Friday".)"""
        for sent in self.sents[:LEAD_SENTENCES]:
            text = text_outside(sent, sent.start, sent.end, dateline_tokens(sent))
            day = news_day(text, self.published, day_month=True)
            if day is not None and self.in_window(day):
                return day
        return None

    def in_window(self, day: dt.date) -> bool:
        return self.published - NEWS_WINDOW <= day <= self.published + _AHEAD

    def trigger(self, event: Event) -> Token | None:
        span = self.doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def dated_on_noun(self, event: Event) -> bool:
        """An act named by a noun that carries its own day ("Tuesday's attack", "the strike
        on Monday"): an act referred to, whose day is no news day of the story's."""
        token = self.trigger(event)
        if token is None or token.pos_ != "NOUN":
            return False
        phrase = self.doc[token.left_edge.i : token.right_edge.i + 1]
        return news_day(phrase.text, self.published) is not None

    def told_aside(self, event: Event) -> bool:
        token = self.trigger(event)
        if token is None:
            return False
        verb = clause_verb(token)
        return told_aside(verb) or (verb.dep_ == "conj" and told_aside(verb.head))

    def day_of(self, event: Event) -> dt.date | None:
        token = self.trigger(event)
        if token is None:
            return None
        verb = clause_verb(token)
        if under_way(verb):
            return None  # "has been protesting": no day
        day = self.occasion_day(event, verb, token)
        aside = told_aside(verb)  # "as envoys were headed", "the sanctions imposed by X"
        if day is not None or aside:
            return day  # an act told aside is dated by its occasion only: another sale
        day = self.same_act_coded(event)
        word = self.act_word(token)
        day = day or self.same_act_named(event, {word} if word else set(), event.code)
        if day is not None:
            return day
        if (
            (token.pos_ == "NOUN" and named_in_passing(token))  # "Peru's war"
            or _follows_another(verb, token)  # "protested following the announcement"
        ):
            return None
        verbal = event.quad_class in (1, 3)
        return self.news_day if told_as_past(verb, verbal=verbal) else None

    def occasion_day(self, event: Event, verb: Token, trigger: Token) -> dt.date | None:
        """The day of the occasion the act took place at ("criticised X at a meeting"): the
        day the story gives that meeting (coded in the sentence, or named elsewhere)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "during"):
                continue
            for noun in prep.children:
                code = self.lexicon.noun_code(noun) if noun.dep_ == "pobj" else None
                if code is None:
                    continue
                for other in self.events if noun.i != trigger.i else ():
                    if other.trigger_start == noun.idx and other.event_date is not None:
                        coded = self.day_of(other) if other.date_basis == "publication" else None
                        return coded or (
                            other.event_date if other.date_basis in DATED_BY_TEXT else None
                        )
                return self.same_act_named(event, {noun.lemma_.lower()}, code)
        return None

    def same_act_coded(self, event: Event) -> dt.date | None:
        key = link_key(event.source[:3], event.target[:3], _kin(event.code))
        same = [
            e
            for e in self.dated_any
            if e.sentence_index != event.sentence_index
            and link_key(e.source[:3], e.target[:3], _kin(e.code)) == key
            and _same_kind(e.code, event.code)
        ]
        if not same:
            return None
        here = event.sentence_index
        return min(same, key=lambda e: (abs(e.sentence_index - here), e.sentence_index)).event_date

    def same_act_named(self, event: Event, words: set[str], code: str) -> dt.date | None:
        """The day another sentence gives the act named by one of the words (in a sentence
        naming the event's source) or by a noun of the code's family (naming both sides)."""
        source, target = event.source[:3], event.target[:3]
        here = event.sentence_index
        near = range(max(0, here - STORY_SENTENCES), min(len(self.sents), here + STORY_SENTENCES))
        for i in sorted(near, key=lambda i: (abs(i - here), i)):
            countries = self.countries(i)
            if i == here or source not in countries:
                continue
            both = target in countries
            for token in self.sents[i]:
                if token.pos_ != "NOUN":
                    continue
                if token.lemma_.lower() in words or (both and self._same_family(token, code)):
                    day = self.day_named(i, token)
                    if day is not None:
                        return day
        return None

    def act_word(self, trigger: Token) -> str | None:
        """The noun that names the trigger's act: the trigger itself, or a verb's object
        that is an event noun ("imposed a ban", "reached an agreement"; not "urged the
        side")."""
        if trigger.pos_ == "NOUN":
            return trigger.lemma_.lower()
        obj = dependent(trigger, "dobj")
        if obj is None or obj.lemma_.lower() not in self.lexicon.patterns.nouns:
            return None
        return obj.lemma_.lower()

    def _same_family(self, noun: Token, code: str) -> bool:
        found = self.lexicon.noun_code(noun)
        return found is not None and family(found) == family(code)

    def day_named(self, i: int, noun: Token) -> dt.date | None:
        """The day the noun's act is dated by in its sentence, if in the story's window."""
        cache = self._caches.setdefault(i, {})
        verb = clause_verb(noun)
        day, basis, precision = clause_date(
            verb, self.sents[i], self.published, False, cache, trigger=noun
        )
        if basis != "text" or precision != "day" or day is None or not self.in_window(day):
            return None
        return day

    def countries(self, i: int) -> set[str]:
        if i not in self._countries:
            sent: Span = self.sents[i]
            mentions = {self.index.by_token[t.i] for t in sent if t.i in self.index.by_token}
            self._countries[i] = {code[:3] for m in mentions for code in m.codes}
        return self._countries[i]


def _kin(code: str) -> str:
    """A phone call (041) is dated as the discussion (046) it is later called ("Friday's
    discussion"), though event identity keeps calls apart."""
    return "046" if code[:3] == "041" else code


def _same_kind(code: str, other: str) -> bool:
    """Two codes of one family that can name one act for its date: the same kind of act, or
    one of them the family's general code ("the strike" 190 for "launched missiles at" 194;
    not a summons 114 for an accusation 112)."""
    kinds = {code[:3], other[:3]}
    if "041" in kinds:  # a call: only a call or a discussion
        return kinds <= {"041", "046"}
    return len(kinds) == 1 or code[2:3] == "0" or other[2:3] == "0"


def _follows_another(verb: Token, trigger: Token) -> bool:
    """A reaction told as following another act ("protested following the announcement",
    "after the vote"): on a day after the story's news, not on it. The act followed is not
    ("after a meeting with X, Y said ...": the meeting)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("after", "following")
        and any(o.dep_ == "pobj" and o.pos_ == "NOUN" and o.i != trigger.i for o in c.children)
        for c in verb.children
    )


def under_way(verb: Token) -> bool:
    """An act told as going on ("has been protesting", "is building"), not done on a day;
    not one announced in the past progressive ("announced that it was expelling X": the
    act announced)."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    announced = verb.dep_ == "ccomp" and all(a.tag_ == "VBD" for a in auxes)
    return verb.tag_ == "VBG" and bool(auxes) and not announced


def told_as_past(verb: Token, *, verbal: bool = False) -> bool:
    """Whether the verb's act is told as done on the story's day: the simple past, not a
    perfect ("has criticised": at some time up to now; "had asked": before the story's
    time) nor an ongoing act ("has been protesting"); for a verb of no tense of its own
    ("would hold", "after signing") and for what a verbal act (``verbal``) says in the
    present ("'X is inexcusable,' he said"), the verb it depends on."""
    for _ in range(4):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return False  # "has signed": at some time up to now; "had signed": before
        if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
            return True  # a past tense the tagger read as a participle ("the envoy smiled")
        tags = {verb.tag_, *(a.tag_ for a in auxes)}
        if "VBD" in tags:
            return True
        said = verbal and verb.dep_ in ("ccomp", "parataxis")
        if (tags & {"VBZ", "VBP"} and not said) or verb.head.i == verb.i:
            return False
        verb = clause_verb(verb.head)
    return False
