"""Hostile and broken input: every problem is one Failure naming the file, never an exception."""

from __future__ import annotations

import io
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tripolar.ingest import read_file, read_paths, text_id
from tripolar.ingest.reader import UNEXPECTED
from tripolar.model import Document, Failure

BENCH = Path(__file__).resolve().parents[1] / "bench"
SENTENCE = "Officials from both governments met on Tuesday and agreed to resume trade talks."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def only(items: list[Document | Failure]) -> Document | Failure:
    assert len(items) == 1, items
    return items[0]


def reasons(items: list[Document | Failure]) -> list[tuple[int | None, str]]:
    return [(i.line, i.reason) for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Министр иностранных дел России заявил, что переговоры начнутся в понедельник."),
        ("gb18030", "中国外交部发言人表示，双方将于下周在北京举行会谈，讨论贸易问题。"),
        ("shift_jis", "日本政府は月曜日に、両国の首脳会談が来週東京で行われると発表した。"),
        (
            "latin-1",
            "Le ministre des Affaires étrangères a déclaré que les pourparlers reprendront.",
        ),
        ("latin-1", "El ministro de Exteriores de España declaró que las negociaciones seguirán."),
    ],
)
def test_reader_legacy_encodings_decode_exactly(tmp_path: Path, encoding: str, text: str) -> None:
    doc = only(list(read_paths([write(tmp_path / "a.txt", text.encode(encoding))])))
    assert isinstance(doc, Document)
    assert doc.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Ministr zahraničí řekl, že jednání budou pokračovat příští týden v Praze a Brně.",
        "A külügyminiszter kijelentette, hogy a tárgyalások jövő héten folytatódnak.",
    ],
)
def test_reader_ambiguous_code_page_is_refused_not_mangled(tmp_path: Path, text: str) -> None:
    item = only(list(read_paths([write(tmp_path / "cz.txt", text.encode("cp1250"))])))
    if isinstance(item, Document):  # a correct reading is fine too; a wrong one is not
        assert item.text == text
    else:
        assert "convert the file to UTF-8" in item.reason and item.path.endswith("cz.txt")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\t\n", "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image)"),
        ("nul.jsonl", b'{"text": "a"}\x00\x00\x00', "binary file"),
        ("noise.dat", bytes(range(256)) * 40, "binary file"),
        ("archive.csv", b"PK\x03\x04" + b"\x00" * 64, "binary file (a ZIP archive"),
    ],
)
def test_reader_empty_and_binary_files_fail_clearly(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    failure = only(list(read_paths([write(tmp_path / name, content)])))
    assert isinstance(failure, Failure)
    assert expected in failure.reason and failure.path.endswith(name)
    assert " - " in failure.reason  # what to do comes after the dash


def test_reader_100k_nested_divs_do_not_crash(tmp_path: Path) -> None:
    body = f"<p>{SENTENCE}</p>"
    page = "<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>"
    nested_field = json.dumps({"text": "<div>" * 100_000 + SENTENCE})
    items = list(
        read_paths(
            [
                write(tmp_path / "deep.html", page),
                write(tmp_path / "unclosed.htm", "<html><body>" + "<div><span>" * 50_000 + body),
                write(tmp_path / "deep.jsonl", nested_field + "\n"),
                write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000),
            ]
        )
    )
    assert [Path(i.path or "").name for i in items] == [
        "deep.html", "unclosed.htm", "deep.jsonl", "deep.json"
    ]  # fmt: skip
    for item in items:
        assert isinstance(item, Document) or UNEXPECTED not in item.reason
    json_failure = items[-1]
    assert isinstance(json_failure, Failure) and "nested too deeply" in json_failure.reason


