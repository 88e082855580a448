"""Counterparts, through the whole pipeline: "his Chinese counterpart" is China's same
office, never the possessor's; "his counterpart" alone is the other of the last two states
named in the paragraph. Own sentences."""

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
