"""PETRARCH discard lists: a sentence (or, with "+", a whole story) holding a listed phrase
codes no event; bad lines are reported and the rest used."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripolar.config import Config
from tripolar.errors import DictionaryError
from tripolar.events.discards import DiscardList
from tripolar.pipeline import Pipeline

LIST = """\
# written for these tests
FRIENDLY_MATCH      # sentence level
+HURRICANE SEASON   # story level
+
"""
TEXT = "Japan condemned China on Monday. Japan condemned Russia in a friendly match."


@pytest.fixture(scope="module")
def discards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("discards") / "discards.txt"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_discards_read_phrases_and_report_bad_lines(discards: Path) -> None:
    found = DiscardList.from_files([discards])
    assert found.sentence_phrases == ["friendly match"]
    assert found.story_phrases == ["hurricane season"]
    assert found.problems == [
        f"{discards} line 4: expected a phrase after '+' - the line was skipped"
    ]
    assert found.sentence_discarded("A Friendly  Match in Tokyo")
    assert not found.sentence_discarded("friendly matches")  # whole words only


def test_discards_drop_sentence_and_story_events(discards: Path) -> None:
    plain = Pipeline(Config()).code_text(TEXT)
    assert {e.target for e in plain.events} == {"CHN", "RUS"}
    pipe = Pipeline(Config(discard_files=(discards,)))
    assert [e.target for e in pipe.code_text(TEXT).events] == ["CHN"]
    story = pipe.code_text(TEXT + " The hurricane season began.")
    assert story.events == ()


def test_discards_unreadable_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read the discard list"):
        DiscardList.from_files([tmp_path / "missing.txt"])
