"""What reaches the terminal: text and file names are shown as text, never read as rich
markup or emoji codes, and control characters are escaped so they can neither crash a
table nor forge lines or terminal titles (issue 15, item 3)."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import tripolar.cli
from tripolar.cli import app
from tripolar.model import CodedDocument, Document, Event, Failure, Sentence
from tripolar.output import TerminalConsole, styled, visible
from tripolar.store import Store

MARKUP = "[/caption] [/b] [red]red[/red] [link=http://evil.example]click[/link] :smile:"
CONTROLS = "one\nforged line\r\x1b[31mred\x1b]0;title\x07\x1b]8;;http://x\x1b\\\u202egnp\u2028"
SENTENCE = f"China criticized the United States {MARKUP} on Friday."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _raw(output: str) -> list[str]:
    """Characters of ``output`` a terminal would act on (none may come from user data)."""
    return re.findall("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", output)


def test_display_visible_escapes_what_a_terminal_acts_on() -> None:
    assert visible("a\nb\tc\r\x1b[0m\x07\x9b\u202e\u2028\udcff") == (
        "a\\nb\\tc\\r\\x1b[0m\\x07\\x9b\\u202e\\u2028\\udcff"
    )
    assert visible("Genève [/b] 中文") == "Genève [/b] 中文"


def test_display_console_prints_markup_and_controls_as_text() -> None:
    console = TerminalConsole(file=io.StringIO(), width=80)
    console.print(f"{MARKUP} {CONTROLS}")
    text = console.file.getvalue()
    assert MARKUP in text and "\U0001f604" not in text  # no emoji for :smile:
    assert text.count("\n") == 1 and "\x1b" not in text and "one\\nforged line" in text


def test_display_code_with_markup_in_the_text() -> None:
    code, out, err = run("code", SENTENCE, "--date", "2020-01-03")
    assert code == 0, err
    assert "[/caption] [/b]" in out.replace("\n", " ") or "[/b]" in out
    code, out, err = run("code", SENTENCE + " " + CONTROLS, "--explain")
    assert code == 0, err
    assert not _raw(out)


def _store_event(db: Path, *, sentence: str, path: str) -> None:
    doc_id = "d1"
    event = Event(
        doc_id=doc_id, sentence_index=0, start=0, end=len(sentence), sentence=sentence,
        source="CHN", target="USA", code="111", root="11", goldstein=-2.0, quad_class=3,
        event_date=dt.date(2020, 1, 3), date_basis="publication", rule=f"verb:{MARKUP}",
    )  # fmt: skip
    document = Document(doc_id=doc_id, text=sentence, path=path, title=MARKUP)
    with Store.open(db) as store:
        store.add([CodedDocument(document, (Sentence(doc_id, 0, 0, len(sentence), sentence),),
                                 (event,))])  # fmt: skip
        store.add_failure(Failure(path, 3, f"[E010] bad {MARKUP} {CONTROLS}"))


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_display_events_and_status_show_hostile_values_as_text(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "t.duckdb"
    name = f"x[/sub]{CONTROLS}.txt"
    _store_event(db, sentence=SENTENCE + " " + CONTROLS, path=name)
    code, out, err = run("events", "--db", str(db), "--format", fmt)
    assert code == 0, err
    if fmt == "table":
        assert "[/b]" in out and not _raw(out)
    code, out, err = run("status", "--db", str(db))
    assert code == 0, err
    assert "x[/sub]one\\nforged line" in out and not _raw(out)
    lines = out.splitlines()
    assert len(lines) == 2 and lines[1].startswith("  failed ")  # no forged lines


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_display_ingest_summary_with_hostile_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x[").mkdir()
    (folder / "x[" / "sub].txt").write_text(SENTENCE + "\n", encoding="utf-8")
    (folder / f"bad[i]{CONTROLS.replace('/', '-')}.pdf").write_bytes(b"%PDF-1.7 \x00\x01")
    (folder / "latin\udce9.txt").write_bytes(b"")  # a name that is not UTF-8: surrogates
    code, _, err = run("ingest", str(folder), "--db", str(tmp_path / "t.duckdb"), "--quiet")
    assert code == 0, err
    assert not _raw(err) and "bad[i]one\\nforged line" in err and "latin\\udce9" in err
    lines = err.splitlines()
    assert len(lines) == 3 and lines[-1].startswith("Documents read: 1")


def test_display_cli_source_has_no_markup() -> None:
    """The CLI consoles print markup as it is: style must come from output.styled."""
    source = Path(tripolar.cli.__file__).read_text(encoding="utf-8")
    assert not re.findall(r"\[/?(?:red|yellow|green|bold|dim|italic|cyan|blue)\]", source)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_display_property_any_text_prints_as_one_plain_line(text: str) -> None:
    console = TerminalConsole(file=io.StringIO(), width=60)
    console.print(styled("skipped", "yellow"), text)
    printed = console.file.getvalue()
    assert printed.count("\n") == 1 and not _raw(printed[:-1])
    assert printed.startswith("skipped ")
