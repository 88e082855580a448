"""One matcher for verb patterns: dictionary constructs over hand-built dependency parses,
and dictionary patterns through the pipeline and the CLI with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from typer.testing import CliRunner

from tripolar.cli import app
from tripolar.config import Config
from tripolar.errors import ConfigError
from tripolar.events.patterns import VerbPattern, match_verb, read_verb_dictionary
from tripolar.pipeline import Pipeline

DICTIONARY = """\
# written for these tests
&ARMS
+RIFLE
+TANK_SHELL
&FOOD
+FOOD_AID
+GRAIN

--- SUPPLY  [070] ---
SUPPLY
+HAND_OVER
- * &ARMS  [072]
- NOT_* {FOOD AID} (TO +)  [---]
- $ * TO %  [071]

--- LEAVE  [---] ---
LEFT  [032:033]
"""

# (word, head, dep, pos, lemma); heads are absolute indexes
SUPPLIED_RIFLES = [
    ("Arnor", 1, "nsubj", "PROPN", "Arnor"),
    ("supplied", 1, "ROOT", "VERB", "supply"),
    ("new", 3, "amod", "ADJ", "new"),
    ("rifles", 1, "dobj", "NOUN", "rifle"),
    ("to", 1, "prep", "ADP", "to"),
    ("Gondor", 4, "pobj", "PROPN", "Gondor"),
]
NOT_FOOD_AID = [
    ("Arnor", 3, "nsubj", "PROPN", "Arnor"),
    ("did", 3, "aux", "AUX", "do"),
    ("not", 3, "neg", "PART", "not"),
    ("supply", 3, "ROOT", "VERB", "supply"),
    ("food", 5, "compound", "NOUN", "food"),
    ("aid", 3, "dobj", "NOUN", "aid"),
    ("to", 3, "prep", "ADP", "to"),
    ("Gondor", 6, "pobj", "PROPN", "Gondor"),
]


VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    words, heads, deps, pos, lemmas = (list(c) for c in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


@pytest.fixture(scope="module")
def patterns(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], VerbPattern]:
    path = tmp_path_factory.mktemp("verbs") / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return {(p.lemma, p.line): p for p in read_verb_dictionary(path).patterns}


def test_matcher_synset_after_the_verb(patterns: dict[tuple[str, int], VerbPattern]) -> None:
    doc = parse(SUPPLIED_RIFLES)
    match = match_verb(doc[1], patterns["supply", 12])
    assert match is not None and match.code == "072"
    assert [t.text for t in match.words] == ["rifles"]
    other = parse(
        [(w if w != "rifles" else "grain", h, d, p, lem) for w, h, d, p, lem in SUPPLIED_RIFLES]
    )
    assert match_verb(other[1], patterns["supply", 12]) is None


def test_matcher_joined_word_before_the_verb_and_phrases(
    patterns: dict[tuple[str, int], VerbPattern],
) -> None:
    doc = parse(NOT_FOOD_AID)
    actors = {7: 8}  # "Gondor"
    match = match_verb(doc[3], patterns["supply", 13], actors=actors)
    assert match is not None and match.pattern.codes_nothing
    assert [t.text for t in match.targets] == ["Gondor"]
    assert match_verb(doc[3], patterns["supply", 13], actors={}) is None  # "+" needs an actor
    # NOT_*: "not" right before the verb, and no other word between
    gap = parse(NOT_FOOD_AID[:3] + [("quickly", 4, "advmod", "ADV", "quickly")] + [
        (w, h + 1 if h >= 3 else h, d, p, lem) for w, h, d, p, lem in NOT_FOOD_AID[3:]
    ])  # fmt: skip
    assert match_verb(gap[4], patterns["supply", 13], actors={8: 9}) is None


def test_matcher_noun_phrase_words_in_one_phrase(
    patterns: dict[tuple[str, int], VerbPattern],
) -> None:
    # "food" is an object of its own here, not part of the phrase headed by "aid"
    rows = [(w, h, "dobj" if w == "food" else d, p, lem) for w, h, d, p, lem in NOT_FOOD_AID]
    rows = [(w, 3 if w == "food" else h, d, p, lem) for w, h, d, p, lem in rows]
    doc = parse(rows)
    assert match_verb(doc[3], patterns["supply", 13], actors={7: 8}) is None


def test_matcher_actor_slots(patterns: dict[tuple[str, int], VerbPattern]) -> None:
    doc = parse(SUPPLIED_RIFLES)
    match = match_verb(doc[1], patterns["supply", 14], actors={0: 1, 5: 6})
    assert match is not None
    assert [t.text for t in match.sources] == ["Arnor"]
    assert [t.text for t in match.compounds] == ["Gondor"]
    assert match_verb(doc[1], patterns["supply", 14], actors={5: 6}) is None  # no "$"


def test_matcher_multi_word_verb_and_forms(patterns: dict[tuple[str, int], VerbPattern]) -> None:
    doc = parse([
        ("Arnor", 1, "nsubj", "PROPN", "Arnor"),
        ("handed", 1, "ROOT", "VERB", "hand"),
        ("over", 1, "prt", "ADP", "over"),
        ("rifles", 1, "dobj", "NOUN", "rifle"),
    ])  # fmt: skip
    handed = [p for (lemma, _), p in patterns.items() if lemma == "hand"]
    assert {p.code for p in handed if match_verb(doc[1], p) is not None} == {"070", "072"}
    left = parse([
        ("Arnor", 1, "nsubj", "PROPN", "Arnor"),
        ("left", 1, "ROOT", "VERB", "leave"),
        ("for", 1, "prep", "ADP", "for"),
        ("Gondor", 2, "pobj", "PROPN", "Gondor"),
    ])  # fmt: skip
    match = match_verb(left[1], patterns["left", 17])
    assert match is not None and (match.code, match.reverse_code) == ("032", "033")


def test_matcher_leaves_out_coordinated_verbs(patterns: dict[tuple[str, int], VerbPattern]) -> None:
    doc = parse([
        ("Arnor", 1, "nsubj", "PROPN", "Arnor"),
        ("supplied", 1, "ROOT", "VERB", "supply"),
        ("grain", 1, "dobj", "NOUN", "grain"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("bought", 1, "conj", "VERB", "buy"),
        ("rifles", 4, "dobj", "NOUN", "rifle"),
    ])  # fmt: skip
    assert match_verb(doc[1], patterns["supply", 12]) is None


# -- through the pipeline and the CLI, with the real model ---------------------------------

SMALL = """\
--- RESUME  [---] ---
RESUME
- * TALKS (WITH +)  [046]
- * &TIES  [064:064]
&TIES
+TIES
+RELATIONS
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "resume.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_pipeline_codes_with_a_verb_dictionary(small: Path) -> None:
    pipe = Pipeline(Config(verb_files=(small,), verbs_mode="replace"))
    coded = pipe.code_text("Japan resumed talks with China on Monday.")
    assert [(e.source, e.target, e.code) for e in coded.events] == [("JPN", "CHN", "046")]
    assert coded.events[0].rule.startswith("dict:resume.txt:3")
    both = pipe.code_text("Japan has resumed diplomatic relations with China.")
    assert {(e.source, e.target, e.code) for e in both.events} == {
        ("JPN", "CHN", "064"), ("CHN", "JPN", "064"),
    }  # fmt: skip
    assert pipe.code_text("Japan resumed its exports to China.").events == ()


