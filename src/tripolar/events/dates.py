"""Event dates: a date expression in the sentence, resolved against the publication date.

Regular expressions find the expression; dateparser parses "N days/weeks/months ago" with
the publication date as its base (no network). The rules, documented in
docs/codebook.md:

* a full date ("March 3, 2018", "3 March 2018", "2018-03-03") is taken as it is;
* a day and month without a year ("on March 3", "9 May") is in the publication year, or
  the year before when that would fall after the publication date; "9 May this year" is
  in the publication year;
* a day of the month alone ("announced on the 16th") is the latest such day on or before
  publication (in the publication month, else the month before);
* a month and year ("in June 2014") is the first of that month; "in 2014" is 1 January;
  each date also carries its precision (day, month or year: `event_date`), so that
  analytics never read 1 January of a year-precision date as a day in January;
* a month alone ("in December", "last March", "since May") is the first of the latest such
  month on or before publication ("last": strictly before);
* a weekday ("on Tuesday") is the most recent such day on or before publication (the
  publication day itself when it is that weekday), except the day after publication: a
  "Tuesday" in a Monday article is the next day, in a time zone ahead of the paper's
  (a summit in Asia dated by a US paper), rather than six days back; "last Tuesday" is
  strictly before, "next Tuesday" strictly after;
* "yesterday", "today", "N days/weeks ago", "last week" (7 days before) are exact;
  "last month", "last year", "earlier this month/year/week" are the first day of that
  period.

A prospective event (intent, threat, appeal, demand: "will meet Putin on April 20") is dated
when it is voiced: dates that read forward to after publication name the planned act and are
passed over ("said on Monday it will ..." keeps Monday).

``clause_dates.clause_date`` looks in the clause of the event's verb first and then in the
whole sentence, so two events of one sentence can have two dates; ``story_dates`` dates what
a sentence leaves undated by its story.

Nothing found: the publication date (basis "publication"); no publication date either:
``(None, "none")``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable

import dateparser

from tripolar.model import DatePrecision, EventDateBasis

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# what an ordinal counts when it is no day of the month ("on the 3rd floor", "the 20th round")
ORDINAL_NOUNS = (
    r"(?:floor|anniversary|century|day|time|round|session|amendment|birthday|minute|hour|"
    r"street|avenue|congress|fleet|division|brigade|army|place|attempt|edition|summit|"
    r"meeting|week|month|year|plenum|party|lap|stage|tier|hole|inning)s?"
)
YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# fmt: off
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# fmt: on
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}

_SOON = dt.timedelta(days=45)
"""A day and month without a year that falls this soon after publication is the coming one
(a plan's, "will begin on April 1"), not last year's: no past event's date."""

Resolver = Callable[["re.Match[str]", dt.date | None], dt.date | None]


@functools.lru_cache(maxsize=4096)  # the same phrases recur against the same dates
def _parse(text: str, base: dt.date | None) -> dt.date | None:
    settings: dict[str, object] = dict(_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def _month(match: re.Match[str]) -> int:
    return MONTH_NAMES[match["month"].lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_date(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    # day, month and year are all given: nothing is left to resolve against a base date
    return _safe_date(int(match["year"]), _month(match), int(match["day"]))


def _iso_date(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    return _safe_date(int(match["year"]), int(match["m"]), int(match["d"]))


def _this_year_date(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    return _safe_date(published.year, _month(match), int(match["day"]))


def _day_month(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    candidate = _safe_date(published.year, _month(match), int(match["day"]))
    if candidate is None:
        return None
    if candidate > published:
        if candidate - published <= _SOON:  # "as of April 1" in a March report: a plan's day
            return None
        candidate = _safe_date(published.year - 1, candidate.month, candidate.day)
    return candidate


def _ordinal_day(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    day = int(match["day"])
    if day <= published.day:
        return _safe_date(published.year, published.month, day)
    last = published.replace(day=1) - dt.timedelta(days=1)  # the month before
    return _safe_date(last.year, last.month, day)


def _day_month_ahead(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    # in the publication year, never rolled back: a day after publication is the plan's
    if published is None:
        return None
    return _safe_date(published.year, _month(match), int(match["day"]))


def _month_year(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    return dt.date(int(match["year"]), _month(match), 1)


def _month_only(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    # reports tell of the past: the latest such month on or before publication ("last" March:
    # strictly before); the first of it
    if published is None:
        return None
    month = _month(match)
    strictly = (match["which"] or "").lower() == "last"
    year = published.year
    if month > published.month or (strictly and month == published.month):
        year -= 1
    return dt.date(year, month, 1)


def _month_ahead(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None or (match["which"] or "").lower() == "last":
        return _month_only(match, published)
    return dt.date(published.year, _month(match), 1)


def _year_only(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    return dt.date(int(match["year"]), 1, 1)


def _weekday(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    wanted = WEEKDAYS[match["weekday"].lower()]
    which = (match["which"] or "").lower()
    if which == "next":
        ahead = (wanted - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - wanted) % 7
    if which == "last" and back == 0:
        back = 7
    if back == 6 and which != "last":  # the day after publication, in a time zone ahead
        return published + dt.timedelta(days=1)
    return published - dt.timedelta(days=back)


def _relative_word(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    phrase = " ".join(match.group(0).lower().split())
    if phrase == "day before yesterday":
        return published - dt.timedelta(days=2)
    if phrase == "yesterday":
        return published - dt.timedelta(days=1)
    if phrase == "last week":
        return published - dt.timedelta(days=7)
    if phrase == "last month":
        first = published.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=1)
    if phrase == "last year":
        return dt.date(published.year - 1, 1, 1)
    if phrase.endswith("this year"):
        return dt.date(published.year, 1, 1)
    if phrase.endswith("this month"):
        return published.replace(day=1)
    if phrase.endswith("this week"):
        return published - dt.timedelta(days=published.weekday())
    return published  # today, tonight, this morning/afternoon/evening


def _ago(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    amount = match["n"].lower()
    count = int(amount) if amount.isdigit() else NUMBER_WORDS.get(amount, 0)
    if count <= 0:
        return None
    return _parse(f"{count} {match['unit'].lower()} ago", published)


# Most specific first; within one pattern the first occurrence in the sentence wins.
_RULES: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(rf"\b{YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso_date),
    (re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"), _full_date),
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"), _full_date),
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\s+this\s+year\b"), _this_year_date),
    (re.compile(rf"\b{MONTH}\s+{DAY}\s+this\s+year\b"), _this_year_date),
    (re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!:)"), _day_month),
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b"), _day_month),
    (  # "on the 16th" with no month: the latest 16th ("on the 3rd floor" is no day)
        re.compile(
            rf"\b[Oo]n\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})"
            rf"(?!\s+{ORDINAL_NOUNS}\b)"
        ),
        _ordinal_day,
    ),
    (
        re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Bb]y|[Ee]arly|[Ll]ate)\s+{MONTH}\s+{YEAR}\b"),
        _month_year,
    ),
    (re.compile(rf"\b(?:(?P<which>last|this|next|Last|This|Next|on|On)\s+)?{WEEKDAY}\b"), _weekday),
    (
        re.compile(
            r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|"
            r"this\s+(?:morning|afternoon|evening)|last\s+(?:week|month|year)|"
            r"earlier\s+this\s+(?:week|month|year))\b",
            re.IGNORECASE,
        ),
        _relative_word,
    ),
    (
        re.compile(
            r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
            re.IGNORECASE,
        ),
        _ago,
    ),
    (
        re.compile(
            rf"\b(?P<which>[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast)\s*(?:-\s*)?{MONTH}"
            r"(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!\s*\d)"
        ),
        _month_only,
    ),
    (re.compile(rf"\b[Ii]n\s+{YEAR}\b"), _year_only),
]


# A prospective event (an intent, threat, appeal or demand: "will meet Putin on April 20")
# happens when it is voiced; the sentence's dates that read as still ahead belong to the act
# planned, so they are read forward and, when after publication, passed over.
# A bare weekday stays in the past ("urged X on Tuesday to ..."): "next Tuesday" is ahead.
_AHEAD: dict[Resolver, Resolver] = {_day_month: _day_month_ahead, _month_only: _month_ahead}


# How exactly each rule's date is known; "N months ago", "last year" and the like depend on
# their words (`_precision`).
_PRECISION: dict[Resolver, DatePrecision] = {
    _iso_date: "day", _full_date: "day", _this_year_date: "day", _day_month: "day",
    _ordinal_day: "day",
    _day_month_ahead: "day", _weekday: "day", _month_year: "month", _month_only: "month",
    _month_ahead: "month", _year_only: "year",
}  # fmt: skip


def _precision(resolve: Resolver, match: re.Match[str]) -> DatePrecision:
    """A week ("last week", "earlier this week", "two weeks ago") is kept as a day: the day
    it names is within a few days of the event, which event identity allows for."""
    if resolve in _PRECISION:
        return _PRECISION[resolve]
    words = " ".join(match.group(0).lower().split())
    if words.endswith("year") or words.endswith("years ago"):
        return "year"
    if words.endswith("month") or words.endswith("months ago"):
        return "month"
    return "day"


EventDate = tuple[dt.date | None, EventDateBasis, DatePrecision]
"""An event's date, where it came from and how exactly it is known."""


def event_date(
    sentence_text: str, published: dt.date | None, *, prospective: bool = False
) -> EventDate:
    """The date an event in this sentence happened on, where it came from and its precision
    (the publication date is a day). ``prospective``: an intent, threat, appeal or demand."""
    for pattern, resolve in _RULES:
        if prospective:
            resolve = _AHEAD.get(resolve, resolve)
        for match in pattern.finditer(sentence_text):
            found = resolve(match, published)
            if found is None or (prospective and published is not None and found > published):
                continue
            return found, "text", _precision(resolve, match)
    if published is not None:
        return published, "publication", "day"
    return None, "none", "unknown"


NEWS_WINDOW = dt.timedelta(days=7)
"""A story's news day lies at most this long before publication (or a day after it)."""


def news_day(text: str, published: dt.date, *, day_month: bool = False) -> dt.date | None:
    """The day a sentence names the way wire copy names the news day: a weekday
    ("on Thursday") or "yesterday"; with ``day_month``, the way other outlets do: a day and
    month without a year ("on February 3"). Dates written out with their year (a caption's
    "October 4, 2016") and weeks, months or years are not news days."""
    kinds = (_day_month,) if day_month else (_weekday, _relative_word)
    for pattern, resolve in _RULES:
        if resolve not in kinds:
            continue
        for match in pattern.finditer(text):
            words = match.group(0).lower()
            if resolve is _relative_word and "yesterday" not in words:
                continue
            return resolve(match, published)
    return None


def resolve_event_date(
    sentence_text: str, published: dt.date | None, *, prospective: bool = False
) -> tuple[dt.date | None, EventDateBasis]:
    """The date an event in this sentence happened on, and where it came from.
    ``prospective``: the event is an intent, threat, appeal or demand."""
    found, basis, _ = event_date(sentence_text, published, prospective=prospective)
    return found, basis
