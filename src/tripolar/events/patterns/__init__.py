"""Verb and noun patterns: one model, its readers, and the matcher.

* `model`: `VerbPattern`, `NounPattern`, `TargetSlot` and the dictionary elements.
* `tsv`: the built-in tables ``events/data/verbs.tsv`` and ``nouns.tsv``.
* `petrarch`: PETRARCH-2/TABARI verb dictionaries (``--verbs FILE``).
* `patternset`: `PatternSet`, the patterns in force (built-in, merged or replaced).
* `matcher`: `match_verb`, one pattern against one verb of a spaCy parse.
* `index`: `PatternIndex`, a verb's patterns filed by the words they need, so that only
  those whose words a sentence holds are matched.
"""

from tripolar.events.patterns.index import PatternIndex
from tripolar.events.patterns.matcher import PatternMatch, VerbSite, match_verb, sentence_words
from tripolar.events.patterns.model import (
    NOUN_FLAGS,
    NULL_CODE,
    SPECIAL_TARGETS,
    VERB_FLAGS,
    ActorSlot,
    Element,
    NounPattern,
    NounPhrase,
    PrepPhrase,
    Skip,
    TargetSlot,
    Term,
    VerbPattern,
)
from tripolar.events.patterns.patternset import (
    VERBS_MODES,
    PatternSet,
    VerbsMode,
    check_verbs_mode,
)
from tripolar.events.patterns.petrarch import (
    DictionaryProblem,
    VerbDictionary,
    read_verb_dictionaries,
    read_verb_dictionary,
)

__all__ = [
    "NOUN_FLAGS",
    "NULL_CODE",
    "SPECIAL_TARGETS",
    "VERBS_MODES",
    "VERB_FLAGS",
    "ActorSlot",
    "DictionaryProblem",
    "Element",
    "NounPattern",
    "NounPhrase",
    "PatternIndex",
    "PatternMatch",
    "PatternSet",
    "PrepPhrase",
    "Skip",
    "TargetSlot",
    "Term",
    "VerbDictionary",
    "VerbPattern",
    "VerbSite",
    "VerbsMode",
    "check_verbs_mode",
    "match_verb",
    "read_verb_dictionaries",
    "read_verb_dictionary",
    "sentence_words",
]
