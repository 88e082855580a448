"""Import speed and memory: N GDELT 2.0 event rows (generated) into a new store.

    .venv/bin/python bench/interchange.py                 # 1,000,000 rows (the target run)
    .venv/bin/python bench/interchange.py --rows 100000   # smoke run
    .venv/bin/python bench/interchange.py --gzip          # the same rows as a .gz file

Writes a deterministic GDELT 2.0 export file (61 tab-separated columns in the order of the
GDELT Event Codebook V2.0, no header; actors, CAMEO codes with their Goldstein values and
quad classes, counts, tone, three geography blocks, DATEADDED and SOURCEURL) to a temporary
folder, then runs `import_events(format="gdelt2")` in a fresh process pinned to one CPU core
(os.sched_setaffinity) and prints the rows, events stored, wall time, rows/s and the child's
peak resident memory and CPU seconds. A second import of the same file is timed too (the
no-op re-import).
Target (issue 21): 1 M rows in <= 60 s with peak memory < 1 GB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "JPN", "KOR", "PRK", "IRN", "ISR",
             "UKR", "TUR", "SAU", "PAK", "AFG", "SYR", "BRA", "ZAF", "NGA", "EGY", "MEX", "CAN",
             "AUS", "IDN", "VNM", "PHL", "KAZ", "BLR"]  # fmt: skip
SECTORS = ["", "GOV", "MIL", "BUS", "MED", "CVL", "OPP", "COP", "LEG", "JUD"]
NAMES = {"USA": "UNITED STATES", "CHN": "CHINA", "RUS": "RUSSIA"}


def _codes() -> list[tuple[str, str, str]]:
    """(code, Goldstein, quad class) of every 3-digit code in tripolar's CAMEO codebook."""
    sys.path.insert(0, str(REPO / "src"))
    from tripolar.events.codebook import Codebook

    return [(c.code, f"{c.goldstein}", str(c.quad_class)) for c in Codebook.load()
            if len(c.code) == 3]  # fmt: skip


def write_gdelt2(path: Path, rows: int, *, seed: int = 21) -> int:
    rng = random.Random(seed)
    codes = _codes()
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as out:  # type: ignore[operator]
        for i in range(rows):
            day = 20150101 + 10000 * rng.randrange(10) + 100 * rng.randrange(12) + rng.randrange(28)
            a1, a2 = rng.sample(COUNTRIES, 2)
            s1, s2 = rng.choice(SECTORS), rng.choice(SECTORS)
            code, gold, quad = rng.choice(codes)
            mentions = rng.randrange(1, 40)
            geo = ["4", "Moscow, Moskva, Russia", "RS", "RS48", "25954", "55.7522", "37.6156",
                   "-2960561"]  # fmt: skip
            fields = [
                str(1_100_000_000 + i), str(day), str(day // 100), str(day // 10000),
                f"{day // 10000}.{rng.randrange(10000):04d}",
                a1 + s1, NAMES.get(a1, a1), a1, "", "", "", "", s1, "", "",
                a2 + s2, NAMES.get(a2, a2), a2, "", "", "", "", s2, "", "",
                "1", code, code, code[:2], quad, gold, str(mentions),
                str(max(1, mentions // 4)), str(mentions), f"{rng.uniform(-10, 5):.6f}",
                *geo, *geo, *geo,
                f"{day}{rng.randrange(24):02d}{rng.randrange(0, 60, 15):02d}00",
                f"https://news.example.org/{day}/story-{i}.html",
            ]  # fmt: skip
            out.write("\t".join(fields) + "\n")
    return rows


CHILD = """
import json, os, sys, time
sys.path.insert(0, {src!r})
os.sched_setaffinity(0, {{min(os.sched_getaffinity(0))}})
from tripolar.store import Store
from tripolar.interchange import import_events
start = time.perf_counter()
with Store.open({db!r}) as store:
    store.connection.execute("SET threads = 1")
    summary = import_events([{path!r}], store=store, format="gdelt2")
print(json.dumps({{"seconds": time.perf_counter() - start, "rows": summary.rows,
                  "stored": summary.stored, "failed": summary.failed,
                  "skipped_files": summary.files_skipped}}))
"""


def run_import(path: Path, db: Path) -> dict[str, float]:
    code = CHILD.format(src=str(REPO / "src"), db=str(db), path=str(path))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    peak = max(after.ru_maxrss, before.ru_maxrss)
    result["peak_rss_mib"] = round(peak / 1024, 1)  # ru_maxrss is in KiB
    # CPU seconds of the child (start-up included): on a busy machine wall time is not
    # the import's cost, CPU time is
    result["cpu_s"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--gzip", action="store_true", help="write and import a .gz file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tripolar-interchange-") as tmp:
        path = Path(tmp) / ("events.export.CSV" + (".gz" if args.gzip else ""))
        start = time.perf_counter()
        write_gdelt2(path, args.rows)
        size = path.stat().st_size / 2**20
        print(f"generated {args.rows:,} GDELT 2.0 rows ({size:,.0f} MiB) "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        db = Path(tmp) / "bench.duckdb"
        first = run_import(path, db)
        print(f"import: {first['rows']:,} rows, {first['stored']:,} events stored, "
              f"{first['failed']} bad rows in {first['seconds']:.1f} s "
              f"({first['rows'] / first['seconds']:,.0f} rows/s, one core; "
              f"{first['cpu_s']:.1f} CPU s with start-up); "
              f"peak RSS {first['peak_rss_mib']:.0f} MiB")  # fmt: skip
        again = run_import(path, db)
        print(f"re-import of the same file: {again['seconds']:.1f} s, "
              f"{again['stored']} stored, files skipped: {again['skipped_files']}")  # fmt: skip
        print(f"store size: {db.stat().st_size / 2**20:,.0f} MiB; "
              f"cores on this machine: {os.cpu_count()}")  # fmt: skip


if __name__ == "__main__":
    main()
