"""Governed acts, reported demands, refusals and the argument-finding rules of the coder.

Sentences are our own; mentions are placed by hand (a small dictionary of phrases), so the
tests exercise the events stage only, with the real parser.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tripolar.events import EventCoder
from tripolar.model import Mention

PHRASES = {
    "The Syrian government": ("SYRGOV",),
    "Japanese": ("JPN",),
    "Syrians": ("SYR",),
    "Damascus": ("SYR",),
    "Ukraine": ("UKR",),
    "Japan": ("JPN",),
    "China": ("CHN",),
    "Russia": ("RUS",),
    "Syria": ("SYR",),
    "Iran": ("IRN",),
}


def mentions(text: str) -> list[Mention]:
    taken: set[int] = set()
    found = []
    for phrase in sorted(PHRASES, key=len, reverse=True):
        start = 0
        while (i := text.find(phrase, start)) >= 0:
            start = i + len(phrase)
            after = text[start] if start < len(text) else " "
            if after.isalnum() or set(range(i, start)) & taken:
                continue
            taken |= set(range(i, start))
            found.append(Mention(i, start, phrase, PHRASES[phrase]))
    return sorted(found, key=lambda m: m.start)


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    events = coder.code_doc(nlp(text), mentions(text), doc_id="t", published=None)
    return {(e.source, e.code, e.target) for e in events}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an agreement to an act without a pattern: intent to cooperate, both directions
        (
            "Japan and Ukraine agreed to set up a joint research fund.",
            {("JPN", "030", "UKR"), ("UKR", "030", "JPN")},
        ),
        # the target is an argument of the embedded act
        ("Iran threatened to cut off gas deliveries to Syria.", {("IRN", "1311", "SYR")}),
        ("China refused to hand over the files to Japan.", {("CHN", "120", "JPN")}),
        ("Russia is ready to open its ports to Japan.", {("RUS", "030", "JPN")}),
        # an agreement to a noun: the noun's actors are the target
        ("Iran agreed to a Japanese proposal on Sunday.", {("IRN", "030", "JPN")}),
        # the act's argument is a noun: whose it is ("a request from X", "a fund run by X")
        (
            "Syria refused to reply to a request from Ukraine for more grain.",
            {("SYR", "120", "UKR")},
        ),
        ("Japan agreed to contribute to a fund managed by China.", {("JPN", "030", "CHN")}),
    ],
)
def test_governed_act_codes_the_governor(
    nlp: Language, coder: EventCoder, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    assert code(nlp, coder, sentence) == expected


def test_governed_act_yields_to_the_embedded_pattern(nlp: Language, coder: EventCoder) -> None:
    # "meet" has its own pattern: its intent (036) is coded, not a generic 030
    assert code(nlp, coder, "Japan agreed to meet Ukraine next month.") == {("JPN", "036", "UKR")}


def test_governed_act_negated_governor_codes_nothing(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Iran did not threaten to cut off gas deliveries to Syria.") == set()


def test_modality_negated_future_cooperation_is_a_refusal(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia will not meet Japanese envoys.") == {("RUS", "125", "JPN")}


def test_modality_negated_future_conflict_codes_nothing(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia will not attack Ukraine.") == set()


def test_reported_demand_from_must(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "China said Japan must withdraw its troops from the islands.") == {
        ("CHN", "1056", "JPN")
    }


def test_reported_demand_needs_an_obligation(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "China said Japan has many islands.") == set()


def test_coder_demand_target_from_the_object_owner(nlp: Language, coder: EventCoder) -> None:
    # the demanded act refines the code: a withdrawal (087) demanded is 1056
    assert code(nlp, coder, "China demanded the withdrawal of Japanese troops.") == {
        ("CHN", "1056", "JPN")
    }


def test_coder_object_through_a_quantity(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Japan will provide 20 million dollars of aid to Ukraine.") == {
        ("JPN", "033", "UKR")
    }


def test_coder_partitive_source_and_located_protest(nlp: Language, coder: EventCoder) -> None:
    # the protest has no stated target: the place it happened in stands for it
    assert code(nlp, coder, "Thousands of Syrians demonstrated in Japan on Monday.") == {
        ("SYR", "141", "JPN")
    }


def test_coder_located_curfew(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "The Syrian government imposed a curfew in Damascus.") == {
        ("SYRGOV", "1723", "SYR")
    }


def test_coder_mediator_acts_on_each_party(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Japan launched a mediation effort between Syria and Iran.") == {
        ("JPN", "045", "SYR"),
        ("JPN", "045", "IRN"),
    }


def test_coder_concession_target_from_the_demand_owner(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Syria accepted demands from Iran on Tuesday.") == {
        ("SYR", "080", "IRN")
    }
