"""Event data of other projects in, tripolar's events out.

``import_events`` reads GDELT 1.0/2.0, ICEWS, POLECAT (PLOVER) and Phoenix/PETRARCH files
into the store as their own ``dataset``; ``write_events`` writes events as GDELT 2.0 or
PLOVER rows; ``export_store`` copies every table to Parquet or CSV files (DuckDB COPY) and
``import_store`` reads such a folder back. See docs/interchange.md.
"""

from tripolar.interchange.exporter import (
    EXPORT_FORMATS,
    export_store,
    import_store,
    write_events,
)
from tripolar.interchange.formats import FORMATS, Format, get_format
from tripolar.interchange.importer import ImportSummary, import_events

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "Format",
    "ImportSummary",
    "export_store",
    "get_format",
    "import_events",
    "import_store",
    "write_events",
]
