"""Live sources benchmark: pages served on 127.0.0.1, fetched and ingested with N connections.

    .venv/bin/python bench/fetch.py --pages 1000 --connections 8

Writes PAGES generated news pages (bench/corpus.py templates, no external text) and an RSS
feed listing them into a temporary folder, serves it with Python's http.server in a
separate process (it answers If-Modified-Since with 304), and measures:

1. fetch only: every page fetched through tripolar's client (no parsing, no store);
2. coding only: the same pages ingested from the files (read + code + store);
3. the whole job: ``tripolar ingest FEED_URL`` (the feed, then every page it lists);
4. the second pass: the same again, where every page is unchanged (conditional requests).

The spaCy model is loaded once before the timers start (its load time is printed apart).
"""

from __future__ import annotations

import argparse
import html
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate


def write_site(folder: Path, pages: int) -> tuple[list[str], int]:
    """The pages as HTML files and feed.xml listing them: (page file names, words of text)."""
    names = []
    items = []
    words = 0
    for number, article in enumerate(generate(pages * 600), start=1):
        if number > pages:
            break
        name = f"{article['id']}.html"
        words += len(article["text"].split())
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n"))
        title = html.escape(article["title"])
        (folder / name).write_text(
            f'<!doctype html><html><head><title>{title}</title><meta property="article:'
            f'published_time" content="{article["date"]}"></head><body><article><h1>{title}'
            f"</h1>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
        names.append(name)
        items.append(f"<item><title>{title}</title><link>/{name}</link></item>")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bench wire</title>'
        f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return names, words


def serve(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/feed.xml", timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the local server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    from tripolar.config import Config, FetchOptions
    from tripolar.ingest.fetch import Fetcher
    from tripolar.pipeline import Pipeline
    from tripolar.store import Store
    from tripolar.workflow import ingest

    options = FetchOptions(
        connections=args.connections, per_host=args.connections, rate=0, allow_private=True
    )
    config = Config(fetch=options)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "site"
        folder.mkdir()
        names, words = write_site(folder, args.pages)
        server, port = serve(folder)
        try:
            base = f"http://127.0.0.1:{port}"
            started = time.perf_counter()
            pipeline = Pipeline(config)
            pipeline.code_text("Russia and China met.", None)
            print(f"model load: {time.perf_counter() - started:.1f} s")

            started = time.perf_counter()
            with Fetcher(options) as fetcher:
                futures = [fetcher.submit(f"{base}/{name}") for name in names]
                sizes = [len(future.result().body) for future in futures]
            took = time.perf_counter() - started
            print(
                f"1. fetch only: {len(sizes)} pages ({sum(sizes) / 2**20:.1f} MiB) in {took:.1f} s"
                f" = {len(sizes) / took:.0f} pages/s with {args.connections} connections"
            )

            with Store.open(Path(temp) / "files.duckdb") as store:
                started = time.perf_counter()
                summary = ingest(
                    [folder / n for n in names], store=store, config=config, pipeline=pipeline
                )
                took = time.perf_counter() - started
            print(
                f"2. coding only (files): {summary.stored} pages, {words:,} words, "
                f"{summary.events} events in {took:.1f} s = {words / took:,.0f} words/s"
            )

            with Store.open(Path(temp) / "live.duckdb") as store:
                for label in ("3. fetch + ingest", "4. second pass"):
                    started = time.perf_counter()
                    summary = ingest(
                        [f"{base}/feed.xml"], store=store, config=config, pipeline=pipeline
                    )
                    took = time.perf_counter() - started
                    print(
                        f"{label} (feed URL): fetched {summary.fetched}, unchanged "
                        f"{summary.unchanged}, stored {summary.stored}, failed {summary.failed}, "
                        f"events {summary.events} in {took:.1f} s"
                    )
            slow = replace(options, connections=1, per_host=1)
            started = time.perf_counter()
            with Fetcher(slow) as fetcher:
                for name in names[:200]:
                    fetcher.fetch(f"{base}/{name}")
            took = time.perf_counter() - started
            print(f"   for comparison, 1 connection: {200 / took:.0f} pages/s (200 pages)")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
