"""A Doc's text is joined once and read back, and it is exactly what its tokens join to."""

from __future__ import annotations

from spacy.language import Language

from tripolar.nlp.text import TEXT_KEY, doc_text, remember_text, span_text
from tripolar.scale.prefilter import Excerpt, mark_sentences

TEXT = (
    "Moscow  and Beijing signed a deal.\tThe envoy left!\n\n"
    "A second paragraph (with brackets) ends here… "
)


def test_nlp_text_doc_text_is_joined_once_and_kept(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == doc.text == TEXT
    assert doc.user_data[TEXT_KEY] == TEXT
    remember_text(doc, "recorded")
    assert doc_text(doc) == "recorded"  # read back, not joined again


def test_nlp_text_span_text_matches_spacy(nlp: Language) -> None:
    doc = nlp(TEXT)
    spans = [*doc.sents, doc[0:3], doc[2:9], doc[len(doc) - 2 : len(doc)], doc[4:4]]
    for span in spans:
        assert span_text(span) == span.text


def test_nlp_text_excerpt_records_its_text(nlp: Language) -> None:
    doc = nlp.tokenizer(TEXT)
    mark_sentences(doc)
    sentences = list(doc.sents)
    excerpt = Excerpt.build(nlp.vocab, sentences, [0, 2], [0, 0, 1])
    recorded = excerpt.doc.user_data[TEXT_KEY]
    assert recorded == excerpt.doc.text
    assert recorded.startswith("Moscow  and Beijing signed a deal.")
    assert "A second paragraph" in recorded and "The envoy left" not in recorded
