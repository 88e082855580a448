"""Who a generic party stands for: "the relevant parties in X", "the authorities in X" are X;
a denial of an act is about that act's target. Sentences written here."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver, coded_with_table
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {"Norway": "NOR", "Chile": "CHL", "Chilean": "CHL", "Peru": "PER"}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_events_targets_parties_in_a_state(nlp: Language, coder: EventCoder) -> None:
    text = "Norway urged the relevant parties in Chile to respect the agreement."
    assert code(nlp, coder, text) == {("NOR", "CHL", "020")}


def test_events_targets_parties_in_no_state(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway urged all parties to respect the agreement.") == set()


def test_events_targets_denied_act_is_about_its_target(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Norway denied planning an offensive against Chile.") == {
        ("NOR", "CHL", "016")
    }
    assert code(nlp, coder, "Peru denied supplying drones to Chile.") == {("PER", "CHL", "016")}


def test_events_targets_flag_state_of_a_ship(nlp: Language, coder: EventCoder) -> None:
    # "a Chilean-flagged tanker" is Chile's: the flag state is the target
    assert ("NOR", "CHL", "171") in code(nlp, coder, "Norway seized a Chilean-flagged tanker.")


def test_events_targets_objects_placed_in_a_state(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Norway carried out airstrikes on targets in Peru.")
    assert ("NOR", "PER", "195") in found


def test_events_targets_concern_expressed_to_a_state(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Norway expressed serious concern to Chile and Peru over the flight.")
    assert {("NOR", "CHL", "111"), ("NOR", "PER", "111")} <= found


def test_events_targets_partner_of_an_offer_turned_down(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Norway turned down an offer of direct talks with Chile.")
    assert ("NOR", "CHL", "120") in found


def test_events_targets_state_of_a_place_flown_near(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    # a listed place (events/data/places.tsv) approached in a show of force: its state
    found = coded_with_resolver(nlp, resolver, coder, "Chilean bombers flew near Alaska.")
    assert ("CHLMIL", "USA", "150") in found
