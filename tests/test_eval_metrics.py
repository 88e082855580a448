"""Metric code of bench/eval.py, checked on small hand-made gold records and predictions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from eval_metrics import (
    country_of,
    max_pairing,
    score_plover,
    score_ud,
    score_unittests,
    split_matches,
)
from eval_plover import load_plover_map


def record(events, **extra):
    return {"id": extra.pop("id", "r"), "text": "made-up sentence", "events": events, **extra}


def ev(source, target, code):
    return {"source": source, "target": target, "code": code}


def test_eval_metrics_country_of_normalises_slips_and_prefixes():
    assert country_of("USAGOV") == "USA"
    assert country_of("JAP") == "JPN"
    assert country_of("ROMGOV") == "ROU"
    assert country_of("IGOUNOMIL") == "IGO"
    assert country_of("---LEG") == "---"
    assert country_of("") is None
    assert country_of(None) is None
    assert country_of('"INJURY TOLL"') == '"INJURY TOLL"'


def test_eval_metrics_split_matches_is_a_multiset_intersection():
    matched, missed, extra = split_matches(["a", "a", "b"], ["a", "c", "c"])
    assert matched == [0]
    assert missed == [1, 2]
    assert extra == [1, 2]


def test_eval_metrics_max_pairing_finds_augmenting_path():
    # pred 0 may take gold 0 or 1, pred 1 only gold 0: a greedy pass would pair one of them.
    allowed = {(0, 0), (1, 0), (0, 1)}
    pairs = max_pairing(2, 2, lambda g, p: (g, p) in allowed)
    assert len(pairs) == 2
    assert pairs[1] == 0 and pairs[0] == 1


def test_eval_metrics_ud_dyad_root_and_code_counts():
    records = [
        record([ev("RURGOV", "FRE", "042")]),
        record([ev("RUR", "FRE", "111"), ev("FRE", "RUR", "111")]),
        record([]),
    ]
    predictions = [
        [("RURMIL", "FREGOV", "043")],  # right dyad and root, wrong full code
        [("RUR", "FRE", "112"), ("ABC", "XYZ", "190")],  # one right at root; one spurious
        [("RUR", "FRE", "010")],  # event on a no-event sentence: spurious
    ]
    tally, verdicts = score_ud(records, predictions)
    assert (tally.dyad_root.tp, tally.dyad_root.fp, tally.dyad_root.fn) == (2, 2, 1)
    assert (tally.dyad_code.tp, tally.dyad_code.fp, tally.dyad_code.fn) == (0, 4, 3)
    assert tally.spurious == 2
    assert tally.spurious_per_sentence == pytest.approx(2 / 3)
    assert tally.events_on_no_event_sentences == 1
    assert tally.missed_codes == {"111": 1}
    assert tally.spurious_codes == {"190": 1, "010": 1}
    assert verdicts[0]["root_ok"] and not verdicts[0]["code_ok"]
    assert tally.dyad_root.precision == pytest.approx(0.5)
    assert tally.dyad_root.recall == pytest.approx(2 / 3)


def test_eval_metrics_wrong_code_on_right_dyad_is_not_spurious():
    tally, _ = score_ud([record([ev("RUR", "FRE", "042")])], [[("RUR", "FRE", "190")]])
    assert tally.dyad_root.fp == 1
    assert tally.spurious == 0


def test_eval_metrics_unittests_exact_records_by_kind():
    records = [
        record([ev("ARN", "GON", "064")], id="A-1"),
        record([ev("ARN", "GON", "064")], id="A-2", sentence_attr="false"),
        record([], id="ERROR-01", expected_error="dateline"),
        record([], id="DISCARD-01", expected_error="storydiscard"),
        record([ev("HOBGOV", "CAL", "0331"), ev("CAL", "HOBGOV", "0331")], id="A-3"),
        record([], id="A-4", gold_no_event=True),
    ]
    predictions = [
        [("ARN", "GON", "064"), ("ARN", "GON", "064")],  # duplicates collapse: sets are equal
        [("ARN", "GON", "061")],  # right at root only
        [("ARN", "GON", "010")],  # excluded
        [("ARN", "GON", "010")],  # discard record that coded an event
        [("HOBGOV", "CAL", "0331")],  # one direction missing
        [],
    ]
    score, verdicts = score_unittests(records, predictions)
    assert score.excluded_errors == 1
    assert (score.discard.records, score.discard.right_root) == (1, 0)
    required = score.required
    assert (required.records, required.right_root, required.right_code) == (3, 2, 2)
    assert (score.with_optional.records, score.with_optional.right_root) == (4, 3)
    assert score.with_optional.right_code == 2
    assert verdicts[2] == {"kind": "error"}
    assert score.events.missed_codes == {"0331": 1}


def test_eval_metrics_unittests_compare_full_actor_codes():
    score, _ = score_unittests([record([ev("HOBGOV", "CAL", "023")])], [[("HOB", "CAL", "023")]])
    assert score.required.right_root == 0
    assert score.events.dyad_root.tp == 1  # event level looks at countries only
    assert (score.actor_dyads.tp, score.actor_dyads.fp, score.actor_dyads.fn) == (0, 1, 1)


def test_eval_metrics_unittests_actor_dyads_ignore_the_event_code():
    records = [record([ev("HOBGOV", "CAL", "064"), ev("CAL", "HOBGOV", "064")])]
    score, _ = score_unittests(records, [[("HOBGOV", "CAL", "050"), ("ARN", "CAL", "050")]])
    assert score.required.right_root == 0
    assert (score.actor_dyads.tp, score.actor_dyads.fp, score.actor_dyads.fn) == (1, 1, 1)


def plover_event(source, target, kind, **sectors):
    return {"source": source, "target": target, "code": kind, **sectors}


def test_eval_metrics_plover_types_macro_f1_and_actor_countries():
    table = load_plover_map()
    records = [
        record([plover_event("RUR", "FRE", "AGREE")]),
        record([plover_event("IGO", "FRE", "DEMAND"), plover_event("IGO", "SYL", "DEMAND")]),
        record([plover_event("JAP", None, "PROTEST")]),
    ]
    predictions = [
        [("RURGOV", "FRE", "036"), ("RUR", "FRE", "010")],  # 010 is dropped by PLOVER
        [("IGOUNO", "SYL", "1041"), ("IGOUNO", "FRE", "190")],  # one DEMAND; FIGHT is spurious
        [("JPNCVL", "", "141")],
    ]
    score, verdicts = score_plover(records, predictions, table)
    assert score.dropped_predictions == 1
    assert score.per_type["AGREE"].f1 == 1.0
    assert (score.per_type["DEMAND"].tp, score.per_type["DEMAND"].fn) == (1, 1)
    assert score.per_type["FIGHT"].fp == 1
    demand_f1 = 2 * 1.0 * 0.5 / 1.5
    assert score.macro_f1 == pytest.approx((1.0 + demand_f1 + 0.0 + 1.0) / 4)
    # Matched: AGREE (right), DEMAND paired with the IGO->SYL gold (right), PROTEST (JAP==JPN).
    assert score.matched_pairs == 3
    assert score.actor_accuracy == 1.0
    assert score.target_checked == 2  # the null gold target is not checked
    assert score.spurious == 0  # the FIGHT event shares the dyad IGO->FRE with a gold event
    assert score.missed_types == {"DEMAND": 1}
    assert score.wrong_codes == {"190": 1}
    assert verdicts[0]["types_ok"] and not verdicts[1]["types_ok"]


def test_eval_metrics_plover_wrong_country_lowers_accuracy():
    records = [record([plover_event("RUR", "FRE", "REJECT")])]
    score, _ = score_plover(records, [[("RUR", "SYL", "120")]], load_plover_map())
    assert score.per_type["REJECT"].tp == 1
    assert score.actor_accuracy == 0.0
    assert (score.source_right, score.target_right) == (1, 0)


def test_eval_metrics_plover_unrelated_event_is_spurious():
    records = [record([plover_event("RUR", "FRE", "CONSULT")])]
    predictions = [[("ABC", "XYZ", "180"), ("FRE", "RUR", "190")]]  # the second is reversed
    score, _ = score_plover(records, predictions, load_plover_map())
    assert score.spurious == 2
    assert score.spurious_codes == {"180": 1, "190": 1}
