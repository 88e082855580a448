"""tripolar: evidence-backed political event data from news and commentary.

    >>> import tripolar
    >>> db = tripolar.open("tripolar.duckdb")
    >>> db.events(dyad="CHN-RUS")

Heavy parts (spaCy) load only when first used.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from tripolar.config import Config
from tripolar.errors import TripolarError
from tripolar.model import CodedDocument, Document, Event, Failure, Mention, Sentence

__version__ = _version("tripolar")  # single source: pyproject.toml

if TYPE_CHECKING:
    from tripolar.api import Database, open

_LAZY = {  # loaded when first used: pandas for the API, spaCy for the pipeline
    "Database": "tripolar.api",
    "open": "tripolar.api",
    "Pipeline": "tripolar.pipeline",
    "Store": "tripolar.store",
    "ingest": "tripolar.workflow",
    "IngestSummary": "tripolar.workflow",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'tripolar' has no attribute {name!r}")


__all__ = [
    "CodedDocument",
    "Config",
    "Database",
    "Document",
    "Event",
    "Failure",
    "IngestSummary",
    "Mention",
    "Pipeline",
    "Sentence",
    "Store",
    "TripolarError",
    "__version__",
    "ingest",
    "open",
]
