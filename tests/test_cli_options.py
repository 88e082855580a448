"""Option values the CLI must refuse or honour: negative limits, a zero size limit, and a bad
dictionary file even when nothing new is ingested (issue 15, item 9)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.model import CodedDocument, Document, Event, Sentence
from tripolar.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _coded(number: int) -> CodedDocument:
    text = f"China and Russia held talks, number {number}."
    doc_id = f"doc{number}"
    event = Event(
        doc_id=doc_id, sentence_index=0, start=0, end=len(text), sentence=text, source="CHN",
        target="RUS", code="040", root="04", goldstein=1.0, quad_class=1,
        event_date=dt.date(2020, 1, number), date_basis="publication", rule="verb:meet",
    )  # fmt: skip
    document = Document(doc_id=doc_id, text=text, path=f"d{number}.txt")
    return CodedDocument(document, (Sentence(doc_id, 0, 0, len(text), text),), (event,))


def test_cli_options_negative_limit_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store.open(db) as store:
        store.add([_coded(n) for n in (1, 2, 3)])
    code, out, err = run("events", "--db", str(db), "--limit", "-1", "--format", "jsonl")
    assert code == 2 and out == ""
    assert "--limit" in err and "Traceback" not in err
    code, out, _ = run("events", "--db", str(db), "--limit", "2", "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run("events", "--db", str(db), "--limit", "0", "--format", "jsonl")
    assert code == 0 and out == ""


def test_cli_options_max_bytes_zero_or_negative_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Russia and China held talks in Moscow on Monday.\n", encoding="utf-8")
    for value in ("0", "-5"):
        code, _, err = run("ingest", str(text), "--db", str(tmp_path / "t.duckdb"),
                           "--max-bytes", value, "--quiet")  # fmt: skip
        assert code == 2 and "--max-bytes" in err and "Traceback" not in err
    assert not (tmp_path / "t.duckdb").exists()


def test_cli_options_max_bytes_small_value_is_honoured(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Russia and China held talks in Moscow on Monday.\n", encoding="utf-8")
    code, _, err = run("ingest", str(text), "--db", str(tmp_path / "t.duckdb"),
                       "--max-bytes", "10", "--quiet")  # fmt: skip
    assert code == 1 and "over the limit of 10 bytes" in err


def test_cli_options_bad_actor_file_is_checked_when_all_inputs_are_duplicates(
    tmp_path: Path,
) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": "Russia and China held talks."}) + "\n")
    db = str(tmp_path / "t.duckdb")
    with Store.open(db) as store:  # the document is stored already: nothing new to code
        from tripolar.ingest import read_paths

        (document,) = list(read_paths([records]))
        assert isinstance(document, Document)
        store.add([CodedDocument(document, (), ())])
    bad = tmp_path / "bad.actors"
    bad.write_text("RUSSIA [RUS\n", encoding="utf-8")  # an unclosed code bracket
    code, _, err = run("ingest", str(records), "--db", db, "--actors", str(bad), "--quiet")
    assert code == 1
    assert "bad.actors" in err and "Traceback" not in err
    missing = tmp_path / "missing.actors"
    code, _, err = run("ingest", str(records), "--db", db, "--agents", str(missing), "--quiet")
    assert code == 1 and "missing.actors" in err
