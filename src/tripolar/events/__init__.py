"""The events stage: CAMEO codebook, verb/noun patterns and the event coder.

book = Codebook.load()
coder = EventCoder(book)
events = coder.code_doc(doc, mentions, doc_id="d1", published=date(2019, 6, 6))
result = coder.explain_doc(doc, mentions, doc_id="d1", published=None)  # + rejections

The coder's stages, in the order a sentence goes through them: ``triggers`` (find the verbs
and nouns a pattern knows) -> ``verb_acts`` / ``noun_acts`` / ``governed`` (choose the code,
reading actors through ``arguments``, the parse through ``grammar``, the context through
``modality`` and the patterns through ``lexicon``) -> ``recording`` (date the event with
``dates``, pair the sides, record it). docs/architecture.md follows one sentence through.
"""

from tripolar.events.codebook import CameoCode, Codebook, quad_class_of_root
from tripolar.events.coder import CodingResult, EventCoder, Rejection
from tripolar.events.dates import resolve_event_date
from tripolar.events.patterns import NounPattern, PatternSet, VerbPattern

__all__ = [
    "CameoCode",
    "Codebook",
    "CodingResult",
    "EventCoder",
    "NounPattern",
    "PatternSet",
    "Rejection",
    "VerbPattern",
    "quad_class_of_root",
    "resolve_event_date",
]
