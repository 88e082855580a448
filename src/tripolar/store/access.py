"""Sharing one database file between processes: one writer, readers between its batches.

DuckDB lets one process write a file or any number of processes read it, and locks the file
to enforce that. So that readers need not wait for a whole ingest:

* an ingest holds the file only while it writes a batch (`Store.release` closes it between
  batches, the next write opens it again), so a reader gets in between two batches and reads
  the last committed one;
* a reader that finds the file locked waits up to `READ_WAIT_SECONDS` for it, a writer
  that finds readers in it waits up to `WRITE_WAIT_SECONDS` for them to leave;
* writers exclude each other for the whole run, batches or not, through an exclusive
  `flock` on a side file, ``<database>.lock``, which records the holder's PID. The lock
  goes with the process (a killed writer leaves none behind); the file stays, empty of
  meaning, and can be deleted when no tripolar process runs.
"""

from __future__ import annotations

import os
import sys
import time

import duckdb

READ_WAIT_SECONDS = 10.0
WRITE_WAIT_SECONDS = 120.0


def connect(path: str, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, retried while another process holds the file, for `wait` seconds;
    the last lock error is raised after that."""
    deadline = time.monotonic() + wait
    delay = 0.005
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if not is_lock_error(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(2 * delay, 0.05)


def is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


class WriterLock:
    """The exclusive lock a writer holds on ``<database>.lock`` while its Store is open."""

    def __init__(self, database: str) -> None:
        self.path = database + ".lock"
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock; None when taken, else what the holder wrote (its PID)."""
        if sys.platform == "win32":  # no flock: DuckDB's own lock still guards each batch
            return None
        import fcntl

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            return holder or "?"
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
