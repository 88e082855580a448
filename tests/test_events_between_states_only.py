"""Acts that only pass between two states (breaking off relations, expelling diplomats,
deporting people: CAMEO 161, 166x, 174) never have one state on both sides, even when the
expelled people take the sentence's country for want of their own. Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.events.sides import two_parties
from tripolar.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def triples(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    coded = pipeline.code_text(text, dt.date(2022, 5, 6))
    return {(e.source[:3], e.target[:3], e.code) for e in coded.events}


def test_events_expelled_diplomats_of_no_stated_state_are_no_self_target(
    pipeline: Pipeline,
) -> None:
    assert triples(pipeline, "Norway expelled four diplomats on Thursday.") == set()


def test_events_expelled_diplomats_of_another_state_are_its(pipeline: Pipeline) -> None:
    assert triples(pipeline, "Norway expelled four Chilean diplomats on Thursday.") == {
        ("NOR", "CHL", "161")
    }


@pytest.mark.parametrize(
    ("source", "target", "code", "expected"),
    [
        ("NOR", "NORGOV", "161", False),
        ("NORGOV", "NORMIL", "174", False),
        ("NOR", "NORGOV", "1661", False),
        ("NOR", "CHLGOV", "161", True),
        ("NORCOP", "NORCVL", "173", True),  # a state's arrests at home stay domestic events
        ("NORCVL", "NORGOV", "141", True),  # so do protests against one's own government
    ],
)
def test_events_between_states_codes_need_two_states(
    source: str, target: str, code: str, expected: bool
) -> None:
    assert two_parties(source, target, code) is expected
