"""bench/eval.py end to end with a stand-in coder and a tiny gold folder of our own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import eval as evaluation
from eval_report import ROWS_MARKER

SENTENCES = {
    "Ruritania praised Freedonia on Monday.": [("RUR", "FRE", "051")],
    "Freedonian police arrested Ruritanian tourists.": [("FRECOP", "RURCVL", "173")],
    "Nothing happened in Sylvania.": [("SYL", "RUR", "190")],  # a spurious event
}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "eval"
    folder.mkdir()
    texts = list(SENTENCES)
    write_jsonl(
        folder / "ud_petrarch_gsr_en.jsonl",
        [
            {
                "id": "u1",
                "date": "2015-03-02",
                "text": texts[0],
                "events": [{"source": "RURGOV", "target": "FRE", "code": "051"}],
            },
            {"id": "u2", "date": None, "text": texts[2], "events": []},
        ],
    )
    write_jsonl(
        folder / "plover_gsr_cameo.jsonl",
        [
            {
                "id": "p1",
                "date": None,
                "text": texts[1],
                "events": [
                    {
                        "source": "FRE",
                        "source_sector": "COP",
                        "target": "RUR",
                        "target_sector": "CVL",
                        "code": "COERCE",
                    }
                ],
            },
        ],
    )
    write_jsonl(
        folder / "petrarch2_unittest.jsonl",
        [
            {
                "id": "T-1",
                "date": "1999-01-01",
                "text": texts[0],
                "sentence_attr": "true",
                "expected_error": None,
                "events": [{"source": "RUR", "target": "FRE", "code": "051"}],
            },
            {
                "id": "ERROR-01",
                "date": None,
                "text": texts[2],
                "sentence_attr": "true",
                "expected_error": "dateline",
                "events": [],
            },
        ],
    )
    return folder


def stand_in(seen: list):
    def predict(text, date):
        seen.append(date)
        return list(SENTENCES[text])

    return predict


def run_main(argv, gold_dir, seen=None):
    seen = [] if seen is None else seen
    predictors = {name: stand_in(seen) for name in evaluation.SETS}
    return evaluation.main([*argv, "--gold-dir", str(gold_dir)], predictors=predictors)


def test_eval_cli_skips_when_gold_folder_is_absent(tmp_path, capsys):
    assert evaluation.main(["--gold-dir", str(tmp_path / "missing")]) == 0
    assert "absent" in capsys.readouterr().out


def test_eval_cli_json_scores_every_set(gold_dir, capsys):
    seen: list = []
    assert run_main(["--json"], gold_dir, seen) == 0
    out = json.loads(capsys.readouterr().out)
    results = out["results"]
    assert results["ud"]["dyad_root"]["recall"] == 1.0
    assert results["ud"]["dyad_root"]["precision"] == 0.5
    assert results["ud"]["spurious_per_sentence"] == 0.5
    assert results["plover"]["macro_f1"] == 1.0
    assert results["plover"]["actor_country_accuracy"] == 1.0
    assert results["petrarch"]["required"]["right_root"] == 1
    assert results["petrarch"]["excluded_errors"] == 1
    assert results["ud"]["timing"]["records"] == 2
    # dates reach the coder as date objects, null as None
    assert {d.isoformat() for d in seen if d is not None} == {"2015-03-02", "1999-01-01"}
    assert None in seen


def test_eval_cli_one_set_with_limit_prints_targets(gold_dir, capsys):
    assert run_main(["--set", "ud", "--limit", "1"], gold_dir) == 0
    out = capsys.readouterr().out
    assert "ud_petrarch_gsr_en" in out and "plover_gsr_cameo" not in out
    assert "UD-PETRARCH dyad+root F1" in out and "1 records in" in out


def test_eval_cli_rejects_unknown_set(gold_dir):
    assert run_main(["--set", "nonsense"], gold_dir) == 2


def test_eval_cli_coder_crash_is_counted_not_fatal(gold_dir, capsys):
    def broken(text, date):
        raise RuntimeError("boom")

    code = evaluation.main(
        ["--json", "--set", "ud", "--gold-dir", str(gold_dir)], predictors={"ud": broken}
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)["results"]["ud"]
    assert len(result["coder_failures"]) == 2
    assert result["dyad_root"]["fn"] == 1


def test_eval_cli_errors_file_has_one_row_per_record(gold_dir, tmp_path, capsys):
    errors = tmp_path / "errors.jsonl"
    assert run_main(["--errors", str(errors)], gold_dir) == 0
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert len(rows) == 5
    spurious_row = next(r for r in rows if r["id"] == "u2")
    assert spurious_row["spurious"] == [["SYL", "RUR", "190"]]


def test_eval_cli_refuses_errors_file_tracked_in_repo(gold_dir):
    inside = evaluation.REPO / "docs" / "eval-errors.jsonl"
    assert run_main(["--errors", str(inside)], gold_dir) == 2
    assert not inside.exists()


def test_eval_cli_record_keeps_previous_rows(gold_dir, tmp_path, capsys):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nIntro.\n", encoding="utf-8")
    assert run_main(["--record", str(doc)], gold_dir) == 0
    assert run_main(["--record", str(doc), "--set", "ud"], gold_dir) == 0
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\nIntro.")
    rows = [line for line in text.splitlines() if line.startswith("| 20")]
    assert len(rows) == 2
    assert "| full |" in rows[0] and "(ud_petrarch_gsr_en)" in rows[1]
    assert text.count(ROWS_MARKER) == 1
