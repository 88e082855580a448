"""Holders: the named person or body a view is attributed to, with its actor code; a pronoun
is resolved to the last named speaker, a relative 'that' to its noun, never kept as is."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from assessments_support import judge
from tripolar.model import Assessment

NAMES = {
    "Beijing": ("CHNGOV",),
    "Moscow": ("RUSGOV",),
    "Washington": ("USAGOV",),
    "Tokyo": ("JPNGOV",),
    "Seoul": ("KORGOV",),
    "Japanese foreign ministry": ("JPNGOV",),
    "Lavrov": ("RUSGOV",),
    "Marta Ilves": ("EST",),
}


def judged(nlp: Language, text: str) -> list[Assessment]:
    return judge(nlp, text, NAMES, dt.date(2023, 4, 1))


def last_holders(records: list[Assessment]) -> set[tuple[str, str]]:
    final = max(r.sentence_index for r in records)
    return {(r.holder, r.holder_code) for r in records if r.sentence_index == final}


HOLDER_CASES = [
    pytest.param(
        "Lavrov noted that ties between Moscow and Beijing had never been warmer.",
        {("Lavrov", "RUSGOV")},
        id="named_speaker_with_code",
    ),
    pytest.param(
        "Tokyo and Seoul met in Busan, the Japanese foreign ministry said. "
        "It warned that trust between the two neighbours was eroding.",
        {("unattributed", "")},
        id="bare_it_is_unattributed",
    ),
    pytest.param(
        "Marta Ilves, a historian in Tallinn, said Washington and Moscow were rivals again. "
        "She argued that the rivalry between them would outlast the war.",
        {("Marta Ilves", "EST")},
        id="pronoun_takes_the_last_named_speaker",
    ),
    pytest.param(
        "According to the Japanese foreign ministry, relations between Tokyo and Seoul "
        "have seldom been so strained.",
        {("the Japanese foreign ministry", "JPNGOV")},
        id="according_to",
    ),
    pytest.param(
        "The talks prompted warnings from the Japanese foreign ministry that the basis "
        "of ties between Tokyo and Seoul had been damaged.",
        {("the Japanese foreign ministry", "JPNGOV")},
        id="warnings_from_a_body",
    ),
    pytest.param(
        "Lavrov spoke after the summit: “Relations between Moscow and Beijing are "
        "excellent. Our partnership has never been so close.”",
        {("Lavrov", "RUSGOV")},
        id="quotation_continues_into_the_next_sentence",
    ),
    pytest.param(
        "It was noted at the forum that cooperation between Moscow and Beijing is deepening.",
        {("unattributed", "")},
        id="passive_report_without_agent",
    ),
    pytest.param(
        "We believe that the rivalry between Washington and Beijing will deepen.",
        {("author", "")},
        id="first_person_is_the_author",
    ),
    pytest.param(
        "The study drew on interviews with Japanese analysts. "
        "They argue that ties between Tokyo and Seoul will improve.",
        {("Japanese analysts", "")},
        id="they_are_the_group_of_people_named_before",
    ),
    pytest.param(
        "The past decade saw relations between Tokyo and Seoul sour.",
        {("author", "")},
        id="a_time_that_saw_it_is_no_holder",
    ),
    pytest.param(
        "The first months of 2021 saw no improvement in ties between Tokyo and Seoul.",
        {("author", "")},
        id="a_dated_time_that_saw_it_is_no_holder",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HOLDER_CASES)
def test_holder_of_the_judgement(nlp, text, expected):
    assert last_holders(judged(nlp, text)) == expected


def test_holder_is_never_a_pronoun_or_relative(nlp):
    text = (
        "Analysts in Seoul were gloomy. They said the dispute with Tokyo would drag on. "
        "A report that warned of deep mistrust between Tokyo and Seoul was published."
    )
    holders = {r.holder.lower() for r in judged(nlp, text)}
    assert holders and not holders & {"they", "he", "she", "that", "which", "it"}


def test_holder_of_a_possessed_speech_is_the_person_named(coding_pipeline):
    text = (
        "Prime Minister Fumio Kishida spoke in Tokyo on Monday. "
        "His address stressed that ties between Tokyo and Seoul had never been better."
    )
    coded = coding_pipeline.code_text(text, dt.date(2023, 4, 1))
    final = [a for a in coded.assessments if a.sentence_index == 1]
    assert final and {(a.holder, a.holder_code) for a in final} == {
        ("Prime Minister Fumio Kishida", "JPNGOV")
    }


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        pytest.param(
            "Xi Jinping received Vladimir Putin in Beijing. "
            "He said that ties between Beijing and Moscow had never been closer.",
            "Xi Jinping",
            id="he_is_the_subject_named_before_not_the_last_name",
        ),
        pytest.param(
            "Vladimir Putin spoke in Moscow on Friday. Donald Trump left the talks early, "
            "but he said ties between Washington and Moscow had improved.",
            "Donald Trump",
            id="he_is_the_person_named_before_it_in_its_sentence",
        ),
    ],
)
def test_holder_pronoun_is_the_person_it_stands_for(coding_pipeline, text, holder):
    coded = coding_pipeline.code_text(text, dt.date(2023, 4, 1))
    final = [a for a in coded.assessments if a.sentence_index == 1]
    assert final and {a.holder for a in final} == {holder}
