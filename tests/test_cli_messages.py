"""What a new user meets first: messages that name the mistake and the way out, outputs that
keep their contract, tables that start where the documents do."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tripolar
from tripolar.cli import app

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_cli_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"tripolar {tripolar.__version__}"


@pytest.mark.parametrize(
    ("value", "detail"), [("2019-13-45", "month must be in 1..12"), ("2019/01/01", "YYYY-MM-DD")]
)
@pytest.mark.parametrize("command", ["events", "relations", "triangle", "assessments", "report"])
def test_cli_bad_date_names_the_option(command: str, value: str, detail: str) -> None:
    code, _, err = run(command, "--since", value)
    assert code == 2
    flat = " ".join(err.replace("│", " ").split())
    assert "'--since'" in flat and detail in flat and "YYYY-MM-DD" in flat


def test_cli_missing_database_lists_the_ones_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    tripolar.open("demo.duckdb", create=True).close()
    code, _, err = run("events")
    assert code == 1
    assert "tripolar.duckdb does not exist" in err
    assert "demo.duckdb" in err and "--db" in err and "TRIPOLAR_DB" in err
    assert not (tmp_path / "tripolar.duckdb").exists()
    code, _, err = run("status", env={"TRIPOLAR_DB": "demo.duckdb"})
    assert code == 0, err


def test_cli_ingest_of_missing_paths_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    typo = str(tmp_path / "typo.txt")
    code, _, err = run("ingest", typo, "--db", str(db))
    assert code == 1
    assert "typo.txt" in err and "no such file" in err
    assert not db.exists()


def test_cli_ingest_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("Russia criticised China.", encoding="utf-8")
    code, _, err = run("ingest", str(folder), "--db", str(tmp_path / "t.duckdb"), "--quiet")
    assert code == 1
    assert "Found no files to read" in err and "hidden files are skipped" in err


@pytest.mark.slow
def test_cli_code_reads_plain_text_on_stdin() -> None:
    text = "Russia and China held joint naval exercises on 12 July 2021.\n"
    result = CliRunner().invoke(app, ["code", "-i", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["source"], r["target"]) for r in records} == {("RUS", "CHN"), ("CHN", "RUS")}
    assert "JSONDecodeError" not in result.output


@pytest.mark.slow
def test_cli_code_jsonl_problems_name_the_line() -> None:
    lines = '{"text": "China criticised Japan."}\n{bad\n{"id": 3}\n'
    result = CliRunner().invoke(app, ["code", "-i", "-"], input=lines)
    assert "line 2: [E012] not valid JSON" in result.stderr
    assert 'line 3: [E012] no "text" field' in result.stderr
    assert "JSONDecodeError" not in result.output and "KeyError" not in result.output


@pytest.mark.slow
def test_cli_explain_says_undated() -> None:
    code, out, _ = run("code", "China criticised Japan.", "--explain")
    assert code == 0
    assert "on None" not in out and "(none)" not in out and "undated" in out


def test_cli_report_checks_the_output_path_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tripolar.report.render as render

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report was built before its path was checked")

    monkeypatch.setattr(render, "build_context", never)
    db = tmp_path / "t.duckdb"
    tripolar.open(db, create=True).close()
    code, _, err = run("report", "--db", str(db), "-o", str(tmp_path / "no-such-dir" / "r.html"))
    assert code == 1 and "cannot write the report" in err


def test_cli_unknown_actor_gets_a_suggestion(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    tripolar.open(db, create=True).close()
    for args in (
        ["events", "--dyad", "CHI-RUS"],
        ["relations", "--actors", "CHI,RUS"],
        ["triangle", "CHI", "RUS", "USA"],
        ["assessments", "--dyad", "Chna-USA"],
    ):
        code, _, err = run(*args, "--db", str(db))
        assert code == 1, args
        assert "did you mean" in err and "CHN (China)" in err, err


@pytest.mark.slow
def test_cli_tables_on_the_demo_database(demo_db: Path) -> None:
    code, out, err = run("triangle", "China", "Russia", "USA", "--db", str(demo_db))
    assert code == 0, err
    assert "sign_CHN-RUS" in out and "None" not in out
    labels = re.findall(r"^│ (\d{4}Q\d)", out, flags=re.M)
    assert labels[0] == "2014Q1" and len(labels) <= 40  # from the first publication, not 1979
    assert "--since" in err  # ... saying how to widen it
    assert not re.search(r"\d\.\d{3}", out)  # figures rounded
    code, out, _ = run("events", "--dyad", "China-Russia", "--db", str(demo_db))
    assert code == 0 and "CHNGOV (China: government)" in out
    assert not re.search(r"^│( +│)+$", out, flags=re.M) or "\n\n" not in out


@pytest.mark.slow
def test_cli_assessment_outputs_keep_their_contract(demo_db: Path) -> None:
    code, out, err = run("assessments", "--db", str(demo_db), "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(isinstance(r["cues"], list) for r in records)
    assert any(len(r["cues"]) > 1 for r in records)
    code, out, _ = run("assessments", "--db", str(demo_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(records)
    assert not any(r["cues"].startswith("[") for r in rows)
    assert any("|" in r["cues"] for r in rows)


@pytest.mark.slow
def test_cli_demo_table_names_each_organisation(demo_db: Path) -> None:
    from tripolar.analytics.summary import dyad_summary
    from tripolar.store import Store

    with Store.open(demo_db, read_only=True) as store:
        table = dyad_summary(store, limit=50)
    assert not any(part == "IGO" for dyad in table["dyad"] for part in dyad.split("-"))
    assert "NATO – Russia" in set(table["parties"])


def test_cli_actors_explains_codes_and_names() -> None:
    code, out, _ = run("actors", "IGOWSTNAT")
    assert code == 0 and "NATO" in out and "igos.tsv" in out
    code, out, _ = run("actors", "RUSBUS")
    assert code == 0 and "Russia: business" in out and "Gazprom" in out
    code, out, _ = run("actors", "--", "---GOV")
    assert code == 0 and "unknown country" in out
    code, out, _ = run("actors", "Putin")
    assert code == 0 and "RUSGOV" in out and "persons.tsv" in out and "1999-08-09" in out
    code, _, err = run("actors", "Narnia")
    assert code == 1 and "no actor" in err


@pytest.mark.slow
def test_cli_readme_python_snippet_runs_as_written(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.duckdb").write_bytes(demo_db.read_bytes())
    scope: dict[str, object] = {}
    exec(compile(snippet, "README.md", "exec"), scope)
    assert len(scope["events"]) > 0  # type: ignore[arg-type]
    assert (tmp_path / "report.html").stat().st_size > 100_000


def test_cli_report_of_nothing_says_so(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    tripolar.open(db, create=True).close()
    code, out, err = run("report", "--db", str(db), "-o", str(tmp_path / "r.html"))
    assert code == 0 and "Report written" in out
    assert "No events among CHN (China), RUS (Russia), USA (United States)" in err


def test_cli_reading_commands_start_without_spacy() -> None:
    # the store parses actor arguments through the dictionary; that must not load spaCy
    import subprocess
    import sys

    probe = "import sys, tripolar.cli, tripolar.store; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
