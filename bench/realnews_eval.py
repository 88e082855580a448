"""Recall on real news articles: ingest ../shared/eval/realnews_dev and score against its gold.

    .venv/bin/python bench/realnews_eval.py                     # figures, per root, misses
    .venv/bin/python bench/realnews_eval.py --json              # machine-readable
    .venv/bin/python bench/realnews_eval.py --errors /tmp/rn.jsonl   # per gold event, and
                                                                # every unmatched prediction
    .venv/bin/python bench/realnews_eval.py --article dv05 --article dv13   # some articles
    .venv/bin/python bench/realnews_eval.py --record            # add a row to docs/benchmarks.md

Each article (title, text, publication date) goes through `tripolar.workflow.ingest`, what
`tripolar ingest articles.jsonl` runs, into a temporary DuckDB file, so boilerplate,
sentence splitting and dates count as they do for users. The stored events are then matched
to the gold with bench/realnews_metrics.py (the rules are in its docstring). The gold is read
at run time only; when ../shared is missing the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval_report import (
    REPO,
    add_output_options,
    git_commit,
    insert_row,
    inside_repo_unignored,
    print_results,
    table_section,
    write_jsonl,
)
from realnews_metrics import (
    GoldEvent,
    Predicted,
    Score,
    Verdict,
    load_gold,
    score,
)

SET_DIR = REPO.parent / "shared" / "eval" / "realnews_dev"
ROWS_MARKER = "<!-- realnews-rows: bench/realnews_eval.py --record inserts above this line -->"
ROW_HEADER = (
    "| Date | Commit | Articles | Gold | Predicted | Recall | Conflict recall | "
    "Cooperation recall | Precision | Date right | Seconds |"
)


def read_articles(path: Path, wanted: Sequence[str] | None) -> list[dict[str, Any]]:
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if wanted:
        articles = [a for a in articles if a["id"] in wanted]
    return articles


def ingest_articles(
    articles: Sequence[dict[str, Any]],
    workdir: Path,
    verbs: Sequence[Path] = (),
    verbs_mode: str = "merge",
) -> tuple[list[Predicted], dict[str, list[str]]]:
    """Ingest the articles as `tripolar ingest` does (with `--verbs FILE --verbs-mode MODE`
    when given); their events and sentences per article."""
    from tripolar.config import Config
    from tripolar.store import Store
    from tripolar.workflow import ingest

    source = workdir / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    with Store.open(workdir / "realnews.duckdb") as store:
        config = Config(verb_files=tuple(verbs), verbs_mode=verbs_mode)
        summary = ingest([source], store=store, config=config)
        if summary.failures:
            for failure in summary.failures:
                print(f"realnews: {failure.path} line {failure.line}: {failure.reason}")
        rows = store.sql(
            "SELECT d.record, e.source, e.target, e.code, e.sentence, e.event_date, e.rule, "
            "e.sentence_index FROM current_events e JOIN documents d USING (doc_id) "
            "ORDER BY d.record, e.start_char, e.trigger_start"
        )
        sentence_rows = store.sql(
            "SELECT d.record, s.text FROM sentences s JOIN documents d USING (doc_id) "
            "ORDER BY d.record, s.sentence_index"
        )
    predicted = [
        Predicted(
            article=str(r.record),
            source=str(r.source),
            target=str(r.target),
            code=str(r.code),
            sentence=str(r.sentence),
            event_date=_as_date(r.event_date),
            rule=str(r.rule),
            sentence_index=int(r.sentence_index),
        )
        for r in rows.itertuples()
    ]
    sentences: dict[str, list[str]] = {}
    for r in sentence_rows.itertuples():
        sentences.setdefault(str(r.record), []).append(str(r.text))
    return predicted, sentences


def _as_date(value: Any) -> dt.date | None:
    if value is None or value != value:  # None or NaT
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def format_report(result: Score, meta: dict[str, Any]) -> str:
    d = result.to_dict()

    def rate(key: str) -> str:
        r = d[key]
        return f"{r['rate']:.3f} ({r['hit']}/{r['total']})"

    lines = [
        f"realnews_dev at {meta['commit']}: {d['articles']} articles, {d['gold_events']} gold "
        f"events, {d['predicted_events']} predicted events ({meta['seconds']:.0f} s)",
        f"recall              {rate('recall')}",
        f"conflict recall     {rate('conflict_recall')}",
        f"cooperation recall  {rate('cooperation_recall')}",
        f"background recall   {rate('background_recall')}",
        f"precision           {rate('precision')}",
        f"date right (found)  {rate('date_accuracy')}",
        "",
        "recall per primary root:",
    ]
    for root, r in d["per_root"].items():
        lines.append(f"  {root}  {r['rate']:.2f}  {r['hit']:3d}/{r['total']}")
    lines += ["", "misses by cause:"]
    lines += [f"  {count:4d}  {cause}" for cause, count in d["misses"].items()]
    if d["silent_articles"]:
        lines.append(f"silent articles: {', '.join(d['silent_articles'])}")
    return "\n".join(lines)


def write_errors(
    path: Path,
    verdicts: Sequence[Verdict],
    predicted: Sequence[Predicted],
) -> None:
    matched = {i for v in verdicts for i in v.matched}
    rows: list[dict[str, Any]] = [{"kind": "gold", **v.to_json(predicted)} for v in verdicts]
    rows += [
        {
            "kind": "unmatched prediction",
            "article": event.article,
            "source": event.source,
            "target": event.target,
            "code": event.code,
            "rule": event.rule,
            "event_date": event.event_date.isoformat() if event.event_date else None,
            "sentence": event.sentence,
        }
        for i, event in enumerate(predicted)
        if i not in matched
    ]
    write_jsonl(path, rows)


def record_run(doc: Path, result: Score, meta: dict[str, Any]) -> None:
    """Insert this run's row into the real-news table of docs/benchmarks.md."""
    d = result.to_dict()
    cells = [
        meta["date"],
        f"`{meta['commit']}`",
        str(d["articles"]),
        str(d["gold_events"]),
        str(d["predicted_events"]),
        *(
            f"{d[k]['rate']:.3f}"
            for k in (
                "recall",
                "conflict_recall",
                "cooperation_recall",
                "precision",
                "date_accuracy",
            )
        ),
        f"{meta['seconds']:.0f}",
    ]
    row = "| " + " | ".join(cells) + " |"
    section = table_section("## Real news: recall on articles", ROW_HEADER, ROWS_MARKER)
    insert_row(doc, ROWS_MARKER, section, row, empty="# Benchmarks\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_output_options(
        parser,
        json_help="print the figures as JSON",
        errors_help="per gold event detail as JSONL (outside the repo)",
        record_help="append this run's row to docs/benchmarks.md",
    )
    parser.add_argument(
        "--article", action="append", default=None, metavar="ID", help="only these articles"
    )
    parser.add_argument(
        "--verbs", action="append", type=Path, default=[], help="verb dictionary (repeatable)"
    )
    parser.add_argument("--verbs-mode", default="merge", choices=("merge", "replace"))
    parser.add_argument("--set-dir", type=Path, default=SET_DIR, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    set_dir: Path = args.set_dir
    if not (set_dir / "articles.jsonl").is_file() or not (set_dir / "gold.jsonl").is_file():
        print(f"realnews: {set_dir} is absent; nothing to evaluate (skipped).")
        return 0
    if args.errors is not None and inside_repo_unignored(args.errors):
        print(f"realnews: --errors {args.errors} is inside the repository; write it elsewhere")
        return 2
    articles = read_articles(set_dir / "articles.jsonl", args.article)
    ids = {a["id"] for a in articles}
    gold: list[GoldEvent] = [g for g in load_gold(set_dir / "gold.jsonl") if g.article in ids]
    published = {
        a["id"]: dt.date.fromisoformat(a["date"]) if a.get("date") else None for a in articles
    }
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="realnews-") as tmp:
        predicted, sentences = ingest_articles(articles, Path(tmp), args.verbs, args.verbs_mode)
    seconds = time.perf_counter() - start
    result, verdicts = score(gold, predicted, sentences=sentences, published=published)
    meta = {"date": dt.date.today().isoformat(), "commit": git_commit(), "seconds": seconds}
    report = lambda: format_report(result, meta)  # noqa: E731
    print_results(meta, result.to_dict(), as_json=args.json, report=report)
    if args.errors is not None:
        write_errors(args.errors, verdicts, predicted)
        print(f"realnews: per-event detail written to {args.errors}", file=sys.stderr)
    if args.record is not None:
        if args.article:
            print("realnews: --record needs the whole set (no --article)", file=sys.stderr)
            return 2
        record_run(args.record, result, meta)
        print(f"realnews: row appended to {args.record}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
