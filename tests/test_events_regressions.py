"""Constructions found wrong on the demo corpus, and counterparts ("his Chinese counterpart",
"his counterpart"), checked through the whole pipeline. Own sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from tripolar.pipeline import Pipeline

DAY = dt.date(2021, 3, 19)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in pipe.code_text(text, DAY).events}


def test_events_traded_accusations_is_reciprocal_disapproval(pipe: Pipeline) -> None:
    found = triples(pipe, "Brazilian and Argentine diplomats traded accusations in Geneva.")
    assert {(s[:3], t[:3], c) for s, t, c in found} == {
        ("BRA", "ARG", "112"),
        ("ARG", "BRA", "112"),
    }


def test_events_trade_with_stays_economic_cooperation(pipe: Pipeline) -> None:
    found = triples(pipe, "Kazakhstan and Uzbekistan traded with each other for decades.")
    assert all(code == "061" for _, _, code in found)


def test_events_target_inside_the_object_beats_a_date_phrase(pipe: Pipeline) -> None:
    found = triples(pipe, "Canada imposed tariffs on Mexican steel on Monday.")
    assert ("CAN", "MEX", "163") in {(s[:3], t[:3], c) for s, t, c in found}


def test_events_hedged_conflict_is_not_coded(pipe: Pipeline) -> None:
    assert (
        triples(pipe, "Officials said Ottawa could eventually impose tariffs on Mexico.") == set()
    )


# --- counterparts: China's same office, never the possessor's; alone, the other side


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan foreign minister met his Ghanaian counterpart.", ("KENGOV", "GHAGOV", "040")),
        ("Kenya's defence minister met his Ghanaian counterpart.", ("KENMIL", "GHAMIL", "040")),
    ],
)
def test_counterparts_named_by_their_state(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(pipe, text) == {expected}


def test_his_counterpart_is_the_other_side(pipe: Pipeline) -> None:
    text = (
        "The Kenyan president spoke with the Ghanaian president on Monday. "
        "The Kenyan president then criticized his counterpart."
    )
    assert ("KENGOV", "GHAGOV", "111") in triples(pipe, text)


def test_his_counterpart_with_one_state_named_is_nobody(pipe: Pipeline) -> None:
    assert triples(pipe, "The Kenyan president criticized his counterpart.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "His counterpart denounced the decision of Portugal.",
        "The Danish minister said her counterpart criticized Norway on Monday.",
    ],
)
def test_counterpart_as_the_subject_codes_without_recursion(pipe: Pipeline, text: str) -> None:
    # the counterpart's owner is looked up among its clause's subjects, which hold it
    found = triples(pipe, text)
    assert all(source != target for source, target, _ in found)
