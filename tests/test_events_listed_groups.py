"""Parties counted in one sentence and listed in the sentence beside it: "several Nordic
countries' diplomats", "diplomats from two European nations", "the above-mentioned
countries" stand for the states the story lists next to them, and the event says so in its
rule (``+listed-nearby``); a count beside an unrelated list, a list broken in two, or a
count whose number the list does not match gives no such side. Stories written here."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.actors.listed_groups import LISTED_ENTRY
from tripolar.model import Event, Mention
from tripolar.pipeline import Pipeline

PUBLISHED = dt.date(2022, 3, 9)
RULE = "+listed-nearby"


def coded(pipeline: Pipeline, *paragraphs: str) -> list[Event]:
    return list(pipeline.code_text("\n\n".join(paragraphs), PUBLISHED).events)


def group_mentions(resolver: ActorResolver, nlp: Language, *paragraphs: str) -> list[Mention]:
    found = resolver.find_mentions(nlp("\n\n".join(paragraphs)), PUBLISHED)
    return [m for m in found if m.entry.startswith(LISTED_ENTRY)]


def listed(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.source, e.target, e.code) for e in events if RULE in e.rule]


def test_listed_groups_an_order_to_leave_reaches_each_state_listed_before(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        "The diplomats concerned are two from Norway, one from Denmark and one from Finland.",
        "MOSCOW, March 8 -- The Russian Foreign Ministry on Tuesday ordered several Nordic "
        "countries' diplomats to leave within a week in retaliation for their earlier "
        "expulsions of Russian diplomats.",
    )
    found = listed(events)
    assert ("RUSGOV", "NORGOV", "161") in found
    assert ("RUSGOV", "DNKGOV", "161") in found
    assert ("RUSGOV", "FINGOV", "161") in found
    # "their expulsions": the same listed states, now the acting side
    assert ("NORGOV", "RUSGOV", "161") in found
    taken = next(e for e in events if RULE in e.rule)
    assert taken.sentence.startswith("MOSCOW, March 8")  # the counting sentence keeps it


def test_listed_groups_a_numbered_group_takes_the_list_after_it(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        "Answering in kind, Russia expelled 12 diplomats from two Nordic nations on Friday.",
        "The ministry declared seven Swedish and five Danish diplomats persona non grata.",
    )
    found = listed(events)
    assert {(s[:3], t[:3]) for s, t, _ in found} == {("RUS", "SWE"), ("RUS", "DNK")}


def test_listed_groups_the_count_must_match_the_list(coding_pipeline: Pipeline) -> None:
    events = coded(
        coding_pipeline,
        "Russia expelled 12 diplomats from three Nordic nations on Friday.",
        "The ministry declared seven Swedish and five Danish diplomats persona non grata.",
    )
    assert listed(events) == []


def test_listed_groups_no_side_from_an_unrelated_list(coding_pipeline: Pipeline) -> None:
    # the sentence beside the count lists trading partners, not the targets of the sanctions
    events = coded(
        coding_pipeline,
        "Canada imposed sanctions on a number of Asian states on Monday.",
        "China and Japan are among its largest trading partners, and India, Vietnam and "
        "Thailand are growing ones.",
    )
    assert listed(events) == []


def test_listed_groups_a_list_broken_in_two_gives_no_group(
    resolver: ActorResolver, nlp: Language
) -> None:
    found = group_mentions(
        resolver,
        nlp,
        "Several European countries expelled Russian diplomats this week.",
        "The diplomats left amid a row between Russia and the West, including Italy, Spain "
        "and Greece, the three Baltic states, Poland and Portugal.",
    )
    assert found == []


def test_listed_groups_the_above_mentioned_countries_are_the_last_list(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = (
        "Ottawa expelled diplomats from Belarus, Moldova and Serbia on Monday.\n\n"
        "The above-mentioned countries condemned the decision."
    )
    group = [m for m in resolver.find_mentions(nlp(text), PUBLISHED) if m.kind == "reference"]
    assert [(m.text, tuple(c[:3] for c in m.codes)) for m in group] == [
        ("The above-mentioned countries", ("BLR", "MDA", "SRB"))
    ]


def test_listed_groups_a_count_in_a_sentence_naming_no_state_is_read(
    resolver: ActorResolver, nlp: Language
) -> None:
    # the counting sentence names no state of its own, its neighbour one only: no group
    found = group_mentions(
        resolver,
        nlp,
        "Several countries recalled their envoys on Friday.",
        "The envoys of two nations stayed on.",
        "Peru said nothing.",
    )
    assert found == []


SANCTIONS = "Norway, Iceland and Denmark imposed sanctions on three Belarusian officials on Monday."


def test_listed_groups_a_reaction_to_the_act_of_several_states_aims_at_each(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(coding_pipeline, SANCTIONS, "Minsk said it firmly opposed the sanctions.")
    reacting = {(e.source[:3], e.target[:3]) for e in events if "story-party:act-owner" in e.rule}
    assert reacting == {("BLR", "NOR"), ("BLR", "ISL"), ("BLR", "DNK")}


def test_listed_groups_the_three_countries_are_not_the_sentence_s_own_speaker(
    resolver: ActorResolver, nlp: Language
) -> None:
    # one paragraph: Minsk, named in the group's own sentence, is not one of "the three"
    text = SANCTIONS + " Minsk urged the three countries to lift them."
    found = resolver.find_mentions(nlp(text), PUBLISHED)
    group = next(m for m in found if m.text == "the three countries")
    assert sorted(c[:3] for c in group.codes) == ["DNK", "ISL", "NOR"]


def test_listed_groups_the_two_countries_of_their_own_sentence_stay(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Peru met Chile on Monday. Peru and Bolivia said the two countries would meet again."
    found = resolver.find_mentions(nlp(text), PUBLISHED)
    group = next(m for m in found if m.text == "the two countries")
    assert sorted(c[:3] for c in group.codes) == ["BOL", "PER"]
