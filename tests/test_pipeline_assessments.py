"""Assessments flow through the pipeline (with and without the pre-filter) into the store."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.demo import corpus_path
from tripolar.ingest import read_paths
from tripolar.model import Document
from tripolar.pipeline import Pipeline
from tripolar.store import Store

COMMENTARY = (
    "Relations between Moscow and Beijing are warmer than at any time in decades.\n\n"
    "Yet the rivalry between Washington and Beijing looks set to deepen, and many analysts "
    "expect no thaw.\n\nOn Tuesday, Putin met Xi in Beijing."
)


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    return Pipeline(), Pipeline(prefilter=False)


def test_pipeline_codes_assessments_apart_from_events(pipelines) -> None:
    fast, _ = pipelines
    coded = fast.code_text(COMMENTARY, dt.date(2019, 6, 6))
    subjects = {a.subject: a.polarity for a in coded.assessments}
    assert subjects.get("CHN-RUS", 0) > 0
    assert subjects.get("CHN-USA", 0) < 0
    # the reported act is an event, not an assessment
    assert {e.root for e in coded.events} == {"04"}
    assert all(a.sentence_index != coded.events[0].sentence_index for a in coded.assessments)
    for a in coded.assessments:
        assert COMMENTARY[a.start : a.end] == a.sentence
        assert a.cue_start < 0 or a.start <= a.cue_start < a.cue_end <= a.end


@pytest.mark.slow
def test_pipeline_prefilter_same_assessments_on_demo_corpus(pipelines) -> None:
    fast, full = pipelines
    documents = [d for d in read_paths([corpus_path()]) if isinstance(d, Document)]
    with_filter = [a for c in fast.code_documents(documents) for a in c.assessments]
    without = [a for c in full.code_documents(documents) for a in c.assessments]
    assert with_filter == without
    assert len(with_filter) > 20  # the demo's commentary pieces are judged


def test_pipeline_assessments_reach_the_store(pipelines) -> None:
    fast, _ = pipelines
    with Store.open(":memory:") as store:
        store.add([fast.code_text(COMMENTARY, dt.date(2019, 6, 6))])
        frame = store.assessments(dyad="RUS-CHN")
        assert len(frame) >= 1 and (frame["polarity"] > 0).all()


TITLED = "Officials met again in the spring. Tensions have been building for years."


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        pytest.param("Tokyo and Seoul: a cold peace", None, {"JPN-KOR"}, id="title"),
        pytest.param(
            "Tokyo and Seoul: a cold peace - Times of India", None, {"JPN-KOR"}, id="site_name"
        ),
        pytest.param(
            None, "https://example.org/2021/05/japan-south-korea-ties-sour/", {"JPN-KOR"}, id="url"
        ),
        pytest.param(
            None, "https://example.org/a/sino-russian-ties-sour/", {"CHN-RUS"}, id="url_compound"
        ),
        pytest.param(
            None,
            "https://example.org/the-helsinki-summit-brings-warmer-relations-between-us-and-russia/",
            {"RUS-USA"},
            id="url_summit_city",
        ),
        pytest.param(None, None, set(), id="neither"),
        pytest.param("Three capitals: Tokyo, Seoul and Beijing", None, set(), id="no_pair"),
    ],
)
def test_pipeline_title_pair_is_the_article_pair(pipelines, title, url, expected) -> None:
    document = Document(
        doc_id="titled", text=TITLED, title=title, url=url, published=dt.date(2021, 6, 1)
    )
    for pipeline in pipelines:
        coded = pipeline.code_document(document)
        assert {a.subject for a in coded.assessments if a.sentence_index == 1} == expected


def test_pipeline_title_pair_gives_way_to_the_pair_discussed(pipelines) -> None:
    text = (
        "India and China held border talks in May. India and China agreed to meet again. "
        "Frictions had been simmering for months."
    )
    document = Document(doc_id="t2", text=text, title="Tokyo and Seoul", published=None)
    coded = pipelines[0].code_document(document)
    assert {a.subject for a in coded.assessments if a.sentence_index == 2} == {"CHN-IND"}


def test_pipeline_conceded_cue_naming_the_pair_does_not_decide_the_sign(pipelines) -> None:
    # "despite their disputes" names the pair through "their", more closely than the
    # asserted "ease tensions" reaches it; the concession still does not decide the sign
    fast, _ = pipelines
    text = (
        "Recent signals suggest that both Japan and China are making efforts to "
        "de-escalate tensions despite their long-standing disputes and disagreements."
    )
    coded = fast.code_text(text, dt.date(2024, 6, 6))
    assert {a.subject: a.polarity > 0 for a in coded.assessments} == {"CHN-JPN": True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was a bad year between the two Koreas.", -1),
        ("The last months of that year saw no improvement in inter-Korean ties.", -1),
    ],
)
def test_pipeline_judges_a_pair_named_only_by_its_epithet(pipelines, text, expected) -> None:
    # no actor is named: the pre-filter must still pass the sentence to the parser
    for pipeline in pipelines:
        coded = pipeline.code_text(text, dt.date(2020, 1, 15))
        assert [(a.subject, a.polarity / abs(a.polarity)) for a in coded.assessments] == [
            ("KOR-PRK", expected)
        ]
        assert coded.assessments[0].holder == "author"


def test_pipeline_the_alliance_standing_for_nato_is_a_party_not_a_judgement(pipelines) -> None:
    text = (
        "NATO ministers met in Brussels on Monday. "
        "Relations between Moscow and the alliance have soured badly."
    )
    fast, _ = pipelines
    coded = fast.code_text(text, dt.date(2021, 11, 1))
    judged = [a for a in coded.assessments if a.sentence_index == 1]
    assert [(a.subject, a.polarity < 0) for a in judged] == [("IGO-RUS", True)]
    assert "alliance" not in judged[0].cues


def test_pipeline_its_is_the_state_named_before_as_possessor_or_subject(pipelines) -> None:
    text = "Russia's economy depends on Europe, yet its hostility toward the European Union grows."
    fast, _ = pipelines
    coded = fast.code_text(text, dt.date(2023, 4, 1))
    # "its" is Russia's: the hostility is Russia's toward the Union, not Europe's
    assert {a.subject for a in coded.assessments} == {"IGO-RUS"}
