"""Recording events: a sentence's triggers become dated `Event`s, or rejections with reasons.

The last stage of coding a sentence. `record_events` drops the outcomes of an attack that a
violent trigger already codes and the triggers of a question; dates each candidate's clause
(``clause_dates.clause_date``); expands it into (source, target) pairs (``sides.pairs``) with the
last transformations of the codes (a source of no known country from its target's country,
damage by a protesting crowd as a riot); and keeps one event per source, target and code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tripolar.actors.addressees import ADDRESSEE_ENTRY
from tripolar.actors.listed_groups import LISTED_ENTRY
from tripolar.events.arguments import Candidate
from tripolar.events.clause_dates import DateCache, clause_date
from tripolar.events.codebook import Codebook
from tripolar.events.grammar import clause_verb
from tripolar.events.implied import home_country
from tripolar.events.prospects import is_prospective, is_question
from tripolar.events.sides import pairs
from tripolar.events.triggers import Trigger
from tripolar.events.violence import (
    PROPERTY_DAMAGE_CODES,
    RIOT_CODE,
    is_violent,
    outcome_of_attack,
    protest_crowd,
)
from tripolar.model import UNKNOWN_COUNTRY, Event, Mention, make_event_id
from tripolar.nlp.text import sentence_bounds, span_text

REFERENCE_RULES = {LISTED_ENTRY: "+listed-nearby", ADDRESSEE_ENTRY: "+addressee"}
"""Sides that another sentence or the attribution of a quotation supplied, named in the
event's rule (`tripolar.actors.listed_groups`, `tripolar.actors.addressees`)."""


def reference_rule(mention: Mention) -> str:
    """The rule suffix of a side taken from outside its own words; "" for any other."""
    return next((r for p, r in REFERENCE_RULES.items() if mention.entry.startswith(p)), "")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A trigger that matched a pattern but was not coded, and why (for explanations)."""

    sentence_index: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    reason: str

    @classmethod
    def at(cls, sentence_index: int, trigger: Token, rule: str, reason: str) -> Rejection:
        end = trigger.idx + len(trigger.text)
        return cls(sentence_index, trigger.text, trigger.idx, end, rule, reason)


@dataclass(frozen=True, slots=True)
class CodingResult:
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def record_events(
    sent: Span,
    sentence_index: int,
    triggers: list[Trigger],
    codebook: Codebook,
    doc_id: str,
    published: dt.date | None,
    result: CodingResult,
) -> None:
    """Add the events and rejections of one sentence's triggers to `result`."""
    bounds = sentence_bounds(sent)
    dates: DateCache = {}
    seen: set[tuple[str, str, str]] = set()
    violent = {t.i for t, o, _ in triggers if isinstance(o, Candidate) and is_violent(o.code)}
    asked = is_question(span_text(sent))
    for trigger, outcome, rule in triggers:
        if isinstance(outcome, Candidate) and outcome_of_attack(trigger, outcome, violent):
            outcome = f"the outcome of the attack coded on {trigger.head.text!r}"
        if isinstance(outcome, Candidate) and asked:
            outcome = "a question, not a report"
        if isinstance(outcome, str):
            result.rejections.append(Rejection.at(sentence_index, trigger, rule, outcome))
            continue
        prospective = is_prospective(outcome.context, outcome.code)
        clause = clause_verb(trigger)
        event_date, basis, precision = clause_date(
            clause, sent, published, prospective, dates, trigger=trigger
        )
        for source, source_code, target, target_code in pairs(outcome):
            rule_text, code = outcome.rule, outcome.code
            rule_text += "".join(sorted({reference_rule(source), reference_rule(target)}))
            home = home_country(source_code, target_code)
            if home is not None:  # "students" of no known country protesting KENGOV
                source_code, rule_text = home, rule_text + "/source-from-target"
            if code in PROPERTY_DAMAGE_CODES and protest_crowd(sent.doc, source):
                code, rule_text = RIOT_CODE, rule_text + "/riot"
            key = (source_code, target_code, code)
            if key in seen:
                continue
            if source_code.startswith(UNKNOWN_COUNTRY) and target_code.startswith(
                UNKNOWN_COUNTRY
            ):  # "gunmen kidnapped soldiers": no state's relations are in it
                rejected = Rejection.at(
                    sentence_index, trigger, rule_text, "no party of known country"
                )
                result.rejections.append(rejected)
                continue
            seen.add(key)
            meta = codebook.lookup(code)
            result.events.append(
                Event(
                    doc_id=doc_id,
                    sentence_index=sentence_index,
                    start=bounds[0],
                    end=bounds[1],
                    sentence=bounds[2],
                    source=source_code,
                    target=target_code,
                    code=code,
                    root=meta.root,
                    goldstein=meta.goldstein,
                    quad_class=meta.quad_class,
                    event_date=event_date,
                    date_basis=basis,
                    date_precision=precision,
                    rule=rule_text,
                    trigger_start=trigger.idx,
                    trigger_end=trigger.idx + len(trigger.text),
                    source_text=source.text,
                    target_text=target.text,
                    event_id=make_event_id(
                        doc_id,
                        sentence_index,
                        trigger.idx,
                        source_code,
                        target_code,
                        code,
                    ),
                )
            )
