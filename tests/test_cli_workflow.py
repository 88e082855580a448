"""The CLI end to end on small inputs written here: code, ingest, events, status, demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.output import CONTRACT_FIELDS

XI_PUTIN = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "visit.txt").write_text(
        "Xi goes to Moscow\n\nPublished: 6 June 2019\n\n" + XI_PUTIN + "\n\n"
        "Russia and China signed an energy agreement on Wednesday.\n",
        encoding="utf-8",
    )
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "title": "Tariffs", "date": "2018-07-06",
                    "text": "The United States imposed new tariffs on China on Friday."}) + "\n"
        + "{this is not json\n"
        + json.dumps({"id": "w2", "date": "2021-04-16",
                      "text": "Russia expelled ten American diplomats on Friday."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_cli_code_prints_the_contract_event() -> None:
    code, out, _ = run("code", XI_PUTIN, "--date", "2019-06-06", "--format", "jsonl")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 1
    event = events[0]
    assert set(CONTRACT_FIELDS) <= set(event)
    assert (event["source"], event["target"], event["root"]) == ("CHNGOV", "RUSGOV", "04")
    assert (event["event_date"], event["date_basis"]) == ("2019-06-04", "text")
    assert event["sentence"] == XI_PUTIN
    assert XI_PUTIN[event["start"] : event["end"]] == event["sentence"]


def test_cli_code_input_file_keeps_record_ids(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"id": "r7", "text": XI_PUTIN, "date": "2019-06-06"}) + "\n", encoding="utf-8"
    )
    code, out, _ = run("code", "--input", str(records), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r7"]


def test_cli_code_explain_shows_rejections() -> None:
    text = XI_PUTIN + " The two leaders did not sign a gas deal."
    code, out, _ = run("code", text, "--date", "2019-06-06", "--explain")
    assert code == 0
    assert "CHNGOV -> RUSGOV 040" in out
    assert "negated" in out


def test_cli_ingest_twice_stores_nothing_new(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    code, _, err = run("ingest", str(corpus), "--db", db, "--quiet")
    assert code == 0
    assert "wire.jsonl line 2" in err  # the bad line, named with its line number
    assert "stored: 3" in err and "failed: 1" in err
    code, _, err = run("ingest", str(corpus), "--db", db, "--quiet")
    assert code == 0
    assert "stored: 0" in err and "skipped as duplicates: 3" in err

    code, out, _ = run("events", "--db", db, "--format", "jsonl")
    events = [json.loads(line) for line in out.splitlines()]
    assert {(e["source"][:3], e["target"][:3]) for e in events} >= {("CHN", "RUS"), ("USA", "CHN")}
    assert len({e["doc_id"] for e in events}) == 3

    code, out, _ = run("events", "--db", db, "--dyad", "CHN-USA", "--format", "jsonl")
    dyad = [json.loads(line) for line in out.splitlines()]
    assert dyad and all({e["source"][:3], e["target"][:3]} == {"CHN", "USA"} for e in dyad)
    assert all(e["event_date"] == "2018-07-06" for e in dyad)

    code, out, _ = run("status", "--db", db)
    assert "3 documents" in out and "wire.jsonl line 2" in out


def test_cli_ingest_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "t.duckdb"))
    assert code == 1
    assert "missing.txt" in err


def test_cli_bad_date_is_a_usage_error_without_traceback() -> None:
    code, _, err = run("code", XI_PUTIN, "--date", "June sixth")
    assert code == 2
    assert "Traceback" not in err


@pytest.mark.slow
def test_cli_demo_runs_from_any_directory(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "tripolar", "demo", "--quiet"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = _table_rows(result.stdout)
    assert rows[0][0] == "CHN-USA"  # the most distinct events ...
    assert max(rows, key=lambda row: int(row[3]))[0] == "CHN-RUS"  # ... and the most reports
    # the README's demo session is this run's, row for row
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    session = readme.split("$ make demo", 1)[1].split("Report written to", 1)[0]
    assert _table_rows(session) == rows
    assert (tmp_path / "report.html").stat().st_size > 100_000
    assert (tmp_path / "demo.duckdb").exists()


def _table_rows(text: str) -> list[list[str]]:
    """The cells of each body row of a rich table."""
    return [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in text.splitlines()
        if line.startswith("│")
    ]
