"""The output contract of every table command: JSONL, CSV and table cells (docs/cli.md)."""

from __future__ import annotations

import datetime as dt
import io
import json

import numpy as np
import pandas as pd
from rich.console import Console

from tripolar.output import LIST_SEPARATOR, display, render_table, write_csv, write_jsonl


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "subject": ["CHN-RUS", "RUS-USA"],
            "cues": [np.array(["expand", "deepen"], dtype=object), np.array(["sanction"])],
            "sign": [1.0, np.nan],
            "balance": [6.082620020882748, -1.0],
            "published": [pd.Timestamp(2019, 6, 5), pd.NaT],
        }
    )


def test_output_jsonl_writes_lists_as_json_arrays() -> None:
    buffer = io.StringIO()
    records = _frame().to_dict(orient="records")
    assert write_jsonl(records, buffer) == 2
    first, second = (json.loads(line) for line in buffer.getvalue().splitlines())
    assert first["cues"] == ["expand", "deepen"]
    assert second["cues"] == ["sanction"]  # one element: still a list, not a scalar
    assert first["published"] == "2019-06-05" and second["published"] is None
    assert second["sign"] is None


def test_output_csv_joins_lists_and_leaves_gaps_empty() -> None:
    buffer = io.StringIO()
    write_csv(_frame(), buffer)
    rows = buffer.getvalue().splitlines()
    assert rows[1].split(",")[1] == f"expand{LIST_SEPARATOR}deepen"
    assert "[" not in buffer.getvalue() and "'" not in buffer.getvalue()
    assert rows[2].split(",")[2] == ""  # NaN sign


def test_output_table_cells_are_rounded_and_blank_for_gaps() -> None:
    assert display(None) == "" and display(float("nan")) == ""
    assert display(6.082620020882748) == "6.08"
    assert display(1.0, whole=True) == "1"
    assert display(dt.date(2019, 6, 5)) == "2019-06-05"
    assert display("Sentence.\n\n") == "Sentence."
    console = Console(file=io.StringIO(), width=200)
    render_table(_frame().to_dict(orient="records"), console, columns=("sign", "balance", "cues"))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "None" not in text and "nan" not in text and "6.082" not in text
    assert "expand, deepen" in text and "6.08" in text
