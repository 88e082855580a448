"""Helpers shared by the event-coder tests: actor mentions placed from a phrase table, so a
rule's test does not depend on the actors stage; and the codes the real resolver gives."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.events import EventCoder
from tripolar.model import Mention
from tripolar.pipeline import Pipeline


def mentions_from_table(text: str, actors: dict[str, str]) -> list[Mention]:
    """Every occurrence of a phrase of ``actors`` (longest first, no overlaps) as a Mention."""
    found: list[Mention] = []
    taken: set[int] = set()
    for phrase in sorted(actors, key=len, reverse=True):
        start = 0
        while (i := text.find(phrase, start)) >= 0:
            start = i + len(phrase)
            span = set(range(i, start))
            if span & taken:
                continue
            taken |= span
            found.append(Mention(i, start, phrase, (actors[phrase],)))
    return sorted(found, key=lambda m: m.start)


def coded_with_table(
    nlp: Language, coder: EventCoder, text: str, actors: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(source, target, code) of every event coded in ``text`` with mentions from ``actors``."""
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, actors), doc_id="t", published=None
    )
    return [(e.source, e.target, e.code) for e in events]


# The actors the case tables of the event tests are written with: invented sentences about
# Norway, Chile and Peru, so that no sentence of an evaluation set can slip in.
NORDIC = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Peru": "PER",
    "Oslo": "NORGOV",
    "Chilean": "CHL",
    "Norwegian": "NOR",
    "Norwegian troops": "NORMIL",
    "Norwegian warship": "NORMIL",
    "Norwegian jets": "NORMIL",
    "Chilean bombers": "CHLMIL",
}


def coded_set(
    nlp: Language, coder: EventCoder, text: str, actors: dict[str, str] = NORDIC
) -> set[tuple[str, str, str]]:
    """The distinct (source, target, code) triples coded in ``text``."""
    return set(coded_with_table(nlp, coder, text, actors))


def coded_dates(
    nlp: Language,
    coder: EventCoder,
    text: str,
    published: dt.date,
    actors: dict[str, str] = NORDIC,
) -> dict[tuple[str, str, str], dt.date]:
    """(source, target, code) -> the event's date, for a text published on ``published``."""
    events = coder.code_doc(
        nlp(text), mentions_from_table(text, actors), doc_id="t", published=published
    )
    return {(e.source, e.target, e.code): e.event_date for e in events if e.event_date}


def mention_codes(nlp: Language, resolver: ActorResolver, text: str) -> dict[str, tuple[str, ...]]:
    """Mention text -> codes, as the built-in resolver finds them in ``text``."""
    return {m.text: m.codes for m in resolver.find_mentions(nlp(text))}


def pipeline_triples(pipeline: Pipeline, text: str, on: dt.date) -> set[tuple[str, str, str]]:
    """(source, target, code) of the events the whole pipeline codes in ``text``."""
    return {(e.source, e.target, e.code) for e in pipeline.code_text(text, on).events}


def coded_with_resolver(
    nlp: Language, resolver: ActorResolver, coder: EventCoder, text: str
) -> set[tuple[str, str, str]]:
    """(source, target, code) of every event coded in ``text`` with the real resolver's
    mentions."""
    doc = nlp(text)
    mentions = resolver.find_mentions(doc, None)
    events = coder.code_doc(doc, mentions, doc_id="t", published=None)
    return {(e.source, e.target, e.code) for e in events}


def case(text: str, *events: tuple[str, str, str], id: str) -> object:
    """A parametrized case: a sentence and the events it codes, with a readable id."""
    return pytest.param(text, list(events), id=id)
