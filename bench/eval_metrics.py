"""Scoring of predicted CAMEO events against the three gold sets (pure functions).

Every scorer takes the gold records (dicts as read from the JSONL files) and, for each
record, the predicted events as (source, target, code) triples. Matching rules:

* Country of an actor code: its first three letters, with a few known code slips mapped to
  ISO-3166 (JAP -> JPN ...). "IGO" therefore matches any IGO* code, "---" stays "---".
* Dyad + root (UD-PETRARCH, unit tests): per sentence, the gold and predicted events are
  multisets of (source country, target country, root); true positives are their
  intersection. "Full code" does the same with the whole CAMEO code.
* PLOVER: per sentence, the multisets of PLOVER types (predicted CAMEO codes mapped through
  plover.tsv; codes of categories PLOVER dropped, 01 and 02, are left out and counted).
  Per-type precision/recall/F1 sum the per-sentence intersections; macro-F1 averages the
  types present in gold or predictions. Actor countries are checked on the matched events:
  within a sentence and type, predicted events are paired with gold events so that the
  number of fully right pairs is largest; a pair is right when source and target countries
  equal gold's (a null gold role is not checked).
* Spurious events: predicted events left unpaired after pairing them one-to-one with the
  sentence's gold events, where a pair is allowed when it shares the dyad (countries) or
  the action (root, or PLOVER type). A right dyad with a wrong code is a precision error,
  not a spurious event; an event about actors and an action the gold does not have is.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval_plover import PloverMap

Triple = tuple[str, str, str]
Record = Mapping[str, Any]

COUNTRY_ALIASES = {
    "JAP": "JPN",  # Japan, a slip in the PLOVER gold
    "ITL": "ITA",  # Italy, same
    "VTN": "VNM",  # Viet Nam, same
    "ROM": "ROU",  # Romania, older CAMEO code
    "TMP": "TLS",  # Timor-Leste, older CAMEO code
    "ZAR": "COD",  # DR Congo, older code
}


def country_of(actor: str | None) -> str | None:
    """The country part of a CAMEO actor code, ISO-normalised; None for no actor."""
    if actor is None:
        return None
    actor = actor.strip()
    if not actor:
        return None
    if actor.startswith('"'):  # PETRARCH "new actor" text: never a country
        return actor
    head = actor[:3].upper()
    return COUNTRY_ALIASES.get(head, head)


def root_of(code: str) -> str:
    return code.strip()[:2]


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def split_matches(
    gold: Sequence[Hashable], pred: Sequence[Hashable]
) -> tuple[list[int], list[int], list[int]]:
    """Multiset matching by equal keys: (matched gold, unmatched gold, unmatched pred) indices."""
    available = Counter(pred)
    matched, missed = [], []
    for index, key in enumerate(gold):
        if available[key] > 0:
            available[key] -= 1
            matched.append(index)
        else:
            missed.append(index)
    extra = []
    for index, key in enumerate(pred):
        if available[key] > 0:
            available[key] -= 1
            extra.append(index)
    return matched, missed, extra


def max_pairing(n_gold: int, n_pred: int, allowed: Callable[[int, int], bool]) -> dict[int, int]:
    """Largest one-to-one pairing pred -> gold under `allowed` (augmenting paths)."""
    gold_of_pred: dict[int, int] = {}
    pred_of_gold: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in range(n_gold):
            if g in seen or not allowed(g, p):
                continue
            seen.add(g)
            if g not in pred_of_gold or augment(pred_of_gold[g], seen):
                pred_of_gold[g] = p
                gold_of_pred[p] = g
                return True
        return False

    for p in range(n_pred):
        augment(p, set())
    return gold_of_pred


def unpaired_predictions(
    gold: Sequence[Triple],
    pred: Sequence[Triple],
    same_action: Callable[[str, str], bool],
) -> list[int]:
    """Indices of predicted events that share neither dyad nor action with any gold event left."""

    def allowed(g: int, p: int) -> bool:
        gs, gt, gc = gold[g]
        ps, pt, pc = pred[p]
        same_dyad = country_of(gs) == country_of(ps) and country_of(gt) == country_of(pt)
        return same_dyad or same_action(gc, pc)

    paired = max_pairing(len(gold), len(pred), allowed)
    return [p for p in range(len(pred)) if p not in paired]


def gold_triples(record: Record) -> list[Triple]:
    return [(e["source"] or "", e["target"] or "", e["code"]) for e in record["events"]]


# --- UD-PETRARCH GSR and the unit tests: dyad + code --------------------------------------


@dataclass(slots=True)
class EventTally:
    """Event-level counts over many sentences (dyad + root, dyad + full code, spurious)."""

    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    dyad_root: PRF = field(default_factory=PRF)
    dyad_code: PRF = field(default_factory=PRF)
    spurious: int = 0
    no_event_sentences: int = 0
    events_on_no_event_sentences: int = 0
    missed_codes: Counter[str] = field(default_factory=Counter)
    wrong_codes: Counter[str] = field(default_factory=Counter)  # false positives (dyad + root)
    spurious_codes: Counter[str] = field(default_factory=Counter)

    @property
    def spurious_per_sentence(self) -> float:
        return self.spurious / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "dyad_root": self.dyad_root.to_dict(),
            "dyad_code": self.dyad_code.to_dict(),
            "spurious": self.spurious,
            "spurious_per_sentence": round(self.spurious_per_sentence, 4),
            "no_event_sentences": self.no_event_sentences,
            "events_on_no_event_sentences": self.events_on_no_event_sentences,
            "missed_codes": dict(self.missed_codes.most_common()),
            "wrong_codes": dict(self.wrong_codes.most_common()),
            "spurious_codes": dict(self.spurious_codes.most_common()),
        }


def tally_events(
    tally: EventTally, gold: Sequence[Triple], pred: Sequence[Triple]
) -> dict[str, Any]:
    """Add one sentence to `tally`; returns that sentence's verdict for error files."""

    def key_root(t: Triple) -> tuple[str | None, str | None, str]:
        return (country_of(t[0]), country_of(t[1]), root_of(t[2]))

    def key_code(t: Triple) -> tuple[str | None, str | None, str]:
        return (country_of(t[0]), country_of(t[1]), t[2].strip())

    tally.sentences += 1
    tally.gold_events += len(gold)
    tally.predicted_events += len(pred)
    if not gold:
        tally.no_event_sentences += 1
        tally.events_on_no_event_sentences += len(pred)
    matched, missed, extra = split_matches([key_root(t) for t in gold], [key_root(t) for t in pred])
    tally.dyad_root.add(len(matched), len(extra), len(missed))
    code_matched, code_missed, code_extra = split_matches(
        [key_code(t) for t in gold], [key_code(t) for t in pred]
    )
    tally.dyad_code.add(len(code_matched), len(code_extra), len(code_missed))
    tally.missed_codes.update(gold[i][2] for i in missed)
    tally.wrong_codes.update(pred[i][2] for i in extra)
    spurious = unpaired_predictions(gold, pred, lambda g, p: root_of(g) == root_of(p))
    tally.spurious += len(spurious)
    tally.spurious_codes.update(pred[i][2] for i in spurious)
    return {
        "root_ok": not missed and not extra,
        "code_ok": not code_missed and not code_extra,
        "missed": [list(gold[i]) for i in missed],
        "extra": [list(pred[i]) for i in extra],
        "spurious": [list(pred[i]) for i in spurious],
    }


