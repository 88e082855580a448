"""Headless Chromium for the report tests: one place for the binary, its flags and the
DOM dump (the flags keep it off this machine's closed network)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (run `make browser`)"),
]


def dump_dom(
    page: Path, profile: Path, *, budget_ms: int = 10000, console_log: bool = False
) -> tuple[str, str]:
    """Load ``page`` in a fresh profile, run its scripts, return (DOM, stderr log)."""
    logging = ["--enable-logging=stderr", "--v=0"] if console_log else []
    command = [
        str(CHROMIUM),
        *FLAGS,
        f"--user-data-dir={profile}",
        *logging,
        f"--virtual-time-budget={budget_ms}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr
