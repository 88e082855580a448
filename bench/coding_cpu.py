"""Where an ingest's CPU seconds go, stage by stage, on the throughput corpus.

    .venv/bin/python bench/coding_cpu.py                   # 150 k words of bench/corpus.py
    .venv/bin/python bench/coding_cpu.py --words 300000 --repeat 2
    .venv/bin/python bench/coding_cpu.py --verbs ../shared/dictionaries/CAMEO.2.0.txt

On a shared machine wall time says little; CPU seconds (`time.process_time`) of one process
vary much less. The generated corpus (bench/corpus.py) is written to a temporary folder and
ingested as `tripolar ingest --workers 1` does (`tripolar.workflow.ingest`, a fresh DuckDB
file each time), with a CPU timer around each stage:

  prepare   tokenizing, rule sentences, actor mentions and excerpts before the parse
  parse     the spaCy pipeline over the excerpts (and the tokens it was given)
  mentions  actor mentions, on the unparsed text (in prepare) and on the parsed excerpts
  finish    the parsed excerpts coded (mentions, coder, assess) and mapped back
  coder     the event coder (inside finish)
  assess    the assessment extractor (inside finish)
  store     `Store.add` (inserts and event identity), of which `identity` is the linking
  reopen    closing the file between batches for readers and opening it again

Stages nest (finish holds coder, assess and part of mentions), so they do not add up to
the total. With --repeat N each figure is the smallest of N runs. `--verbs FILE` (repeatable)
codes with a PETRARCH/TABARI verb dictionary (`--verbs-mode`, merge by default); its load,
once per process, is timed apart (`verbs load`) and is no part of the total. Prints one
line per stage and the parse's token count; `--json` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

CPU: Counter[str] = Counter()
TOKENS: Counter[str] = Counter()


def _timed(owner: Any, name: str, label: str) -> None:
    """Wrap `owner.name` (a class attribute) with a CPU timer adding to CPU[label]; a
    stage an older tripolar lacks (no identity, no reopening) is left out."""
    original: Callable[..., Any] | None = getattr(owner, name, None)
    if original is None:
        return

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)  # type: ignore[misc]
        finally:
            CPU[label] += time.process_time() - start

    setattr(owner, name, timed)


def _instrument() -> None:
    from spacy.language import Language

    import tripolar.store.store as store_module
    from tripolar.actors import ActorResolver
    from tripolar.assessments import AssessmentExtractor
    from tripolar.events import EventCoder
    from tripolar.pipeline import Pipeline
    from tripolar.store import Store

    _timed(Pipeline, "_prepare", "prepare")
    _timed(Pipeline, "_parse_batch", "parse")
    _timed(Pipeline, "_finish", "finish")
    _timed(ActorResolver, "find_mentions", "mentions (all)")
    _timed(EventCoder, "code_doc", "coder")
    _timed(AssessmentExtractor, "extract", "assess")
    _timed(Store, "add", "store")
    _timed(Store, "_identify", "identity")
    _timed(Store, "release", "reopen")
    _timed(store_module, "connect", "reopen")

    pipe = Language.pipe

    def counted(self: Language, texts: Any, **kwargs: Any) -> Any:
        batch = list(texts)
        TOKENS["parsed"] += sum(len(doc) for doc in batch)
        return pipe(self, batch, **kwargs)

    Language.pipe = counted  # type: ignore[method-assign]


def run(directory: Path, config: Any) -> dict[str, Any]:
    from tripolar.store import Store
    from tripolar.workflow import ingest

    CPU.clear()
    TOKENS.clear()
    with tempfile.TemporaryDirectory(prefix="tripolar-cpu-db-") as tmp:
        start = time.process_time()
        with Store.open(Path(tmp) / "cpu.duckdb") as store:
            summary = ingest([directory], store=store, config=config)
        total = time.process_time() - start
    return {
        "total": total,
        **dict(CPU),
        "tokens_parsed": TOKENS["parsed"],
        "events": summary.events,
        "sentences": summary.sentences,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbs", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument("--verbs-mode", default="merge", choices=("merge", "replace"))
    args = parser.parse_args()
    missing = [str(p) for p in args.verbs if not p.is_file()]
    if missing:
        print(f"coding_cpu: no verb dictionary at {', '.join(missing)} (skipped).")
        return
    from tripolar.config import Config
    from tripolar.events.patterns import read_verb_dictionaries
    from tripolar.nlp import load_pipeline

    load_pipeline()  # the model's load is no stage of the ingest
    config = Config(verb_files=tuple(args.verbs), verbs_mode=args.verbs_mode)
    start = time.process_time()
    read_verb_dictionaries(config.verb_files)  # cached per process: once per worker
    verbs_load = time.process_time() - start
    _instrument()
    with tempfile.TemporaryDirectory(prefix="tripolar-cpu-") as tmp:
        directory = Path(tmp) / "corpus"
        documents, words = write_corpus(directory, args.words)
        runs = [run(directory, config) for _ in range(max(1, args.repeat))]
    best = {key: min(r.get(key, 0.0) for r in runs) for key in runs[0]}
    if args.verbs:
        best["verbs load"] = verbs_load
    if args.json:
        print(json.dumps({"documents": documents, "words": words, **best}, indent=2))
        return
    print(f"corpus: {documents:,} documents, {words:,} words; best of {len(runs)} run(s)")
    for key in ("total", "prepare", "parse", "finish", "mentions (all)", "coder", "assess",
                "store", "identity", "reopen", "verbs load"):  # fmt: skip
        print(f"  {key:15s} {best.get(key, 0.0):7.2f} CPU s")
    print(f"  tokens parsed   {best['tokens_parsed']:,} of the excerpts; events {best['events']:,}")


if __name__ == "__main__":
    main()
