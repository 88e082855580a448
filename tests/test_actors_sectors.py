"""Round 3 of actor coverage: NGOs, international courts and bodies, sector agents
(judiciary, police, students, workers, farmers, NGOs), ethnic groups, "X-backed" groups,
lower-case leaders and more heads of state. Own sentences only."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.actors import (
    ActorDictionary,
    ActorResolver,
    AgentEntry,
    Pattern,
    attach_agent,
    country_root,
)
from tripolar.model import Mention

D = dt.date
DAY = D(2024, 6, 1)


def found(
    resolver: ActorResolver, nlp: Language, text: str, on: dt.date | None = DAY
) -> list[Mention]:
    mentions = resolver.find_mentions(nlp(text), on)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return mentions


def codes(
    resolver: ActorResolver, nlp: Language, text: str, on: dt.date | None = DAY
) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in found(resolver, nlp, text, on)}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Amnesty International criticised Peru over prison deaths.",
            "Amnesty International",
            "NGOHRIAMN",
        ),
        ("Amnesty said the trial in Laos was unfair.", "Amnesty", "NGOHRIAMN"),
        ("Human Rights Watch published a report on Chad.", "Human Rights Watch", "NGOHRIHRW"),
        ("Red Cross officials visited detainees in Mali.", "Red Cross officials", "NGOHLHIRC"),
        ("The ICRC asked both armies for access.", "ICRC", "NGOHLHIRC"),
        (
            "Doctors Without Borders closed a clinic in Haiti.",
            "Doctors Without Borders",
            "NGOHLHMSF",
        ),
        ("Greenpeace activists climbed the tower.", "Greenpeace activists", "NGOENVGRP"),
        ("Transparency International ranked Finland high.", "Transparency International", "NGOTRI"),
        ("The UN human rights office urged restraint.", "UN human rights office", "IGOUNOHRI"),
        ("The U.N. nuclear watchdog sent inspectors.", "U.N. nuclear watchdog", "IGOUNOIAE"),
        ("The Strasbourg court ruled against Malta.", "Strasbourg court", "IGOEURCOE"),
        ("The ICC issued a warrant on Tuesday.", "ICC", "IGOJUDICC"),
    ],
)
def test_resolver_named_ngos_and_bodies(
    resolver: ActorResolver, nlp: Language, text: str, span: str, expected: str
) -> None:
    assert codes(resolver, nlp, text)[span] == (expected,)


def test_resolver_amnesty_the_word_is_not_the_organisation(
    resolver: ActorResolver, nlp: Language
) -> None:
    mentions = found(resolver, nlp, "Parliament passed an amnesty for deserters.")
    assert [m.codes for m in mentions] == [("---LEG",)]  # the word "amnesty" is no actor


def test_resolver_bare_ngo_agent_keeps_no_country(resolver: ActorResolver, nlp: Language) -> None:
    text = "Bolivia held elections. A human rights group said the count was flawed."
    assert codes(resolver, nlp, text)["human rights group"] == ("NGO",)
    assert codes(resolver, nlp, "Danish aid agencies sent food.")["Danish aid agencies"] == (
        "DNKNGO",
    )


def test_dictionary_non_state_codes_have_no_country() -> None:
    assert country_root("NGOHRIAMN") is None
    assert country_root("IMGMUSISI") is None
    assert country_root("NGO") is None
    assert attach_agent("NGOHLHIRC", "GOV") == "NGOHLHIRC"
    assert country_root("KENLAB") == "KEN"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Kenyan students marched on Friday.", "Kenyan students", "KENEDU"),
        ("Polish workers went on strike.", "Polish workers", "POLLAB"),
        ("Irish farmers blocked the port.", "Irish farmers", "IRLAGR"),
        ("Nepali doctors treated the injured.", "Nepali doctors", "NPLHLH"),
        ("Syrian refugees crossed the border.", "Syrian refugees", "SYRREF"),
        ("Coptic clerics and Egyptian bishops met.", "Egyptian bishops", "EGYREL"),
        ("Security forces in Togo fired tear gas.", "Security forces in Togo", "TGOCOP"),
        ("Members of parliament in Malawi voted.", "Members of parliament in Malawi", "MWILEG"),
        ("A Bolivian magistrate froze the accounts.", "Bolivian magistrate", "BOLJUD"),
        ("A Senate committee in Chile opened hearings.", "Senate committee in Chile", "CHLLEG"),
        ("Gunmen in Niger attacked a convoy.", "Gunmen in Niger", "NERUAF"),
        ("Rebels in eastern Chad seized a town.", "Rebels in eastern Chad", "TCDREB"),
    ],
)
def test_resolver_sector_agents(
    resolver: ActorResolver, nlp: Language, text: str, span: str, expected: str
) -> None:
    assert codes(resolver, nlp, text)[span] == (expected,)


def test_resolver_ethnic_group_lives_in_its_country(resolver: ActorResolver, nlp: Language) -> None:
    text = "Ethnic Hungarians in northern Serbia asked for schools."
    assert codes(resolver, nlp, text) == {"Ethnic Hungarians in northern Serbia": ("SRBCVL",)}
    # the noun after the ethnic adjective decides; the ethnicity gives no country
    text = "Ethnic Somali militants in Kenya attacked a bus."
    assert codes(resolver, nlp, text) == {"militants in Kenya": ("KENREB",)}


def test_resolver_backer_is_not_the_groups_country(resolver: ActorResolver, nlp: Language) -> None:
    text = "Iran-backed militias in eastern Syria fired rockets."
    assert codes(resolver, nlp, text) == {"militias in eastern Syria": ("SYRREB",)}
    assert codes(resolver, nlp, "Russian-backed separatists shelled a village.") == {
        "separatists": ("---REB",)
    }


@pytest.mark.parametrize(
    ("text", "on", "span", "expected"),
    [
        ("president bouteflika met the envoy.", D(2005, 3, 1), "president bouteflika", "DZAGOV"),
        ("nelson mandela visited Lagos.", D(1996, 1, 1), "nelson mandela", "ZAFGOV"),
        ("Foreign Minister lavrov spoke.", D(2015, 1, 1), "Foreign Minister lavrov", "RUSGOV"),
        ("President Mugabe ignored the critics.", D(2001, 1, 1), "President Mugabe", "ZWEGOV"),
        ("Mugabe gave an interview.", D(2019, 1, 1), "Mugabe", "ZWEELI"),
        ("Raul Castro received the envoy.", D(2012, 1, 1), "Raul Castro", "CUBGOV"),
        ("Gaddafi addressed the crowd.", D(2009, 1, 1), "Gaddafi", "LBYGOV"),
    ],
)
def test_resolver_leaders_any_case_and_by_date(
    resolver: ActorResolver, nlp: Language, text: str, on: dt.date, span: str, expected: str
) -> None:
    assert codes(resolver, nlp, text, on)[span] == (expected,)


def test_resolver_one_word_names_stay_case_sensitive(
    resolver: ActorResolver, nlp: Language
) -> None:
    assert found(resolver, nlp, "They planted rice and kohl grew nearby.", D(1990, 1, 1)) == []


def test_dictionary_user_agent_replaces_builtin_organisation(nlp: Language) -> None:
    user = ActorDictionary(
        agents=[AgentEntry("u:msf", (Pattern("MSF"),), "NGO", prefix=True)],
        petrarch_conventions=True,
    )
    merged = ActorDictionary.builtin().merged(user)
    assert merged.lookup("MSF") == []
    assert ActorDictionary.builtin().lookup("MSF")  # the built-in one is unchanged
    resolver = ActorResolver(merged, nlp)
    result = {m.text: m.codes for m in resolver.find_mentions(nlp("MSF Peru staff left."))}
    assert result == {"MSF Peru": ("NGOPER",)}
