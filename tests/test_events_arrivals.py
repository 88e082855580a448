"""Arrivals: peacekeepers arriving provide protection (074), troops arriving are a
deployment and no visit, a minister arriving visits (042). Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Uruguayan peacekeeping troops": "URYMIL",
    "Uruguayan troops": "URYMIL",
    "Uruguayan minister": "URYGOV",
    "Haiti": "HTI",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_coder_peacekeepers_arriving_provide_protection(nlp: Language, coder: EventCoder) -> None:
    text = "A first batch of Uruguayan peacekeeping troops arrived in Haiti on Monday."
    assert code(nlp, coder, text) == {("URYMIL", "HTI", "074")}


def test_coder_troops_arriving_is_no_visit(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Uruguayan troops arrived in Haiti on Monday.") == set()
    # a minister's arrival stays a visit
    assert code(nlp, coder, "The Uruguayan minister arrived in Haiti on Monday.") == {
        ("URYGOV", "HTI", "042")
    }
