"""What a party is given, told from the receiving side: "X received arms from Y" is Y's act;
observers received stay the receiver's act; two parties of unknown country are not coded.
Own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table, mentions_from_table
from tripolar.events import EventCoder

ACTORS = {
    "Moldova": "MDA",
    "Moldovan farmers": "MDACVL",
    "Ghana": "GHA",
    "Norway": "NOR",
    "Norwegian government": "NORGOV",
    "the United Nations": "IGOUNO",
    "Gunmen": "---UAF",
    "guards": "---MIL",
    "Peruvian officials": "PERGOV",
    "Norwegian": "NOR",
}


def code(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str, str]]:
    return coded_with_table(nlp, coder, text, ACTORS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moldova received weapons from Norway last spring.", ("NOR", "MDA", "072")),
        ("Ghana secured a large loan from Norway on Friday.", ("NOR", "GHA", "071")),
        ("Moldova obtained emergency aid from Norway.", ("NOR", "MDA", "070")),
        (
            "Moldovan farmers received assurances from the Norwegian government.",
            ("NORGOV", "MDACVL", "030"),
        ),
    ],
)
def test_givers_are_the_source_of_what_is_received(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, text) == [expected]


def test_givers_observers_received_stay_the_receivers_act(nlp: Language, coder: EventCoder) -> None:
    # allowing monitors in is the receiver's act (086), not the sender's
    assert code(nlp, coder, "Ghana received observers from the United Nations.") == [
        ("GHA", "IGOUNO", "086")
    ]


def test_givers_two_unknown_parties_are_not_coded(nlp: Language, coder: EventCoder) -> None:
    text = "Gunmen kidnapped two guards near the border, Peruvian officials said."
    assert code(nlp, coder, text) == []
    result = coder.explain_doc(
        nlp(text),
        mentions_from_table(text, ACTORS),
        doc_id="t",
        published=None,
    )
    assert [r.reason for r in result.rejections] == ["no party of known country"]
