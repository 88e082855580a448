"""assessments stage: judgements about relationships in commentary (not events).

from tripolar.assessments import AssessmentExtractor
extractor = AssessmentExtractor()
extractor.extract(doc, mentions, doc_id=doc_id, published=published) -> list[Assessment]
"""

from tripolar.assessments.extractor import AssessmentExtractor, sign, subject_key
from tripolar.assessments.lexicon import LexEntry, Lexicon

__all__ = ["AssessmentExtractor", "LexEntry", "Lexicon", "sign", "subject_key"]
