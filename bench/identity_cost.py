"""What event identity costs an ingest: time and memory of the store stage with and without it.

    .venv/bin/python bench/identity_cost.py                    # 300 k words of bench/corpus.py
    .venv/bin/python bench/identity_cost.py --words 1000000

The generated corpus (bench/corpus.py) is read and coded once with the library `Pipeline`
(the stages identity does not touch; their time is t_code). The coded documents are then
stored into fresh DuckDB files as `tripolar ingest` stores them (`Store.bulk_writing`,
transactions of `Config.store_batch` documents), alternately with event identity and with
the store's linking step replaced by a no-op, twice each (best of two). Ingest time is
t_code + t_store; the figure is the ratio of the two ingest times (issue 17: at most 1.10).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402
from tripolar.config import Config  # noqa: E402
from tripolar.model import CodedDocument, Document  # noqa: E402
from tripolar.pipeline import Pipeline  # noqa: E402
from tripolar.store import Store  # noqa: E402


def store_all(coded: list[CodedDocument], path: Path, batch: int, linked: bool) -> float:
    original = Store._identify
    if not linked:  # the cost of a step is measured by taking it out
        Store._identify = lambda self, new_docs, replaced: None  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        with Store.open(path) as store, store.bulk_writing():
            for i in range(0, len(coded), batch):
                store.add(coded[i : i + batch])
        return time.perf_counter() - start
    finally:
        Store._identify = original  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    config = Config()
    pipeline = Pipeline(config)
    documents = [
        Document(doc_id=f"bench{i:06d}", text=r["text"], title=r.get("title"),
                 published=dt.date.fromisoformat(r["date"]), date_basis="metadata")
        for i, r in enumerate(generate(args.words))
    ]  # fmt: skip
    start = time.perf_counter()
    coded = list(pipeline.code_documents(documents))
    t_code = time.perf_counter() - start
    events = sum(len(c.events) for c in coded)
    print(f"{args.words:,} words, {len(coded):,} documents, {events:,} events; "
          f"read + code {t_code:.1f} s")  # fmt: skip
    best = {True: float("inf"), False: float("inf")}
    with tempfile.TemporaryDirectory(prefix="tripolar-identity-cost-") as tmp:
        for run, linked in enumerate((False, True, False, True)):
            seconds = store_all(coded, Path(tmp) / f"run{run}.duckdb", config.store_batch, linked)
            best[linked] = min(best[linked], seconds)
            print(f"store {'with' if linked else 'without'} identity: {seconds:.2f} s")
        with Store.open(Path(tmp) / "run3.duckdb", read_only=True) as store:
            distinct = store.sql("SELECT count(*) AS n FROM distinct_events")["n"].iloc[0]
    ratio = (t_code + best[True]) / (t_code + best[False])
    print(f"distinct events: {distinct:,} of {events:,} mentions")
    print(f"ingest (read + code + store): without identity {t_code + best[False]:.1f} s, "
          f"with {t_code + best[True]:.1f} s: x{ratio:.3f} "
          f"({'ok' if ratio <= 1.10 else 'OVER 1.10'})")  # fmt: skip


if __name__ == "__main__":
    main()