def score_ud(
    records: Sequence[Record], predictions: Sequence[Sequence[Triple]]
) -> tuple[EventTally, list[dict[str, Any]]]:
    """UD-PETRARCH GSR: dyad (countries) + root and + full code, spurious per sentence."""
    tally = EventTally()
    verdicts = [
        tally_events(tally, gold_triples(rec), list(pred))
        for rec, pred in zip(records, predictions, strict=True)
    ]
    return tally, verdicts


# --- PETRARCH unit tests: records exactly right ----------------------------------------------


@dataclass(slots=True)
class ExactTally:
    records: int = 0
    right_root: int = 0
    right_code: int = 0

    def add(self, root_ok: bool, code_ok: bool) -> None:
        self.records += 1
        self.right_root += root_ok
        self.right_code += code_ok

    @property
    def root_rate(self) -> float:
        return self.right_root / self.records if self.records else 0.0

    @property
    def code_rate(self) -> float:
        return self.right_code / self.records if self.records else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "records": self.records,
            "right_root": self.right_root,
            "right_code": self.right_code,
            "root_rate": round(self.root_rate, 4),
            "code_rate": round(self.code_rate, 4),
        }


@dataclass(slots=True)
class UnitTestScore:
    required: ExactTally = field(default_factory=ExactTally)  # sentence_attr != "false"
    with_optional: ExactTally = field(default_factory=ExactTally)
    discard: ExactTally = field(default_factory=ExactTally)  # right = no event predicted
    excluded_errors: int = 0
    events: EventTally = field(default_factory=EventTally)  # required + optional records
    # (source, target) at full actor code, event code ignored: what the actor and agent
    # dictionaries decide, apart from the verb dictionary that was not copied
    actor_dyads: PRF = field(default_factory=PRF)

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": self.required.to_dict(),
            "with_optional": self.with_optional.to_dict(),
            "discard": self.discard.to_dict(),
            "excluded_errors": self.excluded_errors,
            "events": self.events.to_dict(),
            "actor_dyads": self.actor_dyads.to_dict(),
        }


