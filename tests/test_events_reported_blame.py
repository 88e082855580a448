"""Reported blame: a speaker judging another party in words of blame is disapproval (111) of
that party, whether the words are quoted or reported (`tripolar.events.quoted`). Sentences
written here."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import pipeline_triples
from tripolar.pipeline import Pipeline

D = dt.date(2023, 6, 1)


def events(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return pipeline_triples(pipeline, text, D)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile's foreign minister said the embargo imposed by Peru was unacceptable.",
            {("CHLGOV", "PER", "111")},
            id="reported-clause",
        ),
        pytest.param(
            '"Peru\'s move is reckless," the Chilean foreign minister said on Monday.',
            {("CHLGOV", "PER", "111")},
            id="quotation-then-speaker",
        ),
        pytest.param(
            "Norway said the Chilean decision amounted to interference.",
            {("NOR", "CHL", "112")},
            id="demonym-owner-accused-of-an-act",
        ),
        pytest.param(
            "Norway's envoy said the embargo by Chile was unacceptable, and Peru agreed.",
            {("NORGOV", "CHL", "111")},
            id="agent-of-the-blamed-act",
        ),
        pytest.param(
            "Chile said the naval drills Peru held around Ecuador were a dangerous escalation.",
            {("CHL", "PER", "111"), ("PER", "ECU", "150")},  # the drills are a show of force
            id="place-is-no-target",
        ),
    ],
)
def test_reported_blame_codes_disapproval(
    coding_pipeline: Pipeline, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert events(coding_pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Chile said the embargo by Peru was not illegal.", id="negated-judgement"),
        pytest.param("Chile said the storm was dangerous.", id="no-party-judged"),
        pytest.param("Chile did not say that Peru's move was reckless.", id="negated-speech"),
        pytest.param(
            "The ministry said the Chilean move was reckless.", id="speaker-of-no-known-country"
        ),
        pytest.param(
            "Chile said Peru must abandon its dangerous plan.", id="a-demand-is-not-blame"
        ),
        pytest.param(
            "Chile's minister said she hoped Peruvian officials would be tried for war crimes.",
            id="a-wish-is-not-blame",
        ),
        pytest.param(
            "Chile said the Peruvian air raid had struck a terrorist hideout near the border.",
            id="a-blame-word-on-the-object-describes-the-object",
        ),
    ],
)
def test_reported_blame_needs_a_judged_party_and_a_speaker(
    coding_pipeline: Pipeline, text: str
) -> None:
    assert not {e for e in events(coding_pipeline, text) if e[2] == "111"}
