"""Navy ships named by their prefix ("USS ...", "HMS ...", "BRP ...") are their state's
military; a prefix with no name after it, or a word that only looks like one, is no ship.
Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.actors import ActorResolver

ON = dt.date(2021, 6, 23)


def ships(resolver: ActorResolver, nlp: Language, text: str) -> list[tuple[str, tuple[str, ...]]]:
    found = resolver.find_mentions(nlp(text), ON)
    return [(m.text, m.codes) for m in found if m.entry.startswith("ship ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The destroyer USS Halsey Reed sailed past the strait.", ("USS Halsey Reed", "USAMIL")),
        ("HMS Dauntless Star left Portsmouth on Monday.", ("HMS Dauntless Star", "GBRMIL")),
        ("Boats circled the BRP Mabini near the reef.", ("BRP Mabini", "PHLMIL")),
    ],
)
def test_ship_names_are_their_navy(
    resolver: ActorResolver, nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert ships(resolver, nlp, text) == [(expected[0], (expected[1],))]


def test_ship_prefix_without_a_name_is_no_ship(resolver: ActorResolver, nlp: Language) -> None:
    assert ships(resolver, nlp, "The USS was not named in the report.") == []
    assert ships(resolver, nlp, "Officials from INS Kolkata spoke.") == []  # India or Israel
