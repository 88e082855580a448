"""Distinct events per real event on real news: how often one event is still counted twice.

    .venv/bin/python bench/realnews_identity.py           # ../shared/eval/realnews_dev

The articles are ingested as `tripolar ingest` does. A gold event is *found* when stored
mentions match it by the rule of bench/realnews_metrics.py (`matches_of`: the article, the
country pair, a gold root, the evidence or alternative evidence sentence). The gold codes
each real event once per article, so the figure is

    distinct events per found gold event = sum over found gold events of the number of
    distinct events (``distinct_id``) among its matching mentions / found gold events

(1.0: every real event is one row; the issue's target is at most 1.10). It also prints the
same figure counting mentions instead (what the store gave before event identity), and how
many distinct events hold mentions of two or more gold events of one article (merges; two
gold events can share a sentence, so a few are expected). Exits 0 with a message when the
evaluation data is not there.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DATA = HERE.parent.parent / "shared" / "eval" / "realnews_dev"


def main() -> int:
    articles_path, gold_path = DATA / "articles.jsonl", DATA / "gold.jsonl"
    if not (articles_path.exists() and gold_path.exists()):
        print(f"{DATA} not found - skipped (the evaluation data lives outside the project)")
        return 0
    try:
        from realnews_metrics import Predicted, load_gold, matches_of
    except ImportError:
        print("bench/realnews_metrics.py (the matching of bench/realnews_eval.py) not found")
        return 0
    from tripolar.store import Store
    from tripolar.workflow import ingest

    gold = load_gold(gold_path)
    with (
        tempfile.TemporaryDirectory(prefix="tripolar-realnews-identity-") as tmp,
        Store.open(Path(tmp) / "realnews.duckdb") as store,
    ):
        ingest([articles_path], store=store)
        rows = store.sql(
            "SELECT d.record, e.source, e.target, e.code, e.sentence, e.event_date, "
            "e.sentence_index, e.distinct_id FROM current_events e "
            "JOIN documents d USING (doc_id) ORDER BY d.record, e.start_char, e.event_id"
        )
    predicted = [
        Predicted(
            article=str(r.record), source=str(r.source), target=str(r.target),
            code=str(r.code), sentence=str(r.sentence), sentence_index=int(r.sentence_index),
        )
        for r in rows.itertuples()
    ]  # fmt: skip
    distinct = [str(d) for d in rows["distinct_id"]]
    found = mentions = events = 0
    owners: dict[str, set[int]] = defaultdict(set)
    split = []
    for g, matched in zip(gold, matches_of(gold, predicted), strict=True):
        if not matched:
            continue
        ids = {distinct[i] for i in matched}
        found += 1
        mentions += len(matched)
        events += len(ids)
        for i in ids:
            owners[i].add(g.index)
        if len(ids) > 1:
            split.append(f"{g.article}:{g.source}-{g.target}:{g.code} ({len(ids)})")
    merged = sum(1 for members in owners.values() if len(members) > 1)
    print(json.dumps({"articles": len({g.article for g in gold}), "gold_events": len(gold)}))
    print(f"found gold events: {found}; matching mentions {mentions}, distinct events {events}")
    print(f"distinct events per found gold event: {events / max(found, 1):.3f} (target <= 1.10); "
          f"mentions per found gold event: {mentions / max(found, 1):.3f}")  # fmt: skip
    print(f"distinct events holding two or more gold events: {merged} of {len(owners)}")
    print("gold events still split:", "; ".join(split) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
