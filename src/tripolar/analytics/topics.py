"""Cooperation areas: tag events by a lexicon over their evidence sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from tripolar.analytics.evidence import annotate
from tripolar.analytics.series import EventSource
from tripolar.errors import AnalyticsError, ConfigError

TOPIC_LABELS: dict[str, str] = {
    "energy": "Energy",
    "arms_military": "Arms and military",
    "finance_investment": "Finance and investment",
    "trade": "Trade",
    "infrastructure_rail": "Infrastructure and rail",
    "aerospace": "Aerospace",
    "agriculture": "Agriculture",
    "nuclear_dprk": "Nuclear and DPRK",
    "sanctions": "Sanctions",
    "diplomacy": "Diplomacy",
    "other": "Other (no topic term)",
}

TOPIC_COLUMNS = ["event_id", "topic", "term"]
BREAKDOWN_COLUMNS = ["dyad", "topic", "n_events", "share", "goldstein_mean", "net_coop"]


@dataclass(frozen=True)
class Lexicon:
    """topic -> terms, and the regular expression (Python and RE2 compatible) per topic."""

    terms: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        """The built-in lexicon (analytics/data/topics.tsv) or a file of the same format."""
        if path is None:
            text = (
                resources.files("tripolar.analytics")
                .joinpath("data/topics.tsv")
                .read_text(encoding="utf-8")
            )
            where = "topics.tsv"
        else:
            text = Path(path).read_text(encoding="utf-8")
            where = str(path)
        terms: dict[str, list[str]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise ConfigError(f"{where} line {number}: expected 'topic<TAB>term', got {line!r}")
            terms.setdefault(parts[0].strip(), []).append(parts[1].strip().lower())
        return cls({topic: tuple(found) for topic, found in terms.items()})

    def pattern(self, topic: str) -> str:
        return "|".join(_term_regex(t) for t in sorted(self.terms[topic], key=len, reverse=True))


def _term_regex(term: str) -> str:
    wildcard = term.endswith("*")
    words = [re.escape(w) for w in term.rstrip("*").split()]
    body = r"[\s\-]+".join(words)
    return rf"\b{body}\w*" if wildcard else rf"\b{body}\b"


@cache
def _builtin() -> Lexicon:
    return Lexicon.load()


def topics(events: EventSource, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per (event, topic) whose lexicon matches the event's sentence.

    Events that match no topic do not appear. Columns: event_id, topic, term (the first
    matching term as written in the sentence, lower-cased). With a Store the matching runs
    in DuckDB (RE2) over the whole events table.
    """
    lex = lexicon or _builtin()
    if isinstance(events, pd.DataFrame):
        if "sentence" not in events.columns or "event_id" not in events.columns:
            raise AnalyticsError("events table needs the sentence and event_id columns")
        lower = events["sentence"].astype("str").str.lower()
        parts = []
        for topic in lex.terms:
            found = lower.str.extract(f"({lex.pattern(topic)})", expand=False)
            hit = found.notna()
            parts.append(
                pd.DataFrame(
                    {
                        "event_id": events.loc[hit, "event_id"].astype("str").to_numpy(),
                        "topic": topic,
                        "term": found[hit].to_numpy(),
                    }
                )
            )
        if not parts:
            return pd.DataFrame(columns=TOPIC_COLUMNS)
        out = pd.concat(parts, ignore_index=True)
        return out.sort_values(["event_id", "topic"], kind="stable").reset_index(drop=True)
    if hasattr(events, "sql"):
        selects = [
            f"SELECT event_id, '{topic}' AS topic, "
            f"regexp_extract(lower(sentence), ?, 1) AS term FROM current_events"
            for topic in lex.terms
            if re.fullmatch(r"\w+", topic)
        ]
        params = [f"({lex.pattern(topic)})" for topic in lex.terms if re.fullmatch(r"\w+", topic)]
        query = f"SELECT * FROM ({' UNION ALL '.join(selects)}) WHERE term <> '' ORDER BY ALL"
        return events.sql(query, params)[TOPIC_COLUMNS]
    raise AnalyticsError(f"expected an events DataFrame or a Store, got {type(events).__name__}")


def topic_breakdown(
    events: pd.DataFrame,
    *,
    actors: Sequence[str] | None = ("CHN", "RUS", "USA"),
    directed: bool = False,
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Events per dyad and topic (an event with two topics counts in both; none -> "other").

    Columns: dyad, topic, n_events, share (of the dyad's events), goldstein_mean, net_coop
    (cooperative minus conflictual Goldstein weight, as in ``relations``).
    """
    frame = annotate(events, freq="all", actors=actors, directed=directed)
    if frame.empty:
        return pd.DataFrame(columns=BREAKDOWN_COLUMNS)
    tags = topics(frame, lexicon=lexicon)
    merged = frame[["event_id", "dyad", "goldstein", "quad_class"]].merge(
        tags[["event_id", "topic"]], on="event_id", how="left"
    )
    merged["topic"] = merged["topic"].fillna("other")
    weight = merged["goldstein"].abs()
    merged["signed"] = weight.where(merged["quad_class"].isin([1, 2]), -weight)
    grouped = merged.groupby(["dyad", "topic"], sort=True).agg(
        n_events=("event_id", "nunique"),
        goldstein_mean=("goldstein", "mean"),
        net_coop=("signed", "sum"),
    )
    totals = frame.groupby("dyad")["event_id"].nunique()
    out = grouped.reset_index()
    out["share"] = out["n_events"] / out["dyad"].map(totals)
    return (
        out[BREAKDOWN_COLUMNS]
        .sort_values(["dyad", "n_events"], ascending=[True, False], kind="stable")
        .reset_index(drop=True)
    )
