"""The bundled demo corpus: short reports on China, Russia, the United States and North Korea.

The articles (2014-2022) are written for tripolar and come as plain text, JSON Lines and
scraped HTML pages, so that a first run exercises every reader. ``docs/demo-corpus.md`` lists
each file with the events it reports.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["corpus_path"]


def corpus_path() -> Path:
    """Return the folder that holds the demo articles inside the installed package."""
    # The package is installed as plain files (wheel or editable), never zipped, so the
    # resource folder is a real directory that readers can walk.
    return Path(str(files(__name__).joinpath("corpus")))
