"""Acts told around a speaker's words: a phone call or a press conference with a foreign
leader that a statement is made in or at is the speaker's consultation (041, 040), and the
"press" of a press conference is no party to it; concern voiced that a state does something
is disapproval of that state (111); an incident blamed on a state accuses it (112).
Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Norwegian Prime Minister Ole Berg": "NORGOV",
    "Chilean President Ana Rojas": "CHLGOV",
    "Norwegian officials": "NORGOV",
    "press": "NORMED",
}

CASES = [
    pytest.param(
        "Norwegian Prime Minister Ole Berg said in a phone call with Chilean President Ana "
        "Rojas that the fishing quotas were fair.",
        {("NORGOV", "CHLGOV", "041")},
        id="said-in-a-phone-call-with",
    ),
    pytest.param(
        "In a phone call with Chilean President Ana Rojas, Norwegian Prime Minister Ole Berg "
        "said the fishing quotas were fair.",
        {("NORGOV", "CHLGOV", "041")},
        id="in-a-phone-call-opening-the-clause",
    ),
    pytest.param(
        "Norwegian Prime Minister Ole Berg, speaking at a press conference with Chilean "
        "President Ana Rojas, said the talks went well.",
        {("NORGOV", "CHLGOV", "040")},
        id="press-conference-with-a-leader",
    ),
    pytest.param(
        "Norwegian officials have expressed concern that Chile is building warships.",
        {("NORGOV", "CHL", "111")},
        id="concern-that-a-state-acts",
    ),
    pytest.param(
        "Norwegian officials expressed concern that the weather is getting worse.",
        set(),
        id="concern-about-no-state",
    ),
    pytest.param(
        "Norway blames the bombing on Chile.",
        {("NOR", "CHL", "112")},
        id="blamed-on",
    ),
    pytest.param(
        "The bombing, which Norway blames on Chile, killed three people.",
        {("NOR", "CHL", "112")},
        id="blamed-on-in-a-relative-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_call_scenes_and_concerns_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