def test_pipeline_replace_mode_needs_a_dictionary() -> None:
    with pytest.raises(ConfigError, match="--verbs FILE"):
        Pipeline(Config(verbs_mode="replace"))


def test_cli_code_with_verbs_explains_the_dictionary_line(small: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(SMALL.replace("RESUME\n", "RESUME\n- * TALKS (WITH + [046]\n"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["code", "--explain", "--verbs", str(bad), "Japan resumed talks with China."]
    )
    assert result.exit_code == 0, result.output
    assert f"{bad} line 3: expected a closing bracket - the line was skipped" in result.stderr
    assert "1 lines skipped" in result.stderr
    assert "JPN -> CHN 046" in result.stdout and "rule dict:bad.txt:4" in result.stdout
    assert f"pattern: {bad} line 4 '- * TALKS (WITH +)  [046]'" in result.stdout
    assert "Traceback" not in result.output


def test_cli_code_verbs_mode_merge_keeps_builtin_patterns(small: Path) -> None:
    text = "Japan condemned China on Monday."
    args = ["code", "--format", "jsonl", "--verbs", str(small)]
    builtin = CliRunner().invoke(app, ["code", "--format", "jsonl", text])
    merged = CliRunner().invoke(app, [*args, text])
    replaced = CliRunner().invoke(app, [*args, "--verbs-mode", "replace", text])
    codes = [json.loads(line)["code"] for line in merged.stdout.splitlines()]
    assert codes == [json.loads(line)["code"] for line in builtin.stdout.splitlines()]
    assert codes and codes[0].startswith("1")  # the built-in "condemn"
    assert replaced.exit_code == 0 and replaced.stdout == ""
    wrong = CliRunner().invoke(app, [*args, "--verbs-mode", "sometimes", text])
    assert wrong.exit_code != 0 and "merge, replace" in wrong.stderr


def test_cli_ingest_with_verbs_reports_bad_lines_and_stores_events(
    small: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(SMALL.replace("RESUME\n", "RESUME\n- * TALKS [04X:\n"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Japan resumed talks with China on Monday.\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    args = ["ingest", str(article), "--db", str(db), "--quiet", "--verbs", str(bad)]
    result = CliRunner().invoke(app, [*args, "--verbs-mode", "replace"])
    assert result.exit_code == 0, result.output
    assert f"{bad} line 3: expected" in result.stderr and "Traceback" not in result.output
    events = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert [(r["source"], r["target"], r["code"]) for r in rows] == [("JPN", "CHN", "046")]
