"""Ingest stage: files, directories and standard input in; Documents (or Failures) out.

    from tripolar.ingest import read_paths
    for item in read_paths(["news/", "notes.jsonl"], default_date=None):
        ...  # tripolar.model.Document, or tripolar.model.Failure for what could not be read

Formats, accepted field names and the date rules are described in docs/ingest.md.
"""

from tripolar.ingest.identity import text_id
from tripolar.ingest.reader import read_file, read_paths

__all__ = ["read_file", "read_paths", "text_id"]
