"""Publication dates: parsing metadata values and spotting a date line near the top of a page.

Numeric dates are only trusted when unambiguous: ``2019-06-05`` and ``2019/06/05`` are
year-month-day, ``05.06.2019`` is day.month.year (the dotted form is day-first wherever it is
used), and ``05/06/2019`` is accepted only when one number is above 12 (``25/06/2019``,
``06/25/2019``) or both numbers are equal. Anything else is treated as no date at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|\([A-Za-z ]+\)))?)?"
)
_DATE_FORMS = [
    rf"{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?"
    rf"(?:Z|[+-]\d{{2}}:?\d{{2}})?)?",
    rf"{_YEAR}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})",
    r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<year>\d{4})",
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})",
    rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
]
_DATE_RES = [re.compile(rf"^{_WEEKDAY}{form}{_TIME}\.?$", re.I) for form in _DATE_FORMS]

_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|released|issued)(?:\s+on)?"
    r"|date(?:d|\s+published)?|last\s+update)\s*:?\s*",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:\||·|•|\u2014|\u2013|\s-\s)\s*")
_EARLIEST = dt.date(1800, 1, 1)


def plausible(value: dt.date, *, today: dt.date | None = None) -> bool:
    """Dates before 1800 or more than a week in the future are treated as errors."""
    today = today or dt.date.today()
    return _EARLIEST <= value <= today + dt.timedelta(days=7)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if plausible(value) else None


def parse_date_text(text: str) -> dt.date | None:
    """Parse a string that is just a date (optionally with weekday, time, zone); else None."""
    text = " ".join(text.split()).strip(" ,;")
    for pattern in _DATE_RES:
        found = pattern.match(text)
        if not found:
            continue
        parts = found.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            return _make(year, _MONTHS[parts["month"].lower()], int(parts["day"]))
        if parts.get("m"):
            return _make(year, int(parts["m"]), int(parts["d"]))
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12 >= second:
            return _make(year, second, first)
        if second > 12 >= first or first == second:
            return _make(year, first, second)
        return None  # 05/06/2019: June 5 or May 6? Do not guess.
    return None


def parse_date_value(value: object) -> dt.date | None:
    """A metadata value (string, number, date) as a date, or None when it is not usable.

    Strings go through :func:`parse_date_text`, then dateparser in strict mode (day, month and
    year required, so "May 2019" is not a date). Numbers are Unix timestamps in seconds, or in
    milliseconds when they are that large.
    """
    if isinstance(value, dt.datetime):
        return value.date() if plausible(value.date()) else None
    if isinstance(value, dt.date):
        return value if plausible(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return _from_timestamp(float(value))
        except OverflowError:  # an integer beyond any float: no date
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_timestamp(float(text))
    if re.fullmatch(r"\d{8}", text):  # 20190605
        return _make(int(text[:4]), int(text[4:6]), int(text[6:]))
    found = parse_date_text(text)
    if found is not None:
        return found
    if re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text):
        return None  # ambiguous slash dates are refused, not guessed
    return _dateparser(text)


def _from_timestamp(seconds: float) -> dt.date | None:
    if seconds > 1e11:
        seconds /= 1000.0
    try:
        value = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return value if plausible(value) else None


DATEPARSER_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "zh", "ja", "ar")
"""Languages dateparser tries; trying all 200 of its locales costs up to a second a string."""


@functools.lru_cache(maxsize=4096)  # dateparser takes ~50 ms on a string it cannot read
def _dateparser(text: str) -> dt.date | None:
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    import dateparser  # slow to import; only needed for unusual date strings

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(text, languages=list(DATEPARSER_LANGUAGES), settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a bad date is no date
        return None
    if parsed is None:
        return None
    return parsed.date() if plausible(parsed.date()) else None


def _is_byline_part(part: str) -> bool:
    words = part.split()
    if not words:
        return True
    if words[0].lower() in {"by", "from"} and len(words) <= 8:
        return True
    return len(words) <= 5 and not part.endswith(".") and len(part) <= 50


def scan_dateline(line: str) -> tuple[bool, dt.date | None]:
    """Is ``line`` a dateline such as ``Published: 5 June 2019`` or ``By Jane Doe | June 5, 2019``?

    Returns (is a dateline, its date when usable). The line must be short and consist of a date
    (optionally labelled "Published", "Updated", "Posted", "Date" ..., with weekday and time)
    plus at most a few short byline parts split by ``|``, ``·``, ``•`` or dashes. A sentence
    that merely mentions a date is not a dateline. A dateline whose date is ambiguous or
    impossible (``05/06/2019``, ``31.02.2019``) is still a dateline, with no date.
    """
    line = " ".join(line.split())
    if not line or len(line) > 150:
        return False, None
    parts = [p.strip(" ,") for p in _SEPARATORS.split(line) if p.strip(" ,")]
    if len(parts) > 5:
        return False, None
    dates = [_LABEL.sub("", p) for p in parts if _looks_like_date(_LABEL.sub("", p))]
    if not dates:
        return False, None
    if not all(_looks_like_date(_LABEL.sub("", p)) or _is_byline_part(p) for p in parts):
        return False, None
    return True, parse_date_text(dates[0])


def _looks_like_date(text: str) -> bool:
    """Date-shaped, whether or not the date exists or is unambiguous."""
    text = " ".join(text.split()).strip(" ,;")
    return any(pattern.match(text) for pattern in _DATE_RES)


# A dateline that opens a lead sentence: "MOSCOW, March 3 (Reuters) -", "BEIJING (AP) --",
# "New Delhi [India], October 27 :", "(Newser) -". Its place is no actor and its date is the
# report's, never an event's. A place in title case needs a date, a [country] or an agency.
_CAPS_PLACE = r"[A-Z][A-Z.'\u2019]{2,}(?:[ -][A-Z][A-Z.'\u2019]+)*"
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*"
_DATELINE_DATE = r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?"
_AGENCY = r"\s*\([A-Za-z.&' ]{2,30}\)"
_SEPARATOR = r"\s*(?:[-\u2013\u2014]+|:)\s*"
_DASH = r"\s*[-\u2013\u2014]+\s*"
_COUNTRY = r"\s*\[[^\]]{1,40}\]"
DATELINE = re.compile(  # a bare capitalised place before a colon is a speaker ("NATO: ...")
    rf"^\s*(?:(?:{_CAPS_PLACE}){_DASH}"
    rf"|(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:{_COUNTRY})?(?:{_DATELINE_DATE})(?:{_AGENCY})?{_SEPARATOR}"
    rf"|(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_COUNTRY}(?:{_AGENCY})?{_SEPARATOR}"
    rf"|(?:{_CAPS_PLACE}|{_TITLE_PLACE})?(?:{_AGENCY}){_SEPARATOR})"
)


def dateline_end(sentence: str) -> int:
    """Characters of the dateline that opens a lead sentence or paragraph (0 when none)."""
    found = DATELINE.match(sentence)
    return found.end() if found is not None and found.end() < len(sentence) else 0


def split_lead_dateline(paragraph: str) -> list[str]:
    """A paragraph opened by a dateline as two: the dateline, then the lead it opens
    ("MOSCOW, March 3 (Reuters) - Russia said ..." -> ["MOSCOW, March 3 (Reuters)",
    "Russia said ..."]), so the place is never read as a party and its date as the event's.
    A dispatch run on after another's last sentence in the same paragraph ("... on Monday.
    BEIJING, March 2 (Xinhua) -- China said ...") is split there the same way."""
    pieces = [paragraph[start:end].rstrip() for start, end in _dispatch_bounds(paragraph)]
    out: list[str] = []
    for piece in pieces:
        end = dateline_end(piece)
        if end:
            out += [piece[:end].rstrip(" -:\u2013\u2014"), piece[end:]]
        else:
            out.append(piece)
    return out


# Inside a paragraph only a dateline with a date or an agency counts: after a full stop,
# "NATO - ..." or "Lima [Peru]: ..." may be a sentence of the story itself.
_RUN_ON_DATELINE = re.compile(
    rf"(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:{_COUNTRY})?(?:{_DATELINE_DATE})(?:{_AGENCY})?{_SEPARATOR}"
    rf"|(?:{_CAPS_PLACE}|{_TITLE_PLACE})?(?:{_AGENCY}){_SEPARATOR}"
)
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)]?\\s+")


def _dispatch_bounds(paragraph: str) -> list[tuple[int, int]]:
    """Where each dispatch of a paragraph starts and ends."""
    starts = [0] + [
        end.end()
        for end in _SENTENCE_END.finditer(paragraph)
        if _RUN_ON_DATELINE.match(paragraph, end.end())
    ]
    ends = [*starts[1:], len(paragraph)]
    return [(start, end) for start, end in zip(starts, ends, strict=True) if start < end]
