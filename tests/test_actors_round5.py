"""Small actor data additions of issue 3, round 5: presidents of Lebanon. Own sentences."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tripolar.actors import ActorResolver


def codes(
    resolver: ActorResolver, nlp: Language, text: str, when: dt.date | None
) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in resolver.find_mentions(nlp(text), when)}


def test_resolver_lebanese_president_in_office(resolver: ActorResolver, nlp: Language) -> None:
    found = codes(resolver, nlp, "Michel Sleiman spoke in Paris.", dt.date(2010, 3, 1))
    assert found["Michel Sleiman"] == ("LBNGOV",)


def test_resolver_lebanese_president_out_of_office(resolver: ActorResolver, nlp: Language) -> None:
    found = codes(resolver, nlp, "Michel Aoun spoke in Paris.", dt.date(2012, 3, 1))
    assert found["Michel Aoun"] != ("LBNGOV",)
