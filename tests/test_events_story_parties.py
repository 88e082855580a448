"""The story's parties: a reaction to a definite act noun ("the exercises", "the veto") that
names no one takes as its target the owner of that act, told earlier in the story, and says
so in its rule (``story-party:act-owner``); the reacting state's own act, a joint act, an
act the story never told and a noun that names its own parties give no such target.
Stories written here."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.model import Event
from tripolar.pipeline import Pipeline

PUBLISHED = dt.date(2021, 6, 9)
RULE = "story-party:act-owner"
SIDE = "story-party:other-side"
DRILLS = "Chinese warships held large naval drills near Taiwan on Monday."
APPEAL = "On Tuesday the Japanese defence minister called for an end to the exercises."
ACCUSED = "Armenia accused Azerbaijan on Monday of shelling border villages."


def coded(pipeline: Pipeline, *paragraphs: str) -> list[Event]:
    return list(pipeline.code_text("\n\n".join(paragraphs), PUBLISHED).events)


def by_story(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.source[:3], e.target[:3], e.code[:2]) for e in events if RULE in e.rule]


def test_story_parties_an_appeal_to_halt_the_drills_aims_at_who_held_them(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        DRILLS,
        APPEAL,
    )
    assert by_story(events) == [("JPN", "CHN", "02")]
    taken = next(e for e in events if RULE in e.rule)
    assert taken.sentence_index == 1  # the reacting sentence keeps the event
    assert taken.sentence.startswith("On Tuesday the Japanese defence minister")


def test_story_parties_a_label_for_the_veto_blames_who_cast_it(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        "Russia vetoed a draft resolution on Syria at the Security Council on Monday.",
        "The French foreign minister called the veto a farce.",
    )
    assert ("FRA", "RUS", "11") in by_story(events)


@pytest.mark.parametrize(
    ("reaction", "root"),
    [
        ("On Tuesday Japan issued a sharp condemnation of the exercises.", "11"),
        ("Japan's protest over the exercises came on Tuesday.", "14"),  # not at Tokyo's own
        ("On Tuesday Japan protested against the exercises.", "11"),
    ],
    ids=["noun-condemnation", "noun-protest", "verb-protest"],
)
def test_story_parties_a_protest_or_condemnation_of_the_drills_aims_at_who_held_them(
    coding_pipeline: Pipeline, reaction: str, root: str
) -> None:
    events = coded(coding_pipeline, DRILLS, reaction)
    assert by_story(events) == [("JPN", "CHN", root)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # the reacting state's own act
        (DRILLS, "On Tuesday the Chinese defence minister called for an end to the exercises."),
        # a joint act has no owner
        ("China and Russia held joint naval exercises in the Sea of Japan on Monday.", APPEAL),
        # an act the story never told
        ("The Japanese defence minister visited Australia on Monday.", APPEAL),
    ],
    ids=["own-act", "joint-act", "untold-act"],
)
def test_story_parties_no_owner_gives_no_target(
    coding_pipeline: Pipeline, paragraphs: tuple[str, str]
) -> None:
    assert by_story(coded(coding_pipeline, *paragraphs)) == []


def test_story_parties_a_noun_naming_its_own_party_keeps_the_sentence_reading(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        "Chinese warships held large naval drills near Taiwan on Monday.",
        "On Tuesday the Japanese defence minister condemned the exercises by Russia.",
    )
    assert by_story(events) == []
    assert not any(e.source[:3] == "JPN" and e.target[:3] == "CHN" for e in events)


def by_side(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.source[:3], e.target[:3], e.code[:2]) for e in events if SIDE in e.rule]


def test_story_parties_a_move_without_target_aims_at_the_states_one_opponent(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        ACCUSED,
        "On Tuesday Azerbaijan rejected the accusation.",
        "Azerbaijan also deployed additional troops along the border.",
    )
    assert ("AZE", "ARM", "15") in by_side(events)
    taken = next(e for e in events if SIDE in e.rule)
    assert taken.sentence.startswith("Azerbaijan also deployed")


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a state with several counterparts has no one opponent
        (
            ACCUSED,
            "Azerbaijan also accused Iran of arming Armenian fighters.",
            "Azerbaijan deployed additional troops along the border.",
        ),
        # a third state in the sentence may be the target
        (ACCUSED, "Azerbaijan deployed additional troops along the border, Turkish media said."),
    ],
    ids=["several-counterparts", "third-state"],
)
def test_story_parties_no_one_opponent_gives_no_other_side(
    coding_pipeline: Pipeline, paragraphs: tuple[str, ...]
) -> None:
    assert by_side(coded(coding_pipeline, *paragraphs)) == []


def test_story_parties_a_reaction_to_its_own_move_aims_at_no_other_side(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        ACCUSED,
        "Azerbaijan deployed additional troops along the border.",
        "The Azerbaijani foreign minister later criticised the deployment.",
    )
    assert by_side(events) == [("AZE", "ARM", "15")]  # the deployment, not a criticism


def test_story_parties_an_owned_act_noun_aims_at_the_owners_one_opponent(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        ACCUSED,
        "Grain prices have risen sharply since Azerbaijan's offensive, traders said.",
    )
    assert ("AZE", "ARM", "19") in by_side(events)


def test_story_parties_an_owned_act_noun_with_several_counterparts_has_no_other_side(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        ACCUSED,
        "Azerbaijan also accused Iran of arming Armenian fighters.",
        "Grain prices have risen sharply since Azerbaijan's offensive, traders said.",
    )
    assert by_side(events) == []


def test_story_parties_a_ship_named_in_apposition_acts_against_the_other_side(
    coding_pipeline: Pipeline,
) -> None:
    # the reef is nobody's in the sentence; the story's dispute is between the two navies
    events = coded(
        coding_pipeline,
        "China condemned the United States on Friday after an American warship sailed near "
        "a reef that Beijing claims.",
        "The destroyer USS Halsey Reed sailed within 12 nautical miles of Lantern Reef.",
    )
    sailed = [
        (e.source, e.target[:3])
        for e in events
        if SIDE in e.rule and e.sentence.startswith("The destroyer USS")
    ]
    assert sailed == [("USAMIL", "CHN")]
