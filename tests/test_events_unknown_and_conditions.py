"""Agents of unknown country ("---REB"): coded as a party to an event beside an actor of
known country, never on their own; domestic groups take the country they act against;
a phrase that places the agent in or from one state gives it that state. Threats aimed at
the subject of their condition. Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Gunmen": "---UAF",
    "Strikers": "---LAB",
    "Officials": "---GOV",
    "dissidents": "---OPP",
    "Rebels": "---REB",
    "Tanzanian soldiers": "TZAMIL",
    "Tanzanian government": "TZAGOV",
    "Chile": "CHL",
    "Zambia": "ZMB",
    "police": "---COP",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c in coded_with_table(nlp, coder, text, ACTORS)}


def test_unknown_country_agent_is_a_party_beside_a_known_actor(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Gunmen ambushed Tanzanian soldiers on Monday.") == {
        ("---UAF", "TZAMIL", "19")
    }


def test_unknown_country_agents_alone_are_not_coded(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Rebels ambushed the police on Monday.") == set()


def test_domestic_group_takes_the_country_it_protests_against(
    nlp: Language, coder: EventCoder
) -> None:
    coded = code(nlp, coder, "Strikers protested against the Tanzanian government on Friday.")
    assert coded == {("TZALAB", "TZAGOV", "14")}
    # officials and forces often act abroad: their country stays unknown
    coded = code(nlp, coder, "Officials criticized the Tanzanian government on Friday.")
    assert coded == {("---GOV", "TZAGOV", "11")}


def test_agent_placed_by_its_phrase(nlp: Language, coder: EventCoder) -> None:
    text = "Chile hosted talks with exiled dissidents from war-torn Zambia."
    assert ("CHL", "ZMBOPP", "04") in code(nlp, coder, text)


THREAT_ACTORS = {"Peru": "PER", "Chile": "CHL", "Norway": "NOR", "Kenya": "KEN"}


def code_threat(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, THREAT_ACTORS)


def test_threat_aimed_at_the_subject_of_its_condition(nlp: Language, coder: EventCoder) -> None:
    coded = code_threat(nlp, coder, "Peru will halt the negotiations if Chile insists on quotas.")
    assert coded == [("PER", "CHL", "134")]


def test_threat_verb_defers_to_the_threatened_act(nlp: Language, coder: EventCoder) -> None:
    text = "Norway threatened to halt the negotiations unless Kenya frees the prisoners."
    # one event, the threatened act's (134), not a second bare threat (130)
    assert code_threat(nlp, coder, text) == [("NOR", "KEN", "134")]


def test_conditional_promise_of_protest_is_a_threat(nlp: Language, coder: EventCoder) -> None:
    # the condition itself is not an event; the promised protest is a threat aimed at it
    coded = code_threat(nlp, coder, "If Chile closes the border, Peru will protest.")
    assert coded == [("PER", "CHL", "133")]


ASKED_ACTORS = {"Peru": "PER", "Chile": "CHL", "Norway": "NOR", "Kenya": "KEN", "he": "NORGOV"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pressed to help: the help is asked for, not given
        ("Peru was pressured by Norway to help Chile.", [("NOR", "PER", "170")]),
        ("Norway gave Peru permission to help Chile.", []),
    ],
)
def test_infinitive_asked_for_by_another_is_not_an_act(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    coded = coded_with_table(nlp, coder, text, ASKED_ACTORS)
    assert not any(code[:2] == "07" for _, _, code in coded)
    assert [e for e in coded if e[2][:2] != "08"] == expected


def test_purpose_infinitive_is_still_an_act(nlp: Language, coder: EventCoder) -> None:
    coded = coded_with_table(nlp, coder, "Kenya sent troops to help Chile.", ASKED_ACTORS)
    assert ("KEN", "CHL", "070") in coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared view: 030 each way
        (
            "Peru and Chile agreed on Monday that the quotas should be cut.",
            [("PER", "CHL", "030"), ("CHL", "PER", "030")],
        ),
        # one party alone shares a view with nobody
        ("Peru agreed on Monday that the quotas should be cut.", []),
    ],
)
def test_agreeing_that_is_a_shared_view(
    nlp: Language, coder: EventCoder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    coded = coded_with_table(nlp, coder, text, THREAT_ACTORS)
    assert [e for e in coded if e[2] == "030"] == expected
