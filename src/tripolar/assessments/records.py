"""Judgements into records: a sentence's judgements merged per subject into one
`Assessment` each (`merge`), and the label a polarity counts as (`sign`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from tripolar.assessments.terms import Item
from tripolar.model import Assessment, AssessmentScope
from tripolar.nlp.text import sentence_bounds

POLARITY_FLOOR = 0.1  # |polarity| below this is reported as 0 by sign()


@dataclass
class Judgement:
    """What one cue says about one subject, before the sentence's judgements are merged."""

    subject: tuple[str, ...]
    item: Item
    weight: float
    value: float
    intensity: float
    terms: tuple[str, ...]
    negated: bool
    hedged: bool
    dimension: str
    time: str
    modality: str
    holder: str
    holder_code: str
    rank: int = 0  # how directly the subject is tied to the cue (see subjects.subjects_of)


def sign(polarity: float) -> int:
    """-1, 0 or +1: the label an assessment's polarity counts as."""
    if polarity > POLARITY_FLOOR:
        return 1
    if polarity < -POLARITY_FLOOR:
        return -1
    return 0


def subject_key(countries: Sequence[str]) -> str:
    """The stored subject of an assessment: its codes, sorted and joined ("CHN-RUS")."""
    return "-".join(sorted(set(countries)))


def merge(
    judgements: list[Judgement],
    sentence: Span,
    index: int,
    doc_id: str,
    published: dt.date | None,
) -> list[Assessment]:
    """One `Assessment` per subject of a sentence's judgements: asserted judgements outweigh
    conceded ones, the most directly tied ones decide, the strongest one leads."""
    by_subject: dict[tuple[str, ...], list[Judgement]] = defaultdict(list)
    for judgement in judgements:
        by_subject[judgement.subject].append(judgement)
    records: list[Assessment] = []
    bounds = sentence_bounds(sentence)
    doc = sentence.doc
    for subject, group in by_subject.items():
        # The "but" rule: when a contrast leaves some judgements asserted and others
        # conceded, the asserted ones decide the sign, however closely the conceded ones
        # name the pair ("efforts to ease tensions despite their disputes").
        asserted = [j for j in group if j.weight >= 1.0]
        scale = 1.0
        if asserted and len(asserted) < len(group):
            net = sum(j.intensity * j.value for j in asserted)
            if abs(net) > 0.0:
                group, scale = asserted, 0.8
        # a cue that names the pair outweighs one that only reaches it through the
        # sentence: "the 'no limits' relationship of X and Y" amid "the conflict"
        closest = min(j.rank for j in group)
        group = [j for j in group if j.rank == closest]
        total = sum(j.weight * j.intensity for j in group)
        if total == 0.0:
            continue
        polarity = scale * sum(j.weight * j.intensity * j.value for j in group) / total
        polarity = max(-1.0, min(1.0, polarity))
        lead = max(group, key=lambda j: (j.weight * j.intensity, -j.item.head.i))
        cue = doc[lead.item.match.start : lead.item.match.end]
        terms = tuple(dict.fromkeys(t for j in group for t in j.terms))
        scope: AssessmentScope = (
            "actor" if len(subject) == 1 else ("dyad" if len(subject) == 2 else "triad")
        )
        records.append(
            Assessment(
                doc_id=doc_id,
                sentence_index=index,
                start=bounds[0],
                end=bounds[1],
                sentence=bounds[2],
                subject=subject_key(subject),
                scope=scope,
                polarity=round(polarity, 3),
                intensity=round(max(j.intensity for j in group), 3),
                dimension=lead.dimension,
                time=lead.time,
                modality=lead.modality,
                holder=lead.holder,
                published=published,
                holder_code=lead.holder_code,
                cues=terms,
                cue_start=cue.start_char,
                cue_end=cue.end_char,
                negated=lead.negated,
                hedged=lead.hedged,
            )
        )
    return records
