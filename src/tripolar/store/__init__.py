"""Storage: one DuckDB file holding documents, sentences, events and failures."""

from tripolar.store.schema import SCHEMA_VERSION
from tripolar.store.store import Store

__all__ = ["SCHEMA_VERSION", "Store"]
