"""Reading other projects' event files: GDELT 1.0/2.0, ICEWS, POLECAT, Phoenix and PETRARCH.

The sample files in tests/data/interchange were written by hand from the formats' public
codebooks (docs/interchange.md); their values are made up.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tripolar.errors import IngestError
from tripolar.events.codebook import Codebook
from tripolar.interchange import import_events
from tripolar.interchange.countries import CountryMapper
from tripolar.interchange.polecat import plover_table
from tripolar.store import Store

DATA = Path(__file__).parent / "data" / "interchange"


def _rows(store: Store, dataset: str) -> list[tuple[object, ...]]:
    frame = store.events(dataset=dataset)
    columns = ["original_id", "event_date", "source", "target", "code", "goldstein",
               "quad_class", "url", "dataset_mentions"]  # fmt: skip
    return [
        tuple(None if value != value or value is None else value for value in row)
        for row in frame[columns].astype(object).itertuples(index=False)
    ]


def test_interchange_gdelt2_rows_become_events(store: Store) -> None:
    summary = import_events([str(DATA / "gdelt2.export.CSV")], store=store, format="gdelt2")
    assert (summary.rows, summary.stored, summary.failed) == (4, 4, 0)
    rows = _rows(store, "gdelt2")
    day = dt.datetime(2022, 2, 4)
    assert rows[0] == ("1000000001", day, "CHNGOV", "RUSGOV", "057", 8.0, 1,
                       "https://example.org/a", 10)  # fmt: skip
    assert rows[2][2:5] == ("USAGOV", "RUSGOV", "163")
    # an actor code without a country ("GOV") is not given one: unknown, and counted
    assert rows[3][2] == "---GOV"
    assert summary.unmapped == {"GOV": 1}
    frame = store.events(dataset="gdelt2")
    assert set(frame["rule"]) == {"import:gdelt2"}
    assert frame["tone"].tolist() == [2.5, 1.0, -6.1, 0.0]


def test_interchange_gdelt1_reads_daily_and_backfile_rows(store: Store) -> None:
    summary = import_events([str(DATA / "gdelt1.export.CSV")], store=store, format="gdelt1")
    assert (summary.stored, summary.failed) == (3, 0)
    rows = _rows(store, "gdelt1")
    assert rows[0][7] == "https://example.org/a"  # 58 columns: SOURCEURL last
    assert rows[2][7] is None  # 57 columns (backfile): no URL
    assert rows[2][2:5] == ("USAGOV", "RUSGOV", "163")


def test_interchange_bad_rows_are_reported_with_file_and_line(store: Store) -> None:
    path = str(DATA / "gdelt2_bad.export.CSV")
    summary = import_events([path], store=store, format="gdelt2")
    assert (summary.rows, summary.stored, summary.failed) == (4, 2, 2)
    assert [(f.path, f.line) for f in summary.failures] == [(path, 2), (path, 3)]
    assert "SQLDATE '2022-02-30'" in summary.failures[0].reason
    assert "3 tab-separated columns, expected 61" in summary.failures[1].reason
    stored = store.failures()
    assert sorted(stored["line"].tolist()) == [2, 3]


def test_interchange_icews_names_become_iso_codes(store: Store) -> None:
    path = DATA / "icews.20220201-20220331.tab"
    summary = import_events([str(path)], store=store, format="icews")
    assert (summary.stored, summary.failed) == (5, 0)
    frame = store.events(dataset="icews")
    # "Russian Federation" -> RUS; codes written without leading zeros ("57") are CAMEO 057
    assert frame["source"].tolist()[:3] == ["CHN", "CHN", "USA"]
    assert frame["target"].tolist()[:3] == ["RUS", "RUS", "RUS"]
    assert frame["code"].tolist() == ["057", "042", "163", "040", "020"]
    # the same Event ID on two dates is two events (id and date are the key)
    assert frame["original_id"].tolist()[:2] == ["926685", "926685"]
    assert frame["goldstein"].tolist()[:3] == [8.0, 1.9, -8.0]  # Intensity
    assert frame["source_text"].iloc[0] == "Xi Jinping (Government,Executive)"
    # a country no table knows is not guessed
    assert frame["source"].iloc[3] == "---"
    # no country: an organisation the actor dictionary names
    assert frame["source"].iloc[4] == "IGOUNO"
    assert summary.unmapped == {"Atlantis": 1}


def test_interchange_polecat_types_map_through_the_plover_table(store: Store) -> None:
    path = str(DATA / "polecat.tsv")
    summary = import_events([path], store=store, format="polecat")
    assert (summary.rows, summary.stored, summary.failed) == (4, 3, 1)
    frame = store.events(dataset="polecat")
    assert frame["code"].tolist() == ["030", "042", "160"]  # AGREE, CONSULT+visit, SANCTION
    assert frame["quad_class"].tolist() == [1, 1, 4]
    assert (summary.failures[0].line, summary.failures[0].path) == (5, path)
    assert "CRIME" in summary.failures[0].reason


def test_interchange_plover_table_codes_are_cameo_codes() -> None:
    book = Codebook.load()
    table = plover_table()
    assert len(table) > 40
    assert all(code in book for code in table.values())
    types = {plover for plover, _ in table}
    polecat = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT"}  # fmt: skip
    assert polecat <= types
    assert "CRIME" not in types


def test_interchange_phoenix_and_petrarch_lines(store: Store) -> None:
    summary = import_events(
        [str(DATA / "phoenix.20220204.txt"), str(DATA / "petrarch_events.txt")],
        store=store,
        format="phoenix",
    )
    assert (summary.files, summary.stored, summary.failed) == (2, 4, 0)
    frame = store.events(dataset="phoenix")
    assert sorted(frame["original_id"]) == [
        "20220204-1", "20220224-2", "TAS20220204.0007-2", "XIN20220204.0001-1",
    ]  # fmt: skip
    petrarch = frame[frame["original_id"] == "TAS20220204.0007-2"].iloc[0]
    assert (petrarch["source"], petrarch["target"], petrarch["code"]) == ("RUSGOV", "CHNGOV", "042")
    assert petrarch["url"] == "https://example.org/x2"


def test_interchange_reimport_is_a_no_op(store: Store) -> None:
    path = str(DATA / "gdelt2.export.CSV")
    import_events([path], store=store, format="gdelt2")
    before = store.counts()
    again = import_events([path], store=store, format="gdelt2")
    assert (again.files, again.files_skipped, again.stored) == (0, 1, 0)
    assert store.counts() == before


def test_interchange_interrupted_import_resumes(store: Store, tmp_path: Path) -> None:
    full = (DATA / "gdelt2.export.CSV").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "day.export.CSV"
    path.write_text("".join(full[:2]), encoding="utf-8")  # what was stored before a crash
    first = import_events([str(path)], store=store, format="gdelt2")
    assert first.stored == 2
    path.write_text("".join(full), encoding="utf-8")
    resumed = import_events([str(path)], store=store, format="gdelt2", batch_rows=1)
    assert (resumed.stored, resumed.duplicates) == (2, 2)
    assert len(store.events(dataset="gdelt2")) == 4


def test_interchange_reads_compressed_files_folders_and_stdin(store: Store, tmp_path: Path) -> None:
    raw = (DATA / "gdelt2.export.CSV").read_bytes()
    lines = raw.splitlines(keepends=True)
    (tmp_path / "a.CSV.gz").write_bytes(gzip.compress(lines[0]))
    (tmp_path / "b.CSV.bz2").write_bytes(bz2.compress(lines[1]))
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as archive:
        archive.writestr("c.export.CSV", lines[2])
    summary = import_events([str(tmp_path)], store=store, format="gdelt2")
    assert (summary.files, summary.stored, summary.failed) == (3, 3, 0)
    piped = import_events(["-"], store=store, format="gdelt2", stdin=io.BytesIO(lines[3]))
    assert piped.stored == 1
    assert len(store.events(dataset="gdelt2")) == 4


def test_interchange_missing_file_and_wrong_header_are_failures(
    store: Store, tmp_path: Path
) -> None:
    wrong = tmp_path / "not_icews.tab"
    shutil.copy(DATA / "polecat.tsv", wrong)
    summary = import_events(
        [str(tmp_path / "missing.tab"), str(wrong)], store=store, format="icews"
    )
    assert summary.stored == 0
    reasons = [f.reason for f in summary.failures]
    assert "no such file or directory" in reasons[0]
    assert "header row lacks column(s)" in reasons[1] and summary.failures[1].line == 1


def test_interchange_own_dataset_name_is_reserved(store: Store) -> None:
    with pytest.raises(IngestError, match="reserved"):
        import_events([str(DATA / "polecat.tsv")], store=store, format="polecat",
                      dataset="tripolar")  # fmt: skip


def test_interchange_country_mapper_uses_pycountry_and_the_actor_dictionary() -> None:
    mapper = CountryMapper()
    assert mapper.country("Russian Federation") == "RUS"  # pycountry's name
    assert mapper.country("Russia") == "RUS"  # the actor dictionary's short name
    assert mapper.country("KR") == "KOR"  # alpha-2
    assert mapper.country("Narnia") is None
    assert mapper.actor("IGOUNO") == "IGOUNO"
    assert mapper.actor("GOV", "China") == "CHNGOV"
    assert mapper.unmapped == {"Narnia": 1}


def test_interchange_reads_zstd_files_when_zstandard_is_installed(
    store: Store, tmp_path: Path
) -> None:
    zstandard = pytest.importorskip("zstandard")
    data = (DATA / "gdelt2.export.CSV").read_bytes()
    (tmp_path / "day.CSV.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    summary = import_events([str(tmp_path / "day.CSV.zst")], store=store, format="gdelt2")
    assert summary.stored == 4


def test_interchange_database_api_takes_a_dataset(tmp_path: Path) -> None:
    import tripolar

    db = tripolar.open(tmp_path / "api.duckdb", create=True)
    import_events([str(DATA / "gdelt2.export.CSV")], store=db.store, format="gdelt2")
    assert len(db.events(dataset="gdelt2")) == 4 and len(db.events()) == 0
    series = db.relations(dataset="gdelt2", n_boot=0)
    assert series.groupby("dyad")["n_events"].sum().to_dict() == {
        "CHN-RUS": 2, "CHN-USA": 0, "RUS-USA": 1,
    }  # fmt: skip
    assert db.datasets()["dataset"].tolist() == ["gdelt2"]
    assert db.compare("gdelt2")["n_events_b"].tolist() == [2, 0, 1]
    db.close()


def test_interchange_truncated_archive_keeps_the_rows_before(store: Store, tmp_path: Path) -> None:
    data = gzip.compress((DATA / "gdelt2.export.CSV").read_bytes() * 100)
    broken = tmp_path / "cut.CSV.gz"
    broken.write_bytes(data[: len(data) // 2])
    summary = import_events([str(broken)], store=store, format="gdelt2", batch_rows=50)
    assert summary.stored == 4  # the four distinct events of the first rows
    assert "could not be read to the end" in summary.failures[-1].reason
    assert summary.failures[-1].path == str(broken)
