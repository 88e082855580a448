"""The attribute table gives exactly the annotations of spaCy's attribute ruler."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from tripolar.demo import corpus_path
from tripolar.ingest import read_paths
from tripolar.model import Document
from tripolar.nlp.attributes import AttributeTable, use_attribute_table

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]

# Written for this test: contractions and colloquial forms the ruler has multi-token or
# word-specific patterns for, pronouns, auxiliaries used as main verbs, expletive "there",
# complementizers, modals, odd whitespace and punctuation.
VARIED = [
    "I ain't gonna sign that treaty, y'all know it. Let's wait and see, c'mon.",
    "We gotta talk to 'em before the vote, somethin' nothin' doin' goin' on.",
    "She'd have said so if they'd asked her; he's been there and it's got worse.",
    "There is a dispute, there were protests and there's no deal yet.",
    "Everyone and nobody: anything can happen, something might, everything would.",
    "Do they have to do it? He does his work, she did hers and we had ours.",
    "The minister, whose ministry had been criticised, said that the talks would go on "
    "because both sides wanted them to, though not everyone agreed.",
    "Ol' habits die hard.  Two  spaces,\ta tab\n\nand a blank line  \n end it.",
    "Russia and China held talks in Beijing on 3 March 2021; Moscow's envoy wasn't there.",
    "\"Don't!\" they shouted (at least 40 of them) - then, once more, 'nuff was enough.",
    "Those who can't won't; these I'd keep, this I'll leave, that is theirs and yours.",
    "Here and there, well beyond it, the U.S. and the E.U. aren't sure whether to act.",
    "He himself met them themselves; you yourselves and I myself saw it ourselves.",
    "It gets late. It got later. Her plan was hers, its end was its own.",
]


def _demo_texts() -> list[str]:
    return [d.text for d in read_paths([corpus_path()]) if isinstance(d, Document)]


@pytest.mark.slow
def test_attributes_table_matches_attribute_ruler(nlp: Language, reference: Language) -> None:
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeTable
    texts = VARIED + _demo_texts()
    tokens = 0
    for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
        assert [t.text for t in ours] == [t.text for t in theirs]
        for mine, spacys in zip(ours, theirs, strict=True):
            assert (mine.pos_, mine.lemma_, str(mine.morph), mine.tag_, mine.dep_) == (
                spacys.pos_, spacys.lemma_, str(spacys.morph), spacys.tag_, spacys.dep_,
            ), (mine.text, ours.text[:80])  # fmt: skip
        assert (ours.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all()
        tokens += len(ours)
    assert tokens > 5000


def test_attributes_later_pattern_wins_and_multi_token_index(nlp: Language) -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "thing"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"TAG": "NN", "LOWER": {"IN": ["na", "x"]}}]], {"POS": "PROPN"})
    table = AttributeTable(ruler)
    words = ["gon", "na", "x", "y"]
    tags = ["VBG", "NN", "NN", "NN"]
    expected = Doc(blank.vocab, words=words, tags=tags)
    got = Doc(blank.vocab, words=words, tags=tags)
    ruler(expected)
    table(got)
    assert [(t.pos_, t.lemma_) for t in got] == [(t.pos_, t.lemma_) for t in expected]
    assert [(t.pos_, t.lemma_) for t in got] == [
        ("", ""),
        ("PROPN", "to"),
        ("PROPN", "thing"),
        ("NOUN", "thing"),
    ]


def test_attributes_unsupported_pattern_keeps_spacy_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert use_attribute_table(blank) is False
    assert blank.get_pipe("attribute_ruler") is ruler
