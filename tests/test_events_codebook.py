"""Integrity of the CAMEO codebook data file."""

from __future__ import annotations

import pytest

from tripolar.errors import DictionaryError, UnknownEventCode
from tripolar.events import Codebook, quad_class_of_root


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.load()


def test_codebook_has_every_root(book: Codebook) -> None:
    roots = {c.code for c in book.roots()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_codebook_has_every_three_digit_x0_code(book: Codebook) -> None:
    for n in range(1, 21):
        assert f"{n:02d}0" in book


def test_codebook_size_matches_cameo(book: Codebook) -> None:
    three = [c for c in book if len(c.code) == 3]
    four = [c for c in book if len(c.code) == 4]
    assert 140 <= len(three) <= 160
    assert 130 <= len(four) <= 160


def test_codebook_every_code_has_its_parent(book: Codebook) -> None:
    for code in book:
        if code.parent is not None:
            assert code.parent in book, code.code
        assert code.root == code.code[:2]


def test_codebook_values_in_range_and_quad_by_root(book: Codebook) -> None:
    for code in book:
        assert -10.0 <= code.goldstein <= 10.0
        assert code.quad_class == quad_class_of_root(code.root)
        assert code.name


@pytest.mark.parametrize(
    ("code", "goldstein", "quad"),
    [
        ("042", 1.9, 1),
        ("046", 7.0, 1),
        ("057", 8.0, 1),
        ("0874", 10.0, 2),
        ("111", -2.0, 3),
        ("163", -8.0, 4),
        ("190", -10.0, 4),
        ("130", -4.4, 3),
        ("062", 7.4, 2),
    ],
)
def test_codebook_known_goldstein_values(
    book: Codebook, code: str, goldstein: float, quad: int
) -> None:
    entry = book.get(code)
    assert entry.goldstein == goldstein
    assert entry.quad_class == quad


def test_codebook_cooperation_positive_conflict_negative(book: Codebook) -> None:
    for code in book:
        if code.root in ("03", "04", "05", "06", "07", "08"):
            assert code.goldstein > 0, code.code
        if int(code.root) >= 9:
            assert code.goldstein < 0, code.code


def test_codebook_unknown_code_raises(book: Codebook) -> None:
    assert "999" not in book
    with pytest.raises(UnknownEventCode, match="E031"):
        book.get("999")


def test_codebook_rejects_malformed_file(tmp_path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("code\tquad_class\tgoldstein\tname\n042\t3\t1.9\tMake a visit\n")
    with pytest.raises(DictionaryError, match="quad class"):
        Codebook.load(bad)
    bad.write_text("042\t1\t11.0\tMake a visit\n")
    with pytest.raises(DictionaryError, match="outside"):
        Codebook.load(bad)
