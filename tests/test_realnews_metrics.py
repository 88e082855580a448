"""Matching rules of bench/realnews_eval.py, on gold events and predictions written here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from realnews_eval import main
from realnews_metrics import (
    GoldEvent,
    Predicted,
    date_right,
    evidence_match,
    matches_of,
    miss_cause,
    score,
)

SENTENCE = "Ruritania imposed sanctions on Freedonian banks on Monday."


def gold(**changes: object) -> GoldEvent:
    raw: dict[str, object] = {
        "article": "a1",
        "source": "USA",
        "target": "RUS",
        "symmetric": False,
        "roots": ["16", "17"],
        "code": "163",
        "date": "2020-05-04",
        "date_precision": "day",
        "background": False,
        "evidence": SENTENCE,
        "alt_evidence": ["Sanctions hit Freedonia"],
    }
    raw.update(changes)
    return GoldEvent.from_json(0, raw)


def event(**changes: object) -> Predicted:
    values: dict[str, object] = {
        "article": "a1",
        "source": "USAGOV",
        "target": "RUSBUS",
        "code": "163",
        "sentence": SENTENCE,
        "event_date": dt.date(2020, 5, 4),
    }
    values.update(changes)
    return Predicted(**values)  # type: ignore[arg-type]


def test_realnews_metrics_evidence_ignores_quotes_dashes_and_case() -> None:
    assert evidence_match("“The talks” — said the minister", ['"the talks" - said the Minister'])
    assert evidence_match("A longer sentence around the phrase here.", ["the phrase"])
    # a sentence the splitter cut out of the evidence still counts, a scrap does not
    assert evidence_match("Ruritania imposed sanctions", [SENTENCE])
    assert not evidence_match("Ruritania", [SENTENCE])


def test_realnews_metrics_match_needs_pair_root_sentence_and_article() -> None:
    g = gold()
    predictions = [
        event(),
        event(code="112"),  # root outside the gold's
        event(source="RUSGOV", target="USAGOV"),  # reversed
        event(sentence="Another sentence entirely, about something else."),
        event(article="a2"),
        event(code="172", sentence="Sanctions hit Freedonia"),  # alt evidence, second root
    ]
    assert matches_of([g], predictions) == [[0, 5]]


def test_realnews_metrics_symmetric_gold_takes_either_order() -> None:
    g = gold(symmetric=True, roots=["04"], code="040")
    assert matches_of([g], [event(source="RUSGOV", target="USAMIL", code="040")]) == [[0]]


def test_realnews_metrics_igo_gold_matches_any_igo_code() -> None:
    g = gold(target="IGO", igo_name="UN Security Council", roots=["12"], code="129")
    assert matches_of([g], [event(target="IGOUNOSEC", code="129")]) == [[0]]


def test_realnews_metrics_date_right_at_gold_precision() -> None:
    published = dt.date(2020, 6, 1)
    by_month = gold(date="2020-05-01", date_precision="month")
    assert date_right(by_month, dt.date(2020, 5, 20), published)
    assert not date_right(by_month, dt.date(2020, 6, 1), published)
    by_year = gold(date="2019-01-01", date_precision="year")
    assert date_right(by_year, dt.date(2019, 11, 2), published)
    undated = gold(date=None, date_precision=None)
    assert date_right(undated, published, published)
    assert not date_right(undated, dt.date(2020, 5, 31), published)
    assert not date_right(gold(), None, published)


def test_realnews_metrics_miss_causes_in_order() -> None:
    g = gold()
    sentences = [SENTENCE, "Another sentence entirely, about something else."]
    other = event(sentence=sentences[1])
    assert miss_cause(g, [], sentences) == "article silent"
    assert miss_cause(g, [other], sentences[1:]) == "evidence not a coded sentence"
    assert miss_cause(g, [other], sentences) == "no event in evidence sentence"
    assert miss_cause(g, [event(code="040")], sentences) == "wrong root"
    reversed_pair = event(source="RUSGOV", target="USAGOV")
    assert miss_cause(g, [reversed_pair], sentences) == "reversed dyad"
    assert miss_cause(g, [event(target="CHNGOV")], sentences) == "one side wrong"
    assert miss_cause(g, [event(source="CHN", target="JPN")], sentences) == "wrong dyad"


def test_realnews_metrics_score_counts_recall_precision_and_dates() -> None:
    golds = [
        gold(),
        GoldEvent.from_json(
            1,
            {
                "article": "a1",
                "source": "CHN",
                "target": "JPN",
                "roots": ["04"],
                "code": "040",
                "date": None,
                "background": True,
                "evidence": "Chinese and Japanese envoys met.",
            },
        ),
    ]
    predictions = [
        event(event_date=dt.date(2020, 5, 5)),  # found, wrong day
        event(
            source="CHNGOV",
            target="KORGOV",
            code="040",
            sentence="Chinese and Japanese envoys met.",
        ),
    ]
    result, verdicts = score(
        golds,
        predictions,
        sentences={"a1": [SENTENCE, "Chinese and Japanese envoys met."]},
        published={"a1": dt.date(2020, 5, 6)},
    )
    figures = result.to_dict()
    assert figures["recall"] == {"hit": 1, "total": 2, "rate": 0.5}
    assert figures["conflict_recall"]["total"] == 1
    assert figures["cooperation_recall"] == {"hit": 0, "total": 1, "rate": 0.0}
    assert figures["precision"] == {"hit": 1, "total": 2, "rate": 0.5}
    assert figures["date_accuracy"] == {"hit": 0, "total": 1, "rate": 0.0}
    assert figures["misses"] == {"one side wrong": 1}
    assert [v.cause for v in verdicts] == [None, "one side wrong"]


def test_realnews_eval_skips_without_the_set(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--set-dir", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_realnews_eval_record_keeps_earlier_rows(tmp_path: Path) -> None:
    from realnews_eval import ROWS_MARKER, record_run

    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nEarlier text.\n", encoding="utf-8")
    result, _ = score([gold()], [event()], sentences={"a1": [SENTENCE]}, published={"a1": None})
    meta = {"date": "2026-01-02", "commit": "abc1234", "seconds": 3.0}
    record_run(doc, result, meta)
    record_run(doc, result, {**meta, "commit": "def5678"})
    text = doc.read_text(encoding="utf-8")
    assert "Earlier text." in text
    assert text.count(ROWS_MARKER) == 1
    rows = [line for line in text.splitlines() if line.startswith("| 2026-01-02")]
    assert [row.split(" | ")[1] for row in rows] == ["`abc1234`", "`def5678`"]
    assert "| 1.000 |" in rows[0]
