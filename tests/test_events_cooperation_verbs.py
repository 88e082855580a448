"""Cooperation said other ways: agreements entered into (also "heads of agreement"),
condolences and congratulations sent or extended, gratitude expressed, sales and deliveries of
arms, supplying a state "with" weapons. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_set, coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Chile": "CHL",
    "Peru": "PER",
    "Oslo": "NORGOV",
    "Lima": "PERGOV",
    "Chilean forces": "CHLMIL",
    "Norwegian": "NOR",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


CASES = [
    pytest.param(
        "They noted ongoing discussions by Norway and Chile on market access.",
        {("NOR", "CHL", "046"), ("CHL", "NOR", "046")},
        id="discussions-by-two-states",
    ),
    pytest.param(
        "The two nations would hold negotiations led by Norway and Peru.",
        {("NOR", "PER", "036"), ("PER", "NOR", "036")},
        id="negotiations-led-by-two-states",
    ),
    pytest.param(
        'Oslo said, "We will work with Chile to implement the resolution."',
        {("NORGOV", "CHL", "031")},
        id="will-work-with",
    ),
    pytest.param(
        "The Norwegian envoy was headed to Chile and Peru.",
        {("NOR", "CHL", "042"), ("NOR", "PER", "042")},
        id="was-headed-to",
    ),
    pytest.param(
        "Norway and Chile entered into an agreement on fishing quotas.",
        {("NOR", "CHL", "057"), ("CHL", "NOR", "057")},
        id="entered-into-agreement",
    ),
    pytest.param(
        "Norway and Peru entered into heads of agreement on a copper mine.",
        {("NOR", "PER", "057"), ("PER", "NOR", "057")},
        id="heads-of-agreement",
    ),
    pytest.param(
        "Oslo sent condolences to Chile after the earthquake.",
        {("NORGOV", "CHL", "018")},
        id="sent-condolences",
    ),
    pytest.param(
        "Lima extended its congratulations to Norway on the election.",
        {("PERGOV", "NOR", "051")},
        id="extended-congratulations",
    ),
    pytest.param(
        "Peru expressed gratitude to Norway for its help.",
        {("PER", "NOR", "051")},
        id="expressed-gratitude",
    ),
    pytest.param(
        "Last week Norway approved the sale of patrol boats to Chile.",
        {("NOR", "CHL", "061")},
        id="approved-sale-to",
    ),
    pytest.param(
        "Norway approved the sale of 40 patrol boats built by a Norwegian yard to Chile.",
        {("NOR", "CHL", "061")},  # "to Chile" hung on the goods' participle
        id="approved-sale-to-after-the-goods-phrase",
    ),
    pytest.param(
        "Norway and Chile issued a joint statement on fishing rights.",
        {("NOR", "CHL", "057"), ("CHL", "NOR", "057")},
        id="joint-statement-issued",
    ),
    pytest.param(
        "Norway issued a statement on fishing rights.",
        set(),  # one state's statement is no agreement
        id="statement-of-one-state",
    ),
    pytest.param(
        "Norway has started delivery of patrol boats to Peru.",
        {("NOR", "PER", "070")},
        id="delivery-to",
    ),
    pytest.param(
        "Oslo sat down with Lima for dinner last week.",
        {("NORGOV", "PERGOV", "040")},
        id="sat-down-with",
    ),
    pytest.param(
        "Oslo headed to Chile and Peru on Monday.",
        {("NORGOV", "CHL", "042"), ("NORGOV", "PER", "042")},
        id="headed-to",
    ),
    pytest.param(
        "Norway's last bilateral meet with Peru was in 2019.",
        {("NOR", "PER", "040")},
        id="a-meet-with",
    ),
    pytest.param(
        "Norway advised Chile to refrain from new tariffs.",
        {("NOR", "CHL", "020")},
        id="advised-to",
    ),
    pytest.param(
        "After a meeting with Lima in Quito, Oslo called for calm.",
        {("NORGOV", "PERGOV", "040")},
        id="after-a-meeting-with-the-subjects-act",
    ),
    pytest.param(
        "On a visit to Chile, Oslo praised the Chilean navy.",
        {("NORGOV", "CHL", "042"), ("NORGOV", "CHL", "051")},
        id="on-a-visit-the-subjects-act",
    ),
    pytest.param(
        "Peru supplied Chilean forces with drones.",
        {("PER", "CHLMIL", "072")},
        id="supplied-with-weapons",
    ),
    pytest.param(
        "Norway pledged $100 million in aid to Peru.",
        {("NOR", "PER", "033")},
        id="pledged-a-sum-in-aid",
    ),
    pytest.param(
        "Oslo approved a $1 billion arms package for Chile.",
        {("NORGOV", "CHL", "072")},
        id="approved-an-arms-package-for",
    ),
    pytest.param(
        "Peru voiced support for Chile's position on the treaty.",
        {("PER", "CHL", "051")},
        id="voiced-support-for",
    ),
    pytest.param(
        "Peru reaffirmed its support for Chile.",
        {("PER", "CHL", "051")},
        id="reaffirmed-its-support-for",
    ),
    pytest.param(
        "The Norwegian premier assured Chile that the troops would leave by spring.",
        {("NOR", "CHL", "010")},
        id="assured-a-state-that",
    ),
    pytest.param(
        "Oslo assured Lima of its full support.",
        {("NORGOV", "PERGOV", "032")},
        id="assured-a-state-of-support",
    ),
    pytest.param(
        "Oslo assured a quick result.",
        set(),  # no one assured
        id="assured-no-state",
    ),
]


# A meeting held at one side's request: that side asked to meet (036) the other.
REQUESTED = [
    pytest.param(
        "Chilean President Juan Perez and Norwegian Prime Minister Ola Dahl held a meeting in "
        "Santiago at the request of the Norwegian side.",
        {("CHL", "NOR", "040"), ("NOR", "CHL", "040"), ("NOR", "CHL", "036")},
        id="held-a-meeting-at-one-sides-request",
    ),
    pytest.param(
        "Norway met Chile at the request of Peru.",
        {("NOR", "CHL", "040"), ("PER", "NOR", "036"), ("PER", "CHL", "036")},
        id="met-at-a-third-states-request",
    ),
    pytest.param(
        "Norway imposed sanctions on Chile at the request of Peru.",
        {("NOR", "CHL", "163")},
        id="no-meeting-no-request-to-meet",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REQUESTED)
def test_events_cooperation_verbs_requested_meetings(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {(s[:3], t[:3], c) for s, t, c in coded_set(nlp, coder, text)} == expected


# Photo captions name who is pictured where, without a verb.
CAPTIONS = [
    pytest.param(
        "Norwegian Foreign Minister Ola Dahl (L) and Chilean Foreign Minister Juan Perez at a "
        "joint press conference in Oslo on March 3, 2019.",
        {("NOR", "CHL", "040"), ("CHL", "NOR", "040")},
        id="pictured-at-a-joint-press-conference",
    ),
    pytest.param(
        "Norwegian Foreign Minister Ola Dahl at a press conference in Oslo.",
        set(),
        id="one-side-pictured",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CAPTIONS)
def test_events_cooperation_verbs_captions(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_cooperation_verbs_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, text) == expected


def test_events_cooperation_agreement_described_is_no_act(nlp: Language, coder: EventCoder) -> None:
    """Only a verb that makes it turns an agreement into an act."""
    assert code(nlp, coder, "The agreement between Norway and Chile is old.") == set()
