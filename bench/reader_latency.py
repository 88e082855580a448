"""How long a reader waits for its answer while an ingest writes the same database.

    .venv/bin/python bench/reader_latency.py                # 600 generated documents
    .venv/bin/python bench/reader_latency.py --documents 2000 --interval 0.1

Starts `tripolar ingest` on generated documents in a child process and, while it runs,
opens the database read-only every `--interval` seconds and asks for the latest events
(`Store.events(limit=20)`) and the counts, as `tripolar events` and `tripolar status` do.
Prints the readers' latency (open + query + close: median, 95th percentile, maximum), how
many reads saw a partly written database, and the ingest's wall and CPU time. With
`--compare` the ingest is run a second time without readers and with the file held for the
whole run (`Store.release` made a no-op, the behaviour before readers were let in), to show
what closing the file between batches costs the writer.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpus import write_dispatches  # noqa: E402
from tripolar.store import Store  # noqa: E402

INGEST = """
import sys
from tripolar.store.store import Store
if sys.argv[1] == "hold":
    Store.release = lambda self: None  # the writer keeps the file for the whole run
from tripolar.cli import main
sys.argv = ["tripolar", "ingest", *sys.argv[2:]]
main()
"""


def run_ingest(
    corpus: Path, db: Path, mode: str, interval: float | None
) -> tuple[float, float, list[tuple[float, int]]]:
    """(wall s, CPU s, [(reader latency s, documents seen)]) of one ingest."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", INGEST, mode, str(corpus), "--db", str(db), "--quiet",
               "--date", "2020-03-01"]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    reads: list[tuple[float, int]] = []
    with subprocess.Popen(command, env=env) as child:
        while child.poll() is None:
            if interval is None or not db.exists():
                time.sleep(0.05)
                continue
            asked = time.perf_counter()
            try:
                with Store.open(db, read_only=True) as store:
                    store.events(limit=20)
                    documents = store.counts()["documents"]
            except Exception as exc:  # a reader that failed: count it as such
                print(f"reader failed after {time.perf_counter() - asked:.1f} s: {exc}")
                documents = -1
            reads.append((time.perf_counter() - asked, documents))
            time.sleep(interval)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if child.returncode:
        raise SystemExit(f"ingest failed with exit status {child.returncode}")
    return wall, cpu, reads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between reads")
    parser.add_argument("--compare", action="store_true", help="also time a run without readers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_dispatches(corpus, args.documents)
        wall, cpu, reads = run_ingest(corpus, Path(tmp) / "shared.duckdb", "release", args.interval)
        latencies = sorted(seconds for seconds, _ in reads)
        partial = sum(1 for _, n in reads if 0 < n < args.documents)
        failed = sum(1 for _, n in reads if n < 0)
        p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
        print(
            f"ingest of {args.documents} documents with readers: {wall:.1f} s wall, "
            f"{cpu:.1f} s CPU\n"
            f"reads: {len(reads)} ({partial} saw a partly ingested database, {failed} failed); "
            f"latency median {statistics.median(latencies):.3f} s, 95th percentile "
            f"{p95:.3f} s, max {latencies[-1]:.3f} s"
        )
        if args.compare:
            wall2, cpu2, _ = run_ingest(corpus, Path(tmp) / "held.duckdb", "hold", None)
            print(f"ingest holding the file for the whole run, no readers: {wall2:.1f} s wall, "
                  f"{cpu2:.1f} s CPU")  # fmt: skip


if __name__ == "__main__":
    main()
