"""Every command, as a new user would run it, on an empty, a one-document and the demo database:
an exit status of 0, 1 or 2, a message whenever it is not 0, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.store import Store
from tripolar.workflow import ingest

pytestmark = pytest.mark.slow  # the real pipeline and the demo corpus

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]
ARTICLE = (
    "Xi goes to Moscow\n\nPublished: 6 June 2019\n\n"
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Wednesday.\n\n"
    "Analysts said Washington's ties with China are deteriorating.\n"
)


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory, demo_db: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("databases")
    Store.open(folder / "empty.duckdb").close()
    (folder / "visit.txt").write_text(ARTICLE, encoding="utf-8")
    with Store.open(folder / "one.duckdb") as store:
        assert ingest([folder / "visit.txt"], store=store).stored == 1
    return {"empty": folder / "empty.duckdb", "one": folder / "one.duckdb", "demo": demo_db}


def _arguments(name: str, db: Path, folder: Path) -> list[str]:
    """What a first try of each command looks like; commands not listed get --db if they
    take it."""
    known = {
        "ingest": [str(folder / "visit.txt"), "--db", str(db), "--quiet"],
        "code": ["Russia and China held joint naval exercises on 12 July 2021."],
        "report": ["--db", str(db), "-o", str(folder / "report.html")],
        "demo": ["--db", str(db), "--report", str(folder / "demo.html"), "--quiet"],
        "actors": ["NATO"],
    }
    if name in known:
        return known[name]
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    takes_db = any("--db" in p.opts for p in command.params)
    return ["--db", str(db)] if takes_db else []


def _check(args: list[str]) -> str:
    result = CliRunner().invoke(app, args)
    output = result.output
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, output)
    if result.exit_code:
        assert output.strip(), f"{args} failed without a message"
    return output


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_cli_every_command_help(name: str) -> None:
    output = _check([name, "--help"] if name else ["--help"])
    assert "<bool>" not in output and "<list[Path]>" not in output  # flags take no value


@pytest.mark.parametrize("kind", ["empty", "one", "demo"])
@pytest.mark.parametrize("name", COMMANDS)
def test_cli_every_command_on_each_database(
    name: str, kind: str, databases: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / f"{kind}.duckdb"
    shutil.copy(databases[kind], db)  # a command that writes must not change the shared one
    shutil.copy(databases["one"].parent / "visit.txt", tmp_path / "visit.txt")
    _check([name, *_arguments(name, db, tmp_path)])


@pytest.mark.parametrize(
    "args",
    [
        ["relations", "--actors", "FRA,GBR"],
        ["relations", "--since", "2030-01-01"],
        ["triangle", "FRA", "GBR", "DEU"],
        ["triangle", "China", "Russia", "USA", "--freq", "year"],
        ["events", "--dyad", "China-Russia", "--format", "csv"],
        ["assessments", "--format", "jsonl"],
        ["assessments", "--format", "csv"],
        ["report", "--since", "2030-01-01"],
    ],
)
def test_cli_first_questions_on_the_demo_database(
    args: list[str], demo_db: Path, tmp_path: Path
) -> None:
    extra = ["-o", str(tmp_path / "r.html")] if args[0] == "report" else []
    output = _check([*args, "--db", str(demo_db), *extra])
    assert "sign_CHI" not in output
    # no gap shown as "None" (a sentence may still begin with the word)
    assert not re.search(r'(^|[,|│"])\s*None\s*([,|│"\n]|$)', output, re.MULTILINE)
