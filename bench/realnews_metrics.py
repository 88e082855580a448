"""Matching coded events to the hand-coded gold of real news articles (bench/realnews_eval.py).

A gold event is *found* when an event of the same article has

* the same country pair: the first three letters of the predicted actor codes equal the
  gold's ``source`` and ``target`` (``IGO`` matches any ``IGO…`` code); either order when
  the gold is ``symmetric``;
* a root among the gold's ``roots``;
* a sentence that is the gold's ``evidence`` or one of its ``alt_evidence``: after
  normalising quotes, dashes, spaces and case, the evidence lies inside the sentence, or the
  sentence (at least MIN_PART_CHARS long) lies inside the evidence, which happens when the
  splitter cut the evidence sentence in two.

Precision is the share of predicted events that match some gold event. A found event's date
is right when every matched prediction carries the gold date at the gold's precision (day,
month or year); a gold without a date takes the article's publication date, at day precision.
Conflict gold events are those whose acceptable roots all lie in 10-20; the others are
cooperation. Each missed gold event gets one cause, the first of MISS_CAUSES that applies.

Everything here is pure: the bench script does the ingesting, the engineer counting distinct
events per real event reuses `matches_of` and `evidence_match`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MIN_PART_CHARS = 20

MISS_CAUSES = (
    "article silent",  # the article gave no event at all
    "evidence not a coded sentence",  # no stored sentence holds the evidence (boilerplate, title)
    "no event in evidence sentence",
    "wrong root",  # the right pair (in the right order) with a root outside the gold's
    "reversed dyad",  # the two countries, swapped
    "one side wrong",  # source or target right, the other wrong
    "wrong dyad",  # events in the sentence, none with either country in its role
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text for comparing sentences: NFKC, straight quotes, plain dashes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().lower()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One hand-coded event of an article."""

    index: int  # line number in gold.jsonl, from 0
    article: str
    source: str
    target: str
    symmetric: bool
    roots: tuple[str, ...]
    code: str
    date: dt.date | None
    precision: str | None  # day, month, year; None when date is None
    background: bool
    evidence: tuple[str, ...]  # the evidence first, then alt_evidence
    igo_name: str | None = None

    @property
    def conflict(self) -> bool:
        return all(10 <= int(root) <= 20 for root in self.roots)

    @property
    def root(self) -> str:
        return self.roots[0]

    @classmethod
    def from_json(cls, index: int, raw: Mapping[str, Any]) -> GoldEvent:
        date = raw.get("date")
        return cls(
            index=index,
            article=str(raw["article"]),
            source=str(raw["source"]).upper(),
            target=str(raw["target"]).upper(),
            symmetric=bool(raw.get("symmetric")),
            roots=tuple(str(r).zfill(2) for r in raw["roots"]),
            code=str(raw.get("code", "")),
            date=dt.date.fromisoformat(date) if date else None,
            precision=raw.get("date_precision") if date else None,
            background=bool(raw.get("background")),
            evidence=(str(raw["evidence"]), *(str(a) for a in raw.get("alt_evidence") or ())),
            igo_name=raw.get("igo_name"),
        )


@dataclass(frozen=True, slots=True)
class Predicted:
    """One coded event as stored, with the article it came from."""

    article: str
    source: str  # full actor code, e.g. CHNGOV, IGOUNOSEC
    target: str
    code: str
    sentence: str
    event_date: dt.date | None = None
    rule: str = ""
    sentence_index: int = -1

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def source_country(self) -> str:
        return country(self.source)

    @property
    def target_country(self) -> str:
        return country(self.target)


def country(code: str) -> str:
    """The scored country of an actor code: its first three letters."""
    return code[:3].upper()


def load_gold(path: Path) -> list[GoldEvent]:
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            events.append(GoldEvent.from_json(len(events), json.loads(line)))
    return events


def evidence_match(sentence: str, evidence: Iterable[str]) -> bool:
    """True when the sentence is (or holds, or is a long enough part of) one of the evidences."""
    said = normalise(sentence)
    if not said:
        return False
    for text in evidence:
        wanted = normalise(text)
        if not wanted:
            continue
        if wanted in said or (len(said) >= MIN_PART_CHARS and said in wanted):
            return True
    return False


def dyad_match(gold: GoldEvent, predicted: Predicted) -> bool:
    pair = (predicted.source_country, predicted.target_country)
    if pair == (gold.source, gold.target):
        return True
    return gold.symmetric and pair == (gold.target, gold.source)


def matches(gold: GoldEvent, predicted: Predicted) -> bool:
    """The issue's rule: same article, country pair, a gold root, the evidence sentence."""
    return (
        predicted.article == gold.article
        and predicted.root in gold.roots
        and dyad_match(gold, predicted)
        and evidence_match(predicted.sentence, gold.evidence)
    )


def matches_of(gold: Sequence[GoldEvent], predicted: Sequence[Predicted]) -> list[list[int]]:
    """For each gold event, the indexes of every predicted event that matches it."""
    by_article: dict[str, list[int]] = {}
    for i, event in enumerate(predicted):
        by_article.setdefault(event.article, []).append(i)
    return [[i for i in by_article.get(g.article, ()) if matches(g, predicted[i])] for g in gold]


