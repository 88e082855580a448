"""Long documents and long paragraphs are coded in bounded work units, with the offsets,
sentence indexes and event ids of the whole text."""

from __future__ import annotations

import datetime as dt
import sys
import time
from functools import partial
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from tripolar.model import Document
from tripolar.pipeline import Pipeline
from tripolar.scale.prefilter import MAX_SENTENCE_TOKENS, mark_sentences
from tripolar.scale.units import work_units

# Written for these tests: actors, events, a reference, and sentences without actors.
PARAGRAPH = (
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. "
    "Heavy rain fell across the city all afternoon. The two leaders signed an energy "
    "agreement. Washington criticised Beijing over the new tariffs."
)


@pytest.fixture(scope="module")
def fast() -> Pipeline:
    return Pipeline()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", " ", "\n", "\n\n", ". ", "A", "“", "x" * 40, "\t"]),
        max_size=300,
    ),
    st.integers(20, 200),
)
def test_units_cover_the_text_in_bounded_pieces(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    units = work_units(text, unit_chars=2 * limit, paragraph_chars=limit)
    assert units[0][0] == 0 and units[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(units))
    assert all(end - start <= 2 * limit for start, end in units)
    assert all(end > start for start, end in units) or text == ""


def test_units_cut_long_paragraphs_at_sentence_ends() -> None:
    text = (PARAGRAPH + " ") * 200  # one paragraph of 43,000 characters
    units = work_units(text, unit_chars=10_000, paragraph_chars=5_000)
    assert len(units) > 8
    assert all(end - start <= 5_000 for start, end in units)
    for start, _ in units[1:]:
        assert text[start - 2 : start] == ". " and text[start].isupper()


@pytest.mark.parametrize(
    "text",
    ["a" + " " * 200_000 + "b", "\n \n" * 70_000 + "a", ("." + " " * 20_000) * 10 + "A"],
    ids=["spaces", "blank-lines", "stops-and-spaces"],
)
def test_units_long_whitespace_is_cut_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    units = work_units(text)
    assert time.perf_counter() - started < 2  # a backtracking pattern took 16 s for 100 k
    assert all(end - start <= 20_000 for start, end in units)


def test_units_short_document_is_one_unit() -> None:
    assert work_units(PARAGRAPH) == [(0, len(PARAGRAPH))]


def test_prefilter_caps_sentence_length(fast: Pipeline) -> None:
    text = " ".join(["word"] * (3 * MAX_SENTENCE_TOKENS))  # no full stop anywhere
    doc = fast.nlp.tokenizer(text)
    mark_sentences(doc)
    lengths = [len(s) for s in doc.sents]
    assert len(lengths) == 3 and max(lengths) == MAX_SENTENCE_TOKENS


def test_pipeline_units_same_events_as_one_unit(
    fast: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # paragraphs of a long text coded in units of a few paragraphs: nothing changes
    text = "\n\n".join([PARAGRAPH] * 12)
    date = dt.date(2019, 6, 5)
    whole = fast.code_text(text, date)
    monkeypatch.setattr(
        "tripolar.pipeline.work_units", partial(work_units, unit_chars=3 * len(PARAGRAPH))
    )
    split = fast.code_text(text, date)
    assert len(whole.events) >= 24
    assert split.events == whole.events
    assert [e.event_id for e in split.events] == [e.event_id for e in whole.events]
    assert split.sentences == whole.sentences
    assert split.mentions == whole.mentions
    assert split.assessments == whole.assessments


def test_pipeline_long_paragraph_offsets_refer_to_the_text(
    fast: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    parse_batch = fast._parse_batch

    def spy(batch: list[Doc]) -> list[Doc]:
        parsed.extend(len(doc.text) for doc in batch)
        return parse_batch(batch)

    monkeypatch.setattr(fast, "_parse_batch", spy)
    text = "Opening line.\n\n" + " ".join([PARAGRAPH] * 400)  # a 90,000-character paragraph
    coded = fast.code_documents([Document(doc_id="long", text=text)])
    result = next(coded)
    assert max(parsed) <= 25_000  # parsed in pieces, not as one 90,000-character excerpt
    assert [s.index for s in result.sentences] == list(range(len(result.sentences)))
    assert all(text[s.start : s.end] == s.text for s in result.sentences)
    assert len(result.events) >= 800
    for event in result.events:
        sentence = result.sentences[event.sentence_index]
        assert (event.start, event.end, event.sentence) == (
            sentence.start,
            sentence.end,
            sentence.text,
        )
        assert event.start <= event.trigger_start < event.trigger_end <= event.end
    assert len({e.event_id for e in result.events}) == len(result.events)
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_pipeline_units_fuzzed_long_texts_keep_offsets() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    try:
        import fuzz
    finally:
        sys.path.pop(0)
    assert fuzz.fuzz_long(25, seed=7) == []


def test_pipeline_without_mentions_same_events(fast: Pipeline) -> None:
    # the ingest keeps no mentions: they are left out, the rest is unchanged
    text = "\n\n".join([PARAGRAPH] * 3)
    document = Document(doc_id="lean", text=text)
    full = next(fast.code_documents([document]))
    lean = next(fast.code_documents([document], mentions=False))
    assert len(full.mentions) > 6 and lean.mentions == ()
    assert (lean.events, lean.sentences, lean.assessments) == (
        full.events,
        full.sentences,
        full.assessments,
    )
