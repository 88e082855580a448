"""Walking what the user names: special files, very deep trees and links out of the tree
(issue 15, item 5). Nothing hangs, nothing is silently skipped, nothing outside is read."""

from __future__ import annotations

import os
import socket
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from tripolar.ingest import read_paths
from tripolar.model import Document, Failure

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

BODY = "Officials of the two governments met in the capital on Tuesday to discuss trade."


def _read(paths: list[Path], timeout: float = 20.0) -> list[Document | Failure]:
    """read_paths in a thread, so a hang fails the test instead of stopping the suite."""
    result: list[Document | Failure] = []
    worker = threading.Thread(target=lambda: result.extend(read_paths(paths)), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "read_paths hung"
    return result


def test_tree_fifo_given_directly_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    items = _read([fifo, good])
    assert isinstance(items[0], Failure) and items[0].path == str(fifo)
    assert "named pipe" in items[0].reason and items[0].reason.startswith("[E010]")
    assert isinstance(items[1], Document) and items[1].text == BODY


def test_tree_special_files_in_a_directory_are_failures(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(root / "b.fifo")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(root / "c.sock"))
        (root / "d").symlink_to(root / "b.fifo")  # a link to a pipe is no broken link
        items = _read([root])
    finally:
        server.close()
    documents = [i for i in items if isinstance(i, Document)]
    failures = {Path(f.path).name: f.reason for f in items if isinstance(f, Failure)}
    assert [d.text for d in documents] == [BODY]
    assert set(failures) == {"b.fifo", "c.sock", "d"}
    assert "named pipe" in failures["b.fifo"] and "named pipe" in failures["d"]
    assert "socket" in failures["c.sock"]


def test_tree_1100_nested_directories_are_walked(tmp_path: Path) -> None:
    root = tmp_path / "deep"
    folder = root
    root.mkdir()
    for _ in range(1100):  # one at a time: pathlib's mkdir(parents=True) itself recurses
        folder = folder / "d"
        folder.mkdir()
    (folder / "bottom.txt").write_text(BODY + " Bottom.", encoding="utf-8")
    (root / "top.txt").write_text(BODY, encoding="utf-8")
    _read([root / "top.txt"])  # the readers' data (dates, encodings) is loaded once
    tracemalloc.start()
    try:
        items = _read([root], timeout=60)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i.text for i in items if isinstance(i, Document)] == [BODY + " Bottom.", BODY]
    assert not [i for i in items if isinstance(i, Failure)]
    # a walk holds one listing per level; reading a small file no longer allocates the
    # whole --max-bytes limit (50 MB) first
    assert peak < 10_000_000


def test_tree_links_out_of_the_given_tree_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Private notes that must stay out.", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "a.txt").write_text(BODY, encoding="utf-8")
    (root / "inner" / "up").symlink_to("..", target_is_directory=True)  # the tree root: fine
    (root / "parent").symlink_to("..", target_is_directory=True)  # out of the tree
    (root / "key.txt").symlink_to(tmp_path / "secret.txt")  # a file out of the tree
    (root / "alias.txt").symlink_to(root / "inner" / "a.txt")  # a file inside: read
    items = _read([root])
    texts = [i.text for i in items if isinstance(i, Document)]
    assert texts == [BODY, BODY]  # alias.txt and inner/a.txt; nothing from outside
    failures = {Path(f.path).name: f.reason for f in items if isinstance(f, Failure)}
    assert set(failures) == {"parent", "key.txt"}
    assert all("outside" in reason for reason in failures.values())


def test_tree_given_symlink_to_a_directory_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    items = _read([tmp_path / "link"])
    assert [i.text for i in items if isinstance(i, Document)] == [BODY]
