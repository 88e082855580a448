"""Hostile input classes for bench/fuzz.py, each with its own contract (issue 15).

display   file names and text full of rich markup, control characters, bidi overrides and
          undecodable bytes: read, stored and printed as the CLI prints them; nothing may
          raise, every printed failure is one line, no raw control character reaches it.
special   directories holding pipes, sockets, links to pipes, links to ``..`` and to files
          outside the tree, and a pipe given directly: read_paths must return (no hang),
          report every special file and outside link, read every regular file, and never
          read a file outside the tree.
deep      trees up to 1,500 folders deep: every file is read, no RecursionError.
badbytes  JSONL and CSV files with stray non-UTF-8 lines anywhere (a tenth of the runs put
          them past the first MiB) and, in CSV, an unclosed quote: exactly those lines fail,
          with their line numbers, and every other record is read.

A broken contract raises ContractBroken, which fuzz.py counts as a crash.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from tripolar.ingest import read_paths
from tripolar.model import CodedDocument, Document, Failure
from tripolar.output import TerminalConsole, render_table, styled
from tripolar.store import Store

Items = list[Document | Failure]


class ContractBroken(Exception):
    """An input class's promise was not kept."""


LINE = "Officials of the two governments met in the capital on day {} to discuss trade."
SECRET = "This private note lies outside the tree and must never be read."

MARKUP = [
    "[/caption]", "[/b]", "[b]", "[red]", "[/]", "[link=http://evil.example]", ":smile:",
    "[bold red on white]", "\\[", "[@click=app.quit]", "[/link]", "]", "[",
]  # fmt: skip
CONTROL = [
    "\x1b[31m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\n", "\r", "\t", "\x07",
    "\x08", "\x9b", "\x7f", "\u202e", "\u2028", "\u2029", "\u2066", "\x1b[2J", "\x1b[1A",
]  # fmt: skip
_RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _fragments(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(MARKUP + CONTROL) for _ in range(count))


def _file_name(rng: random.Random, number: int, suffix: str) -> str:
    """A file name of markup, controls and maybe an undecodable byte (no '/' or NUL)."""
    name = _fragments(rng, rng.randint(1, 5)).replace("/", "-").replace("\x00", "")
    if rng.random() < 0.3:
        name += os.fsdecode(bytes([rng.randint(0x80, 0xFF)]))  # a latin-1 byte: a surrogate
    return f"{number}{name}{suffix}"


def run_display(rng: random.Random, workdir: Path, number: int) -> Items:
    root = workdir / f"display{number}"
    root.mkdir()
    for index in range(rng.randint(1, 5)):
        roll = rng.random()
        text = f"{LINE.format(index)} {_fragments(rng, rng.randint(0, 6))}"
        if roll < 0.4:
            (root / _file_name(rng, index, ".txt")).write_text(text, encoding="utf-8")
        elif roll < 0.6:
            record = {"title": _fragments(rng, 3), "text": text, "url": _fragments(rng, 2)}
            line = json.dumps(record)
            if rng.random() < 0.5:  # half of a UTF-16 pair alone, as a cut emoji leaves it
                line = line.replace('"text": "', '"text": "\\ud83d ', 1)
            (root / _file_name(rng, index, ".jsonl")).write_text(line + "\n", encoding="utf-8")
        else:  # a file that fails: its hostile name is printed in the failure
            (root / _file_name(rng, index, ".pdf")).write_bytes(b"%PDF-1.7\x00\x01")
    items = list(read_paths([root]))
    documents = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    store = _store()
    before = store.counts()["failures"]
    store.add([CodedDocument(d, (), ()) for d in documents])
    for failure in failures:
        store.add_failure(failure)
    ids = {d.doc_id for d in documents}
    if store.known_documents(ids) != ids or store.counts()["failures"] != before + len(failures):
        raise ContractBroken(f"{len(documents)} documents, {len(failures)} failures not stored")
    console = TerminalConsole(file=io.StringIO(), width=100)
    for failure in failures:  # as `tripolar ingest` and `status` print them
        before = console.file.getvalue().count("\n")
        console.print(styled("skipped", "yellow"), f"{failure.path}: {failure.reason}")
        if console.file.getvalue().count("\n") != before + 1:
            raise ContractBroken(f"a failure printed as several lines: {failure.path!r}")
    records = [{"title": d.title, "path": d.path, "sentence": d.text} for d in documents]
    render_table(records, console, columns=("title", "path", "sentence"), title=_fragments(rng, 3))
    raw = _RAW.findall(console.file.getvalue())
    if raw:
        raise ContractBroken(f"raw control characters reached the terminal: {raw[:5]!r}")
    return items


