"""Peak memory and time of `ingest` for long paragraphs, long lines and long texts.

    .venv/bin/python bench/long_text.py                       # the default cases below
    .venv/bin/python bench/long_text.py paragraph:1000000 text:40000000

Each case runs in a fresh process (`--one CASE`) that ingests one generated file into a new
database in a temporary folder and prints its peak RSS (getrusage) and wall time, so the
figures include loading the model (about 0.3 GB, 3 s) and writing the store; the CPU
seconds (user + system, whole process) do not depend on what else the machine runs. The
driver writes the file first (`--input`), so the figures are the ingest's alone: generating
40 MB of text in the measured process took 0.74 GiB itself. Cases:

    paragraph:N   one paragraph of N characters (sentences, no blank line)
    paragraphs:N  N characters in paragraphs of about 1,000 characters
    line:N        an HTML page whose article is one line (one <p>) of N characters
    text:N        N characters of text in paragraphs of 1-3 sentences, as a single .txt file
    run-on:N      one "sentence" of N characters: words without any full stop
    articles:N    N characters of the throughput corpus's articles (bench/corpus.py) joined
                  into one .txt file, as a file of many articles in one text: many actors
                  and references per paragraph, coded in work units of 100,000 characters

The sentences are written here (actors, verbs and filler, with a counter so that no two are
equal); about half name an actor, so half the text is parsed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CASES = (
    "paragraphs:1000000",
    "paragraph:250000",
    "paragraph:1000000",
    "paragraph:3000000",
    "line:1000000",
    "run-on:1000000",
    "text:40000000",
)

SENTENCES = (
    "Russian officials met Chinese diplomats in Beijing on day {i} to discuss energy trade.",
    "The weather stayed mild for most of week {i}, and the markets were quiet.",
    "Washington criticised Moscow over the incident reported in bulletin {i}.",
    "Analysts said that item {i} on the agenda would take months to settle.",
    "China signed an agreement with Russia on pipeline number {i}, a spokesman said.",
    "Farmers in the region harvested field {i} earlier than usual this year.",
)


def sentences(size: int) -> str:
    """Sentences separated by spaces, about `size` characters."""
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        sentence = SENTENCES[i % len(SENTENCES)].format(i=i)
        out.append(sentence)
        total += len(sentence) + 1
        i += 1
    return " ".join(out)[:size]


def paragraphs(size: int, per: int) -> str:
    words = sentences(size).split(". ")
    return "\n\n".join(". ".join(words[k : k + per]) for k in range(0, len(words), per))


def articles(size: int) -> str:
    """The throughput corpus's article texts, a blank line between two, about `size`
    characters."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import generate

    out: list[str] = []
    total = 0
    for article in generate(size):  # far more words than needed: stops at `size` characters
        out.append(article["text"])
        total += len(article["text"]) + 2
        if total >= size:
            break
    return "\n\n".join(out)


def make_input(kind: str, size: int, folder: Path) -> Path:
    if kind == "paragraph":
        path, text = folder / "one.txt", sentences(size)
    elif kind == "paragraphs":
        path, text = folder / "many.txt", paragraphs(size, 11)
    elif kind == "text":
        path, text = folder / "long.txt", paragraphs(size, 2)
    elif kind == "run-on":
        path, text = folder / "runon.txt", sentences(size).replace(".", "")
    elif kind == "articles":
        path, text = folder / "articles.txt", articles(size)
    elif kind == "line":
        path = folder / "page.html"
        text = (
            "<!DOCTYPE html><html><head><title>Long line</title></head><body><article>"
            f"<h1>Long line</h1><p>{sentences(size)}</p></article></body></html>"
        )
    else:
        raise SystemExit(f"unknown case {kind!r}")
    path.write_text(text, encoding="utf-8")
    return path


def run_one(case: str, source: Path | None = None) -> None:
    from tripolar.config import Config
    from tripolar.store import Store
    from tripolar.workflow import ingest

    kind, size = case.split(":")
    with tempfile.TemporaryDirectory() as tmp:
        path = source or make_input(kind, int(size), Path(tmp))
        config = Config(max_bytes=200_000_000)
        started = time.perf_counter()
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            summary = ingest([path], store=store, config=config)
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 2**20  # KiB -> GiB
    cpu = usage.ru_utime + usage.ru_stime  # the whole process, model loading included
    print(
        f"{case:<22} peak {peak:5.2f} GiB  {seconds:7.1f} s  cpu {cpu:7.1f} s  "
        f"sentences {summary.sentences:>7}  events {summary.events:>6}  failed {summary.failed}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(DEFAULT_CASES))
    parser.add_argument("--one", help="run one case in this process (used by the driver)")
    parser.add_argument("--input", type=Path, help="the case's file, written by the driver")
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.input)
        return
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    for case in args.cases:
        kind, size = case.split(":")
        with tempfile.TemporaryDirectory() as tmp:
            source = make_input(kind, int(size), Path(tmp))
            command = [sys.executable, __file__, "--one", case, "--input", str(source)]
            done = subprocess.run(command, env=env, check=False)
        if done.returncode:
            print(f"{case:<22} failed (exit {done.returncode})", flush=True)


if __name__ == "__main__":
    main()
