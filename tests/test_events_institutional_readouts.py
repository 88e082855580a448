"""Readouts of councils and ministries: a "sanctions regime" strengthened against a state (163);
an act condemned "in the strongest terms" (the parser hangs the object on "terms"); each
participle of a readout's chain an act of the main subject; a decision that a state "shall"
(not) do something, made or reaffirmed, a demand on it (10x); a main-clause "it" the one who
acted in the sentence before; an "it" asked to act the state named before it; "that country"
the last state named before it; what a resolution that "failed" to pass was to do is not
done. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set, mention_codes
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder

ACTORS = {**NORDIC, "Security Council": "IGOUNOSEC", "Baltic Council": "IGOBAL"}

CASES = [
    pytest.param(
        "The Security Council broadened its sanctions regime against Chile on Friday.",
        {("IGOUNOSEC", "CHL", "163")},
        id="sanctions-regime-broadened",
    ),
    pytest.param(
        "The Security Council passed a resolution on Monday to strengthen the sanctions"
        " against Chile.",
        {("IGOUNOSEC", "CHL", "163")},
        id="resolution-passed-to-strengthen-sanctions",
    ),
    pytest.param(
        "Peru failed on Tuesday to get a Security Council resolution passed to tighten"
        " sanctions on Chile.",
        set(),
        id="what-a-failed-resolution-was-to-do-is-not-done",
    ),
    pytest.param(
        "The old regime in Chile was toppled in 1990.",
        set(),
        id="a-regime-without-sanctions-is-no-sanction",
    ),
    pytest.param(
        "Norway condemned in the strongest terms Chile's missile launches.",
        {("NOR", "CHL", "111")},
        id="condemned-in-terms-then-the-object",
    ),
    pytest.param(
        "Norway decided that Chile shall not fish in the disputed waters.",
        {("NOR", "CHL", "100")},
        id="decided-that-x-shall-not-is-a-demand",
    ),
    pytest.param(
        "Norway decided that Chile will host the next round.",
        set(),
        id="decided-without-shall-is-no-demand",
    ),
    pytest.param(
        "Peru reaffirmed its decision that Chile shall abandon the dam project.",
        {("PER", "CHL", "100")},
        id="decision-that-x-shall-reaffirmed",
    ),
    pytest.param(
        "Peru welcomed the decision that Chile will join the talks.",
        set(),
        id="a-decision-without-shall-is-no-demand",
    ),
    pytest.param(
        "The Security Council adopted the text unanimously, condemning Chile's missile tests"
        " and reaffirming its decision that Chile shall abandon the programme.",
        {("IGOUNOSEC", "CHL", "111"), ("IGOUNOSEC", "CHL", "100")},
        id="participle-chain-of-a-readout",
    ),
    pytest.param(
        "The Security Council tightened its sanctions on Chile. It also decided that Chile"
        " shall not export arms.",
        {("IGOUNOSEC", "CHL", "163"), ("IGOUNOSEC", "CHL", "100")},
        id="it-stands-for-who-acted-just-before",
    ),
    pytest.param(
        "The Security Council met in closed session on Friday. It decided that Chile shall not"
        " export arms.",
        {("IGOUNOSEC", "CHL", "100")},
        id="it-stands-for-the-subject-of-a-sentence-without-events",
    ),
    pytest.param(
        "The Security Council welcomed the report on Chile and called for it to accede to"
        " the treaty.",
        {("IGOUNOSEC", "CHL", "025")},
        id="called-for-it-to-act-is-the-state-named-before",
    ),
    pytest.param(
        "Norway criticized Chile and urged it to return to the talks.",
        {("NOR", "CHL", "111"), ("NOR", "CHL", "0253")},
        id="urged-it-to-act-is-the-state-named-before",
    ),
    pytest.param(
        "Norway praised the plan and urged it to be adopted quickly.",
        set(),
        id="it-asked-to-act-is-never-the-asker",
    ),
    pytest.param(
        "The Security Council and the Baltic Council condemned Chile's missile tests. It also"
        " decided that Chile shall not export arms.",
        {("IGOUNOSEC", "CHL", "111"), ("IGOBAL", "CHL", "111")},
        id="it-after-two-actors-stands-for-no-one",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_institutional_readouts_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected


def test_actors_that_country_is_the_last_state_named(
    nlp: Language, resolver: ActorResolver
) -> None:
    text = "Norway tightened its sanctions on Chile, condemning that country's missile tests."
    assert mention_codes(nlp, resolver, text)["that country"] == ("CHL",)
    text = "The envoys met in Peru and praised Chile, calling that country a model."
    assert mention_codes(nlp, resolver, text)["that country"] == ("CHL",)


def test_actors_that_country_needs_a_state_named_before(
    nlp: Language, resolver: ActorResolver
) -> None:
    assert "that country" not in mention_codes(nlp, resolver, "He said that country's plan failed.")
    text = "Norway said that country music was popular."
    assert "that country" not in mention_codes(nlp, resolver, text)
