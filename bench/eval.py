"""Coding accuracy of tripolar against external gold data (../shared/eval).

    .venv/bin/python bench/eval.py                       # all three sets, readable tables
    .venv/bin/python bench/eval.py --set ud --limit 20   # one set, first 20 records
    .venv/bin/python bench/eval.py --json                # machine-readable output
    .venv/bin/python bench/eval.py --errors /tmp/e.jsonl # per-record predictions vs gold
    .venv/bin/python bench/eval.py --record              # append a row to docs/benchmarks.md

The gold files are read at run time only; when the folder is missing the script says so and
exits 0. Matching rules are documented in bench/eval_metrics.py and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval_metrics import Record, Triple, score_plover, score_ud, score_unittests
from eval_plover import load_plover_map
from eval_report import (
    REPO,
    SET_TITLES,
    add_output_options,
    format_report,
    git_commit,
    inside_repo_unignored,
    print_results,
    record_run,
    write_jsonl,
)

GOLD_DIR = REPO.parent / "shared" / "eval"
VALIDATE_DICTS = "petrarch2_validate_dicts"

SETS = {
    "plover": "plover_gsr_cameo.jsonl",
    "ud": "ud_petrarch_gsr_en.jsonl",
    "petrarch": "petrarch2_unittest.jsonl",
}
ALIASES = {Path(name).stem: key for key, name in SETS.items()}

Predict = Callable[[str, dt.date | None], list[Triple]]


@dataclass(slots=True)
class SetRun:
    """Predictions for one gold set, with their timing and coder failures."""

    name: str
    records: list[Record]
    predictions: list[list[Triple]] = field(default_factory=list)
    seconds: float = 0.0
    setup_seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (record id, error)

    @property
    def rate(self) -> float:
        return len(self.records) / self.seconds if self.seconds else 0.0


def read_records(path: Path, limit: int | None = None) -> list[Record]:
    records: list[Record] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def record_date(record: Record) -> dt.date | None:
    value = record.get("date")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def run_predictions(run: SetRun, predict: Predict) -> None:
    """Code every record; a coder exception costs that record its events, not the run."""
    start = time.perf_counter()
    for record in run.records:
        try:
            events = list(predict(record["text"], record_date(record)))
        except Exception as error:  # the harness reports coder crashes per record
            run.failures.append((str(record.get("id")), f"{type(error).__name__}: {error}"))
            events = []
        run.predictions.append(events)
    run.seconds = time.perf_counter() - start


def pipeline_predictor(
    actor_files: Sequence[Path] = (),
    agent_files: Sequence[Path] = (),
    verb_files: Sequence[Path] = (),
    verbs_mode: str = "merge",
) -> Predict:
    """The real coder: tripolar's Pipeline, optionally with PETRARCH dictionaries merged in."""
    from tripolar.config import Config
    from tripolar.pipeline import Pipeline

    config = Config(
        actor_files=tuple(actor_files),
        agent_files=tuple(agent_files),
        verb_files=tuple(verb_files),
        verbs_mode=verbs_mode,
    )
    pipe = Pipeline(config)

    def predict(text: str, date: dt.date | None) -> list[Triple]:
        coded = pipe.code_text(text, date)
        return [(e.source, e.target, e.code) for e in coded.events]

    return predict


