"""The CAMEO -> PLOVER table (src/tripolar/events/data/plover.tsv) and its loader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from eval_plover import load_plover_map


@pytest.fixture(scope="module")
def table():
    return load_plover_map()


def test_eval_plover_every_cameo_root_is_listed(table):
    assert {f"{n:02d}" for n in range(1, 21)} <= set(table.rows)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("036", "AGREE"),
        ("0356", "AGREE"),
        ("042", "CONSULT"),
        ("057", "SUPPORT"),
        ("064", "COOPERATE"),
        ("081", "CONCEDE"),
        ("0813", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0871", "RETREAT"),
        ("094", "INVESTIGATE"),
        ("1056", "DEMAND"),
        ("1124", "DISAPPROVE"),
        ("129", "REJECT"),
        ("1384", "THREATEN"),
        ("145", "PROTEST"),
        ("154", "MOBILIZE"),
        ("163", "SANCTION"),
        ("173", "COERCE"),
        ("175", "ASSAULT"),
        ("1823", "ASSAULT"),
        ("190", "FIGHT"),
        ("191", "COERCE"),
        ("192", "COERCE"),
        ("2042", "FIGHT"),
        ("174K", "COERCE"),
    ],
)
def test_eval_plover_longest_prefix_lookup(table, code, kind):
    assert table.type_of(code) == kind


def test_eval_plover_statements_and_appeals_are_dropped(table):
    assert table.type_of("010") is None and table.is_dropped("010")
    assert table.type_of("0214") is None and table.is_dropped("0214")
    assert table.type_of("990") is None and not table.is_dropped("990")


def test_eval_plover_modes_for_consult(table):
    assert table.row_of("041").mode == "phone"
    assert table.row_of("0411") is not None and table.row_of("0411").cameo == "041"


def test_eval_plover_has_the_eighteen_types_of_plover_0_5(table):
    assert len(table.types) == 18
    assert "FIGHT" in table.types and "CRIME" not in table.types


def test_eval_plover_rejects_a_malformed_line(tmp_path):
    bad = tmp_path / "plover.tsv"
    bad.write_text("cameo\tplover\tmode\tnote\n04\tCONSULT\nx4\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_plover_map(bad)


def test_eval_plover_requires_the_header(tmp_path):
    bad = tmp_path / "plover.tsv"
    bad.write_text("04\tCONSULT\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        load_plover_map(bad)
