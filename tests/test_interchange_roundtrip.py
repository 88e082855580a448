"""Events out and back in: the analytics give the same answers on imported events as on the
same events coded by tripolar, and a store export read back loses nothing."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tripolar.analytics import compare_datasets, relations, triangle
from tripolar.interchange import export_store, import_events, import_store, write_events
from tripolar.model import CodedDocument, Document, Event, Sentence
from tripolar.report.render import ReportOptions, build_context
from tripolar.store import Store

# (code, Goldstein, quad class) from the CAMEO codebook: cooperation and conflict of each kind
CODES = [("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("071", 7.4, 2),
         ("112", -2.0, 3), ("130", -4.4, 3), ("163", -8.0, 4), ("173", -5.0, 4),
         ("190", -10.0, 4)]  # fmt: skip
ACTORS = ["CHNGOV", "RUSGOV", "USAGOV", "RUSMIL", "USA"]


def _table(n: int = 160, seed: int = 7) -> list[CodedDocument]:
    """A constructed table of events: one document per event, dates over 2021-2022."""
    rng = random.Random(seed)
    coded = []
    for i in range(n):
        source, target = rng.sample(ACTORS, 2)
        if source[:3] == target[:3]:
            target = "CHNGOV" if source[:3] != "CHN" else "RUSGOV"
        code, goldstein, quad = rng.choice(CODES)
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(730))
        text = f"Event {i}: {source} and {target}, code {code}."
        doc = Document(
            doc_id=f"doc{i:04d}", text=text, title=f"Report {i}",
            url=f"https://example.org/{i}", published=day, date_basis="text",
        )  # fmt: skip
        event = Event(
            doc_id=doc.doc_id, sentence_index=0, start=0, end=len(text), sentence=text,
            source=source, target=target, code=code, root=code[:2], goldstein=goldstein,
            quad_class=quad, event_date=day, date_basis="text", rule="constructed",
            source_text=source.lower(), target_text=target.lower(), trigger_start=0,
            trigger_end=5,
        )  # fmt: skip
        coded.append(CodedDocument(doc, (Sentence(doc.doc_id, 0, 0, len(text), text),), (event,)))
    return coded


def _no_nan(value: Any) -> Any:
    """NaN -> None inside lists, tuples and dicts, so that equal results compare equal."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_no_nan(v) for v in value]
    return value


@pytest.fixture
def both(store: Store, tmp_path: Path) -> Store:
    """A store with the constructed events as tripolar's own and as an imported GDELT file."""
    store.add(_table())
    path = tmp_path / "tripolar.export.CSV"
    with path.open("w", encoding="utf-8") as out:
        written, skipped = write_events(store.events(), "gdelt", out)
    assert (written, skipped) == (160, 0)
    summary = import_events([str(path)], store=store, format="gdelt2")
    assert (summary.stored, summary.failed) == (160, 0)
    return store


def test_interchange_imported_events_keep_every_gdelt_field(both: Store) -> None:
    own = both.events().set_index("event_id")
    back = both.events(dataset="gdelt2")
    back.index = back["event_id"].str.removeprefix("gdelt2:")
    back = back.loc[own.index]
    for column in ("event_date", "source", "target", "code", "root", "goldstein",
                   "quad_class", "source_text", "target_text", "url"):  # fmt: skip
        assert back[column].tolist() == own[column].tolist(), column


def test_interchange_relations_equal_on_imported_events(both: Store) -> None:
    options = {"actors": ["CHN", "RUS", "USA"], "freq": "month", "n_boot": 50, "seed": 3}
    own = relations(both, **options)
    imported = relations(both.scoped("gdelt2"), **options)
    assert own["n_events"].sum() == 160
    pd.testing.assert_frame_equal(own, imported)


def test_interchange_triangle_equal_on_imported_events(both: Store) -> None:
    own = triangle(both, "CHN", "RUS", "USA", freq="quarter")
    imported = triangle(both.scoped("gdelt2"), "CHN", "RUS", "USA", freq="quarter")
    assert len(own) == 8
    pd.testing.assert_frame_equal(own, imported)


