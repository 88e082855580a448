"""The assessment lexicons: loading, validation and phrase matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tripolar.assessments import Lexicon
from tripolar.assessments.lexicon import PhraseTable, term_key
from tripolar.errors import DictionaryError


def test_lexicon_builtin_loads_every_kind_and_category():
    lexicon = Lexicon.builtin()
    kinds = {entry.kind for entry in lexicon.entries.values()}
    assert kinds == {"cue", "shifter", "intensifier", "setter"}
    assert lexicon.entries["rivalry"].polarity < 0 < lexicon.entries["mutual trust"].polarity
    assert all(
        -1.0 <= e.polarity <= 1.0 and 0.0 <= e.intensity <= 1.0 for e in lexicon.entries.values()
    )
    assert "although" in lexicon.categories["concessive"]
    assert lexicon.dimension_words["trade"] == "economic"


def test_lexicon_term_key_splits_hyphens_like_spacy():
    assert term_key("win-win") == ("win", "-", "win")
    assert term_key("Cold War") == ("cold", "war")


def test_lexicon_phrase_table_prefers_longest_match_and_lemmas():
    words = ["a", "new", "cold", "war", "and", "rising", "tensions"]
    doc = Doc(Vocab(), words=words, lemmas=["a", "new", "cold", "war", "and", "rise", "tension"])
    table = PhraseTable(["cold", "cold war", "new cold war", "tension", "rise"])
    found = [(m.start, m.end, m.term) for m in table.find(list(doc))]
    assert found == [(1, 4, "new cold war"), (5, 6, "rise"), (6, 7, "tension")]


def test_lexicon_phrase_table_finds_the_same_in_a_span_as_in_its_tokens():
    words = ["ties", "were", "a", "new", "cold", "war", "and", "deep", "mutual", "trust"]
    lemmas = ["tie", "be", "a", "new", "cold", "war", "and", "deep", "mutual", "trust"]
    doc = Doc(Vocab(), words=words, lemmas=lemmas)
    # "cold peace" shares a beginning with "cold war" but ends elsewhere; "deep mutual trust"
    # is reached through a three-word path
    table = PhraseTable(["tie", "cold peace", "new cold war", "deep mutual trust", "trust"])
    span = doc[2:10]
    in_span = [(m.start, m.end, m.term) for m in table.find(span)]
    assert in_span == [(3, 6, "new cold war"), (7, 10, "deep mutual trust")]
    assert in_span == [(m.start, m.end, m.term) for m in table.find(list(span))]
    assert [m.term for m in table.find(doc[0:1])] == ["tie"]  # by its lemma
    # tokens picked out of order of the Doc match as they stand in the list
    picked = [doc[8], doc[9], doc[0]]
    assert [(m.start, m.term) for m in table.find(picked)] == [(9, "trust"), (0, "tie")]


def test_lexicon_forms_of_a_doc_without_lemmas_are_read_again_once_it_has_them():
    doc = Doc(Vocab(), words=["rising", "tensions"])
    table = PhraseTable(["rise", "tension"])
    assert list(table.find(doc[:])) == []  # no lemmas yet: surface forms only
    doc[0].lemma_, doc[1].lemma_ = "rise", "tension"
    assert [m.term for m in table.find(doc[:])] == ["rise", "tension"]


def test_lexicon_surface_match_strips_inflections_of_unparsed_words():
    table = PhraseTable(["tension", "deepen", "cold war"])
    assert table.matches_surface(["the", "tensions", "grew"])
    assert table.matches_surface(["a", "cold", "war"])
    assert not table.matches_surface(["a", "cold", "morning"])
    assert not table.matches_surface(["markets", "rose"])


def _write(tmp_path: Path, evaluative: str) -> tuple[Path, Path, Path]:
    paths = (tmp_path / "e.tsv", tmp_path / "c.tsv", tmp_path / "d.tsv")
    paths[0].write_text(evaluative, encoding="utf-8")
    paths[1].write_text("negator\tnot\n", encoding="utf-8")
    paths[2].write_text("trade\teconomic\n", encoding="utf-8")
    return paths


def test_lexicon_rejects_unknown_kind_with_line_number(tmp_path):
    paths = _write(
        tmp_path, "# header\nwarm\tcue\t0.5\t0.5\toverall\ncold\tfrosty\t-0.5\t0.5\toverall\n"
    )
    with pytest.raises(DictionaryError, match=r"line 3: unknown kind 'frosty'"):
        Lexicon.from_files(*paths)


def test_lexicon_rejects_short_rows(tmp_path):
    paths = _write(tmp_path, "warm\tcue\t0.5\n")
    with pytest.raises(DictionaryError, match="expected 5 tab-separated fields"):
        Lexicon.from_files(*paths)


DETERMINISM_PROBE = """
import spacy
from spacy.tokens import Doc
from tripolar.assessments.lexicon import PhraseTable
table = PhraseTable(["strong", "stronger", "ties"])
vocab = spacy.blank("en").vocab
doc = Doc(vocab, words=["ever", "stronger", "ties"], lemmas=["ever", "strong", "tie"])
print([m.term for m in table.find(list(doc))])
"""


def test_lexicon_phrase_table_is_the_same_in_every_process() -> None:
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", DETERMINISM_PROBE], capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout.strip())
    assert outputs == {"['stronger', 'ties']"}


def test_lexicon_rejects_a_region_code_that_is_not_three_capitals(tmp_path):
    paths = _write(tmp_path, "warm\tcue\t0.5\t0.5\toverall\n")
    regions = tmp_path / "r.tsv"
    regions.write_text("the west\tWST\nthe north\tnorth\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"line 2: region code 'north'"):
        Lexicon.from_files(*paths, regions)


def test_lexicon_builtin_regions_name_west_and_europe():
    regions = Lexicon.builtin().regions
    assert regions["the west"] == "WST"
    assert regions["europe"] == "EUR"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["tensions", "had", "been", "building"], True),  # plural of a term
        (["relations", "eased", "in", "may"], True),  # -ed of a term ending in e
        (["the", "record", "is", "thinner"], True),  # comparative with a doubled consonant
        (["a", "local", "choir", "sang", "at", "the", "station"], False),  # "at" alone
        (["heavy", "rain", "fell", "all", "afternoon"], False),  # "all" alone
    ],
)
def test_lexicon_surface_match_without_lemmas(words, expected):
    assert Lexicon.builtin().table().matches_surface(words) is expected
