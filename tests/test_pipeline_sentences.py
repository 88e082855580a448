"""Stored sentences, and the evidence of events and assessments, carry no surrounding blanks."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.pipeline import Pipeline

TEXT = (
    "Russia and China signed a gas agreement on Tuesday.\n\n"
    "The United States imposed sanctions on Russia on Wednesday.\n\n"
    "Analysts said Washington's ties with China are deteriorating.\n\n"
)


@pytest.mark.parametrize("prefilter", [True, False])
def test_pipeline_sentences_have_no_trailing_blank_lines(prefilter: bool) -> None:
    # the paragraph break after a sentence used to be kept ("...Wednesday.\n\n"): blank table
    # rows and line breaks inside CSV cells
    coded = Pipeline(prefilter=prefilter).code_text(TEXT, dt.date(2021, 3, 4))
    assert coded.events and coded.assessments
    texts = [s.text for s in coded.sentences]
    texts += [e.sentence for e in coded.events] + [a.sentence for a in coded.assessments]
    assert all(t == t.strip() for t in texts), texts
    for item in (*coded.sentences, *coded.events, *coded.assessments):
        text = item.text if hasattr(item, "text") else item.sentence
        assert TEXT[item.start : item.end] == text  # offsets still point at the sentence
