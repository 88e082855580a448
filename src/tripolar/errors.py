"""The exception tree of tripolar.

The library raises; only the CLI turns exceptions into messages and exit codes.
Every message starts with a stable code (``[E012]``) so users can search for it.

    TripolarError
    ├── ConfigError               bad option values, unreadable dictionary files
    │   ├── DictionaryError       a TABARI/PETRARCH or built-in dictionary line is malformed
    │   └── UnknownActorError     an actor argument (code, name) that the dictionary lacks
    │   └── LocalClusterError     local Dask workers could not start (no loopback network)
    ├── IngestError               a file or record could not be read (.path, .line)
    │   ├── UnsupportedFormatError
    │   ├── RecordError           one record of a JSONL/CSV/feed file (.line)
    │   └── FetchError            a URL could not be fetched (.path is the URL)
    ├── IngestInterrupted         Ctrl-C during an ingest (.summary: what was stored)
    ├── ModelError                the spaCy pipeline is not installed or cannot load
    ├── CodingError               the event coder met an impossible state
    │   └── UnknownEventCode      a CAMEO code that is not in the codebook
    ├── StoreError                the DuckDB file cannot be opened, written or migrated
    │   ├── StoreLockedError      another process is writing the file
    │   ├── DatabaseNotFoundError the file to read does not exist (nothing is created)
    │   ├── SchemaVersionError    the file was written by a newer tripolar
    │   ├── StoreFullError        the disk (or quota, or file size limit) is full
    │   └── StoreCorruptError     the file is damaged (`tripolar check` tells where)
    └── AnalyticsError            an analytic was asked for something it cannot compute
"""

from __future__ import annotations


class TripolarError(Exception):
    """Base class of every error tripolar raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(TripolarError):
    code = "E001"


class DictionaryError(ConfigError):
    code = "E002"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = f"{path} line {line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)
        self.path = path
        self.line = line


class UnknownActorError(ConfigError):
    """An actor given by a user (``--dyad``, ``--actors``, ``db.events(dyad=...)``) that is no
    known code, name or demonym; the message suggests the nearest ones."""

    code = "E003"


class LocalClusterError(ConfigError):
    """Local Dask workers could not start (for example, no loopback network)."""

    code = "E004"


class IngestError(TripolarError):
    code = "E010"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path} line {line}: " if line is not None else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.line = line
        self.reason = message


class UnsupportedFormatError(IngestError):
    code = "E011"


class RecordError(IngestError):
    code = "E012"


class IngestInterrupted(TripolarError):
    """The user stopped an ingest; `summary` (an IngestSummary) says what was stored."""

    code = "E015"

    def __init__(self, message: str, *, summary: object) -> None:
        super().__init__(message)
        self.summary = summary


class FetchError(IngestError):
    code = "E013"


class ModelError(TripolarError):
    code = "E020"


class CodingError(TripolarError):
    code = "E030"


class UnknownEventCode(CodingError):
    code = "E031"


class StoreError(TripolarError):
    code = "E040"


class StoreLockedError(StoreError):
    code = "E041"


class DatabaseNotFoundError(StoreError):
    """A database to read (or open without ``create=True``) does not exist; ``.path``."""

    code = "E043"

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class SchemaVersionError(StoreError):
    code = "E042"


class StoreFullError(StoreError):
    code = "E045"


class StoreCorruptError(StoreError):
    code = "E046"


class AnalyticsError(TripolarError):
    code = "E050"
