"""Judgement vs report: a stated judgement is an assessment; a reported act, a background
fact, what a text studies, a domestic crisis or a period name is not."""

from __future__ import annotations

import pytest

from assessments_support import judge_cases, last_sentence_signs

# texts holding a report, a background fact or a period name, and no judgement
REPORT_CASES = [
    pytest.param(
        "Tokyo and Seoul sent envoys toward each other's capitals in May.",
        id="toward_each_other_on_a_noun_is_no_closeness",
    ),
    pytest.param(
        "Troops from Moscow and Tokyo advanced towards each other.",
        id="a_march_toward_each_other_is_no_closeness",
    ),
    pytest.param(
        "Washington accused Beijing of industrial espionage on Monday.",
        id="an_accusation_reported_as_an_act",
    ),
    pytest.param(
        "Moscow threatened to halt grain exports to Tokyo.",
        id="a_threat_reported_as_an_act",
    ),
    pytest.param(
        "Japan's economy grew by two percent while China's output slowed.",
        id="a_states_economy_changing_is_background",
    ),
    pytest.param(
        "Tokyo and Seoul may unveil a pact to limit chemical exports to Pyongyang.",
        id="the_content_of_a_deal_is_part_of_the_act",
    ),
    pytest.param(
        "Washington accused Beijing of supporting a hacking campaign aimed at U.S. agencies.",
        id="support_of_an_act_is_no_support_of_a_state",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. Seoul later abandoned its data-sharing agreement "
        "with Tokyo.",
        id="abandoning_an_agreement_with_a_state_is_an_act",
    ),
    pytest.param(
        "Sanctions against Russia have grown heavier since spring.",
        id="sanctions_against_one_state_judge_no_standing",
    ),
    pytest.param(
        "The 2018 U.S. trade war still weighs on markets.",
        id="a_name_on_a_war_judges_no_standing",
    ),
    pytest.param(
        "Washington and Beijing held talks in May. Beijing, for its part, runs a "
        "one-party system that prizes order, social harmony and national unity.",
        id="a_states_domestic_values_in_a_list",
    ),
    pytest.param(
        "Washington and Beijing compete for markets. China's economic rise was driven by "
        "cheap labour and exports.",
        id="a_states_rise_alone_has_no_direction",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. Japan has since taken a firmer line on the "
        "refugee question and the crisis in Syria.",
        id="a_crisis_placed_in_a_country",
    ),
    pytest.param(
        "Moscow and Washington held talks in May. As Moscow pointed out at the Shanghai "
        "meeting, Eurasia faces serious security risks.",
        id="a_named_place_facing_risks_in_a_reported_aside",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. In June, Seoul hosted a conference, Cooperation "
        "between Japan and Korea: The Process and Prospects, co-sponsored by two institutes.",
        id="the_title_of_a_conference",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. Both were hit by a severe debt crisis that year.",
        id="domestic_crisis",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. This study examines how their alliance "
        "with Washington evolved.",
        id="what_a_text_studies",
    ),
    pytest.param(
        "Moscow said it would cut its forces near the border with China by a third.",
        id="reported_cut_of_troops",
    ),
    pytest.param(
        "Beijing and Moscow worked to contain the flu outbreak in the border region.",
        id="contain_an_outbreak",
    ),
    pytest.param(
        "Tokyo and Seoul met in May. The post-Cold War settlement gave both of them new markets.",
        id="period_name",
    ),
    pytest.param(
        "Seoul buys cheaper consumer goods from Tokyo every year.", id="goods_are_no_setter"
    ),
    pytest.param(
        "Tokyo and Seoul talked in May. A decision on the fisheries file may be close.",
        id="close_in_time",
    ),
    pytest.param(
        "Seoul has become a maker of high-end chips and lower-cost cars for Tokyo.",
        id="part_of_a_hyphenated_word",
    ),
    pytest.param(
        "The Russian bombing of the port has shaken the foundations of the grain trade.",
        id="shaken_object_is_no_relationship",
    ),
    pytest.param(
        "In 1981 Moscow proposed normalising relations with Beijing.",
        id="reported_proposal",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal. The flood caused the worst health crisis "
        "the region had seen.",
        id="superlative_of_a_domestic_crisis",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal. Such vaccines are hardly more threatening "
        "than the flu itself.",
        id="verb_cue_about_no_relationship_takes_no_discourse_pair",
    ),
    pytest.param(
        "With growing pressure from Washington, a change of course was under way.",
        id="pressure_from_a_state_is_no_standing_of_it",
    ),
    pytest.param(
        "Domestically, Moscow faces mounting budget deficits.",
        id="budget_deficit_is_domestic",
    ),
    pytest.param(
        "Washington and Moscow held talks on strategic stability.",
        id="talks_held_are_an_act",
    ),
    pytest.param(
        "In January, Beijing ignored a request from Washington.",
        id="an_ignored_request_is_an_act",
    ),
    pytest.param(
        "The essay asks whether Moscow and Beijing could be on the verge of forming an alliance.",
        id="an_indirect_question_asserts_nothing",
    ),
    pytest.param(
        "Whether Tokyo and Beijing can rebuild trust has become a hot topic.",
        id="a_whether_subject_asserts_nothing",
    ),
    pytest.param(
        "Beijing is Tokyo's largest trading partner.",
        id="a_trading_partner_is_a_trade_fact",
    ),
]