def unittest_kind(record: Record) -> str:
    """'error' (excluded), 'discard' (scored apart), 'optional' or 'required'."""
    rid = str(record.get("id", ""))
    expected = record.get("expected_error")
    if rid.startswith("ERROR-") or expected in ("dateline", "bad_input_parse"):
        return "error"
    if rid.startswith("DISCARD-") or expected in ("storydiscard", "sentencediscard"):
        return "discard"
    if str(record.get("sentence_attr", "true")).lower() == "false":
        return "optional"
    return "required"


def exact_sets(gold: Sequence[Triple], pred: Sequence[Triple]) -> tuple[bool, bool]:
    """(right at root, right at full code): predicted set of (source, target, code) == gold's."""

    def at_root(events: Sequence[Triple]) -> set[tuple[str, str, str]]:
        return {(s.strip(), t.strip(), root_of(c)) for s, t, c in events}

    def at_code(events: Sequence[Triple]) -> set[tuple[str, str, str]]:
        return {(s.strip(), t.strip(), c.strip()) for s, t, c in events}

    return at_root(gold) == at_root(pred), at_code(gold) == at_code(pred)


def score_unittests(
    records: Sequence[Record], predictions: Sequence[Sequence[Triple]]
) -> tuple[UnitTestScore, list[dict[str, Any]]]:
    score = UnitTestScore()
    verdicts: list[dict[str, Any]] = []
    for rec, pred in zip(records, predictions, strict=True):
        kind = unittest_kind(rec)
        gold = gold_triples(rec)
        verdict: dict[str, Any] = {"kind": kind}
        if kind == "error":
            score.excluded_errors += 1
        elif kind == "discard":
            score.discard.add(not pred, not pred)
            verdict.update(root_ok=not pred, code_ok=not pred)
        else:
            root_ok, code_ok = exact_sets(gold, pred)
            score.with_optional.add(root_ok, code_ok)
            if kind == "required":
                score.required.add(root_ok, code_ok)
            detail = tally_events(score.events, gold, list(pred))
            gold_dyads = {(g[0], g[1]) for g in gold}
            pred_dyads = {(p[0], p[1]) for p in pred}
            score.actor_dyads.add(
                len(gold_dyads & pred_dyads),
                len(pred_dyads - gold_dyads),
                len(gold_dyads - pred_dyads),
            )
            verdict.update(detail, root_ok=root_ok, code_ok=code_ok)
        verdicts.append(verdict)
    return score, verdicts


# --- PLOVER gold-standard records --------------------------------------------------------


@dataclass(slots=True)
class PloverScore:
    sentences: int = 0
    per_type: dict[str, PRF] = field(default_factory=dict)
    micro: PRF = field(default_factory=PRF)
    matched_pairs: int = 0
    actors_right: int = 0
    source_checked: int = 0
    source_right: int = 0
    target_checked: int = 0
    target_right: int = 0
    dropped_predictions: int = 0  # CAMEO 01/02: no PLOVER type
    unmapped_predictions: int = 0  # codes the table does not know
    spurious: int = 0
    missed_types: Counter[str] = field(default_factory=Counter)
    wrong_codes: Counter[str] = field(default_factory=Counter)  # CAMEO codes of false positives
    spurious_codes: Counter[str] = field(default_factory=Counter)

    @property
    def macro_f1(self) -> float:
        return (
            sum(p.f1 for p in self.per_type.values()) / len(self.per_type) if self.per_type else 0.0
        )

    @property
    def actor_accuracy(self) -> float:
        return self.actors_right / self.matched_pairs if self.matched_pairs else 0.0

    @property
    def spurious_per_sentence(self) -> float:
        return self.spurious / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        def rate(right: int, checked: int) -> float:
            return round(right / checked, 4) if checked else 0.0

        return {
            "sentences": self.sentences,
            "per_type": {t: p.to_dict() for t, p in sorted(self.per_type.items())},
            "macro_f1": round(self.macro_f1, 4),
            "micro": self.micro.to_dict(),
            "matched_pairs": self.matched_pairs,
            "actor_country_accuracy": round(self.actor_accuracy, 4),
            "source_country_accuracy": rate(self.source_right, self.source_checked),
            "target_country_accuracy": rate(self.target_right, self.target_checked),
            "dropped_predictions": self.dropped_predictions,
            "unmapped_predictions": self.unmapped_predictions,
            "spurious": self.spurious,
            "spurious_per_sentence": round(self.spurious_per_sentence, 4),
            "missed_types": dict(self.missed_types.most_common()),
            "wrong_codes": dict(self.wrong_codes.most_common()),
            "spurious_codes": dict(self.spurious_codes.most_common()),
        }


