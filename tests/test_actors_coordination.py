"""Coordination, compounds, non-actor states and plural references (own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.model import Mention

D = dt.date


def found(resolver: ActorResolver, nlp: Language, text: str) -> list[Mention]:
    mentions = resolver.find_mentions(nlp(text), D(2024, 6, 1))
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return mentions


def codes(resolver: ActorResolver, nlp: Language, text: str) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in found(resolver, nlp, text)}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Brazilian and Mexican diplomats drafted a joint note.",
            "Brazilian and Mexican diplomats",
            ("BRAGOV", "MEXGOV"),
        ),
        (
            "Polish, Czech and Slovak troops took part in the exercise.",
            "Polish, Czech and Slovak troops",
            ("POLMIL", "CZEMIL", "SVKMIL"),
        ),
        (
            "The envoys of Kenya, Ghana and Senegal left the hall early.",
            "envoys of Kenya, Ghana and Senegal",
            ("KENGOV", "GHAGOV", "SENGOV"),
        ),
        (
            "Legislators in Peru and Chile rejected the treaty.",
            "Legislators in Peru and Chile",
            ("PERLEG", "CHLLEG"),
        ),
        (
            "Senators and officials in Colombia welcomed the vote.",
            "Senators and officials in Colombia",
            ("COLLEG", "COLGOV"),
        ),
        ("Police from Austria joined the search.", "Police from Austria", ("AUTCOP",)),
    ],
)
def test_resolver_coordination_shares_the_agent(
    resolver: ActorResolver, nlp: Language, text: str, span: str, expected: tuple[str, ...]
) -> None:
    assert codes(resolver, nlp, text)[span] == expected


def test_resolver_subject_state_is_not_a_premodifier(
    resolver: ActorResolver, nlp: Language
) -> None:
    result = codes(resolver, nlp, "Norway and Swedish officials met in Oslo.")
    assert result["Norway"] == ("NOR",)
    assert result["Swedish officials"] == ("SWEGOV",)


def test_resolver_locative_in_does_not_override_own_country(
    resolver: ActorResolver, nlp: Language
) -> None:
    result = codes(resolver, nlp, "Turkish soldiers in Iraq came under fire.")
    assert result["Turkish soldiers"] == ("TURMIL",)
    assert result["Iraq"] == ("IRQ",)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The India - Japan partnership grew.", "India - Japan", ("IND", "JPN")),
        ("The India – Japan partnership grew.", "India – Japan", ("IND", "JPN")),
        ("The India/Japan partnership grew.", "India/Japan", ("IND", "JPN")),
        ("Tokyo-Delhi flights resumed.", "Tokyo-Delhi", ("JPNGOV", "INDGOV")),
        ("The Japan–India deal was signed.", "Japan–India", ("JPN", "IND")),
    ],
)
def test_resolver_compounds_with_spaces_dashes_and_slashes(
    resolver: ActorResolver, nlp: Language, text: str, span: str, expected: tuple[str, ...]
) -> None:
    mention = next(m for m in found(resolver, nlp, text) if m.text == span)
    assert (mention.codes, mention.kind) == (expected, "compound")


def test_resolver_parenthetical_dash_is_not_a_compound(
    resolver: ActorResolver, nlp: Language
) -> None:
    result = codes(resolver, nlp, "They blamed Chile - Peru denied it.")
    assert result == {"Chile": ("CHL",), "Peru": ("PER",)}


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Iran militias fired rockets at the base.",
        "Anti-Japan protesters gathered downtown.",
        "Ethnic Hungarians staged a rally.",
        "The loan was worth US $40 million.",
    ],
)
def test_resolver_stance_ethnic_and_currency_are_not_states(
    resolver: ActorResolver, nlp: Language, text: str
) -> None:
    # the group may be found, but only as an agent of unknown country ("---REB")
    assert [m.codes for m in found(resolver, nlp, text) if m.anchors] == []


def test_resolver_bare_agent_has_unknown_country(resolver: ActorResolver, nlp: Language) -> None:
    text = "Iran protested. Rebels shelled a base.\n\nGunmen opened fire on a bus."
    assert codes(resolver, nlp, text) == {
        "Iran": ("IRN",),
        "Rebels": ("IRNREB",),
        "Gunmen": ("---UAF",),
    }


def test_resolver_resident_agent_in_a_capital(resolver: ActorResolver, nlp: Language) -> None:
    assert codes(resolver, nlp, "Protesters in Nairobi marched.") == {
        "Protesters in Nairobi": ("KENCVL",)
    }
    # officials in a capital may be foreign: the capital stays the government it names
    assert codes(resolver, nlp, "Diplomats in Nairobi met.") == {
        "Diplomats": ("---GOV",),
        "Nairobi": ("KENGOV",),
    }


def test_resolver_they_after_coordinated_states(resolver: ActorResolver, nlp: Language) -> None:
    text = "Egypt and Jordan held talks on Sunday. They agreed to open a crossing."
    refs = [(m.text, m.codes) for m in found(resolver, nlp, text) if m.kind == "reference"]
    assert refs == [("They", ("EGY", "JOR"))]


def test_resolver_they_after_plural_agent(resolver: ActorResolver, nlp: Language) -> None:
    text = "Kenyan officials arrived late. They signed the accord."
    refs = [(m.text, m.codes) for m in found(resolver, nlp, text) if m.kind == "reference"]
    assert refs == [("They", ("KENGOV",))]


def test_resolver_they_stays_unresolved_after_a_single_state(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Chile protested. They said nothing more."
    assert [m for m in found(resolver, nlp, text) if m.kind == "reference"] == []


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The two sides agreed to talk again.", ("VNM", "PHL")),
        ("Both governments issued statements.", ("VNMGOV", "PHLGOV")),
        ("The two foreign ministers will meet.", ("VNMGOV", "PHLGOV")),
        ("The two militaries held a hotline call.", ("VNMMIL", "PHLMIL")),
        ("Both capitals played it down.", ("VNMGOV", "PHLGOV")),
    ],
)
def test_resolver_group_reference_variants(
    resolver: ActorResolver, nlp: Language, second: str, expected: tuple[str, ...]
) -> None:
    text = "Vietnam and the Philippines argued over a reef. " + second
    refs = [m.codes for m in found(resolver, nlp, text) if m.kind == "reference"]
    assert refs == [expected]


def test_resolver_two_capitals_named_as_capitals(resolver: ActorResolver, nlp: Language) -> None:
    text = "Hanoi and Manila traded protests. The two capitals later calmed down."
    refs = [m.codes for m in found(resolver, nlp, text) if m.kind == "reference"]
    assert refs == [("VNMGOV", "PHLGOV")]
