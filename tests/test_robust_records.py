"""Record files with damage in one place: a line of stray bytes in a JSONL file, an
unterminated quote in a CSV file, and records of the wrong type given to `tripolar code`
(issue 15, item 8). The damaged record fails alone, named by file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.ingest import read_paths
from tripolar.model import Document, Failure

LINE = "Officials of the two governments met in the capital on day {} to discuss trade."


def _good_lines(count: int) -> list[bytes]:
    return [json.dumps({"id": str(n), "text": LINE.format(n)}).encode() for n in range(count)]


# latin-1 letters and bytes that are never UTF-8, inside an otherwise valid JSON line
STRAY = b'{"id": "bad", "text": "Caf\xe9 talks \xff\xfe went on in Gen\xe8ve."}'


@pytest.mark.parametrize("position", [10, 20_000])  # in the first MiB, and well after it
def test_records_jsonl_stray_bytes_fail_only_their_line(tmp_path: Path, position: int) -> None:
    lines = _good_lines(30_000)
    lines.insert(position, STRAY)
    path = tmp_path / "wire.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    if position > 10:
        assert len(b"\n".join(lines[:position])) > 1 << 20
    items = list(read_paths([path]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.path, f.line) for f in failures] == [(str(path), position + 1)]
    assert "not valid utf-8" in failures[0].reason
    assert sum(isinstance(i, Document) for i in items) == 30_000


def test_records_jsonl_in_a_legacy_encoding_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ru.jsonl"
    texts = [
        f"Министр иностранных дел заявил, что переговоры начнутся в день {n}." for n in range(5)
    ]
    path.write_bytes(
        "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts).encode("cp1251")
    )
    items = list(read_paths([path]))
    assert [i.text for i in items if isinstance(i, Document)] == texts


def _csv(tmp_path: Path, body: str) -> list[Document | Failure]:
    path = tmp_path / "table.csv"
    path.write_text(body, encoding="utf-8")
    return list(read_paths([path]))


def test_records_csv_unterminated_quote_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    rows = [f"{n},{LINE.format(n)}" for n in range(1, 8)]
    rows[2] = '3,"The quote opened here is never closed. Talks went on.'
    items = _csv(tmp_path, "id,text\n" + "\n".join(rows) + "\n")
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1 and failures[0].line == 4  # the header is line 1
    assert "never closed" in failures[0].reason and failures[0].path.endswith("table.csv")
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.record for d in documents] == ["1", "2", "4", "5", "6", "7"]  # the id column
    assert all(LINE.format(d.record) == d.text for d in documents)


def test_records_csv_quoted_fields_over_several_lines_still_read(tmp_path: Path) -> None:
    body = 'id,text\n1,"First paragraph.\n\nSecond paragraph, with a ""quote""."\n2,Plain row.\n'
    items = _csv(tmp_path, body)
    assert all(isinstance(i, Document) for i in items)
    assert [i.text for i in items if isinstance(i, Document)] == [
        'First paragraph.\n\nSecond paragraph, with a "quote".',
        "Plain row.",
    ]


def test_records_csv_unterminated_quote_on_stdin_names_the_line(tmp_path: Path) -> None:
    import io

    from tripolar.ingest.lines import Prefixed
    from tripolar.ingest.records import read_csv

    data = b'id,text\n1,Fine row.\n2,"Never closed.\n3,Lost row.\n'
    piped = io.BufferedReader(Prefixed(b"", io.BytesIO(data)))  # not seekable, as a pipe
    items = list(read_csv(piped, path="-", delimiter=None, default_date=None))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], Failure) and items[-1].line == 3
    assert "never closed" in items[-1].reason


def test_records_code_input_with_wrong_types_says_which_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"text": 12345}\n[1, 2]\n{"title": "x"}\n{"text": "Talks.", "date": 7}\n'
        b'{"text": "caf\xe9 \xff"}\n'
        + json.dumps({"id": "ok", "text": "Russia and China held talks in Moscow."}).encode()
        + b"\n"
    )
    result = CliRunner().invoke(app, ["code", "--input", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and "TypeError" not in result.stderr
    for number in range(1, 6):
        assert f"in.jsonl line {number}:" in result.stderr
    assert "not a string" in result.stderr
    assert {json.loads(line)["id"] for line in result.stdout.splitlines()} == {"ok"}


def test_records_code_input_missing_file_is_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["code", "--input", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1 and "nope.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


def test_records_jsonl_lone_surrogate_escape_is_replaced_not_fatal(tmp_path: Path) -> None:
    """A cut emoji ("\\ud83d" alone) could not be hashed or stored: the whole file failed."""
    path = tmp_path / "cut.jsonl"
    path.write_text(
        '{"text": "Russia and China held talks \\ud83d in Moscow.", "title": "T \\udce9"}\n'
        + json.dumps({"text": LINE.format(1)})
        + "\n",
        encoding="utf-8",
    )
    first, second = list(read_paths([path]))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (
        first.text == "Russia and China held talks \ufffd in Moscow." and first.title == "T \ufffd"
    )


def test_records_csv_unclosed_quote_running_into_bad_bytes(tmp_path: Path) -> None:
    rows = [f"{n},{LINE.format(n)}".encode() for n in range(1, 9)]
    rows[2] = b'3,"This quote is never closed.'
    rows[5] = b"6,Caf\xe9 \xff bytes that are not UTF-8."
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,text\n" + b"\n".join(rows) + b"\n")
    items = list(read_paths([path]))
    failures = sorted((f.line, f.reason[:40]) for f in items if isinstance(f, Failure))
    assert [line for line, _ in failures] == [4, 7]  # each damaged row once, by its line
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.record for d in documents] == ["1", "2", "4", "5", "7", "8"]
