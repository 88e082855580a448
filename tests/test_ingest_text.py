"""Plain-text files: title, header lines, datelines, paragraphs, encodings, empty files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tripolar.ingest import read_file, read_paths, text_id
from tripolar.model import Document, Failure

ARTICLE = """Source: The Harbour Ledger
URL: https://ledger.example.com/a/1

Ministers agree on grain corridor talks
By Mira Ostrova | 14 March 2021

Foreign ministers from the three coastal states agreed on Sunday to open
formal talks on a shared grain corridor, ending a dispute that had kept
cargo ships idle for most of the winter.

The talks will begin within a month.
Observers will be invited.
"""


def one(items: list[Document | Failure]) -> Document:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Document), item
    return item


def only_failure(items: list[Document | Failure]) -> Failure:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Failure), item
    return item


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_text_reads_headers_title_dateline_and_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ARTICLE)
    doc = one(list(read_file(path)))
    assert doc.title == "Ministers agree on grain corridor talks"
    assert doc.source == "The Harbour Ledger"
    assert doc.url == "https://ledger.example.com/a/1"
    assert (doc.published, doc.date_basis) == (dt.date(2021, 3, 14), "page")
    assert doc.text == (
        "Foreign ministers from the three coastal states agreed on Sunday to open formal talks "
        "on a shared grain corridor, ending a dispute that had kept cargo ships idle for most "
        "of the winter.\n\nThe talks will begin within a month.\n\nObservers will be invited."
    )
    assert doc.path == str(path)
    assert doc.record is None
    assert doc.format == "txt"
    assert doc.doc_id == text_id(doc.text)


def test_text_first_line_with_period_is_body_not_title(tmp_path: Path) -> None:
    path = write(tmp_path, "lead.txt", "The minister resigned on Monday.\n\nHe gave no reason.\n")
    doc = one(list(read_file(path)))
    assert doc.title is None
    assert doc.text == "The minister resigned on Monday.\n\nHe gave no reason."


@pytest.mark.parametrize(
    "lead",
    [
        "The envoy said the talks would resume \u201cvery soon.\u201d",
        'The envoy said the talks would resume "very soon."',
        "HAVANA \u2014 The envoy left for talks with the Bolivian side on Monday",
        "LIMA, May 4 (Wire) - The envoy left for talks with the Bolivian side",
    ],
    ids=["curly-quote-after-stop", "straight-quote-after-stop", "dash-dateline", "wire-dateline"],
)
def test_text_untitled_lead_stays_in_the_body(tmp_path: Path, lead: str) -> None:
    path = write(tmp_path, "lead.txt", f"{lead}\n\nHe gave no reason.\n")
    doc = one(list(read_file(path)))
    assert doc.title is None
    assert doc.text.index("The envoy") < doc.text.index("He gave no reason.")


def test_text_single_paragraph_has_no_title(tmp_path: Path) -> None:
    doc = one(list(read_file(write(tmp_path, "short", "Envoys met in the capital"))))
    assert doc.title is None
    assert doc.text == "Envoys met in the capital"


def test_text_markdown_heading_is_title(tmp_path: Path) -> None:
    doc = one(list(read_file(write(tmp_path, "note.md", "# Arms talks stall\n\nNo progress.\n"))))
    assert doc.title == "Arms talks stall"
    assert doc.text == "No progress."


def test_text_date_sources_and_basis(tmp_path: Path) -> None:
    dated = write(tmp_path, "dated.txt", "Title line\n\nJune 5, 2019\n\nThe body.\n")
    undated = write(tmp_path, "undated.txt", "Title line\n\nThe body, without a date.\n")
    option = dt.date(2020, 1, 2)
    first = one(list(read_file(dated, default_date=option)))
    second = one(list(read_file(undated, default_date=option)))
    third = one(list(read_file(undated)))
    assert (first.published, first.date_basis) == (dt.date(2019, 6, 5), "page")
    assert "2019" not in first.text  # the dateline is consumed
    assert (second.published, second.date_basis) == (option, "option")
    assert (third.published, third.date_basis) == (None, "none")


def test_text_ambiguous_dateline_is_removed_without_a_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title line\nPublished: 05/06/2019\n\nThe body.\n")
    doc = one(list(read_file(path)))
    assert (doc.title, doc.text, doc.published, doc.date_basis) == (
        "Title line",
        "The body.",
        None,
        "none",
    )


def test_text_date_mentioned_in_body_is_not_consumed(tmp_path: Path) -> None:
    body = "On 5 June 2019 the two governments signed a border treaty."
    doc = one(list(read_file(write(tmp_path, "b.txt", f"Treaty signed\n\n{body}\n"))))
    assert doc.text == body
    assert doc.date_basis == "none"


def test_text_normalises_unicode_and_whitespace(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 talks\u00a0 resumed\u200b here.\r\n\r\n\tSecond  paragraph.\r\n"
    doc = one(list(read_file(write(tmp_path, "u.txt", decomposed))))
    assert doc.text == "Café talks resumed here.\n\nSecond paragraph."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Министр иностранных дел заявил, что переговоры начнутся в понедельник."),
        ("gb18030", "外交部发言人表示，双方将于下周在北京举行新一轮谈判，讨论贸易和边境问题。"),
        (
            "shift_jis",
            "外務大臣は来週、東京で隣国の代表団と会談し、貿易問題について協議すると述べた。",
        ),
        ("latin-1", "Le ministre a déclaré que les négociations reprendront à Genève après l'été."),
    ],
)
def test_text_detects_legacy_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    path = write(tmp_path, f"{encoding}.txt", (text + "\n\n" + text + "\n").encode(encoding))
    doc = one(list(read_file(path)))
    assert doc.text == f"{text}\n\n{text}"


def test_text_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "w.txt", "Talks resumed today.\n".encode("utf-16"))
    assert one(list(read_file(path))).text == "Talks resumed today."


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_text_empty_file_is_failure(tmp_path: Path, content: bytes) -> None:
    failure = only_failure(list(read_file(write(tmp_path, "empty.txt", content))))
    assert failure.line is None
    assert "empty file" in failure.reason


def test_text_binary_file_is_failure(tmp_path: Path) -> None:
    pdf = write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    blob = write(tmp_path, "blob", bytes(range(256)) * 4)
    assert "binary file (a PDF document)" in only_failure(list(read_file(pdf))).reason
    assert "binary file" in only_failure(list(read_file(blob))).reason


def test_text_missing_file_is_failure_and_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "Envoys met.\n")
    items = list(read_paths([tmp_path / "missing.txt", good]))
    assert isinstance(items[0], Failure)
    assert "no such file" in items[0].reason
    assert isinstance(items[1], Document)


def test_text_stray_bytes_in_utf8_are_failure_not_mangled(tmp_path: Path) -> None:
    text = "Talks in Genève – the envoys met. Ещё одна встреча.\n"
    path = write(tmp_path, "mixed.txt", (text * 3).encode() + b"caf\xe9\n")
    failure = only_failure(list(read_file(path)))
    assert "do not decode on line 4" in failure.reason


@pytest.mark.parametrize(
    "top",
    [
        "Moscow talks end\nBy Jane Doe and John Roe\nUpdated 05.06.2019 14:00\n\n",
        "Moscow talks end\n\nBy Jane Doe\nJune 5, 2019\n\n",
        "Moscow talks end\n\nReuters | Wednesday, 5 June 2019\n\n",
    ],
)
def test_text_byline_and_dateline_below_title_are_consumed(tmp_path: Path, top: str) -> None:
    doc = one(list(read_file(write(tmp_path, "t.txt", top + "The talks ended.\n"))))
    assert (doc.title, doc.text) == ("Moscow talks end", "The talks ended.")
    assert (doc.published, doc.date_basis) == (dt.date(2019, 6, 5), "page")


def test_text_by_phrase_in_body_is_kept(tmp_path: Path) -> None:
    content = "Moscow talks end\n\nBy Monday\n\nBy the end of the week, envoys hope to agree.\n"
    doc = one(list(read_file(write(tmp_path, "k.txt", content))))
    assert doc.text == "By Monday\n\nBy the end of the week, envoys hope to agree."
