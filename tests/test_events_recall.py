"""Recall constructions added in issue 3, round 3: attempted acts, "up to N" objects,
actors one modifier deeper, participle agents as owners, targets of force taken from a
purpose clause, the main clause or the place, nouns after a duration ("ten days of war
games"), fighting "after" a clause, and new verbs of roots 07-19. Own sentences only."""

from __future__ import annotations

import pytest
from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Finland": "FIN",
    "Chilean": "CHL",
    "Peruvian": "PER",
    "Peru": "PER",
    "Peruvian President": "PERGOV",
    "Bolivian": "BOL",
    "Kenyan police": "KENCOP",
    "Kenya": "KEN",
    "Estonian army": "ESTMIL",
    "Estonian": "EST",
    "Latvian": "LVA",
    "Latvia": "LVA",
    "Mongolian": "MNG",
    "Canadian": "CAN",
    "Portugal": "PRT",
    "Greek": "GRC",
    "Nepal": "NPL",
    "Nepalese soldiers": "NPLMIL",
    "Malian rebels": "MLIREB",
    "Malian": "MLI",
    "Ghana": "GHA",
    "Togo": "TGO",
    "Austria": "AUT",
    "Danish": "DNK",
    "Uruguay": "URY",
    "Paraguay": "PRY",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_recall_attempted_act_is_coded_as_the_act(nlp: Language, coder: EventCoder) -> None:
    text = "Norway tried to hack into the servers of Finland last week."
    assert ("NOR", "FIN", "176") in code(nlp, coder, text)


def test_recall_up_to_n_is_the_object_not_a_particle(nlp: Language, coder: EventCoder) -> None:
    text = "Malian rebels abducted up to 12 Togo engineers near the river."
    assert ("MLIREB", "TGO", "181") in code(nlp, coder, text)


def test_recall_actor_one_modifier_deeper(nlp: Language, coder: EventCoder) -> None:
    text = "Uruguay rejected Peruvian President Ana Lopez's offer of a loan."
    assert ("URY", "PERGOV", "120") in code(nlp, coder, text)


def test_recall_participle_agent_owns_the_noun(nlp: Language, coder: EventCoder) -> None:
    text = "Kenyan police prevented a rally organised by Latvian students in the capital."
    assert ("KENCOP", "LVA", "1721") in code(nlp, coder, text)


def test_recall_force_targets_its_purpose_clause(nlp: Language, coder: EventCoder) -> None:
    text = "Kenyan police opened fire to scatter Estonian fans outside the stadium."
    assert ("KENCOP", "EST", "190") in code(nlp, coder, text)


def test_recall_force_without_actor_object_takes_the_place(
    nlp: Language, coder: EventCoder
) -> None:
    text = "Malian rebels killed four herders in a raid in Ghana on Tuesday."
    assert ("MLIREB", "GHA", "190") in code(nlp, coder, text)


def test_recall_ing_clause_is_the_outcome_of_the_main_attack(
    nlp: Language, coder: EventCoder
) -> None:
    # one shelling, not a shelling and a second assault (round 8: counted once)
    text = "Estonian army shelled Latvian positions, wounding nine people."
    assert code(nlp, coder, text) == {("ESTMIL", "LVA", "194")}


def test_recall_ing_clause_inherits_the_main_target(nlp: Language, coder: EventCoder) -> None:
    # the "-ing" clause after an act that is no attack is an act of its own
    text = "Estonian army entered Latvian villages, wounding nine people."
    assert ("ESTMIL", "LVA", "182") in code(nlp, coder, text)


def test_recall_war_games_after_a_duration(nlp: Language, coder: EventCoder) -> None:
    text = "Austria and Portugal began three days of war games near the Azores."
    coded = code(nlp, coder, text)
    assert {("AUT", "PRT", "062"), ("PRT", "AUT", "062")} <= coded


def test_recall_fighting_after_a_clause_is_the_subjects(nlp: Language, coder: EventCoder) -> None:
    text = "Nepalese soldiers retook the pass after heavy fighting with Malian rebels."
    assert ("NPLMIL", "MLIREB", "190") in code(nlp, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway has launched an inquiry into Greek shipping firms.", ("NOR", "GRC", "090")),
        ("Kenyan police rounded up Latvian tourists on Monday.", ("KENCOP", "LVA", "173")),
        ("Kenya pressed Ghana to reopen the border.", ("KEN", "GHA", "100")),
        ("Paraguay ruled out talks with Uruguay.", ("PRY", "URY", "120")),
        ("Peru handed over three captives to Bolivian officials.", ("PER", "BOL", "0841")),
        ("Nepal airlifted food to Mongolian herders.", ("NPL", "MNG", "073")),
        ("Estonian army withdrew from Latvia in May.", ("ESTMIL", "LVA", "087")),
        ("Nepalese soldiers stormed Malian rebels' camp at dawn.", ("NPLMIL", "MLIREB", "190")),
        ("Norway said it would boycott all contact with Finland.", ("NOR", "FIN", "1312")),
    ],
)
def test_recall_new_verb_patterns(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in code(nlp, coder, text)


def test_recall_home_government_for_a_named_union(nlp: Language, coder: EventCoder) -> None:
    # a state name that only modifies the protesters does not make it a diplomatic protest
    text = "The Danish Union of Nurses called off its strike on Friday."
    assert any(s == "DNK" and t == "DNKGOV" and c == "082" for s, t, c in code(nlp, coder, text))


def test_recall_passive_purpose_clause_keeps_the_patient(nlp: Language, coder: EventCoder) -> None:
    text = "Norway was pressured by Finland to help Ghana."
    coded = code(nlp, coder, text)
    assert ("FIN", "GHA", "070") not in coded
