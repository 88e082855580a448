"""Lists of sources: a list the parser reads as an apposition, or as two subjects, meets
reciprocally; a speaker with an appositive name is one source, not a list. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver as code
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_coder_list_read_as_apposition_meets_reciprocally(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    found = code(nlp, resolver, coder, "The US, Japan, and Kenya met on Monday.")
    pairs = {(s, t) for s, t, c in found if c == "040"}
    assert pairs == {(a, b) for a in ("USA", "JPN", "KEN") for b in ("USA", "JPN", "KEN") if a != b}


def test_coder_list_with_two_subjects_meets_reciprocally(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    found = code(nlp, resolver, coder, "Japan, China and Chile met on Monday.")
    assert ("JPN", "CHL", "040") in found and ("CHL", "CHN", "040") in found


def test_coder_speaker_with_appositive_name_is_not_a_list(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "The Dutch premier, a veteran liberal, met the Chilean president on Monday."
    found = code(nlp, resolver, coder, text)
    assert found and all(s.startswith("NLD") and t == "CHLGOV" for s, t, _ in found)


def test_coder_list_of_four_with_an_apposition_each_acts(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    # the parser hangs "the UK" on Norway as an apposition and "and" on the last conjunct
    text = "Norway, the UK, Chile and Peru cut diplomatic ties with Iran."
    found = code(nlp, resolver, coder, text)
    assert {s for s, t, c in found if t == "IRN" and c == "161"} == {"NOR", "GBR", "CHL", "PER"}
