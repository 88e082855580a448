"""Shared fixtures: the real spaCy pipeline, the event coder and the built-in actor resolver
(each loaded once), spaCy's pipeline as it ships (the reference for tripolar's stand-in
components) and an in-memory store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from tripolar.actors import ActorDictionary, ActorResolver
from tripolar.events import Codebook, EventCoder
from tripolar.nlp import MODEL_NAME, load_pipeline
from tripolar.pipeline import Pipeline
from tripolar.store import Store


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def reference() -> Language:
    """The pipeline as spaCy ships it: its own attribute ruler, lemmatizer and BLIS."""
    return spacy.load(MODEL_NAME, exclude=["ner"])


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    """The built-in codebook and patterns; the coder keeps no state between documents."""
    return EventCoder(Codebook.load())


@pytest.fixture(scope="session")
def resolver(nlp: Language) -> ActorResolver:
    """The built-in actor dictionary; resolving keeps no state between documents."""
    return ActorResolver(ActorDictionary.builtin(), nlp)


@pytest.fixture(scope="session")
def coding_pipeline() -> Pipeline:
    """The whole coding pipeline as ingest runs it (pre-filter on)."""
    return Pipeline()


@pytest.fixture
def store() -> Iterator[Store]:
    db = Store.open(":memory:")
    yield db
    db.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo corpus ingested once per session (read it; copy it to change it)."""
    from tripolar.demo import corpus_path
    from tripolar.workflow import ingest

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(path) as db:
        ingest([corpus_path()], store=db)
    return path