def test_interchange_report_equal_on_imported_events(both: Store) -> None:
    options = ReportOptions(n_boot=40)
    actors = ("CHN", "RUS", "USA")
    own = build_context(both, actors, None, None, options)
    imported = build_context(both.scoped("gdelt2"), actors, None, None, options)
    assert own["index_chart"] == imported["index_chart"]
    keys = ("name", "n_events", "index", "band", "index_lo", "index_hi", "last_label")
    assert [{k: d[k] for k in keys} for d in own["dyads"]] == [
        {k: d[k] for k in keys} for d in imported["dyads"]
    ]
    assert _no_nan(own["triangle"]["rows"]) == _no_nan(imported["triangle"]["rows"])
    assert own["overview"]["events"] == imported["overview"]["events"] == 160


def test_interchange_compare_datasets_agree_on_identical_events(both: Store) -> None:
    found = compare_datasets(both, "tripolar", "gdelt2", freq="month")
    assert found.summary["corr_n_events"].tolist() == [1.0, 1.0, 1.0]
    assert (found.disagreements["gap"] == 0).all()


def test_interchange_compare_datasets_finds_the_period_they_disagree(store: Store) -> None:
    store.add(_table())
    other = store.events()
    # the other dataset reverses the sign of every event in March 2022
    march = pd.to_datetime(other["event_date"]).dt.strftime("%Y-%m") == "2022-03"
    other.loc[march, "goldstein"] = -other.loc[march, "goldstein"]
    out = io.StringIO()
    write_events(other, "gdelt", out)
    import_events(["-"], store=store, format="gdelt2", dataset="mirror",
                  stdin=io.BytesIO(out.getvalue().encode()))  # fmt: skip
    found = compare_datasets(store, "tripolar", "mirror", freq="month", top=1)
    flagged = found.disagreements[found.disagreements["gap"] != 0]
    assert len(flagged) >= 1
    assert set(flagged["period_label"]) == {"2022-03"}


def test_interchange_plover_export_reads_back_as_polecat(store: Store) -> None:
    store.add(_table(40))
    out = io.StringIO()
    written, skipped = write_events(store.events(), "plover", out)
    assert (written, skipped) == (40, 0)
    summary = import_events(["-"], store=store, format="polecat",
                            stdin=io.BytesIO(out.getvalue().encode()))  # fmt: skip
    assert (summary.stored, summary.failed) == (40, 0)
    own = store.events().set_index("event_id")
    back = store.events(dataset="polecat")
    back.index = back["event_id"].str.removeprefix("polecat:")
    back = back.loc[own.index]
    assert back["code"].tolist() == own["code"].tolist()
    assert back["source"].tolist() == own["source"].str[:3].tolist()  # PLOVER: countries
    assert back["event_date"].tolist() == own["event_date"].tolist()


def test_interchange_store_export_reads_back_whole(store: Store, tmp_path: Path) -> None:
    store.add(_table(30))
    import_events([str(Path(__file__).parent / "data/interchange/polecat.tsv")],
                  store=store, format="polecat")  # fmt: skip
    files = export_store(store, tmp_path / "dump")
    assert {p.name for p in files} >= {"events.parquet", "documents.parquet"}
    copy = Store.open(":memory:")
    added = import_store(copy, tmp_path / "dump")
    assert added["events"] == 33 and added["documents"] == 30
    for table in ("documents", "sentences", "events", "assessments", "failures", "imports"):
        order = "ALL"
        left = store.sql(f"SELECT * FROM {table} ORDER BY {order}")
        right = copy.sql(f"SELECT * FROM {table} ORDER BY {order}")
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    assert import_store(copy, tmp_path / "dump")["events"] == 0  # again: nothing new
    copy.close()


def test_interchange_store_export_as_csv(store: Store, tmp_path: Path) -> None:
    store.add(_table(5))
    export_store(store, tmp_path, "csv")
    events = pd.read_csv(tmp_path / "events.csv")
    assert len(events) == 5 and set(events["dataset"]) == {"tripolar"}
