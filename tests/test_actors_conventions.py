"""PETRARCH conventions with user dictionaries, and built-in data coverage (own examples)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from tripolar.actors import ActorDictionary, ActorResolver

D = dt.date

USER_ACTORS = """\
VALEMOOR [VLM]
+VALEMOORIAN
OSTRAVEL_ [OST]
KO [KOX]
THANDRIEL_OAKHEART [VLM]
QUILLON
    [VLMREB <050101]
    [VLMGOV >050101]
"""

USER_AGENTS = """\
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_!MINIST! {} [~GOV]
PRIME_MINISTER [~GOV]
STUDENT [~EDU]
OFFICIAL [~GOV]
SCRIBE [~MED]
ZEALOT [~ZEL]
RELIEF_LEAGUE {} [NGO~]
"""


@pytest.fixture(scope="module")
def user_resolver(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    folder = tmp_path_factory.mktemp("dicts")
    actors, agents = folder / "actors.txt", folder / "agents.txt"
    actors.write_text(USER_ACTORS, encoding="utf-8")
    agents.write_text(USER_AGENTS, encoding="utf-8")
    user = ActorDictionary.from_petrarch([actors], [agents])
    return ActorResolver(ActorDictionary.builtin().merged(user), nlp)


def codes(
    resolver: ActorResolver, nlp: Language, text: str, on: dt.date | None = None
) -> dict[str, tuple[str, ...]]:
    return {m.text: m.codes for m in resolver.find_mentions(nlp(text), on)}


def test_dictionary_user_agents_replace_builtin_agents(
    user_resolver: ActorResolver, nlp: Language
) -> None:
    # "troops" and "leaders" are built-in agents but not in the user's agent file
    result = codes(user_resolver, nlp, "Valemoor troops met Ostravel leaders.")
    assert result == {"Valemoor": ("VLM",), "Ostravel": ("OST",)}
    assert not user_resolver.dictionary.lookup_agent("troops")


def test_resolver_bare_agent_has_unknown_country_with_petrarch_dictionaries(
    user_resolver: ActorResolver, nlp: Language
) -> None:
    text = "Valemoor police held several students overnight, an official said."
    result = codes(user_resolver, nlp, text)
    assert result["students"] == ("---EDU",)
    assert result["official"] == ("---GOV",)


def test_resolver_substitution_set_agents(user_resolver: ActorResolver, nlp: Language) -> None:
    result = codes(user_resolver, nlp, "The Ostravel foreign ministry protested.")
    assert result["Ostravel foreign ministry"] == ("OSTGOV",)


def test_resolver_title_attaches_to_user_person(
    user_resolver: ActorResolver, nlp: Language
) -> None:
    result = codes(user_resolver, nlp, "Valemoor Prime Minister Thandriel Oakheart flew out.")
    assert result == {"Valemoor Prime Minister Thandriel Oakheart": ("VLMGOV",)}
    alone = codes(user_resolver, nlp, "Prime Minister Thandriel Oakheart flew out.")
    assert alone == {"Prime Minister Thandriel Oakheart": ("VLMGOV",)}


def test_resolver_prefix_and_stacked_agents(user_resolver: ActorResolver, nlp: Language) -> None:
    result = codes(
        user_resolver, nlp, "Relief League Ostravel sent food to Valemoorian zealot scribes."
    )
    assert result["Relief League Ostravel"] == ("NGOOST",)
    assert result["Valemoorian zealot scribes"] == ("VLMZELMED",)


def test_resolver_short_stems_match_whole_words_only(
    user_resolver: ActorResolver, nlp: Language
) -> None:
    result = codes(user_resolver, nlp, "Kolvarin traders met Ko envoys and Valemoorians.")
    assert "Kolvarin" not in result
    assert result["Ko"] == ("KOX",)
    assert result["Valemoorians"] == ("VLM",)  # a long stem still matches longer words


def test_resolver_user_dates_still_apply(user_resolver: ActorResolver, nlp: Language) -> None:
    assert codes(user_resolver, nlp, "Quillon spoke.", D(2003, 1, 1)) == {"Quillon": ("VLMREB",)}
    assert codes(user_resolver, nlp, "Quillon spoke.", D(2008, 1, 1)) == {"Quillon": ("VLMGOV",)}


def test_dictionary_builtin_keeps_context_for_bare_agents(nlp: Language) -> None:
    resolver = ActorResolver(ActorDictionary.builtin(), nlp)
    text = "Peru closed a border post. An official said it was temporary."
    assert codes(resolver, nlp, text)["official"] == ("PERGOV",)


def test_dictionary_merge_without_agent_files_keeps_builtin_agents(tmp_path: Path) -> None:
    actors = tmp_path / "a.txt"
    actors.write_text("VALEMOOR [VLM]\n", encoding="utf-8")
    merged = ActorDictionary.builtin().merged(ActorDictionary.from_petrarch([actors], []))
    assert merged.lookup_agent("troops")
    assert merged.petrarch_conventions


# -- built-in data -------------------------------------------------------------------------

G20_AND_WATCHED = [
    *("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR"),
    *("MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "PRK", "UKR", "SYR", "IRN", "ISR"),
]


@pytest.mark.parametrize("day", [D(2010, 6, 1), D(2024, 6, 1)])
@pytest.mark.parametrize("country", G20_AND_WATCHED)
def test_dictionary_builtin_has_leaders_and_defence_chiefs(country: str, day: dt.date) -> None:
    people = [e for e in ActorDictionary.builtin().actors if e.kind == "person"]
    governing = [
        p for p in people if p.country == country and p.codes_on(day) == (country + "GOV",)
    ]
    military = [p for p in people if p.country == country and p.codes_on(day) == (country + "MIL",)]
    assert len(governing) >= 2, f"{country} on {day}: head of state/government and minister"
    assert military, f"{country} on {day}: defence minister"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Bosnian", "BIH"),
        ("Ivory Coast", "CIV"),
        ("Ghanaians", "GHA"),
        ("Zimbabwean", "ZWE"),
        ("Kampala", "UGAGOV"),
        ("European Community", "IGOEUREEC"),
        ("ECOWAS", "IGOWAFWAS"),
        ("Bank of Japan", "JPNGOV"),
        ("Petrobras", "BRABUS"),
        ("Korean People's Army", "PRKMIL"),
        ("Hezbollah", "LBNREBHZB"),
        ("Gaza Strip", "PSE"),
    ],
)
def test_dictionary_builtin_forms(phrase: str, code: str) -> None:
    assert ActorDictionary.builtin().codes_for(phrase) == (code,)


def test_dictionary_builtin_north_korean_defence_ministers_by_date() -> None:
    builtin = ActorDictionary.builtin()
    assert builtin.codes_for("Ri Yong Gil", D(2022, 1, 10)) == ("PRKMIL",)
    assert builtin.codes_for("Ri Yong Gil", D(2023, 6, 1)) == ("PRKELI",)
