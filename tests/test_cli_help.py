"""Every command has --help text and is documented (the sqlite-utils rule)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tripolar.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_cli_has_the_core_commands() -> None:
    assert {"ingest", "code", "events", "demo", "status"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_has_help(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.strip()) > 20


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_is_documented(name: str) -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"tripolar {name}" in docs
    assert f"tripolar {name}" in readme or f"## tripolar {name}" in docs
