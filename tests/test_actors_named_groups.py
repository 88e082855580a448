"""Named actors: armed groups and movements (PKK, the Tamil Tigers, UNITA, the Muslim
Brotherhood), firms of the technology and arms disputes; forces moved "from" a place are not
its forces; names that are also words match only in capitals; leaders of an organisation
are not the paragraph's state. Own sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import mention_codes
from tripolar.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "on", "name", "codes"),
    [
        # armed groups and movements
        pytest.param("The PKK ambushed a convoy.", None, "PKK", ("TURREBPKK",), id="pkk"),
        pytest.param(
            "Tamil Tiger rebels shelled the port.",
            None,
            "Tamil Tiger rebels",
            ("LKAREBLTT",),
            id="ltte",
        ),
        pytest.param("UNITA fighters left the town.", None, "UNITA", ("AGOREBUNT",), id="unita"),
        pytest.param(
            "The Muslim Brotherhood called a rally.",
            None,
            "Muslim Brotherhood",
            ("EGYPTYMBR",),
            id="brotherhood",
        ),
        # firms of the technology and arms disputes
        pytest.param(
            "Beijing sanctioned Lockheed Martin.",
            None,
            "Lockheed Martin",
            ("USABUS",),
            id="lockheed",
        ),
        pytest.param("Washington blacklisted SMIC.", None, "SMIC", ("CHNBUS",), id="smic"),
        # forces moved "from" a place are not its forces; unmoved, "from" says whose they are
        pytest.param(
            "The United States withdrew its forces from Syria.",
            None,
            "forces",
            ("USAMIL",),
            id="withdrew-forces-from",
        ),
        pytest.param(
            "Japan began the evacuation of troops from Iraq.",
            None,
            "troops",
            ("JPNMIL",),
            id="evacuation-of-troops-from",
        ),
        pytest.param(
            "Troops from Chad arrived in Mali.",
            None,
            "Troops from Chad",
            ("TCDMIL",),
            id="troops-from",
        ),
    ],
)
def test_named_groups_firms_and_moved_forces_resolve(
    nlp: Language,
    resolver: ActorResolver,
    text: str,
    on: dt.date | None,
    name: str,
    codes: tuple[str, ...],
) -> None:
    found = {m.text: m.codes for m in resolver.find_mentions(nlp(text), on)}
    assert found[name] == codes


@pytest.mark.parametrize(
    ("text", "word"),
    [("Peru said milf was a rude word.", "milf"), ("US intel says Peru is arming.", "intel")],
)
def test_names_that_are_also_words_match_only_in_capitals(
    nlp: Language, resolver: ActorResolver, text: str, word: str
) -> None:
    names = mention_codes(nlp, resolver, text)
    assert not [name for name in names if word in name.lower().split()], names


def test_leaders_of_an_organisation_are_not_the_paragraphs_state(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Qatar said it would expel leaders of the Muslim Brotherhood."
    found = mention_codes(nlp, resolver, text)
    assert found["leaders"] == ("---GOV",)  # not QATGOV: they lead the Brotherhood
    assert found["Muslim Brotherhood"] == ("EGYPTYMBR",)
