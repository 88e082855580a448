"""read_paths: directories, sniffing, standard input, and one id for one text in any format."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tripolar.ingest import read_paths, text_id
from tripolar.model import Document, Failure

TITLE = "Envoys agree to resume talks"
PARAS = [
    "Envoys from the two neighbouring states agreed on Thursday to resume border talks.",
    "The first round will take place in the border town next month, officials said.",
]
BODY = "\n\n".join(PARAS)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_paths_same_text_same_id_across_formats(tmp_path: Path) -> None:
    html = "<html><head><title>{0}</title></head><body><article><h1>{0}</h1>{1}</article>" \
        "</body></html>".format(TITLE, "".join(f"<p>{p}</p>" for p in PARAS))  # fmt: skip
    paths = [
        write(tmp_path / "a.txt", f"{TITLE}\n\n{BODY}\n"),
        write(tmp_path / "b.jsonl", json.dumps({"title": TITLE, "text": BODY}) + "\n"),
        write(tmp_path / "c.csv", f'title,text\n"{TITLE}","{BODY}"\n'),
        write(tmp_path / "d.html", html),
        write(tmp_path / "e.txt", f"{PARAS[0]}\n{PARAS[1]}\n".encode("utf-16")),
    ]
    docs = list(read_paths(paths))
    assert all(isinstance(d, Document) for d in docs), docs
    assert {d.text for d in docs if isinstance(d, Document)} == {BODY}
    assert {d.doc_id for d in docs if isinstance(d, Document)} == {text_id(BODY)}
    assert [d.format for d in docs if isinstance(d, Document)] == [
        "txt", "jsonl", "csv", "html", "txt"
    ]  # fmt: skip


def test_paths_id_ignores_whitespace_and_normalisation() -> None:
    assert text_id("Café  talks\n\nresumed") == text_id("Cafe\u0301 talks resumed")
    assert text_id("Talks resumed") != text_id("Talks resumed.")


def test_paths_directory_walk_sorted_hidden_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second file body.")
    write(root / "a" / "z.txt", "Nested file body.")
    write(root / "a" / "notes", "A file without extension.")
    write(root / ".hidden.txt", "Hidden.")
    write(root / ".git" / "config.txt", "Hidden directory.")
    write(root / "c.pdf", b"%PDF-1.4 binary")
    items = list(read_paths([root]))
    assert [Path(i.path).relative_to(root).as_posix() for i in items if i.path] == [
        "a/notes", "a/z.txt", "b.txt", "c.pdf"
    ]  # fmt: skip
    assert isinstance(items[-1], Failure) and "binary file" in items[-1].reason
    assert items[0].path == os.path.join(str(root), "a", "notes")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_paths_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    write(root / "sub" / "doc.txt", "The only document.")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)
    (root / "broken").symlink_to(root / "nowhere.txt")
    items = list(read_paths([root]))
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.text for d in documents] == ["The only document."]
    assert [f.reason for f in items if isinstance(f, Failure)] == [
        "[E010] a broken symbolic link - fix or remove it"
    ]


def test_paths_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAS)
    items = list(
        read_paths(
            [
                write(tmp_path / "page.dat", page + "</article></body></html>"),
                write(tmp_path / "rows.out", json.dumps({"text": PARAS[0]}) + "\n"),
                write(tmp_path / "note.log", PARAS[1]),
            ]
        )
    )
    assert [(i.format, i.text) for i in items if isinstance(i, Document)] == [
        ("html", BODY), ("jsonl", PARAS[0]), ("txt", PARAS[1])
    ]  # fmt: skip


def test_paths_stdin_text_and_jsonl() -> None:
    plain = list(read_paths(["-"], stdin=io.StringIO(f"{TITLE}\n\n{BODY}\n")))
    lines = "\n".join(json.dumps({"text": p}) for p in PARAS) + "\n{oops\n"
    records = list(read_paths(["-"], stdin=io.StringIO(lines)))
    (doc,) = plain
    assert isinstance(doc, Document)
    assert (doc.path, doc.title, doc.text, doc.format) == ("-", TITLE, BODY, "txt")
    assert [(r.record, r.format) for r in records if isinstance(r, Document)] == [
        ("1", "jsonl"), ("2", "jsonl")
    ]  # fmt: skip
    assert [(f.path, f.line) for f in records if isinstance(f, Failure)] == [("-", 3)]


def test_paths_stdin_bytes_are_decoded(tmp_path: Path) -> None:
    sentence = "Министр иностранных дел заявил, что переговоры начнутся в понедельник."
    stream = io.TextIOWrapper(io.BytesIO(sentence.encode("cp1251")), encoding="utf-8")
    (doc,) = list(read_paths(["-"], stdin=stream))
    assert isinstance(doc, Document) and doc.text == sentence


def test_paths_empty_stdin_is_failure() -> None:
    (failure,) = list(read_paths(["-"], stdin=io.StringIO("")))
    assert isinstance(failure, Failure)
    assert (failure.path, failure.line) == ("-", None)
    assert "empty" in failure.reason


FRAGMENTS = [
    b"<html>", b"<p>", b"</p>", b"{", b"}", b'"text": ', b"\n", b",", b"\xe9", b"\x00",
    b"Published: 5 June 2019", b"05/06/2019", b"title,text\n", b"<?xml version='1.0'?>",
    b"<rss version='2.0'><channel><item><description>", b"Talks resumed today. ",
    "Министр".encode("cp1251"), "外交".encode(), b"\xff\xfe", b"\r\n",
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=25),
    st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".json", ".xml", "", ".bin"]),
)
def test_paths_never_raise_on_arbitrary_content(chunks: list[bytes], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / f"input{suffix}", b"".join(chunks))
        for item in read_paths([path]):
            assert isinstance(item, Document | Failure)
            if isinstance(item, Document):
                assert item.text.strip() and "\n\n\n" not in item.text
                assert item.doc_id == text_id(item.text)
            else:
                assert item.reason.startswith("[E01")