def test_reader_deeply_nested_json_line_is_one_failure(tmp_path: Path) -> None:
    lines = [json.dumps({"text": SENTENCE}), '{"text": ' + "[" * 50_000, json.dumps({"text": "B"})]
    items = list(read_paths([write(tmp_path / "n.jsonl", "\n".join(lines) + "\n")]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert reasons(items) == [
        (2, "[E012] not valid JSON (nested too deeply at column 1) - the line was skipped")
    ]


def test_reader_invalid_jsonl_lines_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": SENTENCE}),
        "{not json",
        "[1, 2]",
        json.dumps({"title": "no body"}),
        json.dumps({"text": {"nested": True}}),
        "",
        json.dumps({"body": SENTENCE + " Again."}),
    ]
    items = list(read_paths([write(tmp_path / "x.jsonl", "\n".join(lines))]))
    assert [i.record for i in items if isinstance(i, Document)] == ["1", "7"]
    assert [line for line, _ in reasons(items)] == [2, 3, 4, 5]
    assert all("skipped" in reason for _, reason in reasons(items))


def test_reader_csv_missing_and_extra_columns(tmp_path: Path) -> None:
    rows = [
        "id,title,text,date",
        f'1,Full,"{SENTENCE}",2019-06-05',
        f'2,Short,"{SENTENCE} Short row."',  # date column missing: fine
        f'3,Long,"{SENTENCE}",2019-06-05,extra,cells',
        "4,No text",
    ]
    items = list(read_paths([write(tmp_path / "t.csv", "\n".join(rows) + "\n")]))
    assert [i.record for i in items if isinstance(i, Document)] == ["1", "2"]  # the id column
    found = reasons(items)
    assert [line for line, _ in found] == [4, 5]
    assert "6 fields but the header has 4" in found[0][1]
    assert "text field is empty" in found[1][1] or "no text field" in found[1][1]


def test_reader_csv_without_text_column_names_the_header(tmp_path: Path) -> None:
    failure = only(list(read_paths([write(tmp_path / "t.csv", "a,b\n1,2\n")])))
    assert isinstance(failure, Failure) and failure.line == 1
    assert "no text column (the header has a, b)" in failure.reason


@pytest.mark.parametrize(
    "value",
    ['"2019-02-30"', '"31.02.2019"', '"0000-00-00"', '"9999-12-31"', '"1066-10-14"',
     '"yesterday-ish"', '"99999999999999999999"', "1" + "0" * 400, "-1e300", "1e999", "NaN",
     "[2019, 6, 5]", '{"y": 2019}', '"05/06/2019"', "true"],
)  # fmt: skip
def test_reader_impossible_dates_become_no_date(tmp_path: Path, value: str) -> None:
    line = '{"text": "%s", "date": %s}' % (SENTENCE, value)  # noqa: UP031
    doc = only(list(read_paths([write(tmp_path / "d.jsonl", line + "\n")])))
    assert isinstance(doc, Document)
    assert (doc.published, doc.date_basis) == (None, "none")


def test_reader_large_text_file_is_refused_by_stat_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200_000_000)
    tracemalloc.start()
    failure = only(list(read_paths([big], max_bytes=50_000_000)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(failure, Failure)
    assert "200,000,000 bytes" in failure.reason and "50,000,000 bytes" in failure.reason
    assert "--max-bytes" in failure.reason
    assert peak < 5_000_000


def test_reader_max_bytes_none_means_no_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", SENTENCE * 10)
    assert isinstance(only(list(read_file(path, max_bytes=None))), Document)
    assert isinstance(only(list(read_file(path, max_bytes=100))), Failure)


def test_reader_jsonl_and_csv_stream_past_the_limit_but_refuse_long_records(
    tmp_path: Path,
) -> None:
    short = json.dumps({"text": SENTENCE})
    long = json.dumps({"text": SENTENCE * 50})
    jsonl = write(tmp_path / "r.jsonl", "\n".join([short, long, short + " ", short + "  "] * 3))
    items = list(read_paths([jsonl], max_bytes=len(short) + 10))
    assert sum(isinstance(i, Document) for i in items) == 9  # 12 lines, 3 too long
    assert [line for line, _ in reasons(items)] == [2, 6, 10]
    assert "longer than the limit of" in reasons(items)[0][1]
    rows = ["title,text", f'a,"{SENTENCE}"', f'b,"{SENTENCE * 50}"', f'c,"{SENTENCE}!"']
    table = list(read_paths([write(tmp_path / "r.csv", "\n".join(rows))], max_bytes=120))
    assert [i.record for i in table if isinstance(i, Document)] == ["2", "4"]
    assert [line for line, _ in reasons(table)] == [3]


def test_reader_stdin_is_bounded_and_jsonl_stdin_streams() -> None:
    text = io.StringIO(SENTENCE * 100)
    failure = only(list(read_paths(["-"], stdin=text, max_bytes=1000)))
    assert isinstance(failure, Failure) and failure.path == "-"
    assert "standard input" in failure.reason and "--max-bytes" in failure.reason
    lines = "".join(json.dumps({"text": f"{SENTENCE} Number {n}."}) + "\n" for n in range(50))
    stream = io.TextIOWrapper(io.BytesIO(lines.encode()), encoding="utf-8")
    docs = list(read_paths(["-"], stdin=stream, max_bytes=1000))
    assert len(docs) == 50 and all(isinstance(d, Document) for d in docs)


def test_reader_unreadable_and_missing_paths(tmp_path: Path) -> None:
    items = list(read_paths([tmp_path / "missing.txt", tmp_path]))
    assert isinstance(items[0], Failure) and "no such file" in items[0].reason
    assert items[1:] == []  # an empty directory is not an error


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_reader_symlink_loops_and_self_links(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / "a" / "doc.txt", SENTENCE)
    (root / "a" / "up").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")
    (root / "b").symlink_to(root / "a", target_is_directory=True)
    items = list(read_paths([root, root / "b"]))
    assert [i.text for i in items if isinstance(i, Document)] == [SENTENCE]
    assert [Path(f.path).name for f in items if isinstance(f, Failure)] == ["self"]


def test_reader_directory_of_many_small_files_streams(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for number in range(2000):
        (root / f"{number:05d}.txt").write_text(f"{SENTENCE} Item {number}.", encoding="utf-8")
    started = time.perf_counter()
    items = read_paths([root])
    first = next(items)  # a generator: the first document arrives before the walk ends
    rest = list(items)
    assert isinstance(first, Document) and first.path and first.path.endswith("00000.txt")
    assert len(rest) == 1999 and all(isinstance(i, Document) for i in rest)
    assert time.perf_counter() - started < 60


FRAGMENT = st.sampled_from(
    [b"<div>", b"</div>", b"<p>", b"{", b'"text": "', b'"', b"}", b"\n", b",", b"\t", b"\r",
     b"\xff", b"\xc3", b"\x00", b"[", b"]", b"<?xml version='1.0'?>", b"<rss><channel><item>",
     b"<description>", b"date,text\n", b"Talks resumed. ", "Переговоры".encode("cp1251"),
     "会谈".encode("gb18030"), b"\xef\xbb\xbf", b"\xff\xfe", b"2019-02-30", b"&#0;", b"<!--"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(FRAGMENT | st.binary(max_size=30), max_size=30),
    st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".rss", "", ".x", "-"]),
    st.sampled_from([None, 40, 50_000_000]),
)
def test_reader_property_any_bytes_give_documents_or_coded_failures(
    chunks: list[bytes], suffix: str, max_bytes: int | None
) -> None:
    data = b"".join(chunks)
    if suffix == "-":
        stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        items = list(read_paths(["-"], stdin=stdin, max_bytes=max_bytes))
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder) / f"in{suffix}", data)
            items = list(read_paths([path], max_bytes=max_bytes))
    for item in items:
        if isinstance(item, Document):
            assert item.text.strip() and item.doc_id == text_id(item.text)
        else:
            assert item.reason.startswith("[E01") and UNEXPECTED not in item.reason


