"""A state's seizure of another's ship is seize possession (171) by the state named on it
("the Iranian seizure of a British-flagged tanker"); officials "serving on" a body belong to
that body's state, whatever country the story around them suggests. Sentences written here."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_set, coded_with_resolver
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_events_seizure_by_the_state_named_on_it(nlp: Language, coder: EventCoder) -> None:
    text = "Norway condemned the Chilean seizure of a Norwegian trawler on Sunday."
    assert ("CHL", "NOR", "171") in coded_set(nlp, coder, text)


def test_events_seizure_of_goods_by_police_is_no_event(nlp: Language, coder: EventCoder) -> None:
    assert coded_set(nlp, coder, "Police announced the seizure of 40 kg of cocaine.") == set()


def test_events_officials_serving_on_a_body_belong_to_its_state(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = (
        "The Chinese foreign ministry said Beijing sanctioned four officials serving on "
        "the U.S. Commission on Trade."
    )
    coded = coded_with_resolver(nlp, resolver, coder, text)
    assert {(s[:3], t[:3]) for s, t, c in coded if c == "163"} == {("CHN", "USA")}
