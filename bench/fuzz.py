"""Fuzz every ingest reader with generated malformed input; any escaping exception is a crash.

    .venv/bin/python bench/fuzz.py                 # 10,000 inputs per reader, seed 0
    .venv/bin/python bench/fuzz.py --count 500 --seed 7
    .venv/bin/python bench/fuzz.py --readers display,special,deep,badbytes --count 1000
    .venv/bin/python bench/fuzz.py --many-files 50000   # time a 50,000-file directory
    .venv/bin/python bench/fuzz.py --deep 1100          # time a tree 1,100 folders deep
    .venv/bin/python bench/fuzz.py --long 200      # code 200 long-paragraph texts

Readers: txt, html, json, jsonl, csv (and tsv), feed, stdin (sniffing), directory (walking).
Inputs are mutations of small valid samples (byte flips, cuts, splices, hostile fragments,
other encodings, deep nesting, limits) plus structured junk per format. Everything goes
through ``read_paths`` exactly as the ingest job calls it. A crash is an exception out of
``read_paths``, a Failure reporting an unexpected reader error, or a broken invariant (a
Document without text or with the wrong id). Exit status 1 when anything crashed.

Hostile classes with their own contracts (`fuzz_hostile.py`): display (rich markup, control
characters, bidi and surrogates in file names and text, stored and printed as the CLI does),
special (pipes, sockets, links to pipes, to ``..`` and out of the tree), deep (trees up to
1,500 folders deep) and badbytes (stray non-UTF-8 lines anywhere in JSONL/CSV files, before
and after the first MiB, and unclosed CSV quotes: exactly those lines fail).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fuzz_hostile import CLASSES, ContractBroken, walk_deep
from tripolar.ingest import read_paths, text_id
from tripolar.ingest.reader import UNEXPECTED
from tripolar.model import Document, Failure

READERS = ("txt", "html", "json", "jsonl", "csv", "feed", "stdin", "directory", *CLASSES)

BODY = (
    "Officials from the two governments met in the capital on Tuesday to discuss trade. "
    "The talks ended without an agreement, a spokesman said."
)
SEEDS: dict[str, list[bytes]] = {
    "txt": [
        f"Talks resume\n\nPublished: 5 June 2019\n\n{BODY}\n".encode(),
        f"Title: Envoys meet\nSource: Wire\nURL: http://example.org/a\n\n{BODY}".encode(),
        BODY.encode("utf-16"),
        "Министр заявил, что переговоры начнутся в понедельник.".encode("cp1251"),
    ],
    "html": [
        (
            "<!DOCTYPE html><html><head><title>Envoys meet</title>"
            '<meta property="article:published_time" content="2019-06-05"></head>'
            f"<body><nav>Home</nav><article><h1>Envoys meet</h1><p>{BODY}</p><p>{BODY}</p>"
            "</article><footer>Share this</footer></body></html>"
        ).encode(),
        f"<html><body><div><p>{BODY}</div></p><table><tr><td>{BODY}".encode(),
    ],
    "json": [
        json.dumps(
            [{"title": "A", "text": BODY, "date": "2019-06-05"}, {"text": BODY[:60]}]
        ).encode(),
        json.dumps({"articles": [{"body": BODY, "published": 1559692800}]}).encode(),
    ],
    "jsonl": [
        (
            json.dumps({"id": "1", "text": BODY, "date": "2019-06-05"})
            + "\n"
            + json.dumps({"title": "B", "body": [BODY, BODY], "url": "http://x.org/b"})
            + "\n"
        ).encode(),
    ],
    "csv": [
        f'id,title,text,date\n1,Envoys,"{BODY}",2019-06-05\n2,Talks,"{BODY}",05/06/2019\n'.encode(),
        f"title\ttext\nEnvoys\t{BODY}\n".encode(),
        f'headline;content\n"Envoys";"{BODY}"\n'.encode(),
    ],
    "feed": [
        (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire'
            "</title><item><title>Envoys meet</title><link>http://example.org/1</link>"
            f"<pubDate>Wed, 05 Jun 2019 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}"
            "&lt;/p&gt;</description></item></channel></rss>"
        ).encode(),
        (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
            "<entry><title>E</title><updated>2019-06-05T10:00:00Z</updated>"
            f'<content type="html">{BODY}</content></entry></feed>'
        ).encode(),
    ],
}
SEEDS["stdin"] = [seed for kind in ("txt", "html", "jsonl", "feed", "json") for seed in SEEDS[kind]]

HOSTILE = [
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc3\x28", b"\xed\xa0\x80", b"\x80",
    b"\r", b"\r\n", b"\n\n\n", b"\t", b"\x1b[31m", "\u2028".encode(), "\u202e".encode(),
    b"<", b">", b"</div>", b"<![CDATA[", b"<!--", b"-->", b"&amp", b"&#0;", b"&#x110000;",
    b"<script>", b"<?xml version='1.0' encoding='bogus'?>", b'<meta charset="klingon">',
    b"{", b"}", b"[", b"]", b'"', b"\\", b'"text":', b'"date": "2019-02-30"', b"1e999",
    b'"date": 99999999999999999999', b'"date": -1e300', b"NaN", b"null", b",", b";",
    b'"""', b"0000-00-00", b"31.02.2019", b"32/13/2019", b"Published: 29 February 2019",
    b"%PDF-1.7", b"PK\x03\x04", "中文".encode("gb18030"), "日本".encode("shift_jis"),
    "é".encode("latin-1"), b"<rss>", b"<feed>", b"<item>", b"</item>", b"<entry>",
]  # fmt: skip
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "cp1251", "gb18030", "shift_jis", "latin-1")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(10)
        at = rng.randint(0, len(out))
        if choice == 0 and out:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif choice == 1:  # cut short
            del out[at:]
        elif choice == 2:  # delete a range
            del out[at : at + rng.randint(1, 200)]
        elif choice == 3:  # hostile fragments
            out[at:at] = b"".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 6)))
        elif choice == 4:  # repeat a slice many times
            piece = bytes(out[at : at + rng.randint(1, 40)]) or b"x"
            out[at:at] = piece * rng.randint(2, 2000)
        elif choice == 5:  # random bytes
            out[at:at] = rng.randbytes(rng.randint(1, 300))
        elif choice == 6:  # deep nesting
            opener, closer = rng.choice(
                [(b"<div>", b"</div>"), (b"[", b"]"), (b'{"a":', b"}"), (b"<b><i>", b"")]
            )
            depth = rng.choice([100, 1000, 5000, 20000])
            out[at:at] = opener * depth + (closer * depth if rng.random() < 0.5 else b"")
        elif choice == 7:  # re-encode what is there
            text = bytes(out).decode("utf-8", "replace")
            out = bytearray(text.encode(rng.choice(ENCODINGS), "replace"))
        elif choice == 8:  # line endings and blank lines
            out = bytearray(bytes(out).replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n\n", b""])))
        else:  # splice with another seed of any kind
            other = rng.choice(rng.choice(list(SEEDS.values())))
            out[at:at] = other[: rng.randint(0, len(other))]
    return bytes(out)


def junk_json(rng: random.Random, depth: int = 0) -> object:
    """Random JSON values with the field names the readers look for."""
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return rng.choice([None, True, False, 0, -1, 1.5, 10**30, "", " ", "\x00"])
    if kind == 1:
        return rng.choice([BODY, BODY[:30], "<p>" + BODY + "</p>", "2019-06-05", "05/06/2019"])
    if kind == 2:
        return rng.choice(["1559692800", "31.02.2019", "tomorrow", "9" * 40, "Feb 30, 2019"])
    if kind == 3:
        return rng.randbytes(rng.randint(0, 20)).decode("latin-1")
    if kind == 4:
        return rng.randint(-(2**63), 2**63)
    if kind == 5:
        return [junk_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ["text", "body", "title", "date", "published", "url", "source", "id", "Text", "x"]
    return {rng.choice(keys): junk_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def structured(reader: str, rng: random.Random) -> bytes:
    """Format-aware junk: plausible structure with wrong, missing or extra parts."""
    if reader in {"jsonl", "stdin"}:
        lines = [json.dumps(junk_json(rng)) if rng.random() < 0.8 else "{oops" for _ in range(5)]
        return "\n".join(lines).encode()
    if reader == "json":
        return json.dumps([junk_json(rng) for _ in range(rng.randint(0, 4))]).encode()
    if reader == "csv":
        header = rng.sample(["id", "title", "text", "date", "url", "body", ""], rng.randint(0, 5))
        rows = [",".join(header)]
        for _ in range(rng.randint(0, 6)):
            cells = [str(junk_json(rng)).replace("\n", " ") for _ in range(rng.randint(0, 8))]
            rows.append(",".join(f'"{c}"' if rng.random() < 0.5 else c for c in cells))
        return "\n".join(rows).encode("utf-8", "surrogateescape")
    if reader == "feed":
        items = "".join(
            f"<item><title>{rng.choice(['', 'T', '&lt;b&gt;'])}</title>"
            f"<pubDate>{rng.choice(['', 'Mon, 99 Foo 2019', '2019-02-30', 'Wed, 05 Jun 2019'])}"
            f"</pubDate><description>{rng.choice(['', BODY, '&lt;div&gt;' * 50])}</description>"
            "</item>"
            for _ in range(rng.randint(0, 4))
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    if reader == "html":
        tags = ["<div>", "</div>", "<p>", "</p>", "<article>", "<script>", "<table><tr><td>"]
        parts = [rng.choice(tags) if rng.random() < 0.5 else BODY[: rng.randint(0, 200)]
                 for _ in range(rng.randint(1, 40))]  # fmt: skip
        return ("<html><body>" + "".join(parts)).encode()
    return rng.randbytes(rng.randint(0, 2000))


LARGE = 16_384
"""Most inputs are cut to this size; parsers such as feedparser's fallback take ~50 µs a tag,
and a few large inputs (2 %) are enough to cover size-related paths."""


def make_input(reader: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice([b"", b" \n\t ", rng.randbytes(rng.randint(1, 4000)), b"\x00" * 100])
    if roll < 0.35:
        return structured(reader, rng)
    data = mutate(rng.choice(SEEDS.get(reader, SEEDS["txt"])), rng)
    return data if rng.random() < 0.02 else data[:LARGE]


SUFFIXES = {
    "txt": [".txt", ".md", ""], "html": [".html", ".htm"], "json": [".json"],
    "jsonl": [".jsonl", ".ndjson"], "csv": [".csv", ".tsv"], "feed": [".rss", ".xml", ".atom"],
}  # fmt: skip


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    crashes: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def check(items: list[Document | Failure]) -> str | None:
    """The reason an output breaks the contract, or None."""
    for item in items:
        if isinstance(item, Failure):
            if UNEXPECTED in item.reason:
                return item.reason
            if not item.reason.startswith("[E0"):
                return f"failure without an error code: {item.reason!r}"
        elif isinstance(item, Document):
            if not item.text.strip() or item.doc_id != text_id(item.text):
                return f"bad document {item.doc_id}: {item.text[:60]!r}"
        else:
            return f"read_paths yielded {type(item).__name__}"
    return None


def run_one(
    reader: str, rng: random.Random, workdir: Path, number: int
) -> list[Document | Failure]:
    if reader in CLASSES:
        return CLASSES[reader](rng, workdir, number)
    max_bytes = rng.choice([50_000_000] * 8 + [64, 1000])
    if reader == "stdin":
        stream = io.TextIOWrapper(io.BytesIO(make_input(reader, rng)), encoding="utf-8")
        return list(read_paths(["-"], stdin=stream, max_bytes=max_bytes))
    if reader == "directory":
        root = workdir / f"dir{number}"
        build_directory(root, rng)
        return list(read_paths([root], max_bytes=max_bytes))
    path = workdir / f"in{number}{rng.choice(SUFFIXES[reader])}"
    path.write_bytes(make_input(reader, rng))
    return list(read_paths([path], max_bytes=max_bytes))


def build_directory(root: Path, rng: random.Random) -> None:
    """A small tree of random files, nested folders, hidden files and bad links."""
    root.mkdir()
    folders = [root]
    for index in range(rng.randint(0, 6)):
        roll = rng.random()
        parent = rng.choice(folders)
        if roll < 0.2:
            child = parent / f"sub{index}"
            child.mkdir()
            folders.append(child)
        elif roll < 0.3:
            (parent / f"loop{index}").symlink_to(rng.choice(folders), target_is_directory=True)
        elif roll < 0.35:
            (parent / f"broken{index}.txt").symlink_to(parent / "nowhere")
        else:
            reader = rng.choice(list(SUFFIXES))
            name = f"{'.' if rng.random() < 0.1 else ''}f{index}{rng.choice(SUFFIXES[reader])}"
            (parent / name).write_bytes(make_input(reader, rng))


def fuzz(
    count: int,
    seed: int,
    *,
    report: Callable[[str], None] | None = None,
    readers: tuple[str, ...] = READERS,
) -> Tally:
    """``count`` inputs for every reader (of ``readers``); returns what happened."""
    tally = Tally()
    rng = random.Random(seed)
    base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    workdir = Path(tempfile.mkdtemp(prefix="tripolar-fuzz-", dir=base))
    try:
        for reader in readers:
            started = time.perf_counter()
            for number in range(count):
                tally.inputs[reader] += 1
                try:
                    items = run_one(reader, rng, workdir, number)
                except ContractBroken as broken:
                    tally.crashes[reader] += 1
                    tally.examples.append(f"{reader} #{number}: {broken}")
                    continue
                except Exception:
                    tally.crashes[reader] += 1
                    tally.examples.append(f"{reader} #{number}: {traceback.format_exc(limit=3)}")
                    continue
                problem = check(items)
                if problem:
                    tally.crashes[reader] += 1
                    tally.examples.append(f"{reader} #{number}: {problem}")
                tally.documents[reader] += sum(isinstance(i, Document) for i in items)
                tally.failures[reader] += sum(isinstance(i, Failure) for i in items)
                if number % 200 == 199:
                    _clear(workdir)
            _clear(workdir)
            tally.seconds[reader] = round(time.perf_counter() - started, 1)
            if report:
                report(_line(reader, tally))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return tally


def _clear(workdir: Path) -> None:
    for entry in workdir.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink()


def _line(reader: str, tally: Tally) -> str:
    return (
        f"{reader:<10} inputs {tally.inputs[reader]:>6}  documents {tally.documents[reader]:>6}  "
        f"failures {tally.failures[reader]:>6}  crashes {tally.crashes[reader]:>3}  "
        f"{tally.seconds[reader]:>6.1f} s"
    )


def walk_many(count: int) -> str:
    """Time read_paths over a directory of ``count`` small text files; report peak memory."""
    import resource
    import tracemalloc

    workdir = Path(tempfile.mkdtemp(prefix="tripolar-walk-"))
    try:
        for number in range(count):
            folder = workdir / f"{number // 1000:03d}" if number % 2 else workdir
            folder.mkdir(exist_ok=True)
            (folder / f"note{number:06d}.txt").write_text(
                f"Note {number}\n\n{BODY} Reference {number}.\n", encoding="utf-8"
            )
        tracemalloc.start()
        started = time.perf_counter()
        first_after = None
        documents = failures = 0
        for item in read_paths([workdir]):
            if first_after is None:
                first_after = time.perf_counter() - started
            if isinstance(item, Document):
                documents += 1
            else:
                failures += 1
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"directory of {count} files: {documents} documents, {failures} failures in "
        f"{seconds:.1f} s ({count / seconds:,.0f} files/s); first document after "
        f"{first_after or 0:.3f} s; peak traced Python memory {peak / 1e6:.1f} MB "
        f"(process max RSS {rss:.0f} MB)"
    )


LONG_PIECES = (
    "China and Russia signed an agreement in Moscow. ", "Washington criticised Beijing. ",
    "The two leaders met again. ", "He said so. ", "rain fell all day ", "and then ",
    "U.S. officials ", "“Quoted words.” ", "(a bracket) ", "x" * 300, "\n", "\n\n",
    "\n \t\n", "\r", "...", "!? ", "   ", "Ünïcödé ", "中国和俄罗斯 ", "\u2028", "-- ", " " * 1500,
)  # fmt: skip


def fuzz_long(count: int, seed: int) -> list[str]:
    """Code `count` generated long texts (long paragraphs, run-ons, giant tokens, odd
    breaks) in small work units; returns the problems found (offsets that do not point at
    their text, sentence indexes with gaps, exceptions)."""
    from functools import partial

    import tripolar.pipeline as pipeline_module
    from tripolar.scale.units import work_units

    rng = random.Random(seed)
    pipeline = pipeline_module.Pipeline()
    problems: list[str] = []
    original = pipeline_module.work_units
    pipeline_module.work_units = partial(work_units, unit_chars=3000, paragraph_chars=1000)  # type: ignore[assignment]
    try:
        for number in range(count):
            pieces = rng.choices(LONG_PIECES, k=rng.randint(1, 400))
            text = "".join(pieces)
            if not text.strip():
                continue
            try:
                coded = pipeline.code_document(Document(doc_id=f"long{number}", text=text))
            except Exception:
                problems.append(f"long #{number}: {traceback.format_exc(limit=3)}")
                continue
            problem = _long_problem(text, coded)
            if problem:
                problems.append(f"long #{number}: {problem}")
    finally:
        pipeline_module.work_units = original
    return problems


def _long_problem(text: str, coded: object) -> str | None:
    sentences = coded.sentences  # type: ignore[attr-defined]
    if any(text[s.start : s.end] != s.text for s in sentences):
        return "a sentence's offsets do not point at its text"
    if [s.index for s in sentences] != sorted({s.index for s in sentences}):
        return "sentence indexes out of order or repeated"
    by_index = {s.index: s for s in sentences}
    for event in coded.events:  # type: ignore[attr-defined]
        sentence = by_index.get(event.sentence_index)
        if sentence is None or (event.start, event.end) != (sentence.start, sentence.end):
            return f"event {event.event_id} not in its sentence"
        if event.trigger_start >= 0 and not (
            sentence.start <= event.trigger_start < event.trigger_end <= sentence.end
        ):
            return f"event {event.event_id} trigger outside its sentence"
    for mention in coded.mentions:  # type: ignore[attr-defined]
        if text[mention.start : mention.end] != mention.text:
            return f"mention {mention.text!r} offsets do not point at it"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs per reader")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--many-files", type=int, default=0, metavar="N",
        help="instead of fuzzing, time reading a directory of N small files (e.g. 50000)",
    )  # fmt: skip
    parser.add_argument(
        "--deep", type=int, default=0, metavar="N",
        help="instead of fuzzing, time reading a tree N folders deep (e.g. 1100)",
    )  # fmt: skip
    parser.add_argument(
        "--readers", default=",".join(READERS),
        help=f"comma-separated readers to fuzz (default all: {','.join(READERS)})",
    )  # fmt: skip
    parser.add_argument(
        "--long", type=int, default=0, metavar="N",
        help="instead of fuzzing readers, code N long-paragraph texts in small work units",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.long:
        started = time.perf_counter()
        problems = fuzz_long(args.long, args.seed)
        print(f"long texts: {args.long} coded, {len(problems)} problems "
              f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
        for problem in problems[:10]:
            print("PROBLEM", problem, file=sys.stderr)
        return 1 if problems else 0
    if args.many_files:
        print(walk_many(args.many_files))
        return 0
    if args.deep:
        print(walk_deep(args.deep))
        return 0
    readers = tuple(r for r in args.readers.split(",") if r)
    unknown = set(readers) - set(READERS)
    if unknown:
        parser.error(f"unknown readers: {', '.join(sorted(unknown))}")
    print(f"fuzzing {len(readers)} readers with {args.count} inputs each (seed {args.seed})")
    tally = fuzz(args.count, args.seed, report=print, readers=readers)
    total = sum(tally.inputs.values())
    crashes = sum(tally.crashes.values())
    print(
        f"total      inputs {total:>6}  documents {sum(tally.documents.values()):>6}  "
        f"failures {sum(tally.failures.values()):>6}  crashes {crashes:>3}  "
        f"{sum(tally.seconds.values()):>6.1f} s"
    )
    for example in tally.examples[:10]:
        print("CRASH", example, file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
