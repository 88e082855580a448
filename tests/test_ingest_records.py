"""JSONL, JSON and CSV/TSV exports: field names, dates, record numbers and per-record failures."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from tripolar.ingest import read_file
from tripolar.model import Document, Failure

BODY_A = "Envoys from both capitals met on Tuesday to discuss fishing quotas."
BODY_B = "The defence ministry announced naval drills near the disputed islands."


def docs(items: list[Document | Failure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def test_records_jsonl_fields_and_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY_A, "title": "Quota talks", "date": "2021-04-06",
                    "url": "https://x.example/1", "source": "Coast Times"}),
        "",
        json.dumps({"Body": BODY_B, "Headline": "Drills", "Publish Date": "7 April 2021",
                    "Outlet": {"name": "Island Post"}, "id": "ip-77"}),
        '{"text": "broken", ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "No text here", "date": "2021-04-08"}),
        json.dumps({"text": "   "}),
        json.dumps({"content": BODY_A + " Later they issued a statement."}),
    ]  # fmt: skip
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path, default_date=dt.date(2020, 1, 1)))
    first, second, third = docs(items)
    assert (first.text, first.title, first.url, first.source) == (
        BODY_A,
        "Quota talks",
        "https://x.example/1",
        "Coast Times",
    )
    assert (first.published, first.date_basis, first.record) == (
        dt.date(2021, 4, 6),
        "metadata",
        "1",
    )
    assert (second.title, second.source, second.record, second.published) == (
        "Drills",
        "Island Post",
        "ip-77",
        dt.date(2021, 4, 7),
    )
    assert (third.record, third.date_basis, third.published) == ("8", "option", dt.date(2020, 1, 1))
    assert first.format == "jsonl" and first.path == str(path)
    problems = {f.line: f.reason for f in failures(items)}
    assert set(problems) == {4, 5, 6, 7}
    assert problems[4].startswith("[E012] not valid JSON (")
    assert "the line was skipped" in problems[4]
    assert "object" in problems[5]
    assert (
        "no text field (expected one of text, body, content, article; found date, title)"
        in (problems[6])
    )
    assert "empty" in problems[7]


def test_records_jsonl_bad_date_falls_back_to_page_then_option(tmp_path: Path) -> None:
    path = tmp_path / "d.ndjson"
    records = [
        {"text": f"Published: 5 June 2019\n\n{BODY_A}", "title": "T", "date": "31/31/2019"},
        {"text": BODY_B, "date": "05/06/2019"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = docs(list(read_file(path, default_date=dt.date(2020, 2, 2))))
    assert (first.published, first.date_basis, first.text) == (dt.date(2019, 6, 5), "page", BODY_A)
    assert (second.published, second.date_basis) == (dt.date(2020, 2, 2), "option")


def test_records_jsonl_html_text_and_paragraph_list(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    records = [{"text": f"<p>{BODY_A}</p><p>{BODY_B}</p>"}, {"text": [BODY_A, BODY_B]}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = docs(list(read_file(path)))
    assert first.text == second.text == f"{BODY_A}\n\n{BODY_B}"


def test_records_jsonl_invalid_utf8_line_is_failure(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    good = json.dumps({"text": "Talks in Genève – day two."}, ensure_ascii=False).encode()
    bad = b'{"text": "caf\xe9 talks"}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")
    items = list(read_file(path))
    assert len(docs(items)) == 2
    (failure,) = failures(items)
    assert failure.line == 2 and "not valid utf-8" in failure.reason


def test_records_json_array_and_wrapped_list(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"text": BODY_A}, {"title": "x"}, {"article": BODY_B}]))
    wrapped = tmp_path / "b.json"
    wrapped.write_text(json.dumps({"articles": [{"text": BODY_A, "id": 9}]}))
    items = list(read_file(array))
    assert [d.record for d in docs(items)] == ["1", "3"]
    (failure,) = failures(items)
    assert failure.line is None and failure.reason.startswith("[E012] item 2: no text field")
    (doc,) = docs(list(read_file(wrapped)))
    assert (doc.record, doc.format) == ("9", "json")


def test_records_csv_columns_rows_and_failures(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Headline", "Text", "Published"])
        writer.writerow(["a1", "Quota talks", BODY_A, "2021-04-06"])
        writer.writerow(["a2", "Drills", f"{BODY_B}\n\nSecond paragraph.", "April 7, 2021"])
        writer.writerow(["a3", "Empty", "", "2021-04-08"])
        writer.writerow(["a4", "Extra", BODY_A, "2021-04-09", "surplus"])
        writer.writerow([])
        writer.writerow(["", "No id", BODY_B, ""])
    items = list(read_file(path))
    first, second, third = docs(items)
    assert (first.record, first.title, first.published, first.date_basis) == (
        "a1",
        "Quota talks",
        dt.date(2021, 4, 6),
        "metadata",
    )
    assert second.text == f"{BODY_B}\n\nSecond paragraph."
    assert (third.record, third.format, third.date_basis) == ("9", "csv", "none")
    problems = {f.line: f.reason for f in failures(items)}
    # Row a2 spans lines 3-5, so a3 is on line 6 and a4 on line 7.
    assert set(problems) == {6, 7}
    assert "empty" in problems[6]
    assert "the row has 5 fields but the header has 4" in problems[7]


def test_records_csv_without_text_column_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "no_text.csv"
    path.write_text("id,title,date\n1,Talks,2021-01-01\n2,More talks,2021-01-02\n")
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].line == 1
    assert "no text column (the header has id, title, date)" in items[0].reason


def test_records_tsv_semicolon_and_cp1251(tmp_path: Path) -> None:
    tsv = tmp_path / "t.tsv"
    tsv.write_text(f"title\tbody\nT\t{BODY_A}\n", encoding="utf-8")
    semi = tmp_path / "s.csv"
    sentence = "Министр обороны объявил о начале учений, сказал представитель министерства."
    semi.write_bytes(f"заголовок;text\nУчения;{sentence}\n".encode("cp1251"))
    assert docs(list(read_file(tsv)))[0].text == BODY_A
    assert docs(list(read_file(semi)))[0].text == sentence


def test_records_csv_large_field(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    long_text = " ".join([BODY_A] * 3000)  # ~200 KB, above csv's default 128 KB limit
    path.write_text(f'text\n"{long_text}"\n', encoding="utf-8")
    (doc,) = docs(list(read_file(path)))
    assert len(doc.text) == len(long_text)
