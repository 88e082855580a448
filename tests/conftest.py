"""Shared fixtures: the real spaCy pipeline and the event coder (each loaded once) and an
in-memory store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from tripolar.events import Codebook, EventCoder
from tripolar.nlp import load_pipeline
from tripolar.store import Store


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    """The built-in codebook and patterns; the coder keeps no state between documents."""
    return EventCoder(Codebook.load())


@pytest.fixture
def store() -> Iterator[Store]:
    db = Store.open(":memory:")
    yield db
    db.close()
