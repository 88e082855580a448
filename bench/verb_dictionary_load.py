"""Loading a PETRARCH/TABARI verb dictionary: lines read, used and reported per construct,
load time and memory.

    .venv/bin/python bench/verb_dictionary_load.py                       # CAMEO.2.0.txt
    .venv/bin/python bench/verb_dictionary_load.py FILE [FILE ...]
    .venv/bin/python bench/verb_dictionary_load.py --problems            # list them all

Without FILE it reads ../shared/dictionaries/CAMEO.2.0.txt and the validation verb
dictionaries in ../shared/eval, and exits 0 with a message when they are absent.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULTS = (
    SHARED / "dictionaries" / "CAMEO.2.0.txt",
    SHARED / "eval" / "petrarch2_validate_dicts" / "PETR.Validate.verbs.txt",
    SHARED / "eval" / "petrarch2_validate_dicts" / "PETR.Validate.verbs.2.0.txt",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--problems", action="store_true", help="print every reported line")
    args = parser.parse_args(argv)
    files = args.files or [p for p in DEFAULTS if p.is_file()]
    if not files:
        print(f"verb_dictionary_load: no dictionary given and none under {SHARED} (skipped).")
        return 0
    from tripolar.events.patterns import read_verb_dictionary

    for path in files:
        start, cpu = time.perf_counter(), time.process_time()
        result = read_verb_dictionary(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        tracemalloc.start()  # a second read for the memory: tracing slows the first down
        read_verb_dictionary(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{path.name}: {result.lines} lines, {len(result.patterns)} verb patterns "
              f"({len({p.lemma for p in result.patterns})} verbs) in {seconds:.2f} s "
              f"({cpu:.2f} CPU s), "
              f"peak {peak / 2**20:.1f} MiB")  # fmt: skip
        print(f"  {'construct':<16}{'read':>7}{'used':>7}{'reported':>10}")
        total = Counter[str]()
        for name, count in result.counts.items():
            print(f"  {name:<16}{count.read:>7}{count.used:>7}{count.reported:>10}")
            total.update(read=count.read, used=count.used, reported=count.reported)
        print(f"  {'all':<16}{total['read']:>7}{total['used']:>7}{total['reported']:>10}")
        unaccounted = total["read"] - total["used"] - total["reported"]
        print(f"  lines neither used nor reported: {unaccounted}; skipped: {result.skipped}")
        reasons = Counter(p.message.split(",")[0][:70] for p in result.problems)
        for reason, count in reasons.most_common(8):
            print(f"    {count:>4} x {reason}")
        if args.problems:
            for problem in result.problems:
                print(f"    {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
