"""Visits and meetings: "the visit by X to Y", talks during a visit (mutual, plus the
visit), a scheduled attendance is a visit, an attended event names its host, an announced
meeting stays an intent. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver as code
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_coder_visit_by_agent_to_place(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The visit by the Chilean president to Peru ended on Friday."
    assert code(nlp, resolver, coder, text) == {("CHLGOV", "PER", "042")}


def test_coder_talks_during_a_visit_are_mutual_plus_a_visit(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = (
        "The French army chief held talks with President Lula during a visit to Brasilia, "
        "offering further military support to Brazil."
    )
    found = code(nlp, resolver, coder, text)
    assert ("FRAMIL", "BRAGOV", "046") in found
    assert ("BRAGOV", "FRAMIL", "046") in found
    assert ("FRAMIL", "BRAGOV", "042") in found
    assert ("FRAMIL", "BRA", "0332") in found  # an offer of military support


def test_coder_scheduled_attendance_is_a_visit(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier is due to attend a conference in Brazil next month."
    assert code(nlp, resolver, coder, text) == {("NLDGOV", "BRA", "042")}


def test_coder_attended_event_names_its_host(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier prepared to attend the Olympics in Beijing."
    assert {(s[:3], t[:3], c) for s, t, c in code(nlp, resolver, coder, text)} == {
        ("NLD", "CHN", "042")
    }


def test_coder_announced_meeting_stays_an_intent(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier will visit Chile next week."
    assert code(nlp, resolver, coder, text) == {("NLDGOV", "CHL", "036")}