# (text, the last sentence's subjects and signs)
JUDGEMENT_CASES = [
    pytest.param(
        "Tokyo and Seoul traded barbs again. Their partnership is at its lowest ebb "
        "in a generation.",
        {"JPN-KOR": -1},
        id="lowest_ebb",
    ),
    pytest.param(
        "Beijing and Moscow have worked to contain Pyongyang for years.",
        {"CHN-PRK": -1, "PRK-RUS": -1},
        id="contain_an_actor",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal. Relations between the two have begun "
        "to normalise.",
        {"JPN-KOR": 1},
        id="normalising_relations",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal. Ties were shaken by the court ruling.",
        {"JPN-KOR": -1},
        id="ties_shaken",
    ),
    pytest.param(
        "Washington and Beijing agreed on tariffs. Hopes of a lasting truce were soon dashed.",
        {"CHN-USA": -1},
        id="hopes_dashed",
    ),
    pytest.param(
        "Tokyo and Seoul signed a fisheries deal in May. Relations between the two remain "
        "cold. And they look unlikely to warm up any time soon.",
        {"JPN-KOR": -1},
        id="unlikely_to_warm_up_any_time_soon",
    ),
    pytest.param(
        "Ties between Tokyo and Seoul had a challenging year.",
        {"JPN-KOR": -1},
        id="a_challenging_year_is_a_judgement_not_an_event",
    ),
    pytest.param(
        "Relations between Tokyo and Seoul have been in the doldrums for years.",
        {"JPN-KOR": -1},
        id="in_the_doldrums",
    ),
    pytest.param(
        "Ties between Tokyo and Seoul are caught in a vicious cycle.",
        {"JPN-KOR": -1},
        id="a_vicious_cycle",
    ),
    pytest.param(
        "The frostiness of ties between Tokyo and Seoul surprised observers.",
        {"JPN-KOR": -1},
        id="frostiness",
    ),
    pytest.param(
        "Tokyo and Seoul held talks in May. Seoul's latest moves stirred the pot further.",
        {"JPN-KOR": -1},
        id="stirring_the_pot",
    ),
    pytest.param(
        "The crisis in Sino-American relations jeopardizes stability in the region.",
        {"CHN-USA": -1},
        id="a_crisis_in_a_relationship_is_no_place",
    ),
    pytest.param(
        "Tokyo and Beijing differ on much. But they appear to see eye to eye on fishing.",
        {"CHN-JPN": 1},
        id="eye_to_eye",
    ),
    pytest.param(
        "Tokyo and Seoul held talks. In truth, the relationship remains unsettled.",
        {"JPN-KOR": -1},
        id="unsettled",
    ),
    pytest.param(
        "Opportunities lie ahead if Tokyo and Beijing choose to get along.",
        {"CHN-JPN": 1},
        id="get_along",
    ),
    pytest.param(
        "Ties between Tokyo and Seoul have hit rock bottom.",
        {"JPN-KOR": -1},
        id="rock_bottom",
    ),
    pytest.param(
        "Beijing and New Delhi argued all year. Their ties reached a new low in March.",
        {"CHN-IND": -1},
        id="a_new_low",
    ),
    pytest.param(
        "There is no love lost between Moscow and Tokyo.",
        {"JPN-RUS": -1},
        id="no_love_lost",
    ),
    pytest.param(
        "On climate finance, Washington and Beijing are on the same page.",
        {"CHN-USA": 1},
        id="on_the_same_page",
    ),
    pytest.param(
        "The honeymoon between Tokyo and Beijing is over.",
        {"CHN-JPN": -1},
        id="a_honeymoon_that_is_over",
    ),
    pytest.param(
        "The dispute between Tokyo and Seoul is over fishing rights.",
        {"JPN-KOR": -1},
        id="over_with_an_object_names_the_issue",
    ),
    pytest.param(
        "The alignment of Moscow and Beijing is a marriage of convenience.",
        {"CHN-RUS": -1},
        id="what_a_copula_says_of_its_subject_decides",
    ),
    pytest.param(
        "Ties between Washington and Moscow are in their worst period since the 1980s.",
        {"RUS-USA": -1},
        id="the_worst_period_is_judged_not_a_time_anchor",
    ),
    pytest.param(
        "Western sanctions have pushed Moscow and Beijing towards each other.",
        {"CHN-RUS": 1},
        id="a_cause_weighs_less_than_its_result",
    ),
    pytest.param(
        "Old quarrels stand in the way of ties between Seoul and Tokyo.",
        {"JPN-KOR": -1},
        id="stand_in_the_way_of_ties",
    ),
    pytest.param(
        "The summit between Washington and Beijing was a disappointment.",
        {"CHN-USA": -1},
        id="a_disappointment",
    ),
    pytest.param(
        "Whatever happens in Syria, Washington should keep the door open to Moscow.",
        {"RUS-USA": 1},
        id="keep_the_door_open",
    ),
    pytest.param(
        "Sooner or later Tokyo and Seoul will have to bury the hatchet.",
        {"JPN-KOR": 1},
        id="bury_the_hatchet",
    ),
    pytest.param(
        "Talk of a second Cold War between Washington and Moscow is now common.",
        {"RUS-USA": -1},
        id="talk_of_a_cold_war_is_no_act",
    ),
    pytest.param(
        "Ties between Moscow and Washington have seen better days.",
        {"RUS-USA": -1},
        id="seen_better_days",
    ),
    pytest.param(
        "After years of frosty ties, relations between Tokyo and Beijing are on the upturn.",
        {"CHN-JPN": 1},
        id="an_upturn",
    ),
]


@pytest.mark.parametrize("text", REPORT_CASES)
def test_judgement_reports_and_background_give_nothing(nlp, text):
    assert [r.subject for r in judge_cases(nlp, text)] == []


@pytest.mark.parametrize(("text", "expected"), JUDGEMENT_CASES)
def test_judgement_stated_judgements_are_kept(nlp, text, expected):
    assert last_sentence_signs(judge_cases(nlp, text)) == expected
