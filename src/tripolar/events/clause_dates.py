"""An event's date within its sentence: on its noun, in its verb's clause, else in the
sentence, passing over the clauses that tell of other events.

``clause_date`` reads the date expressions of `tripolar.events.dates` in the part of the
sentence that belongs to the event: a year on the event noun ("the 1985 summit"); the
clause of its verb; dates measured from another act ("a day after X threatened Y"); and
only then the whole sentence. Clauses about other events ("since he took power in 2011",
"after Peru's invasion last month", "as envoys were headed to Lima") lend their dates to
no other act, and an act told in such a clause takes no date from its main clause.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from spacy.tokens import Span, Token

from tripolar.events.dates import (
    MONTH_NAMES,
    NUMBER_WORDS,
    WEEKDAYS,
    YEAR,
    EventDate,
    event_date,
    resolve_event_date,
)
from tripolar.ingest.dates import dateline_end
from tripolar.nlp.text import span_text

Range = tuple[int, int]
# (start token, end token, prospective, token ranges left out) -> the date found there,
# per sentence
DateCache = dict[tuple[int, int, bool, tuple[Range, ...]], EventDate]


# Clauses that tell of another event, whose dates are not this one's: "since he took power
# in 2011", "after Y invaded Z in 2014", "which was founded in 2001", "the deal signed in 2015".
OTHER_EVENT_MARKS = frozenset({
    "since", "after", "before", "because", "although", "though", "until", "unless", "if",
    "once", "whereas", "as",
})  # fmt: skip
_YEAR_WORD = re.compile(rf"^{YEAR}$")


def clause_date(
    verb: Token,
    sent: Span,
    published: dt.date | None,
    prospective: bool,
    cache: DateCache,
    trigger: Token | None = None,
) -> EventDate:
    """The date of an event (with its basis and precision): on its noun first ("the 1985
    summit", "the summit in May 2019"),
    then in the clause of its verb ("... since Russia invaded Ukraine in February"), else in
    its sentence; clauses that tell of other events are passed over in the last two."""
    trigger = trigger if trigger is not None else verb
    foreign = _other_event_clauses(sent, trigger) + dateline_tokens(sent)
    foreign += _other_list_items(sent, trigger) + _dates_owned_by_other_nouns(sent, trigger)

    def dated(
        start: int, end: int, ahead: bool = prospective, skipped: tuple[Range, ...] = ()
    ) -> EventDate:
        key = (start, end, ahead, foreign + skipped)
        if key not in cache:
            cache[key] = event_date(
                text_outside(sent, start, end, foreign + skipped), published, prospective=ahead
            )
        return cache[key]

    if trigger.pos_ in ("NOUN", "PROPN") and trigger.i != verb.i:
        year = next((c for c in trigger.children if _YEAR_WORD.match(c.text)), None)
        if year is not None and _year_modifier(year):  # "the 2015 nuclear deal"
            return dt.date(int(year.text), 1, 1), "text", "year"
        on_noun = dated(trigger.left_edge.i, trigger.right_edge.i + 1)
        if on_noun[1] == "text":
            return on_noun
        if named_in_passing(trigger):
            # "called China an enabler of Russia's war on Wednesday": not Wednesday's war;
            # but "a follow-up to Norway's meeting with Chile in Lima in July": July, which
            # the parser may hang on the main verb
            after = trigger.right_edge.i + 1
            prep = sent.doc[after] if after < sent.end else None
            if prep is not None and prep.dep_ == "prep" and prep.lower_ == "in":
                trailing = dated(prep.left_edge.i, prep.right_edge.i + 1)
                if trailing[1] == "text" and trailing[2] != "day":
                    return trailing
            return on_noun
    in_clause = dated(max(verb.left_edge.i, sent.start), min(verb.right_edge.i + 1, sent.end))
    measured = None if in_clause[1] == "text" else _measured_date(verb, sent, published)
    if measured is not None:
        return measured, "text", "day"
    if in_clause[1] == "text" or _present_after_past(verb):
        return in_clause  # "cut ties in 1979 and recognises Beijing": now, not 1979
    whole = dated(sent.start, sent.end)
    if prospective and whole[1] != "text" and verb.head.i != verb.i:
        # "agreed in December to start talks": the plan was voiced in December, a past
        # month read as past outside the planned act's clause
        voiced = dated(sent.start, sent.end, False, ((verb.left_edge.i, verb.right_edge.i + 1),))
        day = voiced[0]
        if voiced[1] == "text" and day is not None and published is not None and day <= published:
            return voiced  # (a date still ahead, "open missions on July 20, 2015", is the plan's)
    if whole[2] == "day" and (told_aside(verb) or _subject_of_reported(trigger, verb)):
        # "X threatened Y on Monday after Z did W": Monday is X's day, not W's (a month or
        # a year the main clause names is W's too: "suspended talks in May, after Z ...")
        return event_date("", published)
    return whole


def in_other_event_clause(verb: Token) -> bool:
    """Whether the verb's clause is one that tells of another event than its main clause's
    ("..., after Peru sold jets to Chile", "... came as envoys were headed to Lima"):
    a subordinate clause with a subject of its own and a mark of `OTHER_EVENT_MARKS`."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in OTHER_EVENT_MARKS for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _subject_of_reported(trigger: Token, verb: Token) -> bool:
    """An event noun that is the subject of a reported clause ("X said Friday that the
    drills were an escalation", "Y said on Monday that the strike hurt the talks"): an act
    talked about, not one done on the day of the saying."""
    return (
        trigger.i != verb.i
        and trigger.dep_ == "nsubj"  # "an agreement was reached": the act itself
        and trigger.head.i == verb.i
        and verb.dep_ == "ccomp"
    )


def told_in_relative(verb: Token) -> bool:
    """Whether the verb tells an act in passing, in a clause on a noun, not on the day the
    main clause reports: a relative clause in the present, a standing stance ("an incident
    which X blames on Y"), or a past participle ("the sanctions imposed by X"). A relative
    clause in the past tells of the main clause's occasion ("arrived on Monday, the day the
    EU imposed sanctions", "a statement in which he accused X", "where he held talks")."""
    if verb.dep_ == "relcl":
        return verb.tag_ in ("VBZ", "VBP")
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def told_aside(verb: Token) -> bool:
    """An act told aside from the main clause's (`in_other_event_clause`,
    `told_in_relative`, `vaguely_past`): the day its sentence names for the main clause is
    not its day, and the story's news day is not either."""
    return in_other_event_clause(verb) or told_in_relative(verb) or vaguely_past(verb)


_VAGUE_PAST = frozenset({"recently", "previously", "earlier", "formerly", "once", "lately"})


def vaguely_past(verb: Token) -> bool:
    """An act told as done at some earlier time ("sat down with X recently", "had earlier
    met Y"): the day the sentence names for its main clause is not its day."""
    return any(c.dep_ == "advmod" and c.lower_ in _VAGUE_PAST for c in verb.children)


def named_in_passing(noun: Token) -> bool:
    """An event noun owned by an actor inside another noun phrase ("an enabler of Russia's
    war", "a follow-up to X's talks with Y"): an event referred to, not the act the
    clause reports, so the clause's date is not its date."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    prep = noun.head
    return (
        owned
        and noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("NOUN", "PROPN")
        and prep.head.i != noun.i
    )


_UNITS = {"day": 1, "week": 7, "month": 0, "year": 0}


def _measured_date(verb: Token, sent: Span, published: dt.date | None) -> dt.date | None:
    """A date measured from another act of the sentence: "X came a day after Y threatened
    Z" (Y's threat: a day before X's date), "X expelled Y two weeks after Z did W on May 30"
    (the expulsion: two weeks after May 30)."""

    def date_of(text: str) -> dt.date | None:
        found, basis = resolve_event_date(text, published)
        return found if basis != "none" else None

    if verb.dep_ == "conj" and verb.head.dep_ == "advcl":  # "a day after X blocked and used"
        verb = verb.head
    whole = (verb.left_edge.i, verb.right_edge.i + 1)
    offset = _offset_before_main(verb)
    if offset is not None:  # the main clause's date, without this clause
        main = date_of(text_outside(sent, sent.start, sent.end, (whole,)))
        return _shifted(main, *offset) if main is not None else None
    for clause in verb.children:
        offset = _offset_before_main(clause)
        if offset is None:
            continue
        words = sent.doc[clause.left_edge.i : clause.right_edge.i + 1]
        found, basis = resolve_event_date(span_text(words), published)
        if basis == "text" and found is not None:
            return _shifted(found, -offset[0], offset[1])
    return None


def _offset_before_main(verb: Token) -> tuple[int, str] | None:
    """(-N, unit) for "N units after" (the clause's act came before the main one), (N, unit)
    for "N units before"; None when the clause has no such measure."""
    marker = next((c for c in verb.children if c.dep_ == "mark"), None)
    mark = marker.lower_ if marker is not None else None
    if verb.dep_ != "advcl" or marker is None or mark not in ("after", "before"):
        return None
    # "a day" on the verb, on "after", or on the main verb right before "after"
    before = [c for c in verb.head.children if c.right_edge.i == marker.i - 1]
    for measure in [*verb.children, *marker.children, *before]:
        unit = measure.lemma_.lower()
        if measure.dep_ != "npadvmod" or unit not in _UNITS:
            continue
        count = next((c for c in measure.children if c.dep_ in ("nummod", "det")), None)
        amount = count.lower_ if count is not None else "a"
        n = int(amount) if amount.isdigit() else NUMBER_WORDS.get(amount, 0)
        if n:
            return (-n if mark == "after" else n), unit
    return None


def _shifted(day: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week"):
        return day + dt.timedelta(days=n * _UNITS[unit])
    months = n * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _present_after_past(verb: Token) -> bool:
    """A present-tense verb joined to a past one: a standing state, not the past event."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBZ", "VBP") and verb.head.tag_ == "VBD"


def _year_modifier(token: Token) -> bool:
    """A bare year that modifies its noun ("the 1985 summit"), not a count."""
    return token.dep_ in ("nummod", "compound", "amod", "npadvmod") and token.i < token.head.i


def dateline_tokens(sent: Span) -> tuple[tuple[int, int], ...]:
    """The token range of the sentence's opening dateline, if any."""
    end = dateline_end(span_text(sent))
    if not end:
        return ()
    last = next((t.i for t in sent if t.idx - sent.start_char >= end), sent.end)
    return ((sent.start, last),)


_ITEM_MARKS = frozenset({"•", "·", "|", "▪", "■"})


def _dates_owned_by_other_nouns(sent: Span, trigger: Token) -> tuple[tuple[int, int], ...]:
    """Token ranges of days owned by a noun other than the trigger ("condemned Tuesday's
    attack": Tuesday is the attack's, not the condemnation's), unless that noun is the
    occasion the act happened at ("seized boats during Monday's resupply mission")."""
    return tuple(
        (t.left_edge.i, t.i + 2)  # the day and its "'s"
        for t in sent
        if t.dep_ == "poss"
        and t.head.i != trigger.i
        and t.head.pos_ in ("NOUN", "PROPN")
        and (t.lower_ in WEEKDAYS or t.lower_ in ("yesterday", "today"))
        and not (t.head.dep_ == "pobj" and t.head.head.lower_ in _OCCASION_PREPOSITIONS)
    )


_OCCASION_PREPOSITIONS = frozenset({"during", "at", "in", "amid", "throughout"})


def _other_list_items(sent: Span, trigger: Token) -> tuple[tuple[int, int], ...]:
    """Token ranges of the other items of a list of headlines run into one sentence ("A
    meets B • C tests a missile Wednesday • ..."): each item is news of its own."""
    marks = [t.i for t in sent if t.text in _ITEM_MARKS]
    if not marks:
        return ()
    bounds = [sent.start, *marks, sent.end]
    return tuple(
        (start, end) for start, end in itertools.pairwise(bounds) if not start <= trigger.i < end
    )


def _other_event_clauses(sent: Span, trigger: Token) -> tuple[tuple[int, int], ...]:
    """Token ranges of the sentence's clauses about other events than the trigger's."""
    spans = []
    for token in sent:
        if token.dep_ in ("relcl", "acl"):
            other = token.head.i != trigger.i  # a noun trigger's own "signed in 2015" stays
        elif token.dep_ == "advcl":
            other = any(c.dep_ == "mark" and c.lower_ in OTHER_EVENT_MARKS for c in token.children)
        elif token.dep_ == "prep" and token.lower_ in OTHER_EVENT_MARKS:
            # "since taking power in 2011", "since Peru's invasion last month"; a date
            # itself ("since 2014", "after May 3") is no other event
            other = any(c.dep_ == "pcomp" for c in token.children) or any(
                c.dep_ == "pobj" and _event_noun(c) for c in token.children
            )
            if other:  # "since Peru's invasion last month", "last month" parsed apart
                edge = token.right_edge.i + 1
                tail = [
                    c for c in token.head.children if c.dep_ == "npadvmod" and c.left_edge.i == edge
                ]
                if tail and not edge <= trigger.i <= tail[0].right_edge.i:
                    spans.append((token.left_edge.i, tail[0].right_edge.i + 1))
                    continue
        else:
            continue
        start, end = token.left_edge.i, token.right_edge.i + 1
        if other and not start <= trigger.i < end:
            spans.append((start, end))
    return tuple(spans)


_TIME_WORDS = frozenset({
    "day", "week", "weekend", "month", "year", "decade", "time", "hour", "morning",
    "afternoon", "evening", "night", "midnight", "noon", "period",
})  # fmt: skip


def _event_noun(token: Token) -> bool:
    """A noun that names an act ("Peru's invasion", "the summit"), not a time ("2014",
    "May 3", "last week", "that time")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return False
    words = token.lemma_.lower(), token.lower_
    return not any(w in _TIME_WORDS or w in MONTH_NAMES or w in WEEKDAYS for w in words)


def text_outside(sent: Span, start: int, end: int, skipped: tuple[tuple[int, int], ...]) -> str:
    """The text of tokens start..end, without the skipped ranges."""
    start, end = max(start, sent.start), min(end, sent.end)
    if not any(a < end and start < b for a, b in skipped):
        return span_text(sent.doc[start:end])
    kept = [
        t.text_with_ws for t in sent.doc[start:end] if not any(a <= t.i < b for a, b in skipped)
    ]
    return "".join(kept)
