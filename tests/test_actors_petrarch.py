"""Reading TABARI/PETRARCH dictionaries (own snippets; the validation files only if present)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from tripolar.actors import ActorDictionary, ActorResolver, parse_petrarch_date
from tripolar.actors.petrarch import read_actor_file, read_agent_file, regular_plural
from tripolar.errors import DictionaryError

D = dt.date

ACTORS = """\
<!-- a test dictionary
     spread over two lines -->
WESTERLAND [WST] # a comment
+WESTERLANDER
ESTERBURG_ [ESB]
NORTH_MARCHES  [NMR]
GRIMBOLD THE_TALL
    [GRM <991231]
    [GRMGOV 000101-051231]   # both ends inclusive
    [GRMELI >20051231]
OLD_GUARD  [OLD]
    [OLDREB 120301-120331]
SKIPPED_THING [---]
TWIN_REALMS [TWA/TWB]
HOBBIT [hob]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
MINISTER [~GOV] # plural made by rule
DEPUTY {DEPUTIES_OF_STATE} [~LEG]
MILITIA {} [~REB]
CONGRESS!PERSON! [~LEG]
RIGHTS_BODY [NGO~]
<!-- ignored [~XXX] -->
POLICE {} [ ~COP]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_petrarch_dates_use_century_window() -> None:
    assert parse_petrarch_date("121109") == D(2012, 11, 9)
    assert parse_petrarch_date("291231") == D(2029, 12, 31)
    assert parse_petrarch_date("950101") == D(1995, 1, 1)
    assert parse_petrarch_date("19950601") == D(1995, 6, 1)


def test_petrarch_actor_entries_synonyms_and_stems(tmp_path: Path) -> None:
    entries = {e.name: e for e in read_actor_file(write(tmp_path, "a.txt", ACTORS))}
    assert set(entries) >= {"WESTERLAND", "ESTERBURG", "GRIMBOLD THE TALL", "TWIN REALMS"}
    west = entries["WESTERLAND"]
    assert [p.text for p in west.patterns] == ["WESTERLAND", "WESTERLANDER"]
    assert all(p.stem for p in west.patterns)
    assert not entries["ESTERBURG"].patterns[0].stem  # trailing underscore: exact
    assert entries["TWIN REALMS"].default == ("TWA", "TWB")
    assert entries["HOBBIT"].default == ("HOB",)


def test_petrarch_actor_date_restrictions(tmp_path: Path) -> None:
    entries = {e.name: e for e in read_actor_file(write(tmp_path, "a.txt", ACTORS))}
    grim = entries["GRIMBOLD THE TALL"]
    assert grim.codes_on(D(1999, 12, 30)) == ("GRM",)
    assert grim.codes_on(D(2000, 1, 1)) == ("GRMGOV",)
    assert grim.codes_on(D(2005, 12, 31)) == ("GRMGOV",)
    assert grim.codes_on(D(2006, 1, 1)) == ("GRMELI",)
    old = entries["OLD GUARD"]
    assert old.codes_on(D(2012, 3, 15)) == ("OLDREB",)
    assert old.codes_on(D(2013, 3, 15)) == ("OLD",)
    assert old.codes_on(None) == ("OLD",)


def test_petrarch_agents_plurals_substitutions_prefix(tmp_path: Path) -> None:
    agents = read_agent_file(write(tmp_path, "g.txt", AGENTS))
    forms = {p.text: a for a in agents for p in a.patterns}
    assert forms["MINISTERS"].code == "GOV"
    assert "DEPUTIES OF STATE" in forms and "DEPUTYS" not in forms
    assert "MILITIAS" not in forms  # {} means no plural
    assert {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"} <= set(forms)
    assert forms["RIGHTS BODY"].prefix and forms["RIGHTS BODY"].code == "NGO"
    assert forms["POLICE"].code == "COP"
    assert not any(a.code == "XXX" for a in agents)
    assert regular_plural("AUTHORITY") == "AUTHORITIES" and regular_plural("PRESS") == "PRESSES"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("GOOD [GOO]\nBAD [BA D]\n", 2),
        ("+ORPHAN\n", 1),
        ("FIRST [AAA]\n    [BBB 991301-000101]\n", 2),
        ("NOCODE\nNEXT [NXT]\n", 1),
        ("A [AAA]\n<!-- never closed\n", 2),
        ("RANGE [R]\n  [R2 100101-090101]\n", 2),
    ],
)
def test_petrarch_bad_actor_lines_raise_with_line(tmp_path: Path, text: str, line: int) -> None:
    path = write(tmp_path, "bad.txt", text)
    with pytest.raises(DictionaryError) as info:
        read_actor_file(path)
    assert info.value.line == line
    assert info.value.path == str(path)
    assert f"line {line}" in str(info.value)


def test_petrarch_bad_agent_lines_raise(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="substitution"):
        read_agent_file(write(tmp_path, "g.txt", "!UNKNOWN!_THING [~GOV]\n"))
    with pytest.raises(DictionaryError, match="line 1"):
        read_agent_file(write(tmp_path, "g2.txt", "NO_CODE_HERE\n"))


def test_petrarch_missing_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        ActorDictionary.from_petrarch([tmp_path / "absent.txt"], [])


def test_petrarch_user_codes_flow_through_resolver(nlp: Language, tmp_path: Path) -> None:
    user = ActorDictionary.from_petrarch(
        [write(tmp_path, "a.txt", ACTORS)], [write(tmp_path, "g.txt", AGENTS)]
    )
    resolver = ActorResolver(ActorDictionary.builtin().merged(user), nlp)
    doc = nlp("The Hobbit minister met Westerlanders and Grimbold the Tall near Esterburgers.")
    found = {m.text: m.codes for m in resolver.find_mentions(doc, D(2003, 5, 1))}
    assert found["Hobbit minister"] == ("HOBGOV",)
    assert found["Westerlanders"] == ("WST",)  # stem match
    assert found["Grimbold the Tall"] == ("GRMGOV",)
    assert "Esterburgers" not in found  # exact entry


def test_petrarch_null_code_entries_are_not_mentions(nlp: Language, tmp_path: Path) -> None:
    user = ActorDictionary.from_petrarch([write(tmp_path, "a.txt", ACTORS)], [])
    resolver = ActorResolver(user, nlp)
    mentions = resolver.find_mentions(nlp("The skipped thing met the Twin Realms."), None)
    assert [(m.text, m.codes) for m in mentions] == [("Twin Realms", ("TWA", "TWB"))]


VALIDATION = Path("/work/shared/eval/petrarch2_validate_dicts")


@pytest.mark.skipif(not VALIDATION.is_dir(), reason="PETRARCH validation dictionaries absent")
def test_petrarch_reads_the_validation_dictionaries() -> None:
    user = ActorDictionary.from_petrarch(
        [VALIDATION / "PETR.Validate.actors.txt"], [VALIDATION / "PETR.Validate.agents.txt"]
    )
    assert len(user.actors) > 100 and len(user.agents) > 80
    assert user.codes_for("Arnor") == ("ARN",)
    sam = user.lookup("Sam Gamgee")[0]
    assert sam.codes_on(D(2010, 1, 10)) == ("ORCHOB",)  # listed first, so it wins
    assert sam.codes_on(D(2012, 12, 1)) == ("HOBGOV",)
    assert sam.codes_on(D(2014, 1, 1)) == ("HOBELI",)
    assert any(p.text == "MINISTER OF SILLY WALKS" for a in user.agents for p in a.patterns)
