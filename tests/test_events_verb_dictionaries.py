"""Reading PETRARCH/TABARI verb dictionaries: every construct, and bad lines reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripolar.errors import DictionaryError
from tripolar.events import Codebook, PatternSet
from tripolar.events.patterns import (
    ActorSlot,
    NounPhrase,
    PrepPhrase,
    Skip,
    Term,
    read_verb_dictionary,
)
from tripolar.events.patterns.petrarch import plural

SMALL = """\
<!-- A small dictionary written for these tests.
     The comment runs over two lines. -->
&ARMS          # a synset
+RIFLE
+TANK_SHELL
+AMMUNITION_
&WEAPONS
+&ARMS
+MORTAR

--- SUPPLY  [070] ---
SUPPLY {SUPPLIES SUPPLIED}
FURNISH [071]
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
PAR_+BOIL
- * &WEAPONS  [072]          # supplying arms
- NOT_* {FOOD AID} (TO +)  [---]
- $ * % [041:042]
- * ^ AFTER  [:073]

--- VISIT  [042:043] ---
VISIT
~ a (a b VISIT) SAY = a b 042
"""


def write(tmp_path: Path, text: str, name: str = "verbs.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_verb_dictionary_reads_blocks_verbs_and_patterns(tmp_path: Path) -> None:
    result = read_verb_dictionary(write(tmp_path, SMALL))
    verbs = {(p.lemma, p.before, p.after) for p in result.patterns}
    assert verbs == {
        ("supply", (), ()),
        ("furnish", (), ()),
        ("hand", (), ("over",)),
        ("boil", ("par",), ()),
        ("visit", (), ()),
    }
    supply = [p for p in result.patterns if p.lemma == "supply"]
    assert [p.code for p in supply] == ["070", "072", "---", "041", "---"]
    default = supply[0]
    assert default.forms == {"supply", "supplies", "supplied"} and not default.pre
    hand = next(p for p in result.patterns if p.lemma == "hand" and not p.post)
    assert hand.forms == {"hand", "hands", "handed"}
    furnish = next(p for p in result.patterns if p.lemma == "furnish" and not p.post)
    assert furnish.code == "071"  # the verb's own code over the block's
    visit = next(p for p in result.patterns if p.lemma == "visit")
    assert (visit.code, visit.reverse_code) == ("042", "043")


def test_verb_dictionary_pattern_elements(tmp_path: Path) -> None:
    result = read_verb_dictionary(write(tmp_path, SMALL))
    supply = {p.line: p for p in result.patterns if p.lemma == "supply"}
    arms = supply[16].post[0]
    assert isinstance(arms, Term) and arms.synset == "&WEAPONS"
    # embedded synset, plurals added unless the member ends with "_"
    assert {"rifle", "rifles", "mortar", "mortars", "ammunition"} <= {
        " ".join(a) for a in arms.alternatives
    }
    assert ("tank", "shells") in arms.alternatives and ("ammunitions",) not in arms.alternatives
    negated = supply[17]
    assert negated.pre == (Term((("not",),), joined=True),)  # NOT_*: right before the verb
    phrase, prep = negated.post
    assert isinstance(phrase, NounPhrase) and [str(t) for t in phrase.terms] == ["FOOD", "AID"]
    assert prep == PrepPhrase("to", (ActorSlot("target"),))
    assert negated.codes_nothing
    both = supply[18]
    assert both.pre == (ActorSlot("source"),) and both.post == (ActorSlot("compound"),)
    assert (both.code, both.reverse_code) == ("041", "042")
    other_way = supply[19]
    assert isinstance(other_way.post[0], Skip)
    assert (other_way.code, other_way.reverse_code) == ("---", "073")
    assert not other_way.codes_nothing


def test_verb_dictionary_counts_every_line(tmp_path: Path) -> None:
    result = read_verb_dictionary(write(tmp_path, SMALL))
    counts = result.counts
    assert counts["synset"].used == 2 and counts["synset member"].used == 5
    assert counts["verb block"].used == 2 and counts["verb"].used == 5
    assert counts["pattern"].read == 4 and counts["pattern"].used == 4
    assert counts["transformation"].reported == 1  # read, reported, not applied
    assert [p.line for p in result.problems] == [23]
    assert not result.problems[0].skipped and result.skipped == 0


def test_verb_dictionary_reports_bad_lines_and_loads_the_rest(tmp_path: Path) -> None:
    text = """\
--- MEET [040] ---
MEET
- * WITH +  [040
- * * TALKS [043]
- * (WITH + [043]
- * &NOSUCHSET [043]
- * {ALLIES  [043]}
a stray line
--- BROKEN HEADER ---
- * TALKS [043]
- * SUMMIT [043]
"""
    result = read_verb_dictionary(write(tmp_path, text))
    problems = {p.line: p.message for p in result.problems}
    assert set(problems) == {3, 4, 5, 6, 7, 8, 9, 10, 11}
    assert "code in brackets" in problems[3]
    assert "one '*'" in problems[4]
    assert "closing bracket" in problems[5]
    assert "&NOSUCHSET" in problems[6]
    assert "--- NAME [CODE] ---" in problems[9] and "first" in problems[10]  # not MEET's
    assert all(str(tmp_path / "verbs.txt") in str(p) for p in result.problems)
    assert result.skipped == 9
    assert "9 lines skipped" in result.summary()
    assert [p.code for p in result.patterns] == ["040"]  # MEET's default


@pytest.mark.parametrize("text", ["", "# only a comment\n\n<!-- and this -->\n"])
def test_verb_dictionary_empty_file_is_an_error(tmp_path: Path, text: str) -> None:
    with pytest.raises(DictionaryError, match="empty"):
        read_verb_dictionary(write(tmp_path, text))


def test_verb_dictionary_unreadable_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        read_verb_dictionary(tmp_path / "missing.txt")


def test_verb_dictionary_hash_inside_a_code_is_no_comment(tmp_path: Path) -> None:
    text = "--- TEST [010] ---\nTEST\n- * SECRET [###]  # a private code\n"
    result = read_verb_dictionary(write(tmp_path, text))
    assert [p.code for p in result.patterns] == ["010", "###"]


def test_plural_rules() -> None:
    assert [plural(w) for w in ("tank", "embassy", "day", "tax", "church", "bus")] == [
        "tanks", "embassies", "days", "taxes", "churches", "buses",
    ]  # fmt: skip


def test_pattern_set_merge_puts_dictionary_patterns_first(tmp_path: Path) -> None:
    text = "--- MEET [043] ---\nMEET\n- * SUMMIT [043]\n"
    dictionary = read_verb_dictionary(write(tmp_path, text))
    builtin = PatternSet.load(Codebook.load())
    merged = builtin.with_dictionaries([dictionary], "merge")
    meet = merged.verb_patterns("met", "meet")
    assert [p.from_dictionary for p in meet[:2]] == [True, True]
    assert meet[0].post and meet[2:] and not any(p.from_dictionary for p in meet[2:])
    replaced = builtin.with_dictionaries([dictionary], "replace")
    assert all(p.from_dictionary for p in replaced.all_verbs()) and not replaced.all_nouns()
    assert builtin.verb_patterns("met", "meet") == builtin.verbs["meet"]
