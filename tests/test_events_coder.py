"""The event coder on sentences parsed by the real pipeline, with hand-made mentions."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.events import CodingResult, EventCoder
from tripolar.model import Event, Mention

PUB = dt.date(2019, 6, 6)  # a Thursday

ACTORS = [
    ("Chinese President Xi Jinping", "CHNGOV"),
    ("Russian President Vladimir Putin", "RUSGOV"),
    ("Xi Jinping", "CHNGOV"),
    ("Vladimir Putin", "RUSGOV"),
    ("Putin", "RUSGOV"),
    ("Xi", "CHNGOV"),
    ("United States", "USA"),
    ("China", "CHN"),
    ("Russia", "RUS"),
    ("Japan", "JPN"),
    ("Ukraine", "UKR"),
    ("Syria", "SYR"),
    ("Iran", "IRN"),
    ("Taiwan", "TWN"),
    ("Moscow", "RUS"),
    ("Beijing", "CHN"),
    ("Sino-Russian", "CHN,RUS"),
    ("two countries", "CHN,RUS"),
    ("Russian", "RUS"),
    ("Chinese", "CHN"),
    ("American", "USA"),
    ("Ukrainian", "UKR"),
    ("Syrian", "SYR"),
    ("Iranian", "IRN"),
    ("Japanese", "JPN"),
    ("UN Security Council", "IGOUNOSEC"),
]


def mentions_for(text: str) -> list[Mention]:
    """Longest-first, non-overlapping mentions of the ACTORS phrases (like a dictionary)."""
    taken: set[int] = set()
    found: list[Mention] = []
    for phrase, codes in sorted(ACTORS, key=lambda a: -len(a[0])):
        start = 0
        while (i := text.find(phrase, start)) >= 0:
            start = i + len(phrase)
            before = text[i - 1] if i else " "
            after = text[start] if start < len(text) else " "
            span = set(range(i, start))
            if before.isalnum() or after.isalnum() or span & taken:
                continue
            taken |= span
            found.append(Mention(i, start, phrase, tuple(codes.split(","))))
    return sorted(found, key=lambda m: m.start)


def explain(
    nlp: Language, coder: EventCoder, text: str, published: dt.date | None = PUB
) -> CodingResult:
    return coder.explain_doc(nlp(text), mentions_for(text), doc_id="doc", published=published)


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source, e.code, e.target) for e in events}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return triples(explain(nlp, coder, text).events)


ROOT_SENTENCES = [
    ("01", "Japan expressed condolences to China.", ("JPN", "018", "CHN")),
    ("01", "Russia commented on China's decision.", ("RUS", "010", "CHN")),
    ("02", "China appealed to Russia for help.", ("CHN", "020", "RUS")),
    ("02", "China urged Japan to release the detained fishermen.", ("CHN", "0253", "JPN")),
    ("03", "Russia offered aid to Syria.", ("RUS", "033", "SYR")),
    ("03", "Russia pledged support for Iran.", ("RUS", "032", "IRN")),
    ("04", "Xi visited Russia.", ("CHNGOV", "042", "RUS")),
    ("04", "Putin telephoned Xi.", ("RUSGOV", "041", "CHNGOV")),
    ("05", "Russia praised China.", ("RUS", "051", "CHN")),
    ("05", "Japan signed a treaty with China.", ("JPN", "057", "CHN")),
    ("06", "China cooperated with Russia.", ("CHN", "060", "RUS")),
    ("06", "Russia sold missiles to China.", ("RUS", "062", "CHN")),
    ("07", "The United States provided military aid to Ukraine.", ("USA", "072", "UKR")),
    ("07", "Japan sent food to China.", ("JPN", "073", "CHN")),
    ("08", "China lifted sanctions on Japan.", ("CHN", "085", "JPN")),
    ("08", "Russia released Ukrainian sailors.", ("RUS", "0841", "UKR")),
    ("09", "Russia launched an investigation into American companies.", ("RUS", "090", "USA")),
    ("10", "Russia demanded that Ukraine withdraw its troops.", ("RUS", "1056", "UKR")),
    ("11", "China condemned Japan.", ("CHN", "111", "JPN")),
    ("11", "The United States accused Russia.", ("USA", "112", "RUS")),
    ("12", "Japan rejected China's proposal.", ("JPN", "120", "CHN")),
    ("12", "Russia vetoed the resolution on Syria.", ("RUS", "129", "SYR")),
    ("13", "China threatened Taiwan.", ("CHN", "130", "TWN")),
    ("13", "Russia threatened Ukraine with force.", ("RUS", "138", "UKR")),
    ("14", "Russian students demonstrated against China.", ("RUS", "141", "CHN")),
    ("15", "Russia mobilized troops against Ukraine.", ("RUS", "154", "UKR")),
    ("15", "Russia deployed troops near Ukraine.", ("RUS", "154", "UKR")),
    ("16", "China imposed tariffs on Japan.", ("CHN", "163", "JPN")),
    ("16", "Russia recalled its ambassador from Japan.", ("RUS", "161", "JPN")),
    ("17", "Russia arrested Ukrainian sailors.", ("RUS", "173", "UKR")),
    ("17", "Russia hacked American banks.", ("RUS", "176", "USA")),
    ("18", "Syrian militants kidnapped Iranian pilgrims.", ("SYR", "181", "IRN")),
    ("18", "Russia assassinated a Ukrainian journalist.", ("RUS", "186", "UKR")),
    ("19", "Russia attacked Ukraine.", ("RUS", "190", "UKR")),
    ("19", "Russia bombed Syrian towns.", ("RUS", "195", "SYR")),
    ("20", "Syria massacred Iranian pilgrims.", ("SYR", "202", "IRN")),
]


@pytest.mark.parametrize(("root", "sentence", "expected"), ROOT_SENTENCES)
def test_coder_codes_every_root(
    nlp: Language, coder: EventCoder, root: str, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected[1].startswith(root)
    assert expected in code(nlp, coder, sentence)


def test_coder_every_root_has_a_test_sentence() -> None:
    assert {r for r, _, _ in ROOT_SENTENCES} == {f"{n:02d}" for n in range(1, 21)}


def test_coder_end_to_end_meeting_on_tuesday(nlp: Language, coder: EventCoder) -> None:
    text = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday."
    events = explain(nlp, coder, text).events
    assert len(events) == 1
    event = events[0]
    assert (event.source, event.target, event.root) == ("CHNGOV", "RUSGOV", "04")
    assert (event.event_date, event.date_basis) == (dt.date(2019, 6, 4), "text")
    assert text[event.trigger_start : event.trigger_end] == "met"
    assert (event.start, event.end, event.sentence) == (0, len(text), text)
    assert event.source_text == "Chinese President Xi Jinping"
    assert event.goldstein == 1.0 and event.quad_class == 1
    assert event.rule == "verb:meet+dobj"
    assert event.event_id


def test_coder_sentence_index_counts_every_sentence(nlp: Language, coder: EventCoder) -> None:
    text = "It rained. Nothing happened at all. Russia praised China."
    events = explain(nlp, coder, text).events
    assert [e.sentence_index for e in events] == [2]
    assert events[0].sentence == "Russia praised China."
    assert text[events[0].start : events[0].end] == "Russia praised China."


def test_coder_locative_actor_is_not_a_target(nlp: Language, coder: EventCoder) -> None:
    result = explain(nlp, coder, "Putin met officials in Beijing.")
    assert result.events == []
    assert any(r.reason.startswith("no target") for r in result.rejections)
    # talks are mutual: each side negotiates with the other; Beijing is no target
    assert code(nlp, coder, "Xi held talks with Putin at the summit in Beijing.") == {
        ("CHNGOV", "046", "RUSGOV"),
        ("RUSGOV", "046", "CHNGOV"),
    }


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Putin did not meet Xi.", "negated"),
        ("Putin said Russia would never attack Ukraine.", "negated"),
        ("Russia may attack Ukraine.", "hedged"),
        ("If Russia attacks Ukraine, prices will rise.", "conditional"),
        ("Russia denied that it attacked Ukraine.", "denied"),
    ],
)
def test_coder_rejects_with_reason(
    nlp: Language, coder: EventCoder, sentence: str, reason: str
) -> None:
    result = explain(nlp, coder, sentence)
    assert result.events == []
    assert any(r.reason.startswith(reason) for r in result.rejections), result.rejections


def test_coder_code_doc_returns_only_events(nlp: Language, coder: EventCoder) -> None:
    text = "Putin did not meet Xi."
    assert coder.code_doc(nlp(text), mentions_for(text), doc_id="d", published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China will host Putin.", ("CHN", "036", "RUSGOV")),
        ("Putin is expected to visit China.", ("RUSGOV", "036", "CHN")),
        ("Russia plans to sign a treaty with Japan.", ("RUS", "030", "JPN")),
        ("Russia vowed to cooperate with China.", ("RUS", "031", "CHN")),
        ("Russia threatened to impose sanctions on Ukraine.", ("RUS", "1312", "UKR")),
        ("Putin refused to meet Xi.", ("RUSGOV", "125", "CHNGOV")),
    ],
)
def test_coder_modality_gives_intent_threat_refusal(
    nlp: Language, coder: EventCoder, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert code(nlp, coder, sentence) == {expected}


def test_coder_intent_rule_names_the_mode(nlp: Language, coder: EventCoder) -> None:
    events = explain(nlp, coder, "China will host Putin.").events
    assert events[0].rule == "verb:host/intent+dobj"


def test_coder_passive_with_agent(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia was accused by the United States of meddling.") == {
        ("USA", "112", "RUS")
    }
    assert code(nlp, coder, "Sanctions were imposed on Russia by the United States.") == {
        ("USA", "163", "RUS")
    }


def test_coder_passive_without_agent_codes_nothing(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia was criticized.") == set()


def test_coder_reported_speech_codes_the_reported_act(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Japan said that Russia attacked Ukraine.") == {("RUS", "190", "UKR")}
    assert code(nlp, coder, "China said Russia would impose sanctions on Japan.") == {
        ("RUS", "1312", "JPN")
    }


def test_coder_coordinated_subjects_and_objects(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "The United States and Japan criticized China.") == {
        ("USA", "111", "CHN"),
        ("JPN", "111", "CHN"),
    }
    assert code(nlp, coder, "Putin met Xi and the Japanese prime minister.") == {
        ("RUSGOV", "040", "CHNGOV"),
        ("RUSGOV", "040", "JPN"),
    }


def test_coder_coordinated_verbs_share_the_target(nlp: Language, coder: EventCoder) -> None:
    result = code(nlp, coder, "Xi met and talked with Putin.")
    assert result == {("CHNGOV", "040", "RUSGOV")}
    assert code(nlp, coder, "Russia praised and defended China.") == {
        ("RUS", "051", "CHN"),
        ("RUS", "052", "CHN"),
    }


def test_coder_reciprocal_subjects(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "China and Russia signed an agreement.") == {
        ("CHN", "057", "RUS"),
        ("RUS", "057", "CHN"),
    }
    assert code(nlp, coder, "The two countries held talks.") == {
        ("CHN", "046", "RUS"),
        ("RUS", "046", "CHN"),
    }


def test_coder_reciprocal_compound_actor(nlp: Language, coder: EventCoder) -> None:
    result = explain(nlp, coder, "The Sino-Russian joint exercise began on Monday.")
    assert triples(result.events) == {("CHN", "062", "RUS"), ("RUS", "062", "CHN")}
    assert {e.event_date for e in result.events} == {dt.date(2019, 6, 3)}


def test_coder_single_actor_reciprocal_verb_needs_target(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia signed an agreement.") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Xi paid a visit to Russia.", ("CHNGOV", "042", "RUS")),
        ("Putin's talks with Xi ended.", ("RUSGOV", "046", "CHNGOV")),
        ("Xi held a phone call with Putin.", ("CHNGOV", "041", "RUSGOV")),
        ("American sanctions on Russia hurt trade.", ("USA", "163", "RUS")),
        ("China conducted military drills near Taiwan.", ("CHN", "150", "TWN")),
        ("Russia's expulsion of Japanese diplomats angered Japan.", ("RUS", "161", "JPN")),
    ],
)
def test_coder_nominal_events(
    nlp: Language, coder: EventCoder, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in code(nlp, coder, sentence)


def test_coder_talks_between_two_actors(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Talks between China and Japan resumed.") == {
        ("CHN", "046", "JPN"),
        ("JPN", "046", "CHN"),
    }


def test_coder_appeal_codes_the_governor_only(nlp: Language, coder: EventCoder) -> None:
    result = explain(nlp, coder, "The United States urged Russia to hold talks with Ukraine.")
    assert triples(result.events) == {("USA", "026", "RUS")}
    assert any(r.reason.startswith("asked for") for r in result.rejections)


def test_coder_same_actor_is_not_an_event(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Russia criticized Moscow.") == set()


def test_coder_actor_inside_long_noun_phrase_is_not_a_target(
    nlp: Language, coder: EventCoder
) -> None:
    assert code(nlp, coder, "Russia praised the new bridge near the border with China.") == set()


def test_coder_without_publication_date(nlp: Language, coder: EventCoder) -> None:
    events = explain(nlp, coder, "Russia praised China.", published=None).events
    assert [(e.event_date, e.date_basis) for e in events] == [(None, "none")]