def _role_checks(gold_event: Record, pred: Triple) -> tuple[bool | None, bool | None]:
    """(source right, target right); None where the gold leaves the role empty."""
    checks: list[bool | None] = []
    for role, predicted in (("source", pred[0]), ("target", pred[1])):
        wanted = country_of(gold_event.get(role))
        checks.append(None if wanted is None else wanted == country_of(predicted))
    return checks[0], checks[1]


def _best_assignment(gold: Sequence[Record], pred: Sequence[Triple]) -> list[tuple[int, int]]:
    """Pairs (gold idx, pred idx), min(len) of them, with the most fully right pairs."""

    def score(g: int, p: int) -> tuple[int, int]:
        src, tgt = _role_checks(gold[g], pred[p])
        full = int(src is not False and tgt is not False)
        return full, int(src is True) + int(tgt is True)

    k = min(len(gold), len(pred))
    if k == 0:
        return []
    if max(len(gold), len(pred)) <= 7:
        best: list[tuple[int, int]] = []
        best_value = (-1, -1)
        if len(gold) <= len(pred):
            options = (
                list(zip(range(len(gold)), perm, strict=True))
                for perm in itertools.permutations(range(len(pred)), k)
            )
        else:
            options = (
                list(zip(perm, range(len(pred)), strict=True))
                for perm in itertools.permutations(range(len(gold)), k)
            )
        for pairs in options:
            scores = [score(g, p) for g, p in pairs]
            value = (sum(s[0] for s in scores), sum(s[1] for s in scores))
            if value > best_value:
                best, best_value = pairs, value
        return best
    ranked = sorted(
        ((score(g, p), g, p) for g in range(len(gold)) for p in range(len(pred))), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in ranked:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


def score_plover(
    records: Sequence[Record],
    predictions: Sequence[Sequence[Triple]],
    plover: PloverMap,
) -> tuple[PloverScore, list[dict[str, Any]]]:
    score = PloverScore()
    verdicts: list[dict[str, Any]] = []
    for rec, pred in zip(records, predictions, strict=True):
        score.sentences += 1
        gold_events = list(rec["events"])
        typed: list[tuple[Triple, str]] = []
        for triple in pred:
            kind = plover.type_of(triple[2])
            if kind is not None:
                typed.append((triple, kind))
            elif plover.is_dropped(triple[2]):
                score.dropped_predictions += 1
            else:
                score.unmapped_predictions += 1
        gold_types = Counter(e["code"] for e in gold_events)
        pred_types = Counter(kind for _, kind in typed)
        for kind in gold_types.keys() | pred_types.keys():
            tp = min(gold_types[kind], pred_types[kind])
            prf = score.per_type.setdefault(kind, PRF())
            prf.add(tp, pred_types[kind] - tp, gold_types[kind] - tp)
            score.micro.add(tp, pred_types[kind] - tp, gold_types[kind] - tp)
            if gold_types[kind] > tp:
                score.missed_types[kind] += gold_types[kind] - tp
            extra = pred_types[kind] - tp
            if extra:
                codes_of_kind = [t[2] for t, k in typed if k == kind]
                score.wrong_codes.update(codes_of_kind[len(codes_of_kind) - extra :])
        actor_results = []
        for kind in gold_types.keys() & pred_types.keys():
            gold_k = [e for e in gold_events if e["code"] == kind]
            pred_k = [t for t, k in typed if k == kind]
            for g, p in _best_assignment(gold_k, pred_k):
                src, tgt = _role_checks(gold_k[g], pred_k[p])
                score.matched_pairs += 1
                score.actors_right += src is not False and tgt is not False
                if src is not None:
                    score.source_checked += 1
                    score.source_right += src
                if tgt is not None:
                    score.target_checked += 1
                    score.target_right += tgt
                actor_results.append(
                    {
                        "type": kind,
                        "gold": [gold_k[g].get("source"), gold_k[g].get("target")],
                        "predicted": list(pred_k[p][:2]),
                        "source_ok": src,
                        "target_ok": tgt,
                    }
                )
        gold_as_triples = [
            (e.get("source") or "", e.get("target") or "", e["code"]) for e in gold_events
        ]
        pred_as_triples = [(t[0], t[1], kind) for t, kind in typed]
        spurious = unpaired_predictions(gold_as_triples, pred_as_triples, lambda g, p: g == p)
        score.spurious += len(spurious)
        score.spurious_codes.update(typed[i][0][2] for i in spurious)
        verdicts.append(
            {
                "types_ok": gold_types == pred_types,
                "gold_types": sorted(gold_types.elements()),
                "predicted_types": sorted(pred_types.elements()),
                "actors": actor_results,
                "spurious": [list(typed[i][0]) for i in spurious],
            }
        )
    return score, verdicts
