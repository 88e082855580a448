"""Sign: prescriptions and concessions take the sign of what is urged or asserted; negation
and hedging keep the true sign; comparisons judge the present, not the standard."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from assessments_support import judge
from tripolar.assessments import sign
from tripolar.assessments.lexicon import Lexicon
from tripolar.assessments.polarity import contrast_weights
from tripolar.model import Assessment

NAMES = {
    "Beijing": ("CHNGOV",),
    "Moscow": ("RUSGOV",),
    "Washington": ("USAGOV",),
    "New Delhi": ("INDGOV",),
    "Tokyo": ("JPNGOV",),
}


def judged(nlp: Language, text: str) -> list[Assessment]:
    return judge(nlp, text, NAMES, dt.date(2022, 2, 1))


SIGN_CASES = [
    pytest.param(
        "However tense the summer has been, the partnership between Beijing and Moscow "
        "will endure.",
        "CHN-RUS",
        1,
        id="however_adjective_concedes",
    ),
    pytest.param(
        "As satisfying as it may be to expel more diplomats, Washington should keep its "
        "channels to Moscow open and avoid a confrontation.",
        "RUS-USA",
        1,
        id="as_adjective_as_concedes",
    ),
    pytest.param(
        "Washington has nothing to gain from a trade war with Beijing.",
        "CHN-USA",
        1,
        id="nothing_to_gain_from_a_war",
    ),
    pytest.param(
        "Neither New Delhi nor Beijing can afford a confrontation on the border.",
        "CHN-IND",
        1,
        id="neither_nor_subject_negates",
    ),
    pytest.param(
        "For Tokyo and Washington, the rivalry of the 1990s has become a thing of the past.",
        "JPN-USA",
        1,
        id="thing_of_the_past",
    ),
    pytest.param(
        "Ties between Tokyo and Beijing have plunged into deep uncertainty.",
        "CHN-JPN",
        -1,
        id="plunge_into_uncertainty",
    ),
    pytest.param(
        "Relations between Moscow and Washington are worse than in the years when trust was high.",
        "RUS-USA",
        -1,
        id="comparison_standard_is_background",
    ),
    pytest.param(
        "Washington and Moscow do not appear to have abandoned their cooperation.",
        "RUS-USA",
        1,
        id="negated_hedged_keeps_true_sign",
    ),
    pytest.param(
        "None of the talks has produced any trust between Tokyo and Washington.",
        "JPN-USA",
        -1,
        id="none_as_subject_negates",
    ),
    pytest.param(
        "Beijing and Moscow continue to support each other on core interests.",
        "CHN-RUS",
        1,
        id="support_each_other_is_a_judgement",
    ),
    pytest.param(
        "Between Tokyo and Beijing there has been little candour or warmth for years.",
        "CHN-JPN",
        -1,
        id="negation_of_the_first_conjunct_covers_the_second",
    ),
    pytest.param(
        "Whilst the trade war drags on, Washington and Beijing remain close partners.",
        "CHN-USA",
        1,
        id="whilst_concedes",
    ),
    pytest.param(
        "The crisis has put an end to cooperation between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="put_an_end_to_cooperation",
    ),
    pytest.param(
        "Neither Tokyo nor Washington can gamble and court a confrontation.",
        "JPN-USA",
        1,
        id="neither_subject_shared_by_a_conjoined_verb",
    ),
    pytest.param(
        "Beijing and Moscow now keep an alliance-like partnership.",
        "CHN-RUS",
        1,
        id="alliance_like_keeps_its_alliance",
    ),
    pytest.param(
        "Ties between Tokyo and Beijing are unlikely to warm before the election.",
        "CHN-JPN",
        -1,
        id="unlikely_to_negates_its_complement",
    ),
    pytest.param(
        "Moscow refused to normalise relations with Tokyo that year.",
        "JPN-RUS",
        -1,
        id="refused_to_negates_its_complement",
    ),
    pytest.param(
        "Moscow would not exclude closer naval cooperation with Tokyo.",
        "JPN-RUS",
        1,
        id="not_excluding_cooperation",
    ),
    pytest.param(
        "There is no doubt that the partnership between Tokyo and New Delhi is sound.",
        "IND-JPN",
        1,
        id="no_doubt_is_no_negation",
    ),
    pytest.param(
        "Tokyo wants more meetings with New Delhi instead of confrontations.",
        "IND-JPN",
        1,
        id="instead_of_is_no_object_of_the_act",
    ),
    pytest.param(
        "There are no reasons for difficulties between Tokyo and Washington.",
        "JPN-USA",
        1,
        id="no_reasons_for_difficulties",
    ),
    pytest.param(
        "Officials see many obstacles to the partnership between Beijing and Washington.",
        "CHN-USA",
        -1,
        id="an_obstacle_to_a_partnership",
    ),
    pytest.param(
        "Trade between Tokyo and Beijing remains a source of interdependence, even amid "
        "their bitter rivalry.",
        "CHN-JPN",
        1,
        id="even_amid_concedes",
    ),
    pytest.param(
        "Tokyo and New Delhi have talked for years, but no real breakthrough has been achieved.",
        "IND-JPN",
        -1,
        id="no_real_breakthrough_is_negated_once",
    ),
    pytest.param(
        "There is no real warmth between Beijing and Moscow.",
        "CHN-RUS",
        -1,
        id="no_real_warmth",
    ),
    pytest.param(
        "A new envoy will not repair the strained relationship between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="a_negated_verb_does_not_negate_its_objects_adjective_too",
    ),
    pytest.param(
        "Trust between Washington and New Delhi has been running at a very low level.",
        "IND-USA",
        -1,
        id="trust_at_a_low_level",
    ),
    pytest.param(
        "The new policy has taken a heavy toll on trust between Tokyo and Washington.",
        "JPN-USA",
        -1,
        id="a_toll_on_trust",
    ),
    pytest.param(
        "The summit brought little, not to mention the hostile rhetoric between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="not_to_mention_adds_rather_than_negates",
    ),
    pytest.param(
        "Hardly anyone hoped for a breakthrough from the last round of talks between Tokyo "
        "and Beijing.",
        "CHN-JPN",
        -1,
        id="hardly_anyone_negates_the_hope",
    ),
    pytest.param(
        "Both Tokyo and Beijing are interested in risk reduction.",
        "CHN-JPN",
        1,
        id="risk_reduction",
    ),
    pytest.param(
        "There are ways to bridge the differences between Tokyo and Beijing on arms reductions.",
        "CHN-JPN",
        1,
        id="bridging_differences_whose_issue_is_a_reduction",
    ),
    pytest.param(
        "Over a decade, relations between Tokyo and Beijing went from hostile to businesslike.",
        "CHN-JPN",
        1,
        id="from_hostile_to_what_a_change_leaves_behind",
    ),
    pytest.param(
        "Moscow and Washington have moved away from confrontation.",
        "RUS-USA",
        1,
        id="away_from_confrontation",
    ),
    pytest.param(
        "Deepening cooperation with Moscow is not on the agenda in Washington.",
        "RUS-USA",
        -1,
        id="a_negated_copula_negates_its_clausal_subject",
    ),
    pytest.param(
        "Relations between Washington and Beijing must not regress.",
        "CHN-USA",
        1,
        id="must_not_regress",
    ),
    pytest.param(
        "Ties between Moscow and Tokyo could hardly be worse.",
        "JPN-RUS",
        -1,
        id="could_hardly_be_worse_keeps_the_comparative",
    ),
    pytest.param(
        "Relations between Beijing and Moscow have never been closer.",
        "CHN-RUS",
        1,
        id="never_been_closer_keeps_the_comparative",
    ),
    pytest.param(
        "Relations between Beijing and Washington are not better than last year.",
        "CHN-USA",
        -1,
        id="not_better_is_still_negated",
    ),
    pytest.param(
        "However hard it is, Washington should keep talking to Beijing.",
        "CHN-USA",
        1,
        id="keep_talking_is_urged",
    ),
    pytest.param(
        "Ties between Tokyo and Beijing fell to a new low in May. That new low in their ties "
        "must not last.",
        "CHN-JPN",
        1,
        id="a_new_low_that_must_not_last",
    ),
    pytest.param(
        "As tempting as it may be to isolate Moscow, Washington has to engage.",
        "RUS-USA",
        1,
        id="what_a_concession_calls_tempting_is_advised_against",
    ),
    pytest.param(
        "A new reset with Moscow would be a mistake for Washington.",
        "RUS-USA",
        -1,
        id="a_reset_that_would_be_a_mistake",
    ),
    pytest.param(
        "Washington must not punish Beijing for the outbreak.",
        "CHN-USA",
        1,
        id="must_not_punish",
    ),
    pytest.param(
        "Tokyo and Beijing signed two accords, but few signs of warmth remain.",
        "CHN-JPN",
        -1,
        id="few_signs_of_warmth",
    ),
    pytest.param(
        "Few in Washington expect a thaw with Moscow this year.",
        "RUS-USA",
        -1,
        id="few_as_a_subject_negates",
    ),
    pytest.param(
        "A few officials in Washington expect a thaw with Moscow this year.",
        "RUS-USA",
        1,
        id="a_few_is_no_negation",
    ),
    pytest.param(
        "Relations between Tokyo and Beijing have recovered from their lowest point.",
        "CHN-JPN",
        1,
        id="recovered_from_the_lowest_point",
    ),
    pytest.param(
        "A deadly clash took relations between New Delhi and Beijing to a historic low.",
        "CHN-IND",
        -1,
        id="a_cause_is_not_turned_by_the_result",
    ),
    pytest.param(
        "Tokyo and Beijing face thorny issues.",
        "CHN-JPN",
        -1,
        id="thorny_issues",
    ),
    pytest.param(
        "Washington should avoid steps that would antagonise Beijing.",
        "CHN-USA",
        1,
        id="avoiding_what_a_relative_clause_describes",
    ),
    pytest.param(
        "Beijing grew from a poor, isolated state into a rival of Washington.",
        "CHN-USA",
        -1,
        id="where_a_change_arrives_decides",
    ),
    pytest.param(
        "Tokyo shows a marked reluctance to distance itself from Washington.",
        "JPN-USA",
        1,
        id="a_refusal_negates_what_is_refused",
    ),
    pytest.param(
        "Tokyo and Beijing must stop the vicious circle of reprisals.",
        "CHN-JPN",
        1,
        id="stopping_a_vicious_circle",
    ),
    pytest.param(
        "Relations between Tokyo and Beijing stopped improving in 2012.",
        "CHN-JPN",
        -1,
        id="stopped_improving",
    ),
    pytest.param(
        "Moscow and Washington should put guardrails around their rivalry.",
        "RUS-USA",
        1,
        id="guardrails_around_a_rivalry",
    ),
    pytest.param(
        "Washington's gambit to split Moscow from Beijing has failed.",
        "CHN-RUS",
        1,
        id="a_failed_attempt_to_split",
    ),
    pytest.param(
        "Efforts to improve relations between Tokyo and Beijing have failed.",
        "CHN-JPN",
        -1,
        id="failed_efforts_to_improve",
    ),
    pytest.param(
        "The chances of a real detente between Washington and Moscow are remote.",
        "RUS-USA",
        -1,
        id="remote_chances_reject_a_detente",
    ),
    pytest.param(
        "Any prospect of a rapprochement between Tokyo and Beijing now looks illusory.",
        "CHN-JPN",
        -1,
        id="an_illusory_prospect",
    ),
    pytest.param(
        "Improvement of relations between Moscow and Washington seems to be impossible.",
        "RUS-USA",
        -1,
        id="seems_to_be_impossible",
    ),
    pytest.param(
        "Beijing says the prospects are dim for warming up with Washington.",
        "CHN-USA",
        -1,
        id="dim_prospects_for_warming",
    ),
    pytest.param(
        "It would be naive to expect a breakthrough between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="naive_to_expect",
    ),
    pytest.param(
        "Cooperation between Beijing and Moscow is no illusion.",
        "CHN-RUS",
        1,
        id="no_illusion_rejects_nothing",
    ),
    pytest.param(
        "There was far more trust between Moscow and Washington in the early 1990s "
        "than there is now.",
        "RUS-USA",
        -1,
        id="more_trust_then_than_now",
    ),
    pytest.param(
        "Relations between Tokyo and Beijing were warmer a decade ago than they are today.",
        "CHN-JPN",
        -1,
        id="warmer_then_than_today",
    ),
    pytest.param(
        "Relations between Beijing and Washington were worse in 2019 than now.",
        "CHN-USA",
        1,
        id="worse_then_than_now",
    ),
    pytest.param(
        "Old territorial quarrels continue to hamper cooperation between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="hampered_cooperation",
    ),
    pytest.param(
        "Domestic politics in Washington are blocking any attempt to ease tensions with Moscow.",
        "RUS-USA",
        -1,
        id="blocking_an_easing",
    ),
    pytest.param(
        "Nationalist rhetoric in Tokyo is a serious threat to mutual trust with Beijing.",
        "CHN-JPN",
        -1,
        id="a_threat_to_trust",
    ),
    pytest.param(
        "The spy scandal dealt a heavy blow to relations between Moscow and Washington.",
        "RUS-USA",
        -1,
        id="a_blow_to_relations",
    ),
    pytest.param(
        "Trust between Beijing and Moscow cannot be superficial.",
        "CHN-RUS",
        1,
        id="negated_setter_urges_the_opposite",
    ),
    pytest.param(
        "Every thaw between Tokyo and Beijing has proved to be a false dawn.",
        "CHN-JPN",
        -1,
        id="thaw_proved_a_false_dawn",
    ),
    pytest.param(
        "Relations between Moscow and Washington remain in a deep freeze.",
        "RUS-USA",
        -1,
        id="in_a_deep_freeze",
    ),
    pytest.param(
        "Tokyo and Beijing have patched up their differences.",
        "CHN-JPN",
        1,
        id="patched_up_differences",
    ),
    pytest.param(
        "This does not bode well for ties between Tokyo and Beijing.",
        "CHN-JPN",
        -1,
        id="does_not_bode_well",
    ),
    pytest.param(
        "Ties between New Delhi and Moscow are more transactional than strategic.",
        "IND-RUS",
        -1,
        id="transactional_ties",
    ),
    pytest.param(
        "The talks between Washington and Moscow achieved nothing.",
        "RUS-USA",
        -1,
        id="talks_achieved_nothing",
    ),
    pytest.param(
        "The alliance between Washington and Tokyo is withering.",
        "JPN-USA",
        -1,
        id="a_withering_alliance",
    ),
    pytest.param(
        "Washington has ignored its ally Tokyo for too long.",
        "JPN-USA",
        -1,
        id="an_ignored_ally",
    ),
    pytest.param(
        "The friendship between Moscow and Beijing is under strain.",
        "CHN-RUS",
        -1,
        id="friendship_under_strain",
    ),
    pytest.param(
        "Trust between Moscow and Washington is in short supply.",
        "RUS-USA",
        -1,
        id="trust_in_short_supply",
    ),
    pytest.param(
        "The relationship between Beijing and Moscow is not without its problems.",
        "CHN-RUS",
        -1,
        id="not_without_problems_is_a_litotes",
    ),
    pytest.param(
        "Washington and Moscow continue to talk past each other.",
        "RUS-USA",
        -1,
        id="talking_past_each_other",
    ),
    pytest.param(
        "Washington and Moscow once enjoyed a productive partnership.",
        "RUS-USA",
        -1,
        id="once_enjoyed_is_past",
    ),
    pytest.param(
        "Beijing and Moscow were once close allies.",
        "CHN-RUS",
        -1,
        id="once_allies",
    ),
    pytest.param(
        "Once trust between Tokyo and Beijing is restored, trade will follow.",
        "CHN-JPN",
        1,
        id="once_as_a_conjunction_negates_nothing",
    ),
    pytest.param(
        "Washington and Beijing must act at once to ease tensions.",
        "CHN-USA",
        1,
        id="at_once_negates_nothing",
    ),
    pytest.param(
        "Relations between Washington and Moscow are a far cry from the optimism of the 1990s.",
        "RUS-USA",
        -1,
        id="a_far_cry_from",
    ),
    pytest.param(
        "The heyday of relations between Washington and Moscow is long gone.",
        "RUS-USA",
        -1,
        id="a_heyday_long_gone",
    ),
    pytest.param(
        "Relations between Tokyo and Beijing had soured because of their territorial dispute.",
        "CHN-JPN",
        -1,
        id="a_cause_is_not_what_sours",
    ),
    pytest.param(
        "The prospect of a thaw between Washington and Moscow is wishful thinking.",
        "RUS-USA",
        -1,
        id="wishful_thinking_rejects",
    ),
    pytest.param(
        "The prospect of a thaw between Washington and Moscow is not wishful thinking.",
        "RUS-USA",
        1,
        id="not_wishful_thinking",
    ),
    pytest.param(
        "Ties between Tokyo and Beijing took a turn for the better last year.",
        "CHN-JPN",
        1,
        id="a_turn_for_the_better",
    ),
    pytest.param(
        "Washington and Beijing finally have an opportunity to begin stabilising their "
        "turbulent relationship.",
        "CHN-USA",
        1,
        id="stabilising_a_turbulent_relationship",
    ),
    pytest.param(
        "Tokyo and Beijing should minimise their differences.",
        "CHN-JPN",
        1,
        id="minimising_differences",
    ),
    pytest.param(
        "The greatest obstacle to co-operation between Moscow and Beijing is mistrust.",
        "CHN-RUS",
        -1,
        id="an_obstacle_to_co_operation",
    ),
    pytest.param(
        "Yellen dismissed talk of a full decoupling between Washington and Beijing.",
        "CHN-USA",
        1,
        id="dismissed_talk_of_a_decoupling",
    ),
    pytest.param(
        "Moscow rejected the idea of a rapprochement with Tokyo.",
        "JPN-RUS",
        -1,
        id="rejected_the_idea_of_a_rapprochement",
    ),
    pytest.param(
        "Beijing denied reports of tension with Moscow.",
        "CHN-RUS",
        1,
        id="denied_reports_of_tension",
    ),
    pytest.param(
        "Washington rejected Moscow's proposal for cooperation.",
        "RUS-USA",
        -1,
        id="rejected_a_proposal_for_cooperation",
    ),
]


@pytest.mark.parametrize(("text", "subject", "expected"), SIGN_CASES)
def test_sign_of_the_judgement(nlp, text, subject, expected):
    by_subject = {r.subject: sign(r.polarity) for r in judged(nlp, text)}
    assert by_subject.get(subject) == expected, by_subject


def test_sign_degree_adverbs_raise_the_intensity_hedges_lower_it(nlp):
    def strength(text: str) -> float:
        (record,) = judged(nlp, text)
        return record.intensity

    plain = strength("Ties between Moscow and Beijing are close.")
    assert strength("Ties between Moscow and Beijing are extremely close.") > plain
    assert strength("Ties between Moscow and Beijing are somewhat close.") < plain


def test_sign_years_left_behind_weigh_as_little_as_a_concession(nlp):
    lexicon = Lexicon.builtin()
    doc = nlp("After five years of tension, the two neighbours have begun a thaw.")
    weights = contrast_weights(doc[:], lexicon, lexicon.category_table("concessive"))
    by_word = {doc[i].lower_: w for i, w in weights.items()}
    assert by_word["tension"] < 0.5
    assert by_word["thaw"] == 1.0