_STORES: list[Store] = []


def _store() -> Store:
    """One in-memory store for the whole run (creating one costs more than a test)."""
    if not _STORES:
        _STORES.append(Store.open(":memory:"))
    return _STORES[0]


def _in_thread(paths: list[Path], timeout: float) -> Items:
    """read_paths in a daemon thread: a hang is reported instead of stopping the run."""
    result: Items = []
    worker = threading.Thread(target=lambda: result.extend(read_paths(paths)), daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ContractBroken(f"read_paths hung on {paths}")
    return result


def run_special(rng: random.Random, workdir: Path, number: int) -> Items:
    root = workdir / f"sp{number}"
    root.mkdir()
    outside = workdir / f"outside{number}.txt"
    outside.write_text(SECRET, encoding="utf-8")
    expected_texts: list[str] = []
    reported: list[Path] = []
    sockets: list[socket.socket] = []
    folders = [root]
    try:
        for index in range(rng.randint(2, 10)):
            parent = rng.choice(folders)
            path = parent / f"e{index}"
            roll = rng.random()
            if roll < 0.3:
                text = LINE.format(f"{number}-{index}")
                path.with_suffix(".txt").write_text(text, encoding="utf-8")
                expected_texts.append(text)
            elif roll < 0.4:
                path.mkdir()
                folders.append(path)
            elif roll < 0.55:
                os.mkfifo(path)
                reported.append(path)
            elif roll < 0.65:
                server = socket.socket(socket.AF_UNIX)
                sockets.append(server)
                server.bind(str(path))
                reported.append(path)
            elif roll < 0.75:
                fifo = parent / f"f{index}"
                os.mkfifo(fifo)
                path.symlink_to(fifo)
                reported += [fifo, path]
            elif roll < 0.85:
                path.symlink_to(os.path.relpath(workdir, parent), target_is_directory=True)
                reported.append(path)  # leads out of the tree (to its parent)
            else:
                path.symlink_to(outside)
                reported.append(path)
        given = [root]
        if rng.random() < 0.3:  # a pipe named directly
            direct = workdir / f"direct{number}"
            os.mkfifo(direct)
            given.append(direct)
            reported.append(direct)
        items = _in_thread(given, timeout=30)
    finally:
        for server in sockets:
            server.close()
    texts = [i.text for i in items if isinstance(i, Document)]
    failed = {Path(i.path) for i in items if isinstance(i, Failure)}
    if SECRET in texts:
        raise ContractBroken("a file outside the given tree was read")
    if sorted(texts) != sorted(expected_texts):
        raise ContractBroken(f"read {len(texts)} documents, expected {len(expected_texts)}")
    missing = [str(p) for p in reported if p not in failed]
    if missing:
        raise ContractBroken(f"special files or outside links not reported: {missing}")
    return items


def run_deep(rng: random.Random, workdir: Path, number: int) -> Items:
    depth = rng.choices([1, 10, 50, 200, 400, 1100, 1500], weights=[3, 3, 3, 3, 4, 2, 2])[0]
    root = workdir / f"deep{number}"
    folders = [root]
    root.mkdir()
    for _ in range(depth):  # pathlib's mkdir(parents=True) recurses: one at a time
        folders.append(folders[-1] / rng.choice("dx"))
        folders[-1].mkdir()
    files = []
    wanted = []
    for index, folder in enumerate(rng.sample(folders, min(len(folders), 3))):
        files.append(folder / f"n{index}.txt")
        wanted.append(LINE.format(f"{number}-{index}"))
        files[-1].write_text(wanted[-1], encoding="utf-8")
    if rng.random() < 0.3:  # a loop back to the top from the bottom
        files.append(folders[-1] / "top")
        files[-1].symlink_to(root, target_is_directory=True)
    try:
        items = list(read_paths([root]))
    finally:  # shutil.rmtree recurses too: undo the chain from the bottom
        for path in files:
            path.unlink()
        for folder in reversed(folders):
            folder.rmdir()
    documents = sorted(i.text for i in items if isinstance(i, Document))
    if documents != sorted(wanted) or any(isinstance(i, Failure) for i in items):
        raise ContractBroken(f"depth {depth}: {len(documents)} documents, {items[:2]!r}")
    return items


def walk_deep(depth: int) -> str:
    """Time and peak memory of read_paths over a tree ``depth`` folders deep, a file at the
    top, the middle and the bottom, and a pipe at the bottom (it must not hang the walk)."""
    import resource
    import shutil
    import tempfile
    import time
    import tracemalloc

    workdir = Path(tempfile.mkdtemp(prefix="tripolar-deep-"))
    folders = [workdir / "deep"]
    folders[0].mkdir()
    for _ in range(depth):
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    placed = [folders[0], folders[len(folders) // 2], folders[-1]]
    files = [folder / f"n{index}.txt" for index, folder in enumerate(placed)]
    for index, path in enumerate(files):
        path.write_text(LINE.format(index), encoding="utf-8")
    files.append(folders[-1] / "pipe")
    os.mkfifo(files[-1])
    try:
        list(read_paths([files[0]]))  # load the readers' data (dates, encodings) first
        tracemalloc.start()
        started = time.perf_counter()
        items = _in_thread([folders[0]], timeout=600)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        for path in files:
            path.unlink()
        for folder in reversed(folders):
            folder.rmdir()
        shutil.rmtree(workdir, ignore_errors=True)
    documents = sum(isinstance(i, Document) for i in items)
    failures = [i.reason[:40] for i in items if isinstance(i, Failure)]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"tree {depth} folders deep: {documents} documents, failures {failures} in "
        f"{seconds:.2f} s; peak traced Python memory {peak / 1e6:.2f} MB (process max RSS "
        f"{rss:.0f} MB)"
    )


BAD_BYTES = [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xe9", b"\x80", b"\xed\xa0\x80", b"\xf8\x88"]


def run_badbytes(rng: random.Random, workdir: Path, number: int) -> Items:
    kind = rng.choice(["jsonl", "csv"])
    count = rng.randint(20, 300)
    padding = " Genève 中文" + (" more words" * 400 if rng.random() < 0.1 else "")
    bad = set(rng.sample(range(count), rng.randint(1, max(1, count // 20))))
    quote = rng.choice([i for i in range(count) if i not in bad]) if kind == "csv" else None
    if quote is not None and rng.random() < 0.5:
        quote = None
    lines: list[bytes] = [b"id,text"] if kind == "csv" else []
    failing: list[int] = []
    wanted: list[str] = []
    for index in range(count):
        text = LINE.format(index) + padding
        first_line = sum(line.count(b"\n") + 1 for line in lines) + 1
        if kind == "jsonl":
            line = json.dumps({"id": str(index), "text": text}, ensure_ascii=False).encode()
        elif (quote is None or index < quote) and rng.random() < 0.2:
            # a quoted field over three lines (after an unclosed quote, its quotes would
            # pair with that one: no reader can tell which was meant)
            line = f'{index},"{text}\n\nSecond paragraph."'.encode()
            text += "\n\nSecond paragraph."
        else:
            line = f"{index},{text}".encode()
        if index in bad:
            cut = rng.randint(len(line) // 2, len(line) - 2)
            line = line[:cut] + rng.choice(BAD_BYTES) + line[cut:]
            failing.append(first_line)  # the row fails once, by its first line
        elif index == quote:
            line = f'{index},"Unclosed {text}'.replace("\n", " ").encode()
            failing.append(first_line)
        else:
            wanted.append(str(index))
        lines.append(line)
    path = workdir / f"bad{number}.{kind}"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([path]))
    records = [i.record for i in items if isinstance(i, Document)]
    failed = sorted(i.line or 0 for i in items if isinstance(i, Failure))
    if records != wanted or failed != sorted(failing):
        raise ContractBroken(
            f"{kind}: failures at {failed[:8]}, expected {sorted(failing)[:8]}; "
            f"{len(records)} records read, expected {len(wanted)}"
        )
    return items


CLASSES: dict[str, Callable[[random.Random, Path, int], Items]] = {
    "display": run_display,
    "special": run_special,
    "deep": run_deep,
    "badbytes": run_badbytes,
}
