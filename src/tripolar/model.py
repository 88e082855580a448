"""Plain records that flow between the stages.

documents -> sentences -> mentions -> events -> store. Every stage takes and returns
these; none of them holds a reference to spaCy objects, so they pickle (Dask) and
compare by value (tests).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal


class _Record:
    """Pickles as its class and field values. The state methods that dataclasses generate
    for slotted classes look the fields up on every call: results sent back from Dask
    workers pickled and unpickled about a third slower."""

    __slots__ = ()
    __match_args__: tuple[str, ...]

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), tuple(getattr(self, name) for name in self.__match_args__))


DateBasis = Literal["metadata", "page", "option", "none"]
"""Where a document's publication date came from."""

EventDateBasis = Literal["text", "story", "publication", "none"]
"""Where an event's date came from: a date expression in its sentence, one elsewhere in its
story (`events.story_dates`: the same act, its occasion or the news day), or the publication
date."""

DATED_BY_TEXT: tuple[EventDateBasis, ...] = ("text", "story")
"""The event date bases read from the article's own words, which outrank the publication
date wherever a date is chosen (the best evidence of an event, the weight of a mention)."""

DatePrecision = Literal["day", "month", "year", "unknown"]
"""How exactly an event's date is known: "in June 2014" is stored as 2014-06-01 with precision
"month", "in 1979" as 1979-01-01 with precision "year" (never a day in January); no date at
all is "unknown"."""

DATE_PRECISIONS: tuple[DatePrecision, ...] = ("day", "month", "year", "unknown")


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """One article or record, as read by ``tripolar.ingest``."""

    doc_id: str  # hash of the normalised text; equal text means equal id
    text: str  # the main text, boilerplate removed, paragraphs separated by blank lines
    title: str | None = None
    url: str | None = None
    source: str | None = None  # publisher or site name
    path: str | None = None  # file it came from ("-" for stdin)
    record: str | None = None  # line number or record id inside that file
    format: str = "txt"  # txt, html, json, jsonl, csv, feed
    published: dt.date | None = None
    date_basis: DateBasis = "none"
    # Set for pages fetched over HTTP (tripolar ingest URL / watch), else None:
    requested_url: str | None = None  # the URL asked for (a feed item's link, a given URL)
    final_url: str | None = None  # after redirects; also ``url``
    fetched_at: dt.datetime | None = None  # UTC
    http_status: int | None = None

    @property
    def outlet(self) -> str | None:
        """The outlet that published the document (see `outlet_of`)."""
        return outlet_of(self.url, self.source, self.path)


def outlet_of(url: str | None, source: str | None, path: str | None) -> str | None:
    """Who published a document: the host of its URL without "www." ("reuters.com"), else
    its feed or source field (lower case), else the name of the folder its file is in
    ("corpus/tass/a.txt" -> "tass"); None when none of these is known.

    Two documents from one outlet count as one source of an event. Mirrored in SQL by
    ``tripolar.store.schema.OUTLET_SQL`` for rows stored before outlets were kept (a
    property test holds the two to the same answers, so letters are lowered one at a
    time, as DuckDB's ``lower`` does).
    """
    if url:
        found = _HOST.match(url.strip())
        if found:
            host = outlet_lower(found.group(1)).rstrip(".").removeprefix("www.")
            if host:
                return host
    if source and source.strip():
        return outlet_lower(" ".join(source.split()))
    if path and path != "-":
        folder = path.replace("\\", "/").rstrip("/").rpartition("/")[0].rpartition("/")[2]
        return outlet_lower(folder) or None
    return None


def outlet_lower(text: str) -> str:
    """``text`` in lower case letter by letter (Unicode's simple case mapping, as DuckDB's
    ``lower``): "İ" is "i" and a final "Σ" is "σ", where ``str.lower`` gives "i̇" and "ς"."""
    return "".join(_SIMPLE_LOWER.get(c) or c.lower() for c in text)


