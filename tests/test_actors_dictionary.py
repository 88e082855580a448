"""The built-in dictionary: loading, codes by date, merging (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.actors import ActorDictionary, ActorEntry, Pattern, Term, attach_agent
from tripolar.actors.dictionary import country_root, load_builtin

D = dt.date


@pytest.fixture(scope="module")
def builtin() -> ActorDictionary:
    return ActorDictionary.builtin()


def test_dictionary_builtin_loads_whole_and_is_cached() -> None:
    # how long the load takes is measured by bench/actor_dictionary_load.py, not here
    fresh = load_builtin()
    assert len(fresh.actors) > 700 and len(fresh.agents) >= 10
    assert ActorDictionary.builtin() is ActorDictionary.builtin()


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Donald Trump", D(2016, 6, 1), "USAELI"),
        ("Donald Trump", D(2018, 6, 1), "USAGOV"),
        ("Donald Trump", D(2022, 6, 1), "USAELI"),
        ("Donald Trump", D(2025, 6, 1), "USAGOV"),
        ("Donald Trump", D(2021, 1, 19), "USAGOV"),
        ("Donald Trump", D(2021, 1, 20), "USAELI"),  # the end day belongs to the successor
        ("Joe Biden", D(2021, 1, 20), "USAGOV"),
        ("Vladimir Putin", D(2010, 3, 1), "RUSGOV"),  # prime minister
        ("Vladimir Putin", D(2017, 3, 1), "RUSGOV"),
        ("Vladimir Putin", D(1995, 3, 1), "RUSELI"),
        ("Dmitry Medvedev", D(2009, 3, 1), "RUSGOV"),  # president
        ("Dmitry Medvedev", D(2015, 3, 1), "RUSGOV"),  # prime minister
        ("Sergei Shoigu", D(2015, 3, 1), "RUSMIL"),
        ("Sergei Shoigu", D(2025, 3, 1), "RUSGOV"),
        ("Xi Jinping", D(2019, 3, 1), "CHNGOV"),
        ("Wang Yi", D(2010, 3, 1), "CHNELI"),
        ("Antonio Guterres", D(2020, 1, 1), "IGOUNO"),
        ("Ursula von der Leyen", D(2016, 1, 1), "DEUMIL"),
        ("Ursula von der Leyen", D(2022, 1, 1), "IGOEUREEC"),
    ],
)
def test_dictionary_person_codes_follow_terms(
    builtin: ActorDictionary, name: str, on: dt.date, code: str
) -> None:
    assert builtin.codes_for(name, on) == (code,)


def test_dictionary_without_date_uses_latest_term(builtin: ActorDictionary) -> None:
    assert builtin.codes_for("Trump", None) == ("USAGOV",)
    assert builtin.codes_for("Shoigu", None) == ("RUSGOV",)
    assert builtin.codes_for("Barack Obama", None) == ("USAGOV",)


def test_dictionary_shared_surname_picks_person_in_office(builtin: ActorDictionary) -> None:
    assert len(builtin.lookup("Bush")) == 2
    entries = builtin.lookup("Clinton")
    on = D(2010, 5, 1)
    best = min(entries, key=lambda e: e.distance(on))
    assert best.name == "Hillary Clinton"
    best_1995 = min(entries, key=lambda e: e.distance(D(1995, 5, 1)))
    assert best_1995.name == "Bill Clinton"


def test_dictionary_states_come_from_pycountry_and_hand_lists(builtin: ActorDictionary) -> None:
    assert builtin.codes_for("Russian Federation") == ("RUS",)
    assert builtin.codes_for("Uruguay") == ("URY",)  # pycountry only
    assert builtin.codes_for("Chinese") == ("CHN",)
    assert builtin.codes_for("DPRK") == ("PRK",)
    assert builtin.codes_for("the Kremlin") == ("RUSGOV",)
    assert builtin.codes_for("Kiev") == ("UKRGOV",)
    assert builtin.codes_for("Zhongnanhai") == ("CHNGOV",)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("United Nations", "IGOUNO"),
        ("UN Security Council", "IGOUNOSEC"),
        ("Shanghai Cooperation Organisation", "IGOASASCO"),
        ("Eurasian Economic Union", "IGOCASEAU"),
        ("BRICS", "IGOBUSBRI"),
        ("APEC", "IGOBUSAPC"),
        ("NATO", "IGOWSTNAT"),
        ("European Union", "IGOEUREEC"),
        ("ASEAN", "IGOSEAASN"),
        ("G7", "IGOBUSGOS"),
        ("G20", "IGOBUSGTW"),
        ("IAEA", "IGOUNOIAE"),
        ("WTO", "IGOBUSWTO"),
        ("IMF", "IGOBUSIMF"),
        ("World Bank", "IGOUNODEVWBK"),
        ("OPEC", "IGOBUSOPC"),
        ("African Union", "IGOAFRAFU"),
        ("Arab League", "IGOMEAARL"),
        ("CSTO", "IGOCASCST"),
        ("OSCE", "IGOEURSCE"),
        ("UN General Assembly", "IGOUNOGAS"),
    ],
)
def test_dictionary_igo_codes(builtin: ActorDictionary, phrase: str, code: str) -> None:
    assert builtin.codes_for(phrase) == (code,)


def test_dictionary_capital_forms_are_case_sensitive(builtin: ActorDictionary) -> None:
    (usa,) = [e for e in builtin.lookup("US") if e.kind == "state"]
    us_pattern = next(p for p in usa.patterns if p.text == "US")
    assert us_pattern.case_sensitive
    assert not next(p for p in usa.patterns if p.text == "America").case_sensitive


def test_dictionary_merged_user_entries_override_builtin(builtin: ActorDictionary) -> None:
    user = ActorDictionary(
        [
            ActorEntry("u:1", "Moscow", "actor", (Pattern("Moscow"),), default=("RUSMOS",)),
            ActorEntry("u:2", "Hobbiton", "actor", (Pattern("Hobbiton"),), default=("HOB",)),
        ]
    )
    merged = builtin.merged(user)
    assert merged.codes_for("Moscow") == ("RUSMOS",)
    assert merged.codes_for("Hobbiton") == ("HOB",)
    assert merged.codes_for("Kremlin") == ("RUSGOV",)  # other forms of the entry survive
    assert builtin.codes_for("Moscow") == ("RUSGOV",)  # the original is unchanged


def test_dictionary_attach_agent_rules() -> None:
    assert attach_agent("RUS", "MIL") == "RUSMIL"
    assert attach_agent("RUSGOV", "MIL") == "RUSMIL"
    assert attach_agent("RUSGOV", "GOV") == "RUSGOV"
    assert attach_agent("IGOUNO", "MIL") == "IGOUNO"
    assert attach_agent("PSEREBHMS", "GOV") == "PSEREBHMSGOV"
    assert attach_agent("RUS", "NGO", prefix=True) == "NGORUS"
    assert country_root("CHNGOV") == "CHN"
    assert country_root("IGOUNO") is None


def test_dictionary_entry_without_default_uses_nearest_term() -> None:
    entry = ActorEntry(
        "x",
        "Onodoher",
        "actor",
        (Pattern("Onodoher"),),
        terms=(Term(("ONO",), None, D(1991, 12, 26)),),
    )
    assert entry.codes_on(D(1990, 1, 1)) == ("ONO",)
    assert entry.codes_on(D(2000, 1, 1)) == ("ONO",)
    assert entry.codes_on(None) == ("ONO",)
