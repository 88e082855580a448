"""Assessment extraction over the real parse, with actor mentions built by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from assessments_support import hand_mentions
from tripolar.assessments import AssessmentExtractor, sign
from tripolar.model import Assessment

NAMES = {
    "Sino-Russian": ("CHN", "RUS"),
    "Russian-American": ("RUS", "USA"),
    "Beijing": ("CHNGOV",),
    "Moscow": ("RUSGOV",),
    "Washington": ("USAGOV",),
    "China": ("CHN",),
    "Russia": ("RUS",),
    "America": ("USA",),
    "Putin": ("RUSGOV",),
    "Xi": ("CHNGOV",),
}


@pytest.fixture(scope="module")
def extractor() -> AssessmentExtractor:
    return AssessmentExtractor()


def run(nlp: Language, extractor: AssessmentExtractor, text: str) -> list[Assessment]:
    doc = nlp(text)
    mentions = hand_mentions(text, NAMES)
    return extractor.extract(doc, mentions, doc_id="t", published=dt.date(2024, 5, 1))


def only(records: list[Assessment]) -> Assessment:
    assert len(records) == 1, records
    return records[0]


def test_extractor_positive_dyad_from_two_capitals(nlp, extractor):
    record = only(
        run(nlp, extractor, "Moscow and Beijing enjoy unusually warm relations these days.")
    )
    assert record.subject == "CHN-RUS"
    assert record.scope == "dyad"
    assert record.polarity > 0.3
    assert record.holder == "author"
    assert record.published == dt.date(2024, 5, 1)
    assert record.sentence.startswith("Moscow and Beijing")


def test_extractor_negation_flips_polarity(nlp, extractor):
    plain = only(run(nlp, extractor, "Washington and Moscow are friends."))
    negated = only(run(nlp, extractor, "Washington and Moscow are not friends."))
    assert sign(plain.polarity) == 1
    assert sign(negated.polarity) == -1
    assert negated.negated


def test_extractor_shifter_inverts_the_cue_it_governs(nlp, extractor):
    eroded = only(run(nlp, extractor, "Trust between Beijing and Washington has eroded badly."))
    eased = only(run(nlp, extractor, "Friction between Beijing and Washington has eased."))
    assert eroded.subject == eased.subject == "CHN-USA"
    assert sign(eroded.polarity) == -1
    assert sign(eased.polarity) == 1


def test_extractor_contrast_lets_the_main_clause_decide(nlp, extractor):
    text = "Although Moscow and Beijing speak of friendship, their trade remains badly lopsided."
    assert sign(only(run(nlp, extractor, text)).polarity) == -1
    text = "Russia and China have their quarrels, but the partnership remains remarkably solid."
    assert sign(only(run(nlp, extractor, text)).polarity) == 1


def test_extractor_hedge_lowers_intensity(nlp, extractor):
    firm = only(run(nlp, extractor, "China and America are heading for confrontation."))
    hedged = only(
        run(nlp, extractor, "China and America might perhaps be heading for confrontation.")
    )
    assert hedged.hedged and not firm.hedged
    assert hedged.intensity < firm.intensity
    assert sign(hedged.polarity) == sign(firm.polarity) == -1


def test_extractor_prescription_and_conditional_modality(nlp, extractor):
    should = only(run(nlp, extractor, "Washington should seek a thaw with Moscow."))
    assert should.modality == "prescription"
    assert sign(should.polarity) == 1
    if_then = only(
        run(
            nlp,
            extractor,
            "If sanctions widen, hostility between Moscow and Washington will deepen.",
        )
    )
    assert if_then.modality == "conditional"
    assert sign(if_then.polarity) == -1


def test_extractor_time_orientation(nlp, extractor):
    future = only(
        run(nlp, extractor, "Rivalry between China and America will shape the coming decade.")
    )
    past = only(run(nlp, extractor, "Relations between Russia and China were frosty in the 1970s."))
    present = only(run(nlp, extractor, "Relations between Russia and China are cordial."))
    assert (future.time, past.time, present.time) == ("future", "past", "present")


def test_extractor_attributed_view_names_the_holder(nlp, extractor):
    record = only(run(nlp, extractor, "Putin said that relations with China were excellent."))
    assert record.subject == "CHN-RUS"
    assert record.holder == "Putin"
    assert record.holder_code == "RUSGOV"
    assert sign(record.polarity) == 1
    scholar = only(
        run(
            nlp,
            extractor,
            "A Yale historian warned that Washington and Beijing face a dangerous rivalry.",
        )
    )
    assert scholar.holder == "A Yale historian"
    assert scholar.subject == "CHN-USA"


def test_extractor_reported_act_is_not_an_assessment(nlp, extractor):
    assert run(nlp, extractor, "Xi held phone talks with Putin on October 26.") == []
    assert run(nlp, extractor, "Putin and Xi signed a treaty of friendship in Moscow.") == []


def test_extractor_general_judgement_without_verb_of_action(nlp, extractor):
    record = only(run(nlp, extractor, "Cooperation between China and Russia has deepened."))
    assert sign(record.polarity) == 1


def test_extractor_anaphor_takes_dyad_from_previous_sentence(nlp, extractor):
    text = "Xi visited Moscow in March. The two sides' mutual trust is now very deep."
    records = run(nlp, extractor, text)
    record = only(records)
    assert record.subject == "CHN-RUS"
    assert record.sentence_index == 1


def test_extractor_paragraph_break_keeps_article_pair(nlp, extractor):
    text = "Xi visited Moscow in March.\n\nThe two sides' mutual trust is now very deep."
    assert only(run(nlp, extractor, text)).subject == "CHN-RUS"


def test_extractor_one_actor_standing(nlp, extractor):
    record = only(run(nlp, extractor, "Russia's turn toward Asia will be slow and painful."))
    assert record.subject == "RUS"
    assert record.scope == "actor"
    assert record.time == "future"
    assert sign(record.polarity) == -1


def test_extractor_compound_mentions_give_separate_dyads(nlp, extractor):
    text = "The Sino-Russian relationship is warm, while the Russian-American one is bitter."
    by_subject = {r.subject: sign(r.polarity) for r in run(nlp, extractor, text)}
    assert by_subject == {"CHN-RUS": 1, "RUS-USA": -1}


def test_extractor_triad_when_the_triangle_is_judged(nlp, extractor):
    text = "The triangle of China, Russia and America has become more hostile."
    record = only(run(nlp, extractor, text))
    assert record.subject == "CHN-RUS-USA"
    assert record.scope == "triad"


def test_extractor_as_frame_pairs_subject_with_each_object(nlp, extractor):
    text = "Moscow regards Beijing as a friend and Washington as an adversary."
    by_subject = {r.subject: sign(r.polarity) for r in run(nlp, extractor, text)}
    assert by_subject.get("RUS-USA") == -1


def test_extractor_dimension_from_modifier(nlp, extractor):
    record = only(run(nlp, extractor, "Military cooperation between Russia and China is close."))
    assert record.dimension == "security"
    trade = only(run(nlp, extractor, "Trade tensions between China and America have worsened."))
    assert trade.dimension == "economic"


def test_extractor_cue_offsets_point_into_the_text(nlp, extractor):
    text = "Some context first. Suspicion between Moscow and Washington is rife."
    record = only(run(nlp, extractor, text))
    assert text[record.cue_start : record.cue_end] == "Suspicion"
    assert text[record.start : record.end].startswith("Suspicion between")
    assert "suspicion" in record.cues


def test_extractor_no_mentions_no_assessment(nlp, extractor):
    assert run(nlp, extractor, "Trust is at its lowest point in decades.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tensions had been building for years.", True, id="cue"),
        pytest.param("Ties deteriorated over the summer.", True, id="modifier_and_relationship"),
        pytest.param("They soured after the vote.", True, id="modifier_and_anaphor"),
        pytest.param("Ferries were cancelled because of strong winds.", False, id="weather"),
        pytest.param("Fuel prices have risen by ten percent.", False, id="prices"),
        pytest.param("The harbour office declined to comment.", False, id="no_comment"),
    ],
)
def test_extractor_may_judge_an_unparsed_sentence(nlp, extractor, text, expected):
    assert extractor.may_judge(nlp.make_doc(text)[:]) is expected