_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)")
_SIMPLE_LOWER = {"\u0130": "i"}  # the one letter whose full lower case is two characters
SPACE_CHARACTERS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What ``str.split()`` and ``str.strip()`` treat as space (``str.isspace``), for the SQL
that mirrors them."""


@dataclass(frozen=True, slots=True)
class Sentence(_Record):
    doc_id: str
    index: int  # 0-based position in the document
    start: int  # character offsets into Document.text
    end: int
    text: str
    paragraph: int = 0


UNKNOWN_COUNTRY = "---"  # the country part of an agent whose country is not known


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """An actor reference in a document, resolved to CAMEO codes for a date."""

    start: int  # character offsets into the document text
    end: int
    text: str
    codes: tuple[str, ...]  # one code ("CHNGOV"), or several for a compound ("Sino-Russian")
    kind: str = "state"  # state, person, igo, agent, compound, reference
    entry: str = ""  # the dictionary entry that matched, for explanations

    @property
    def anchors(self) -> bool:
        """Whether the mention makes its sentence worth coding: it names a state, an
        organisation or a person, not only an agent of unknown country ("insurgents" with
        no country in sight is `---REB`, coded as a party to an event but never alone)."""
        return any(not code.startswith(UNKNOWN_COUNTRY) for code in self.codes)


def make_event_id(
    doc_id: str, sentence_index: int, trigger_start: int, source: str, target: str, code: str
) -> str:
    """The id of an event: the same act in the same sentence always gets the same id."""
    key = f"{doc_id}|{sentence_index}|{trigger_start}|{source}|{target}|{code}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One coded event with the evidence that proves it."""

    doc_id: str
    sentence_index: int
    start: int  # sentence span in the document text
    end: int
    sentence: str
    source: str  # CAMEO actor code, e.g. CHNGOV
    target: str
    code: str  # CAMEO event code, e.g. 042
    root: str  # first two digits, e.g. 04
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    event_date: dt.date | None
    date_basis: EventDateBasis
    rule: str  # identifier of the pattern that fired, e.g. "verb:meet"
    trigger_start: int = -1  # the verb or noun that carried the event
    trigger_end: int = -1
    source_text: str = ""
    target_text: str = ""
    event_id: str = field(default="", compare=False)
    date_precision: DatePrecision = "day"


def date_precision_of(event_date: dt.date | None, precision: DatePrecision) -> DatePrecision:
    """``precision``, or "unknown" when there is no date."""
    return "unknown" if event_date is None else precision


@dataclass(frozen=True, slots=True)
class Failure(_Record):
    """A file or record that could not be ingested, kept so `tripolar status` can list it."""

    path: str
    line: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class FetchRecord(_Record):
    """What the store remembers of one URL fetched over HTTP, for conditional requests.

    A page's record names the document it gave (``doc_id``); a feed's lists the item links
    it held (``items``). ``etag``/``last_modified`` are the validators the server sent.
    """

    url: str  # as asked for
    final_url: str
    status: int
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    doc_id: str | None = None
    items: tuple[str, ...] | None = None
    fetched_at: dt.datetime | None = None  # UTC, when the body was last downloaded


@dataclass(frozen=True, slots=True)
class CodedDocument(_Record):
    """A document after the language and coding stages: what the store keeps."""

    document: Document
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    mentions: tuple[Mention, ...] = ()
    assessments: tuple[Assessment, ...] = ()


AssessmentScope = Literal["dyad", "triad", "actor"]
"""What an assessment is about: a pair of countries, the three of a triangle, or one actor."""


@dataclass(frozen=True, slots=True)
class Assessment(_Record):
    """A judgement about a relationship (or one actor's standing) stated in commentary.

    Not an event: "trust between the two has deepened" is an assessment, "the two leaders
    met on Monday" is an event. One record per sentence and subject.
    """

    doc_id: str
    sentence_index: int
    start: int  # sentence span in the document text
    end: int
    sentence: str
    subject: str  # "CHN-RUS" (dyad, sorted), "CHN-RUS-USA" (triad) or "RUS" (actor)
    scope: AssessmentScope
    polarity: float  # -1 hostile .. +1 friendly
    intensity: float  # 0 .. 1, lowered by hedging
    dimension: str  # political, economic, security, people, overall
    time: str  # past, present, future
    modality: str  # fact, expectation, prescription, conditional
    holder: str  # "author", or the text of whoever the view is attributed to
    published: dt.date | None
    holder_code: str = ""  # actor code of the holder when it is a known actor
    cues: tuple[str, ...] = ()  # the lexicon terms that carried the judgement
    cue_start: int = -1  # the strongest cue's character span in the document text
    cue_end: int = -1
    negated: bool = False
    hedged: bool = False
    rule: str = "lexicon"
