"""Every member of a list of targets is a target, also when the parser tears a long list
apart ("a ban on food from A, the 27 European Union countries, B and non-EU member C"); a
comma that ends a clause makes no list. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import NORDIC, coded_set
from tripolar.events import EventCoder

ACTORS = {
    **NORDIC,
    "Argentina": "ARG",
    "Brazil": "BRA",
    "Iceland": "ISL",
    "United States": "USA",
    "European Union": "IGOEUREEC",
    "EU": "IGOEUREEC",
    "Beijing": "CHNGOV",
    "China": "CHN",
}

CASES = [
    pytest.param(
        "Prices rose after the news of Beijing's two-year ban on all beef, pork and milk from "
        "the United States, the 27 European Union countries, Chile, Brazil and non-EU member "
        "Iceland.",
        {
            ("CHNGOV", "USA", "163"),
            ("CHNGOV", "IGOEUREEC", "163"),
            ("CHNGOV", "CHL", "163"),
            ("CHNGOV", "BRA", "163"),
            ("CHNGOV", "ISL", "163"),
        },
        id="long-list-torn-by-the-parser",
    ),
    pytest.param(
        "Beijing announced a ban on beef from the United States, the European Union countries, "
        "Chile and non-EU member Iceland.",
        {
            ("CHNGOV", "USA", "163"),
            ("CHNGOV", "IGOEUREEC", "163"),
            ("CHNGOV", "CHL", "163"),
            ("CHNGOV", "ISL", "163"),
        },
        id="list-with-a-member-described",
    ),
    pytest.param(
        "Oslo imposed a ban on fish from Chile, Peru and Argentina.",
        {("NORGOV", "CHL", "163"), ("NORGOV", "PER", "163"), ("NORGOV", "ARG", "163")},
        id="list-parsed-whole",
    ),
    pytest.param(
        "Oslo imposed sanctions on Peru, China said on Friday.",
        {("NORGOV", "PER", "163")},
        id="a-clause-after-a-comma-is-no-list",
    ),
    pytest.param(
        "Oslo imposed sanctions on Peru, and China said on Friday it would respond.",
        {("NORGOV", "PER", "163")},
        id="a-joined-clause-is-no-list",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_target_lists_code(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded_set(nlp, coder, text, ACTORS) == expected