def test_reader_fuzz_harness_small_run_has_no_crashes() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import fuzz
    finally:
        sys.path.remove(str(BENCH))
    tally = fuzz.fuzz(40, seed=12345)
    assert sum(tally.inputs.values()) == 40 * len(fuzz.READERS) >= 300
    assert set(tally.inputs) == set(fuzz.READERS)
    assert sum(tally.crashes.values()) == 0, tally.examples[:3]
    assert sum(tally.documents.values()) > 0 and sum(tally.failures.values()) > 0


def test_reader_number_with_thousands_of_digits_is_bad_json(tmp_path: Path) -> None:
    line = '{"text": "%s", "date": %s}' % (SENTENCE, "9" * 6000)  # noqa: UP031
    failure = only(list(read_paths([write(tmp_path / "n.jsonl", line + "\n")])))
    assert isinstance(failure, Failure)
    assert failure.reason == "[E012] not valid JSON (a number too long to read at column 1) - " \
        "the line was skipped"  # fmt: skip


def test_reader_failures_reach_the_store_and_summary(tmp_path: Path) -> None:
    from tripolar.config import Config
    from tripolar.store import Store
    from tripolar.workflow import ingest

    big = write(tmp_path / "big.txt", SENTENCE * 20)
    bad = write(tmp_path / "rows.jsonl", "{broken\n")
    with Store.open(":memory:") as store:
        summary = ingest([big, bad], store=store, config=Config(max_bytes=200))
        recorded = store.failures()
    assert (summary.read, summary.failed) == (0, 2)
    assert list(recorded["path"]) == [str(big), str(bad)]
    assert "--max-bytes" in recorded["reason"][0] and recorded["line"].tolist()[1] == 1
