"""Constructions added for issue 3: appeals via "want", allegations, claims of responsibility,
speaker pronouns, protests (purpose clause, "in protest", implied home government),
places as targets, mutual clashes, mobilisation and concessions. Own sentences only."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Moscow": "RUSGOV",
    "Beijing": "CHNGOV",
    "Taiwan": "TWN",
    "Ankara": "TURGOV",
    "Damascus": "SYRGOV",
    "Hezbollah": "LBNREBHZB",
    "Iraq": "IRQ",
    "Canada": "CAN",
    "Syria": "SYR",
    "Lebanon": "LBN",
    "Kenyan students": "KENCVL",
    "Georgian opposition": "GEOOPP",
    "Saakashvili": "GEOGOV",
    "Chilean miners": "CHLCVL",
    "Bolivian government": "BOLGOV",
    "France": "FRA",
    "Italy": "ITA",
    "Britain": "GBR",
    "Iran": "IRN",
    "Geneva": "CHE",
    "Chinese premier": "CHNGOV",
    "Israel": "ISR",
    "Egypt": "EGY",
    "Palestinian": "PSE",
    "Japan": "JPN",
    "Ukraine": "UKR",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return {(s, c, t) for s, t, c in coded_with_table(nlp, coder, text, ACTORS)}


def test_constructions_want_someone_to_act_is_an_appeal(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Moscow wants Beijing to attack Taiwan.") == {
        ("RUSGOV", "020", "CHNGOV")
    }
    assert code(nlp, coder, "Moscow wants Taiwan.") == set()


def test_constructions_claimed_conflict_act_is_an_accusation(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Ankara claimed that Damascus had shelled Taiwan.") == {
        ("TURGOV", "112", "SYRGOV")
    }


def test_constructions_claim_of_responsibility_targets_the_place(
    nlp: Language, coder: EventCoder
) -> None:
    found = code(
        nlp, coder, "Hezbollah is claiming responsibility for a bombing at a market in Iraq."
    )
    assert found == {("LBNREBHZB", "015", "IRQ")}


def test_constructions_pronoun_in_speech_stands_for_the_speaker(
    nlp: Language, coder: EventCoder
) -> None:
    found = code(
        nlp, coder, "Syria now says it is ready to withdraw all of its soldiers from Lebanon."
    )
    assert {(s, t) for s, _, t in found} == {("SYR", "LBN")}
    assert all(c.startswith("035") for _, c, _ in found)


def test_constructions_protest_sources_and_targets(nlp: Language, coder: EventCoder) -> None:
    assert code(
        nlp, coder, "Activists from the Georgian opposition staged rallies against Saakashvili."
    ) == {("GEOOPP", "141", "GEOGOV")}
    assert code(
        nlp,
        coder,
        "Chilean miners began a hunger strike to protest the Bolivian government's plan.",
    ) == {("CHLCVL", "140", "BOLGOV")}


def test_constructions_protest_without_target_goes_to_home_government(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Hundreds of Kenyan students demonstrated on Friday.") == {
        ("KENCVL", "141", "KENGOV")
    }
    assert code(nlp, coder, "Japan protested on Friday.") == set()


def test_constructions_clash_codes_both_directions(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "France clashed with Italy over fishing rights.") == {
        ("FRA", "190", "ITA"),
        ("ITA", "190", "FRA"),
    }


def test_constructions_meeting_without_object_targets_the_place(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "The Chinese premier met in Geneva on Monday.") == {
        ("CHNGOV", "040", "CHE")
    }


def test_constructions_mobilisation_for_a_war(nlp: Language, coder: EventCoder) -> None:
    assert code(
        nlp, coder, "Britain mobilized thousands of reservists for a war against Iran."
    ) == {("GBR", "154", "IRN")}


def test_constructions_allowing_someone_to_act_is_a_concession(
    nlp: Language, coder: EventCoder
) -> None:
    found = code(nlp, coder, "Egypt allowed Palestinian refugees to return home.")
    assert found == {("EGY", "080", "PSE")}
