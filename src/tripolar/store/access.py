"""Sharing one database file between processes: one writer, readers between its batches.

DuckDB lets one process write a file or any number of processes read it, and locks the file
to enforce that. So that readers need not wait for a whole ingest:

* an ingest lets readers in between two batches (`Store.release` closes the file there, the
  next write opens it again), so a reader reads the last committed batch. Closing and
  opening the file costs a checkpoint and the catalog's load, so the writer closes it only
  when a reader has knocked (a reader that finds the file locked touches the side file
  ``<database>.readers``, see `knock`) or when it has held the file for `HOLD_SECONDS`
  (a reader that cannot write that side file still gets in);
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
from contextlib import suppress
from pathlib import Path

import duckdb

READ_WAIT_SECONDS = 10.0
WRITE_WAIT_SECONDS = 120.0
HOLD_SECONDS = 5.0
"""How long a writer keeps the file between batches when no reader has knocked."""


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
            if read_only:
                knock(path)
        time.sleep(delay)
        delay = min(2 * delay, 0.05)


def knock(path: str) -> None:
    """Ask the writer of `path` to let readers in at its next batch; a reader that may not
    write beside the database goes without (the writer lets it in within HOLD_SECONDS)."""
    with suppress(OSError):
        Path(path + ".readers").touch()


def knocking(path: str) -> bool:
    """Whether a reader has knocked and waits (the knock stays for `knocked` to take)."""
    return os.path.exists(path + ".readers")


def knocked(path: str) -> bool:
    """Whether a reader has knocked since the last call (which takes the knock away)."""
    try:
        os.unlink(path + ".readers")
    except FileNotFoundError:
        return False
    except OSError:
        return True  # a knock the writer cannot take away: let readers in every batch
    return True


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
