"""Demands and appeals held by a noun: "repeated its demand that X ...", "insisted on its
demands", "renewed its call for X to ..."; a rejected demand is no demand. Own sentences."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_table
from tripolar.events import EventCoder

ACTORS = {
    "Norway": "NOR",
    "Finland": "FIN",
    "Estonia": "EST",
    "Latvian": "LVA",
}


def code(nlp: Language, coder: EventCoder, text: str) -> set[tuple[str, str, str]]:
    return set(coded_with_table(nlp, coder, text, ACTORS))


def test_governed_demand_noun_codes_a_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway repeated its demand on Friday that Finland free the Latvian sailors."
    coded = code(nlp, coder, text)
    assert ("NOR", "FIN", "1053") in coded
    assert not any(source == "FIN" for source, _, _ in coded)  # the freeing is not coded


def test_governed_insisting_on_a_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway insisted on its demands that Estonia hold talks with Finland."
    assert ("NOR", "EST", "106") in code(nlp, coder, text)


def test_governed_call_noun_codes_an_appeal(nlp: Language, coder: EventCoder) -> None:
    text = "Norway renewed its call for Estonia to lift the embargo."
    assert code(nlp, coder, text) == {("NOR", "EST", "0254")}


def test_governed_rejected_demand_is_no_demand(nlp: Language, coder: EventCoder) -> None:
    text = "Norway rejected the demand that Finland free the Latvian sailors."
    assert not any(c.startswith("10") for _, _, c in code(nlp, coder, text))
