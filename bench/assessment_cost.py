"""What the assessment stage's extra parsing costs on news.

    .venv/bin/python bench/assessment_cost.py            # 60 k generated words + realnews_dev
    .venv/bin/python bench/assessment_cost.py --words 200000 --repeat 3

The pre-filter parses only the sentences that name an actor, and also (for the assessments)
the later sentences that name none but hold a term of the evaluative lexicon
(`AssessmentExtractor.may_judge`). This bench codes the same documents with that extra
parsing on and off, each run in a fresh process, and prints the CPU seconds of coding
(model loading excluded; the least of `--repeat` runs), the sentences parsed, and the
events and assessments found. Corpora: the generated news-like corpus of
bench/throughput.py (bench/corpus.py), and the real news articles of
../shared/eval/realnews_dev when that folder exists (skipped with a message when not).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

REALNEWS = REPO.parent / "shared" / "eval" / "realnews_dev" / "articles.jsonl"


def stage(path: Path, judging: bool) -> None:
    """Child process: code the documents under `path`; prints one JSON line."""
    from spacy.tokens import Doc

    from tripolar.ingest import read_paths
    from tripolar.model import Document
    from tripolar.pipeline import Pipeline

    pipeline = Pipeline()
    if not judging:
        # the pre-filter as it was before the assessments: actor sentences only
        pipeline.assessor.may_judge = lambda sentence: False  # type: ignore[method-assign]
    parse = pipeline._parse_batch
    parsed = [0]

    def counting(batch: list[Doc]) -> list[Doc]:
        done = parse(batch)
        parsed[0] += sum(1 for doc in done for sentence in doc.sents if sentence.text.strip())
        return done

    pipeline._parse_batch = counting  # type: ignore[method-assign]
    documents = [d for d in read_paths([path]) if isinstance(d, Document)]
    start = time.process_time()
    events = assessments = 0
    for coded in pipeline.code_documents(documents):
        events += len(coded.events)
        assessments += len(coded.assessments)
    print(
        json.dumps(
            {
                "cpu_s": time.process_time() - start,
                "documents": len(documents),
                "parsed_sentences": parsed[0],
                "events": events,
                "assessments": assessments,
            }
        )
    )


def measure(path: Path, judging: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--stage", "on" if judging else "off", "--dir", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{done.stderr[-3000:]}")
    row: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return row


def compare(name: str, path: Path, repeat: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"off": [], "on": []}
    for _ in range(repeat):  # alternate, so that a change in load hits both sides
        runs["off"].append(measure(path, judging=False))
        runs["on"].append(measure(path, judging=True))
    best = {mode: min(rows, key=lambda r: r["cpu_s"]) for mode, rows in runs.items()}
    off, on = best["off"], best["on"]
    extra = on["cpu_s"] / off["cpu_s"] - 1 if off["cpu_s"] else 0.0
    print(f"{name}: {on['documents']:,} documents")
    for mode in ("off", "on"):
        row = best[mode]
        cpu = ", ".join(f"{r['cpu_s']:.1f}" for r in runs[mode])
        print(
            f"  judging sentences {mode:>3}: {row['cpu_s']:.1f} CPU s (runs: {cpu}), "
            f"{row['parsed_sentences']:,} sentences parsed, {row['events']:,} events, "
            f"{row['assessments']:,} assessments"
        )
    print(f"  cost of parsing the judging sentences: {extra:+.1%} CPU")
    return {"off": off, "on": on, "extra_cpu": extra, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=60_000, help="generated corpus size")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side (least kept)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--stage", choices=("on", "off"), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.dir, judging=args.stage == "on")
        return
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="tripolar-cost-") as tmp:
        directory = Path(tmp) / "corpus"
        _, words = write_corpus(directory, args.words)
        name = f"generated news ({words:,} words)"
        results["generated"] = compare(name, directory, args.repeat)
    if REALNEWS.is_file():
        results["realnews_dev"] = compare("realnews_dev articles", REALNEWS, args.repeat)
    else:
        print(f"realnews_dev skipped: {REALNEWS} not found")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
