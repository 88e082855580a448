"""Leaders by term of office: a person is coded as government while in office and not after
(Cold War leaders, presidents of Lebanon); the Soviet Union is coded as Russia. Own
sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "on", "name", "codes"),
    [
        # Cold War leaders by term, and the Soviet Union as RUS
        pytest.param(
            "Reagan phoned Kohl on Friday.",
            dt.date(1986, 5, 2),
            "Reagan",
            ("USAGOV",),
            id="reagan-in-office",
        ),
        pytest.param(
            "Reagan phoned Kohl on Friday.",
            dt.date(1990, 5, 2),
            "Reagan",
            ("USAELI",),
            id="reagan-after-office",
        ),
        pytest.param(
            "Gorbachev wrote to Thatcher.",
            dt.date(1988, 3, 1),
            "Gorbachev",
            ("RUSGOV",),
            id="gorbachev",
        ),
        pytest.param(
            "Soviet troops left the city.",
            dt.date(1988, 3, 1),
            "Soviet troops",
            ("RUSMIL",),
            id="soviet-troops",
        ),
        pytest.param("The USSR protested.", None, "USSR", ("RUS",), id="ussr"),
    ],
)
def test_cold_war_leaders_and_the_soviet_union_resolve(
    nlp: Language,
    resolver: ActorResolver,
    text: str,
    on: dt.date | None,
    name: str,
    codes: tuple[str, ...],
) -> None:
    found = {m.text: m.codes for m in resolver.find_mentions(nlp(text), on)}
    assert found[name] == codes


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
