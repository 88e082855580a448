"""Event identity against the multi-source corpus: pairwise clustering precision and recall.

    .venv/bin/python bench/identity_eval.py                  # bench/data/multisource.jsonl
    .venv/bin/python bench/identity_eval.py --shuffle 3      # also 3 shuffled ingest orders

The corpus (bench/multisource_corpus.py) holds 36 real events, each reported by 2-6
documents from different outlets, and its near-misses. Every document is ingested with the
real pipeline into a fresh store. A coded mention is scored when its country pair and code
family are those of the document's gold event (other events a report happens to contain
are left out). Over all pairs of scored mentions:

* precision: of the pairs the store puts in one distinct event, the share that report one
  gold event;
* recall: of the pairs that report one gold event, the share the store puts together.

It also prints the distinct events per found gold event, the reports whose event was not
coded (coverage), and with ``--shuffle`` whether other ingest orders give the same events.
Targets (issue 17): precision and recall >= 0.9.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from tripolar.config import Config
from tripolar.pipeline import Pipeline
from tripolar.sameness import family
from tripolar.store import Store
from tripolar.workflow import ingest

CORPUS = Path(__file__).parent / "data" / "multisource.jsonl"


def load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def scored_mentions(store: Store, gold: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    """(event_id, distinct_id, gold event) of every mention of its document's gold event."""
    rows = store.sql(
        "SELECT e.event_id, e.distinct_id, e.code, e.source_country, e.target_country, "
        "d.title FROM current_events e JOIN documents d USING (doc_id)"
    )
    out = []
    for r in rows.itertuples():
        record = gold.get(str(r.title).removeprefix("Report "))
        if record is None:
            continue
        pair = "-".join(sorted((r.source_country, r.target_country)))
        if pair == record["gold_pair"] and family(r.code) == record["gold_family"]:
            out.append((r.event_id, r.distinct_id, record["gold_event"]))
    return out


def pairwise(mentions: list[tuple[str, str, str]]) -> tuple[float, float, int, int]:
    together = same = both = 0
    for (_, system_a, gold_a), (_, system_b, gold_b) in combinations(mentions, 2):
        together += system_a == system_b
        same += gold_a == gold_b
        both += system_a == system_b and gold_a == gold_b
    precision = both / together if together else 1.0
    recall = both / same if same else 1.0
    return precision, recall, together, same


def run(records: list[dict[str, str]], pipeline: Pipeline, folder: Path, name: str) -> Store:
    corpus = folder / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = Store.open(folder / f"{name}.duckdb")
    ingest([corpus], store=store, pipeline=pipeline)
    return store


def grouping(store: Store) -> set[frozenset[str]]:
    rows = store.sql("SELECT list(event_id) AS ids FROM current_events GROUP BY distinct_id")
    return {frozenset(ids) for ids in rows["ids"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--shuffle", type=int, default=0, help="also ingest N shuffled orders")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} not found - run bench/multisource_corpus.py first")
        return 0
    records = load(args.corpus)
    gold = {r["id"]: r for r in records}
    pipeline = Pipeline(Config())
    with tempfile.TemporaryDirectory(prefix="tripolar-identity-") as tmp:
        store = run(records, pipeline, Path(tmp), "corpus")
        mentions = scored_mentions(store, gold)
        precision, recall, together, same = pairwise(mentions)
        per_gold: dict[str, set[str]] = defaultdict(set)
        covered = set()
        for event_id, distinct_id, event in mentions:
            per_gold[event].add(distinct_id)
            covered.add(event_id)
        documents = {r["id"] for r in records}
        reported = {
            str(t).removeprefix("Report ")
            for t in store.sql(
                "SELECT DISTINCT d.title FROM current_events e JOIN documents d USING (doc_id)"
            )["title"]
        }
        gold_events = {r["gold_event"] for r in records}
        print(f"corpus: {len(records)} reports of {len(gold_events)} events, {args.corpus}")
        print(f"scored mentions: {len(mentions)}; reports with a coded event: "
              f"{len(reported & documents)}/{len(documents)}")  # fmt: skip
        ratio = sum(map(len, per_gold.values())) / max(len(per_gold), 1)
        print(f"gold events found: {len(per_gold)}/{len(gold_events)}; "
              f"distinct events per found gold event: {ratio:.3f}")  # fmt: skip
        print(f"pairwise precision {precision:.3f} ({together} pairs linked), "
              f"recall {recall:.3f} ({same} gold pairs)")  # fmt: skip
        split = {e: sorted(ids) for e, ids in per_gold.items() if len(ids) > 1}
        merged: dict[str, set[str]] = defaultdict(set)
        for _, distinct_id, event in mentions:
            merged[distinct_id].add(event)
        print("gold events split:", ", ".join(sorted(split)) or "none")
        print("distinct events merging gold events:",
              "; ".join(sorted("+".join(sorted(v)) for v in merged.values() if len(v) > 1))
              or "none")  # fmt: skip
        reference = grouping(store)
        store.close()
        rng = random.Random(5)
        for n in range(args.shuffle):
            shuffled = records[:]
            rng.shuffle(shuffled)
            other = run(shuffled, pipeline, Path(tmp), f"shuffled{n}")
            same_events = grouping(other) == reference
            other.close()
            print(f"shuffled order {n + 1}: {'same' if same_events else 'DIFFERENT'} events")
            if not same_events:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
