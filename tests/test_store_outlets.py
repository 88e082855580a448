"""A document's outlet is computed twice: `tripolar.model.outlet_of` for documents as they are
stored, `OUTLET_SQL` for rows stored before outlets were kept (the schema steps fill them
in). Both must give the same outlet for every URL, source field and path."""

from __future__ import annotations

import sys

import duckdb
import pyarrow as pa
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tripolar.model import SPACE_CHARACTERS, outlet_lower, outlet_of
from tripolar.store.schema import OUTLET_SQL

CONNECTION = duckdb.connect()
CONNECTION.execute("SET enable_progress_bar = false")

# No NUL, no lone surrogate: DuckDB refuses them (stored text never holds one; see storable).
TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
SPACE = st.text(st.sampled_from(SPACE_CHARACTERS), max_size=3)
LABEL = st.text(
    st.one_of(st.sampled_from("abcXYZ019-_.İΣß"), TEXT), min_size=1, max_size=12
).filter(lambda label: not set(label) & set("/:?#@"))
HOST = st.builds(
    lambda www, labels, dots: www + ".".join(labels) + dots,
    st.sampled_from(["", "www.", "WWW.", "www.www."]),
    st.lists(LABEL, min_size=1, max_size=4),
    st.sampled_from(["", ".", ".."]),
)
URL = st.one_of(
    st.builds(
        lambda space, scheme, user, host, port, rest, after: (
            f"{space}{scheme}://{user}{host}{port}{rest}{after}"
        ),
        SPACE,
        st.sampled_from(["http", "https", "HTTPS", "ftp", "svn+ssh", "1http", "h"]),
        st.sampled_from(["", "user@", "user:pw@", "a@b@"]),
        HOST,
        st.sampled_from(["", ":8080", ":"]),
        st.sampled_from(["", "/", "/a/b?q=1#f", "?x", "#y", "/ü path"]),
        SPACE,
    ),
    st.text(TEXT, max_size=30),
)
SOURCE = st.text(st.one_of(st.sampled_from(SPACE_CHARACTERS), TEXT), max_size=20)
PATH = st.one_of(
    st.just("-"),
    st.builds(
        lambda parts, separators: "".join(p + s for p, s in zip(parts, separators, strict=False)),
        st.lists(st.text(TEXT.filter(lambda c: c not in "/\\"), max_size=8), max_size=4),
        st.lists(st.sampled_from(["/", "\\", "//", ""]), min_size=4, max_size=4),
    ),
    st.text(TEXT, max_size=20),
)


def stored_outlet(url: str | None, source: str | None, path: str | None) -> str | None:
    rows = CONNECTION.execute(
        f"SELECT {OUTLET_SQL} FROM (SELECT ?::VARCHAR AS url, ?::VARCHAR AS source, "
        "?::VARCHAR AS path)",
        [url, source, path],
    ).fetchall()
    return rows[0][0]


@settings(max_examples=400, deadline=None)
@given(st.none() | URL, st.none() | SOURCE, st.none() | PATH)
@example(" https://Reuters.com./world", None, None)
@example("https://www./a", "AP", None)
@example("https://../a", "Wire  Service", None)
@example(None, "\u00a0Tass\x0bNews\u3000", None)
@example(None, "ΣΟΦΙΑΣ", "x/İSTANBUL/a.txt")
@example(None, None, "corpus/tass/")
def test_store_outlet_sql_agrees_with_outlet_of(
    url: str | None, source: str | None, path: str | None
) -> None:
    assert stored_outlet(url, source, path) == outlet_of(url, source, path)


@pytest.mark.parametrize(
    ("url", "source", "path", "outlet"),
    [
        ("https://www.Reuters.com/world/x", "Reuters Wire", None, "reuters.com"),
        (" https://apnews.com./a ", None, None, "apnews.com"),
        ("https://../a", "AP  Wire", None, "ap wire"),  # no host: the source field
        ("not a url", "\u00a0TASS\u3000English ", None, "tass english"),
        (None, None, "corpus\\TASS\\a.txt", "tass"),
        (None, None, "a.txt", None),
        (None, None, "-", None),
    ],
)
def test_store_outlet_examples(
    url: str | None, source: str | None, path: str | None, outlet: str | None
) -> None:
    assert outlet_of(url, source, path) == outlet == stored_outlet(url, source, path)


def test_store_outlet_lower_case_matches_duckdb_letter_for_letter() -> None:
    # every character but NUL and the surrogates, lowered by both
    characters = [chr(i) for i in range(1, sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF]
    CONNECTION.register("characters", pa.table({"c": characters}))
    try:
        rows = CONNECTION.execute("SELECT c, lower(c) FROM characters").fetchall()
    finally:
        CONNECTION.unregister("characters")
    assert len(rows) == len(characters)
    differ = [(hex(ord(c)), outlet_lower(c), low) for c, low in rows if outlet_lower(c) != low]
    assert differ == []
    assert "ΣΑΣ".lower() != outlet_lower("ΣΑΣ") == "σασ"  # why outlet_lower exists