def date_right(gold: GoldEvent, event_date: dt.date | None, published: dt.date | None) -> bool:
    """The predicted date equals the gold one at the gold's precision."""
    want, precision = (gold.date, gold.precision or "day") if gold.date else (published, "day")
    if want is None or event_date is None:
        return False
    if precision == "year":
        return event_date.year == want.year
    if precision == "month":
        return (event_date.year, event_date.month) == (want.year, want.month)
    return event_date == want


def miss_cause(
    gold: GoldEvent, article_events: Sequence[Predicted], article_sentences: Sequence[str]
) -> str:
    """Why a gold event was missed: the first cause of MISS_CAUSES that applies."""
    if not article_events:
        return "article silent"
    if not any(evidence_match(s, gold.evidence) for s in article_sentences):
        return "evidence not a coded sentence"
    there = [e for e in article_events if evidence_match(e.sentence, gold.evidence)]
    if not there:
        return "no event in evidence sentence"
    if any(dyad_match(gold, e) for e in there):
        return "wrong root"
    if any((e.source_country, e.target_country) == (gold.target, gold.source) for e in there):
        return "reversed dyad"
    if any(e.source_country == gold.source or e.target_country == gold.target for e in there):
        return "one side wrong"
    return "wrong dyad"


@dataclass
class Rate:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hit += int(hit)

    def to_dict(self) -> dict[str, Any]:
        return {"hit": self.hit, "total": self.total, "rate": round(self.value, 3)}


@dataclass
class Verdict:
    """What became of one gold event."""

    gold: GoldEvent
    found: bool
    matched: list[int]  # indexes into the predicted events
    date_right: bool | None  # None when not found
    cause: str | None  # None when found

    def to_json(self, predicted: Sequence[Predicted]) -> dict[str, Any]:
        row = asdict(self.gold)
        row["date"] = self.gold.date.isoformat() if self.gold.date else None
        row.update(
            found=self.found,
            date_right=self.date_right,
            cause=self.cause,
            matched=[_predicted_json(predicted[i]) for i in self.matched],
        )
        return row


def _predicted_json(event: Predicted) -> dict[str, Any]:
    row = asdict(event)
    row["event_date"] = event.event_date.isoformat() if event.event_date else None
    return row


@dataclass
class Score:
    recall: Rate = field(default_factory=Rate)
    conflict: Rate = field(default_factory=Rate)
    cooperation: Rate = field(default_factory=Rate)
    background: Rate = field(default_factory=Rate)
    precision: Rate = field(default_factory=Rate)
    dates: Rate = field(default_factory=Rate)
    per_root: dict[str, Rate] = field(default_factory=dict)
    causes: Counter[str] = field(default_factory=Counter)
    silent_articles: list[str] = field(default_factory=list)
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_events": self.recall.total,
            "predicted_events": self.precision.total,
            "recall": self.recall.to_dict(),
            "conflict_recall": self.conflict.to_dict(),
            "cooperation_recall": self.cooperation.to_dict(),
            "background_recall": self.background.to_dict(),
            "precision": self.precision.to_dict(),
            "date_accuracy": self.dates.to_dict(),
            "per_root": {k: v.to_dict() for k, v in sorted(self.per_root.items())},
            "misses": {c: self.causes[c] for c in MISS_CAUSES if self.causes[c]},
            "silent_articles": self.silent_articles,
        }


def score(
    gold: Sequence[GoldEvent],
    predicted: Sequence[Predicted],
    *,
    sentences: Mapping[str, Sequence[str]],
    published: Mapping[str, dt.date | None],
) -> tuple[Score, list[Verdict]]:
    """Recall, precision, dates and miss causes; `sentences` and `published` are per article."""
    result = Score(articles=len(published))
    found_by = matches_of(gold, predicted)
    by_article: dict[str, list[Predicted]] = {}
    for event in predicted:
        by_article.setdefault(event.article, []).append(event)
    gold_articles = {g.article for g in gold}
    result.silent_articles = sorted(a for a in gold_articles if not by_article.get(a))
    verdicts = []
    for event, found in zip(gold, found_by, strict=True):
        hit = bool(found)
        result.recall.add(hit)
        (result.conflict if event.conflict else result.cooperation).add(hit)
        if event.background:
            result.background.add(hit)
        result.per_root.setdefault(event.root, Rate()).add(hit)
        right: bool | None = None
        cause: str | None = None
        if hit:
            when = published.get(event.article)
            right = all(date_right(event, predicted[i].event_date, when) for i in found)
            result.dates.add(right)
        else:
            cause = miss_cause(
                event, by_article.get(event.article, ()), sentences.get(event.article, ())
            )
            result.causes[cause] += 1
        verdicts.append(Verdict(event, hit, found, right, cause))
    matched = {i for found in found_by for i in found}
    for i in range(len(predicted)):
        result.precision.add(i in matched)
    return result, verdicts
