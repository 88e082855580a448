"""Events whose actors are named in another sentence of the story: "the two leaders", "they",
an official's repeated name, "it", "the bloc", and a quotation's "we" standing for its
speaker, coded through the whole pipeline (pre-filter included). Sentences written here."""

from __future__ import annotations

import datetime as dt

from events_support import pipeline_triples
from tripolar.pipeline import Pipeline

D = dt.date(2023, 6, 1)


def events(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return pipeline_triples(pipeline, text, D)


def test_story_pair_subject_codes_joint_intent(coding_pipeline: Pipeline) -> None:
    text = (
        "Norway and Chile signed a fisheries accord on Monday.\n\n"
        "The two sides agreed to resume naval talks next year."
    )
    found = events(coding_pipeline, text)
    assert {("NOR", "CHL", "036"), ("CHL", "NOR", "036")} <= found


def test_story_two_leaders_hold_talks_with_each_other(coding_pipeline: Pipeline) -> None:
    text = (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on "
        "Monday.\n\nThe two leaders held friendly talks and pledged to deepen cooperation."
    )
    found = events(coding_pipeline, text)
    assert {("RUSGOV", "CHNGOV", "046"), ("CHNGOV", "RUSGOV", "046")} <= found
    assert ("RUSGOV", "CHNGOV", "031") in found


def test_story_quoted_condemnation_is_the_speakers(coding_pipeline: Pipeline) -> None:
    text = (
        "Norway's foreign ministry said on Monday:\n\n"
        '"We condemn Chile\'s decision to expel our diplomats."'
    )
    assert events(coding_pipeline, text) == {("NORGOV", "CHL", "111")}


def test_story_it_accuses_as_the_subject_before(coding_pipeline: Pipeline) -> None:
    text = (
        "Chile maintains it acted lawfully near Peru.\n\n"
        "It also accused Norway of meddling in the dispute."
    )
    assert ("CHL", "NOR", "112") in events(coding_pipeline, text)


def test_story_official_criticises_by_surname(coding_pipeline: Pipeline) -> None:
    text = (
        "Norwegian foreign ministry spokeswoman Marta Ekdahl spoke on Monday.\n\n"
        "Ekdahl criticised Chile's decision."
    )
    assert ("NORGOV", "CHL", "111") in events(coding_pipeline, text)


def test_story_they_oppose_and_urge_the_alliance(coding_pipeline: Pipeline) -> None:
    text = (
        "Cuba and Venezuela issued a joint statement on Friday.\n\n"
        "They said they opposed new NATO bases in the region and urged the alliance to cancel "
        "its drills."
    )
    found = events(coding_pipeline, text)
    for source in ("CUB", "VEN"):
        assert (source, "IGOWSTNAT", "110") in found
        assert (source, "IGOWSTNAT", "022") in found


def test_story_the_bloc_condemns(coding_pipeline: Pipeline) -> None:
    text = (
        "The EU summoned Russia's ambassador on Tuesday.\n\n"
        "The bloc condemned Moscow's decision to close the border."
    )
    assert ("IGOEUREEC", "RUSGOV", "111") in events(coding_pipeline, text)


def test_story_weather_and_copula_it_code_nothing(coding_pipeline: Pipeline) -> None:
    text = "Chile met Peru in Lima.\n\nIt rained all day. It is unclear what Peru agreed."
    assert events(coding_pipeline, text) == {("CHL", "PER", "040")}


def test_story_quoted_they_is_not_the_speaker(coding_pipeline: Pipeline) -> None:
    intro = "Chilean Navy Commander Pablo Rivas spoke in Santiago on Monday.\n\n"
    quoted = intro + '"They seized Chilean cargo," Rivas said.'
    assert events(coding_pipeline, quoted) == set()  # "they": the other side, unnamed
    reported = intro + "Rivas said they had seized Peruvian cargo."
    assert events(coding_pipeline, reported) == {("CHLMIL", "PER", "171")}
