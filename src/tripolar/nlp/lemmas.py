"""spaCy's rule lemmatizer, remembered per (word, POS, morphology).

The English lemmatizer decides a lemma from the word, its coarse POS and its morphology
only, but it builds a Token and reads its morphology for every word of every Doc (its own
cache skips the base forms, most of the words). `LemmaTable` asks it once per distinct
(ORTH, POS, MORPH) and writes the lemmas of a whole Doc as one array.
"""

from __future__ import annotations

from typing import cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from tripolar.nlp.standin import StandIn, replace_component

FACTORY = "tripolar_lemma_table"


class UnsupportedLemmatizer(ValueError):
    """A component that is not spaCy's rule-based Lemmatizer."""


class LemmaTable(StandIn):
    """Sets LEMMA as `lemmatizer` would, asking it once per (ORTH, POS, MORPH)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:  # set earlier, e.g. by the attribute ruler
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(found)
        column = np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], cast(Ints2d, column))
        return doc


@Language.factory(FACTORY, default_config={"source": "lemmatizer"})
def make_lemma_table(nlp: Language, name: str, source: str) -> LemmaTable:
    """The table of the pipeline's existing rule lemmatizer `source`."""
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        raise UnsupportedLemmatizer(f"{source!r} is not a rule-based Lemmatizer")
    return LemmaTable(lemmatizer)


def use_lemma_table(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put the pipeline's rule lemmatizer behind its table, under the same name.

    Returns False (and leaves the pipeline as it was) when there is no rule lemmatizer."""
    return replace_component(nlp, name, FACTORY, UnsupportedLemmatizer)
