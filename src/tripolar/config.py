"""One explicit configuration object, passed down; no module globals are filled at import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tripolar.errors import ConfigError
from tripolar.nlp.pipeline import MODEL_NAME

DEFAULT_DB = Path("tripolar.duckdb")
DB_ENV = "TRIPOLAR_DB"  # the database commands use when --db is not given


def parse_date(value: str | dt.date | None, *, what: str = "date") -> dt.date | None:
    """An ISO date (YYYY-MM-DD) given by a user; ``what`` names the option in the message."""
    if isinstance(value, dt.date):
        return value
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(
            f"{what} {value!r} is not a date ({exc}) - write it as YYYY-MM-DD, e.g. 2019-01-31"
        ) from None


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and how far URLs are fetched (tripolar.ingest.fetch); the CLI sets
    the first four and ``max_bytes``."""

    connections: int = 8  # requests at once, all hosts together
    per_host: int = 2  # requests at once to one host
    rate: float = 1.0  # request starts a second to one host; 0 = no limit
    allow_private: bool = False  # allow loopback and private addresses (local servers)
    timeout: float = 30.0  # seconds for the connection, each read, and the whole answer
    retries: int = 3  # more tries after a 429 or 5xx answer
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    max_retry_wait: float = 300.0  # a longer Retry-After gives up instead of waiting
    max_bytes: int = 10_000_000  # larger answers are refused
    max_redirects: int = 10


@dataclass(frozen=True, slots=True)
class Config:
    model: str = MODEL_NAME
    actor_files: tuple[
        Path, ...
    ] = ()  # TABARI/PETRARCH actor dictionaries merged over the built-in one
    agent_files: tuple[Path, ...] = ()  # TABARI/PETRARCH agent dictionaries
    verb_files: tuple[Path, ...] = ()  # PETRARCH/TABARI verb dictionaries (--verbs)
    verbs_mode: str = "merge"  # merge: dictionary patterns first, then built-in; replace
    discard_files: tuple[Path, ...] = ()  # PETRARCH discard lists (--discards)
    default_date: dt.date | None = None  # --date: publication date when a document has none
    batch_size: int = 96  # documents per spaCy batch (and per task on Dask workers)
    # Documents per store transaction, at most; a transaction costs a few milliseconds
    # however small, so writes are gathered into larger ones than the coding batches
    # (at most a second's worth: see tripolar.workflow).
    store_batch: int = 256
    max_bytes: int = 50_000_000  # larger single-document files are refused (--max-bytes raises it)
    fetch: FetchOptions = FetchOptions()  # politeness and limits for URLs (ingest URL, watch)
