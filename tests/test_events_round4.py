"""Issue 3, round 4: named places as targets of location rules, peacekeepers arriving
(074) versus troops arriving (no visit), demands and appeals held by a noun ("its demand
that X ..."), killings by irregular fighters (18x) and rebels surrendering. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder
from tripolar.events.places import place_table

ACTORS = {
    "Chilean government": "CHLGOV",
    "Chilean army": "CHLMIL",
    "Chilean rebels": "CHLREB",
    "Chilean villagers": "CHLCVL",
    "Chilean soldiers": "CHLMIL",
    "Chilean": "CHL",
    "Afghan police": "AFGCOP",
    "Afghan villagers": "AFGCVL",
    "Afghans": "AFG",
    "Afghan rebels": "AFGREB",
    "Afghan": "AFG",
    "Iraqi insurgents": "IRQREB",
    "Uruguayan peacekeeping troops": "URYMIL",
    "Uruguayan troops": "URYMIL",
    "Uruguayan minister": "URYGOV",
    "Haiti": "HTI",
    "Norway": "NOR",
    "Finland": "FIN",
    "Estonia": "EST",
    "Latvian": "LVA",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_places_table_maps_names_to_states() -> None:
    table = place_table()
    assert table["kandahar"] == "AFG"
    assert table["west bank"] == "PSE"
    assert all(len(code) == 3 and code.isupper() for code in table.values())


def test_places_named_province_is_the_target_of_a_curfew(nlp: Language, coder: EventCoder) -> None:
    text = "Afghan police imposed a curfew in Helmand province on Friday."
    assert ("AFGCOP", "AFG", "1723") in code(nlp, coder, text)


def test_places_place_of_a_participle_on_the_object(nlp: Language, coder: EventCoder) -> None:
    text = "The Chilean government eased the curfew imposed in Haiti last month."
    assert ("CHLGOV", "HTI", "0813") in code(nlp, coder, text)


def test_places_shelled_town_is_its_state(nlp: Language, coder: EventCoder) -> None:
    text = "Iraqi insurgents shelled the city of Basra on Sunday."
    assert code(nlp, coder, text) == {("IRQREB", "IRQ", "194")}


def test_places_never_a_source(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Kandahar criticized Latvian officials.") == set()


def test_places_own_country_falls_back_to_home_government(nlp: Language, coder: EventCoder) -> None:
    text = "Chilean villagers demonstrated in the city of Mosul on Sunday."
    assert ("CHLCVL", "IRQ", "141") in code(nlp, coder, text)
    text = "Afghan villagers demonstrated in the city of Kandahar on Sunday."
    assert code(nlp, coder, text) == {("AFGCVL", "AFG", "141")}
    # a place that is just the protesters' own code gives way to their government
    text = "Thousands of Afghans demonstrated in the city of Kandahar on Sunday."
    assert code(nlp, coder, text) == {("AFG", "AFGGOV", "141")}


def test_coder_peacekeepers_arriving_provide_protection(nlp: Language, coder: EventCoder) -> None:
    text = "A first batch of Uruguayan peacekeeping troops arrived in Haiti on Monday."
    assert code(nlp, coder, text) == {("URYMIL", "HTI", "074")}


def test_coder_troops_arriving_is_no_visit(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Uruguayan troops arrived in Haiti on Monday.") == set()
    # a minister's arrival stays a visit
    assert code(nlp, coder, "The Uruguayan minister arrived in Haiti on Monday.") == {
        ("URYGOV", "HTI", "042")
    }


def test_governed_demand_noun_codes_a_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway repeated its demand on Friday that Finland free the Latvian sailors."
    coded = code(nlp, coder, text)
    assert ("NOR", "FIN", "1053") in coded
    assert not any(source == "FIN" for source, _, _ in coded)  # the freeing is not coded


def test_governed_insisting_on_a_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway insisted on its demands that Estonia hold talks with Finland."
    assert ("NOR", "EST", "106") in code(nlp, coder, text)


def test_governed_call_noun_codes_an_appeal(nlp: Language, coder: EventCoder) -> None:
    text = "Norway renewed its call for Estonia to lift the embargo."
    assert code(nlp, coder, text) == {("NOR", "EST", "0254")}


def test_governed_rejected_demand_is_no_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway rejected the demand that Finland free the Latvian sailors."
    assert not any(c.startswith("10") for _, _, c in code(nlp, coder, text))


def test_coder_irregular_killing_is_unconventional_violence(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Afghan rebels killed five Chilean villagers.") == {
        ("AFGREB", "CHLCVL", "180")
    }
    # combat with soldiers stays conventional force
    assert code(nlp, coder, "Afghan rebels killed five Chilean soldiers.") == {
        ("AFGREB", "CHLMIL", "190")
    }
    assert code(nlp, coder, "The Chilean army killed five Afghan rebels.") == {
        ("CHLMIL", "AFGREB", "190")
    }


def test_coder_rebels_surrender_to_their_government(nlp: Language, coder: EventCoder) -> None:
    text = "Two hundred Afghan rebels surrendered on Monday."
    assert code(nlp, coder, text) == {("AFGREB", "AFGGOV", "0874")}