def score_run(run: SetRun) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Scores as a dict (the --json shape) plus per-record verdicts."""
    if run.name == "plover":
        plover_score, verdicts = score_plover(run.records, run.predictions, load_plover_map())
        scores = plover_score.to_dict()
    elif run.name == "ud":
        tally, verdicts = score_ud(run.records, run.predictions)
        scores = tally.to_dict()
    else:
        unit_score, verdicts = score_unittests(run.records, run.predictions)
        scores = unit_score.to_dict()
    scores["timing"] = {
        "records": len(run.records),
        "seconds": round(run.seconds, 3),
        "setup_seconds": round(run.setup_seconds, 3),
        "sentences_per_second": round(run.rate, 2),
    }
    scores["coder_failures"] = [{"id": i, "error": e} for i, e in run.failures]
    return scores, verdicts


def write_errors(
    path: Path, runs: Sequence[SetRun], verdicts: dict[str, list[dict[str, Any]]]
) -> None:
    write_jsonl(
        path,
        (
            {
                "set": run.name,
                "id": record.get("id"),
                "date": record.get("date"),
                "text": record["text"],
                "gold": record["events"],
                "predicted": [list(t) for t in pred],
                **verdict,
            }
            for run in runs
            for record, pred, verdict in zip(
                run.records, run.predictions, verdicts[run.name], strict=True
            )
        ),
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Coding accuracy against external gold data.")
    parser.add_argument(
        "--set",
        action="append",
        dest="sets",
        metavar="NAME",
        help="plover, ud or petrarch (file stems work too); repeatable; default all",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    add_output_options(
        parser,
        json_help="print JSON instead of tables",
        errors_help="write per-record predictions vs gold as JSONL (outside the repo)",
        record_help="append this run's figures to docs/benchmarks.md",
    )
    parser.add_argument(
        "--verbs",
        action="append",
        type=Path,
        default=[],
        help="verb dictionary for every set (repeatable): ../shared/dictionaries/CAMEO.2.0.txt",
    )
    parser.add_argument("--verbs-mode", default="merge", choices=("merge", "replace"))
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, predictors: dict[str, Predict] | None = None) -> int:
    """Run the evaluation; `predictors` (set name -> function) replaces the Pipeline in tests."""
    args = parse_args(argv)
    gold_dir: Path = args.gold_dir
    if not gold_dir.is_dir():
        print(f"eval: gold data folder {gold_dir} is absent; nothing to evaluate (skipped).")
        return 0
    names = []
    for name in args.sets or list(SETS):
        key = ALIASES.get(name, name)
        if key not in SETS:
            print(f"eval: unknown set {name!r}; choose from {', '.join(SETS)}", file=sys.stderr)
            return 2
        if key not in names:
            names.append(key)
    if args.errors is not None and inside_repo_unignored(args.errors):
        print(
            f"eval: --errors {args.errors} is inside the repository and not git-ignored; "
            "write it elsewhere (e.g. /tmp)",
            file=sys.stderr,
        )
        return 2

    runs: list[SetRun] = []
    for name in names:
        path = gold_dir / SETS[name]
        if not path.is_file():
            print(f"eval: {path} is absent; set {name} skipped.")
            continue
        run = SetRun(name, read_records(path, args.limit))
        start = time.perf_counter()
        if predictors is not None:
            predict = predictors[name]
        elif name == "petrarch":
            dicts = gold_dir / VALIDATE_DICTS
            predict = pipeline_predictor(
                [dicts / "PETR.Validate.actors.txt"],
                [dicts / "PETR.Validate.agents.txt"],
                args.verbs,
                args.verbs_mode,
            )
        else:
            predict = pipeline_predictor(verb_files=args.verbs, verbs_mode=args.verbs_mode)
        run.setup_seconds = time.perf_counter() - start
        run_predictions(run, predict)
        runs.append(run)

    results: dict[str, Any] = {}
    verdicts: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        results[run.name], verdicts[run.name] = score_run(run)
    meta = {
        "date": dt.date.today().isoformat(),
        "commit": git_commit(),
        "limit": args.limit,
        "sets": [SET_TITLES[r.name] for r in runs],
    }
    print_results(meta, results, as_json=args.json, report=lambda: format_report(results, meta))
    if args.errors is not None:
        write_errors(args.errors, runs, verdicts)
        print(f"eval: per-record results written to {args.errors}", file=sys.stderr)
    if args.record is not None:
        record_run(args.record, results, meta)
        print(f"eval: figures appended to {args.record}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
