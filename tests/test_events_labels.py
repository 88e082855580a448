"""Naming an act or a state with a word of blame is disapproval (111): "described the visit as
a reckless provocation", "called the veto a shameful cover-up", "branded X a rogue state"; a word
that accuses of an act ("aggression", "espionage") is an accusation (112); a word of praise
is not. The blamed state may stand on the act ("the veto by X") or on the label
("open Russian aggression", "a ploy by the X side"). Saying that a state or its act is
such a thing is the same disapproval ("said the Council's failure was inexcusable").
Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set, pipeline_triples
from tripolar.events import EventCoder
from tripolar.pipeline import Pipeline

ACTORS = {
    **NORDIC,
    "Security Council": "IGOUNOSEC",
    "Peruvian troops": "PERMIL",
    "Norway's envoy": "NORGOV",
    "Peru's foreign ministry": "PERGOV",
}

CASES = [
    pytest.param(
        "Norway described the Chilean visit to the islands as a reckless provocation.",
        {("NOR", "CHL", "111")},
        id="described-as",
    ),
    pytest.param(
        "Peru called the Chilean veto a shameful cover-up.",
        {("PER", "CHL", "111")},
        id="called-x-a-blame-noun",
    ),
    pytest.param("Norway branded Chile a rogue state.", {("NOR", "CHL", "111")}, id="branded"),
    pytest.param(
        "Norway called the Chilean decision irresponsible.",
        {("NOR", "CHL", "111")},
        id="called-x-blame-adjective",
    ),
    pytest.param(
        "Oslo described the incident as open Chilean aggression.",
        {("NORGOV", "CHL", "112")},  # a word that accuses of an act: an accusation
        id="the-blamed-state-on-the-label",
    ),
    pytest.param(
        "Norway ordered the closure of the Chilean consulate, calling the mission the "
        '"hub" of Chile\'s espionage efforts.',
        {("NOR", "CHL", "161"), ("NOR", "CHL", "112")},
        id="the-blamed-state-owns-the-labelled-act",
    ),
    pytest.param(
        "Norway earlier labelled the proposal a ploy by the Chilean side.",
        {("NOR", "CHL", "111")},
        id="the-blamed-state-by-the-label",
    ),
    pytest.param(
        "Peru called the decision by Chile a grave mistake.",
        {("PER", "CHL", "111")},
        id="the-act-by-the-blamed-state",
    ),
    pytest.param("Peru called the decision by Chile a wise step.", set(), id="praise-of-an-act"),
    pytest.param("Norway called Chile a close friend.", set(), id="praise-is-no-blame"),
    pytest.param(
        "\"The Security Council's failure to act is inexcusable,\" Norway's envoy said.",
        {("NORGOV", "IGOUNOSEC", "111")},
        id="said-an-act-is-a-blame-word",
    ),
    pytest.param(
        'Peru\'s foreign ministry, which said Chile had made an "irresponsible decision", '
        "summoned the envoy.",
        {("PERGOV", "CHL", "111")},
        id="said-a-state-made-a-blamed-decision",
    ),
    pytest.param(
        'Oslo said the Chilean weapons sale was "gravely interfering with Norway\'s affairs".',
        {("NORGOV", "CHL", "111")},
        id="said-an-act-was-interfering",
    ),
    pytest.param(
        "The drills Chile launched around Peru were an escalation, Oslo said.",
        {("CHL", "PER", "150"), ("NORGOV", "CHL", "111")},
        id="said-the-act-a-state-launched-was-a-blame-word",
    ),
    pytest.param("Oslo said the Chilean plan was not a threat.", set(), id="said-no-blame"),
    pytest.param("Oslo said the Chilean plan was a good idea.", set(), id="said-praise"),
    pytest.param(
        "Chile is looking into suspected war crimes by Peruvian troops, a Chilean official said.",
        {("CHL", "PERMIL", "090")},
        id="a-blame-word-as-object-blames-no-subject",
    ),
    pytest.param("Norway may describe the Chilean plan as a mistake.", set(), id="hedged-label"),
    pytest.param(
        "Norway described the incident as a grave provocation.", set(), id="no-party-named"
    ),
    pytest.param(
        "Norway described Chile's seizure of the trawler as a crime.",
        {("NOR", "CHL", "112")},
        id="label-on-the-owned-act",
    ),
    pytest.param(
        "Oslo described Chile's seizure of the Norwegian trawler as a stab in the back.",
        {("NORGOV", "CHL", "111"), ("CHL", "NOR", "171")},  # the seizure told is an act too
        id="stab-in-the-back-label",
    ),
    pytest.param(
        '"This is a stab in the back by smugglers," Oslo said of the Chilean raid.',
        set(),
        id="betrayal-word-in-a-statement-is-no-label",
    ),
    pytest.param(
        "The Peruvian minister labelled the visit a provocation by Chile.",
        {("PER", "CHL", "111")},
        id="the-blamed-state-by-the-label-noun",
    ),
    pytest.param(
        "Oslo called Chile's missile test a dangerous provocation.",
        {("NORGOV", "CHL", "111")},
        id="the-label-parsed-under-the-named-act",
    ),
    pytest.param(
        "Oslo called Chile's missile test a scheduled event.",
        set(),  # no word of blame: no disapproval
        id="the-label-under-the-named-act-without-blame",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_labels_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected


def test_events_labels_blamed_act_owner_beside_a_mention_of_the_speakers_state(
    coding_pipeline: Pipeline,
) -> None:
    # the real resolver gives "military" the speaker's country (the paragraph's first
    # state): the blame still goes to the owner of the drills, the state that held them
    text = (
        "Blinken said the large military drills Russia held near Norway last week were a "
        "grave escalation."
    )
    assert ("USAGOV", "RUS", "111") in pipeline_triples(coding_pipeline, text, dt.date(2023, 5, 2))
