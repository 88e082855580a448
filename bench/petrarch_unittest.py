"""The PETRARCH unit tests coded through the CLI with the four validation dictionaries.

    .venv/bin/python bench/petrarch_unittest.py                  # v0.1 verbs, replace mode
    .venv/bin/python bench/petrarch_unittest.py --verbs-mode merge
    .venv/bin/python bench/petrarch_unittest.py --verbs PETR.Validate.verbs.2.0.txt
    .venv/bin/python bench/petrarch_unittest.py --errors /tmp/petr.jsonl   # per record

Writes the records as {id, text, date} JSONL to a temporary file, runs
``tripolar code --input FILE --format jsonl --actors ... --agents ... --verbs ...
--discards ...`` once, and scores its output as bench/eval.py does (exact set of
(source, target, root) per required record). Reads ../shared/eval when it exists and
exits 0 with a message when not; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from eval_metrics import Triple, score_unittests

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval"
DICTS = GOLD / "petrarch2_validate_dicts"
RECORDS = GOLD / "petrarch2_unittest.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbs", default="PETR.Validate.verbs.txt", help="file in the dicts")
    parser.add_argument("--verbs-mode", default="replace", choices=("merge", "replace"))
    parser.add_argument("--no-discards", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=Path, default=None, help="per-record JSONL (in /tmp)")
    args = parser.parse_args(argv)
    if not RECORDS.is_file():
        print(f"petrarch_unittest: {RECORDS} is absent; nothing to measure (skipped).")
        return 0
    records = [json.loads(line) for line in RECORDS.open(encoding="utf-8") if line.strip()]
    records = records[: args.limit] if args.limit else records
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "records.jsonl"
        with inputs.open("w", encoding="utf-8") as out:
            for number, record in enumerate(records):
                row = {"id": str(number), "text": record["text"], "date": record.get("date")}
                out.write(json.dumps(row) + "\n")
        command = [
            sys.executable, "-m", "tripolar", "code", "--input", str(inputs), "--format",
            "jsonl", "--actors", str(DICTS / "PETR.Validate.actors.txt"), "--agents",
            str(DICTS / "PETR.Validate.agents.txt"), "--verbs", str(DICTS / args.verbs),
            "--verbs-mode", args.verbs_mode,
        ]  # fmt: skip
        if not args.no_discards:
            command += ["--discards", str(DICTS / "PETR.Validate.discards.txt")]
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    predicted: dict[int, list[Triple]] = defaultdict(list)
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            predicted[int(row["id"])].append((row["source"], row["target"], row["code"]))
    predictions = [predicted.get(n, []) for n in range(len(records))]
    score, verdicts = score_unittests(records, predictions)
    figures = score.to_dict()
    required = figures["required"]
    print(f"verbs: {args.verbs} ({args.verbs_mode}); discards: {not args.no_discards}")
    print(
        f"required records exact at root: {required}  "
        f"with optional: {figures['with_optional']}  discard records: {figures['discard']}"
    )
    print(f"CLI run: {seconds:.1f} s for {len(records)} records")
    skipped = [line for line in done.stderr.splitlines() if "line was skipped" in line]
    print(f"dictionary lines reported by the CLI: {len(skipped)}")
    if args.errors is not None:
        with args.errors.open("w", encoding="utf-8") as out:
            for record, pred, verdict in zip(records, predictions, verdicts, strict=True):
                row = {
                    "id": record["id"], "kind": verdict["kind"], "root_ok": verdict.get("root_ok"),
                    "text": record["text"], "gold": record["events"], "predicted": pred,
                }  # fmt: skip
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
