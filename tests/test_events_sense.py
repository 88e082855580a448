"""Which sense a trigger has: "called X a threat" names X and is no phone call; "met with
criticism" is no meeting (see also test_events_reactions); nobody consults with their own
state ("China" and "the Chinese government" are one side). Sentences written here."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Oslo": "NORGOV",
    "Norwegian minister": "NORGOV",
    "Chilean": "CHL",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_events_sense_calling_x_something_is_no_call(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway called Chile a partner in fishing.") == set()
    # with a word of blame it is disapproval (see test_events_labels), still no call
    assert code(nlp, coder, "Norway called Chile a threat to regional peace.") == {
        ("NOR", "CHL", "111")
    }
    assert code(nlp, coder, "Norway called Chile on Monday.") == {("NOR", "CHL", "041")}


def test_events_sense_no_meeting_with_ones_own_state(nlp: Language, coder: EventCoder) -> None:
    text = "The Norwegian minister hosted the Norway-Chile dialogue in Oslo."
    assert code(nlp, coder, text) == {("NORGOV", "CHL", "043")}


def test_events_sense_domestic_acts_keep_their_own_state(nlp: Language, coder: EventCoder) -> None:
    """A government acting on its own country (a curfew) is no meeting: it stays."""
    assert code(nlp, coder, "Oslo imposed a curfew in Norway.") == {("NORGOV", "NOR", "1723")}


def test_events_sense_fighting_policies_is_no_armed_fight(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway fought the hegemonic policies of Chile.") == {
        ("NOR", "CHL", "110")
    }
    assert code(nlp, coder, "Norway fought Chilean forces in the north.") == {("NOR", "CHL", "190")}


def test_events_sense_missile_fired_in_a_drill_is_a_show_of_force(
    nlp: Language, coder: EventCoder
) -> None:
    shown = "Norway fired a missile towards Chile in a show of force."
    assert code(nlp, coder, shown) == {("NOR", "CHL", "150")}
    drill = "Norway fired rockets into waters near Chile during military exercises."
    assert ("NOR", "CHL", "150") in code(nlp, coder, drill)
    assert code(nlp, coder, "Norway fired rockets at Chile on Monday.") == {("NOR", "CHL", "194")}


def test_events_sense_war_against_a_state(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway's war against Chile ended in 1920.") == {("NOR", "CHL", "190")}
    assert code(nlp, coder, "Norway waged a war against Chile.") == {("NOR", "CHL", "190")}


def test_events_sense_trade_war_is_figurative(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway's trade war against Chile hurt farmers.") == set()
    assert code(nlp, coder, "Norway's war of words with Chile went on.") == set()
