"""Named places as targets: a province, a town or a place on a participle stands for its
state (``data/places.tsv``); a place is never a source; protesters in their own country take
their government as the target. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder
from tripolar.events.places import place_table

ACTORS = {
    "Chilean government": "CHLGOV",
    "Chilean villagers": "CHLCVL",
    "Chilean": "CHL",
    "Afghan police": "AFGCOP",
    "Afghan villagers": "AFGCVL",
    "Afghans": "AFG",
    "Afghan": "AFG",
    "Iraqi insurgents": "IRQREB",
    "Haiti": "HTI",
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
