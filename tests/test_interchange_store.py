"""Datasets in the store: the schema step, whose events analytics read, and the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tripolar.analytics.summary import dyad_summary
from tripolar.api import Database
from tripolar.cli import app
from tripolar.interchange import import_events
from tripolar.store import SCHEMA_VERSION, Store

DATA = Path(__file__).parent / "data" / "interchange"
NEW_COLUMNS = ("dataset", "original_id", "url", "dataset_mentions", "dataset_sources",
               "dataset_articles", "tone")  # fmt: skip


def test_interchange_schema_step_adds_dataset_columns_to_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:  # written as now, then taken back to before the step
        store.connection.execute(
            "INSERT INTO events (event_id, doc_id, sentence_index, start_char, end_char, "
            "trigger_start, trigger_end, source, source_text, target, target_text, code, root, "
            "goldstein, quad_class, event_date, date_basis, rule, sentence, source_country, "
            "target_country) VALUES ('e1', 'd1', 0, 0, 5, 0, 5, 'CHN', 'China', 'RUS', "
            "'Russia', '042', '04', 1.9, 1, DATE '2020-01-02', 'text', 'r', 's', 'CHN', 'RUS')"
        )
        store.connection.execute("DROP VIEW current_events")
        for column in NEW_COLUMNS:
            store.connection.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.connection.execute("DROP TABLE imports")
        store.connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        columns = set(store.sql("SELECT * FROM events LIMIT 0").columns)
        assert set(NEW_COLUMNS) <= columns
        assert store.sql("SELECT dataset FROM current_events")["dataset"].tolist() == ["tripolar"]
        assert store.counts()["events"] == 1


def test_interchange_analytics_read_one_dataset(store: Store) -> None:
    import_events([str(DATA / "gdelt2.export.CSV")], store=store, format="gdelt2")
    assert len(store.events()) == 0  # tripolar's own: none
    assert len(store.events(dataset="gdelt2")) == 4
    assert len(store.events(dataset="*")) == 4
    assert dyad_summary(store).empty
    summary = dyad_summary(store.scoped("gdelt2"))
    assert summary["dyad"].tolist() == ["CHN-RUS", "RUS-USA"]
    assert store.datasets()["dataset"].tolist() == ["gdelt2"]


def test_interchange_api_distinct_events_read_the_chosen_dataset(store: Store) -> None:
    import_events([str(DATA / "gdelt2.export.CSV")], store=store, format="gdelt2")
    db = Database(store)
    assert db.distinct_events().empty  # tripolar's own: none
    imported = db.distinct_events(dataset="gdelt2")
    assert len(imported) == len(db.distinct_events(dataset="*")) > 0
    assert set(imported["dataset"]) == {"gdelt2"}


def test_interchange_cli_import_export_and_dataset_options(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    result = runner.invoke(
        app, ["import", str(DATA / "gdelt2_bad.export.CSV"), "--format", "gdelt2", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "events stored: 2" in result.output and "bad rows: 2" in result.output
    assert "line 2" in result.output  # the bad row, with its line
    again = runner.invoke(
        app, ["import", str(DATA / "gdelt2_bad.export.CSV"), "--format", "gdelt2", "--db", db]
    )
    assert "already imported: 1" in again.output
    rel = runner.invoke(app, ["relations", "--db", db, "--dataset", "gdelt2", "-f", "csv"])
    assert rel.exit_code == 0 and "CHN-RUS" in rel.output
    gdelt = runner.invoke(app, ["events", "--db", db, "--dataset", "gdelt2", "-f", "gdelt"])
    assert gdelt.exit_code == 0
    assert [len(line.split("\t")) for line in gdelt.output.splitlines()] == [61, 61]
    parquet = runner.invoke(app, ["events", "--db", db, "--dataset", "gdelt2", "-f", "parquet"])
    assert parquet.exit_code == 2  # parquet needs --output
    dump = tmp_path / "dump"
    assert runner.invoke(app, ["export", str(dump), "--db", db]).exit_code == 0
    copy = str(tmp_path / "copy.duckdb")
    back = runner.invoke(app, ["import", str(dump), "--format", "tripolar", "--db", copy])
    assert back.exit_code == 0 and "events 2" in back.output
    report = runner.invoke(
        app,
        ["report", "--db", db, "--dataset", "gdelt2", "--compare", "tripolar", "-o",
         str(tmp_path / "r.html")],
    )  # fmt: skip
    assert report.exit_code == 0, report.output
    assert "Datasets compared: gdelt2 and tripolar" in (tmp_path / "r.html").read_text()
    missing = runner.invoke(app, ["import", str(tmp_path / "nope.CSV"), "-f", "gdelt1", "--db", db])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_interchange_relations_of_a_dataset_without_events_are_empty(store: Store) -> None:
    from tripolar.analytics import relations

    import_events([str(DATA / "gdelt2.export.CSV")], store=store, format="gdelt2")
    assert relations(store.scoped("acled"), actors=["CHN", "RUS"], n_boot=0).empty
    assert relations(store.scoped("gdelt2"), actors=["CHN", "RUS"], n_boot=0)["n_events"].sum() == 2
