"""The dyad from the discourse: sentences that name one party or none take the pair the text
is about; issues and places named in a sentence are not parties; open questions judge nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from assessments_support import (
    CASE_NAMES,
    builtin_extractor,
    hand_mentions,
    judge,
    judge_cases,
    last_sentence_signs,
)
from tripolar.model import Mention
from tripolar.pipeline import Pipeline

# (text, the last sentence's subjects and signs), one case per behaviour
PAIR_CASES = [
    pytest.param(
        "Officials from India and China met in a border town last week. "
        "Frictions had been simmering for months before the meeting.",
        {"CHN-IND": -1},
        id="sentence_without_party_takes_the_pair_discussed",
    ),
    pytest.param(
        "Tokyo and Seoul have argued over history textbooks for decades. "
        "In Japan, resentment of the ruling has been growing.",
        {"JPN-KOR": -1},
        id="one_party_of_the_pair_gives_the_pair",
    ),
    pytest.param(
        "The Indo-Japanese summit produced a long communique.\n\n"
        "Bilateral trust is now deeper than at any time in the past decade.",
        {"IND-JPN": 1},
        id="pair_survives_a_paragraph_break",
    ),
    pytest.param(
        "New Delhi and Beijing exchanged ambassadors in spring. "
        "Later, Russia and Washington resumed their arms talks. "
        "The mistrust between the two runs deep.",
        {"RUS-USA": -1},
        id="a_newly_named_pair_replaces_the_old_one",
    ),
    pytest.param(
        "Washington and Beijing traded accusations this spring. "
        "Friction rose over Taiwan and over export controls.",
        {"CHN-USA": -1},
        id="issue_country_is_not_a_party",
    ),
    pytest.param(
        "Mistrust between the two old rivals, Russia and the U.S., "
        "grew as the war in Syria dragged on.",
        {"RUS-USA": -1},
        id="place_of_a_war_is_not_a_party",
    ),
    pytest.param(
        "A congressional visit to Taiwan brought new strain to Sino-American ties.",
        {"CHN-USA": -1},
        id="the_relationship_named_in_the_clause",
    ),
    pytest.param(
        "Before the war in Ukraine, Moscow's partnership with Beijing had been deepening for "
        "ten years.",
        {"CHN-RUS": 1},
        id="a_country_in_a_time_phrase_is_not_a_party",
    ),
    pytest.param(
        "Russia remained mired in an uneasy relationship with Washington and Japan.",
        {"RUS-USA": -1, "JPN-RUS": -1},
        id="coordinated_targets_each_pair_with_the_source",
    ),
    pytest.param(
        "After three years of mounting tensions, Tokyo and Seoul signed a fisheries deal.",
        {"JPN-KOR": -1},
        id="years_of_tensions_are_a_judgement_not_a_date",
    ),
    pytest.param(
        "Amid the war in Ukraine, the strategic partnership of Moscow and Beijing held firm.",
        {"CHN-RUS": 1},
        id="the_cue_naming_the_pair_outweighs_the_sentence",
    ),
    pytest.param(
        "Russia was left out of the new order, caught in an uneasy relationship with "
        "Washington and Japan.",
        {"RUS-USA": -1, "JPN-RUS": -1},
        id="partners_in_a_nested_clause_pair_with_the_source",
    ),
    pytest.param(
        "The bitter dispute dragged on while Japan hosted the games.",
        {},
        id="a_place_is_no_actor_standing",
    ),
    pytest.param(
        "Russia and China held naval drills in July. Russia and China also signed a gas "
        "deal. Both distrust Washington. Still, the friendship between the two is warm.",
        {"CHN-RUS": 1},
        id="the_most_discussed_pair_is_the_article_pair",
    ),
    pytest.param(
        "Tensions had been building for months.",
        {},
        id="no_pair_in_sight_gives_nothing",
    ),
    pytest.param(
        "New Delhi and Beijing held talks in May. "
        "Will the two capitals find a way back to cooperation?",
        {},
        id="open_question_about_cooperation_judges_nothing",
    ),
    pytest.param(
        "New Delhi and Beijing held talks in May. "
        "Could the new trade deal ease the friction between them?",
        {},
        id="open_question_about_friction_judges_nothing",
    ),
    pytest.param(
        "In Tokyo, Beijing is seen as Russia's tacit ally, but what do Indian experts think?",
        {"CHN-RUS": 1},
        id="statement_before_a_closing_question_is_kept",
    ),
    pytest.param(
        "New Delhi and Beijing held talks in May. Why should the two neighbours remain rivals?",
        {"CHN-IND": -1},
        id="rhetorical_question_keeps_its_judgement",
    ),
    pytest.param(
        "In 1986 Moscow and Beijing began to normalise relations.",
        {"CHN-USR": 1},
        id="before_1992_moscow_is_the_soviet_union",
    ),
    pytest.param(
        "Relations between Moscow and Beijing are now at their warmest since the 1980s.",
        {"CHN-RUS": 1},
        id="since_an_earlier_decade_is_no_soviet_time",
    ),
    pytest.param(
        "In the early 1990s, Moscow and Beijing began to normalise relations.",
        {"CHN-RUS": 1},
        id="the_1990s_are_after_the_soviet_union",
    ),
    pytest.param(
        "Back in the 1970s, Moscow and Beijing were bitter rivals along their long border.",
        {"CHN-USR": -1},
        id="a_decade_before_1992_is_soviet_time",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal in May. Officials then turned to other "
        "files. The weather stayed mild all summer. Frictions grew in the autumn.",
        {},
        id="a_pair_named_once_long_before_is_no_longer_the_topic",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal in May. Officials then turned to other "
        "files. We hope the two neighbours will keep building trust.",
        {"JPN-KOR": 1},
        id="an_anaphor_still_reaches_the_pair",
    ),
    pytest.param(
        "The conflicts in Syria and Ukraine strained ties between Moscow and Washington.",
        {"RUS-USA": -1},
        id="the_place_of_plural_conflicts_is_not_a_party",
    ),
    pytest.param(
        "Moscow and Beijing have drawn steadily closer. "
        "This partnership poses a serious challenge for the U.S.",
        {"CHN-RUS": 1},
        id="this_partnership_keeps_the_pair_named_before",
    ),
    pytest.param(
        "Tokyo and Seoul have patched up their quarrel. "
        "Washington has watched their growing cooperation with relief.",
        {"JPN-KOR": 1},
        id="their_cooperation_is_not_the_watching_state",
    ),
    pytest.param(
        "Moscow and Beijing have drawn steadily closer. "
        "Their partnership with Japan is growing too.",
        {"JPN-RUS": 1, "CHN-JPN": 1},
        id="a_partnership_naming_its_partner_keeps_it",
    ),
    pytest.param(
        "Russia and China oppose U.S. sanctions on Syria. "
        "Their growing alignment is a serious concern for Washington.",
        {"CHN-RUS": 1},
        id="the_subject_pair_of_a_sentence_naming_more_states",
    ),
    pytest.param(
        "Washington and Beijing traded barbs in May. Following Russia's invasion of Ukraine, "
        "their rivalry has grown fiercer.",
        {"CHN-USA": -1},
        id="an_event_after_following_is_a_time_not_a_party",
    ),
    pytest.param(
        "Moscow and Beijing signed a deal. The relationship looks stable, yet it is eroding.",
        {"CHN-RUS": -1},
        id="it_takes_up_the_relationship_before_it",
    ),
    pytest.param(
        "Moscow and Beijing signed a deal. "
        "Where Russia once sold raw goods, it has grown into a modern economy.",
        {},
        id="it_taking_up_no_relationship_judges_nothing",
    ),
    pytest.param(
        "Under pressure from Washington, Beijing and Moscow have drawn closer.",
        {"CHN-RUS": 1},
        id="a_subject_parsed_into_a_fronted_phrase",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in Syria last week. The two sides pledged to rebuild trust.",
        {"JPN-KOR": 1},
        id="the_country_hosting_talks_is_no_party_of_the_next_sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAIR_CASES)
def test_discourse_pair_of_the_judgement(nlp, text, expected):
    assert last_sentence_signs(judge_cases(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "open_question"),
    [
        ("Will the two capitals find a way back to cooperation?", True),
        ("Will the two capitals find a way back to cooperation?\u201d\n\n", True),
        ('"Will the two capitals find a way back to cooperation?".', True),
        ("Isn't this a new cold war?", False),  # rhetorical: it judges
        ("The two capitals found a way back to cooperation.", False),
        ("The two capitals found a way back to cooperation", False),
        ("Is it? No, the two capitals found a way back.", False),
    ],
)
def test_discourse_open_question_is_read_from_the_sentence_end(nlp, text, open_question):
    from tripolar.assessments.framing import is_open_question

    sentences = list(nlp(text).sents)
    assert is_open_question(sentences[-1]) is open_question


def test_discourse_pipeline_parses_a_judging_sentence_without_actors():
    pipeline = Pipeline()
    text = (
        "Officials from India and China met in a border town last week. "
        "The weather was mild. Frictions had been simmering for months before the meeting."
    )
    coded = pipeline.code_text(text, dt.date(2021, 3, 1))
    assert {(a.sentence_index, a.subject) for a in coded.assessments} == {(2, "CHN-IND")}


def test_discourse_the_two_governments_are_no_single_country(nlp):
    text = (
        "Washington and Beijing traded barbs in May. "
        "Mistrust between the two governments runs deep."
    )
    start = text.index("governments")
    mentions = [
        *hand_mentions(text, CASE_NAMES),
        Mention(start, start + len("governments"), "governments", ("HKGGOV",), "agent"),
    ]
    records = builtin_extractor().extract(nlp(text), mentions, doc_id="g", published=None)
    assert last_sentence_signs(records) == {"CHN-USA": -1}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "Russia plays a central role in strategic stability across Europe and Asia.",
            "EUR-RUS",
            id="a_region_after_across_is_a_place",
        ),
        pytest.param(
            "Moscow and Beijing met in June. The two countries' sense of the danger emanating "
            "from Washington is much the same.",
            "CHN-RUS",
            id="a_danger_from_a_third_state_judges_no_pair_without_it",
        ),
        pytest.param(
            "On Ukraine, Beijing has kept its deepening partnership with Moscow intact.",
            "RUS-UKR",
            id="a_fronted_on_topic_is_the_matter_not_a_party",
        ),
        pytest.param(
            "Beijing's careful neutrality on Moscow's war in Ukraine has done little to "
            "reassure Washington.",
            "CHN-RUS",
            id="a_stance_on_a_war_is_about_the_war_not_its_side",
        ),
        pytest.param(
            "Faced with the hostile conduct of Washington and other Western governments, "
            "Moscow and Beijing have drawn closer.",
            "USA-WST",
            id="a_state_and_the_others_of_its_bloc_are_one_side",
        ),
    ],
)
def test_discourse_places_and_sources_are_not_the_judged_pair(nlp, text, absent):
    assert absent not in {r.subject for r in judge_cases(nlp, text)}


def test_discourse_the_venue_of_a_meeting_is_no_party(nlp):
    text = (
        "Washington and Beijing met on the sidelines of the Pacific summit in Moscow to "
        "ease tensions between them."
    )
    assert last_sentence_signs(judge_cases(nlp, text)) == {"CHN-USA": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Moscow and Washington keep bickering. "
            "The old arms race has become a thing of the past.",
            {"RUS-USA": 1},
            id="a_subject_that_is_itself_a_judgement",
        ),
        pytest.param(
            "Tokyo and Seoul signed a treaty. Abe described the pact as a real alliance.",
            {"JPN-KOR": 1},
            id="an_unresolved_speaker_is_the_holder_not_the_subject",
        ),
    ],
)
def test_discourse_named_subjects_that_keep_the_pair(nlp, text, expected):
    assert last_sentence_signs(judge_cases(nlp, text)) == expected


def test_discourse_a_city_naming_a_summit_is_no_party(nlp):
    names = {**CASE_NAMES, "Helsinki": ("FINGOV",), "US": ("USA",)}
    text = "At the Helsinki summit, Washington and Moscow struck a remarkably warm tone."
    assert last_sentence_signs(judge(nlp, text, names)) == {"RUS-USA": 1}
    title = "The Helsinki Summit Brings Warmer Relations Between US And Russia"
    title_doc = nlp(title)
    assert builtin_extractor().pair_named(title_doc, hand_mentions(title, names)) == ("RUS", "USA")
    text = "Moscow talks of partnership, yet its hostility toward Washington is obvious."
    assert last_sentence_signs(judge(nlp, text, names)) == {"RUS-USA": -1}


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2020, 5, 1), {"CHN-USA": -1}), (dt.date(2005, 5, 1), {"JPN-USA": -1})],
)
def test_discourse_the_two_largest_economies_are_a_pair_of_their_time(nlp, published, expected):
    text = "The world\u2019s two largest economies are now locked in a bitter rivalry."
    assert last_sentence_signs(judge(nlp, text, CASE_NAMES, published)) == expected
    text = "Europe's two largest economies are locked in a bitter rivalry."
    assert not {r.subject for r in judge(nlp, text, CASE_NAMES, published)} & set(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inter-Korean ties have deteriorated sharply.", {"KOR-PRK": -1}),
        ("The two Koreas have made remarkable progress towards reconciliation.", {"KOR-PRK": 1}),
        ("Cross-Strait tensions have risen sharply since 2016.", {"CHN-TWN": -1}),
    ],
)
def test_discourse_an_epithet_names_its_pair(nlp, text, expected):
    assert last_sentence_signs(judge_cases(nlp, text)) == expected
