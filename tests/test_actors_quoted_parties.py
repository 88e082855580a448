"""The parties of a quotation that the quoted words do not name: "you/your" is the listener
the attribution names ("told Biden", "warned the Japanese envoy"), and the event says so
in its rule (``+addressee``); "I/my/our" is the speaker. A "you" with no named listener is
nobody. Sentences written here."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from tripolar.actors import ActorResolver
from tripolar.model import Event
from tripolar.pipeline import Pipeline

PUBLISHED = dt.date(2022, 3, 9)


def references(resolver: ActorResolver, nlp: Language, text: str) -> list[tuple[str, str]]:
    found = resolver.find_mentions(nlp(text), PUBLISHED)
    return [(m.text, m.entry) for m in found if m.kind == "reference"]


def coded(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline.code_text(text, PUBLISHED).events)


def test_quoted_parties_you_is_the_listener_of_told(resolver: ActorResolver, nlp: Language) -> None:
    text = 'Lula told Macron: "I am grateful for your support."'
    found = resolver.find_mentions(nlp(text), PUBLISHED)
    you = next(m for m in found if m.text == "your")
    assert [c[:3] for c in you.codes] == ["FRA"]
    me = next(m for m in found if m.text == "I")
    assert [c[:3] for c in me.codes] == ["BRA"]


def test_quoted_parties_a_rejection_of_your_demands_aims_at_the_listener(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline,
        '"We reject your demands," the Iranian foreign minister told his Japanese counterpart '
        "on Monday.",
    )
    aimed = [(e.source[:3], e.target[:3], e.code[:2]) for e in events if "+addressee" in e.rule]
    assert aimed == [("IRN", "JPN", "12")]


def test_quoted_parties_you_with_no_named_listener_is_nobody(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = '"You cannot trust their promises," the Polish minister said of Russia.'
    assert not [r for r in references(resolver, nlp, text) if r[0] == "You"]


def test_quoted_parties_you_outside_quotation_marks_is_nobody(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = "Peru told Chile that you cannot fish there."
    assert not [r for r in references(resolver, nlp, text) if r[0] == "you"]


def test_quoted_parties_our_country_is_the_speaker(resolver: ActorResolver, nlp: Language) -> None:
    text = '"Our country will not bow to pressure," Venezuela\'s foreign minister said.'
    found = dict(references(resolver, nlp, text))
    assert found.get("Our", "").startswith("speaker:")


def test_quoted_parties_our_before_a_common_noun_is_nobody(
    resolver: ActorResolver, nlp: Language
) -> None:
    text = '"They crossed our fishing grounds," the Chilean navy chief said.'
    assert not [r for r in references(resolver, nlp, text) if r[0] == "our"]


def test_quoted_parties_thanks_said_as_a_wish_are_given_to_the_listener(
    coding_pipeline: Pipeline,
) -> None:
    events = coded(
        coding_pipeline, 'Lula told Macron: "I would like to thank you for your support."'
    )
    thanked = [(e.source[:3], e.target[:3], e.code) for e in events if "+addressee" in e.rule]
    assert thanked == [("BRA", "FRA", "051")]


def test_quoted_parties_a_meeting_said_as_a_wish_is_not_held(coding_pipeline: Pipeline) -> None:
    events = coded(coding_pipeline, 'Lula told Macron: "I would like to meet you in Paris."')
    assert not [e for e in events if e.code.startswith("04")]
