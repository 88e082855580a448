"""A leader's surname that is also a common word ("May" of Theresa May, "Moon" of Moon
Jae-in) stands for that leader once the story has named them in full, and only where it
reads as a name: never after a determiner ("the Moon"), never as a date ("in May", "May
2018"), and a "May" the parser took for a modal before a past-tense verb is the subject, so
the act is coded, not hedged (`tripolar.actors.officials`). All sentences are written here."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.pipeline import Pipeline

D = dt.date(2018, 3, 20)
MAY = "Prime Minister Theresa May met the Danish premier in London on Tuesday.\n\n"
MOON = "South Korean President Moon Jae-in toured a factory in Busan.\n\n"


def refs(resolver: ActorResolver, nlp: Language, text: str) -> list[tuple[str, tuple[str, ...]]]:
    found = resolver.find_mentions(nlp(text), D)
    return [(m.text, m.codes) for m in found if m.kind == "reference" and m.text in ("May", "Moon")]


def acts(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    coded = pipeline.code_text(text, D)
    return [(e.source, e.target, e.root) for e in coded.events if e.sentence_index > 0]


def test_surname_of_a_named_leader_is_that_leader(resolver: ActorResolver, nlp: Language) -> None:
    assert refs(resolver, nlp, MAY + "May said the talks went well.") == [("May", ("GBRGOV",))]
    assert refs(resolver, nlp, MOON + "Moon said the talks went well.") == [("Moon", ("KORGOV",))]


def test_bare_surname_is_the_one_person_of_it_in_office(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Moon said the talks went well."
    assert refs(resolver, nlp, text) == [("Moon", ("KORGOV",))]
    # years after his term: no one in office bears it, so it stays a word
    later = resolver.find_mentions(nlp(text), dt.date(2024, 6, 1))
    assert [m.text for m in later] == []


def test_bare_surname_of_two_people_in_office_stays_a_word(
    resolver: ActorResolver, nlp: Language
) -> None:
    found = resolver.find_mentions(nlp("Kim said the talks went well."), D)
    assert [m.text for m in found] == []


def test_bare_surname_inside_another_name_stays_a_word(
    resolver: ActorResolver, nlp: Language
) -> None:
    # the story names another Moon: the bare surname may be that one
    text = "Envoy Moon Chung-seo flew to Seoul.\n\nMoon said the talks went well."
    assert refs(resolver, nlp, text) == []


def test_bare_surname_that_is_a_pronoun_is_no_person(
    resolver: ActorResolver, nlp: Language
) -> None:
    # "He" is a Chinese surname too
    found = resolver.find_mentions(nlp("He said the talks went well."), dt.date(2024, 6, 1))
    assert [m.text for m in found] == []


def test_surname_after_a_determiner_is_no_person(resolver: ActorResolver, nlp: Language) -> None:
    text = MOON + "The probe will orbit the Moon next year."
    assert refs(resolver, nlp, text) == []


def test_month_surname_in_a_date_stays_a_date(resolver: ActorResolver, nlp: Language) -> None:
    for tail in (
        "The ministers will meet again in May.",
        "Elections are due on May 3.",
        "The accord was signed in May 2017.",
        "Talks resumed on 3 May after a pause.",
    ):
        assert refs(resolver, nlp, MAY + tail) == [], tail


def test_month_surname_as_modal_stays_a_modal(resolver: ActorResolver, nlp: Language) -> None:
    assert refs(resolver, nlp, MAY + "May they find peace.") == []


def test_surname_parsed_as_modal_does_not_hedge_the_act(coding_pipeline: Pipeline) -> None:
    text = MAY + "May condemned Russia over the poisoning."
    assert ("GBRGOV", "RUS", "11") in acts(coding_pipeline, text)
    coded = coding_pipeline.code_text("May condemned Russia over the poisoning.", D)
    assert [(e.source, e.target, e.root) for e in coded.events] == [("GBRGOV", "RUS", "11")]


def test_month_surname_leaves_a_real_modal_hedged(coding_pipeline: Pipeline) -> None:
    # lower-case "may" is the modal: the act is not coded as done
    text = MAY + "Britain may condemn Russia over the poisoning."
    assert acts(coding_pipeline, text) == []


def persons(resolver: ActorResolver, nlp: Language, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.codes) for m in resolver.find_mentions(nlp(text), D) if m.kind == "person"]


def test_title_before_a_surname_is_the_leader(resolver: ActorResolver, nlp: Language) -> None:
    # the surname is the last word of a Western name and the first of a Korean one
    assert persons(resolver, nlp, "Prime Minister May flew to Brussels.") == [
        ("Prime Minister May", ("GBRGOV",))
    ]
    assert persons(resolver, nlp, "President Moon flew to Pyongyang.") == [
        ("President Moon", ("KORGOV",))
    ]


def test_title_before_a_given_name_is_no_leader(resolver: ActorResolver, nlp: Language) -> None:
    assert persons(resolver, nlp, "President Jae-in flew to Pyongyang.") == []
    assert persons(resolver, nlp, "Prime Minister Theresa flew to Brussels.") == []


def test_title_and_full_name_stay_one_mention(resolver: ActorResolver, nlp: Language) -> None:
    assert persons(resolver, nlp, "Prime Minister Theresa May flew to Brussels.") == [
        ("Prime Minister Theresa May", ("GBRGOV",))
    ]


def test_bare_surname_of_one_state_officials_is_that_state_where_it_is_named(
    resolver: ActorResolver, nlp: Language
) -> None:
    # two people called Kim serve in Pyongyang on that date and none elsewhere: with a
    # Korea named in the story, the bare name is North Korea's government
    text = "Seoul offered talks, but Kim rejected the offer within a day."
    found = resolver.find_mentions(nlp(text), D)
    assert [(m.text, m.codes) for m in found if m.text == "Kim"] == [("Kim", ("PRKGOV",))]


def test_bare_surname_of_officials_of_two_states_stays_a_word(
    resolver: ActorResolver, nlp: Language
) -> None:
    # in 2012 a Kim led the North and another was the South's defence minister
    text = "Seoul offered talks, but Kim rejected the offer within a day."
    found = resolver.find_mentions(nlp(text), dt.date(2012, 1, 1))
    assert [m.text for m in found if m.text == "Kim"] == []
