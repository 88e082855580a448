"""The sentence pre-filter: rule sentences, excerpts that map back, and the same events."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tripolar.demo import corpus_path
from tripolar.ingest import read_paths
from tripolar.model import Document
from tripolar.pipeline import Pipeline
from tripolar.scale.prefilter import Excerpt, event_bearing, mark_sentences

# Written for these tests: two leaders named in separate sentences, actor-free sentences
# between them, and a reference ("the two leaders") that needs both antecedents.
SUMMIT = (
    "Chinese President Xi Jinping opened the forum on Monday. Heavy rain fell across the "
    "city all afternoon. Russian President Vladimir Putin spoke next.\n\nTicket prices for "
    "the ferry rose again.\n\nXi Jinping arrived in the port city on Monday. A local choir "
    "sang at the station. Vladimir Putin spoke next. The two leaders signed an energy "
    "agreement on Tuesday."
)


@pytest.fixture(scope="module")
def fast() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline(prefilter=False)


def test_prefilter_mark_sentences_rules(nlp: Language) -> None:
    doc = nlp.make_doc(
        'He said "no." Then he left. (Reuters) The talks went on\n\nNo full stop here'
    )
    mark_sentences(doc)
    assert [s.text for s in doc.sents] == [
        'He said "no."',
        "Then he left.",
        "(Reuters) The talks went on\n\n",
        "No full stop here",
    ]


def test_prefilter_a_footnote_number_glued_to_a_full_stop_ends_the_sentence(
    nlp: Language,
) -> None:
    doc = nlp.make_doc(
        "The two sides found common ground.7 Yet doubts remain.[12] Rates rose to 3.5 percent "
        "in 2019.5 of them fell."
    )
    mark_sentences(doc)
    assert [s.text.strip() for s in doc.sents] == [
        "The two sides found common ground.7",
        "Yet doubts remain.[12]",
        # a decimal is no footnote: the number stays one token
        "Rates rose to 3.5 percent in 2019.5 of them fell.",
    ]


def test_pipeline_judges_the_sentence_after_a_footnote_number(fast: Pipeline) -> None:
    text = (
        "Officials in both capitals praised the accord.4 Still, ties between Moscow and "
        "Beijing have deteriorated since then."
    )
    coded = fast.code_text(text, dt.date(2021, 3, 1))
    assert [(a.subject, a.sentence_index) for a in coded.assessments] == [("CHN-RUS", 1)]
    assert coded.assessments[0].sentence.startswith("Still")


def test_prefilter_a_bulleted_list_on_one_line_is_one_headline_a_sentence(nlp: Language) -> None:
    doc = nlp.make_doc("Related  • Chile, Peru sign trade pact  • Quake hits Lima  • Oslo wins•cup")
    mark_sentences(doc)
    assert [s.text.strip() for s in doc.sents] == [
        "Related",
        "• Chile, Peru sign trade pact",
        "• Quake hits Lima",
        "• Oslo wins•cup",
    ]


def test_prefilter_excerpt_maps_offsets_back(nlp: Language) -> None:
    text = "One sentence here. Second one there.\n\nThird one, last."
    doc = nlp.make_doc(text)
    mark_sentences(doc)
    sentences = list(doc.sents)
    excerpt = Excerpt.build(nlp.vocab, sentences, [0, 2], [0, 0, 1])
    assert excerpt.doc.text == "One sentence here. \n\nThird one, last."
    third = excerpt.doc.text.index("Third")
    assert excerpt.to_original(third) == text.index("Third")
    assert [excerpt.sentence_of(s) for s in excerpt.doc.sents if s.text.strip()] == [0, 2]


def test_prefilter_event_bearing_needs_an_actor(fast: Pipeline) -> None:
    text = "Japan reported growth. Markets were calm. Japan met China. It rained."
    doc = fast.nlp.make_doc(text)
    mark_sentences(doc)
    mentions = fast.resolver.find_mentions(doc, None)
    assert event_bearing(list(doc.sents), mentions) == [0, 2]


def test_pipeline_prefilter_events_refer_to_original_text(fast: Pipeline, full: Pipeline) -> None:
    coded = fast.code_text(SUMMIT, dt.date(2019, 6, 5))
    assert coded.events, "the reference sentence should give events"
    for event in coded.events:
        assert SUMMIT[event.start : event.end] == event.sentence
        assert coded.sentences[event.sentence_index].text == event.sentence
        assert event.start <= event.trigger_start < event.trigger_end <= event.end
        assert SUMMIT[event.trigger_start : event.trigger_end] == "signed"
    assert {(e.source, e.target) for e in coded.events} == {
        ("CHNGOV", "RUSGOV"),
        ("RUSGOV", "CHNGOV"),
    }
    reference = full.code_text(SUMMIT, dt.date(2019, 6, 5))
    assert coded.events == reference.events
    assert [e.event_id for e in coded.events] == [e.event_id for e in reference.events]
    assert coded.sentences == reference.sentences
    for mention in coded.mentions:
        assert SUMMIT[mention.start : mention.end] == mention.text


def test_pipeline_prefilter_parses_only_actor_sentences(fast: Pipeline) -> None:
    document = Document(doc_id="x", text=SUMMIT)
    prepared = fast._prepare(document)
    (excerpt,) = prepared.excerpts  # a short text: one excerpt
    copied = [p.sentence for p in excerpt.pieces]
    assert copied == [0, 2, 4, 6, 7]  # the actor sentences, not the rain, ferry or choir
    assert "choir" not in excerpt.doc.text


def test_pipeline_long_text_is_parsed_in_runs_of_paragraphs(
    fast: Pipeline, full: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # eight paragraphs of the summit text, one excerpt's limit = one copy of it
    text = "\n\n".join([SUMMIT.strip()] * 8)
    date = dt.date(2019, 6, 5)
    whole = full.code_text(text, date)
    monkeypatch.setattr("tripolar.pipeline.EXCERPT_CHARS", len(SUMMIT))
    prepared = fast._prepare(Document(doc_id="long", text=text))
    assert len(prepared.excerpts) > 1
    paragraph_of = [text.count("\n\n", 0, s.start_char) for s in prepared.sentences]
    runs = [{paragraph_of[p.sentence] for p in e.pieces} for e in prepared.excerpts]
    assert all(a.isdisjoint(b) for k, a in enumerate(runs) for b in runs[k + 1 :])
    split = fast.code_text(text, date)
    assert [e.event_id for e in split.events] == [e.event_id for e in whole.events]
    assert split.sentences == whole.sentences


def test_pipeline_single_sentence_same_events(fast: Pipeline, full: Pipeline) -> None:
    for text in (
        "Russia accused Ukraine of shelling the border town on Friday.",
        "China and Russia signed a gas agreement in Shanghai.",
        "The weather in Paris was mild.",
        "Thousands of Kenyan students protested in the capital on Friday.",
        'U.S. officials said: "We condemn Iran for the missile test."',
    ):
        a, b = fast.code_text(text), full.code_text(text)
        assert a.events == b.events, text
        assert [e.event_id for e in a.events] == [e.event_id for e in b.events]


@pytest.mark.slow
def test_pipeline_prefilter_same_events_on_demo_corpus(fast: Pipeline, full: Pipeline) -> None:
    documents = [d for d in read_paths([corpus_path()]) if isinstance(d, Document)]
    with_filter = list(fast.code_documents(documents))
    without = list(full.code_documents(documents))
    assert sum(len(c.events) for c in without) > 50
    for a, b in zip(with_filter, without, strict=True):
        assert a.events == b.events, a.document.path
        assert a.sentences == b.sentences, a.document.path
        assert [e.event_id for e in a.events] == [e.event_id for e in b.events]


def test_pipeline_text_longer_than_spacys_limit(
    fast: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy refuses texts over nlp.max_length (E088) to guard the parser's memory; only the
    # excerpts are parsed here, so a long file of many articles is coded, not refused
    text = "\n\n".join([SUMMIT.strip()] * 4)
    monkeypatch.setattr(fast.nlp, "max_length", len(text) // 3)
    monkeypatch.setattr("tripolar.pipeline.EXCERPT_CHARS", len(text) // 4)
    coded = fast.code_text(text, dt.date(2019, 6, 5))
    assert len(coded.events) >= 4
