"""A state before "-sponsored"/"-drafted" on a text it put forward is that text's sponsor, an
actor ("a US-sponsored resolution"), unlike a force it backs ("Iran-backed militias"); a veto
of such a text acts on the sponsor and the Security Council. Sentences written here."""

from __future__ import annotations

from spacy.language import Language

from events_support import coded_with_resolver, mention_codes
from tripolar.actors import ActorResolver
from tripolar.events import EventCoder


def test_actors_sponsored_texts_name_their_sponsor(nlp: Language, resolver: ActorResolver) -> None:
    found = mention_codes(nlp, resolver, "Norway tabled a Chile-sponsored resolution.")
    assert found.get("Chile") == ("CHL",)


def test_actors_sponsored_texts_backed_forces_stay_unnamed(
    nlp: Language, resolver: ActorResolver
) -> None:
    found = mention_codes(nlp, resolver, "Chile-sponsored militias attacked the town.")
    assert "Chile" not in found


def test_actors_sponsored_texts_veto_acts_on_the_sponsor_and_council(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    text = "Norway vetoed a Chile-sponsored resolution on Thursday."
    assert coded_with_resolver(nlp, resolver, coder, text) == {
        ("NOR", "CHL", "129"),
        ("NOR", "IGOUNOSEC", "129"),
    }


def test_actors_sponsored_texts_vetoed_text_calls_for_nothing(
    nlp: Language, resolver: ActorResolver, coder: EventCoder
) -> None:
    """What a vetoed draft "called for" is not done: no appeal by the Council."""
    text = (
        "Norway vetoed a Chile-sponsored resolution at the UN Security Council, which called "
        "for early elections in Peru."
    )
    assert coded_with_resolver(nlp, resolver, coder, text) == {
        ("NOR", "CHL", "129"),
        ("NOR", "IGOUNOSEC", "129"),
    }


def test_actors_sponsored_texts_on_an_unparsed_doc_stay_unnamed(
    nlp: Language, resolver: ActorResolver
) -> None:
    """A pre-filter reads docs without a parse: the reading must not need one."""
    doc = nlp.make_doc("Norway tabled a Chile-sponsored resolution on the opposition to it.")
    assert "Chile" not in {m.text for m in resolver.find_mentions(doc)}
