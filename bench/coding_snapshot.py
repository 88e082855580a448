"""A canonical snapshot of everything the coder produces, to prove a refactoring changed nothing.

    .venv/bin/python bench/coding_snapshot.py /tmp/before.jsonl     # on the old tree
    .venv/bin/python bench/coding_snapshot.py /tmp/after.jsonl      # on the new tree
    diff /tmp/before.jsonl /tmp/after.jsonl                         # must print nothing
    .venv/bin/python bench/coding_snapshot.py /tmp/s.jsonl --limit 40   # a quick subset
    .venv/bin/python bench/coding_snapshot.py /tmp/m.jsonl --verbs FILE --verbs-mode replace

It codes, with the default pipeline, every sentence of the gold sets `bench/eval.py` uses
(the PETRARCH unit tests with the validation dictionaries merged in, as eval.py does), every
realnews_dev article as `tripolar ingest` reads and codes documents, and the bundled demo
corpus (with `--verbs FILE` and `--verbs-mode`, every pipeline codes with that verb
dictionary too); the gold sentences are also run through `explain_text` so that the coder's
rejections are covered. It writes one JSON object per event, mention and rejection (code,
source, target, date and its precision and basis, rule, sentence and trigger offsets, actor
spans), sorted, so two runs compare with `diff`. The figures are not scored here: use
bench/eval.py and bench/realnews_eval.py for that. The gold is read at run time only; when
../shared is absent only the demo corpus is coded.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO.parent / "shared" / "eval"
GOLD_SETS = {
    "plover": "plover_gsr_cameo.jsonl",
    "ud": "ud_petrarch_gsr_en.jsonl",
    "petrarch": "petrarch2_unittest.jsonl",
}
VALIDATE_DICTS = "petrarch2_validate_dicts"
REALNEWS = Path("realnews_dev") / "articles.jsonl"


def plain(value: Any) -> Any:
    """A JSON-ready copy of a model object's fields (dates as ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def rows_of(corpus: str, key: str, coded: Any, rejections: Sequence[Any] = ()) -> list[str]:
    """One sorted-ready JSON line per event, mention and rejection of a coded document."""
    rows = []
    for kind, items in (
        ("event", coded.events),
        ("mention", coded.mentions),
        ("rejection", rejections),
    ):
        for item in items:
            row = {"corpus": corpus, "key": key, "row": kind, **plain(item)}
            rows.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    if not rows:  # a document that yields nothing is recorded too
        rows.append(json.dumps({"corpus": corpus, "key": key, "row": "none"}, sort_keys=True))
    return rows


def read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return records[:limit] if limit is not None else records


def record_date(record: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(record.get("date") or ""))
    except ValueError:
        return None


def code_gold(pipe: Any, name: str, records: Iterable[dict[str, Any]]) -> list[str]:
    rows: list[str] = []
    for record in records:
        key = f"{record.get('id')}"
        date = record_date(record)
        rows += rows_of(f"gold:{name}", key, pipe.code_text(record["text"], date))
        explained = pipe.explain_text(record["text"], date)
        rows += rows_of(f"explain:{name}", key, explained.coded, explained.rejections)
    return rows


def code_documents(pipe: Any, corpus: str, paths: Sequence[Path]) -> list[str]:
    """Read and code documents as `tripolar.workflow.ingest` does (readers, then Pipeline)."""
    from tripolar.ingest import read_paths
    from tripolar.model import Failure

    documents = []
    rows: list[str] = []
    for item in read_paths(paths, default_date=pipe.config.default_date):
        if isinstance(item, Failure):
            rows.append(json.dumps({"corpus": corpus, "row": "failure", **plain(item)}))
        else:
            documents.append(item)
    for coded in pipe.code_documents(documents):
        document = coded.document
        key = f"{Path(document.path or '').name}:{document.record or ''}:{document.doc_id}"
        rows += rows_of(corpus, key, coded)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Canonical JSONL of what the coder produces.")
    parser.add_argument("output", type=Path, help="where to write the snapshot (outside the repo)")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument("--verbs", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument("--verbs-mode", default="merge", choices=("merge", "replace"))
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.verbs if not p.is_file()]
    if missing:
        print(f"coding_snapshot: no verb dictionary at {', '.join(missing)} (skipped).")
        return 0

    from tripolar.config import Config
    from tripolar.demo import corpus_path
    from tripolar.pipeline import Pipeline

    start = time.perf_counter()
    verbs = {"verb_files": tuple(args.verbs), "verbs_mode": args.verbs_mode}
    pipe = Pipeline(Config(**verbs)) if args.verbs else Pipeline()
    rows = code_documents(pipe, "demo", [corpus_path()])
    gold_dir: Path = args.gold_dir
    if not gold_dir.is_dir():
        print(f"coding_snapshot: {gold_dir} is absent; the demo corpus only.")
    else:
        for name in ("plover", "ud"):
            path = gold_dir / GOLD_SETS[name]
            if path.is_file():
                rows += code_gold(pipe, name, read_jsonl(path, args.limit))
        articles_path = gold_dir / REALNEWS
        if articles_path.is_file():
            with tempfile.TemporaryDirectory() as tmp:
                source = Path(tmp) / "articles.jsonl"
                articles = read_jsonl(articles_path, args.limit)
                source.write_text(
                    "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8",
                )
                rows += code_documents(pipe, "realnews", [source])
        path = gold_dir / GOLD_SETS["petrarch"]
        dicts = gold_dir / VALIDATE_DICTS
        if path.is_file() and dicts.is_dir():
            petrarch = Pipeline(
                Config(
                    actor_files=(dicts / "PETR.Validate.actors.txt",),
                    agent_files=(dicts / "PETR.Validate.agents.txt",),
                    **verbs,
                )
            )
            rows += code_gold(petrarch, "petrarch", read_jsonl(path, args.limit))
    rows.sort()
    args.output.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    seconds = time.perf_counter() - start
    print(f"coding_snapshot: {len(rows)} rows written to {args.output} ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
